/* cmd_listen: `cxbench listen`: friction signals in call and chat
 * transcripts: the share of conversations showing each, examples, and by
 * channel; with --company and --period also the listening metrics in the
 * company metrics form, so compare, trend and report can use them. */
#include "cmd/cmds.h"
#include "base/atomic.h"
#include "core/company.h"
#include "core/context.h"
#include "base/hash.h"
#include "base/mem.h"
#include "base/msg.h"
#include "out/out_json.h"
#include "core/period.h"
#include "base/textfmt.h"
#include "listen/transcripts.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct listen_cli {
	const char *path, *lang, *output, *company, *period, *contacts, *surveys;
	enum format format;
	int list_phrases;
};

#define ARGS struct listen_cli
static const struct cli_option options[] = {
	CLI_OPT_STRING("lang", "L", "auto (default: all lexicons), en, uk or ru", ARGS, lang),
	CLI_OPT_FORMAT("table (default) or json", ARGS, format, FMT_TABLE | FMT_JSON),
	CLI_OPT_OUTPUT("write JSON here (atomically)", ARGS, output),
	CLI_OPT_COMPANY("with --period: also write the listening metrics", ARGS, company),
	CLI_OPT_STRING("period", "P", "the period the transcripts belong to", ARGS, period),
	CLI_OPT_STRING("contacts", "FILE", "contact records: coverage = conversations / "
		       "contacts", ARGS, contacts),
	CLI_OPT_STRING("surveys", "FILE", "survey answers with customer_id: the silent "
		       "dissatisfied", ARGS, surveys),
	CLI_OPT_FLAG("list-phrases", "print the phrases looked for (signal, language,\n"
		     "phrase; * = any ending) and stop", ARGS, list_phrases),
	CLI_OPT_GROUP(cli_net_options),
	CLI_OPT_END
};
#undef ARGS

/* The metrics these signals feed (lower is better). */
static const struct { enum signal sig; const char *metric; } feeds[] = {
	{ SIG_HUMAN, "human_request_pct" }, { SIG_REPEAT, "repeat_yourself_pct" },
	{ SIG_CHURN, "churn_signal_pct" }, { SIG_PRIVACY, "privacy_concern_pct" } };

static int parse(int argc, char **argv, struct listen_cli *a)
{
	struct cli_operands ops = { 0 };
	struct period p;
	int rc;

	a->lang = "auto";
	a->format = FMT_TABLE;
	rc = cli_parse(&command_listen, argc, argv, a, &ops);
	if (rc == CX_OK && !(a->list_phrases && ops.n == 0)) {
		if (ops.n != 1)
			rc = cli_usage_error("listen", "expected one TRANSCRIPTS file or directory");
		else if (a->period && period_parse(a->period, &p) < 0)
			rc = cli_usage_error("listen", "--period: '%s' is not a period",
					     a->period);
		else if (!a->company != !a->period)
			rc = cli_usage_error("listen", "--company and --period go together");
		else
			a->path = ops.v[0];
	}
	free(ops.v);
	return rc;
}

static size_t count_signal(const struct listen *L, enum signal s, const char *channel)
{
	size_t i, n = 0;
	for (i = 0; i < L->n; i++)
		n += (L->convos[i].signals >> s & 1) &&
			(!channel || strcmp(L->convos[i].channel, channel) == 0);
	return n;
}

static double share(size_t k, size_t n)
{
	return n ? 100.0 * (double)k / (double)n : 0;
}

/* Channels in first-seen order; *n set; the names borrowed from L. */
static const char **channels(const struct listen *L, size_t *n)
{
	const char **names = xcalloc(L->n + 1, sizeof *names);
	size_t i, k;

	*n = 0;
	for (i = 0; i < L->n; i++) {
		for (k = 0; k < *n && strcmp(names[k], L->convos[i].channel) != 0; k++)
			;
		if (k == *n)
			names[(*n)++] = L->convos[i].channel;
	}
	return names;
}

static size_t in_channel(const struct listen *L, const char *channel)
{
	size_t i, n = 0;
	for (i = 0; i < L->n; i++)
		n += strcmp(L->convos[i].channel, channel) == 0;
	return n;
}

static cJSON *signal_json(const struct listen *L, enum signal s)
{
	cJSON *o = cJSON_CreateObject(), *ex, *by;
	size_t n = count_signal(L, s, NULL), nch, k;
	const char **names = channels(L, &nch);

	cJSON_AddItemToObject(o, "pct", json_num(share(n, L->n)));
	cJSON_AddNumberToObject(o, "n", (double)n);
	ex = cJSON_AddArrayToObject(o, "examples");
	for (k = 0; k < L->nexamples[s]; k++)
		cJSON_AddItemToArray(ex, cJSON_CreateString(L->examples[s][k]));
	by = cJSON_AddObjectToObject(o, "by_channel");
	for (k = 0; k < nch; k++) {
		size_t all = in_channel(L, names[k]), hit = count_signal(L, s, names[k]);
		cJSON *c = cJSON_AddObjectToObject(by, names[k]);
		cJSON_AddItemToObject(c, "pct", json_num(share(hit, all)));
		cJSON_AddNumberToObject(c, "n", (double)hit);
		cJSON_AddNumberToObject(c, "conversations", (double)all);
	}
	free(names);
	return o;
}

/* ---- the silent dissatisfied ---- */

struct idset {
	uint64_t *slots; /* hash + 1; 0 = empty */
	size_t cap, n;
};

static int idset_add(struct idset *s, const char *id)
{
	uint64_t h = hash64(id, strlen(id)) | 1;
	size_t i;

	if (s->n * 2 >= s->cap) {
		struct idset bigger = { NULL, s->cap ? s->cap * 2 : 1024, 0 };
		bigger.slots = xcalloc(bigger.cap, sizeof *bigger.slots);
		for (i = 0; i < s->cap; i++) {
			size_t k;
			if (!s->slots[i])
				continue;
			for (k = s->slots[i] & (bigger.cap - 1); bigger.slots[k];
			     k = (k + 1) & (bigger.cap - 1))
				;
			bigger.slots[k] = s->slots[i];
			bigger.n++;
		}
		free(s->slots);
		*s = bigger;
	}
	for (i = h & (s->cap - 1); s->slots[i]; i = (i + 1) & (s->cap - 1))
		if (s->slots[i] == h)
			return 0;
	s->slots[i] = h;
	s->n++;
	return 1;
}

static int idset_has(const struct idset *s, const char *id)
{
	uint64_t h = hash64(id, strlen(id)) | 1;
	size_t i;
	for (i = s->cap ? h & (s->cap - 1) : 0; s->cap && s->slots[i]; i = (i + 1) & (s->cap - 1))
		if (s->slots[i] == h)
			return 1;
	return 0;
}

static void add_respondent(const char *id, void *arg)
{
	idset_add(arg, id);
}

#define FRICTION (1u << SIG_HUMAN | 1u << SIG_REPEAT | 1u << SIG_WAITED | \
		  1u << SIG_CHURN | 1u << SIG_PRIVACY)

static cJSON *silent_json(const struct listen *L, const struct idset *answered)
{
	struct idset friction = { NULL, 0, 0 };
	size_t i, silent = 0;
	cJSON *o = cJSON_CreateObject();

	for (i = 0; i < L->n; i++) {
		const struct convo *c = &L->convos[i];
		if (!(c->signals & FRICTION) || !*c->customer || !idset_add(&friction, c->customer))
			continue;
		silent += !idset_has(answered, c->customer);
	}
	cJSON_AddNumberToObject(o, "customers_with_friction", (double)friction.n);
	cJSON_AddNumberToObject(o, "never_answered_a_survey", (double)silent);
	cJSON_AddItemToObject(o, "pct", json_num(share(silent, friction.n)));
	free(friction.slots);
	return o;
}

/* ---- output ---- */

static cJSON *metrics_json(const struct listen *L, uint64_t contacts)
{
	cJSON *m = cJSON_CreateObject(), *x;
	size_t k;

	for (k = 0; k < sizeof feeds / sizeof *feeds; k++) {
		x = cJSON_AddObjectToObject(m, feeds[k].metric);
		cJSON_AddItemToObject(x, "value", json_num(share(count_signal(L,
							feeds[k].sig, NULL), L->n)));
		cJSON_AddNumberToObject(x, "n", (double)L->n);
	}
	if (contacts) {
		x = cJSON_AddObjectToObject(m, "unsolicited_coverage_pct");
		cJSON_AddItemToObject(x, "value", json_num(share(L->n < contacts ? L->n :
								  contacts, contacts)));
		cJSON_AddNumberToObject(x, "n", (double)contacts);
	}
	return m;
}

static cJSON *document(const struct listen_cli *a, const struct listen *L,
		       uint64_t contacts, const struct idset *answered)
{
	cJSON *root = cJSON_CreateObject(), *sig, *langs;
	size_t s, i, count[NLANGS] = { 0 };

	if (a->company) {
		cJSON_AddStringToObject(root, "company", a->company);
		cJSON_AddStringToObject(root, "period", a->period);
		cJSON_AddItemToObject(root, "metrics", metrics_json(L, contacts));
	}
	cJSON_AddNumberToObject(root, "conversations", (double)L->n);
	cJSON_AddNumberToObject(root, "customer_turns", (double)L->customer_turns);
	if (contacts)
		cJSON_AddNumberToObject(root, "contacts", (double)contacts);
	langs = cJSON_AddObjectToObject(root, "languages");
	for (i = 0; i < L->n; i++)
		count[listen_language(&L->convos[i])]++;
	cJSON_AddNumberToObject(langs, "en", (double)count[LANG_EN]);
	cJSON_AddNumberToObject(langs, "uk", (double)count[LANG_UK]);
	cJSON_AddNumberToObject(langs, "ru", (double)count[LANG_RU]);
	sig = cJSON_AddObjectToObject(root, "signals");
	for (s = 0; s < NSIGNALS; s++)
		cJSON_AddItemToObject(sig, signal_ids[s], signal_json(L, (enum signal)s));
	if (answered)
		cJSON_AddItemToObject(root, "silent_dissatisfied", silent_json(L, answered));
	return root;
}

/* At most `chars` characters of UTF-8 text, never half of one. */
static void put_cut(FILE *f, const char *s, size_t chars)
{
	const char *p = s;
	size_t n = 0;
	while (*p && n < chars) {
		p++;
		while (((unsigned char)*p & 0xC0) == 0x80)
			p++;
		n++;
	}
	fwrite(s, 1, (size_t)(p - s), f);
	if (*p)
		fputs("...", f);
}

static void table(FILE *f, const cJSON *doc)
{
	const cJSON *sig = cJSON_GetObjectItemCaseSensitive(doc, "signals"), *s, *ex;
	const cJSON *silent = cJSON_GetObjectItemCaseSensitive(doc, "silent_dissatisfied");
	char num[40];

	fprintf(f, "%.0f conversations, %.0f customer turns\n\n",
		cJSON_GetObjectItemCaseSensitive(doc, "conversations")->valuedouble,
		cJSON_GetObjectItemCaseSensitive(doc, "customer_turns")->valuedouble);
	fprintf(f, "  %-18s %8s %8s  %s\n", "signal", "share", "n", "example");
	cJSON_ArrayForEach(s, sig) {
		ex = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(s, "examples"), 0);
		fprintf(f, "  %-18s %7s%% %8.0f  ", s->string,
			fmt_num(num, cJSON_GetObjectItemCaseSensitive(s, "pct")->valuedouble, 1),
			cJSON_GetObjectItemCaseSensitive(s, "n")->valuedouble);
		put_cut(f, ex ? ex->valuestring : "", 70);
		fputc('\n', f);
	}
	if (silent)
		fprintf(f, "\nsilent dissatisfied: %.0f of %.0f customers with friction "
			"never answered a survey\n",
			cJSON_GetObjectItemCaseSensitive(silent, "never_answered_a_survey")->valuedouble,
			cJSON_GetObjectItemCaseSensitive(silent, "customers_with_friction")->valuedouble);
}

/* Deletes doc. */
static int emit(const struct listen_cli *a, cJSON *doc)
{
	if (!a->output && a->format == FMT_TABLE) {
		table(stdout, doc);
			return cli_flush();
	}
	return json_write(doc, a->output);
}

static void list_phrases(const struct lexicon *lx)
{
	size_t i;
	for (i = 0; i < lx->n; i++) {
		const struct pattern *p = &lx->patterns[i];
		printf("%s\t%s\t%.*s%s\n", signal_ids[p->sig], lx->langs[p->lang],
		       (int)p->len, p->text, p->open_end ? "*" : "");
	}
}

static int run(int argc, char **argv)
{
	struct listen_cli a;
	struct lexicon *lx = NULL;
	struct listen *L = NULL;
	struct idset answered = { NULL, 0, 0 };
	uint64_t contacts = 0;
	char *datadir = data_dir_new();
	int rc;

	memset(&a, 0, sizeof a);
	rc = parse(argc, argv, &a);
	if (rc == CX_OK)
		rc = lexicon_load(datadir, a.lang, &lx);
	if (rc == CX_OK && a.list_phrases) {
		list_phrases(lx);
		rc = -1;
	} else if (rc == CX_OK) {
		L = listen_new(lx);
		rc = transcripts_read(L, a.path);
	}
	if (rc == CX_OK && a.contacts)
		rc = csv_count_records(a.contacts, &contacts);
	if (rc == CX_OK && a.surveys)
		rc = csv_each_customer(a.surveys, add_respondent, &answered);
	if (rc == CX_OK && L->n == 0) {
		msg_at(a.path, 0, "no conversations");
		rc = CX_EINPUT;
	}
	if (rc == CX_OK)
		rc = emit(&a, document(&a, L, contacts, a.surveys ? &answered : NULL));
	free(answered.slots);
	listen_free(L);
	lexicon_free(lx);
	free(datadir);
	return cli_exit(rc);
}

const struct command command_listen = {
	"listen", run, "friction signals in call and chat transcripts",
	"usage: cxbench listen TRANSCRIPTS [options]\n"
	"Find friction signals in what customers say in calls and chats: asking\n"
	"for a person, repeating themselves, waiting, threatening to leave,\n"
	"worrying about their data, and praise.  TRANSCRIPTS is a CSV file (one\n"
	"row per turn: contact_id, customer_id, channel, speaker, text), a JSON\n"
	"Lines file (one conversation per line with a turns list), or a\n"
	"directory of .txt files with Customer:/Agent: lines.\n\n",
	NULL, options, sizeof(struct listen_cli)
};
