/* cmd_listen: `cxbench listen`: friction signals in transcripts and other
 * text (the engine is listen/listen.h): the share of conversations showing
 * each, examples, and by channel; with --company also the listening
 * metrics in the company metrics form (for --period, or per period of the
 * transcripts' times), so compare, trend and report can use them; with
 * --records the call-back list. */
#include "cmd/cmds.h"
#include "base/msg.h"
#include "core/company.h"
#include "core/context.h"
#include "core/period.h"
#include "imports/import.h"
#include "listen/listen.h"
#include "out/out_json.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct listen_cli {
	const char *path, *lang, *output, *company, *period, *contacts, *surveys, *records;
	const char *import, *by;
	enum format format;
	int list_queries;
	double threads;
};

#define ARGS struct listen_cli
static const struct cli_option options[] = {
	CLI_OPT_WORDS("lang", "L", "auto (default: all lexicons), en, uk or ru", ARGS, lang,
		      "auto en uk ru"),
	CLI_OPT_FORMAT("table (default) or json", ARGS, format, FMT_TABLE | FMT_JSON),
	CLI_OPT_OUTPUT("write JSON here (atomically)", ARGS, output),
	CLI_OPT_COMPANY("also write the listening metrics: for --period, or\n"
			"per period of the transcripts' times", ARGS, company),
	CLI_OPT_STRING("period", "P", "the period the transcripts belong to (with an\n"
		       "export's times: only its rows in P are read)", ARGS, period),
	CLI_OPT_STRING_AS("import", "PROFILE", "read a text export (complaints, survey comments,\n"
			  "tickets, reviews) as this transcripts import profile\n"
			  "says (a file, or a built-in one: see profiles/imports/);\n"
			  "without it, one is chosen by the file's header", ARGS, import,
			  CLI_VALUE_TEXT_IMPORT, NULL),
	CLI_OPT_CALL_AS("by", "quarter|month", "with an export's times: each turn in its quarter\n"
			"(default) or month", ARGS, by, cli_take_by, 0, CLI_VALUE_WORDS,
			"quarter month"),
	CLI_OPT_FILE("contacts", "FILE", "contact records: coverage = conversations / "
		     "contacts", ARGS, contacts),
	CLI_OPT_FILE("surveys", "FILE", "survey answers with customer_id: the silent "
		     "dissatisfied", ARGS, surveys),
	CLI_OPT_FILE("records", "FILE", "write the call-back list: one JSON line per\n"
		     "conversation with a signal, with the words matched", ARGS, records),
	CLI_OPT_CALL("threads", "N", "threads to read a file over 64 MB with (default:\n"
		     "the CPUs)", ARGS, threads, cli_take_positive, 8),
	CLI_OPT_FLAG("list-queries", "print the queries (signal, language, speaker,\n"
		     "query) and stop", ARGS, list_queries),
	CLI_OPT_GROUP(cli_net_options),
	CLI_OPT_END
};
#undef ARGS

static int parse(int argc, char **argv, struct listen_cli *a)
{
	struct cli_operands ops = { 0 };
	struct period p;
	int rc;

	a->lang = "auto";
	a->format = FMT_TABLE;
	rc = cli_parse(&command_listen, argc, argv, a, &ops);
	if (rc == CX_OK && !(a->list_queries && ops.n == 0)) {
		if (ops.n != 1)
			rc = cli_usage_error("listen", "expected one TRANSCRIPTS file or directory");
		else if (a->period && period_parse(a->period, &p) < 0)
			rc = cli_usage_error("listen", "--period: '%s' is not a period",
					     a->period);
		else if (a->period && !a->company)
			rc = cli_usage_error("listen", "--period needs --company (the metrics "
					     "file's company)");
		else if (a->period && a->by)
			rc = cli_usage_error("listen", "--period and --by do not go together");
		else
			a->path = ops.v[0];
	}
	free(ops.v);
	return rc;
}

/* Deletes doc. */
static int emit(const struct listen_cli *a, cJSON *doc)
{
	if (a->output || a->format != FMT_TABLE)
		return json_write(doc, a->output);
	listen_table(stdout, doc);
	cJSON_Delete(doc);
	return cli_flush();
}

/* --import: a transcripts profile, by its id or its file. */
static int load_import(const char *name, const char *datadir, struct import_profile **out)
{
	int rc = import_load(name, datadir, NULL, out);

	if (rc == CX_OK && (*out)->kind != IMPORT_TRANSCRIPTS) {
		rc = cli_usage_error("listen", "--import: '%s' is a %s profile (for aggregate); "
				     "listen reads transcripts profiles", (*out)->id,
				     import_kind_name((*out)->kind));
		import_free(*out);
		*out = NULL;
	}
	return rc;
}

static int run(int argc, char **argv)
{
	struct listen_cli a;
	struct listen_options o;
	struct lexicon *lx = NULL;
	struct import_profile *import = NULL;
	cJSON *doc = NULL;
	char *datadir = data_dir_new();
	int rc;

	memset(&a, 0, sizeof a);
	memset(&o, 0, sizeof o);
	rc = parse(argc, argv, &a);
	if (rc == CX_OK)
		rc = lexicon_load(datadir, a.lang, &lx);
	if (rc == CX_OK && a.list_queries) {
		lexicon_print(stdout, lx);
		rc = CLI_HELP; /* done: flush and exit 0 */
	} else if (rc == CX_OK) {
		if (a.import)
			rc = load_import(a.import, datadir, &import);
		o.company = a.company;
		o.period = a.period;
		o.contacts = a.contacts;
		o.surveys = a.surveys;
		o.records = a.records;
		o.threads = cli_threads(a.threads);
		o.import = import;
		o.datadir = datadir;
		o.by = a.by != NULL;
		o.gran = a.by && strcmp(a.by, "month") == 0 ? GRAN_MONTH : GRAN_QUARTER;
		if (rc == CX_OK)
			rc = listen_run(lx, a.path, &o, &doc);
	}
	if (rc == CX_OK)
		rc = emit(&a, doc);
	lexicon_free(lx);
	import_free(import);
	free(datadir);
	return cli_done(&command_listen, &a, NULL, rc);
}

const struct command command_listen = {
	"listen", run, "friction signals in call and chat transcripts",
	"usage: cxbench listen TRANSCRIPTS [options]\n"
	"Find friction signals in what customers say in calls, chats, tickets,\n"
	"complaints and reviews: asking for a person, repeating themselves,\n"
	"waiting, threatening to leave, worrying about their data, praise, broken\n"
	"promises, being passed around, and frustration with a bot.  The signals\n"
	"are category queries (profiles/lexicons/LANG.json).  TRANSCRIPTS is a\n"
	"CSV file (one row per turn: contact_id, customer_id, channel, speaker,\n"
	"text), a JSON Lines file (one conversation per line with a turns list),\n"
	"a directory of .txt files with Customer:/Agent: lines, or a CSV text\n"
	"export (complaint log, survey comments, tickets, reviews; UTF-8 or\n"
	"UTF-16) read through a transcripts import profile (--import).\n\n",
	NULL, options, sizeof(struct listen_cli), .operands = CLI_VALUE_FILE
};
