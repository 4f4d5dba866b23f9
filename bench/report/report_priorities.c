/* report_priorities: the top priorities as a plan a client can act on:
 * per metric, the target (the frontier brand's value, marked reported or
 * modeled), the gap to it in the metric's own unit, the change per period
 * it takes to reach it within a year against the current pace, and the
 * metric's next step (the catalog's, translated as "step.METRIC").  One
 * kind of number per sentence: the unit's in the gap and the plan, score
 * points in their own column. */
#include "report/report_parts.h"
#include "base/mem.h"
#include "core/stats.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The metric's step in the report's language, else the catalog's, else
 * its dimension's. */
static const char *next_step(const struct report_model *m,
			     const struct metric_def *def)
{
	char key[96];
	const char *text;

	snprintf(key, sizeof key, "step.%.80s", def->id);
	text = str_get(m->str, key);
	if (strcmp(text, key) != 0)
		return text;
	if (def->next_step)
		return def->next_step;
	snprintf(key, sizeof key, "step.%.80s", m->cat->dims[def->dim].id);
	text = str_get(m->str, key);
	return strcmp(text, key) != 0 ? text : str_get(m->str, "step.default");
}

/* The period a year after the compared one: the plan's date. */
static struct period plan_date(const struct report_model *m)
{
	struct period now = m->gap->period->key;
	return period_from_index(now.gran, period_index(now) + story_per_year(now.gran));
}

/* The gap in the metric's unit, in words; a metric whose reference is
 * not comparable across sectors says so, apart. */
static void reason(xmlNodePtr tr, const struct report_model *m,
		   const struct gap_metric *gm, const struct ref_value *fr)
{
	const struct metric_def *def = &m->cat->metrics[gm->metric];
	char gap[48], *unit = part_company_unit(m, gm->metric), *text;
	const char *vars[] = { "gap", gap, "unit", unit, NULL };
	xmlNodePtr td;

	str_num(m->str, gap, story_unit_gap(def, fr->value, gm->value), 2);
	text = str_fill(m->str, "reason", vars);
	td = h_cell(tr, 0, text, "behind");
	if (def->not_comparable) {
		xmlNodeAddContent(td, BAD_CAST " ");
		h_text(td, "small", "caveat", str_get(m->str, "not_comparable"));
	}
	free(text);
	free(unit);
}

/* "On track", "not on track" or "moving away", between the change needed
 * and the pace as printed, both in the direction that closes the gap. */
static const char *verdict(const struct metric_def *def, double need, double pace)
{
	double d = def->higher ? 1 : -1;

	if (isnan(pace))
		return NULL;
	if (pace * d >= need * d)
		return "plan_on_track";
	return pace * d < 0 ? "plan_away" : "plan_short";
}

/* What it takes: the change per period that reaches the target a year on,
 * from the two values as printed, and the current pace.  Caller frees. */
static char *plan(const struct report_model *m, const struct gap_metric *gm,
		  const struct ref_value *fr)
{
	const struct metric_def *def = &m->cat->metrics[gm->metric];
	int per = story_per_year(m->gap->period->key.gran);
	double need = story_shown((story_shown(fr->value, 2) -
				   story_shown(gm->value, 2)) / per, 2);
	double pace = story_shown(story_pace(m->trend, gm->metric), 2);
	char n[49], p[49], key[32], *unit = part_company_unit(m, gm->metric);
	char *a, *b, *text;
	const char *vars[] = { "change", str_signed(m->str, n, need, 2), "pace",
		str_signed(m->str, p, pace, 2), "unit", unit, "gran", key, NULL };
	const char *v = verdict(def, need, pace);

	snprintf(key, sizeof key, "gran_%s", granularity_name(m->gap->period->key.gran));
	vars[7] = str_get(m->str, key);
	a = str_fill(m->str, "plan_needed", vars);
	b = str_fill(m->str, isnan(pace) ? "plan_pace_none" : "plan_pace", vars);
	text = v ? xasprintf("%s %s %s", a, b, str_get(m->str, v)) :
		xasprintf("%s %s", a, b);
	free(a);
	free(b);
	free(unit);
	return text;
}

static void priority_row(xmlNodePtr t, const struct report_model *m, size_t rank)
{
	const struct gap_report *g = m->gap;
	const struct gap_metric *gm = &g->metrics[g->priorities[rank]];
	const struct metric_def *def = &m->cat->metrics[gm->metric];
	const struct ref_value *fr = &g->frontier->values[gm->metric];
	double points = metric_score(def, fr->value) - gm->score;
	int sig = story_significant(def, gm, fr->value);
	char num[24], *text;
	xmlNodePtr tr = h_el(t, "tr", NULL);

	snprintf(num, sizeof num, "%zu", rank + 1);
	h_cell(tr, 0, num, "num");
	h_cell(tr, 0, str_metric(m->str, def), NULL);
	part_num(m, tr, gm->value, 2, 0);
	part_ref_cell(m, tr, fr, 2);
	h_cell(tr, 0, str_brand(m->str, fr->from), NULL);
	reason(tr, m, gm, fr);
	part_num(m, tr, points, 1, 0);
	h_cell(tr, 0, part_significance(m, sig), NULL);
	text = plan(m, gm, fr);
	h_cell(tr, 0, text, NULL);
	free(text);
	h_cell(tr, 0, next_step(m, def), NULL);
}

static void priority_head(xmlNodePtr t, const struct report_model *m)
{
	static const char *const cols[] = { "col_rank", "col_metric", "col_company",
		"col_target", "col_brand", "col_gap", "col_points", "col_significance",
		"col_plan", "col_next_step" };
	char date[STR_PERIOD_SIZE], *text;
	const char *vars[] = { "company", m->company->name, "date", date, NULL };
	xmlNodePtr tr = h_el(t, "tr", NULL);
	size_t i;

	str_period(m->str, date, plan_date(m));
	for (i = 0; i < sizeof cols / sizeof *cols; i++) {
		text = str_fill(m->str, cols[i], vars);
		h_cell(tr, 1, text, NULL);
		free(text);
	}
}

int part_priorities(xmlNodePtr s, const struct report_model *m, struct figures *p)
{
	xmlNodePtr t;
	size_t i;
	char *text;

	(void)p; /* a table only */
	if (m->ntop == 0 || !m->gap->frontier) {
		text = part_text(m, "priorities_none");
		h_text(s, "p", NULL, text);
		free(text);
		return 0;
	}
	h_text(s, "p", NULL, str_get(m->str, "priorities_intro"));
	t = h_table(s, str_get(m->str, "priorities_h"));
	priority_head(t, m);
	for (i = 0; i < m->ntop; i++)
		priority_row(t, m, i);
	return 0;
}
