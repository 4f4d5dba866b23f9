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

/* A reported value more than PROFILE_DATED_YEARS older than the period. */
static int dated(const struct report_model *m, const struct ref_value *v)
{
	return v->year && m->gap->period->key.year - v->year > PROFILE_DATED_YEARS;
}

/* The basis as the reader should weigh it: a dated reported value says
 * how old it is.  Caller frees. */
static char *basis_text(const struct report_model *m, const struct ref_value *v)
{
	char years[16];
	const char *vars[] = { "years", years, NULL };

	if (!v->reported || !dated(m, v))
		return xstrdup(str_get(m->str, v->reported ? "basis_reported" :
				       "basis_modeled"));
	snprintf(years, sizeof years, "%d", m->gap->period->key.year - v->year);
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

/* The columns of the table of reported figures: the last holds the
 * source, its method and its quote as running text, which takes far fewer
 * lines on a page than three columns of their own. */
static const char *const reported_cols[] = { "col_metric", "col_value", "col_unit",
	"col_year", "col_source_quote" };
#define NREPORTED_COLS (sizeof reported_cols / sizeof *reported_cols)

/* A cell across the whole width of the reported figures' table. */
static void wide_cell(xmlNodePtr body, const char *row_cls, int header,
		      const char *text)
{
	xmlNodePtr c = h_cell(h_el(body, "tr", row_cls), header, text, NULL);
	char span[16];

	snprintf(span, sizeof span, "%zu", NREPORTED_COLS);
	h_attr(c, "colspan", span);
	if (header)
		h_attr(c, "scope", "rowgroup");
}

/* The year a reported value was published, with its age when dated.
 * Caller frees. */
static char *year_text(const struct report_model *m, const struct ref_value *v)
{
	char year[16], age[16];
	const char *vars[] = { "year", year, "years", age, NULL };

	if (!v->year)
		return xstrdup("");
	snprintf(year, sizeof year, "%d", v->year);
	snprintf(age, sizeof age, "%d", m->gap->period->key.year - v->year);
	return dated(m, v) ? str_fill(m->str, "year_dated", vars) : xstrdup(year);
}

/* "source · method" and the quote, marked as one (<q>: the browser adds
 * the language's quotation marks). */
static void source_cell(xmlNodePtr tr, const struct ref_value *v)
{
	xmlNodePtr td = h_el(tr, "td", "source");

	/* the source's own words, in its own language */
	h_attr(td, "translate", "no");

	xmlNodeAddContent(td, BAD_CAST (v->source ? v->source : ""));
	if (v->method) {
		xmlNodeAddContent(td, BAD_CAST " \u00b7 ");
		h_text(td, "span", "method", v->method);
	}
	if (v->quote) {
		xmlNodeAddContent(td, BAD_CAST " ");
		h_text(td, "q", NULL, v->quote);
	}
}

static void reported_row(xmlNodePtr body, const struct report_model *m,
			 const struct profile *pr, size_t metric)
{
	const struct ref_value *v = &pr->values[metric];
	const struct metric_def *def = &m->cat->metrics[metric];
	xmlNodePtr tr = h_el(body, "tr", NULL);
	char *year = year_text(m, v);

	h_cell(tr, 0, str_metric(m->str, def), NULL);
	part_num(m, tr, v->value, 2, 0);
	h_cell(tr, 0, str_unit(m->str, def), NULL);
	h_cell(tr, 0, year, dated(m, v) ? "dated" : NULL);
	free(year);
	source_cell(tr, v);
}

/* One reference's group: its name, a row per reported value, then one
 * line for all its modeled values, whose reasons are in the full list. */
static void brand_sources(xmlNodePtr t, const struct report_model *m,
			  const struct profile *pr)
{
	xmlNodePtr body = h_el(t, "tbody", "brand-sources");
	size_t i, nvalues = 0, nmodeled = 0;
	char n[24], total[24], *text;
	const char *vars[] = { "n", n, "total", total, NULL };

	wide_cell(body, "brand", 1, str_brand(m->str, pr));
	for (i = 0; i < m->cat->nmetrics; i++) {
		if (!pr->values[i].present)
			continue;
		nvalues++;
		if (pr->values[i].reported)
			reported_row(body, m, pr, i);
		else
			nmodeled++;
	}
	if (!nmodeled)
		return;
	snprintf(n, sizeof n, "%zu", nmodeled);
	snprintf(total, sizeof total, "%zu", nvalues);
	text = str_fill(m->str, "sources_modeled", vars);
	wide_cell(body, "modeled-line", 0, text);
	free(text);
}

/* Every value of every selected reference, not only the ones compared,
 * with the reasoning behind each modeled one: closed, and left out of
 * print unless --full-sources opens it (report.c). */
static void all_sources(xmlNodePtr s, const struct report_model *m)
{
	static const char *const cols[] = { "col_brand", "col_metric", "col_value",
		"col_basis", "col_source", "col_method", "col_year", "col_note", "col_quote" };
	const struct gap_report *g = m->gap;
	xmlNodePtr d = h_el(s, "details", "all-sources"), t;
	char n[24], *text;
	const char *vars[] = { "n", n, NULL };
	size_t k, i, rows = 0;

	h_attr(d, "id", SOURCES_ALL_ID);
	for (k = 0; k < g->nrefs; k++)
		for (i = 0; !g->refs[k]->is_frontier && i < m->cat->nmetrics; i++)
			rows += g->refs[k]->values[i].present != 0;
	snprintf(n, sizeof n, "%zu", rows);
	text = str_fill(m->str, "sources_all", vars);
	h_text(d, "summary", NULL, text);
	free(text);
	t = h_table(d, str_get(m->str, "sources_h"));
	part_head(t, m, cols, sizeof cols / sizeof *cols);
	for (k = 0; k < g->nrefs; k++) {
		if (g->refs[k]->is_frontier)
			continue;
		for (i = 0; i < m->cat->nmetrics; i++)
			if (g->refs[k]->values[i].present)
				source_row(t, m, g->refs[k], i);
	}
	facts_table(d, m);
}

/* The reported figures grouped by reference, each with the quote that
 * holds its number, so a reader can check what the report rests on in a
 * page or two; then the full list. */
int part_sources(xmlNodePtr s, const struct report_model *m, struct figures *p)
{
	const struct gap_report *g = m->gap;
	xmlNodePtr t;
	size_t k;

	(void)p; /* tables only */
	h_text(s, "p", "note", str_get(m->str, "method_modeled"));
	t = h_table(s, str_get(m->str, "sources_reported_h"));
	h_attr(t, "class", "sources");
	part_head(h_el(t, "thead", NULL), m, reported_cols, NREPORTED_COLS);
	for (k = 0; k < g->nrefs; k++)
		if (!g->refs[k]->is_frontier)
			brand_sources(t, m, g->refs[k]);
	all_sources(s, m);
	return 0;
}
