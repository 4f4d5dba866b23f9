/* Loading the lexicon files: each signal's queries parsed into one
 * lexicon, then indexed by the terms that set them off. */
#include "listen/lexicon.h"
#include "listen/words.h"
#include "io/input.h"
#include "io/jsonfile.h"
#include "base/mem.h"
#include "base/msg.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const signal_ids[NSIGNALS] = { "human_request", "repeat_yourself",
	"waited", "churn_signal", "privacy_concern", "praise",
	"broken_promise", "passed_around", "bot_frustration" };

static const char *const scope_names[] = { "customer", "agent", "any" };

static int add_query(struct lexicon *lx, const char *file, const char *path,
		     const char *text, enum signal sig, enum scope scope)
{
	struct lquery *q;
	const char *err = NULL;
	size_t at = 0;

	xgrow((void **)&lx->queries, &lx->cap, lx->n, sizeof *lx->queries);
	q = &lx->queries[lx->n];
	if (query_parse(text, &lx->terms, &q->q, &err, &at) < 0) {
		msg_at(file, 0, "%s: %s at character %zu of '%.80s'", path, err, at + 1,
		       text);
		return -1;
	}
	q->text = xstrdup(text);
	q->sig = sig;
	q->scope = scope;
	q->lang = lx->nlangs;
	lx->agent_turns |= scope != SCOPE_CUSTOMER;
	lx->n++;
	return 0;
}

static int scope_of(const char *file, const char *path, const cJSON *sig, enum scope *out)
{
	const cJSON *sp = cJSON_GetObjectItemCaseSensitive(sig, "speaker");
	size_t i;

	*out = SCOPE_CUSTOMER;
	if (!sp)
		return 0;
	for (i = 0; cJSON_IsString(sp) && i < 3; i++)
		if (strcmp(sp->valuestring, scope_names[i]) == 0) {
			*out = (enum scope)i;
			return 0;
		}
	msg_at(file, 0, "%s.speaker: expected \"customer\", \"agent\" or \"any\"", path);
	return -1;
}

/* A signal: {"speaker": ..., "queries": [...]}, or just the list. */
static int load_signal(struct lexicon *lx, const char *file, const cJSON *sig,
		       enum signal s)
{
	const cJSON *list = cJSON_IsArray(sig) ? sig :
		cJSON_GetObjectItemCaseSensitive(sig, "queries"), *item;
	char path[80];
	enum scope scope = SCOPE_CUSTOMER;
	int bad = 0, i = 0;

	snprintf(path, sizeof path, "signals.%s", signal_ids[s]);
	if (cJSON_IsObject(sig) && scope_of(file, path, sig, &scope) < 0)
		return -1;
	if (!cJSON_IsArray(list)) {
		msg_at(file, 0, "%s: expected {\"queries\": [...]} or a list of queries",
		       path);
		return -1;
	}
	cJSON_ArrayForEach(item, list) {
		char at[120];
		snprintf(at, sizeof at, "%s%s[%d]", path, list == sig ? "" : ".queries", i++);
		if (!cJSON_IsString(item)) {
			msg_at(file, 0, "%s: expected a query (a string)", at);
			bad++;
		} else if (add_query(lx, file, at, item->valuestring, s, scope) < 0) {
			bad++;
		}
	}
	return bad ? -1 : 0;
}

static int load_signals(struct lexicon *lx, const char *file, const cJSON *root)
{
	const cJSON *signals = cJSON_GetObjectItemCaseSensitive(root, "signals"), *one;
	size_t s;
	int bad = 0;

	if (!cJSON_IsObject(signals)) {
		msg_at(file, 0, "signals: expected an object of signals");
		return -1;
	}
	cJSON_ArrayForEach(one, signals) {
		for (s = 0; s < NSIGNALS && strcmp(one->string, signal_ids[s]) != 0; s++)
			;
		if (s == NSIGNALS) {
			msg_at(file, 0, "signals.%s: not a signal of `listen`", one->string);
			bad++;
		} else if (load_signal(lx, file, one, (enum signal)s) < 0) {
			bad++;
		}
	}
	return bad ? -1 : 0;
}

/* The queries each term sets off (query.h: their triggers). */
static void index_terms(struct lexicon *lx)
{
	size_t nt = lx->terms.n ? lx->terms.n : 1, i, k, total = 0;
	uint32_t *fill = xcalloc(nt, sizeof *fill);

	free(lx->first);
	free(lx->count);
	free(lx->by_term);
	if (!lx->m)
		lx->m = matcher_new((const char *const *)lx->terms.pattern, lx->terms.len,
				    lx->terms.n);
	lx->number_term = strmap_find(&lx->terms.index, QUERY_NUMBER, &i) ? (long)i : -1;
	lx->first = xcalloc(nt, sizeof *lx->first);
	lx->count = xcalloc(nt, sizeof *lx->count);
	for (i = 0; i < lx->n; i++)
		for (k = 0; k < lx->queries[i].q.ntrigger; k++, total++)
			lx->count[lx->queries[i].q.trigger[k]]++;
	lx->by_term = xcalloc(total ? total : 1, sizeof *lx->by_term);
	for (i = 1; i < lx->terms.n; i++)
		lx->first[i] = lx->first[i - 1] + lx->count[i - 1];
	for (i = 0; i < lx->n; i++)
		for (k = 0; k < lx->queries[i].q.ntrigger; k++) {
			uint32_t t = lx->queries[i].q.trigger[k];
			lx->by_term[lx->first[t] + fill[t]++] = (uint32_t)i;
		}
	free(fill);
}

static int load_text(struct lexicon *lx, const char *name, const char *text, size_t len)
{
	cJSON *root = cJSON_ParseWithLength(text, len);
	int rc = CX_OK;

	if (!cJSON_IsObject(root)) {
		msg_at(name, 0, "not a lexicon (a JSON object with signals)");
		rc = CX_EINPUT;
	} else if (load_signals(lx, name, root) < 0) {
		rc = CX_EINPUT;
	}
	cJSON_Delete(root);
	return rc;
}

/* The turns a language's queries apply to. */
static unsigned lang_bits(const char *lang)
{
	if (strcmp(lang, "en") == 0)
		return 1u << LANG_EN;
	if (strcmp(lang, "uk") == 0)
		return 1u << LANG_UK;
	if (strcmp(lang, "ru") == 0)
		return 1u << LANG_RU;
	return ALL_LANGS;
}

static void set_langs(struct lexicon *lx, size_t from, const char *lang)
{
	for (; from < lx->n; from++)
		lx->queries[from].langs = lang_bits(lang);
	strcpy(lx->langs[lx->nlangs++], lang);
}

static int load_one(struct lexicon *lx, const char *datadir, const char *lang)
{
	char *path = xasprintf("%s/profiles/lexicons/%s.json", datadir, lang);
	struct input in;
	size_t first = lx->n;
	int rc = input_read(path, &in);

	free(path);
	if (rc == CX_OK)
		rc = load_text(lx, in.name, in.data, in.len);
	if (rc == CX_OK)
		set_langs(lx, first, lang);
	input_release(&in);
	return rc;
}

static int is_lang(const char *lang)
{
	return strcmp(lang, "auto") == 0 || strcmp(lang, "en") == 0 ||
		strcmp(lang, "uk") == 0 || strcmp(lang, "ru") == 0;
}

int lexicon_load(const char *datadir, const char *lang, struct lexicon **out)
{
	static const char *const all[] = { "en", "uk", "ru" };
	struct lexicon *lx;
	int rc = CX_OK;
	size_t i;

	*out = NULL;
	if (!is_lang(lang)) {
		msg_error("--lang: '%s' is not auto, en, uk or ru", lang);
		return CX_EUSAGE;
	}
	lx = xcalloc(1, sizeof *lx);
	for (i = 0; rc == CX_OK && i < 3; i++)
		if (strcmp(lang, "auto") == 0 || strcmp(lang, all[i]) == 0)
			rc = load_one(lx, datadir, all[i]);
	if (rc != CX_OK) {
		lexicon_free(lx);
		return rc;
	}
	index_terms(lx);
	*out = lx;
	return CX_OK;
}

int lexicon_from_text(const char *name, const char *lang, const char *text, size_t len,
		      struct lexicon **out)
{
	struct lexicon *lx = xcalloc(1, sizeof *lx);
	int rc = load_text(lx, name, text, len);

	*out = NULL;
	if (rc != CX_OK) {
		lexicon_free(lx);
		return rc;
	}
	set_langs(lx, 0, strlen(lang) < sizeof lx->langs[0] ? lang : "xx");
	index_terms(lx);
	*out = lx;
	return CX_OK;
}

void lexicon_free(struct lexicon *lx)
{
	size_t i;
	if (!lx)
		return;
	for (i = 0; i < lx->n; i++) {
		query_release(&lx->queries[i].q);
		free(lx->queries[i].text);
	}
	free(lx->queries);
	terms_release(&lx->terms);
	matcher_free(lx->m);
	free(lx->first);
	free(lx->count);
	free(lx->by_term);
	free(lx);
}

/* ---- planning on a sample ---- */

static int count_term(size_t term, size_t end, void *arg)
{
	double *counts = arg;
	(void)end;
	counts[term] += 1;
	return 0;
}

void lexicon_plan(struct lexicon *lx, const char *sample, size_t len)
{
	struct words w = { 0 };
	double *counts = xcalloc(lx->terms.n ? lx->terms.n : 1, sizeof *counts);
	size_t at, piece, i;

	for (at = 0; at < len; at += piece) { /* in pieces, as turns are */
		piece = len - at < 65536 ? len - at : 65536;
		words_split(&w, sample + at, piece);
		matcher_scan(lx->m, w.norm, w.len, count_term, counts);
	}
	words_release(&w);
	/* a term seen once weighs more than any never seen, whose length
	 * still tells them apart */
	for (i = 0; i < lx->terms.n; i++)
		lx->terms.weight[i] = counts[i] + terms_prior(lx->terms.len[i]);
	free(counts);
	for (i = 0; i < lx->n; i++)
		query_plan(&lx->queries[i].q, &lx->terms);
	index_terms(lx);
}

void lexicon_print(FILE *f, const struct lexicon *lx)
{
	size_t i;
	for (i = 0; i < lx->n; i++) {
		const struct lquery *q = &lx->queries[i];
		fprintf(f, "%s\t%s\t%s\t%s\n", signal_ids[q->sig], lx->langs[q->lang],
			scope_names[q->scope], q->text);
	}
}
