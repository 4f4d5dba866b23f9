/* report_friction: the "what friction costs your customers" section,
 * shown when the compared period has a `friction` block (core/friction.h):
 * CSAT by wait level with its intervals (a chart and its table), the
 * satisfaction points lost per factor, largest first, each factor with the
 * table of its levels, the time tax in customer-hours beside the
 * frontier's, and the plain warning that all of it is association, not
 * cause.  Every number is the block's, printed as written (rounded to one
 * decimal): the report explains them, it does not recompute them. */
#include "report/report_parts.h"
#include "base/mem.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *report_fr_factor(const struct report_model *m, const char *id)
{
	char key[128];
	const char *text;

	snprintf(key, sizeof key, "fr_factor.%.100s", id);
	text = str_get(m->str, key);
	return text == key ? id : text; /* a factor this version has no name for */
}

/* "31-90s", "2-5min", "30s+", "5min+": aggregate's names of wait
 * levels, read back (0 when level is not one).  *hi is -1 for "+". */
static int span_of(const char *level, unsigned long *lo, long *hi, int *in_min)
{
	char *end;

	if (*level < '0' || *level > '9')
		return 0;
	*lo = strtoul(level, &end, 10);
	*hi = -1;
	if (*end == '-') {
		if (end[1] < '0' || end[1] > '9')
			return 0;
		*hi = (long)strtoul(end + 1, &end, 10);
	}
	*in_min = strncmp(end, "min", 3) == 0;
	end += *in_min ? 3 : *end == 's';
	return end[-1] != (*in_min ? 'n' : 's') ? 0 : *hi < 0 ? strcmp(end, "+") == 0 :
		*end == '\0';
}

const char *report_fr_level(const struct report_model *m, const char *factor,
			    const char *level, char *buf)
{
	char key[160], lo[32], hi[32], *text;
	const char *found, *vars[] = { "low", lo, "high", hi, NULL };
	unsigned long from;
	long to;
	int in_min;

	snprintf(key, sizeof key, "fr_level.%.60s.%.60s", factor, level);
	found = str_get(m->str, key);
	if (found != key)
		return found;
	if (!span_of(level, &from, &to, &in_min))
		return level;
	snprintf(lo, sizeof lo, "%lu", from);
	snprintf(hi, sizeof hi, "%ld", to);
	text = str_fill(m->str, to < 0 ? in_min ? "fr_over_min" : "fr_over_s" :
			in_min ? "fr_span_min" : "fr_span_s", vars);
	snprintf(buf, REPORT_FR_LEVEL_SIZE, "%s", text);
	free(text);
	return buf;
}

int report_fr_charted(const struct fr_factor *wait)
{
	size_t i;

	for (i = 0; i < wait->nlevels; i++)
		if (!isnan(wait->levels[i].csat.value))
			return 1;
	return 0;
}

static void num_text(const struct report_model *m, char *buf, double v)
{
	str_num(m->str, buf, v, 1);
}

/* "84.1 (81–86.8)": a value with its 95 % interval, or the value alone
 * when the interval is not given. */
static void stat_cell(const struct report_model *m, xmlNodePtr tr,
		      const struct fr_stat *s)
{
	char v[48], lo[48], hi[48], *text;
	const char *vars[] = { "value", v, "low", lo, "high", hi, NULL };

	num_text(m, v, s->value);
	num_text(m, lo, s->low);
	num_text(m, hi, s->high);
	text = isnan(s->value) || isnan(s->low) || isnan(s->high) ? xstrdup(v) :
		str_fill(m->str, "fr_ci", vars);
	h_cell(tr, 0, text, "num");
	free(text);
}

/* The difference from the best level, marked when significant; "best" at
 * the best level; "too few answers" under FRICTION_MIN_ANSWERS.  The
 * difference is that of the two values as printed (the block's own diff
 * is of the unrounded ones and may differ from it by 0.1): a reader who
 * subtracts the numbers shown gets the number shown. */
static void diff_cell(const struct report_model *m, xmlNodePtr tr,
		      const struct fr_stat *s, const struct fr_stat *best)
{
	char buf[49], *text;
	const char *d;
	double diff = s->diff;

	if (!fr_enough(s)) {
		h_cell(tr, 0, str_get(m->str, "fr_too_few"), "note");
		return;
	}
	if (s == best) {
		h_cell(tr, 0, str_get(m->str, "fr_best"), NULL);
		return;
	}
	if (best && fr_enough(best))
		diff = story_shown(s->value, 1) - story_shown(best->value, 1);
	d = str_signed(m->str, buf, diff, 1);
	text = xasprintf("%s%s", d, s->significant ? " *" : "");
	h_cell(tr, 0, text, s->significant && diff < 0 ? "num behind" : "num");
	free(text);
}

static void factor_table(xmlNodePtr s, const struct report_model *m,
			 const struct fr_factor *f)
{
	static const char *const cols[] = { "fr_col_level", "fr_col_contacts",
		"fr_col_csat_n", "fr_col_csat", "fr_col_vs_best", "fr_col_nps_n",
		"fr_col_nps", "fr_col_vs_best" };
	const char *vars[] = { "factor", report_fr_factor(m, f->id), NULL };
	char *caption = str_fill(m->str, "fr_table", vars);
	xmlNodePtr t = h_table(s, caption), tr;
	const struct fr_level *best = NULL;
	char name[REPORT_FR_LEVEL_SIZE];
	size_t i;

	for (i = 0; f->best && !best && i < f->nlevels; i++)
		if (strcmp(f->best, f->levels[i].level) == 0)
			best = &f->levels[i];
	part_head(t, m, cols, sizeof cols / sizeof *cols);
	for (i = 0; f->levels && i < f->nlevels; i++) {
		const struct fr_level *l = &f->levels[i];
		tr = h_el(t, "tr", l == best ? "best" : NULL);
		h_cell(tr, 0, report_fr_level(m, f->id, l->level, name), NULL);
		part_num(m, tr, l->contacts, 0, 0);
		part_num(m, tr, l->csat.n, 0, 0);
		stat_cell(m, tr, &l->csat);
		diff_cell(m, tr, &l->csat, best ? &best->csat : NULL);
		part_num(m, tr, l->nps.n, 0, 0);
		stat_cell(m, tr, &l->nps);
		diff_cell(m, tr, &l->nps, best ? &best->nps : NULL);
	}
	free(caption);
}

/* The wait levels' CSAT: the chart's own table (level, contacts,
 * answers, CSAT and its interval). */
static int wait_part(xmlNodePtr s, const struct report_model *m,
		     struct figures *p, const struct fr_factor *w)
{
	static const char *const cols[] = { "fr_col_level", "fr_col_contacts",
		"fr_col_csat_n", "fr_col_csat", "fr_col_low", "fr_col_high" };
	char slope[49], *text, name[REPORT_FR_LEVEL_SIZE];
	const char *vars[] = { "slope", NULL, NULL };
	xmlNodePtr t, tr;
	size_t i;
	int rc = part_figure(s, p, "friction-wait", str_get(m->str, "chart_friction_wait"));

	t = h_table(s, str_get(m->str, "chart_friction_wait"));
	part_head(t, m, cols, sizeof cols / sizeof *cols);
	for (i = 0; i < w->nlevels; i++) {
		const struct fr_level *l = &w->levels[i];
		tr = h_el(t, "tr", NULL);
		h_cell(tr, 0, report_fr_level(m, w->id, l->level, name), NULL);
		part_num(m, tr, l->contacts, 0, 0);
		part_num(m, tr, l->csat.n, 0, 0);
		part_num(m, tr, l->csat.value, 1, 0);
		part_num(m, tr, l->csat.low, 1, 0);
		part_num(m, tr, l->csat.high, 1, 0);
	}
	if (!isnan(w->csat_per_minute)) {
		vars[1] = str_signed(m->str, slope, w->csat_per_minute, 1);
		text = str_fill(m->str, "fr_per_minute", vars);
		h_text(s, "p", NULL, text);
		free(text);
	}
	return rc;
}

/* Points lost per factor, largest first (the model's order), then each
 * factor's levels. */
static void lost_part(xmlNodePtr s, const struct report_model *m)
{
	static const char *const cols[] = { "fr_col_factor", "fr_col_lost_csat",
		"fr_col_lost_nps", "fr_col_best" };
	const struct friction *fr = m->friction;
	xmlNodePtr t, tr;
	char lost[48], *text, name[REPORT_FR_LEVEL_SIZE];
	const char *vars[] = { "factor", NULL, "lost", lost, NULL };
	size_t i;

	h_text(s, "h3", NULL, str_get(m->str, "fr_lost_h"));
	text = part_text(m, "fr_lost_intro");
	h_text(s, "p", NULL, text);
	free(text);
	t = h_table(s, str_get(m->str, "fr_lost_h"));
	part_head(t, m, cols, sizeof cols / sizeof *cols);
	for (i = 0; i < fr->nfactors; i++) {
		const struct fr_factor *f = &fr->factors[m->fr_order[i]];
		tr = h_el(t, "tr", NULL);
		h_cell(tr, 0, report_fr_factor(m, f->id), NULL);
		part_num(m, tr, f->lost_csat, 1, 0);
		part_num(m, tr, f->lost_nps, 1, 0);
		h_cell(tr, 0, f->best ? report_fr_level(m, f->id, f->best, name) :
		       str_get(m->str, "fr_too_few"), NULL);
	}
	h_text(s, "p", "note", str_get(m->str, "fr_sig_key"));
	for (i = 0; i < fr->nfactors; i++) {
		const struct fr_factor *f = &fr->factors[m->fr_order[i]];
		vars[1] = report_fr_factor(m, f->id);
		str_num(m->str, lost, f->lost_csat, 1);
		text = str_fill(m->str, isnan(f->lost_csat) ? "fr_factor_h_none" :
				"fr_factor_h", vars);
		h_text(s, "h4", NULL, text);
		free(text);
		factor_table(s, m, f);
	}
}

static void tax_part(xmlNodePtr s, const struct report_model *m)
{
	static const char *const cols[] = { "fr_col_hours", "fr_col_per_1000",
		"fr_col_frontier_1000" };
	const struct friction *fr = m->friction;
	char hours[48], per[48], front[48], *text;
	const char *vars[] = { "company", m->company->name, "hours", hours,
		"per_1000", per, "frontier", front, NULL };
	xmlNodePtr t, tr;

	if (isnan(fr->tax_hours) && isnan(fr->tax_per_1000))
		return;
	h_text(s, "h3", NULL, str_get(m->str, "fr_tax_h"));
	num_text(m, hours, fr->tax_hours);
	num_text(m, per, fr->tax_per_1000);
	num_text(m, front, fr->tax_frontier_per_1000);
	text = str_fill(m->str, isnan(fr->tax_frontier_per_1000) ? "fr_tax_text" :
			"fr_tax_frontier_text", vars);
	h_text(s, "p", NULL, text);
	free(text);
	t = h_table(s, str_get(m->str, "fr_tax_h"));
	part_head(t, m, cols, sizeof cols / sizeof *cols);
	tr = h_el(t, "tr", "company");
	part_num(m, tr, fr->tax_hours, 1, 0);
	part_num(m, tr, fr->tax_per_1000, 1, 0);
	part_num(m, tr, fr->tax_frontier_per_1000, 1, 0);
}

static void intro(xmlNodePtr s, const struct report_model *m)
{
	const struct friction *fr = m->friction;
	char id[48], cust[48], un[48], all[48], *text;
	const char *vars[] = { "company", m->company->name, "by_id", id,
		"by_customer", cust, "unlinked", un, "linked", all, NULL };

	str_num(m->str, id, fr->by_contact_id, 0);
	str_num(m->str, cust, fr->by_customer, 0);
	str_num(m->str, un, fr->unlinked, 0);
	str_num(m->str, all, fr->by_contact_id + fr->by_customer, 0);
	text = str_fill(m->str, isnan(fr->by_contact_id) || isnan(fr->by_customer) ||
			isnan(fr->unlinked) ? "fr_intro_plain" : "fr_intro", vars);
	h_text(s, "p", NULL, text);
	free(text);
	text = part_text(m, "fr_caveat");
	h_text(s, "p", "note", text);
	free(text);
}

int part_friction(xmlNodePtr s, const struct report_model *m, struct figures *p)
{
	const struct fr_factor *w = friction_factor(m->friction, "wait");
	int rc = 0;

	intro(s, m);
	if (w && report_fr_charted(w))
		rc = wait_part(s, m, p, w);
	if (m->friction->nfactors)
		lost_part(s, m);
	else
		h_text(s, "p", "note", str_get(m->str, "fr_no_factors"));
	tax_part(s, m);
	return rc;
}
