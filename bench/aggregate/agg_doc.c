/* agg_doc: the document of a run, in the company metrics format that
 * compare, trend and report read (DESIGN.md, "Raw data"): per period the
 * metrics with their sample sizes, the figures behind them and, asked for,
 * each channel's; and where the numbers came from. */
#include "aggregate/agg_internal.h"
#include "imports/import.h"
#include "base/mem.h"
#include "net/fetch.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Four decimals, rounded half away from zero (as SQL's round() does). */
static cJSON *num4(double v)
{
	return isfinite(v) ? cJSON_CreateNumber(round(v * 1e4) / 1e4 + 0.0) :
		cJSON_CreateNull();
}

static void metric(cJSON *metrics, const char *id, double value, uint64_t n)
{
	cJSON *m;
	if (!n)
		return;
	m = cJSON_AddObjectToObject(metrics, id);
	cJSON_AddItemToObject(m, "value", num4(value));
	cJSON_AddNumberToObject(m, "n", (double)n);
}

static double pct(uint64_t k, uint64_t n)
{
	return 100.0 * (double)k / (double)n;
}

/* Which metrics a file's columns allow: repeats need customer ids, and a
 * file read through an import profile that names no abandoned or resolved
 * column says nothing of abandonment or first-contact resolution (an empty
 * flag would read as "no"). */
enum { SHOW_REPEATS = 1, SHOW_ABANDONED = 2, SHOW_FCR = 4, BUSINESS_CLOCK = 8 };

/* A profile's business clock counts the ticket durations (helpdesks'
 * "within business hours" fields); waits and holds are always timed. */
static void ticket_metric(cJSON *metrics, const char *id, double value, uint64_t n,
			  unsigned show)
{
	metric(metrics, id, value, n);
	if (n && (show & BUSINESS_CLOCK))
		cJSON_AddStringToObject(cJSON_GetObjectItemCaseSensitive(metrics, id),
					"clock", "business");
}

static cJSON *metrics_json(const struct agg_stats *s, unsigned show)
{
	cJSON *m = cJSON_CreateObject(), *nps;

	metric(m, "asa_seconds", s->wait_sum / (double)s->wait_n, s->wait_n);
	metric(m, "service_level_pct", pct(s->sl_ok, s->sl_n), s->sl_n);
	if (show & SHOW_ABANDONED)
		metric(m, "abandonment_pct", pct(s->abandoned, s->offered), s->offered);
	metric(m, "hold_seconds", s->hold_sum / (double)s->hold_n, s->hold_n);
	metric(m, "transfers_per_contact", s->transfers_sum / (double)s->transfers_n,
	       s->transfers_n);
	if (show & SHOW_REPEATS) {
		metric(m, "repeat_contact_pct", pct(s->followed, s->offered), s->offered);
		if (show & SHOW_FCR)
			metric(m, "fcr_pct", pct(s->fcr_ok, s->answered), s->answered);
		metric(m, "ai_resolution_pct", pct(s->ai_ok, s->ai_n), s->ai_n);
	}
	metric(m, "csat_pct", pct(s->csat_ok, s->csat_n), s->csat_n);
	metric(m, "nps", 100.0 * ((double)s->nps_pro - (double)s->nps_det) /
	       (double)s->nps_n, s->nps_n);
	nps = cJSON_GetObjectItemCaseSensitive(m, "nps");
	if (nps) {
		cJSON_AddItemToObject(nps, "promoters_pct", num4(pct(s->nps_pro, s->nps_n)));
		cJSON_AddItemToObject(nps, "detractors_pct", num4(pct(s->nps_det, s->nps_n)));
	}
	metric(m, "ces", s->ces_sum / (double)s->ces_n, s->ces_n);
	metric(m, "time_to_human_seconds", s->human_sum / (double)s->human_n, s->human_n);
	ticket_metric(m, "first_response_minutes",
		      agg_values_percentile(&s->first_response, 50), s->first_response.n, show);
	ticket_metric(m, "resolution_hours", agg_values_percentile(&s->resolution, 50),
		      s->resolution.n, show);
	metric(m, "reopen_pct", pct(s->reopened, s->reopens_n), s->reopens_n);
	return m;
}

/* The p90 of the ticket durations; the medians are the metrics.  Only
 * where there are some, so files without tickets read as before. */
static void ticket_figures(cJSON *f, const struct agg_stats *s)
{
	if (s->first_response.n)
		cJSON_AddItemToObject(f, "first_response_p90_minutes",
				      num4(agg_values_percentile(&s->first_response, 90)));
	if (s->resolution.n)
		cJSON_AddItemToObject(f, "resolution_p90_hours",
				      num4(agg_values_percentile(&s->resolution, 90)));
	if (s->first_response.n || s->resolution.n)
		cJSON_AddStringToObject(f, "ticket_percentiles", "median and p90: nearest "
					"rank over every value, exact");
}

static cJSON *figures_json(const struct agg_table *t, size_t g)
{
	const struct agg_stats *s = &t->groups[g].s;
	cJSON *f = cJSON_CreateObject(), *by;
	size_t k;

	cJSON_AddNumberToObject(f, "contacts", (double)s->offered);
	cJSON_AddItemToObject(f, "wait_p50_seconds", num4(agg_wait_percentile(s, 50)));
	cJSON_AddItemToObject(f, "wait_p90_seconds", num4(agg_wait_percentile(s, 90)));
	cJSON_AddStringToObject(f, "wait_percentiles", "nearest rank; exact to the "
				"second below 2 hours, to the minute below 24 hours");
	ticket_figures(f, s);
	if (t->groups[g].channel[0])
		return f;
	by = cJSON_AddObjectToObject(f, "contacts_by_channel");
	for (k = g + 1; k < t->n && t->groups[k].period == t->groups[g].period; k++)
		cJSON_AddNumberToObject(by, t->groups[k].channel,
					(double)t->groups[k].s.offered);
	return f;
}

/* The friction block of a group, when answers were linked. */
static void friction(cJSON *into, const struct agg_options *o, const struct agg_result *res,
		     const struct agg_stats *s, int channel)
{
	struct fr_tax_frontier tf = { o->frontier_asa, o->frontier_hold,
				      o->frontier_repeat_pct };
	/* a channel only the survey answers have (their own, or "(none)")
	 * has no contacts to be at any level */
	if (res->fr && s->offered)
		cJSON_AddItemToObject(into, "friction", fr_block_json(res->fr, s,
								      o->has_frontier ? &tf : NULL, channel));
}

static cJSON *period_json(const struct agg_options *o, const struct agg_result *res,
			  size_t g, unsigned show)
{
	const struct agg_table *t = &res->table;
	int by_channel = o->by_channel;
	enum granularity gran = o->gran;
	cJSON *p = cJSON_CreateObject(), *channels;
	char label[16];
	size_t k;

	period_format(period_from_index(gran, t->groups[g].period), label);
	cJSON_AddStringToObject(p, "period", label);
	cJSON_AddItemToObject(p, "metrics", metrics_json(&t->groups[g].s, show));
	cJSON_AddItemToObject(p, "figures", figures_json(t, g));
	friction(p, o, res, &t->groups[g].s, 0);
	if (!by_channel)
		return p;
	channels = cJSON_AddObjectToObject(p, "channels");
	for (k = g + 1; k < t->n && t->groups[k].period == t->groups[g].period; k++) {
		cJSON *c = cJSON_AddObjectToObject(channels, t->groups[k].channel);
		cJSON_AddItemToObject(c, "metrics", metrics_json(&t->groups[k].s, show));
		cJSON_AddItemToObject(c, "figures", figures_json(t, k));
		friction(c, o, res, &t->groups[k].s, 1);
	}
	return p;
}

static char *default_company(const char *path)
{
	/* path is never NULL: agg_run() gives no result without contacts or
	 * surveys to read
	 * NOLINTNEXTLINE(clang-analyzer-core.NonNullParamChecker) */
	const char *base = strrchr(path, '/');
	const char *dot;
	base = base ? base + 1 : path;
	dot = strrchr(base, '.');
	return dot && dot > base ? xstrndup(base, (size_t)(dot - base)) : xstrdup(base);
}

/* A source as the output may show it: never a URL's secrets. */
static cJSON *shown_source(const char *source)
{
	char *shown;
	cJSON *item;

	if (!source)
		return cJSON_CreateNull();
	shown = is_url(source) ? url_for_messages(source) : xstrdup(source);
	item = cJSON_CreateString(shown);
	free(shown);
	return item;
}

/* The import profile a file was read with, and the rows its skip rules
 * took out, by rule. */
static cJSON *import_json(const struct import_profile *p, const uint64_t *skips)
{
	cJSON *o = cJSON_CreateObject(), *by;
	size_t i, k;

	cJSON_AddStringToObject(o, "profile", p->id);
	cJSON_AddStringToObject(o, "name", p->name);
	if (p->business_clock)
		cJSON_AddStringToObject(o, "clock", "business");
	by = cJSON_AddObjectToObject(o, "rows_skipped_by_profile");
	for (i = 0; i < p->nskips && i < MAP_MAX_SKIPS; i++) {
		char *reason = xasprintf("%s:", p->skips[i].column), *more;
		for (k = 0; k < p->skips[i].nvalues; k++) {
			more = xasprintf("%s%s %s", reason, k ? "," : "", p->skips[i].values[k]);
			free(reason);
			reason = more;
		}
		cJSON_AddNumberToObject(by, reason, (double)skips[i]);
		free(reason);
	}
	return o;
}

static unsigned metrics_shown(const struct agg_result *res)
{
	return (res->traced ? SHOW_REPEATS : 0) |
		(res->lacks_abandoned ? 0 : SHOW_ABANDONED) |
		(res->lacks_resolved ? 0 : SHOW_FCR) |
		(res->profile[0] && res->profile[0]->business_clock ? BUSINESS_CLOCK : 0);
}

cJSON *agg_document_new(const struct agg_options *o, const struct agg_result *res)
{
	cJSON *root = cJSON_CreateObject(), *src, *periods;
	char *name = o->company ? xstrdup(o->company) :
		default_company(o->contacts ? o->contacts : o->surveys);
	size_t g;

	cJSON_AddStringToObject(root, "company", name);
	free(name);
	src = cJSON_AddObjectToObject(root, "source");
	cJSON_AddItemToObject(src, "contacts", shown_source(o->contacts));
	if (o->contacts_xml)
		cJSON_AddStringToObject(src, "record", o->contacts_xml->record);
	cJSON_AddItemToObject(src, "surveys", shown_source(o->surveys));
	if (o->surveys_xml)
		cJSON_AddStringToObject(src, "survey_record", o->surveys_xml->record);
	cJSON_AddNumberToObject(src, "rows", (double)res->rows);
	cJSON_AddNumberToObject(src, "rows_skipped", (double)res->skipped);
	cJSON_AddNumberToObject(src, "survey_rows", (double)res->survey_rows);
	cJSON_AddNumberToObject(src, "sl_seconds", o->sl_seconds);
	cJSON_AddNumberToObject(src, "repeat_days", (double)o->repeat_seconds / 86400);
	if (res->fr) {
		cJSON_AddNumberToObject(src, "link_days", (double)o->link_seconds / 86400);
		if (o->nwait_edges) /* said only when not DESIGN.md's */
			cJSON_AddItemToObject(src, "wait_edges",
					      cJSON_CreateDoubleArray(o->wait_edges,
								      (int)o->nwait_edges));
		cJSON_AddItemToObject(src, "linked", fr_source_json(res->fr));
	}
	if (res->profile[0])
		cJSON_AddItemToObject(src, "contacts_import",
				      import_json(res->profile[0], res->profile_skips[0]));
	if (res->profile[1])
		cJSON_AddItemToObject(src, "surveys_import",
				      import_json(res->profile[1], res->profile_skips[1]));
	periods = cJSON_AddArrayToObject(root, "periods");
	for (g = 0; g < res->table.n; g++)
		if (!res->table.groups[g].channel[0])
			cJSON_AddItemToArray(periods, period_json(o, res, g, metrics_shown(res)));
	return root;
}

