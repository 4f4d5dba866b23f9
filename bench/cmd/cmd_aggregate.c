/* cmd_aggregate: `cxbench aggregate`: company metrics straight from
 * contact records (and survey answers), written in the company metrics
 * format that compare, trend and report read. */
#include "cmd/cmds.h"
#include "aggregate/agg.h"
#include "base/atomic.h"
#include "cmd/cli.h"
#include "core/company.h"
#include "net/fetch.h"
#include "base/mem.h"
#include "base/msg.h"
#include "out/out_json.h"
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage[] =
	"usage: cxbench aggregate CONTACTS.csv [options]\n"
	"       cxbench aggregate --xml FILE --record XPATH --map FIELD=XPATH... [options]\n"
	"Compute company metrics (with sample sizes) from contact records, one\n"
	"row per contact, and optionally survey answers (alone: only csat, nps\n"
	"and ces).\n\n"
	"  --surveys FILE      survey answers (csat, nps, ces; answered_at or\n"
	"                      started_at places them in periods)\n"
	"  --map COL=FIELD     read field FIELD from column COL (repeatable)\n"
	"  --xml FILE          contact records from XML instead of CONTACTS.csv;\n"
	"                      then --map FIELD=XPATH reads FIELD from each record\n"
	"                      (CSV survey columns are then found by name only)\n"
	"  --record XPATH      with --xml: the elements that are contacts\n"
	"  --survey-record XPATH  the --surveys file is XML: its answer elements\n"
	"  --survey-map FIELD=XPATH  a field of each answer (repeatable)\n"
	"  --company NAME      the company's name (default: the file's name)\n"
	"  --period P          keep only contacts in period P (2026-Q1, 2026-03, 2026)\n"
	"  --by quarter|month  one period per quarter (default) or month found\n"
	"  --by-channel        also the metrics of each channel\n"
	"  --sl-seconds N      service-level threshold (default 20)\n"
	"  --repeat-days N     repeat-contact window (default 7)\n"
	"  --skip-bad          skip malformed rows (counted and reported)\n"
	"  --threads N         threads to read with (default: the CPUs)\n"
	"  -o, --output FILE   write here (atomically) instead of stdout\n"
	CLI_NET_HELP
	"Fields: contact_id customer_id channel started_at wait_seconds\n"
	"handle_seconds hold_seconds transfers abandoned resolved proactive\n"
	"ai_handled escalated human_wait_seconds csat nps ces answered_at\n";

struct agg_cli {
	struct agg_options o;
	const char *contacts, *surveys, *company, *output;
	const char *xml, *record, *survey_record;
	char **maps, **survey_maps; /* --map, --survey-map as given */
	size_t nmaps, nsurvey_maps, maps_cap, survey_maps_cap;
	struct rename *renames, *survey_fields;
	struct agg_xml contacts_xml, surveys_xml;
	int by_channel;
};

static int positive(const char *opt, const char *arg, double max, double *out)
{
	char *end = NULL;
	double v = strtod(arg, &end);
	if (!*arg || *end || !(v > 0) || v > max)
		return cli_usage_error("aggregate", "%s: '%s' is not a number above 0",
				       opt, arg);
	*out = v;
	return CX_OK;
}

static int add_map(char ***maps, size_t *n, size_t *cap, char *arg)
{
	xgrow((void **)maps, cap, *n, sizeof **maps);
	(*maps)[(*n)++] = arg;
	return CX_OK;
}

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
static int sources(int argc, char **argv, struct agg_cli *a)
{
	int rc;

	if (optind < argc - 1 || (a->xml && optind < argc))
		return cli_usage_error("aggregate", "expected one CONTACTS file%s",
				       a->xml ? " (or --xml FILE, not both)" : "");
	a->contacts = a->xml ? a->xml : optind < argc ? argv[optind] : NULL;
	if (!a->contacts && !a->surveys)
		return cli_usage_error("aggregate", "expected a CONTACTS file, --xml FILE "
				       "or --surveys FILE");
	if (a->xml && !a->record)
		return cli_usage_error("aggregate", "--xml needs --record XPATH");
	if (a->record && !a->xml)
		return cli_usage_error("aggregate", "--record goes with --xml FILE");
	if (a->survey_record && !a->surveys)
		return cli_usage_error("aggregate", "--survey-record goes with --surveys FILE");
	if (a->nsurvey_maps && !a->survey_record)
		return cli_usage_error("aggregate", "--survey-map goes with --survey-record");
	rc = split_maps("--map", a->maps, a->nmaps, a->xml != NULL, &a->renames);
	if (rc == CX_OK)
		rc = split_maps("--survey-map", a->survey_maps, a->nsurvey_maps, 1,
				&a->survey_fields);
	if (rc == CX_OK && a->xml) {
		a->contacts_xml.record = a->record;
		a->contacts_xml.fields = a->renames;
		a->contacts_xml.nfields = a->nmaps;
		a->o.contacts_xml = &a->contacts_xml;
		rc = agg_xml_check(&a->contacts_xml, 0);
	} else {
		a->o.renames = a->renames;
		a->o.nrenames = a->nmaps;
	}
	if (rc == CX_OK && a->survey_record) {
		a->surveys_xml.record = a->survey_record;
		a->surveys_xml.fields = a->survey_fields;
		a->surveys_xml.nfields = a->nsurvey_maps;
		a->o.surveys_xml = &a->surveys_xml;
		rc = agg_xml_check(&a->surveys_xml, 1);
	}
	return rc;
}

static int option(struct agg_cli *a, int c, char *arg)
{
	char why[80];
	double v = 0;
	if (c == 's')
		a->surveys = arg;
	else if (c == 'm')
		return add_map(&a->maps, &a->nmaps, &a->maps_cap, arg);
	else if (c == 'M')
		return add_map(&a->survey_maps, &a->nsurvey_maps, &a->survey_maps_cap, arg);
	else if (c == 'x')
		a->xml = arg;
	else if (c == 'R')
		a->record = arg;
	else if (c == 'Q')
		a->survey_record = arg;
	else if (c == 'C' && company_name_check(arg, why, sizeof why) < 0)
		return cli_usage_error("aggregate", "--company: %s", why);
	else if (c == 'C')
		a->company = arg;
	else if (c == 'o')
		a->output = arg;
	else if (c == 'c')
		a->by_channel = 1;
	else if (c == 'k')
		a->o.skip_bad = 1;
	else if (c == 'p') {
		if (period_parse(arg, &a->o.period) < 0)
			return cli_usage_error("aggregate", "--period: '%s' is not a period", arg);
		a->o.has_period = 1;
	} else if (c == 'b') {
		if (strcmp(arg, "quarter") != 0 && strcmp(arg, "month") != 0)
			return cli_usage_error("aggregate", "--by: '%s' is not quarter or month", arg);
		a->o.gran = arg[0] == 'q' ? GRAN_QUARTER : GRAN_MONTH;
	} else if (c == 'S') {
		return positive("--sl-seconds", arg, 1e6, &a->o.sl_seconds);
	} else if (c == 'r') {
		if (positive("--repeat-days", arg, 3650, &v) != CX_OK)
			return CX_EUSAGE;
		a->o.repeat_seconds = (int64_t)llround(v * 86400);
	} else if (c == 't') {
		if (positive("--threads", arg, 8, &v) != CX_OK)
			return CX_EUSAGE;
		a->o.threads = (int)v;
	} else {
		return cli_usage_error("aggregate", "unknown option '%s'", arg ? arg : "");
	}
	return CX_OK;
}

static int parse(int argc, char **argv, struct agg_cli *a)
{
	static const struct option longs[] = {
		{ "surveys", required_argument, NULL, 's' },
		{ "map", required_argument, NULL, 'm' },
		{ "company", required_argument, NULL, 'C' },
		{ "output", required_argument, NULL, 'o' },
		{ "by-channel", no_argument, NULL, 'c' },
		{ "skip-bad", no_argument, NULL, 'k' },
		{ "period", required_argument, NULL, 'p' },
		{ "by", required_argument, NULL, 'b' },
		{ "sl-seconds", required_argument, NULL, 'S' },
		{ "repeat-days", required_argument, NULL, 'r' },
		{ "threads", required_argument, NULL, 't' },
		{ "xml", required_argument, NULL, 'x' },
		{ "record", required_argument, NULL, 'R' },
		{ "survey-record", required_argument, NULL, 'Q' },
		{ "survey-map", required_argument, NULL, 'M' },
		CLI_NET_OPTIONS,
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 } };
	int c, rc, by_given = 0;
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);

	a->o.gran = GRAN_QUARTER;
	a->o.sl_seconds = 20;
	a->o.repeat_seconds = (int64_t)7 * 86400;
	a->o.threads = cpus > 0 ? (cpus > 8 ? 8 : (int)cpus) : 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":ho:", longs, NULL)) != -1) {
		if (c == 'h')
			return fputs(usage, stdout), -1;
		if (c == ':' || c == '?')
			return cli_usage_error("aggregate", "%s '%s'", c == ':' ?
					       "option needs a value:" : "unknown option",
					       argv[optind - 1]);
		by_given |= c == 'b';
		rc = c >= 0x1000 ? cli_net_option("aggregate", c, optarg) :
			option(a, c, optarg);
		if (rc != CX_OK)
			return rc;
	}
	if (a->o.has_period && by_given)
		return cli_usage_error("aggregate", "--period and --by do not go together");
	if (a->o.has_period)
		a->o.gran = a->o.period.gran;
	return sources(argc, argv, a);
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

int cmd_aggregate(int argc, char **argv)
{
	struct agg_cli a;
	struct agg_result res;
	int rc;

	memset(&a, 0, sizeof a);
	memset(&res, 0, sizeof res);
	rc = parse(argc, argv, &a);
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
	if (rc == CX_OK) {
		rc = json_write(document(&a, &res), a.output);
	}
	agg_result_release(&res);
	free(a.renames);
	free(a.survey_fields);
	free(a.maps);
	free(a.survey_maps);
	return rc < 0 ? cli_flush() : rc;
}
