#include "core/company.h"
#include "base/mem.h"
#include "base/msg.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct company *company_new(const struct catalog *cat, const char *origin)
{
	struct company *c = xcalloc(1, sizeof *c);
	c->origin = xstrdup(origin);
	c->nmetrics = cat->nmetrics;
	company_file(c, origin);
	return c;
}

const char *company_file(struct company *c, const char *name)
{
	size_t i;
	for (i = 0; i < c->nfiles; i++)
		if (strcmp(c->files[i], name) == 0)
			return c->files[i];
	xgrow((void **)&c->files, &c->files_cap, c->nfiles, sizeof *c->files);
	c->files[c->nfiles] = xstrdup(name);
	return c->files[c->nfiles++];
}

void company_free(struct company *c)
{
	size_t i;

	if (!c)
		return;
	for (i = 0; i < c->nperiods; i++) {
		free(c->periods[i].obs);
		friction_free(c->periods[i].friction);
	}
	for (i = 0; i < c->nfiles; i++)
		free(c->files[i]);
	free(c->files);
	free(c->periods);
	free(c->name);
	free(c->industry);
	free(c->origin);
	free(c);
}

long company_period(const struct company *c, const char *label)
{
	struct period key;
	size_t i;

	if (period_parse(label, &key) < 0)
		return -1;
	for (i = 0; i < c->nperiods; i++)
		if (period_cmp(c->periods[i].key, key) == 0)
			return (long)i;
	return -1;
}

size_t company_count(const struct company *c)
{
	size_t i, m, n = 0;
	for (i = 0; i < c->nperiods; i++)
		for (m = 0; m < c->nmetrics; m++)
			n += c->periods[i].obs[m].present != 0;
	return n;
}

void company_drop_empty(struct company *c)
{
	size_t i, m, kept = 0;
	int any;

	for (i = 0; i < c->nperiods; i++) {
		for (any = 0, m = 0; m < c->nmetrics && !any; m++)
			any = c->periods[i].obs[m].present;
		if (any)
			c->periods[kept++] = c->periods[i];
		else
			free(c->periods[i].obs);
	}
	c->nperiods = kept;
}

struct period_data *company_add_period(struct company *c, struct period key,
				       long line)
{
	struct period_data *pd;
	size_t i = 0, hi = c->nperiods, mid;

	if (c->nperiods && c->periods[0].key.gran != key.gran) {
		char have[16], got[16];
		period_format(c->periods[0].key, have);
		period_format(key, got);
		msg_at(c->origin, line, "period '%s' is a %s, but '%s' is a %s; "
		       "use one granularity per file", got, granularity_name(key.gran),
		       have, granularity_name(c->periods[0].key.gran));
		return NULL;
	}
	while (i < hi) { /* the first period not before key: binary search, for
			  * files with thousands of periods */
		mid = i + (hi - i) / 2;
		if (period_cmp(c->periods[mid].key, key) < 0)
			i = mid + 1;
		else
			hi = mid;
	}
	if (i < c->nperiods && period_cmp(c->periods[i].key, key) == 0)
		return &c->periods[i];
	xgrow((void **)&c->periods, &c->cap, c->nperiods, sizeof *c->periods);
	memmove(&c->periods[i + 1], &c->periods[i],
		(c->nperiods - i) * sizeof *c->periods);
	c->nperiods++;
	pd = &c->periods[i];
	memset(pd, 0, sizeof *pd);
	pd->key = key;
	period_format(key, pd->label);
	pd->obs = xcalloc(c->nmetrics, sizeof *pd->obs);
	return pd;
}

/* Promoter and detractor shares belong to NPS-style metrics, come as a
 * pair, and must agree with the score (to rounding). */
static int check_shares(const struct metric_def *m, const struct obs *o,
			char *why, size_t size)
{
	int hp = !isnan(o->promoters), hd = !isnan(o->detractors);

	if (!hp && !hd)
		return 0;
	if (m->kind != KIND_NPS) {
		snprintf(why, size, "promoters_pct and detractors_pct only apply to "
			 "NPS-style metrics");
		return -1;
	}
	if (hp != hd) {
		snprintf(why, size, "promoters_pct and detractors_pct must be given together");
		return -1;
	}
	if (o->promoters < 0 || o->promoters > 100 || o->detractors < 0 ||
	    o->detractors > 100 || o->promoters + o->detractors > 100 + 1e-9) {
		snprintf(why, size, "promoters_pct %g and detractors_pct %g are not "
			 "shares of one group (each 0-100, together at most 100)",
			 o->promoters, o->detractors);
		return -1;
	}
	if (fabs(o->value - (o->promoters - o->detractors)) > 1 + 1e-9) {
		snprintf(why, size, "value %g does not match promoters_pct - "
			 "detractors_pct (%g)", o->value, o->promoters - o->detractors);
		return -1;
	}
	return 0;
}

int company_name_check(const char *name, char *why, size_t size)
{
	size_t chars = 0;
	const char *p;

	for (p = name; *p; p++)
		chars += ((unsigned char)*p & 0xC0) != 0x80; /* not a continuation byte */
	if (chars == 0)
		snprintf(why, size, "the name is empty");
	else if (chars > COMPANY_NAME_MAX)
		snprintf(why, size, "the name is %zu characters long (at most %d)", chars,
			 COMPANY_NAME_MAX);
	return chars == 0 || chars > COMPANY_NAME_MAX ? -1 : 0;
}

int sample_size_check(double n, char *why, size_t size)
{
	if (n < 1 || n != floor(n)) {
		snprintf(why, size, "sample size n %g is not a positive whole number", n);
		return -1;
	}
	if (n > SAMPLE_SIZE_MAX) {
		snprintf(why, size, "sample size n %g is too large (at most %g)", n,
			 SAMPLE_SIZE_MAX);
		return -1;
	}
	return 0;
}

int metric_is_duration(const struct metric_def *m)
{
	static const char *const units[] = { "seconds", "minutes", "hours", "days" };
	size_t i;

	for (i = 0; i < sizeof units / sizeof *units; i++)
		if (strcmp(m->unit, units[i]) == 0)
			return 1;
	return 0;
}

int clock_parse(const char *text, int *business, char *why, size_t size)
{
	*business = strcasecmp(text, "business") == 0;
	if (*business || !*text || strcasecmp(text, "calendar") == 0)
		return 0;
	snprintf(why, size, "clock: '%.40s' is not business or calendar", text);
	return -1;
}

static int check_obs(const struct metric_def *m, const struct obs *o,
		     char *why, size_t size)
{
	if (metric_check_value(m, o->value, why, size) < 0)
		return -1;
	if (o->business_clock && !metric_is_duration(m)) {
		snprintf(why, size, "clock: business hours only apply to durations, and "
			 "this metric is in %s", m->unit);
		return -1;
	}
	return check_shares(m, o, why, size);
}

int company_put(const struct catalog *cat, struct company *c,
		struct period_data *pd, long m, const struct obs *o,
		const char *where)
{
	struct obs *slot = &pd->obs[m];
	char why[200];

	if (slot->present) {
		if (slot->line > 0)
			msg_at(c->origin, o->line, "%s: duplicate metric '%s' in period "
			       "%s (first on line %ld)", where, cat->metrics[m].id,
			       pd->label, slot->line);
		else
			msg_at(c->origin, o->line, "%s: duplicate metric '%s' in period %s",
			       where, cat->metrics[m].id, pd->label);
		return -1;
	}
	if (check_obs(&cat->metrics[m], o, why, sizeof why) < 0) {
		msg_at(c->origin, o->line, "%s: %s", where, why);
		return -1;
	}
	*slot = *o;
	slot->present = 1;
	slot->file = c->files[0];
	return 0;
}
