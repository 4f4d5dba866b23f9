#include "aggregate/agg_check.h"
#include "base/mem.h"
#include "imports/import.h"
#include <stdlib.h>
#include <string.h>

static const struct csv_field *cell(const struct column_map *map,
				    const struct csv_reader *r, enum field f)
{
	return map->col[f] >= 0 ? &r->fields[map->col[f]] : NULL;
}

static void refuse(struct agg_check *k, enum field f, long line,
		   const struct csv_field *c, const char *why)
{
	struct check_sample *s;

	k->refused[f]++;
	if (k->nsamples[f] >= CHECK_SAMPLES)
		return;
	s = &k->sample[f][k->nsamples[f]++];
	s->line = line;
	snprintf(s->text, sizeof s->text, "%.*s", c ? (int)c->len : 0, c ? c->s : "");
	snprintf(s->why, sizeof s->why, "%s", why);
}

/* The cells of field f emptied, so the next parse passes over it. */
static void blank(const struct column_map *map, struct csv_reader *r, enum field f)
{
	if (map->col[f] >= 0)
		r->fields[map->col[f]].s[0] = '\0', r->fields[map->col[f]].len = 0;
	if (map->col2[f] >= 0)
		r->fields[map->col2[f]].s[0] = '\0', r->fields[map->col2[f]].len = 0;
}

int agg_check_record(struct agg_check *k, const struct column_map *map,
		     struct csv_reader *r, long line, struct contact *c)
{
	unsigned char refused[NFIELDS] = { 0 };
	const char *why = NULL;
	enum field bad = NFIELDS;
	size_t f, tries;

	for (tries = 0; tries <= NFIELDS; tries++) {
		bad = NFIELDS;
		if (contact_parse(map, r, c, &why, &bad) == 0)
			break;
		if (bad == NFIELDS || refused[bad])
			return -1;
		refuse(k, bad, line, cell(map, r, bad), why);
		refused[bad] = 1;
		blank(map, r, bad);
	}
	for (f = 0; f < NFIELDS; f++) {
		const struct csv_field *v = cell(map, r, (enum field)f);
		if (!v || refused[f])
			continue;
		if (import_is_missing(map->profile, map->spec[f], v->s, v->len))
			k->missing[f]++;
		else
			k->read[f]++;
	}
	return 0;
}

void agg_check_columns(struct agg_check *k, const struct column_map *map,
		       const struct csv_reader *header)
{
	size_t f;

	for (f = 0; f < NFIELDS; f++) {
		if (map->col[f] < 0)
			continue;
		free(k->column[f]);
		k->column[f] = map->col2[f] < 0 ? xstrdup(header->fields[map->col[f]].s) :
			xasprintf("%s %s %s", header->fields[map->col[f]].s,
				  map->spec[f] && map->spec[f]->elapsed ? "->" : "+",
				  header->fields[map->col2[f]].s);
	}
}

void agg_check_merge(struct agg_check *into, const struct agg_check *from, long before)
{
	size_t f;
	int i;

	for (f = 0; f < NFIELDS; f++) {
		into->read[f] += from->read[f];
		into->missing[f] += from->missing[f];
		into->refused[f] += from->refused[f];
		for (i = 0; i < from->nsamples[f] && into->nsamples[f] < CHECK_SAMPLES; i++) {
			into->sample[f][into->nsamples[f]] = from->sample[f][i];
			into->sample[f][into->nsamples[f]++].line += before;
		}
	}
}

int agg_check_print(FILE *f, const struct agg_check *k, const char *file,
		    const char *profile)
{
	size_t i;
	int s, bad = 0, w = 28;

	for (i = 0; i < NFIELDS; i++) /* the widest column name, up to 60 */
		if (k->column[i] && (int)strlen(k->column[i]) > w)
			w = strlen(k->column[i]) > 60 ? 60 : (int)strlen(k->column[i]);
	fprintf(f, "%s: %s\n\n", file, profile ? profile : "read by cxbench's own column names");
	fprintf(f, "  %-24s %-*s %9s %9s %9s\n", "field", w, "column", "read", "missing",
		"refused");
	for (i = 0; i < NFIELDS; i++) {
		if (!k->column[i])
			continue;
		fprintf(f, "  %-24s %-*.60s %9llu %9llu %9llu\n", field_names[i], w, k->column[i],
			(unsigned long long)k->read[i], (unsigned long long)k->missing[i],
			(unsigned long long)k->refused[i]);
		for (s = 0; s < k->nsamples[i]; s++)
			fprintf(f, "      line %ld: '%s': %s\n", k->sample[i][s].line,
				k->sample[i][s].text, k->sample[i][s].why);
		bad |= k->refused[i] > 0;
	}
	fprintf(f, "\n%s\n", bad ? "some values would be refused: fix the profile (or the "
		"file) and check again" : "every value can be read");
	return bad;
}

void agg_check_release(struct agg_check *k)
{
	size_t f;

	if (!k)
		return;
	for (f = 0; f < NFIELDS; f++)
		free(k->column[f]);
}
