/* report_story: the summary's and the priorities' facts (story.h). */
#include "report/story.h"
#include "core/stats.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

double story_shown(double v, int decimals)
{
	char buf[64];

	if (isnan(v))
		return v;
	snprintf(buf, sizeof buf, "%.*f", decimals, v);
	return strtod(buf, NULL);
}

double story_unit_gap(const struct metric_def *def, double target, double value)
{
	double d = story_shown(target, 2) - story_shown(value, 2);
	return story_shown(def->higher ? d : -d, 2);
}

int story_significant(const struct metric_def *def, const struct gap_metric *gm,
		      double target)
{
	if (isnan(gm->moe))
		return -1;
	return fabs(metric_gap(def, target, gm->value)) > gm->moe;
}

int story_per_year(enum granularity g)
{
	return g == GRAN_MONTH ? 12 : g == GRAN_QUARTER ? 4 : 1;
}

static void then_at(struct story_then *x, const struct trend *t,
		    const struct trend_row *r, long slot)
{
	x->has = slot >= 0 && slot < (long)t->nperiods && !isnan(r->scores[slot]);
	if (!x->has)
		return;
	x->when = t->timeline[slot];
	x->score = r->scores[slot];
}

/* The index a period and a year before the compared one, from the trend
 * (which ends at it). */
static void index_history(struct report_story *s, const struct trend *t)
{
	const struct trend_row *r = trend_overall(t);

	if (r->last != (long)t->nperiods - 1)
		return;
	then_at(&s->prev, t, r, r->prev);
	then_at(&s->year, t, r, r->last - story_per_year(t->timeline[0].gran));
}

static void standing(struct report_story *s, const struct gap_report *g)
{
	double own = story_shown(g->overall, 1);
	size_t k;

	for (k = 0; k < g->nrefs; k++) {
		if (g->refs[k]->is_frontier || isnan(g->ref_overall[k]))
			continue;
		s->refs++;
		s->ahead += own > story_shown(g->ref_overall[k], 1);
	}
}

/* Scores, not values, say what improved: a second off the answer time
 * and a point of NPS are then measured alike. */
static void most_improved(struct report_story *s, const struct trend *t)
{
	double best = 0, rise;
	size_t i;

	s->improved = -1;
	for (i = 0; i < t->nrows; i++) {
		const struct trend_row *r = &t->rows[i];
		if (r->kind != TREND_METRIC || r->last != (long)t->nperiods - 1 ||
		    r->prev < 0)
			continue;
		s->any_change = 1;
		rise = r->scores[r->last] - r->scores[r->prev];
		if (rise > best) {
			best = rise;
			s->improved = (long)r->index;
		}
	}
}

static void bases(struct report_story *s, const struct gap_report *g)
{
	size_t i, k, metric;

	for (i = 0; i < g->nmetrics; i++) {
		metric = g->metrics[i].metric;
		for (k = 0; k < g->nrefs; k++) {
			if (g->refs[k]->is_frontier || !g->metrics[i].cells[k].present)
				continue;
			s->values++;
			s->reported += g->refs[k]->values[metric].reported != 0;
		}
		if (g->frontier && g->frontier->values[metric].present) {
			s->frontier_values++;
			s->frontier_reported += g->frontier->values[metric].reported != 0;
		}
	}
}

void story_compute(struct report_story *s, const struct gap_report *g,
		   const struct trend *t)
{
	*s = (struct report_story){ .improved = -1 };
	index_history(s, t);
	standing(s, g);
	most_improved(s, t);
	bases(s, g);
}

double story_pace(const struct trend *t, size_t m)
{
	const struct trend_row *r = trend_metric(t, m);
	double x[TREND_WINDOW], y[TREND_WINDOW];
	size_t i, from = t->nperiods > TREND_WINDOW ? t->nperiods - TREND_WINDOW : 0;
	double v;
	int n = 0;

	if (!r)
		return NAN;
	for (i = from; i < t->nperiods; i++) {
		if (isnan(r->values[i]))
			continue;
		x[n] = (double)i;
		y[n++] = r->values[i];
	}
	v = lsq_slope(x, y, n);
	return fabs(v) < 1e-9 ? 0 : v; /* as the trend's velocity: no noise */
}
