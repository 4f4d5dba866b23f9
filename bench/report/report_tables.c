/* report_tables: the report's main sections: summary, priorities,
 * dimensions and metrics, each chart followed by a table of its numbers. */
#include "report/report_parts.h"
#include "base/mem.h"
#include "core/stats.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The ranks are best first, so the first brand is the best single one. */
static const struct rank_row *best_brand(const struct report_model *m)
{
	size_t i;
	for (i = 0; i < m->nranks; i++)
		if (m->ranks[i].kind == ROW_BRAND && !isnan(m->ranks[i].score))
			return &m->ranks[i];
	return NULL;
}

static void summary_text(xmlNodePtr s, const struct report_model *m)
{
	const struct gap_report *g = m->gap;
	const struct rank_row *best = best_brand(m);
	long fk = gap_frontier_index(g);
	double fscore = fk >= 0 ? g->ref_overall[fk] : NAN;
	char score[48], fr[48], gap[48], cs[48], n[16], total[16], *text;
	const char *vars[] = { "company", m->company->name, "period", g->period->label,
		"score", score, "frontier", fr, "gap", gap, "best",
		best ? best->label : "-", "best_score", cs, "n", n, "total", total, NULL };

	str_num(m->str, score, g->overall, 1);
	str_num(m->str, fr, fscore, 1);
	str_num(m->str, gap, fabs(fscore - g->overall), 1);
	str_num(m->str, cs, best ? best->score : NAN, 1);
	snprintf(n, sizeof n, "%zu", g->nmetrics);
	snprintf(total, sizeof total, "%zu", m->cat->nmetrics);
	text = str_fill(m->str, !(fscore < g->overall) ? "summary_behind" :
			"summary_ahead", vars);
	h_text(s, "p", "lead", text);
	free(text);
	text = str_fill(m->str, "summary_coverage", vars);
	h_text(s, "p", "note", text);
	free(text);
}

int part_summary(xmlNodePtr s, const struct report_model *m, struct figures *p)
{
	xmlNodePtr t, tr;
	size_t i;
	int rc;

	summary_text(s, m);
	rc = part_figure(s, p, "overall", str_get(m->str, "chart_overall"));
	t = h_table(s, str_get(m->str, "chart_overall"));
	tr = h_el(t, "tr", NULL);
	h_cell(tr, 1, str_get(m->str, "col_reference"), NULL);
	h_cell(tr, 1, str_get(m->str, "col_index"), "num");
	h_cell(tr, 1, str_get(m->str, "col_gap_points"), "num");
	for (i = 0; i < m->nranks; i++) {
		tr = h_el(t, "tr", m->ranks[i].kind == ROW_COMPANY ? "company" : NULL);
		h_cell(tr, 0, m->ranks[i].label, NULL);
		part_num(m, tr, m->ranks[i].score, 1, 0);
		if (m->ranks[i].kind == ROW_COMPANY)
			h_cell(tr, 0, "", "num");
		else
			part_num(m, tr, m->ranks[i].score - m->gap->overall, 1, 1);
	}
	return rc;
}

/* The metric's unit as the company's value counts it: a duration from an
 * export on a business clock says so wherever it is shown, since the
 * references count calendar time.  Caller frees. */
static char *company_unit(const struct report_model *m, const struct gap_metric *gm)
{
	const char *unit = str_unit(m->str, &m->cat->metrics[gm->metric]);
	const char *vars[] = { "unit", unit, NULL };

	if (!m->gap->period->obs[gm->metric].business_clock)
		return xstrdup(unit);
	return str_fill(m->str, "unit_business", vars);
}

static char *reason(const struct report_model *m, const struct gap_metric *gm,
		    const struct ref_value *fr, const struct gap_cell *c)
{
	char pts[48], v[48], cv[48], *unit = company_unit(m, gm), *text;
	const char *vars[] = { "points", pts, "brand", fr->from->brand, "value", v,
		"company_value", cv, "unit", unit, "company", m->company->name, NULL };

	str_num(m->str, pts, c->gap_points, 1);
	str_num(m->str, v, fr->value, 2);
	str_num(m->str, cv, gm->value, 2);
	text = str_fill(m->str, "reason", vars);
	free(unit);
	return text;
}

static void priority_row(xmlNodePtr t, const struct report_model *m, size_t rank)
{
	const struct gap_report *g = m->gap;
	const struct gap_metric *gm = &g->metrics[g->priorities[rank]];
	const struct metric_def *def = &m->cat->metrics[gm->metric];
	const struct ref_value *fr = &g->frontier->values[gm->metric];
	struct gap_cell c = { 1, fr->value, metric_score(def, fr->value), 0, 0, -1, -1, 0 };
	char num[24], key[80], *why;
	xmlNodePtr tr = h_el(t, "tr", NULL);

	c.gap = metric_gap(def, fr->value, gm->value);
	c.gap_points = c.score - gm->score;
	c.significant = isnan(gm->moe) ? -1 : fabs(c.gap) > gm->moe;
	snprintf(num, sizeof num, "%zu", rank + 1);
	h_cell(tr, 0, num, "num");
	h_cell(tr, 0, str_metric(m->str, def), NULL);
	part_num(m, tr, gm->value, 2, 0);
	part_num(m, tr, fr->value, 2, 0);
	h_cell(tr, 0, fr->from->brand, NULL);
	part_num(m, tr, c.gap_points, 1, 1);
	h_cell(tr, 0, part_significance(m, c.significant), NULL);
	why = reason(m, gm, fr, &c);
	h_cell(tr, 0, why, NULL);
	free(why);
	snprintf(key, sizeof key, "step.%.60s", m->cat->dims[def->dim].id);
	h_cell(tr, 0, strcmp(str_get(m->str, key), key) ? str_get(m->str, key) :
	       str_get(m->str, "step.default"), NULL);
}

int part_priorities(xmlNodePtr s, const struct report_model *m, struct figures *p)
{
	static const char *const cols[] = { "col_rank", "col_metric", "col_company",
		"col_frontier", "col_brand", "col_points", "col_significance",
		"col_reason", "col_next_step" };
	xmlNodePtr t;
	size_t i;
	char *text;

	(void)p; /* a table only */
	if (m->ntop == 0) {
		text = part_text(m, "priorities_none");
		h_text(s, "p", NULL, text);
		free(text);
		return 0;
	}
	h_text(s, "p", NULL, str_get(m->str, "priorities_intro"));
	t = h_table(s, str_get(m->str, "priorities_h"));
	part_head(t, m, cols, sizeof cols / sizeof *cols);
	for (i = 0; i < m->ntop; i++)
		priority_row(t, m, i);
	return 0;
}

/* One row of the dimension table: a reference's (or, when ref is
 * negative, the company's) score on each dimension the company reports. */
static void dimension_row(xmlNodePtr t, const struct report_model *m, long ref)
{
	const struct gap_report *g = m->gap;
	xmlNodePtr tr = h_el(t, "tr", ref < 0 ? "company" : NULL);
	size_t d;

	h_cell(tr, 0, ref < 0 ? m->company->name : report_ref_name(m, g->refs[ref]), NULL);
	for (d = 0; d < m->cat->ndims; d++)
		if (g->dims[d].nmetrics)
			part_num(m, tr, ref < 0 ? g->dims[d].score : g->dims[d].ref_scores[ref],
				 1, 0);
}

/* References as rows and dimensions as columns: there are many more
 * references than dimensions, and the table must fit a printed page. */
int part_dimensions(xmlNodePtr s, const struct report_model *m, struct figures *p)
{
	const struct gap_report *g = m->gap;
	xmlNodePtr t, tr;
	size_t d, k;
	int rc;

	h_text(s, "p", NULL, str_get(m->str, "dimensions_intro"));
	rc = m->ndims >= 3 ? part_figure(s, p, "radar", str_get(m->str, "chart_radar")) : 0;
	t = h_table(s, str_get(m->str, "chart_radar"));
	tr = h_el(t, "tr", NULL);
	h_cell(tr, 1, str_get(m->str, "col_reference"), NULL);
	for (d = 0; d < m->cat->ndims; d++)
		if (g->dims[d].nmetrics)
			h_cell(tr, 1, str_dimension(m->str, &m->cat->dims[d]), "num");
	dimension_row(t, m, -1);
	for (k = 0; k < g->nrefs; k++)
		dimension_row(t, m, (long)k);
	return rc;
}

static void metric_row(xmlNodePtr t, const struct report_model *m,
		       const struct gap_metric *gm, long fk)
{
	const struct metric_def *def = &m->cat->metrics[gm->metric];
	const struct gap_cell *c = &gm->cells[fk];
	const struct ref_value *fr = &m->gap->refs[fk]->values[gm->metric];
	xmlNodePtr tr = h_el(t, "tr", NULL);
	char *unit = company_unit(m, gm);

	h_cell(tr, 0, str_metric(m->str, def), NULL);
	h_cell(tr, 0, unit, NULL);
	free(unit);
	part_num(m, tr, gm->value, 2, 0);
	part_num(m, tr, gm->moe, 2, 0);
	part_num(m, tr, gm->score, 1, 0);
	part_num(m, tr, c->present ? c->value : NAN, 2, 0);
	h_cell(tr, 0, c->present && fr->from ? fr->from->brand : "", NULL);
	part_num(m, tr, c->present ? c->gap : NAN, 2, 1);
	part_num(m, tr, c->present ? c->gap_points : NAN, 1, 1);
	h_cell(tr, 0, c->present ? part_significance(m, c->significant) : "", NULL);
}

static int dimension_block(xmlNodePtr s, const struct report_model *m,
			   struct figures *p, size_t d, long fk)
{
	static const char *const cols[] = { "col_metric", "col_unit", "col_company",
		"col_moe", "col_score", "col_frontier", "col_brand", "col_gap",
		"col_points", "col_significance" };
	const char *name = str_dimension(m->str, &m->cat->dims[d]);
	const char *vars[] = { "dimension", name, NULL };
	char chart[32], *caption;
	xmlNodePtr t;
	size_t i;
	int rc;

	h_text(s, "h3", NULL, name);
	caption = str_fill(m->str, "chart_gap", vars);
	snprintf(chart, sizeof chart, "gap-%zu", d);
	rc = part_figure(s, p, chart, caption);
	t = h_table(s, caption);
	h_attr(t, "class", "metric-gaps");
	free(caption);
	part_head(t, m, cols, sizeof cols / sizeof *cols);
	for (i = 0; i < m->gap->nmetrics; i++)
		if (m->cat->metrics[m->gap->metrics[i].metric].dim == d)
			metric_row(t, m, &m->gap->metrics[i], fk);
	return rc;
}

int part_metrics(xmlNodePtr s, const struct report_model *m, struct figures *p)
{
	long fk = gap_frontier_index(m->gap);
	char *text = part_text(m, "gaps_intro");
	size_t d;
	int rc = 0;

	h_text(s, "p", NULL, text);
	free(text);
	for (d = 0; fk >= 0 && d < m->cat->ndims; d++)
		if (m->gap->dims[d].nmetrics)
			rc |= dimension_block(s, m, p, d, fk);
	return rc;
}
