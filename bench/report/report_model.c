/* report_model: the numbers behind the report, computed once (the
 * summary's and the priorities' facts in report_story.c). */
#include "report/report.h"
#include "base/mem.h"
#include "core/stats.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *report_ref_name(const struct report_model *m, const struct profile *p)
{
	return p->is_frontier ? str_get(m->str, "frontier") : str_brand(m->str, p);
}

const char *report_signal_name(const struct report_model *m, enum signal s)
{
	char key[64];
	snprintf(key, sizeof key, "signal.%s", signal_ids[s]);
	return str_get(m->str, key);
}

static enum row_kind kind_of(const struct profile *p)
{
	return p->is_frontier ? ROW_FRONTIER : ROW_BRAND;
}

static int by_score(const void *a, const void *b)
{
	const struct rank_row *x = a, *y = b;
	double sx = isnan(x->score) ? -1 : x->score, sy = isnan(y->score) ? -1 : y->score;
	if (sx != sy)
		return sx > sy ? -1 : 1;
	return (int)x->kind - (int)y->kind;
}

static void rank_overall(struct report_model *m)
{
	const struct gap_report *g = m->gap;
	size_t k;

	m->ranks = xcalloc(g->nrefs + 1, sizeof *m->ranks);
	m->ranks[0].label = m->company->name;
	m->ranks[0].kind = ROW_COMPANY;
	m->ranks[0].score = g->overall;
	for (k = 0; k < g->nrefs; k++) {
		struct rank_row *r = &m->ranks[k + 1];
		r->label = report_ref_name(m, g->refs[k]);
		r->kind = kind_of(g->refs[k]);
		r->score = g->ref_overall[k];
		r->ref = k;
	}
	m->nranks = g->nrefs + 1;
	qsort(m->ranks, m->nranks, sizeof *m->ranks, by_score);
}

static int by_total(const void *a, const void *b)
{
	const struct tax_row *x = a, *y = b;
	if (x->t.total != y->t.total)
		return x->t.total < y->t.total ? -1 : 1;
	return (int)x->kind - (int)y->kind;
}

/* How many of the time tax's four inputs a reference reports (the rest
 * are modeled): the chart says so beside each total. */
static int reported_inputs(const struct catalog *cat, const struct profile *p)
{
	static const char *const inputs[] = { "asa_seconds", "hold_seconds",
		"transfers_per_contact", "repeat_contact_pct" };
	size_t i;
	int n = 0;

	for (i = 0; i < sizeof inputs / sizeof *inputs; i++) {
		long k = catalog_metric(cat, inputs[i]);
		n += k >= 0 && p->values[k].present && p->values[k].reported;
	}
	return n;
}

static void time_tax(struct report_model *m)
{
	const struct gap_report *g = m->gap;
	double *values = xcalloc(m->cat->nmetrics, sizeof *values);
	size_t i, k;

	m->taxes = xcalloc(g->nrefs + 1, sizeof *m->taxes);
	for (i = 0; i < m->cat->nmetrics; i++)
		values[i] = g->period->obs[i].present ? g->period->obs[i].value : NAN;
	if (timetax_compute(m->cat, values, &m->taxes[0].t) == 0) {
		m->taxes[0].label = m->company->name;
		m->taxes[0].kind = ROW_COMPANY;
		m->taxes[0].reported = -1;
		m->ntaxes = 1;
		m->company_taxed = 1;
	}
	for (k = 0; m->company_taxed && k < g->nrefs; k++) {
		struct tax_row *row = &m->taxes[m->ntaxes];
		for (i = 0; i < m->cat->nmetrics; i++)
			values[i] = g->refs[k]->values[i].present ?
				g->refs[k]->values[i].value : NAN;
		if (timetax_compute(m->cat, values, &row->t) < 0)
			continue;
		row->label = report_ref_name(m, g->refs[k]);
		row->kind = kind_of(g->refs[k]);
		/* the frontier keeps each value's basis from its brand */
		row->reported = reported_inputs(m->cat, g->refs[k]);
		m->ntaxes++;
	}
	qsort(m->taxes, m->ntaxes, sizeof *m->taxes, by_total);
	free(values);
}

/* Points lost, largest first: a factor without a CSAT figure last, ties
 * by NPS points lost, then in the file's order. */
struct lost_key {
	double csat, nps;
	size_t index;
};

static int lost_cmp(double a, double b)
{
	if (isnan(a) || isnan(b))
		return isnan(a) - isnan(b);
	return a > b ? -1 : a < b;
}

static int by_lost(const void *a, const void *b)
{
	const struct lost_key *x = a, *y = b;
	int c = lost_cmp(x->csat, y->csat);

	if (!c)
		c = lost_cmp(x->nps, y->nps);
	return c ? c : (x->index > y->index) - (x->index < y->index);
}

static void friction_order(struct report_model *m)
{
	size_t i, n = m->friction ? m->friction->nfactors : 0;
	struct lost_key *k = xcalloc(n + 1, sizeof *k);

	for (i = 0; i < n; i++) {
		k[i].csat = m->friction->factors[i].lost_csat;
		k[i].nps = m->friction->factors[i].lost_nps;
		k[i].index = i;
	}
	qsort(k, n, sizeof *k, by_lost);
	m->fr_order = xcalloc(n + 1, sizeof *m->fr_order);
	for (i = 0; i < n; i++)
		m->fr_order[i] = k[i].index;
	free(k);
}

static void top_priorities(struct report_model *m)
{
	size_t j;

	m->ntop = m->gap->npriorities < REPORT_TOP ? m->gap->npriorities : REPORT_TOP;
	for (j = 0; j < m->ntop; j++)
		m->top[j] = m->gap->metrics[m->gap->priorities[j]].metric;
}

struct report_model *report_model_new(const struct catalog *cat,
				      const struct company *company, size_t period,
				      const struct selection *sel,
				      const struct strings *str,
				      const struct voice *voice)
{
	struct report_model *m = xcalloc(1, sizeof *m);
	size_t i;

	m->cat = cat;
	m->company = company;
	m->str = str;
	m->sel = sel;
	m->voice = voice;
	m->friction = company->periods[period].friction;
	m->gap = gap_compute(cat, company, period, sel->refs, sel->n, sel->frontier);
	rank_overall(m);
	time_tax(m);
	top_priorities(m);
	friction_order(m);
	for (i = 0; i < cat->ndims; i++)
		m->ndims += m->gap->dims[i].nmetrics > 0;
	m->trend = trend_compute(cat, company, period + 1, sel->refs, sel->n,
				 sel->frontier);
	story_compute(&m->story, m->gap, m->trend);
	return m;
}

void report_model_free(struct report_model *m)
{
	if (!m)
		return;
	gap_free(m->gap);
	free(m->ranks);
	free(m->taxes);
	free(m->fr_order);
	trend_free(m->trend);
	free(m);
}
