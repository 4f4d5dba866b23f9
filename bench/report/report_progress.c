/* report_progress: the "progress over time" section: the index and the
 * top priorities over time, how the index, the dimensions and each metric
 * changed since the previous period, a year before and the first period,
 * when each priority catches up at the current pace (most urgent first),
 * and each dimension against the frontier. */
#include "report/report_parts.h"
#include "base/mem.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A catch-up further away than this many years is no date to plan by. */
#define HORIZON_YEARS 5

static void period_cell(xmlNodePtr tr, const struct report_model *m, long i)
{
	char label[STR_PERIOD_SIZE] = "";
	if (i >= 0)
		str_period(m->str, label, m->trend->timeline[i]);
	h_cell(tr, 0, label, NULL);
}

/* A change is signed but not coloured: whether it is good news depends on
 * the metric's direction, which the verdict says in words. */
static void change_cell(const struct report_model *m, xmlNodePtr tr, double v,
			int decimals)
{
	char buf[49];
	h_cell(tr, 0, str_signed(m->str, buf, v, decimals), "num");
}

static void overview(xmlNodePtr s, const struct report_model *m, long fk,
		     struct figures *p, int *rc)
{
	const struct trend *t = m->trend;
	const struct trend_row *overall = trend_overall(t), *r;
	xmlNodePtr table, tr;
	size_t i, j;

	*rc |= part_figure(s, p, "trend", str_get(m->str, "chart_trend"));
	table = h_table(s, str_get(m->str, "chart_trend"));
	tr = h_el(table, "tr", NULL);
	h_cell(tr, 1, str_get(m->str, "col_period"), NULL);
	h_cell(tr, 1, str_get(m->str, "overall"), "num");
	h_cell(tr, 1, str_get(m->str, "frontier"), "num");
	for (j = 0; j < m->ntop; j++)
		h_cell(tr, 1, str_metric(m->str, &m->cat->metrics[m->top[j]]), "num");
	for (i = 0; i < t->nperiods; i++) {
		tr = h_el(table, "tr", NULL);
		period_cell(tr, m, (long)i);
		part_num(m, tr, overall->scores[i], 1, 0);
		part_num(m, tr, fk >= 0 ? m->gap->ref_overall[fk] : NAN, 1, 0);
		for (j = 0; j < m->ntop; j++) {
			r = trend_metric(t, m->top[j]);
			part_num(m, tr, r ? r->scores[i] : NAN, 1, 0);
		}
	}
}

/* The periods the latest one is compared with: the previous one, the same
 * one a year before and the first, each once (-1: not shown). */
struct baselines {
	long slot[3];
};

static const char *const since_keys[3] = { "col_since_previous", "col_since_year",
	"col_since_first" };

static struct baselines baselines(const struct trend *t)
{
	struct baselines b;
	long last = (long)t->nperiods - 1;

	b.slot[0] = last - 1;
	b.slot[1] = trend_year_ago(t);
	if (b.slot[1] == b.slot[0])
		b.slot[1] = -1;
	b.slot[2] = b.slot[0] != 0 && b.slot[1] != 0 ? 0 : -1;
	return b;
}

/* A heading that names a period may wrap, but never inside the period
 * ("2026-Q3" would break at its hyphen). */
static void period_head(xmlNodePtr tr, const struct report_model *m, const char *key,
			struct period p)
{
	const char *text = str_get(m->str, key), *at = strstr(text, "{period}");
	xmlNodePtr th = h_cell(tr, 1, "", "num wrap");
	char label[STR_PERIOD_SIZE], *before;

	str_period(m->str, label, p);
	if (!at) {
		xmlNodeAddContent(th, BAD_CAST text);
		return;
	}
	before = xstrndup(text, (size_t)(at - text));
	xmlNodeAddContent(th, BAD_CAST before);
	free(before);
	h_text(th, "span", "nowrap", label);
	xmlNodeAddContent(th, BAD_CAST (at + strlen("{period}")));
}

static void since_heads(xmlNodePtr tr, const struct report_model *m,
			const struct baselines *b)
{
	size_t i;

	for (i = 0; i < 3; i++)
		if (b->slot[i] >= 0)
			period_head(tr, m, since_keys[i], m->trend->timeline[b->slot[i]]);
}

static void since_cells(xmlNodePtr tr, const struct report_model *m,
			const struct baselines *b, const struct trend_row *r,
			int decimals)
{
	size_t i;
	for (i = 0; i < 3; i++)
		if (b->slot[i] >= 0)
			change_cell(m, tr, trend_change_since(m->trend, r, b->slot[i],
							      NULL), decimals);
}

static xmlNodePtr change_table(xmlNodePtr s, const struct report_model *m,
			       const struct baselines *b, const char *heading,
			       const char *first_col, const char *const *after,
			       size_t nafter)
{
	xmlNodePtr table, tr;
	size_t i;

	h_text(s, "h3", NULL, str_get(m->str, heading));
	table = h_table(s, str_get(m->str, heading));
	tr = h_el(table, "tr", NULL);
	h_cell(tr, 1, str_get(m->str, first_col), NULL);
	period_head(tr, m, "col_value_in", m->trend->timeline[m->trend->nperiods - 1]);
	since_heads(tr, m, b);
	for (i = 0; i < nafter; i++)
		h_cell(tr, 1, str_get(m->str, after[i]), NULL);
	return table;
}

/* The index and each dimension: scores, so no margin and no verdict. */
static void score_changes(xmlNodePtr s, const struct report_model *m,
			  const struct baselines *b)
{
	const struct trend *t = m->trend;
	xmlNodePtr table = change_table(s, m, b, "change_scores_h", "col_index_or_dim",
					NULL, 0), tr;
	size_t k;

	for (k = 0; k < t->nrows; k++) {
		/* the overall row (the last) first, then the dimensions */
		const struct trend_row *r = &t->rows[(k + t->nrows - 1) % t->nrows];
		if (r->kind == TREND_METRIC || r->last != (long)t->nperiods - 1)
			continue;
		tr = h_el(table, "tr", r->kind == TREND_OVERALL ? "company" : NULL);
		h_cell(tr, 0, r->kind == TREND_OVERALL ? str_get(m->str, "overall") :
		       str_dimension(m->str, &m->cat->dims[r->index]), NULL);
		part_num(m, tr, r->scores[r->last], 1, 0);
		since_cells(tr, m, b, r, 1);
	}
}

/* A movement's verdict, how urgent it is (0 first) and its colour. */
struct verdict {
	const char *key;
	int rank;
	const char *cls;
	double moe;
};

/* improved / slipped only when the change is beyond its margin or, with no
 * margin known, beyond the metric's stated noise; with neither, the
 * direction alone, saying that no margin is known. */
static struct verdict verdict_of(const struct report_model *m,
				 const struct trend_row *r, long prev)
{
	const struct metric_def *def = &m->cat->metrics[r->index];
	struct verdict v = { "verdict_no_previous", 2, NULL, NAN };
	double change = trend_change_since(m->trend, r, prev, &v.moe);
	double bar = isnan(v.moe) ? def->noise : v.moe;
	int better = def->higher ? change > 0 : change < 0;

	if (isnan(change))
		return v;
	if (isnan(bar) && fabs(change) < 1e-9) {
		v.key = "verdict_unchanged";
	} else if (isnan(bar)) {
		v.key = better ? "verdict_improved_nomargin" : "verdict_slipped_nomargin";
		v.rank = better ? 3 : 1;
	} else if (!(fabs(change) > bar + 1e-9)) {
		v.key = isnan(v.moe) ? "verdict_noise" : "verdict_within";
	} else {
		v.key = better ? "verdict_improved" : "verdict_slipped";
		v.rank = better ? 4 : 0;
		v.cls = better ? "ahead" : "behind";
	}
	return v;
}

struct ranked {
	const struct trend_row *r;
	struct verdict v;
};

static int by_rank(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;
	if (x->v.rank != y->v.rank)
		return x->v.rank - y->v.rank;
	return x->r->index < y->r->index ? -1 : x->r->index > y->r->index;
}

static void verdict_cell(xmlNodePtr tr, const struct report_model *m,
			 const struct ranked *x)
{
	const struct metric_def *def = &m->cat->metrics[x->r->index];
	char noise[48], *text;
	const char *vars[] = { "noise", str_num(m->str, noise, def->noise, 2), NULL };

	text = str_fill(m->str, x->v.key, vars);
	h_cell(tr, 0, text, x->v.cls);
	free(text);
}

/* Every metric reported now and before, the most worrying first. */
static void movements(xmlNodePtr s, const struct report_model *m,
		      const struct baselines *b)
{
	static const char *const after[] = { "col_moe", "col_verdict" };
	const struct trend *t = m->trend;
	struct ranked *rows = xcalloc(t->nrows, sizeof *rows);
	xmlNodePtr table, tr;
	size_t i, n = 0;

	for (i = 0; i < t->nrows; i++) {
		const struct trend_row *r = &t->rows[i];
		if (r->kind != TREND_METRIC || r->prev < 0 ||
		    r->last != (long)t->nperiods - 1)
			continue;
		rows[n].r = r;
		rows[n++].v = verdict_of(m, r, b->slot[0]);
	}
	qsort(rows, n, sizeof *rows, by_rank);
	if (n) {
		table = change_table(s, m, b, "movement_h", "col_metric", after, 2);
		for (i = 0; i < n; i++) {
			const struct trend_row *r = rows[i].r;
			tr = h_el(table, "tr", NULL);
			h_cell(tr, 0, str_metric(m->str, &m->cat->metrics[r->index]), NULL);
			part_num(m, tr, r->values[r->last], 2, 0);
			since_cells(tr, m, b, r, 2);
			part_num(m, tr, rows[i].v.moe, 2, 0);
			verdict_cell(tr, m, &rows[i]);
		}
	}
	free(rows);
}

/* Moving away first, then not moving, then closing (slowest first), then
 * level or ahead. */
static int urgency(const struct trend_ref *x)
{
	static const int rank[] = { [TREND_AWAY] = 0, [TREND_FLAT] = 1,
		[TREND_NO_PACE] = 2, [TREND_CLOSING] = 3, [TREND_NONE] = 4,
		[TREND_UNKNOWN] = 5 };
	return rank[x->status];
}

struct catch_row {
	size_t metric;
	const struct trend_row *r;
	const struct trend_ref *x;
};

static int by_urgency(const void *a, const void *b)
{
	const struct catch_row *p = a, *q = b;
	int u = urgency(p->x) - urgency(q->x);

	if (u)
		return u;
	if (p->x->status == TREND_CLOSING &&
	    p->x->periods_to_close != q->x->periods_to_close)
		return p->x->periods_to_close > q->x->periods_to_close ? -1 : 1;
	return 0;
}

static const char *status_class(enum trend_status s)
{
	return s == TREND_AWAY || s == TREND_FLAT ? "behind" :
		s == TREND_NONE ? "ahead" : NULL;
}

static void closes_in_cell(xmlNodePtr tr, const struct report_model *m,
			   const struct trend_ref *x)
{
	enum granularity g = m->trend->timeline[0].gran;
	double horizon = HORIZON_YEARS * (g == GRAN_QUARTER ? 4 : g == GRAN_MONTH ? 12 : 1);
	char when[STR_PERIOD_SIZE] = "";

	if (x->status == TREND_CLOSING && x->periods_to_close > horizon)
		h_cell(tr, 0, str_get(m->str, "closes_beyond_horizon"), NULL);
	else
		h_cell(tr, 0, x->status == TREND_CLOSING ?
		       str_period(m->str, when, x->closes_in) : "", NULL);
}

static void catch_up(xmlNodePtr s, const struct report_model *m, long fk)
{
	static const char *const cols[] = { "col_metric", "col_points",
		"col_velocity", "col_periods", "col_closes_in", "col_status" };
	static const char *const status[] = { "status_none", "status_closing",
		"status_away", "status_flat", "status_no_pace", "status_unknown" };
	struct catch_row rows[REPORT_TOP];
	xmlNodePtr table, tr;
	size_t j;

	if (fk < 0 || m->ntop == 0)
		return;
	for (j = 0; j < m->ntop; j++) {
		rows[j].metric = m->top[j];
		rows[j].r = trend_metric(m->trend, m->top[j]);
		rows[j].x = &rows[j].r->refs[fk];
	}
	/* stable for equal urgency: the priorities' own order */
	for (j = 1; j < m->ntop; j++) {
		struct catch_row c = rows[j];
		size_t k = j;
		for (; k > 0 && by_urgency(&rows[k - 1], &c) > 0; k--)
			rows[k] = rows[k - 1];
		rows[k] = c;
	}
	h_text(s, "h3", NULL, str_get(m->str, "catchup_h"));
	table = h_table(s, str_get(m->str, "catchup_h"));
	part_head(table, m, cols, sizeof cols / sizeof *cols);
	for (j = 0; j < m->ntop; j++) {
		const struct trend_ref *x = rows[j].x;
		tr = h_el(table, "tr", NULL);
		h_cell(tr, 0, str_metric(m->str, &m->cat->metrics[rows[j].metric]), NULL);
		part_num(m, tr, x->gap_points, 1, 1);
		part_num(m, tr, rows[j].r->velocity, 2, 0);
		part_num(m, tr, x->periods_to_close, 0, 0);
		closes_in_cell(tr, m, x);
		h_cell(tr, 0, str_get(m->str, status[x->status]), status_class(x->status));
	}
}

static int dimension_chart(xmlNodePtr s, const struct report_model *m, size_t d,
			   long fk, struct figures *p)
{
	const struct trend_row *r = trend_dimension(m->trend, d);
	const char *name = str_dimension(m->str, &m->cat->dims[d]);
	const char *vars[] = { "dimension", name, NULL };
	char chart[32], *caption = str_fill(m->str, "chart_trend_dim", vars);
	xmlNodePtr table, tr;
	size_t i;
	int rc;

	snprintf(chart, sizeof chart, "trend-%zu", d);
	h_text(s, "h3", NULL, name);
	rc = part_figure(s, p, chart, caption);
	table = h_table(s, caption);
	free(caption);
	tr = h_el(table, "tr", NULL);
	h_cell(tr, 1, str_get(m->str, "col_period"), NULL);
	h_cell(tr, 1, m->company->name, "num");
	h_cell(tr, 1, str_get(m->str, "frontier"), "num");
	for (i = 0; i < m->trend->nperiods; i++) {
		tr = h_el(table, "tr", NULL);
		period_cell(tr, m, (long)i);
		part_num(m, tr, r->scores[i], 1, 0);
		part_num(m, tr, fk >= 0 ? m->gap->dims[d].ref_scores[fk] : NAN, 1, 0);
	}
	return rc;
}

/* Shown only with two periods or more (report.c's table). */
int part_trend(xmlNodePtr s, const struct report_model *m, struct figures *p)
{
	long fk = gap_frontier_index(m->gap);
	struct baselines b = baselines(m->trend);
	xmlNodePtr grid;
	size_t d;
	int rc = 0;

	h_text(s, "p", NULL, str_get(m->str, "trend_intro"));
	overview(s, m, fk, p, &rc);
	score_changes(s, m, &b);
	catch_up(s, m, fk);
	movements(s, m, &b);
	/* small multiples: one small chart per dimension, side by side */
	grid = h_el(s, "div", "multiples");
	for (d = 0; d < m->cat->ndims; d++)
		if (m->gap->dims[d].nmetrics && trend_dimension(m->trend, d))
			rc |= dimension_chart(h_el(grid, "div", "multiple"), m, d, fk, p);
	return rc;
}
