#include "listen/scan.h"
#include "listen/pool.h"
#include "base/mem.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct scan *scan_new(const struct lexicon *lx, int keep_quotes)
{
	struct scan *S = xcalloc(1, sizeof *S);
	S->lx = lx;
	S->keep_quotes = keep_quotes;
	turn_hits_init(&S->hits, lx->terms.n);
	S->qstamp = xcalloc(lx->n ? lx->n : 1, sizeof *S->qstamp);
	S->queued = xcalloc(lx->n ? lx->n : 1, sizeof *S->queued);
	return S;
}


static void convo_release(struct convo *c)
{
	size_t s;
	free(c->id);
	free(c->customer);
	free(c->channel);
	for (s = 0; c->quotes && s < NSIGNALS; s++) {
		free(c->quotes[s].words);
		free(c->quotes[s].context);
	}
	free(c->quotes);
}

void scan_free(struct scan *S)
{
	size_t i, k;

	if (!S)
		return;
	scan_finish(S);
	for (i = 0; i < S->n; i++)
		convo_release(&S->convos[i]);
	for (i = 0; i < NSIGNALS; i++)
		for (k = 0; k < S->nexamples[i]; k++)
			free(S->examples[i][k]);
	for (i = 0; i < S->nperiods; i++)
		free(S->period_names[i]);
	free(S->period_names);
	strmap_release(&S->periods);
	free(S->convos);
	strmap_release(&S->ids);
	words_release(&S->w);
	matcher_memo_release(&S->memo);
	turn_hits_release(&S->hits);
	free(S->qstamp);
	free(S->queued);
	free(S);
}

static uint32_t period_of(struct scan *S, const char *period)
{
	size_t i;

	if (!period || !*period)
		return NO_PERIOD;
	if (strmap_add(&S->periods, period, S->nperiods, &i)) {
		xgrow((void **)&S->period_names, &S->periods_cap, S->nperiods,
		      sizeof *S->period_names);
		S->period_names[S->nperiods++] = xstrdup(period);
	}
	return (uint32_t)i;
}

/* The conversation of contact id, new when the id is. */
static struct convo *convo_of(struct scan *S, const struct turn *t)
{
	size_t i;
	struct convo *c;

	if (!strmap_add(&S->ids, t->contact, S->n, &i))
		return &S->convos[i];
	xgrow((void **)&S->convos, &S->cap, S->n, sizeof *S->convos);
	c = &S->convos[S->n++];
	memset(c, 0, sizeof *c);
	c->first = t->seq;
	c->id = xstrdup(t->contact);
	c->customer = xstrdup(t->customer ? t->customer : "");
	c->channel = xstrdup(t->channel && *t->channel ? t->channel : "(none)");
	c->period = period_of(S, t->period);
	return c;
}

/* ---- matching ---- */

static int is_customer(const char *speaker)
{
	static const char *const who[] = { "customer", "client", "caller", "user",
		"клієнт", "клиент", NULL };
	size_t i;
	for (i = 0; speaker && who[i]; i++)
		if (strcasecmp(speaker, who[i]) == 0)
			return 1;
	return 0;
}

/* Term t at word w: noted, and the queries it can set off queued (once a
 * turn each). */
static void found(struct scan *S, uint32_t t, uint32_t w)
{
	const struct lexicon *lx = S->lx;
	uint32_t q;
	size_t k;

	if (!turn_hits_add(&S->hits, t, w))
		return;
	for (k = 0; k < lx->count[t]; k++) {
		q = lx->by_term[lx->first[t] + k];
		if (S->qstamp[q] != S->hits.gen) {
			S->qstamp[q] = S->hits.gen;
			S->queued[S->nqueued++] = q;
		}
	}
}

static int on_term(size_t term, size_t end, void *arg)
{
	struct scan *S = arg;
	size_t start = end - S->lx->terms.len[term];

	found(S, (uint32_t)term, (uint32_t)words_after(&S->w, start));
	return 0;
}

/* "#": every word of digits. */
static void numbers(struct scan *S)
{
	size_t i;
	const char *p;

	for (i = 0; i < S->w.n; i++) {
		for (p = S->w.norm + S->w.at[i]; *p >= '0' && *p <= '9'; p++)
			;
		if (*p == ' ')
			found(S, (uint32_t)S->lx->number_term, (uint32_t)i);
	}
}

static int by_index(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

static void matched(struct scan *S, struct convo *c, enum signal sig, const struct turn *t,
		    struct span m)
{
	size_t at = S->w.from[m.from], len = S->w.to[m.to] - at;

	c->signals |= 1u << sig;
	if (S->nexamples[sig] < LISTEN_EXAMPLES) {
		S->example_at[sig][S->nexamples[sig]] = t->seq;
		S->examples[sig][S->nexamples[sig]++] = quote_new(t->text, t->len, at, len);
	}
	if (S->keep_quotes) {
		if (!c->quotes)
			c->quotes = xcalloc(NSIGNALS, sizeof *c->quotes);
		c->quotes[sig].words = quote_words(t->text, at, len);
		c->quotes[sig].context = quote_new(t->text, t->len, at, len);
	}
}

/* The queued queries, in lexicon order, so that the first match is the
 * same whatever order the terms were found in. */
static void evaluate(struct scan *S, struct convo *c, const struct turn *t, int customer,
		     unsigned langs)
{
	const struct lexicon *lx = S->lx;
	struct span first;
	size_t i;

	if (S->nqueued > 16) {
		qsort(S->queued, S->nqueued, sizeof *S->queued, by_index);
	} else { /* the usual few: by insertion */
		for (i = 1; i < S->nqueued; i++) {
			uint32_t x = S->queued[i];
			size_t k = i;
			for (; k > 0 && S->queued[k - 1] > x; k--)
				S->queued[k] = S->queued[k - 1];
			S->queued[k] = x;
		}
	}
	for (i = 0; i < S->nqueued; i++) {
		const struct lquery *q = &lx->queries[S->queued[i]];
		if (c->signals >> q->sig & 1 || !(q->langs & langs))
			continue;
		if (q->scope != SCOPE_ANY && (q->scope == SCOPE_CUSTOMER) != customer)
			continue;
		if (query_possible(&q->q, &S->hits) && query_match(&q->q, &S->hits, &first))
			matched(S, c, q->sig, t, first);
	}
}

static void count_letters(struct letters *c, const unsigned char *s, size_t len)
{
	size_t i;
	for (i = 0; i < len; i++) {
		if (s[i] < 0x80) {
			c->latin += isalpha(s[i]) != 0;
		} else if ((s[i] == 0xD0 || s[i] == 0xD1 || s[i] == 0xD2) && i + 1 < len) {
			unsigned code = ((s[i] & 0x1F) << 6) | (s[i + 1] & 0x3F);
			c->cyr++;
			c->uk += code == 0x456 || code == 0x457 || code == 0x454 || code == 0x491;
			c->ru += code == 0x44B || code == 0x44D || code == 0x44A || code == 0x451;
			i++;
		}
	}
}

enum lang_guess convo_language(const struct convo *c)
{
	if (c->seen.cyr <= c->seen.latin)
		return LANG_EN;
	return c->seen.uk > c->seen.ru ? LANG_UK : LANG_RU;
}

/* The languages whose queries apply to text with these letters: English
 * where a good part is Latin, Ukrainian and Russian where a good part is
 * Cyrillic, unless only the other one's own letters are there. */
static unsigned langs_of(const struct letters *l)
{
	uint32_t all = l->latin + l->cyr;
	unsigned m = 0;

	if (all == 0)
		return ALL_LANGS;
	if (l->latin * 10 >= all * 3)
		m |= 1u << LANG_EN;
	if (l->cyr * 10 >= all * 3) {
		if (l->uk || !l->ru)
			m |= 1u << LANG_UK;
		if (l->ru || !l->uk)
			m |= 1u << LANG_RU;
	}
	return m;
}

void scan_turn(struct scan *S, const struct turn *t)
{
	struct turn one = *t;
	struct convo *c;
	int customer;
	struct letters l;

	one.seq = t->seq ? t->seq : ++S->seq;
	t = &one;
	if (S->pool) {
		pool_turn(S->pool, t, one.seq);
		return;
	}
	c = convo_of(S, t);
	customer = is_customer(t->speaker);

	S->turns++;
	if (!customer && !S->lx->agent_turns)
		return;
	S->customer_turns += customer;
	words_split(&S->w, t->text, t->len);
	l = c->seen; /* the conversation so far, and this turn */
	count_letters(customer ? &c->seen : &l, (const unsigned char *)S->w.norm, S->w.len);
	turn_hits_reset(&S->hits);
	S->nqueued = 0;
	matcher_scan_memo(S->lx->m, &S->memo, S->w.norm, S->w.len, on_term, S);
	if (S->lx->number_term >= 0)
		numbers(S);
	if (S->nqueued)
		evaluate(S, c, t, customer, langs_of(customer ? &c->seen : &l));
}

/* ---- threads ---- */

void scan_parallel(struct scan *S, int threads)
{
	/* the reader is light: a worker per core keeps every core busy */
	if (threads > 1 && !S->pool)
		S->pool = pool_start(S->lx, S->keep_quotes, threads);
}

void scan_finish(struct scan *S)
{
	if (S->pool)
		pool_finish(S->pool, S);
	S->pool = NULL;
}

static int by_first(const void *a, const void *b)
{
	const struct convo *x = *(struct convo *const *)a, *y = *(struct convo *const *)b;
	return x->first < y->first ? -1 : x->first > y->first;
}

/* The conversations of the parts, by their first turns, moved into S. */
static void gather_convos(struct scan *S, struct scan **parts, size_t n)
{
	struct convo **all, *out;
	size_t total = S->n, i, k, at = 0;

	for (i = 0; i < n; i++) {
		total += parts[i]->n;
		for (k = 0; k < parts[i]->n; k++) { /* periods as S numbers them */
			struct convo *c = &parts[i]->convos[k];
			if (c->period != NO_PERIOD)
				c->period = period_of(S, parts[i]->period_names[c->period]);
		}
	}
	all = xcalloc(total ? total : 1, sizeof(struct convo *));
	for (k = 0; k < S->n; k++)
		all[at++] = &S->convos[k];
	for (i = 0; i < n; i++)
		for (k = 0; k < parts[i]->n; k++)
			all[at++] = &parts[i]->convos[k];
	qsort(all, total, sizeof(struct convo *), by_first);
	out = xcalloc(total ? total : 1, sizeof *out);
	for (k = 0; k < total; k++)
		out[k] = *all[k];
	free(S->convos);
	S->convos = out;
	S->n = S->cap = total;
	for (i = 0; i < n; i++)
		parts[i]->n = 0; /* their strings are S's now */
	free(all);
}

/* Each signal's first examples over all parts. */
static void gather_examples(struct scan *S, struct scan **parts, size_t n)
{
	size_t s, i, k;

	for (s = 0; s < NSIGNALS; s++)
		for (i = 0; i < n; i++)
			for (k = 0; k < parts[i]->nexamples[s]; k++) {
				uint64_t at = parts[i]->example_at[s][k];
				char *q = parts[i]->examples[s][k];
				size_t j = S->nexamples[s];
				parts[i]->examples[s][k] = NULL;
				if (j == LISTEN_EXAMPLES && at > S->example_at[s][j - 1]) {
					free(q);
					continue;
				}
				if (j == LISTEN_EXAMPLES)
					free(S->examples[s][--j]);
				for (; j > 0 && S->example_at[s][j - 1] > at; j--) {
					S->examples[s][j] = S->examples[s][j - 1];
					S->example_at[s][j] = S->example_at[s][j - 1];
				}
				S->examples[s][j] = q;
				S->example_at[s][j] = at;
				if (S->nexamples[s] < LISTEN_EXAMPLES)
					S->nexamples[s]++;
			}
}

void scan_gather(struct scan *S, struct scan **parts, size_t n)
{
	size_t i;

	gather_convos(S, parts, n);
	gather_examples(S, parts, n);
	for (i = 0; i < n; i++) {
		S->turns += parts[i]->turns;
		S->customer_turns += parts[i]->customer_turns;
	}
	/* the id map is left as it was: no turn comes after a gather */
}
