#include "core/friction.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

void friction_free(struct friction *f)
{
	size_t i, j;

	if (!f)
		return;
	for (i = 0; i < f->nfactors; i++) {
		for (j = 0; j < f->factors[i].nlevels; j++)
			free(f->factors[i].levels[j].level);
		free(f->factors[i].levels);
		free(f->factors[i].id);
		free(f->factors[i].best);
	}
	free(f->factors);
	free(f);
}

const struct fr_factor *friction_factor(const struct friction *f, const char *id)
{
	size_t i;

	for (i = 0; f && i < f->nfactors; i++)
		if (strcmp(f->factors[i].id, id) == 0)
			return &f->factors[i];
	return NULL;
}

int fr_enough(const struct fr_stat *s)
{
	return !isnan(s->n) && s->n >= FRICTION_MIN_ANSWERS && !isnan(s->value);
}
