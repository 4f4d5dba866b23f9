/* query: the category queries of the lexicons (README, "Queries"): the
 * language, parsed into a small tree, and its evaluation over the words
 * of one turn (words.h).
 *
 *   word      that word           cancel*   any word starting "cancel"
 *   #         any number (a word of digits)
 *   a b c     the words in a row   (a | b)   either (also OR)
 *   "a b"     the same as a b, quoted
 *   A NEAR/n B     A and B within n words of each other, either order
 *   A BEFORE/n B   B starts within the n words after A
 *   A AFTER/n B    B ends within the n words before A
 *   A NOT NEAR/n B, A NOT BEFORE/n B, A NOT AFTER/n B
 *                  A where there is no such B
 *   A AND B        both in the turn      A NOT B   A in a turn without B
 *
 * Loosest first: | and OR; AND and NOT; the windows; a row of words.
 * Terms are held once for all queries (struct terms) as the patterns the
 * matcher looks for in words.h's text: " word " for a word, " stem" for
 * a stem.  Inside the listen folder only.  A query and a terms set are
 * owned by whoever made them (query_release(), terms_release()). */
#ifndef CX_QUERY_H
#define CX_QUERY_H
#include <stddef.h>
#include <stdint.h>
#include "base/strmap.h"

struct terms {
	char **pattern;      /* " word " or " stem", folded */
	size_t *len;
	double *weight;      /* how often it is expected in a turn: a guess by
			      * its length, or counted (query_plan.c) */
	size_t n, cap;
	struct strmap index; /* pattern -> term */
};

enum qkind {
	Q_TERM, Q_SET, Q_ROW, Q_OR, Q_AND, Q_WITHOUT, Q_NEAR, Q_BEFORE, Q_AFTER,
	Q_NOT_NEAR, Q_NOT_BEFORE, Q_NOT_AFTER
};

struct qnode {
	enum qkind kind;
	uint32_t a, b;   /* the operands' nodes; Q_SET: its terms, set[a .. a + b) */
	uint32_t term;   /* Q_TERM */
	uint32_t window; /* the windows' n */
	/* the terms every match of the node holds, rarest first
	 * (required[req .. req + nreq)): where one is missing from the turn,
	 * the node is not evaluated */
	uint32_t req, nreq;
};

struct query {
	struct qnode *nodes;
	size_t n, cap;
	uint32_t root;
	uint32_t *set;   /* the terms of Q_SET nodes (an OR of words) */
	size_t nset, set_cap;
	uint32_t *required; /* the nodes' required terms */
	size_t nrequired, required_cap;
	/* terms at least one of which every match holds: the query is only
	 * queued in a turn where one of them was found */
	uint32_t *trigger;
	size_t ntrigger;
	/* and groups of terms, each of which must have one found before the
	 * query is evaluated: group i is need_terms[need[i] .. need[i + 1]) */
	uint32_t *need, *need_terms;
	size_t nneed;
};

#define QUERY_MAX_WINDOW 50
#define QUERY_MAX_DEPTH 40
/* The term of "#": a pattern no text holds ('#' only separates words);
 * the scan finds it itself, at every word of digits. */
#define QUERY_NUMBER " # "
#define QUERY_MIN_STEM 3 /* letters before a '*': shorter would match most words */

/* Parses src into q, adding its terms to ts: 0, or -1 with *err a static
 * description and *at the byte offset in src where it went wrong. */
int query_parse(const char *src, struct terms *ts, struct query *q, const char **err,
		size_t *at);
void query_release(struct query *q);
/* Decides, by the terms' weights, which terms set the query off, which
 * groups are checked before it is evaluated (rarest first), and each
 * node's required terms; again after the weights change. */
void query_plan(struct query *q, const struct terms *ts);
/* The weight of a term never counted: longer words are rarer. */
double terms_prior(size_t pattern_len);
void terms_release(struct terms *ts);

/* ---- evaluation ---- */

struct span {
	uint32_t from, to; /* words, inclusive */
};

/* What one turn holds of the terms: for term t, the words it was found
 * at, in order (term_words()), and scratch room for the spans of a
 * query's nodes.  Reset with turn_hits_reset() before each turn. */
struct turn_hits {
	uint32_t *stamp, *first, *last; /* per term; first/last index occ */
	size_t nterms;
	uint32_t gen;
	struct { uint32_t word, next; } *occ;
	size_t nocc, occ_cap;
	struct span *spans;             /* the nodes' results, stacked */
	size_t nspans, span_cap;
};

void turn_hits_init(struct turn_hits *h, size_t nterms);
void turn_hits_reset(struct turn_hits *h);
/* Term t is at word w (calls come in order of w for each term); 1 when
 * t was not yet found in this turn. */
int turn_hits_add(struct turn_hits *h, uint32_t t, uint32_t w);
int turn_hits_has(const struct turn_hits *h, uint32_t t);
void turn_hits_release(struct turn_hits *h);

/* 0 when the turn lacks every term of one of the query's groups, so
 * that it cannot match. */
int query_possible(const struct query *q, const struct turn_hits *h);
/* 1 when the query matches the turn, with *first its first match (the
 * one starting earliest); 0 when not. */
int query_match(const struct query *q, struct turn_hits *h, struct span *first);
#endif
