/* cmd_aggregate: `cxbench aggregate`: company metrics straight from
 * contact records (and survey answers), written in the company metrics
 * format that compare, trend and report read. */
#include "cmd/cmds.h"
#include "aggregate/agg.h"
#include "base/atomic.h"
#include "core/company.h"
#include "net/fetch.h"
#include "base/mem.h"
#include "base/msg.h"
#include "out/out_json.h"
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The options as given; settle() turns them into the engine's options. */
struct aggregate_args {
	const char *surveys, *company, *output, *xml, *record, *survey_record;
	const char *period, *by;
	struct cli_list maps, survey_maps;
	int by_channel, skip_bad;
	double sl_seconds, repeat_days, threads;
};

static int take_by(const char *cmd, const struct cli_option *opt, const char *arg,
		   void *field)
{
	(void)opt;
	if (strcmp(arg, "quarter") != 0 && strcmp(arg, "month") != 0)
		return cli_usage_error(cmd, "--by: '%s' is not quarter or month", arg);
	*(const char **)field = arg;
	return CX_OK;
}

#define ARGS struct aggregate_args
static const struct cli_option options[] = {
	CLI_OPT_STRING("surveys", "FILE", "survey answers (csat, nps, ces; answered_at or\n"
		       "started_at places them in periods)", ARGS, surveys),
	CLI_OPT_LIST("map", "COL=FIELD", "read field FIELD from column COL (repeatable)",
		     ARGS, maps),
	CLI_OPT_STRING("xml", "FILE", "contact records from XML instead of CONTACTS.csv;\n"
		       "then --map FIELD=XPATH reads FIELD from each record\n"
		       "(CSV survey columns are then found by name only)", ARGS, xml),
	CLI_OPT_STRING("record", "XPATH", "with --xml: the elements that are contacts",
		       ARGS, record),
	CLI_OPT_STRING("survey-record", "XPATH", "the --surveys file is XML: its answer "
		       "elements", ARGS, survey_record),
	CLI_OPT_LIST("survey-map", "FIELD=XPATH", "a field of each answer (repeatable)",
		     ARGS, survey_maps),
	CLI_OPT_COMPANY("the company's name (default: the file's name)", ARGS, company),
	CLI_OPT_CALL("period", "P", "keep only contacts in period P (2026-Q1, 2026-03, 2026)",
		     ARGS, period, cli_take_period, 0),
	CLI_OPT_CALL("by", "quarter|month", "one period per quarter (default) or month found",
		     ARGS, by, take_by, 0),
	CLI_OPT_FLAG("by-channel", "also the metrics of each channel", ARGS, by_channel),
	CLI_OPT_CALL("sl-seconds", "N", "service-level threshold (default 20)", ARGS,
		     sl_seconds, cli_take_positive, 1e6),
	CLI_OPT_CALL("repeat-days", "N", "repeat-contact window (default 7)", ARGS,
		     repeat_days, cli_take_positive, 3650),
	CLI_OPT_FLAG("skip-bad", "skip malformed rows (counted and reported)", ARGS, skip_bad),
	CLI_OPT_CALL("threads", "N", "threads to read with (default: the CPUs)", ARGS,
		     threads, cli_take_positive, 8),
	CLI_OPT_OUTPUT("write here (atomically) instead of stdout", ARGS, output),
	CLI_OPT_GROUP(cli_net_options),
	CLI_OPT_END
};
#undef ARGS

struct agg_cli {
	struct agg_options o;
	const char *contacts, *surveys, *company, *output;
	const char *xml, *record, *survey_record;
	struct rename *renames, *survey_fields;
	struct agg_xml contacts_xml, surveys_xml;
	int by_channel;
};

/* COLUMN=FIELD splits at the last '=' (a column's name may hold one),
 * FIELD=XPATH at the first (an XPath may hold one). */
static int split_maps(const char *opt, char **maps, size_t n, int xpath,
		      struct rename **out)
{
	char *eq;
	size_t i;

	*out = n ? xcalloc(n, sizeof **out) : NULL;
	for (i = 0; i < n; i++) {
		eq = xpath ? strchr(maps[i], '=') : strrchr(maps[i], '=');
		if (!eq || eq == maps[i] || !eq[1])
			return cli_usage_error("aggregate", "%s: '%s' is not %s", opt,
					       maps[i], xpath ? "FIELD=XPATH" : "COLUMN=FIELD");
		*eq = '\0';
		(*out)[i].column = xpath ? eq + 1 : maps[i];
		(*out)[i].field = xpath ? maps[i] : eq + 1;
	}
	return CX_OK;
}

/* Where the records come from: CONTACTS.csv or --xml (or neither, with
 * --surveys), and which XPaths go with which file. */
static int sources(const struct cli_operands *ops, const struct aggregate_args *g,
		   struct agg_cli *a)
{
	int rc;

	if (ops->n > 1 || (a->xml && ops->n))
		return cli_usage_error("aggregate", "expected one CONTACTS file%s",
				       a->xml ? " (or --xml FILE, not both)" : "");
	a->contacts = a->xml ? a->xml : ops->n ? ops->v[0] : NULL;
	if (!a->contacts && !a->surveys)
		return cli_usage_error("aggregate", "expected a CONTACTS file, --xml FILE "
				       "or --surveys FILE");
	if (a->xml && !a->record)
		return cli_usage_error("aggregate", "--xml needs --record XPATH");
	if (a->record && !a->xml)
		return cli_usage_error("aggregate", "--record goes with --xml FILE");
	if (a->survey_record && !a->surveys)
		return cli_usage_error("aggregate", "--survey-record goes with --surveys FILE");
	if (g->survey_maps.n && !a->survey_record)
		return cli_usage_error("aggregate", "--survey-map goes with --survey-record");
	rc = split_maps("--map", g->maps.items, g->maps.n, a->xml != NULL, &a->renames);
	if (rc == CX_OK)
		rc = split_maps("--survey-map", g->survey_maps.items, g->survey_maps.n, 1,
				&a->survey_fields);
	if (rc == CX_OK && a->xml) {
		a->contacts_xml.record = a->record;
		a->contacts_xml.fields = a->renames;
		a->contacts_xml.nfields = g->maps.n;
		a->o.contacts_xml = &a->contacts_xml;
		rc = agg_xml_check(&a->contacts_xml, 0);
	} else {
		a->o.renames = a->renames;
		a->o.nrenames = g->maps.n;
	}
	if (rc == CX_OK && a->survey_record) {
		a->surveys_xml.record = a->survey_record;
		a->surveys_xml.fields = a->survey_fields;
		a->surveys_xml.nfields = g->survey_maps.n;
		a->o.surveys_xml = &a->surveys_xml;
		rc = agg_xml_check(&a->surveys_xml, 1);
	}
	return rc;
}

/* From the options as given to the engine's, with their defaults. */
static int settle(const struct aggregate_args *g, const struct cli_operands *ops,
		  struct agg_cli *a)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);

	a->surveys = g->surveys;
	a->company = g->company;
	a->output = g->output;
	a->xml = g->xml;
	a->record = g->record;
	a->survey_record = g->survey_record;
	a->by_channel = g->by_channel;
	a->o.skip_bad = g->skip_bad;
	a->o.gran = g->by && g->by[0] == 'm' ? GRAN_MONTH : GRAN_QUARTER;
	a->o.sl_seconds = g->sl_seconds > 0 ? g->sl_seconds : 20;
	a->o.repeat_seconds = (int64_t)llround((g->repeat_days > 0 ? g->repeat_days : 7) *
					       86400);
	a->o.threads = g->threads > 0 ? (int)g->threads :
		cpus > 0 ? (cpus > 8 ? 8 : (int)cpus) : 1;
	if (g->period && g->by)
		return cli_usage_error("aggregate", "--period and --by do not go together");
	if (g->period) {
		(void)period_parse(g->period, &a->o.period); /* checked by cli_take_period */
		a->o.has_period = 1;
		a->o.gran = a->o.period.gran;
	}
	return sources(ops, g, a);
}

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

static cJSON *metrics_json(const struct agg_stats *s, int traced)
{
	cJSON *m = cJSON_CreateObject(), *nps;

	metric(m, "asa_seconds", s->wait_sum / (double)s->wait_n, s->wait_n);
	metric(m, "service_level_pct", pct(s->sl_ok, s->sl_n), s->sl_n);
	metric(m, "abandonment_pct", pct(s->abandoned, s->offered), s->offered);
	metric(m, "hold_seconds", s->hold_sum / (double)s->hold_n, s->hold_n);
	metric(m, "transfers_per_contact", s->transfers_sum / (double)s->transfers_n,
	       s->transfers_n);
	if (traced) {
		metric(m, "repeat_contact_pct", pct(s->followed, s->offered), s->offered);
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
	return m;
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
	if (t->groups[g].channel[0])
		return f;
	by = cJSON_AddObjectToObject(f, "contacts_by_channel");
	for (k = g + 1; k < t->n && t->groups[k].period == t->groups[g].period; k++)
		cJSON_AddNumberToObject(by, t->groups[k].channel,
					(double)t->groups[k].s.offered);
	return f;
}

static cJSON *period_json(const struct agg_table *t, size_t g, int traced,
			  int by_channel, enum granularity gran)
{
	cJSON *p = cJSON_CreateObject(), *channels;
	char label[16];
	size_t k;

	period_format(period_from_index(gran, t->groups[g].period), label);
	cJSON_AddStringToObject(p, "period", label);
	cJSON_AddItemToObject(p, "metrics", metrics_json(&t->groups[g].s, traced));
	cJSON_AddItemToObject(p, "figures", figures_json(t, g));
	if (!by_channel)
		return p;
	channels = cJSON_AddObjectToObject(p, "channels");
	for (k = g + 1; k < t->n && t->groups[k].period == t->groups[g].period; k++) {
		cJSON *c = cJSON_AddObjectToObject(channels, t->groups[k].channel);
		cJSON_AddItemToObject(c, "metrics", metrics_json(&t->groups[k].s, traced));
		cJSON_AddItemToObject(c, "figures", figures_json(t, k));
	}
	return p;
}

/* Survey answers without a time belong to the one period there is; with
 * several, they cannot be placed. */
static int place_untimed(struct agg_table *t, const char *surveys)
{
	struct agg_table moved = { 0 };
	long only = LONG_MIN;
	size_t i, kept = 0;
	int periods = 0;

	for (i = 0; i < t->n; i++) {
		if (t->groups[i].period >= 0 && t->groups[i].period != only) {
			only = t->groups[i].period;
			periods++;
		}
	}
	if (t->n == 0 || t->groups[0].period >= 0)
		return CX_OK;
	if (periods != 1) {
		msg_at(surveys, 0, "answers without a time (answered_at or started_at) "
		       "cannot be placed among %d periods; add one or use --period", periods);
		return CX_EINPUT;
	}
	for (i = 0; i < t->n; i++) {
		if (t->groups[i].period < 0) {
			t->groups[i].period = only;
			agg_group_get(&moved, only, t->groups[i].channel,
				      strlen(t->groups[i].channel))->s = t->groups[i].s;
			free(t->groups[i].channel);
			continue;
		}
		t->groups[kept++] = t->groups[i];
	}
	t->n = kept;
	agg_table_merge(t, &moved);
	agg_table_release(&moved);
	agg_sort_groups(t);
	return CX_OK;
}

static char *default_company(const char *path)
{
	/* path is never NULL: parse() demands CONTACTS, --xml or --surveys (the
	 * analyzer cannot see that cli_usage_error() never returns CX_OK)
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

static cJSON *document(const struct agg_cli *a, const struct agg_result *res)
{
	cJSON *root = cJSON_CreateObject(), *src, *periods;
	char *name = a->company ? xstrdup(a->company) :
		default_company(a->contacts ? a->contacts : a->surveys);
	size_t g;

	cJSON_AddStringToObject(root, "company", name);
	free(name);
	src = cJSON_AddObjectToObject(root, "source");
	cJSON_AddItemToObject(src, "contacts", shown_source(a->contacts));
	if (a->record)
		cJSON_AddStringToObject(src, "record", a->record);
	cJSON_AddItemToObject(src, "surveys", shown_source(a->surveys));
	if (a->survey_record)
		cJSON_AddStringToObject(src, "survey_record", a->survey_record);
	cJSON_AddNumberToObject(src, "rows", (double)res->rows);
	cJSON_AddNumberToObject(src, "rows_skipped", (double)res->skipped);
	cJSON_AddNumberToObject(src, "survey_rows", (double)res->survey_rows);
	cJSON_AddNumberToObject(src, "sl_seconds", a->o.sl_seconds);
	cJSON_AddNumberToObject(src, "repeat_days", (double)a->o.repeat_seconds / 86400);
	periods = cJSON_AddArrayToObject(root, "periods");
	for (g = 0; g < res->table.n; g++)
		if (!res->table.groups[g].channel[0])
			cJSON_AddItemToArray(periods, period_json(&res->table, g, res->traced,
								  a->by_channel, a->o.gran));
	return root;
}

static int run(int argc, char **argv)
{
	struct aggregate_args g;
	struct cli_operands ops = { 0 };
	struct agg_cli a;
	struct agg_result res;
	int rc;

	memset(&g, 0, sizeof g);
	memset(&a, 0, sizeof a);
	memset(&res, 0, sizeof res);
	rc = cli_parse(&command_aggregate, argc, argv, &g, &ops);
	if (rc == CX_OK)
		rc = settle(&g, &ops, &a);
	if (rc == CX_OK)
		rc = agg_run(a.contacts, a.surveys, &a.o, &res);
	if (rc == CX_OK)
		rc = place_untimed(&res.table, a.surveys);
	if (rc == CX_OK && res.table.n == 0) {
		msg_at(a.contacts ? a.contacts : a.surveys, 0, a.o.has_period ?
		       "no contacts in the period" : a.contacts ? "no contacts" :
		       "no survey answers");
		rc = CX_EINPUT;
	}
	if (rc == CX_OK && res.skipped)
		msg_warn("skipped %llu malformed rows of %llu",
			 (unsigned long long)res.skipped,
			 ((unsigned long long)res.rows + res.survey_rows));
	if (rc == CX_OK)
		rc = json_write(document(&a, &res), a.output);
	agg_result_release(&res);
	free(a.renames);
	free(a.survey_fields);
	cli_args_release(&command_aggregate, &g);
	free(ops.v);
	return cli_exit(rc);
}

const struct command command_aggregate = {
	"aggregate", run, "compute metrics from contact records and surveys",
	"usage: cxbench aggregate CONTACTS.csv [options]\n"
	"       cxbench aggregate --xml FILE --record XPATH --map FIELD=XPATH... [options]\n"
	"Compute company metrics (with sample sizes) from contact records, one\n"
	"row per contact, and optionally survey answers (alone: only csat, nps\n"
	"and ces).\n\n",
	"Fields: contact_id customer_id channel started_at wait_seconds\n"
	"handle_seconds hold_seconds transfers abandoned resolved proactive\n"
	"ai_handled escalated human_wait_seconds csat nps ces answered_at\n",
	options, sizeof(struct aggregate_args)
};
