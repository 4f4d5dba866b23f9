/* report_summary: the executive summary, read in 30 seconds: key figure
 * tiles (the index with a sparkline of it, report_spark.c; the gap to the frontier, the
 * change since the previous period and since a year before), then
 * sentences in plain words (where the company stands, its largest gaps in
 * each metric's own unit, what improved most), what the words "index" and
 * "frontier" mean, how many reference values are reported, and the chart
 * and table of every index.  Every difference is taken between the
 * numbers as printed (story_shown), so that it adds up on the page. */
#include "report/report_parts.h"
#include "base/mem.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define SUMMARY_GAPS 3

/* The tile's words: "behind" or "ahead" for a gap, "up" or "down" for a
 * change, chosen by the difference as printed. */
static const char *by_sign(double shown_diff, const char *pos, const char *neg,
			   const char *zero)
{
	return shown_diff > 0 ? pos : shown_diff < 0 ? neg : zero;
}

static xmlNodePtr tile(xmlNodePtr tiles, const char *fact, const char *label,
		       const char *value, const char *note)
{
	xmlNodePtr t = h_el(tiles, "div", "tile");

	h_attr(t, "data-fact", fact);
	h_text(t, "p", "tile-label", label);
	h_text(t, "p", "tile-value", value);
	h_text(t, "p", "tile-note", note);
	return t;
}

/* The company's index against the frontier's, as printed. */
static double frontier_index(const struct report_model *m)
{
	long fk = gap_frontier_index(m->gap);
	return fk >= 0 ? m->gap->ref_overall[fk] : NAN;
}

static void index_tile(xmlNodePtr tiles, const struct report_model *m)
{
	char v[48];
	xmlNodePtr t = tile(tiles, "index", str_get(m->str, "tile_index"),
			    str_num(m->str, v, m->gap->overall, 1),
			    str_get(m->str, "tile_index_note"));
	part_sparkline(t, m);
}

static void gap_tile(xmlNodePtr tiles, const struct report_model *m)
{
	double fr = story_shown(frontier_index(m), 1);
	double gap = fr - story_shown(m->gap->overall, 1);
	char v[48], f[48], *note;
	const char *vars[] = { "frontier", f, NULL };

	if (isnan(fr))
		return;
	str_num(m->str, f, fr, 1);
	note = str_fill(m->str, by_sign(gap, "tile_gap_behind", "tile_gap_ahead",
					"tile_gap_level"), vars);
	tile(tiles, "gap", str_get(m->str, "tile_gap"),
	     str_num(m->str, v, fabs(gap), 1), note);
	free(note);
}

static void change_tile(xmlNodePtr tiles, const struct report_model *m,
			const char *fact, const struct story_then *then)
{
	double change = story_shown(m->gap->overall, 1) - story_shown(then->score, 1);
	char v[48], from[48], period[STR_PERIOD_SIZE], *label, *note;
	const char *vars[] = { "period", period, "from", from, NULL };

	if (!then->has)
		return;
	str_period(m->str, period, then->when);
	str_num(m->str, from, then->score, 1);
	label = str_fill(m->str, "tile_since", vars);
	note = str_fill(m->str, by_sign(change, "tile_up", "tile_down", "tile_same"),
			vars);
	tile(tiles, fact, label, str_num(m->str, v, fabs(change), 1), note);
	free(label);
	free(note);
}

static void tiles(xmlNodePtr s, const struct report_model *m)
{
	xmlNodePtr t = h_el(s, "div", "tiles");

	index_tile(t, m);
	gap_tile(t, m);
	change_tile(t, m, "previous", &m->story.prev);
	change_tile(t, m, "year", &m->story.year);
}

/* The ranks are best first, so the first brand is the best single one (a
 * sector's peers are a context, not a brand). */
static const struct rank_row *best_brand(const struct report_model *m)
{
	size_t i;
	for (i = 0; i < m->nranks; i++)
		if (m->ranks[i].kind == ROW_BRAND && !isnan(m->ranks[i].score) &&
		    !m->gap->refs[m->ranks[i].ref]->is_sector)
			return &m->ranks[i];
	return NULL;
}

static void sentence(xmlNodePtr list, const struct report_model *m,
		     const char *key, const char *const *vars)
{
	char *text = str_fill(m->str, key, vars);
	h_text(list, "li", NULL, text);
	free(text);
}

static void standing(xmlNodePtr list, const struct report_model *m)
{
	const struct rank_row *best = best_brand(m);
	double fr = story_shown(frontier_index(m), 1);
	double gap = fr - story_shown(m->gap->overall, 1);
	char score[48], f[48], g[48], bs[48], ahead[24], refs[24], now[STR_PERIOD_SIZE];
	const char *vars[] = { "company", m->company->name, "period",
		str_period(m->str, now, m->gap->period->key), "score", score, "frontier", f, "gap", g,
		"ahead", ahead, "refs", refs, "best", best ? best->label : "",
		"best_score", bs, NULL };

	str_num(m->str, score, m->gap->overall, 1);
	str_num(m->str, f, fr, 1);
	str_num(m->str, g, fabs(gap), 1);
	str_num(m->str, bs, best ? best->score : NAN, 1);
	snprintf(ahead, sizeof ahead, "%zu", m->story.ahead);
	snprintf(refs, sizeof refs, "%zu", m->story.refs);
	if (!isnan(fr))
		sentence(list, m, by_sign(gap, "summary_behind", "summary_ahead",
					  "summary_level"), vars);
	if (best)
		sentence(list, m, "summary_rank", vars);
}

static void gap_sentence(xmlNodePtr list, const struct report_model *m,
			 const struct gap_metric *gm)
{
	const struct metric_def *def = &m->cat->metrics[gm->metric];
	const struct ref_value *fr = &m->gap->frontier->values[gm->metric];
	char cv[48], tv[48], gap[48], *unit = part_company_unit(m, gm->metric);
	char *basis = part_basis_words(m, fr), *text, *full;
	int sig = story_significant(def, gm, fr->value);
	const char *vars[] = { "metric", str_metric(m->str, def), "unit", unit,
		"company_value", cv, "target", tv, "gap", gap, "brand", str_brand(m->str, fr->from),
		"basis", basis, "significance", part_significance(m, sig), NULL };

	str_num(m->str, cv, gm->value, 2);
	str_num(m->str, tv, fr->value, 2);
	str_num(m->str, gap, story_unit_gap(def, fr->value, gm->value), 2);
	text = str_fill(m->str, "summary_gap", vars);
	full = def->not_comparable ? xasprintf("%s %s", text,
		str_get(m->str, "not_comparable")) : xstrdup(text);
	h_text(list, "li", NULL, full);
	free(full);
	free(text);
	free(basis);
	free(unit);
}

static void largest_gaps(xmlNodePtr list, const struct report_model *m)
{
	xmlNodePtr li, gaps;
	size_t j, n = m->gap->npriorities;

	if (n > SUMMARY_GAPS)
		n = SUMMARY_GAPS;
	if (n == 0 || !m->gap->frontier)
		return;
	li = h_text(list, "li", NULL, str_get(m->str, "summary_gaps"));
	gaps = h_el(li, "ol", "gaps");
	for (j = 0; j < n; j++)
		gap_sentence(gaps, m, &m->gap->metrics[m->gap->priorities[j]]);
}

static void most_improved(xmlNodePtr list, const struct report_model *m)
{
	const struct report_story *st = &m->story;
	const struct trend_row *r;
	char from[48], to[48], period[STR_PERIOD_SIZE], *unit;
	const char *vars[] = { "metric", "", "period", period, "from", from, "to", to,
		"unit", "", "significance", "", NULL };

	if (st->improved < 0) {
		if (st->any_change && st->prev.has) {
			str_period(m->str, period, st->prev.when);
			sentence(list, m, "summary_improved_none", vars);
		}
		return;
	}
	r = trend_metric(m->trend, (size_t)st->improved);
	unit = part_company_unit(m, r->index);
	str_period(m->str, period, m->trend->timeline[r->prev]);
	str_num(m->str, from, r->values[r->prev], 2);
	str_num(m->str, to, r->values[r->last], 2);
	vars[1] = str_metric(m->str, &m->cat->metrics[r->index]);
	vars[9] = unit;
	vars[11] = part_significance(m, r->change_significant);
	sentence(list, m, "summary_improved", vars);
	free(unit);
}

/* Joins the texts of keys (filled from vars) into one paragraph. */
static void paragraph(xmlNodePtr s, const struct report_model *m, const char *cls,
		      const char *const *keys, const char *const *vars)
{
	xmlNodePtr p = h_el(s, "p", cls);
	char *text;
	size_t i;

	for (i = 0; keys[i]; i++) {
		if (i)
			xmlNodeAddContent(p, BAD_CAST " ");
		text = str_fill(m->str, keys[i], vars);
		xmlNodeAddContent(p, BAD_CAST text);
		free(text);
	}
}

/* What the words mean, how much of the comparison rests on published
 * figures (the frontier's own count only when there is a frontier), and
 * what the report covers. */
static void notes(xmlNodePtr s, const struct report_model *m)
{
	static const char *const words[] = { "define_index", "define_frontier", NULL };
	static const char *const coverage[] = { "summary_coverage", NULL };
	const char *bases[] = { "summary_reported", "summary_reported_frontier",
		"basis_key", NULL };
	const struct report_story *st = &m->story;
	char values[24], reported[24], ftotal[24], freported[24], n[24], total[24];
	const char *vars[] = { "values", values, "reported", reported, "frontier_total",
		ftotal, "frontier_reported", freported, "company", m->company->name,
		"n", n, "total", total, NULL };

	snprintf(values, sizeof values, "%zu", st->values);
	snprintf(reported, sizeof reported, "%zu", st->reported);
	snprintf(ftotal, sizeof ftotal, "%zu", st->frontier_values);
	snprintf(freported, sizeof freported, "%zu", st->frontier_reported);
	snprintf(n, sizeof n, "%zu", m->gap->nmetrics);
	snprintf(total, sizeof total, "%zu", m->cat->nmetrics);
	if (!st->frontier_values) {
		bases[1] = "basis_key";
		bases[2] = NULL;
	}
	paragraph(s, m, "note", words, vars);
	paragraph(s, m, "note bases", bases, vars);
	paragraph(s, m, "note", coverage, vars);
}

/* "29.3 behind" in words and colour: the row's reference against the
 * company, between the two indexes as printed. */
static void against_cell(xmlNodePtr tr, const struct report_model *m, double score)
{
	double gap = story_shown(score, 1) - story_shown(m->gap->overall, 1);
	char num[48], *text;
	const char *vars[] = { "gap", num, NULL };

	if (isnan(gap)) {
		h_cell(tr, 0, "–", "num");
		return;
	}
	str_num(m->str, num, fabs(gap), 1);
	text = str_fill(m->str, by_sign(gap, "against_behind", "against_ahead",
					"against_level"), vars);
	h_cell(tr, 0, text, by_sign(gap, "num behind", "num ahead", "num"));
	free(text);
}

static void overall_table(xmlNodePtr s, const struct report_model *m)
{
	static const char *const cols[] = { "col_reference", "col_index", "col_against" };
	xmlNodePtr t = h_table(s, str_get(m->str, "chart_overall")), tr;
	size_t i;

	part_head(t, m, cols, sizeof cols / sizeof *cols);
	for (i = 0; i < m->nranks; i++) {
		tr = h_el(t, "tr", m->ranks[i].kind == ROW_COMPANY ? "company" : NULL);
		h_cell(tr, 0, m->ranks[i].label, NULL);
		part_num(m, tr, m->ranks[i].score, 1, 0);
		if (m->ranks[i].kind == ROW_COMPANY)
			h_cell(tr, 0, "", "num");
		else
			against_cell(tr, m, m->ranks[i].score);
	}
}

int part_summary(xmlNodePtr s, const struct report_model *m, struct figures *p)
{
	xmlNodePtr story;
	int rc;

	tiles(s, m);
	story = h_el(s, "ul", "story");
	standing(story, m);
	largest_gaps(story, m);
	most_improved(story, m);
	notes(s, m);
	rc = part_figure(s, p, "overall", str_get(m->str, "chart_overall"));
	overall_table(s, m);
	return rc;
}
