/* report_appendix: the later sections: time tax, what was not compared,
 * methodology, and the source of every reference value. */
#include "report/report_parts.h"
#include "base/mem.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

int part_timetax(xmlNodePtr s, const struct report_model *m, struct figures *p)
{
	static const char *const cols[] = { "col_reference", "tt_wait", "tt_hold",
		"tt_transfers", "tt_repeat", "tt_total" };
	xmlNodePtr t, tr;
	char *text;
	size_t i;
	int rc;

	h_text(s, "p", NULL, str_get(m->str, "timetax_intro"));
	if (!m->company_taxed) {
		text = part_text(m, "timetax_missing");
		h_text(s, "p", "note", text);
		free(text);
		return 0;
	}
	rc = part_figure(s, p, "timetax", str_get(m->str, "chart_timetax"));
	t = h_table(s, str_get(m->str, "chart_timetax"));
	part_head(t, m, cols, 6);
	for (i = 0; i < m->ntaxes; i++) {
		const struct timetax *x = &m->taxes[i].t;
		tr = h_el(t, "tr", m->taxes[i].kind == ROW_COMPANY ? "company" : NULL);
		h_cell(tr, 0, m->taxes[i].label, NULL);
		part_num(m, tr, x->wait, 2, 0);
		part_num(m, tr, x->hold, 2, 0);
		part_num(m, tr, x->transfers, 2, 0);
		part_num(m, tr, x->repeat, 2, 0);
		part_num(m, tr, x->total, 2, 0);
	}
	return rc;
}

int part_not_compared(xmlNodePtr s, const struct report_model *m,
		      struct figures *p)
{
	const struct gap_report *g = m->gap;
	xmlNodePtr t, tr;
	char *company = part_text(m, "nc_company");
	size_t i;

	(void)p; /* a table only */
	if (!g->nnot_measured && !g->nno_reference) {
		h_text(s, "p", NULL, str_get(m->str, "nc_none"));
		free(company);
		return 0;
	}
	t = h_table(s, str_get(m->str, "not_compared_h"));
	tr = h_el(t, "tr", NULL);
	h_cell(tr, 1, str_get(m->str, "col_metric"), NULL);
	h_cell(tr, 1, str_get(m->str, "col_reason_nc"), NULL);
	for (i = 0; i < g->nnot_measured; i++) {
		tr = h_el(t, "tr", NULL);
		h_cell(tr, 0, str_metric(m->str, &m->cat->metrics[g->not_measured[i]]), NULL);
		h_cell(tr, 0, company, NULL);
	}
	for (i = 0; i < g->nno_reference; i++) {
		tr = h_el(t, "tr", NULL);
		h_cell(tr, 0, str_metric(m->str, &m->cat->metrics[g->no_reference[i]]), NULL);
		h_cell(tr, 0, str_get(m->str, "nc_reference"), NULL);
	}
	free(company);
	return 0;
}

int part_methodology(xmlNodePtr s, const struct report_model *m,
		     struct figures *p)
{
	static const char *const keys[] = { "method_score", "method_gap",
		"method_frontier", "method_index", "method_priority", "method_moe",
		"method_timetax", "method_modeled" };
	char transfer[48], handle[48], *text;
	const char *vars[] = { "transfer_minutes", transfer, "handle_minutes", handle,
		NULL };
	size_t i;

	(void)p; /* text only */
	str_num(m->str, transfer, TT_TRANSFER_MINUTES, 1);
	str_num(m->str, handle, TT_HANDLE_MINUTES, 1);
	for (i = 0; i < sizeof keys / sizeof *keys; i++) {
		text = str_fill(m->str, keys[i], vars);
		h_text(s, "p", NULL, text);
		free(text);
	}
	return 0;
}

/* The basis as the reader should weigh it: a reported value more than
 * PROFILE_DATED_YEARS older than the period says how old it is.  Caller
 * frees. */
static char *basis_text(const struct report_model *m, const struct ref_value *v)
{
	int age = m->gap->period->key.year - v->year;
	char years[16];
	const char *vars[] = { "years", years, NULL };

	if (!v->reported || !v->year || age <= PROFILE_DATED_YEARS)
		return xstrdup(str_get(m->str, v->reported ? "basis_reported" :
				       "basis_modeled"));
	snprintf(years, sizeof years, "%d", age);
	return str_fill(m->str, "basis_dated", vars);
}

static void source_row(xmlNodePtr t, const struct report_model *m,
		       const struct profile *pr, size_t metric)
{
	const struct ref_value *v = &pr->values[metric];
	xmlNodePtr tr = h_el(t, "tr", v->reported ? NULL : "basis-modeled");
	char year[16], *basis = basis_text(m, v);

	h_cell(tr, 0, str_brand(m->str, pr), NULL);
	h_cell(tr, 0, str_metric(m->str, &m->cat->metrics[metric]), NULL);
	part_num(m, tr, v->value, 2, 0);
	h_cell(tr, 0, basis, NULL);
	free(basis);
	h_cell(tr, 0, v->source ? v->source : "", NULL);
	h_cell(tr, 0, v->method ? v->method : "", NULL);
	snprintf(year, sizeof year, "%d", v->year);
	h_cell(tr, 0, v->year ? year : "", "num");
	h_cell(tr, 0, v->note ? v->note : "", NULL);
	h_cell(tr, 0, v->quote ? v->quote : "", NULL);
}

static void facts_table(xmlNodePtr s, const struct report_model *m)
{
	static const char *const cols[] = { "col_brand", "col_label", "col_value",
		"col_scale", "col_source", "col_year" };
	const struct gap_report *g = m->gap;
	xmlNodePtr t = NULL, tr;
	char year[16];
	size_t k, i;

	for (k = 0; k < g->nrefs; k++) {
		const struct profile *pr = g->refs[k];
		for (i = 0; i < pr->nfacts; i++) {
			if (!t) {
				h_text(s, "h3", NULL, str_get(m->str, "facts_h"));
				t = h_table(s, str_get(m->str, "facts_h"));
				part_head(t, m, cols, 6);
			}
			tr = h_el(t, "tr", NULL);
			h_cell(tr, 0, str_brand(m->str, pr), NULL);
			h_cell(tr, 0, pr->facts[i].label, NULL);
			part_num(m, tr, pr->facts[i].value, 2, 0);
			h_cell(tr, 0, pr->facts[i].scale, NULL);
			h_cell(tr, 0, pr->facts[i].source, NULL);
			snprintf(year, sizeof year, "%d", pr->facts[i].year);
			h_cell(tr, 0, year, "num");
		}
	}
}

/* Every value of every selected brand, not only the ones compared, so a
 * reader can check any number the report rests on. */
int part_sources(xmlNodePtr s, const struct report_model *m, struct figures *p)
{
	static const char *const cols[] = { "col_brand", "col_metric", "col_value",
		"col_basis", "col_source", "col_method", "col_year", "col_note", "col_quote" };
	const struct gap_report *g = m->gap;
	xmlNodePtr t;
	size_t k, i;

	(void)p; /* tables only */
	h_text(s, "p", "note", str_get(m->str, "method_modeled"));
	t = h_table(s, str_get(m->str, "sources_h"));
	part_head(t, m, cols, sizeof cols / sizeof *cols);
	for (k = 0; k < g->nrefs; k++) {
		if (g->refs[k]->is_frontier)
			continue;
		for (i = 0; i < m->cat->nmetrics; i++)
			if (g->refs[k]->values[i].present)
				source_row(t, m, g->refs[k], i);
	}
	facts_table(s, m);
	return 0;
}
