/* The run: the transcripts and the files beside them read, then the
 * conversations summed up once and written out as the listen document. */
#include "listen/listen.h"
#include "base/mem.h"
#include "base/msg.h"
#include "base/strmap.h"
#include "listen/scan.h"
#include "listen/transcripts.h"
#include "out/out_json.h"
#include <stdlib.h>
#include <string.h>

/* The metrics these signals feed (lower is better). */
static const struct { enum signal sig; const char *metric; } feeds[] = {
	{ SIG_HUMAN, "human_request_pct" }, { SIG_REPEAT, "repeat_yourself_pct" },
	{ SIG_CHURN, "churn_signal_pct" }, { SIG_PRIVACY, "privacy_concern_pct" } };

/* Every signal but praise: the customers the silent dissatisfied are
 * looked for among. */
#define FRICTION (1u << SIG_HUMAN | 1u << SIG_REPEAT | 1u << SIG_WAITED | \
		  1u << SIG_CHURN | 1u << SIG_PRIVACY)

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

/* Fills t, which then borrows the channel names of S (sums_release()). */
static void sums_init(struct sums *t, const struct scan *S)
{
	struct strmap names = STRMAP_INIT;
	size_t i, k;

	memset(t, 0, sizeof *t);
	for (i = 0; i < S->n; i++) {
		const struct convo *c = &S->convos[i];
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

static cJSON *document(const struct listen_options *o, const struct scan *S,
		       uint64_t contacts, const struct strmap *answered)
{
	cJSON *root = cJSON_CreateObject(), *sig, *langs;
	struct sums t;
	size_t s;

	sums_init(&t, S);
	if (o->company) {
		cJSON_AddStringToObject(root, "company", o->company);
		cJSON_AddStringToObject(root, "period", o->period);
		cJSON_AddItemToObject(root, "metrics", metrics_json(&t, contacts));
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

/* ---- the run ---- */

int listen_run(const struct lexicon *lx, const char *path,
	       const struct listen_options *o, cJSON **doc)
{
	struct scan *S = scan_new(lx);
	struct strmap answered = STRMAP_INIT;
	uint64_t contacts = 0;
	int rc = transcripts_read(S, path, o);

	*doc = NULL;
	if (rc == CX_OK && o->contacts)
		rc = contacts_count(o->contacts, &contacts);
	if (rc == CX_OK && o->surveys)
		rc = respondents_read(o->surveys, &answered);
	if (rc == CX_OK && S->n == 0) {
		msg_at(path, 0, "no conversations");
		rc = CX_EINPUT;
	}
	if (rc == CX_OK)
		*doc = document(o, S, contacts, o->surveys ? &answered : NULL);
	strmap_release(&answered);
	scan_free(S);
	return rc;
}
