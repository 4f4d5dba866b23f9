/* Evaluating a query over one turn: each node's matches are spans of
 * words, computed from its operands' spans, bottom up, on one stack that
 * lives as long as the turn (struct turn_hits). */
#include "listen/query.h"
#include "base/mem.h"
#include <stdlib.h>
#include <string.h>

#define NONE UINT32_MAX

void turn_hits_init(struct turn_hits *h, size_t nterms)
{
	memset(h, 0, sizeof *h);
	h->nterms = nterms;
	h->stamp = xcalloc(nterms ? nterms : 1, sizeof *h->stamp);
	h->first = xcalloc(nterms ? nterms : 1, sizeof *h->first);
	h->last = xcalloc(nterms ? nterms : 1, sizeof *h->last);
	h->gen = 1;
}

void turn_hits_reset(struct turn_hits *h)
{
	if (++h->gen == 0) { /* wrapped: no stamp may look current */
		memset(h->stamp, 0, h->nterms * sizeof *h->stamp);
		h->gen = 1;
	}
	h->nocc = 0;
	h->nspans = 0;
}

int turn_hits_add(struct turn_hits *h, uint32_t t, uint32_t w)
{
	int fresh = h->stamp[t] != h->gen;
	uint32_t i = (uint32_t)h->nocc;

	xgrow((void **)&h->occ, &h->occ_cap, h->nocc, sizeof *h->occ);
	h->occ[i].word = w;
	h->occ[i].next = NONE;
	h->nocc++;
	if (fresh) {
		h->stamp[t] = h->gen;
		h->first[t] = i;
	} else {
		h->occ[h->last[t]].next = i;
	}
	h->last[t] = i;
	return fresh;
}

int turn_hits_has(const struct turn_hits *h, uint32_t t)
{
	return h->stamp[t] == h->gen;
}

void turn_hits_release(struct turn_hits *h)
{
	free(h->stamp);
	free(h->first);
	free(h->last);
	free(h->occ);
	free(h->spans);
	memset(h, 0, sizeof *h);
}

/* ---- the span stack ---- */

static void push(struct turn_hits *h, uint32_t from, uint32_t to)
{
	xgrow((void **)&h->spans, &h->span_cap, h->nspans, sizeof *h->spans);
	h->spans[h->nspans].from = from;
	h->spans[h->nspans].to = to;
	h->nspans++;
}

static int by_position(const void *x, const void *y)
{
	const struct span *a = x, *b = y;
	if (a->from != b->from)
		return a->from < b->from ? -1 : 1;
	return a->to < b->to ? -1 : a->to > b->to;
}

/* Sorts and de-duplicates the n spans at `at`: the new count. */
static size_t tidy(struct turn_hits *h, size_t at, size_t n)
{
	struct span *s;
	size_t i, k = 0;

	if (n == 0)
		return 0;
	s = h->spans + at;
	if (n > 16) {
		qsort(s, n, sizeof *s, by_position);
	} else { /* the usual few: by insertion, without qsort's calls */
		for (i = 1; i < n; i++) {
			struct span x = s[i];
			for (k = i; k > 0 && by_position(&s[k - 1], &x) > 0; k--)
				s[k] = s[k - 1];
			s[k] = x;
		}
		k = 0;
	}
	for (i = 0; i < n; i++)
		if (k == 0 || s[i].from != s[k - 1].from || s[i].to != s[k - 1].to)
			s[k++] = s[i];
	return k;
}

/* A list of spans on the stack: [at, at + n). */
struct list {
	size_t at, n;
};

/* b starts within the n words after a ends (n 1: right after it). */
static int follows(struct span a, struct span b, uint32_t n)
{
	return b.from > a.to && b.from - a.to <= n;
}

static int any_near(const struct turn_hits *h, struct span a, struct list b, enum qkind k,
		    uint32_t n)
{
	size_t j;
	for (j = 0; j < b.n; j++) {
		struct span y = h->spans[b.at + j];
		if (k != Q_NOT_AFTER && follows(a, y, n))
			return 1;
		if (k != Q_NOT_BEFORE && follows(y, a, n))
			return 1;
		if (k == Q_NOT_NEAR && y.from <= a.to && a.from <= y.to)
			return 1;
	}
	return 0;
}

/* The spans of a pair of operands a and b (already on the stack). */
static void pairs(struct turn_hits *h, const struct qnode *x, struct list a, struct list b)
{
	size_t i, j;
	uint32_t n = x->kind == Q_ROW ? 1 : x->window;

	for (i = 0; i < a.n; i++) {
		struct span p = h->spans[a.at + i];
		if (x->kind == Q_NOT_NEAR || x->kind == Q_NOT_BEFORE || x->kind == Q_NOT_AFTER) {
			if (!any_near(h, p, b, x->kind, n))
				push(h, p.from, p.to);
			continue;
		}
		for (j = 0; j < b.n; j++) {
			struct span y = h->spans[b.at + j];
			if (x->kind != Q_AFTER && follows(p, y, n))
				push(h, p.from, y.to);
			else if (x->kind != Q_ROW && x->kind != Q_BEFORE && follows(y, p, n))
				push(h, y.from, p.to);
		}
	}
}

static void copy(struct turn_hits *h, struct list l)
{
	size_t i;
	for (i = 0; i < l.n; i++) {
		struct span s = h->spans[l.at + i];
		push(h, s.from, s.to);
	}
}

/* 0 when a term every match of node x holds is missing from the turn. */
static int possible(const struct query *q, const struct qnode *x,
		    const struct turn_hits *h)
{
	uint32_t i;
	for (i = 0; i < x->nreq; i++)
		if (!turn_hits_has(h, q->required[x->req + i]))
			return 0;
	return 1;
}

static struct list eval(const struct query *q, uint32_t node, struct turn_hits *h);

/* A chain of ORs (the parser builds them leaning left: OR(OR(a, b), c))
 * as one list of alternatives, each tried only where it is possible:
 * most of a long list is skipped without a call. */
static struct list alternatives(const struct query *q, uint32_t node, struct turn_hits *h)
{
	struct list r = { h->nspans, 0 };
	uint32_t at = node, one;

	for (;;) {
		const struct qnode *y = &q->nodes[at];
		one = y->kind == Q_OR ? y->b : at;
		if (possible(q, &q->nodes[one], h))
			(void)eval(q, one, h); /* its spans stay on top of the stack */
		if (y->kind != Q_OR)
			break;
		at = y->a;
	}
	r.n = tidy(h, r.at, h->nspans - r.at);
	h->nspans = r.at + r.n;
	return r;
}

static struct list eval(const struct query *q, uint32_t node, struct turn_hits *h)
{
	const struct qnode *x = &q->nodes[node];
	struct list a = { h->nspans, 0 }, b = { 0, 0 }, r;
	size_t base = h->nspans;
	uint32_t i;

	if (x->kind == Q_TERM || x->kind == Q_SET) {
		uint32_t k, n = x->kind == Q_TERM ? 1 : x->b, present = 0;
		for (k = 0; k < n; k++) {
			uint32_t t = x->kind == Q_TERM ? x->term : q->set[x->a + k];
			if (!turn_hits_has(h, t))
				continue;
			present++;
			for (i = h->first[t]; i != NONE; i = h->occ[i].next)
				push(h, h->occ[i].word, h->occ[i].word);
		}
		a.n = h->nspans - base;
		if (present > 1)
			a.n = tidy(h, base, a.n);
		h->nspans = base + a.n;
		return a;
	}
	if (!possible(q, x, h))
		return a; /* a term each match needs is not in the turn */
	if (x->kind == Q_OR)
		return alternatives(q, node, h);
	a = eval(q, x->a, h);
	if (a.n == 0) { /* nothing on the left: no pair, no negation to look at */
		h->nspans = base;
		return a;
	}
	b = eval(q, x->b, h);
	r.at = h->nspans;
	if (x->kind == Q_AND) {
		if (b.n) {
			copy(h, a);
			copy(h, b);
		}
	} else if (x->kind == Q_WITHOUT) {
		if (!b.n)
			copy(h, a);
	} else {
		pairs(h, x, a, b);
	}
	r.n = tidy(h, r.at, h->nspans - r.at);
	if (r.n)
		memmove(h->spans + base, h->spans + r.at, r.n * sizeof *h->spans);
	h->nspans = base + r.n;
	r.at = base;
	return r;
}

int query_possible(const struct query *q, const struct turn_hits *h)
{
	size_t g;
	uint32_t k;

	for (g = 0; g < q->nneed; g++) {
		for (k = q->need[g]; k < q->need[g + 1]; k++)
			if (turn_hits_has(h, q->need_terms[k]))
				break;
		if (k == q->need[g + 1])
			return 0;
	}
	return 1;
}

int query_match(const struct query *q, struct turn_hits *h, struct span *first)
{
	size_t base = h->nspans;
	struct list r = eval(q, q->root, h);
	int found = r.n > 0;

	if (found)
		*first = h->spans[r.at];
	h->nspans = base;
	return found;
}
