/* The run: the transcripts and the files beside them read, then the
 * conversations summed up once and written out as the listen document. */
#include "listen/listen.h"
#include "base/atomic.h"
#include "base/mem.h"
#include "base/msg.h"
#include "net/fetch.h"
#include "base/strmap.h"
#include "listen/scan.h"
#include "listen/transcripts.h"
#include "out/out_json.h"
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define PLAN_SAMPLE ((size_t)1 << 20)

/* The metrics these signals feed (lower is better). */
struct feed {
	enum signal sig;
	const char *metric;
};

static const struct feed feeds[] = {
	{ SIG_HUMAN, "human_request_pct" }, { SIG_REPEAT, "repeat_yourself_pct" },
	{ SIG_CHURN, "churn_signal_pct" }, { SIG_PRIVACY, "privacy_concern_pct" },
	{ SIG_PROMISE, "broken_promise_pct" }, { SIG_PASSED, "passed_around_pct" },
	{ SIG_BOT, "bot_frustration_pct" } };

/* Every signal but praise: the customers the silent dissatisfied are
 * looked for among. */
#define FRICTION (((1u << NSIGNALS) - 1) & ~(1u << SIG_PRAISE))

static double share(size_t k, size_t n)
{
	return n ? 100.0 * (double)k / (double)n : 0;
}

/* ---- the sums, in one pass over the conversations ---- */

struct counts {
	size_t n, hits[NSIGNALS]; /* conversations; those showing each signal */
};

struct channel {
	const char *name; /* borrowed from the scan */
	struct counts c;
};

struct sums {
	struct counts all;
	struct channel *channels; /* in first-seen order */
	size_t nchannels, cap;
	size_t langs[NLANGS];
};

static void count(struct counts *k, unsigned signals)
{
	size_t s;
	k->n++;
	for (s = 0; s < NSIGNALS; s++)
		k->hits[s] += signals >> s & 1;
}

#define ALL_PERIODS (NO_PERIOD - 1)

/* Fills t with the conversations of one period (or ALL_PERIODS); t then
 * borrows the channel names of S (sums_release()). */
static void sums_init(struct sums *t, const struct scan *S, uint32_t period)
{
	struct strmap names = STRMAP_INIT;
	size_t i, k;

	memset(t, 0, sizeof *t);
	for (i = 0; i < S->n; i++) {
		const struct convo *c = &S->convos[i];
		if (period != ALL_PERIODS && c->period != period)
			continue;
		if (strmap_add(&names, c->channel, t->nchannels, &k)) {
			xgrow((void **)&t->channels, &t->cap, k, sizeof *t->channels);
			memset(&t->channels[k], 0, sizeof t->channels[k]);
			t->channels[k].name = c->channel;
			t->nchannels++;
		}
		count(&t->all, c->signals);
		count(&t->channels[k].c, c->signals);
		t->langs[convo_language(c)]++;
	}
	strmap_release(&names);
}

static void sums_release(struct sums *t)
{
	free(t->channels);
}

/* ---- the document ---- */

static cJSON *signal_json(const struct scan *S, const struct sums *t, enum signal s)
{
	cJSON *o = cJSON_CreateObject(), *ex, *by;
	size_t k;

	cJSON_AddItemToObject(o, "pct", json_num(share(t->all.hits[s], t->all.n)));
	cJSON_AddNumberToObject(o, "n", (double)t->all.hits[s]);
	ex = cJSON_AddArrayToObject(o, "examples");
	for (k = 0; k < S->nexamples[s]; k++)
		cJSON_AddItemToArray(ex, cJSON_CreateString(S->examples[s][k]));
	by = cJSON_AddObjectToObject(o, "by_channel");
	for (k = 0; k < t->nchannels; k++) {
		const struct counts *in = &t->channels[k].c;
		cJSON *c = cJSON_AddObjectToObject(by, t->channels[k].name);
		cJSON_AddItemToObject(c, "pct", json_num(share(in->hits[s], in->n)));
		cJSON_AddNumberToObject(c, "n", (double)in->hits[s]);
		cJSON_AddNumberToObject(c, "conversations", (double)in->n);
	}
	return o;
}

/* The silent dissatisfied: customers with friction in some conversation
 * who are not among those who answered a survey. */
static cJSON *silent_json(const struct scan *S, const struct strmap *answered)
{
	struct strmap friction = STRMAP_INIT;
	size_t i, silent = 0;
	cJSON *o = cJSON_CreateObject();

	for (i = 0; i < S->n; i++) {
		const struct convo *c = &S->convos[i];
		if (!(c->signals & FRICTION) || !*c->customer ||
		    !strmap_add(&friction, c->customer, 0, NULL))
			continue;
		silent += !strmap_find(answered, c->customer, NULL);
	}
	cJSON_AddNumberToObject(o, "customers_with_friction", (double)friction.n);
	cJSON_AddNumberToObject(o, "never_answered_a_survey", (double)silent);
	cJSON_AddItemToObject(o, "pct", json_num(share(silent, friction.n)));
	strmap_release(&friction);
	return o;
}

/* The listening metrics in the company metrics form. */
static cJSON *metrics_json(const struct sums *t, uint64_t contacts)
{
	cJSON *m = cJSON_CreateObject(), *x;
	size_t k, n = t->all.n;

	for (k = 0; k < sizeof feeds / sizeof *feeds; k++) {
		x = cJSON_AddObjectToObject(m, feeds[k].metric);
		cJSON_AddItemToObject(x, "value", json_num(share(t->all.hits[feeds[k].sig], n)));
		cJSON_AddNumberToObject(x, "n", (double)n);
	}
	if (contacts) {
		x = cJSON_AddObjectToObject(m, "unsolicited_coverage_pct");
		cJSON_AddItemToObject(x, "value", json_num(share(n < contacts ? n : contacts,
								 contacts)));
		cJSON_AddNumberToObject(x, "n", (double)contacts);
	}
	return m;
}

static int later(const struct scan *S, uint32_t a, uint32_t b)
{
	return strcmp(S->period_names[a], S->period_names[b]) > 0;
}

/* The periods the transcripts' times fall in, in order: each with its
 * listening metrics, in the company file's `periods` form. */
static cJSON *periods_json(const struct scan *S)
{
	cJSON *list = cJSON_CreateArray(), *one;
	uint32_t *order = xcalloc(S->nperiods ? S->nperiods : 1, sizeof *order);
	struct sums t;
	size_t i, j;

	for (i = 0; i < S->nperiods; i++)
		order[i] = (uint32_t)i;
	for (i = 1; i < S->nperiods; i++) /* few periods: insertion sort */
		for (j = i; j > 0 && later(S, order[j - 1], order[j]); j--) {
			uint32_t x = order[j];
			order[j] = order[j - 1];
			order[j - 1] = x;
		}
	for (i = 0; i < S->nperiods; i++) {
		sums_init(&t, S, order[i]);
		one = cJSON_CreateObject();
		cJSON_AddStringToObject(one, "period", S->period_names[order[i]]);
		cJSON_AddItemToObject(one, "metrics", metrics_json(&t, 0));
		cJSON_AddItemToArray(list, one);
		sums_release(&t);
	}
	free(order);
	return list;
}

static size_t without_period(const struct scan *S)
{
	size_t i, n = 0;
	for (i = 0; i < S->n; i++)
		n += S->convos[i].period == NO_PERIOD;
	return n;
}

static cJSON *document(const struct listen_options *o, const struct scan *S,
		       uint64_t contacts, const struct strmap *answered)
{
	cJSON *root = cJSON_CreateObject(), *sig, *langs;
	struct sums t;
	size_t s;

	sums_init(&t, S, ALL_PERIODS);
	if (o->company)
		cJSON_AddStringToObject(root, "company", o->company);
	if (o->company && o->period) {
		cJSON_AddStringToObject(root, "period", o->period);
		cJSON_AddItemToObject(root, "metrics", metrics_json(&t, contacts));
	} else if (S->nperiods) {
		cJSON_AddItemToObject(root, "periods", periods_json(S));
		if (without_period(S))
			cJSON_AddNumberToObject(root, "without_period", (double)without_period(S));
	}
	cJSON_AddNumberToObject(root, "conversations", (double)t.all.n);
	cJSON_AddNumberToObject(root, "customer_turns", (double)S->customer_turns);
	if (contacts)
		cJSON_AddNumberToObject(root, "contacts", (double)contacts);
	langs = cJSON_AddObjectToObject(root, "languages");
	cJSON_AddNumberToObject(langs, "en", (double)t.langs[LANG_EN]);
	cJSON_AddNumberToObject(langs, "uk", (double)t.langs[LANG_UK]);
	cJSON_AddNumberToObject(langs, "ru", (double)t.langs[LANG_RU]);
	sig = cJSON_AddObjectToObject(root, "signals");
	for (s = 0; s < NSIGNALS; s++)
		cJSON_AddItemToObject(sig, signal_ids[s], signal_json(S, &t, (enum signal)s));
	if (answered)
		cJSON_AddItemToObject(root, "silent_dissatisfied", silent_json(S, answered));
	sums_release(&t);
	return root;
}

/* ---- the call-back list ---- */

static cJSON *record_json(const struct scan *S, const struct convo *c,
			  const struct strmap *answered)
{
	cJSON *o = cJSON_CreateObject(), *sig, *m, *x;
	size_t s;

	cJSON_AddStringToObject(o, "conversation_id", c->id);
	cJSON_AddStringToObject(o, "customer_id", c->customer);
	cJSON_AddStringToObject(o, "channel", c->channel);
	if (c->period != NO_PERIOD)
		cJSON_AddStringToObject(o, "period", S->period_names[c->period]);
	if (answered)
		cJSON_AddBoolToObject(o, "answered_survey", *c->customer &&
				      strmap_find(answered, c->customer, NULL));
	sig = cJSON_AddArrayToObject(o, "signals");
	m = cJSON_AddObjectToObject(o, "matches");
	for (s = 0; s < NSIGNALS; s++) {
		if (!(c->signals >> s & 1))
			continue;
		cJSON_AddItemToArray(sig, cJSON_CreateString(signal_ids[s]));
		x = cJSON_AddObjectToObject(m, signal_ids[s]);
		cJSON_AddStringToObject(x, "words", c->quotes ? c->quotes[s].words : "");
		cJSON_AddStringToObject(x, "context", c->quotes ? c->quotes[s].context : "");
	}
	return o;
}

/* One line per conversation with a signal: with survey answers, the
 * customers who never answered one first (the ones no survey hears). */
static int records_write(const struct scan *S, const struct strmap *answered,
			 const char *path)
{
	char *buf = NULL, *line;
	size_t len = 0, cap = 0, i, k;
	int pass, rc;

	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < S->n; i++) {
			const struct convo *c = &S->convos[i];
			int heard = answered && *c->customer &&
				strmap_find(answered, c->customer, NULL);
			cJSON *o;
			if (!c->signals || heard != pass)
				continue;
			o = record_json(S, c, answered);
			line = cJSON_PrintUnformatted(o);
			cJSON_Delete(o);
			if (!line) /* cJSON allocates with xmalloc: cannot be */
				continue;
			k = strlen(line);
			if (len + k + 1 > cap) {
				cap = (len + k + 1) * 2;
				buf = xrealloc(buf, cap);
			}
			memcpy(buf + len, line, k);
			buf[len + k] = '\n';
			len += k + 1;
			free(line);
		}
	rc = atomic_write(path, buf ? buf : "", len);
	free(buf);
	return rc;
}

/* ---- the run ---- */

/* The contacts counted, and the customer of each conversation whose
 * transcript did not say, as the contact records do (same contact id):
 * the call-back list and the silent dissatisfied need to know who. */
static int contacts_of(struct scan *S, const char *path, uint64_t *count)
{
	struct strmap want = STRMAP_INIT;
	char **customers = xcalloc(S->n ? S->n : 1, sizeof *customers);
	size_t i, k;
	int rc;

	for (i = 0; i < S->n; i++)
		if (!*S->convos[i].customer)
			strmap_add(&want, S->convos[i].id, i, NULL);
	rc = contacts_read(path, count, want.n ? &want : NULL, customers);
	for (k = 0; k < S->n; k++) {
		if (customers[k]) {
			free(S->convos[k].customer);
			S->convos[k].customer = customers[k];
		}
	}
	free(customers);
	strmap_release(&want);
	return rc;
}

/* The start of a local file, to plan the queries on (lexicon_plan());
 * NULL for anything else (a URL, stdin, a directory), which keeps the
 * guess by length. */
static char *sample_read(const char *path, size_t *len, off_t *size)
{
	struct stat st;
	char *buf;
	ssize_t n;
	int fd;

	*size = 0;
	if (strcmp(path, "-") == 0 || is_url(path) || stat(path, &st) < 0 ||
	    !S_ISREG(st.st_mode) || (fd = open(path, O_RDONLY)) < 0)
		return NULL;
	*size = st.st_size;
	buf = xmalloc(PLAN_SAMPLE);
	n = read(fd, buf, PLAN_SAMPLE);
	close(fd);
	*len = n > 0 ? (size_t)n : 0;
	return buf;
}

/* Files larger than this are scanned on every core: smaller ones are
 * read faster than threads start.  CXBENCH_LISTEN_SPLIT (bytes) sets it
 * for the tests, which check that the output does not change. */
static off_t split_size(void)
{
	const char *v = getenv("CXBENCH_LISTEN_SPLIT");
	char *end;
	long long n = v ? strtoll(v, &end, 10) : 0;

	return v && *v && !*end && n >= 0 ? (off_t)n : (off_t)64 << 20;
}

int listen_run(struct lexicon *lx, const char *path,
	       const struct listen_options *o, cJSON **doc)
{
	struct scan *S;
	struct strmap answered = STRMAP_INIT;
	uint64_t contacts = 0;
	size_t len = 0;
	off_t size;
	char *sample = sample_read(path, &len, &size);
	int rc;

	if (sample)
		lexicon_plan(lx, sample, len);
	free(sample);
	S = scan_new(lx, o->records != NULL);
	if (size > split_size())
		scan_parallel(S, o->threads);
	rc = transcripts_read(S, path, o);
	scan_finish(S);

	*doc = NULL;
	if (rc == CX_OK && o->contacts)
		rc = contacts_of(S, o->contacts, &contacts);
	if (rc == CX_OK && o->surveys)
		rc = respondents_read(o->surveys, &answered);
	if (rc == CX_OK && S->n == 0) {
		msg_at(path, 0, "no conversations");
		rc = CX_EINPUT;
	}
	if (rc == CX_OK && o->company && !o->period && S->nperiods == 0) {
		msg_at(path, 0, "no times to find periods in: give --period P, or an import "
		       "profile with a started_at column");
		rc = CX_EINPUT;
	}
	if (rc == CX_OK && o->records)
		rc = records_write(S, o->surveys ? &answered : NULL, o->records);
	if (rc == CX_OK)
		*doc = document(o, S, contacts, o->surveys ? &answered : NULL);
	strmap_release(&answered);
	scan_free(S);
	return rc;
}
