#include "core/gap.h"
#include "base/mem.h"
#include "core/stats.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *gap_quartile_name(int quartile)
{
	static const char *const names[] = { "", "top", "second", "third", "bottom" };
	return quartile >= 1 && quartile <= 4 ? names[quartile] : "";
}

/* a better than b by the metric's direction */
static int better(const struct metric_def *def, double a, double b)
{
	return def->higher ? a > b : a < b;
}

int gap_quartile(const struct metric_def *def, const struct ref_value *v, double company)
{
	double best = def->higher ? v->p75 : v->p25, worst = def->higher ? v->p25 : v->p75;

	if (!v->has_range)
		return 0;
	if (!better(def, best, company))
		return 1;
	if (!better(def, v->value, company))
		return 2;
	return !better(def, worst, company) ? 3 : 4;
}

static void fill_cell(const struct metric_def *def, const struct gap_metric *gm,
		      const struct ref_value *v, int period_year, struct gap_cell *cell)
{
	cell->age = -1;
	if (!v->present)
		return;
	cell->present = 1;
	cell->value = v->value;
	cell->score = metric_score(def, v->value);
	cell->gap = metric_gap(def, v->value, gm->value);
	cell->gap_points = cell->score - gm->score;
	cell->significant = isnan(gm->moe) ? -1 : fabs(cell->gap) > gm->moe;
	if (v->reported && v->year)
		cell->age = period_year - v->year;
	cell->quartile = gap_quartile(def, v, gm->value);
}

double obs_change_moe(const struct metric_def *m, const struct obs *a,
		      const struct obs *b)
{
	double m1 = metric_moe(m, a->value, a->n, a->promoters, a->detractors);
	double m2 = metric_moe(m, b->value, b->n, b->promoters, b->detractors);
	return sqrt(m1 * m1 + m2 * m2); /* NAN propagates */
}

static void change(const struct gap_report *r, struct gap_metric *gm)
{
	const struct period_data *first = r->company->periods;
	const struct period_data *p;
	const struct obs *now = &r->period->obs[gm->metric];

	gm->change = gm->change_moe = NAN;
	gm->change_significant = -1;
	for (p = r->period; p-- > first;) {
		const struct obs *o = &p->obs[gm->metric];
		if (!o->present)
			continue;
		/* hours on a business clock and calendar hours are not one scale:
		 * no change between them */
		if (o->business_clock != now->business_clock)
			return;
		gm->change_from = p->label;
		gm->change = now->value - o->value;
		gm->change_moe = obs_change_moe(&r->cat->metrics[gm->metric], o, now);
		if (!isnan(gm->change_moe))
			gm->change_significant = fabs(gm->change) > gm->change_moe;
		return;
	}
}

static void compute_metrics(struct gap_report *r)
{
	const struct obs *obs = r->period->obs;
	size_t m, k;

	r->metrics = xcalloc(r->cat->nmetrics, sizeof *r->metrics);
	r->not_measured = xcalloc(r->cat->nmetrics, sizeof *r->not_measured);
	r->no_reference = xcalloc(r->cat->nmetrics, sizeof *r->no_reference);
	r->ref_covered = xcalloc(r->nrefs, sizeof *r->ref_covered);
	for (m = 0; m < r->cat->nmetrics; m++) {
		const struct metric_def *def = &r->cat->metrics[m];
		struct gap_metric *gm = &r->metrics[r->nmetrics];
		size_t covered = 0;

		if (!obs[m].present) {
			r->not_measured[r->nnot_measured++] = m;
			continue;
		}
		r->nmetrics++;
		gm->metric = m;
		gm->value = obs[m].value;
		gm->score = metric_score(def, gm->value);
		gm->moe = metric_moe(def, gm->value, obs[m].n, obs[m].promoters,
				     obs[m].detractors);
		gm->cells = xcalloc(r->nrefs, sizeof *gm->cells);
		change(r, gm);
		for (k = 0; k < r->nrefs; k++) {
			fill_cell(def, gm, &r->refs[k]->values[m], r->period->key.year,
				  &gm->cells[k]);
			covered += gm->cells[k].present;
			r->ref_covered[k] += gm->cells[k].present;
		}
		if (!covered && !(r->frontier && r->frontier->values[m].present))
			r->no_reference[r->nno_reference++] = m;
	}
}

/* A reference's dimension score averages its scores on the company's
 * metrics of that dimension that it has. */
static void compute_dims(struct gap_report *r)
{
	size_t d, i, k;

	r->dims = xcalloc(r->cat->ndims, sizeof *r->dims);
	for (d = 0; d < r->cat->ndims; d++) {
		struct gap_dim *gd = &r->dims[d];
		double sum = 0;

		gd->ref_scores = xcalloc(r->nrefs, sizeof *gd->ref_scores);
		for (k = 0; k < r->nrefs; k++) {
			double rs = 0;
			size_t rn = 0;
			for (i = 0; i < r->nmetrics; i++) {
				const struct gap_metric *gm = &r->metrics[i];
				if (r->cat->metrics[gm->metric].dim != d || !gm->cells[k].present)
					continue;
				rs += gm->cells[k].score;
				rn++;
			}
			gd->ref_scores[k] = rn ? rs / (double)rn : NAN;
		}
		for (i = 0; i < r->nmetrics; i++) {
			if (r->cat->metrics[r->metrics[i].metric].dim != d)
				continue;
			sum += r->metrics[i].score;
			gd->nmetrics++;
		}
		gd->score = gd->nmetrics ? sum / (double)gd->nmetrics : NAN;
	}
}

/* Weighted over the dimensions the company has; a reference lacking a
 * whole dimension is averaged over the rest. */
static double weighted_overall(const struct gap_report *r, long ref)
{
	double sum = 0, wsum = 0;
	size_t d;

	for (d = 0; d < r->cat->ndims; d++) {
		double s = ref < 0 ? r->dims[d].score : r->dims[d].ref_scores[ref];
		if (!r->dims[d].nmetrics || isnan(s))
			continue;
		sum += r->cat->dims[d].weight * s;
		wsum += r->cat->dims[d].weight;
	}
	return wsum > 0 ? sum / wsum : NAN;
}

struct ranked {
	double weight; /* gap points against the frontier times dimension weight */
	const char *id;
	size_t index;
};

static int by_priority(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;
	if (x->weight != y->weight)
		return x->weight > y->weight ? -1 : 1;
	return strcmp(x->id, y->id);
}

static void compute_priorities(struct gap_report *r)
{
	struct ranked *rank = xcalloc(r->nmetrics, sizeof *rank);
	size_t i, n = 0;

	r->priorities = xcalloc(r->nmetrics, sizeof *r->priorities);
	for (i = 0; r->frontier && i < r->nmetrics; i++) {
		const struct gap_metric *gm = &r->metrics[i];
		const struct metric_def *def = &r->cat->metrics[gm->metric];
		const struct ref_value *f = &r->frontier->values[gm->metric];
		double points = f->present ? metric_score(def, f->value) - gm->score : 0;
		/* Rounded so that gaps equal on paper tie (and then go by id)
		 * whatever the last bits of the division were. */
		double weight = round(points * r->cat->dims[def->dim].weight * 1e9) / 1e9;
		if (weight <= 0)
			continue;
		rank[n].weight = weight;
		rank[n].id = def->id;
		rank[n++].index = i;
	}
	qsort(rank, n, sizeof *rank, by_priority);
	for (i = 0; i < n; i++)
		r->priorities[i] = rank[i].index;
	r->npriorities = n;
	free(rank);
}

struct gap_report *gap_compute(const struct catalog *cat,
			       const struct company *company, size_t period,
			       const struct profile *const *refs, size_t nrefs,
			       const struct profile *frontier)
{
	struct gap_report *r = xcalloc(1, sizeof *r);
	size_t k;

	r->cat = cat;
	r->company = company;
	r->period = &company->periods[period];
	r->refs = refs;
	r->nrefs = nrefs;
	r->frontier = frontier;
	compute_metrics(r);
	compute_dims(r);
	r->overall = weighted_overall(r, -1);
	r->ref_overall = xcalloc(nrefs, sizeof *r->ref_overall);
	for (k = 0; k < nrefs; k++)
		r->ref_overall[k] = weighted_overall(r, (long)k);
	compute_priorities(r);
	return r;
}

long gap_frontier_index(const struct gap_report *g)
{
	size_t k;
	for (k = 0; k < g->nrefs; k++)
		if (g->refs[k]->is_frontier)
			return (long)k;
	return -1;
}

void gap_free(struct gap_report *r)
{
	size_t i;

	if (!r)
		return;
	for (i = 0; i < r->nmetrics; i++)
		free(r->metrics[i].cells);
	for (i = 0; r->dims && i < r->cat->ndims; i++)
		free(r->dims[i].ref_scores);
	free(r->metrics);
	free(r->dims);
	free(r->ref_overall);
	free(r->ref_covered);
	free(r->priorities);
	free(r->not_measured);
	free(r->no_reference);
	free(r);
}
