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
	size_t n, cap;
	struct strmap index; /* pattern -> term */
};

enum qkind {
	Q_TERM, Q_ROW, Q_OR, Q_AND, Q_WITHOUT, Q_NEAR, Q_BEFORE, Q_AFTER,
	Q_NOT_NEAR, Q_NOT_BEFORE, Q_NOT_AFTER
};

struct qnode {
	enum qkind kind;
	uint32_t a, b;   /* the operands' nodes (not for Q_TERM) */
	uint32_t term;   /* Q_TERM */
	uint32_t window; /* the windows' n */
};

struct query {
	struct qnode *nodes;
	size_t n, cap;
	uint32_t root;
	/* terms at least one of which every match holds: the query is only
	 * evaluated in a turn where one of them was found */
	uint32_t *trigger;
	size_t ntrigger;
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

/* 1 when the query matches the turn, with *first its first match (the
 * one starting earliest); 0 when not. */
int query_match(const struct query *q, struct turn_hits *h, struct span *first);
#endif
