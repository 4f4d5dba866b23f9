/* cmd_listen: `cxbench listen`: friction signals in call and chat
 * transcripts (the engine is listen/listen.h): the share of conversations
 * showing each, examples, and by channel; with --company and --period also
 * the listening metrics in the company metrics form, so compare, trend and
 * report can use them. */
#include "cmd/cmds.h"
#include "base/msg.h"
#include "cmd/cli.h"
#include "core/company.h"
#include "core/context.h"
#include "core/period.h"
#include "listen/listen.h"
#include "out/out_json.h"
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage[] =
	"usage: cxbench listen TRANSCRIPTS [options]\n"
	"Find friction signals in what customers say in calls and chats: asking\n"
	"for a person, repeating themselves, waiting, threatening to leave,\n"
	"worrying about their data, and praise.  TRANSCRIPTS is a CSV file (one\n"
	"row per turn: contact_id, customer_id, channel, speaker, text), a JSON\n"
	"Lines file (one conversation per line with a turns list), or a\n"
	"directory of .txt files with Customer:/Agent: lines.\n\n"
	"  --lang L            auto (default: all lexicons), en, uk or ru\n"
	"  --format F          table (default) or json\n"
	"  -o, --output FILE   write JSON here (atomically)\n"
	"  --company NAME      with --period: also write the listening metrics\n"
	"  --period P          the period the transcripts belong to\n"
	"  --contacts FILE     contact records: coverage = conversations / contacts\n"
	"  --surveys FILE      survey answers with customer_id: the silent dissatisfied\n"
	"  --list-phrases      print the phrases looked for (signal, language,\n"
	"                      phrase; * = any ending) and stop\n"
	CLI_NET_HELP
	"  -h, --help          this help\n";

struct listen_cli {
	const char *path, *lang, *output, *company, *period, *contacts, *surveys;
	enum format format;
	int list_phrases;
};

static int parse(int argc, char **argv, struct listen_cli *a)
{
	static const struct option longs[] = {
		{ "lang", required_argument, NULL, 'l' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "company", required_argument, NULL, 'C' },
		{ "period", required_argument, NULL, 'p' },
		{ "contacts", required_argument, NULL, 'c' },
		{ "surveys", required_argument, NULL, 's' },
		{ "list-phrases", no_argument, NULL, 'L' },
		{ "help", no_argument, NULL, 'h' },
		CLI_NET_OPTIONS,
		{ NULL, 0, NULL, 0 } };
	struct period p;
	char why[80];
	int c;

	a->lang = "auto";
	a->format = FMT_TABLE;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":ho:", longs, NULL)) != -1) {
		if (c == 'h')
			return fputs(usage, stdout), -1;
		if (c == ':' || c == '?')
			return cli_usage_error("listen", "%s '%s'", c == ':' ?
					       "option needs a value:" : "unknown option",
					       argv[optind - 1]);
		if (c >= 0x1000 && cli_net_option("listen", c, optarg) != CX_OK)
			return CX_EUSAGE; /* NOLINT(bugprone-branch-clone): so is a bad --format */
		else if (c == 'l')
			a->lang = optarg;
		else if (c == 'f' && cli_format("listen", optarg, FMT_TABLE | FMT_JSON,
						&a->format))
			return CX_EUSAGE;
		else if (c == 'o')
			a->output = optarg;
		else if (c == 'C' && company_name_check(optarg, why, sizeof why) < 0)
			return cli_usage_error("listen", "--company: %s", why);
		else if (c == 'C')
			a->company = optarg;
		else if (c == 'p')
			a->period = optarg;
		else if (c == 'c')
			a->contacts = optarg;
		else if (c == 's')
			a->surveys = optarg;
		else if (c == 'L')
			a->list_phrases = 1;
	}
	if (a->list_phrases && optind == argc)
		return CX_OK;
	if (optind != argc - 1)
		return cli_usage_error("listen", "expected one TRANSCRIPTS file or directory");
	if (a->period && period_parse(a->period, &p) < 0)
		return cli_usage_error("listen", "--period: '%s' is not a period", a->period);
	if (!a->company != !a->period)
		return cli_usage_error("listen", "--company and --period go together");
	a->path = argv[optind];
	return CX_OK;
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

int cmd_listen(int argc, char **argv)
{
	struct listen_cli a;
	struct listen_options o;
	struct lexicon *lx = NULL;
	cJSON *doc = NULL;
	char *datadir = data_dir_new();
	int rc;

	memset(&a, 0, sizeof a);
	rc = parse(argc, argv, &a);
	if (rc == CX_OK)
		rc = lexicon_load(datadir, a.lang, &lx);
	if (rc == CX_OK && a.list_phrases) {
		lexicon_print(stdout, lx);
		rc = -1;
	} else if (rc == CX_OK) {
		o.company = a.company;
		o.period = a.period;
		o.contacts = a.contacts;
		o.surveys = a.surveys;
		rc = listen_run(lx, a.path, &o, &doc);
	}
	if (rc == CX_OK)
		rc = emit(&a, doc);
	lexicon_free(lx);
	free(datadir);
	return rc < 0 ? cli_flush() : rc;
}
