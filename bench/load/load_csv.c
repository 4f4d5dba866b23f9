/* load_csv: the CSV form of a company metrics file: a header naming at
 * least company, period, metric and value (n, industry, promoters_pct,
 * detractors_pct and clock optional; other columns, such as a template's
 * name, unit and definition, ignored), one row per period and metric.  A
 * row whose value is empty, and n, shares and clock too, is a metric not
 * reported (a template's row left empty).  Errors name the line. */
#include "load/loaders.h"
#include "io/csv.h"
#include "base/mem.h"
#include "base/msg.h"
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

enum col { COL_COMPANY, COL_INDUSTRY, COL_PERIOD, COL_METRIC, COL_VALUE, COL_N,
	   COL_PROMOTERS, COL_DETRACTORS, COL_CLOCK, NCOLS };

static const char *const col_names[NCOLS] = { "company", "industry", "period",
	"metric", "value", "n", "promoters_pct", "detractors_pct", "clock" };

struct layout {
	long at[NCOLS]; /* field index of each column, -1 when absent */
	size_t width;
};

static int read_header(struct csv_reader *r, const char *file, struct layout *l)
{
	size_t i, k;
	int missing = 0;

	for (k = 0; k < NCOLS; k++)
		l->at[k] = -1;
	l->width = r->nfields;
	for (i = 0; i < r->nfields; i++) {
		for (k = 0; k < NCOLS; k++) {
			if (strcasecmp(r->fields[i].s, col_names[k]) != 0)
				continue;
			if (l->at[k] >= 0) {
				msg_at(file, r->line, "column '%s' appears twice", col_names[k]);
				return -1;
			}
			l->at[k] = (long)i;
		}
	}
	for (k = 0; k <= COL_VALUE; k++) {
		if (k != COL_INDUSTRY && l->at[k] < 0) {
			msg_at(file, r->line, "missing column '%s' (the header needs "
			       "company,period,metric,value)", col_names[k]);
			missing++;
		}
	}
	return missing ? -1 : 0;
}

static const char *cell(const struct csv_reader *r, const struct layout *l, enum col k)
{
	return l->at[k] >= 0 ? r->fields[l->at[k]].s : "";
}

/* An optional number: empty means absent (fallback), otherwise a number. */
static int opt_number(const struct csv_reader *r, const struct layout *l,
		      enum col k, double fallback, double *out, const char *file)
{
	const char *s = cell(r, l, k);
	int rc;

	if (!*s) {
		*out = fallback;
		return 0;
	}
	rc = csv_number(s, out);
	if (rc == 0)
		return 0;
	msg_at(file, r->line, "%s: '%.40s' is %s", col_names[k], s,
	       rc == -2 ? "out of range" : "not a number");
	return -1;
}

static int same_company(struct company *c, const struct csv_reader *r,
			const struct layout *l)
{
	const char *name = cell(r, l, COL_COMPANY), *ind = cell(r, l, COL_INDUSTRY);
	char why[80];

	if (company_name_check(name, why, sizeof why) < 0) {
		msg_at(c->origin, r->line, "company: %s", why);
		return -1;
	}
	if (!c->name) {
		c->name = xstrdup(name);
		c->industry = *ind ? xstrdup(ind) : NULL;
		return 0;
	}
	if (strcmp(c->name, name) != 0) {
		msg_at(c->origin, r->line, "company '%.80s' differs from '%.80s' on "
		       "earlier lines; use one company per file", name, c->name);
		return -1;
	}
	return 0;
}

/* The first of the cells beside the value that is filled in, or -1. */
static int filled_beside(const struct csv_reader *r, const struct layout *l)
{
	static const enum col beside[] = { COL_N, COL_PROMOTERS, COL_DETRACTORS,
		COL_CLOCK };
	size_t i;

	for (i = 0; i < sizeof beside / sizeof *beside; i++)
		if (*cell(r, l, beside[i]))
			return (int)beside[i];
	return -1;
}

static int read_row(const struct catalog *cat, struct company *c,
		    const struct csv_reader *r, const struct layout *l)
{
	const char *label = cell(r, l, COL_PERIOD), *id = cell(r, l, COL_METRIC), *hint;
	struct period key;
	struct period_data *pd;
	struct obs o;
	char why[120];
	long m;
	int bad = 0, k;

	if (r->nfields != l->width) {
		msg_at(c->origin, r->line, "expected %zu fields, found %zu", l->width,
		       r->nfields);
		return -1;
	}
	if (same_company(c, r, l) < 0)
		return -1;
	if (period_parse(label, &key) < 0) {
		msg_at(c->origin, r->line, "period: '%.40s' is not a period (YYYY-Qn, "
		       "YYYY-MM or YYYY)", label);
		return -1;
	}
	m = catalog_metric(cat, id);
	if (m < 0) {
		hint = catalog_suggest(cat, id);
		msg_at(c->origin, r->line, "metric: unknown metric '%.100s'%s%s%s", id,
		       hint ? " (did you mean '" : "", hint ? hint : "", hint ? "'?)" : "");
		return -1;
	}
	if (!*cell(r, l, COL_VALUE)) {
		k = filled_beside(r, l);
		if (k < 0)
			return 0; /* not reported */
		msg_at(c->origin, r->line, "value: missing for metric '%s', but %s is "
		       "given (leave both empty when the metric is not reported)", id,
		       col_names[k]);
		return -1;
	}
	memset(&o, 0, sizeof o);
	o.line = r->line;
	bad += opt_number(r, l, COL_VALUE, 0, &o.value, c->origin) < 0;
	bad += opt_number(r, l, COL_N, 0, &o.n, c->origin) < 0;
	bad += opt_number(r, l, COL_PROMOTERS, NAN, &o.promoters, c->origin) < 0;
	bad += opt_number(r, l, COL_DETRACTORS, NAN, &o.detractors, c->origin) < 0;
	if (!bad && *cell(r, l, COL_N) && sample_size_check(o.n, why, sizeof why) < 0) {
		msg_at(c->origin, r->line, "n: %s", why);
		bad++;
	}
	if (!bad && clock_parse(cell(r, l, COL_CLOCK), &o.business_clock, why,
				sizeof why) < 0) {
		msg_at(c->origin, r->line, "%s", why);
		bad++;
	}
	if (bad)
		return -1;
	pd = company_add_period(c, key, r->line);
	if (!pd)
		return -1;
	return company_put(cat, c, pd, m, &o, id);
}

int load_company_csv(const struct catalog *cat, struct input *in,
		     struct company *c)
{
	struct csv_reader r;
	struct layout l;
	int got, bad = 0;

	csv_init(&r, in->data, in->len);
	got = csv_next(&r);
	if (got > 0 && read_header(&r, c->origin, &l) < 0)
		got = -2;
	while (got > 0) {
		got = csv_next(&r);
		if (got > 0)
			bad += read_row(cat, c, &r, &l) < 0;
	}
	if (got == -1)
		msg_at(c->origin, r.line, "%s", r.error);
	csv_release(&r);
	return bad || got < 0 ? CX_EINPUT : CX_OK;
}
