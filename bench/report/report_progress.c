/* report_progress: the "progress over time" section: the index and the
 * top priorities over time, each dimension against the frontier, what
 * moved since the previous period, and when each priority catches up. */
#include "report/report_parts.h"
#include "base/mem.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static void period_cell(xmlNodePtr tr, const struct trend *t, long i)
{
	char label[16] = "";
	if (i >= 0)
		period_format(t->timeline[i], label);
	h_cell(tr, 0, label, NULL);
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
		period_cell(tr, t, (long)i);
		part_num(m, tr, overall->scores[i], 1, 0);
		part_num(m, tr, fk >= 0 ? m->gap->ref_overall[fk] : NAN, 1, 0);
		for (j = 0; j < m->ntop; j++) {
			r = trend_metric(t, m->top[j]);
			part_num(m, tr, r ? r->scores[i] : NAN, 1, 0);
		}
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
		period_cell(tr, m->trend, (long)i);
		part_num(m, tr, r->scores[i], 1, 0);
		part_num(m, tr, fk >= 0 ? m->gap->dims[d].ref_scores[fk] : NAN, 1, 0);
	}
	return rc;
}

/* improved / slipped when the change is beyond its margin; otherwise
 * within the margin, or, with no margin known, by the score's direction. */
static const char *verdict(const struct trend_row *r)
{
	double moved = r->scores[r->last] - r->scores[r->prev];

	if (r->change_significant == 0)
		return "verdict_within";
	if (r->change_significant < 0 && fabs(moved) < 1e-9)
		return "verdict_unchanged";
	if (r->change_significant < 0)
		return moved > 0 ? "verdict_improved_nomargin" : "verdict_slipped_nomargin";
	return moved > 0 ? "verdict_improved" : "verdict_slipped";
}

static void movements(xmlNodePtr s, const struct report_model *m)
{
	static const char *const cols[] = { "col_metric", "col_previous", "col_value",
		"col_latest", "col_value", "col_change", "col_moe", "col_verdict" };
	const struct trend *t = m->trend;
	xmlNodePtr table = NULL, tr;
	size_t i;

	for (i = 0; i < t->nrows; i++) {
		const struct trend_row *r = &t->rows[i];
		if (r->kind != TREND_METRIC || r->prev < 0 ||
		    r->last != (long)t->nperiods - 1)
			continue;
		if (!table) {
			h_text(s, "h3", NULL, str_get(m->str, "movement_h"));
			table = h_table(s, str_get(m->str, "movement_h"));
			part_head(table, m, cols, sizeof cols / sizeof *cols);
		}
		tr = h_el(table, "tr", NULL);
		h_cell(tr, 0, str_metric(m->str, &m->cat->metrics[r->index]), NULL);
		period_cell(tr, t, r->prev);
		part_num(m, tr, r->values[r->prev], 2, 0);
		period_cell(tr, t, r->last);
		part_num(m, tr, r->values[r->last], 2, 0);
		part_num(m, tr, r->change, 2, 0);
		part_num(m, tr, r->change_moe, 2, 0);
		h_cell(tr, 0, str_get(m->str, verdict(r)), NULL);
	}
}

static void catch_up(xmlNodePtr s, const struct report_model *m, long fk)
{
	static const char *const cols[] = { "col_metric", "col_points",
		"col_velocity", "col_periods", "col_closes_in", "col_status" };
	static const char *const status[] = { "status_none", "status_closing",
		"status_away", "status_flat", "status_no_pace", "status_unknown" };
	xmlNodePtr table, tr;
	char when[16];
	size_t j;

	if (fk < 0 || m->ntop == 0)
		return;
	h_text(s, "h3", NULL, str_get(m->str, "catchup_h"));
	table = h_table(s, str_get(m->str, "catchup_h"));
	part_head(table, m, cols, sizeof cols / sizeof *cols);
	for (j = 0; j < m->ntop; j++) {
		const struct trend_row *r = trend_metric(m->trend, m->top[j]);
		const struct trend_ref *x = &r->refs[fk];
		tr = h_el(table, "tr", NULL);
		h_cell(tr, 0, str_metric(m->str, &m->cat->metrics[m->top[j]]), NULL);
		part_num(m, tr, x->gap_points, 1, 1);
		part_num(m, tr, r->velocity, 2, 0);
		part_num(m, tr, x->periods_to_close, 0, 0);
		when[0] = '\0';
		if (x->status == TREND_CLOSING)
			period_format(x->closes_in, when);
		h_cell(tr, 0, when, NULL);
		h_cell(tr, 0, str_get(m->str, status[x->status]), NULL);
	}
}

/* Shown only with two periods or more (report.c's table). */
int part_trend(xmlNodePtr s, const struct report_model *m, struct figures *p)
{
	long fk = gap_frontier_index(m->gap);
	size_t d;
	int rc = 0;

	h_text(s, "p", NULL, str_get(m->str, "trend_intro"));
	overview(s, m, fk, p, &rc);
	catch_up(s, m, fk);
	movements(s, m);
	for (d = 0; d < m->cat->ndims; d++)
		if (m->gap->dims[d].nmetrics && trend_dimension(m->trend, d))
			rc |= dimension_chart(s, m, d, fk, p);
	return rc;
}
