/* Planning a query: which terms set it off, what is checked before it is
 * evaluated, and each node's key.  None of it changes what a query
 * matches, only how often it is tried: a query is queued where a term of
 * its rarest group is found, evaluated only when every group has a term
 * in the turn, and a node is skipped where its key is missing.  Rarity
 * is the terms' weights: a guess by length until counted on the text
 * itself (lexicon_plan()). */
#include "listen/query.h"
#include "base/mem.h"
#include <stdlib.h>
#include <string.h>

#define NONE UINT32_MAX

double terms_prior(size_t pattern_len)
{
	return 1.0 / ((double)pattern_len * (double)pattern_len);
}

/* Terms in the order first added, each once.  Past TSET_LINEAR terms an
 * index finds them (an alternative can hold hundreds of words). */
#define TSET_LINEAR 16
struct tset {
	uint32_t *t;
	size_t n, cap;
	uint32_t *index; /* 1 + a term's place in t, by hash; 0: free */
	size_t index_size;
};

static size_t tset_slot(uint32_t t, size_t size)
{
	return (size_t)(t * 2654435761u) & (size - 1);
}

/* The index's slot of t: where it is, or the free slot it would take. */
static size_t tset_find(const struct tset *s, uint32_t t)
{
	size_t k = tset_slot(t, s->index_size);
	while (s->index[k] && s->t[s->index[k] - 1] != t)
		k = (k + 1) & (s->index_size - 1);
	return k;
}

static void tset_reindex(struct tset *s)
{
	size_t i;

	free(s->index);
	s->index_size = 64;
	while (s->index_size < s->n * 4)
		s->index_size *= 2;
	s->index = xcalloc(s->index_size, sizeof *s->index);
	for (i = 0; i < s->n; i++)
		s->index[tset_find(s, s->t[i])] = (uint32_t)(i + 1);
}

static void tset_add(struct tset *s, uint32_t t)
{
	size_t i;

	if (s->n < TSET_LINEAR) {
		for (i = 0; i < s->n; i++)
			if (s->t[i] == t)
				return;
	} else {
		size_t k;
		if (!s->index || s->n * 2 >= s->index_size)
			tset_reindex(s);
		k = tset_find(s, t);
		if (s->index[k])
			return;
		s->index[k] = (uint32_t)(s->n + 1);
	}
	xgrow((void **)&s->t, &s->cap, s->n, sizeof *s->t);
	s->t[s->n++] = t;
}

static void tset_free(struct tset *s)
{
	free(s->t);
	free(s->index);
}

static double cost(const struct terms *ts, const uint32_t *t, size_t n)
{
	double c = 0;
	size_t i;
	for (i = 0; i < n; i++)
		c += ts->weight[t[i]];
	return c;
}

/* Terms at least one of which every match of node n holds: all of an
 * alternative's, the cheaper side's of a row, window or AND, the left
 * side's of a negation. */
static void trigger(const struct query *q, const struct terms *ts, uint32_t n,
		    struct tset *out)
{
	const struct qnode *x = &q->nodes[n];
	struct tset a = { 0 }, b = { 0 };
	size_t i;
	int both;

	if (x->kind == Q_TERM) {
		tset_add(out, x->term);
		return;
	}
	if (x->kind == Q_SET) {
		for (i = 0; i < x->b; i++)
			tset_add(out, q->set[x->a + i]);
		return;
	}
	both = x->kind == Q_OR || x->kind == Q_ROW || x->kind == Q_AND ||
		x->kind == Q_NEAR || x->kind == Q_BEFORE || x->kind == Q_AFTER;
	trigger(q, ts, x->a, &a);
	if (both)
		trigger(q, ts, x->b, &b);
	if (x->kind == Q_OR || !both || cost(ts, a.t, a.n) <= cost(ts, b.t, b.n))
		for (i = 0; i < a.n; i++)
			tset_add(out, a.t[i]);
	if (x->kind == Q_OR || (both && cost(ts, a.t, a.n) > cost(ts, b.t, b.n)))
		for (i = 0; i < b.n; i++)
			tset_add(out, b.t[i]);
	tset_free(&a);
	tset_free(&b);
}

static void require(struct query *q, uint32_t t)
{
	xgrow((void **)&q->required, &q->required_cap, q->nrequired, sizeof *q->required);
	q->required[q->nrequired++] = t;
}

/* The terms node n needs, appended to q->required (duplicates kept). */
static void required_of(struct query *q, uint32_t n)
{
	const struct qnode *x = &q->nodes[n];

	switch (x->kind) {
	case Q_TERM:
		require(q, x->term);
		return;
	case Q_SET:
		if (x->b == 1)
			require(q, q->set[x->a]);
		return;
	case Q_OR:
		return;
	case Q_WITHOUT: case Q_NOT_NEAR: case Q_NOT_BEFORE: case Q_NOT_AFTER:
		required_of(q, x->a);
		return;
	default:
		required_of(q, x->a);
		required_of(q, x->b);
	}
}

/* Few terms a node: an insertion sort, rarest first. */
static void by_weight(uint32_t *t, size_t n, const struct terms *ts)
{
	size_t i, j;
	for (i = 1; i < n; i++)
		for (j = i; j > 0 && ts->weight[t[j]] < ts->weight[t[j - 1]]; j--) {
			uint32_t x = t[j];
			t[j] = t[j - 1];
			t[j - 1] = x;
		}
}

/* Every node's required terms, rarest first, so that the first missing
 * one is found soonest. */
static void set_required(struct query *q, const struct terms *ts)
{
	size_t n;

	q->nrequired = 0;
	for (n = 0; n < q->n; n++) {
		struct qnode *x = &q->nodes[n];
		x->req = (uint32_t)q->nrequired;
		required_of(q, (uint32_t)n);
		x->nreq = (uint32_t)q->nrequired - x->req;
		by_weight(q->required + x->req, x->nreq, ts);
	}
}

/* The groups every match needs one term of. */
struct group {
	struct tset terms;
	double cost;
};

struct groups {
	struct group *g;
	size_t n, cap;
};

static void needs(const struct query *q, const struct terms *ts, uint32_t n,
		  struct groups *g)
{
	const struct qnode *x = &q->nodes[n];
	struct group *one;

	switch (x->kind) {
	case Q_ROW: case Q_AND: case Q_NEAR: case Q_BEFORE: case Q_AFTER:
		needs(q, ts, x->a, g);
		needs(q, ts, x->b, g);
		return;
	case Q_WITHOUT: case Q_NOT_NEAR: case Q_NOT_BEFORE: case Q_NOT_AFTER:
		needs(q, ts, x->a, g);
		return;
	default:
		xgrow((void **)&g->g, &g->cap, g->n, sizeof *g->g);
		one = &g->g[g->n++];
		memset(one, 0, sizeof *one);
		trigger(q, ts, n, &one->terms);
		one->cost = cost(ts, one->terms.t, one->terms.n);
	}
}

static int by_cost(const void *a, const void *b)
{
	const struct group *x = a, *y = b;
	return x->cost < y->cost ? -1 : x->cost > y->cost;
}

void query_plan(struct query *q, const struct terms *ts)
{
	struct groups g = { NULL, 0, 0 };
	size_t i, total = 0, k = 0;

	free(q->trigger);
	free(q->need);
	free(q->need_terms);
	needs(q, ts, q->root, &g);
	/* stable enough: equal costs keep the query's own order */
	qsort(g.g, g.n, sizeof *g.g, by_cost);
	for (i = 0; i < g.n; i++)
		total += g.g[i].terms.n;
	q->need = xcalloc(g.n + 1, sizeof *q->need);
	q->need_terms = xcalloc(total ? total : 1, sizeof *q->need_terms);
	for (i = 0; i < g.n; i++) {
		q->need[i] = (uint32_t)k;
		memcpy(q->need_terms + k, g.g[i].terms.t, g.g[i].terms.n * sizeof(uint32_t));
		k += g.g[i].terms.n;
	}
	q->need[g.n] = (uint32_t)k;
	q->nneed = g.n;
	/* queued by the rarest group */
	q->ntrigger = g.n ? g.g[0].terms.n : 0;
	q->trigger = xcalloc(q->ntrigger ? q->ntrigger : 1, sizeof *q->trigger);
	if (q->ntrigger)
		memcpy(q->trigger, g.g[0].terms.t, q->ntrigger * sizeof *q->trigger);
	for (i = 0; i < g.n; i++)
		tset_free(&g.g[i].terms);
	free(g.g);
	set_required(q, ts);
}
