/* report_tables: the report's dimensions and metrics sections, each chart
 * followed by a table of its numbers (the summary and the priorities are
 * report_summary.c and report_priorities.c). */
#include "report/report_parts.h"
#include "report/story.h"
#include "base/mem.h"
#include "core/stats.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The metric's unit as the company's value counts it: a duration from an
 * export on a business clock says so wherever it is shown, since the
 * references count calendar time.  Caller frees. */
char *part_company_unit(const struct report_model *m, size_t metric)
{
	const char *unit = str_unit(m->str, &m->cat->metrics[metric]);
	const char *vars[] = { "unit", unit, NULL };

	if (!m->gap->period->obs[metric].business_clock)
		return xstrdup(unit);
	return str_fill(m->str, "unit_business", vars);
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
	char *unit = part_company_unit(m, gm->metric);

	h_cell(tr, 0, str_metric(m->str, def), NULL);
	h_cell(tr, 0, unit, NULL);
	free(unit);
	part_num(m, tr, gm->value, 2, 0);
	part_num(m, tr, gm->moe, 2, 0);
	part_num(m, tr, gm->score, 1, 0);
	part_ref_cell(m, tr, c->present ? fr : NULL, 2);
	h_cell(tr, 0, c->present && fr->from ? str_brand(m->str, fr->from) : "", NULL);
	/* the differences of the numbers as shown, so that they add up on the
	 * page (the reference's score is the company's plus its gap points) */
	part_num(m, tr, c->present ? metric_gap(def, story_shown(fr->value, 2),
						story_shown(gm->value, 2)) : NAN, 2, 1);
	part_num(m, tr, c->present ? story_shown(c->score, 1) - story_shown(gm->score, 1) :
		 NAN, 1, 1);
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
	part_basis_key(s, m);
	for (d = 0; fk >= 0 && d < m->cat->ndims; d++)
		if (m->gap->dims[d].nmetrics)
			rc |= dimension_block(s, m, p, d, fk);
	return rc;
}
