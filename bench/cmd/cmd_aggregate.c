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
#include "base/atomic.h"
#include "warehouse/sql.h"
#include "core/period.h"
#include "out/out_json.h"
#include "out/out_agg_table.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The options as given; settle() turns them into the engine's options. */
struct aggregate_args {
	const char *surveys, *company, *output, *xml, *record, *survey_record;
	const char *period, *by, *wait_edges;
	const char *emit_sql, *table, *order_by;
	struct cli_list maps, survey_maps, imports;
	enum format format;
	int by_channel, skip_bad, check, sharded;
	double sl_seconds, repeat_days, link_days, threads;
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
	CLI_OPT_CALL("link-days", "N", "an answer without a contact id links to its\n"
		     "customer's latest contact at most N days earlier\n"
		     "(default 7)", ARGS, link_days, cli_take_positive, 3650),
	CLI_OPT_STRING("wait-edges", "S,S...", "the friction block's wait levels: 1 to 8\n"
		       "increasing upper edges in whole seconds (default\n"
		       "20,60,180,600: 0-20s, 21-60s, 1-3min, 3-10min, 10min+)",
		       ARGS, wait_edges),
	CLI_OPT_FLAG("skip-bad", "skip malformed rows (counted and reported)", ARGS, skip_bad),
	CLI_OPT_FLAG("check", "a dry run: per field, its column and how many values\n"
		     "were read, missing and refused (the first refused with\n"
		     "their lines); exit 1 if any would be refused", ARGS, check),
	CLI_OPT_CALL("threads", "N", "threads to read with (default: the CPUs)", ARGS,
		     threads, cli_take_positive, 8),
	CLI_OPT_FORMAT("json (default: the metrics file) or table (the metrics\n"
		       "and a friction summary per period, to read)", ARGS, format,
		       FMT_TABLE | FMT_JSON),
	CLI_OPT_WORDS("emit-sql", "DIALECT", "print one SQL query that computes the metrics\n"
		      "inside a warehouse (clickhouse, postgres, duckdb, spark,\n"
		      "trino, bigquery, snowflake) over --table, instead of\n"
		      "reading a file", ARGS, emit_sql,
		      "clickhouse postgres duckdb spark trino bigquery snowflake"),
	CLI_OPT_STRING("table", "NAME", "with --emit-sql: the table of contact records\n"
		       "(db.schema.table: each part quoted)", ARGS, table),
	CLI_OPT_STRING("order-by", "COL", "with --emit-sql: the column that orders contacts\n"
		       "at the same time (the file's row order; default:\n"
		       "contact_id's column)", ARGS, order_by),
	CLI_OPT_FLAG("sharded-by-customer", "with --emit-sql clickhouse: the table is\n"
		     "Distributed with each customer on one shard, so each\n"
		     "shard finds its own customers' repeats", ARGS, sharded),
	CLI_OPT_OUTPUT("write the JSON here (atomically) instead of stdout;\n"
		       "with --format table the table still goes to stdout", ARGS, output),
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
	double wait_edges[AGG_MAX_WAIT_EDGES];
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

/* --wait-edges 20,60,180,600: 1 to 8 whole seconds, each above the one
 * before (whole, so that the levels' names, 21-60s, say what they hold). */
static int wait_edges(const char *arg, struct agg_cli *a)
{
	const char *p = arg;
	char *end;
	unsigned n = 0;
	double v;

	for (;;) {
		v = strtod(p, &end);
		if (end == p || !(v >= 1) || v > 1e7 || v != floor(v) ||
		    (n && v <= a->wait_edges[n - 1]) || n == AGG_MAX_WAIT_EDGES ||
		    (*end && *end != ','))
			return cli_usage_error("aggregate", "--wait-edges: '%s' is not 1 to "
					       "8 increasing whole seconds, comma-separated",
					       arg);
		a->wait_edges[n++] = v;
		if (!*end)
			break;
		p = end + 1;
	}
	a->o.wait_edges = a->wait_edges;
	a->o.nwait_edges = n;
	return CX_OK;
}

/* From the options as given to the engine's, with their defaults. */
/* The periods and the windows, for a run and for --emit-sql alike. */
static int periods_and_windows(const struct aggregate_args *g, struct agg_options *o)
{
	if (g->period && g->by)
		return cli_usage_error("aggregate", "--period and --by do not go together");
	o->gran = g->by && g->by[0] == 'm' ? GRAN_MONTH : GRAN_QUARTER;
	if (g->period) {
		(void)period_parse(g->period, &o->period); /* checked by cli_take_period */
		o->has_period = 1;
		o->gran = o->period.gran;
	}
	o->sl_seconds = g->sl_seconds > 0 ? g->sl_seconds : 20;
	o->repeat_seconds = (int64_t)llround((g->repeat_days > 0 ? g->repeat_days : 7) *
					     86400);
	return CX_OK;
}

static int settle(const struct aggregate_args *g, const struct cli_operands *ops,
		  struct agg_cli *a)
{
	struct agg_options *o = &a->o;
	o->company = g->company;
	o->by_channel = g->by_channel;
	o->skip_bad = g->skip_bad;
	o->check = g->check;
	o->link_seconds = (int64_t)llround((g->link_days > 0 ? g->link_days : 7) * 86400);
	o->threads = cli_threads(g->threads);
	a->output = g->output;
	if (g->wait_edges && wait_edges(g->wait_edges, a) != CX_OK)
		return CX_EUSAGE;
	if (periods_and_windows(g, o) != CX_OK)
		return CX_EUSAGE;
	return sources(ops, g, a);
}

/* The frontier's waits, holds and repeats over the bundled brands, for
 * the time tax of the friction block; without them (profiles that do
 * not load) the block says null. */
static void frontier_values(struct agg_options *o)
{
	struct context ctx = { 0 };
	struct selection sel = { 0 };
	static const char *const ids[] = { "asa_seconds", "hold_seconds",
		"repeat_contact_pct" };
	double *to[] = { &o->frontier_asa, &o->frontier_hold, &o->frontier_repeat_pct };
	char *dir = NULL, *catalog = NULL;
	size_t i;
	int found;

	if (!o->contacts || !o->surveys || o->check)
		return;
	/* quietly without a data directory: the tax is still worth having */
	dir = data_dir_new();
	catalog = xasprintf("%s/profiles/catalog.json", dir);
	found = access(catalog, R_OK) == 0;
	free(dir);
	free(catalog);
	if (found && context_load(&ctx, 1) == CX_OK &&
	    selection_parse(&ctx, "all,frontier", NULL, &sel) == CX_OK && sel.frontier) {
		o->has_frontier = 1;
		for (i = 0; i < 3; i++) {
			long m = catalog_metric(ctx.cat, ids[i]);
			if (m < 0 || !sel.frontier->values[m].present)
				o->has_frontier = 0;
			else
				*to[i] = sel.frontier->values[m].value;
		}
	}
	selection_release(&sel);
	context_release(&ctx);
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

/* --emit-sql: the query instead of a run; the options that read files
 * have no place here. */
static int emit_sql(const struct aggregate_args *g, const struct cli_operands *ops,
		    struct agg_cli *a)
{
	struct sql_request r;
	struct sql_rename *renames = NULL;
	char *q = NULL;
	size_t i;
	int rc;

	memset(&r, 0, sizeof r);
	r.dialect = sql_dialect_find(g->emit_sql);
	if (!r.dialect)
		return cli_usage_error("aggregate", "--emit-sql: '%s' is not one of %s",
				       g->emit_sql, sql_dialect_names());
	if (!g->table)
		return cli_usage_error("aggregate", "--emit-sql needs --table NAME");
	if (ops->n || g->surveys || g->xml || g->check || g->by_channel)
		return cli_usage_error("aggregate", "--emit-sql reads no file: no CONTACTS, "
				       "--surveys, --xml, --check or --by-channel");
	if (periods_and_windows(g, &a->o) != CX_OK)
		return CX_EUSAGE;
	rc = split_maps("--map", g->maps.items, g->maps.n, 0, &a->renames);
	if (rc == CX_OK)
		rc = imports(g, a);
	if (rc == CX_OK && a->imports[1])
		rc = cli_usage_error("aggregate", "--emit-sql: '%s' is a surveys profile; the "
				     "table holds contacts", a->imports[1]->id);
	if (rc != CX_OK)
		return rc;
	r.table = g->table;
	r.company = g->company ? g->company : strrchr(g->table, '.') ?
		strrchr(g->table, '.') + 1 : g->table;
	r.order_by = g->order_by;
	r.profile = a->imports[0];
	renames = g->maps.n ? xcalloc(g->maps.n, sizeof *renames) : NULL;
	for (i = 0; i < g->maps.n; i++)
		renames[i] = (struct sql_rename){ a->renames[i].column, a->renames[i].field };
	r.renames = renames;
	r.nrenames = g->maps.n;
	r.gran = a->o.gran;
	r.period = a->o.period;
	r.has_period = a->o.has_period;
	r.sl_seconds = a->o.sl_seconds;
	r.repeat_seconds = a->o.repeat_seconds;
	r.sharded_by_customer = g->sharded;
	q = sql_query_new(&r);
	rc = q ? output_write(g->output, q, strlen(q)) : CX_EINPUT;
	free(q);
	free(renames);
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
	if (rc == CX_OK && g.emit_sql) {
		rc = emit_sql(&g, &ops, &a);
		goto out;
	}
	if (rc == CX_OK && (g.table || g.order_by || g.sharded))
		rc = cli_usage_error("aggregate", "--table, --order-by and "
				     "--sharded-by-customer go with --emit-sql");
	if (rc == CX_OK)
		rc = settle(&g, &ops, &a);
	if (rc == CX_OK)
		rc = imports(&g, &a);
	if (rc == CX_OK) {
		frontier_values(&a.o);
		rc = agg_run(&a.o, &res);
	}
	if (rc == CX_OK && a.o.check)
		rc = agg_check_report(stdout, &a.o, res) ? CX_EINPUT : CX_OK;
	else if (rc == CX_OK) {
		cJSON *doc = agg_document_new(&a.o, res);
		if (g.format != FMT_TABLE || a.output) /* -o: always the JSON */
			rc = json_save(doc, a.output);
		if (rc == CX_OK && g.format == FMT_TABLE)
			rc = agg_table_write(stdout, doc);
		cJSON_Delete(doc);
	}
out:
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
