/* cmd_aggregate: `cxbench aggregate`: company metrics straight from
 * contact records (and survey answers), written in the company metrics
 * format that compare, trend and report read.  Only the command line
 * lives here; the engine is aggregate/aggregate.h. */
#include "cmd/cmds.h"
#include "aggregate/aggregate.h"
#include "core/context.h"
#include "imports/import.h"
#include "base/mem.h"
#include "base/msg.h"
#include "core/period.h"
#include "out/out_json.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The options as given; settle() turns them into the engine's options. */
struct aggregate_args {
	const char *surveys, *company, *output, *xml, *record, *survey_record;
	const char *period, *by;
	struct cli_list maps, survey_maps, imports;
	int by_channel, skip_bad, check;
	double sl_seconds, repeat_days, threads;
};

#define ARGS struct aggregate_args
static const struct cli_option options[] = {
	CLI_OPT_FILE("surveys", "FILE", "survey answers (csat, nps, ces; answered_at or\n"
		       "started_at places them in periods)", ARGS, surveys),
	CLI_OPT_LIST_AS("import", "PROFILE", "read the export as this import profile says (a\n"
			"file, or a built-in one: see profiles/imports/); one\n"
			"for the contacts, one for --surveys.  Without it, a\n"
			"built-in profile is chosen by the file's header", ARGS, imports,
			CLI_VALUE_IMPORT),
	CLI_OPT_LIST("map", "COL=FIELD", "read field FIELD from column COL (repeatable;\n"
		     "over the import profile's own column for FIELD)", ARGS, maps),
	CLI_OPT_FILE("xml", "FILE", "contact records from XML instead of CONTACTS.csv;\n"
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
	CLI_OPT_CALL_AS("by", "quarter|month", "one period per quarter (default) or month found",
			ARGS, by, cli_take_by, 0, CLI_VALUE_WORDS, "quarter month"),
	CLI_OPT_FLAG("by-channel", "also the metrics of each channel", ARGS, by_channel),
	CLI_OPT_CALL("sl-seconds", "N", "service-level threshold (default 20)", ARGS,
		     sl_seconds, cli_take_positive, 1e6),
	CLI_OPT_CALL("repeat-days", "N", "repeat-contact window (default 7)", ARGS,
		     repeat_days, cli_take_positive, 3650),
	CLI_OPT_FLAG("skip-bad", "skip malformed rows (counted and reported)", ARGS, skip_bad),
	CLI_OPT_FLAG("check", "a dry run: per field, its column and how many values\n"
		     "were read, missing and refused (the first refused with\n"
		     "their lines); exit 1 if any would be refused", ARGS, check),
	CLI_OPT_CALL("threads", "N", "threads to read with (default: the CPUs)", ARGS,
		     threads, cli_take_positive, 8),
	CLI_OPT_OUTPUT("write here (atomically) instead of stdout", ARGS, output),
	CLI_OPT_GROUP(cli_net_options),
	CLI_OPT_END
};
#undef ARGS

/* What the command owns for the engine: its options and the field maps
 * they point to. */
struct agg_cli {
	struct agg_options o;
	struct import_profile *imports[2]; /* contacts, surveys */
	char *datadir;
	const char *output;
	struct rename *renames, *survey_fields;
	struct agg_xml contacts_xml, surveys_xml;
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
static int sources(const struct cli_operands *ops, const struct aggregate_args *g,
		   struct agg_cli *a)
{
	struct agg_options *o = &a->o;
	int rc;

	if (ops->n > 1 || (g->xml && ops->n))
		return cli_usage_error("aggregate", "expected one CONTACTS file%s",
				       g->xml ? " (or --xml FILE, not both)" : "");
	o->contacts = g->xml ? g->xml : ops->n ? ops->v[0] : NULL;
	o->surveys = g->surveys;
	if (!o->contacts && !o->surveys)
		return cli_usage_error("aggregate", "expected a CONTACTS file, --xml FILE "
				       "or --surveys FILE");
	if (g->xml && !g->record)
		return cli_usage_error("aggregate", "--xml needs --record XPATH");
	if (g->record && !g->xml)
		return cli_usage_error("aggregate", "--record goes with --xml FILE");
	if (g->survey_record && !g->surveys)
		return cli_usage_error("aggregate", "--survey-record goes with --surveys FILE");
	if (g->survey_maps.n && !g->survey_record)
		return cli_usage_error("aggregate", "--survey-map goes with --survey-record");
	rc = split_maps("--map", g->maps.items, g->maps.n, g->xml != NULL, &a->renames);
	if (rc == CX_OK)
		rc = split_maps("--survey-map", g->survey_maps.items, g->survey_maps.n, 1,
				&a->survey_fields);
	if (rc == CX_OK && g->xml) {
		a->contacts_xml = (struct agg_xml){ g->record, a->renames, g->maps.n };
		o->contacts_xml = &a->contacts_xml;
		rc = check_xml(&a->contacts_xml, 0);
	} else {
		o->renames = a->renames;
		o->nrenames = g->maps.n;
	}
	if (rc == CX_OK && g->survey_record) {
		a->surveys_xml = (struct agg_xml){ g->survey_record, a->survey_fields,
						   g->survey_maps.n };
		o->surveys_xml = &a->surveys_xml;
		rc = check_xml(&a->surveys_xml, 1);
	}
	return rc;
}

/* From the options as given to the engine's, with their defaults. */
static int settle(const struct aggregate_args *g, const struct cli_operands *ops,
		  struct agg_cli *a)
{
	struct agg_options *o = &a->o;
	o->company = g->company;
	o->by_channel = g->by_channel;
	o->skip_bad = g->skip_bad;
	o->check = g->check;
	o->gran = g->by && g->by[0] == 'm' ? GRAN_MONTH : GRAN_QUARTER;
	o->sl_seconds = g->sl_seconds > 0 ? g->sl_seconds : 20;
	o->repeat_seconds = (int64_t)llround((g->repeat_days > 0 ? g->repeat_days : 7) *
					     86400);
	o->threads = cli_threads(g->threads);
	a->output = g->output;
	if (g->period && g->by)
		return cli_usage_error("aggregate", "--period and --by do not go together");
	if (g->period) {
		(void)period_parse(g->period, &o->period); /* checked by cli_take_period */
		o->has_period = 1;
		o->gran = o->period.gran;
	}
	return sources(ops, g, a);
}

/* Each --import goes to the file of its kind: contacts or surveys. */
static int imports(const struct aggregate_args *g, struct agg_cli *a)
{
	struct import_profile *p = NULL;
	size_t i;
	int rc = CX_OK, k;

	a->datadir = data_dir_new();
	a->o.datadir = a->datadir;
	for (i = 0; rc == CX_OK && i < g->imports.n; i++) {
		rc = import_load(g->imports.items[i], a->datadir, agg_field_list, &p);
		if (rc != CX_OK)
			break;
		k = p->kind == IMPORT_SURVEYS;
		if (p->kind == IMPORT_TRANSCRIPTS || a->imports[k]) {
			rc = cli_usage_error("aggregate", "--import: '%s' %s", p->id,
					     p->kind == IMPORT_TRANSCRIPTS ? "is for listen" :
					     "is a second profile for the same file");
			import_free(p);
			break;
		}
		a->imports[k] = p;
	}
	a->o.contacts_import = a->imports[0];
	a->o.surveys_import = a->imports[1];
	return rc;
}

static int run(int argc, char **argv)
{
	struct aggregate_args g;
	struct cli_operands ops = { 0 };
	struct agg_cli a;
	struct agg_result *res = NULL;
	int rc;

	memset(&g, 0, sizeof g);
	memset(&a, 0, sizeof a);
	rc = cli_parse(&command_aggregate, argc, argv, &g, &ops);
	if (rc == CX_OK)
		rc = settle(&g, &ops, &a);
	if (rc == CX_OK)
		rc = imports(&g, &a);
	if (rc == CX_OK)
		rc = agg_run(&a.o, &res);
	if (rc == CX_OK && a.o.check)
		rc = agg_check_report(stdout, &a.o, res) ? CX_EINPUT : CX_OK;
	else if (rc == CX_OK)
		rc = json_write(agg_document_new(&a.o, res), a.output);
	agg_result_free(res);
	import_free(a.imports[0]);
	import_free(a.imports[1]);
	free(a.datadir);
	free(a.renames);
	free(a.survey_fields);
	return cli_done(&command_aggregate, &g, &ops, rc);
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
	"ai_handled escalated human_wait_seconds csat nps ces answered_at\n"
	"Tickets: first_response_at or first_response_minutes, resolved_at or\n"
	"resolution_hours, reopens\n",
	options, sizeof(struct aggregate_args), .operands = CLI_VALUE_FILE
};
