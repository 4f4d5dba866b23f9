/* The query language's parser: recursive descent over the tokens of
 * query.h's grammar (query_plan.c then decides which terms set it off). */
#include "listen/query.h"
#include "listen/words.h"
#include "base/mem.h"
#include <stdlib.h>
#include <string.h>

enum tok { T_END, T_WORD, T_QUOTE, T_OPEN, T_CLOSE, T_OR, T_AND, T_NOT, T_NEAR,
	   T_BEFORE, T_AFTER, T_BAD };

struct parser {
	const char *src, *p;
	struct terms *ts;
	struct query *q;
	struct words w;        /* a word's text split as turns are */
	const char *err;
	size_t at;
	int depth;
	/* the token just read */
	enum tok tok;
	const char *tstart;
	size_t tlen;
	uint32_t window;
};

static int fail(struct parser *P, const char *at, const char *err)
{
	if (!P->err) {
		P->err = err;
		P->at = (size_t)(at - P->src);
	}
	return -1;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int ends_word(char c)
{
	return c == '\0' || is_space(c) || c == '(' || c == ')' || c == '|' || c == '"';
}

/* An operator in capitals, "NEAR/5" with its window. */
static enum tok keyword(struct parser *P, const char *s, size_t n)
{
	static const struct { const char *name; enum tok tok; int window; } ops[] = {
		{ "OR", T_OR, 0 }, { "AND", T_AND, 0 }, { "NOT", T_NOT, 0 },
		{ "NEAR/", T_NEAR, 1 }, { "BEFORE/", T_BEFORE, 1 },
		{ "AFTER/", T_AFTER, 1 } };
	size_t i, k;

	for (i = 0; i < sizeof ops / sizeof *ops; i++) {
		k = strlen(ops[i].name);
		if (!ops[i].window && n == k && memcmp(s, ops[i].name, k) == 0)
			return ops[i].tok;
		if (ops[i].window && n > k && memcmp(s, ops[i].name, k) == 0) {
			unsigned long v = 0;
			size_t j;
			for (j = k; j < n && s[j] >= '0' && s[j] <= '9' && v <= QUERY_MAX_WINDOW; j++)
				v = v * 10 + (unsigned long)(s[j] - '0');
			if (j < n || v < 1 || v > QUERY_MAX_WINDOW)
				return T_BAD;
			P->window = (uint32_t)v;
			return ops[i].tok;
		}
	}
	return T_WORD;
}

static void next(struct parser *P)
{
	const char *s;

	while (is_space(*P->p))
		P->p++;
	P->tstart = s = P->p;
	switch (*s) {
	case '\0': P->tok = T_END; P->tlen = 0; return;
	case '(': P->tok = T_OPEN; break;
	case ')': P->tok = T_CLOSE; break;
	case '|': P->tok = T_OR; break;
	case '"':
		P->tok = T_QUOTE;
		s = strchr(s + 1, '"');
		if (!s) {
			P->tok = T_BAD;
			s = P->tstart + strlen(P->tstart) - 1;
		}
		break;
	default:
		while (!ends_word(s[1]))
			s++;
		P->tok = keyword(P, P->tstart, (size_t)(s - P->tstart) + 1);
	}
	P->tlen = (size_t)(s - P->tstart) + 1;
	P->p = s + 1;
}

static uint32_t node(struct parser *P, enum qkind kind, uint32_t a, uint32_t b)
{
	struct qnode *n;

	xgrow((void **)&P->q->nodes, &P->q->cap, P->q->n, sizeof *P->q->nodes);
	n = &P->q->nodes[P->q->n];
	memset(n, 0, sizeof *n);
	n->kind = kind;
	n->a = a;
	n->b = b;
	return (uint32_t)P->q->n++;
}

static uint32_t term(struct parser *P, const char *word, size_t len, int stem)
{
	struct terms *ts = P->ts;
	/* " word " (a whole word) or " word" (a stem): built by hand, as a
	 * thousand queries hold a quarter of a million words */
	char *pattern = xmalloc(len + 3);
	size_t t;
	uint32_t n;

	pattern[0] = ' ';
	memcpy(pattern + 1, word, len);
	pattern[len + 1] = stem ? '\0' : ' ';
	pattern[len + 2] = '\0';
	if (strmap_add(&ts->index, pattern, ts->n, &t)) {
		if (ts->n == ts->cap) {
			ts->cap = ts->cap ? ts->cap * 2 : 64;
			ts->pattern = xrealloc(ts->pattern, ts->cap * sizeof *ts->pattern);
			ts->len = xrealloc(ts->len, ts->cap * sizeof *ts->len);
			ts->weight = xrealloc(ts->weight, ts->cap * sizeof *ts->weight);
		}
		ts->pattern[ts->n] = pattern;
		ts->len[ts->n] = strlen(pattern);
		ts->weight[ts->n] = terms_prior(ts->len[ts->n]);
		ts->n++;
	} else {
		free(pattern);
	}
	n = node(P, Q_TERM, 0, 0);
	P->q->nodes[n].term = (uint32_t)t;
	return n;
}

/* The letters of the word at s (up to its space). */
static size_t letters(const char *s)
{
	size_t n = 0;
	for (; *s && *s != ' '; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* The words of text (a word token or a quote's inside), as a row; a word
 * ending in '*' is a stem. */
static int words_row(struct parser *P, const char *text, size_t len, uint32_t *out)
{
	size_t i, k = 0, from = 0;
	int have = 0;

	for (i = 0; i <= len; i++) {
		int stem, end = i == len || is_space(text[i]);
		uint32_t n;
		if (!end)
			continue;
		if (i == from + 1 && text[from] == '#') {
			n = term(P, "#", 1, 0); /* QUERY_NUMBER */
			*out = have ? node(P, Q_ROW, *out, n) : n;
			have = 1;
		} else if (i > from) {
			stem = text[i - 1] == '*';
			if (memchr(text + from, '*', i - from - (size_t)stem))
				return fail(P, text + from, "'*' may only end a word");
			words_split(&P->w, text + from, i - from - (size_t)stem);
			if (P->w.n == 0 || (stem && P->w.to[P->w.n - 1] != i - from - 1))
				return fail(P, text + from, stem ? "'*' must follow a letter" :
					    "not a word (letters or digits)");
			if (stem && letters(P->w.norm + P->w.at[P->w.n - 1]) < QUERY_MIN_STEM)
				return fail(P, text + from, "a stem needs at least 3 letters "
					    "before '*'");
			for (k = 0; k < P->w.n; k++) {
				const char *wd = P->w.norm + P->w.at[k];
				n = term(P, wd, (size_t)(strchr(wd, ' ') - wd),
					 stem && k + 1 == P->w.n);
				*out = have ? node(P, Q_ROW, *out, n) : n;
				have = 1;
			}
		}
		from = i + 1;
	}
	return have ? 0 : fail(P, text, "an empty quote");
}

static int parse_or(struct parser *P, uint32_t *out);

static int atom(struct parser *P, uint32_t *out)
{
	const char *at = P->tstart;

	if (P->tok == T_WORD || P->tok == T_QUOTE) {
		int quoted = P->tok == T_QUOTE;
		int rc = words_row(P, P->tstart + quoted, P->tlen - 2 * (size_t)quoted, out);
		next(P);
		return rc;
	}
	if (P->tok != T_OPEN)
		return fail(P, at, P->tok == T_END ? "the query ends too early" :
			    P->tok == T_BAD ? "not an operator or word (NEAR/1 to NEAR/50, "
			    "a closed quote)" : "expected a word, a quote or '('");
	if (++P->depth > QUERY_MAX_DEPTH)
		return fail(P, at, "nested too deeply");
	next(P);
	if (parse_or(P, out) < 0)
		return -1;
	if (P->tok != T_CLOSE)
		return fail(P, at, "'(' without its ')'");
	P->depth--;
	next(P);
	return 0;
}

static int starts_atom(enum tok t)
{
	return t == T_WORD || t == T_QUOTE || t == T_OPEN;
}

static int row(struct parser *P, uint32_t *out)
{
	uint32_t b;

	if (atom(P, out) < 0)
		return -1;
	while (starts_atom(P->tok)) {
		if (atom(P, &b) < 0)
			return -1;
		*out = node(P, Q_ROW, *out, b);
	}
	return 0;
}

static int is_window(enum tok t)
{
	return t == T_NEAR || t == T_BEFORE || t == T_AFTER;
}

static enum qkind window_kind(enum tok t, int not)
{
	if (t == T_NEAR)
		return not ? Q_NOT_NEAR : Q_NEAR;
	if (t == T_BEFORE)
		return not ? Q_NOT_BEFORE : Q_BEFORE;
	return not ? Q_NOT_AFTER : Q_AFTER;
}

/* "NOT" then a window: peeks at the token after NOT. */
static int not_window(struct parser *P)
{
	struct parser peek = *P;
	next(&peek);
	if (is_window(peek.tok)) {
		P->window = peek.window;
		return 1;
	}
	return 0;
}

static int windows(struct parser *P, uint32_t *out)
{
	uint32_t b, n;
	enum tok t;
	int not;

	if (row(P, out) < 0)
		return -1;
	while (is_window(P->tok) || (P->tok == T_NOT && not_window(P))) {
		not = P->tok == T_NOT;
		if (not)
			next(P);
		t = P->tok;
		n = P->window;
		next(P);
		if (row(P, &b) < 0)
			return -1;
		*out = node(P, window_kind(t, not), *out, b);
		P->q->nodes[*out].window = n;
	}
	return 0;
}

static int parse_and(struct parser *P, uint32_t *out)
{
	uint32_t b;
	enum qkind k;

	if (windows(P, out) < 0)
		return -1;
	while (P->tok == T_AND || P->tok == T_NOT) {
		k = P->tok == T_AND ? Q_AND : Q_WITHOUT;
		next(P);
		if (windows(P, &b) < 0)
			return -1;
		*out = node(P, k, *out, b);
	}
	return 0;
}

static int is_words(const struct query *q, uint32_t n)
{
	return q->nodes[n].kind == Q_TERM || q->nodes[n].kind == Q_SET;
}

static void set_add(struct query *q, const struct qnode *x)
{
	uint32_t i;

	if (x->kind == Q_TERM) {
		xgrow((void **)&q->set, &q->set_cap, q->nset, sizeof *q->set);
		q->set[q->nset++] = x->term;
		return;
	}
	for (i = 0; i < x->b; i++) {
		xgrow((void **)&q->set, &q->set_cap, q->nset, sizeof *q->set);
		q->set[q->nset++] = q->set[x->a + i];
	}
}

/* An OR of words is one node that looks each word up, not a tree of
 * ORs that copies spans up and down for every alternative. */
static uint32_t either(struct parser *P, uint32_t a, uint32_t b)
{
	struct query *q = P->q;
	uint32_t n, at;
	struct qnode x, y;

	if (!is_words(q, a) || !is_words(q, b))
		return node(P, Q_OR, a, b);
	x = q->nodes[a];
	y = q->nodes[b];
	at = (uint32_t)q->nset;
	set_add(q, &x);
	set_add(q, &y);
	n = node(P, Q_SET, at, (uint32_t)q->nset - at);
	return n;
}

static int parse_or(struct parser *P, uint32_t *out)
{
	uint32_t b;

	if (parse_and(P, out) < 0)
		return -1;
	while (P->tok == T_OR) {
		next(P);
		if (parse_and(P, &b) < 0)
			return -1;
		*out = either(P, *out, b);
	}
	return 0;
}

int query_parse(const char *src, struct terms *ts, struct query *q, const char **err,
		size_t *at)
{
	struct parser P;
	uint32_t root = 0;
	int rc;

	memset(&P, 0, sizeof P);
	memset(q, 0, sizeof *q);
	P.src = P.p = src;
	P.ts = ts;
	P.q = q;
	next(&P);
	rc = parse_or(&P, &root);
	if (rc == 0 && P.tok != T_END)
		rc = fail(&P, P.tstart, P.tok == T_CLOSE ? "')' without its '('" :
			  "an operator without its second operand");
	words_release(&P.w);
	if (rc < 0) {
		*err = P.err;
		*at = P.at;
		query_release(q);
		return -1;
	}
	q->root = root;
	query_plan(q, ts);
	return 0;
}

void query_release(struct query *q)
{
	free(q->nodes);
	free(q->set);
	free(q->required);
	free(q->trigger);
	free(q->need);
	free(q->need_terms);
	memset(q, 0, sizeof *q);
}

void terms_release(struct terms *ts)
{
	size_t i;
	for (i = 0; i < ts->n; i++)
		free(ts->pattern[i]);
	free(ts->pattern);
	free(ts->len);
	free(ts->weight);
	strmap_release(&ts->index);
	memset(ts, 0, sizeof *ts);
}
