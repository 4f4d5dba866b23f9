#include "fixture.h"
#include "check.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

void set_dim(struct dimension *d, const char *id, double weight)
{
	d->id = strdup(id);
	d->name = strdup(id);
	d->description = strdup("");
	d->weight = weight;
}

void set_metric(struct metric_def *m, const char *id, size_t dim,
		       int higher, double worst, double best,
		       enum metric_kind kind)
{
	m->id = strdup(id);
	m->name = strdup(id);
	m->unit = strdup(kind == KIND_MEAN ? "seconds" : "%");
	m->description = strdup("");
	m->dim = dim;
	m->higher = higher;
	m->worst = worst;
	m->best = best;
	m->kind = kind;
	m->min = kind == KIND_NPS ? -100 : kind == KIND_SCALE ? 1 : 0;
	m->max = kind == KIND_NPS || kind == KIND_PERCENT ? 100 :
		 kind == KIND_SCALE ? 7 : HUGE_VAL;
}

struct profile *new_profile(const struct catalog *cat, const char *id)
{
	struct profile *p = calloc(1, sizeof *p);
	p->id = strdup(id);
	p->brand = strdup(id);
	p->values = calloc(cat->nmetrics, sizeof *p->values);
	p->nvalues = cat->nmetrics;
	return p;
}

void set_value(struct profile *p, size_t m, double v)
{
	p->values[m].present = 1;
	p->values[m].value = v;
}

void put(const struct catalog *cat, struct company *c,
		struct period_data *pd, long m, double value, double n, double p,
		double d)
{
	struct obs o = { 0 };
	o.value = value;
	o.n = n;
	o.promoters = p;
	o.detractors = d;
	CHECK_INT(company_put(cat, c, pd, m, &o, "test"), 0);
}
