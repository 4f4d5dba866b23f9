/* cmd_aggregate: `cxbench aggregate`: company metrics straight from
 * contact records (and survey answers), written in the company metrics
 * format that compare, trend and report read.  Only the command line
 * lives here; the engine is aggregate/aggregate.h. */
#include "cmd/cmds.h"
#include "aggregate/aggregate.h"
#include "cmd/cli.h"
#include "core/company.h"
#include "base/mem.h"
#include "base/msg.h"
#include "out/out_json.h"
#include <getopt.h>
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

/* The engine checks an XML source; its complaint is a usage error here. */
static int check_xml(const struct agg_xml *x, int survey)
{
	char *why = NULL;
	int rc = agg_xml_check(x, survey, &why);

	if (rc != CX_OK)
		cli_usage_error("aggregate", "%s", why);
	free(why);
	return rc;
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
		rc = check_xml(&a->contacts_xml, 0);
	} else {
		a->o.renames = a->renames;
		a->o.nrenames = a->nmaps;
	}
	if (rc == CX_OK && a->survey_record) {
		a->surveys_xml.record = a->survey_record;
		a->surveys_xml.fields = a->survey_fields;
		a->surveys_xml.nfields = a->nsurvey_maps;
		a->o.surveys_xml = &a->surveys_xml;
		rc = check_xml(&a->surveys_xml, 1);
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

/* What the engine needs besides the scan options parse() sets in a->o. */
static void engine_options(struct agg_cli *a)
{
	a->o.contacts = a->contacts;
	a->o.surveys = a->surveys;
	a->o.company = a->company;
	a->o.by_channel = a->by_channel;
}

int cmd_aggregate(int argc, char **argv)
{
	struct agg_cli a;
	struct agg_result *res = NULL;
	int rc;

	memset(&a, 0, sizeof a);
	rc = parse(argc, argv, &a);
	if (rc == CX_OK) {
		engine_options(&a);
		rc = agg_run(&a.o, &res);
	}
	if (rc == CX_OK)
		rc = json_write(agg_document_new(&a.o, res), a.output);
	agg_result_free(res);
	free(a.renames);
	free(a.survey_fields);
	free(a.maps);
	free(a.survey_maps);
	return rc < 0 ? cli_flush() : rc;
}
