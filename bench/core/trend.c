#include "core/trend.h"
#include "core/gap.h"
#include "base/mem.h"
#include "core/stats.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *trend_status_name(enum trend_status s)
{
	static const char *const names[] = { "level or ahead", "closing",
		"moving away", "not moving", "too few periods", "no reference value" };
	return names[s];
}

static void build_timeline(struct trend *t)
{
	const struct company *c = t->company;
	long first = period_index(c->periods[0].key);
	long last = period_index(c->periods[t->upto - 1].key);
	size_t i;

	t->nperiods = (size_t)(last - first + 1);
	t->timeline = xcalloc(t->nperiods, sizeof *t->timeline);
	t->at = xcalloc(t->nperiods, sizeof *t->at);
	for (i = 0; i < t->nperiods; i++) {
		t->timeline[i] = period_from_index(c->periods[0].key.gran, first + (long)i);
		t->at[i] = -1;
	}
	for (i = 0; i < t->upto; i++)
		t->at[period_index(c->periods[i].key) - first] = (long)i;
}

/* Least squares over the observations in the last TREND_WINDOW slots. */
static double velocity(const struct trend *t, const double *scores)
{
	double x[TREND_WINDOW], y[TREND_WINDOW];
	size_t i, from = t->nperiods > TREND_WINDOW ? t->nperiods - TREND_WINDOW : 0;
	double v;
	int n = 0;

	for (i = from; i < t->nperiods; i++) {
		if (isnan(scores[i]))
			continue;
		x[n] = (double)i;
		y[n++] = scores[i];
	}
	v = lsq_slope(x, y, n);
	/* a flat series can come out a rounding error away from zero */
	return fabs(v) < 1e-9 ? 0 : v;
}

static void observations(const struct trend *t, struct trend_row *r)
{
	long i;

	r->first = r->last = r->prev = -1;
	for (i = 0; i < (long)t->nperiods; i++) {
		if (isnan(r->scores[i]))
			continue;
		if (r->first < 0)
			r->first = i;
		r->prev = r->last;
		r->last = i;
	}
}

static const double *series(const struct trend_row *r)
{
	return r->values ? r->values : r->scores;
}

static void changes(const struct trend *t, struct trend_row *r)
{
	const double *v = series(r);

	observations(t, r);
	r->change = r->change_first = r->change_moe = NAN;
	r->change_significant = -1;
	r->velocity = velocity(t, r->scores);
	if (r->prev < 0)
		return;
	r->change = v[r->last] - v[r->prev];
	r->change_first = v[r->last] - v[r->first];
}

/* The margin of a difference of two independent estimates:
 * 1.96 * sqrt(SE1^2 + SE2^2), i.e. sqrt(moe1^2 + moe2^2). */
static void metric_significance(const struct trend *t, struct trend_row *r)
{
	const struct obs *a, *b;

	if (r->prev < 0)
		return;
	a = &t->company->periods[t->at[r->prev]].obs[r->index];
	b = &t->company->periods[t->at[r->last]].obs[r->index];
	r->change_moe = obs_change_moe(&t->cat->metrics[r->index], a, b);
	if (!isnan(r->change_moe))
		r->change_significant = fabs(r->change) > r->change_moe;
}

/* Paces this slow never arrive in any plan worth showing. */
#define TREND_MAX_PERIODS 1000

static void project(const struct trend *t, struct trend_row *r, size_t k,
		    double ref_score)
{
	struct trend_ref *tr = &r->refs[k];
	double now = r->last >= 0 ? r->scores[r->last] : NAN;

	tr->periods_to_close = NAN;
	tr->gap_points = ref_score - now;
	if (isnan(tr->gap_points)) {
		tr->status = TREND_UNKNOWN;
		return;
	}
	/* rounded so that a gap equal on paper to zero counts as closed */
	if (round(tr->gap_points * 1e9) <= 0) {
		tr->status = TREND_NONE;
		return;
	}
	if (!(r->velocity > 0) || tr->gap_points / r->velocity > TREND_MAX_PERIODS) {
		tr->status = isnan(r->velocity) ? TREND_NO_PACE :
			r->velocity < 0 ? TREND_AWAY : TREND_FLAT;
		return;
	}
	tr->status = TREND_CLOSING;
	tr->periods_to_close = ceil(round(tr->gap_points / r->velocity * 1e9) / 1e9);
	/* counted from the period the gap was measured in */
	tr->closes_in = period_from_index(t->timeline[0].gran,
		period_index(t->timeline[r->last]) + (long)tr->periods_to_close);
}

static struct trend_row *new_row(struct trend *t, enum trend_kind kind, size_t index)
{
	struct trend_row *r = &t->rows[t->nrows++];
	r->kind = kind;
	r->index = index;
	r->scores = xcalloc(t->nperiods, sizeof *r->scores);
	r->refs = xcalloc(t->nrefs, sizeof *r->refs);
	return r;
}

static void metric_rows(struct trend *t)
{
	size_t m, i, k;

	for (m = 0; m < t->cat->nmetrics; m++) {
		const struct metric_def *def = &t->cat->metrics[m];
		struct trend_row *r = NULL;
		for (i = 0; i < t->nperiods && !r; i++)
			/* NOLINTNEXTLINE(clang-analyzer-core.NullDereference): obs is never NULL */
			if (t->at[i] >= 0 && t->company->periods[t->at[i]].obs[m].present)
				r = new_row(t, TREND_METRIC, m);
		if (!r)
			continue;
		r->values = xcalloc(t->nperiods, sizeof *r->values);
		for (i = 0; i < t->nperiods; i++) {
			const struct obs *o = t->at[i] >= 0 ?
				&t->company->periods[t->at[i]].obs[m] : NULL;
			r->values[i] = o && o->present ? o->value : NAN;
			r->scores[i] = o && o->present ? metric_score(def, o->value) : NAN;
		}
		changes(t, r);
		metric_significance(t, r);
		for (k = 0; k < t->nrefs; k++)
			project(t, r, k, t->refs[k]->values[m].present ?
				metric_score(def, t->refs[k]->values[m].value) : NAN);
	}
}

/* Dimension and overall scores per period come from the gap engine, so
 * they mean exactly what `compare` shows; a reference is scored on the
 * company's metrics of the period the row was last observed in. */
static void aggregate_rows(struct trend *t, const struct profile *frontier)
{
	/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
	struct gap_report **g = xcalloc(t->nperiods, sizeof *g);
	struct trend_row *r;
	size_t i, d, k, first = t->nrows;

	for (d = 0; d < t->cat->ndims; d++)
		new_row(t, TREND_DIMENSION, d);
	new_row(t, TREND_OVERALL, 0);
	for (i = 0; i < t->nperiods; i++) {
		g[i] = t->at[i] < 0 ? NULL : gap_compute(t->cat, t->company,
			(size_t)t->at[i], t->refs, t->nrefs, frontier);
		for (d = 0; d < t->cat->ndims; d++)
			t->rows[first + d].scores[i] = g[i] ? g[i]->dims[d].score : NAN;
		t->rows[first + t->cat->ndims].scores[i] = g[i] ? g[i]->overall : NAN;
	}
	for (r = &t->rows[first]; r < &t->rows[t->nrows]; r++) {
		changes(t, r);
		for (k = 0; r->last >= 0 && k < t->nrefs; k++)
			project(t, r, k, r->kind == TREND_OVERALL ? g[r->last]->ref_overall[k] :
				g[r->last]->dims[r->index].ref_scores[k]);
	}
	for (i = 0; i < t->nperiods; i++)
		gap_free(g[i]);
	free(g);
}

/* Dimensions the company never reports are dropped. */
static void drop_empty(struct trend *t)
{
	size_t i, kept = 0;
	for (i = 0; i < t->nrows; i++) {
		struct trend_row *r = &t->rows[i];
		if (r->kind == TREND_DIMENSION && r->last < 0) {
			free(r->scores);
			free(r->refs);
			continue;
		}
		t->rows[kept++] = *r;
	}
	t->nrows = kept;
}

struct trend *trend_compute(const struct catalog *cat, const struct company *c,
			    size_t upto, const struct profile *const *refs,
			    size_t nrefs, const struct profile *frontier)
{
	struct trend *t = xcalloc(1, sizeof *t);

	t->cat = cat;
	t->company = c;
	t->upto = upto;
	t->refs = refs;
	t->nrefs = nrefs;
	build_timeline(t);
	t->rows = xcalloc(cat->nmetrics + cat->ndims + 1, sizeof *t->rows);
	metric_rows(t);
	aggregate_rows(t, frontier);
	drop_empty(t);
	return t;
}

static const struct trend_row *find_row(const struct trend *t,
				       enum trend_kind kind, size_t index)
{
	size_t i;
	for (i = 0; i < t->nrows; i++)
		if (t->rows[i].kind == kind && t->rows[i].index == index)
			return &t->rows[i];
	return NULL;
}

const struct trend_row *trend_metric(const struct trend *t, size_t m)
{
	return find_row(t, TREND_METRIC, m);
}

const struct trend_row *trend_dimension(const struct trend *t, size_t d)
{
	return find_row(t, TREND_DIMENSION, d);
}

const struct trend_row *trend_overall(const struct trend *t)
{
	return find_row(t, TREND_OVERALL, 0);
}

long trend_year_ago(const struct trend *t)
{
	long per_year = t->timeline[0].gran == GRAN_QUARTER ? 4 :
		t->timeline[0].gran == GRAN_MONTH ? 12 : 0;
	long slot = (long)t->nperiods - 1 - per_year;

	return per_year && slot >= 0 ? slot : -1;
}

double trend_change_since(const struct trend *t, const struct trend_row *r,
			  long since, double *moe)
{
	const double *v = series(r);
	double change = since >= 0 && r->last >= 0 ? v[r->last] - v[since] : NAN;

	if (moe)
		*moe = NAN;
	if (isnan(change) || !moe || r->kind != TREND_METRIC)
		return change;
	*moe = obs_change_moe(&t->cat->metrics[r->index],
			      &t->company->periods[t->at[since]].obs[r->index],
			      &t->company->periods[t->at[r->last]].obs[r->index]);
	return change;
}

void trend_free(struct trend *t)
{
	size_t i;

	if (!t)
		return;
	for (i = 0; i < t->nrows; i++) {
		free(t->rows[i].values);
		free(t->rows[i].scores);
		free(t->rows[i].refs);
	}
	free(t->rows);
	free(t->timeline);
	free(t->at);
	free(t);
}
