#include "listen/matcher.h"
#include "base/hash.h"
#include "base/mem.h"
#include <stdlib.h>
#include <string.h>

/* A state with at least this many children gets a dense row: near the
 * root (the first bytes of words) and after a Cyrillic letter's first
 * byte, where a binary search would take most of the time. */
#define DENSE_CHILDREN 8

struct edge {
	unsigned char byte;
	uint32_t to;
};

/* What a step needs of a state, in one place: its children are
 * edges[edge .. edge + nedges), or dense row `row` when it is not -1; the
 * patterns ending there are out[out .. out + nout). */
struct state {
	uint32_t edge, out;
	uint16_t nedges, nout;
	int32_t row;
};

struct matcher {
	struct edge *edges;   /* each state's children, sorted by byte */
	struct state *states;
	uint32_t *dense;      /* nrows x 256 transitions, 0 for none */
	uint32_t *out;
	size_t nstates;
	int one_word; /* no pattern holds a space but its first and last byte */
};

struct tmp_edge {
	uint32_t from, to;
	unsigned char byte;
};

static int by_from_byte(const void *a, const void *b)
{
	const struct tmp_edge *x = a, *y = b;
	if (x->from != y->from)
		return x->from < y->from ? -1 : 1;
	return (int)x->byte - (int)y->byte;
}

static uint32_t child(const struct matcher *m, const struct state *s, unsigned char c)
{
	const struct edge *e = m->edges + s->edge;
	size_t lo = 0, hi = s->nedges;

	if (s->row >= 0)
		return m->dense[(size_t)s->row * 256 + c];
	if (hi <= 4) { /* most states have one child or two */
		for (; lo < hi && e[lo].byte < c; lo++)
			;
		return lo < hi && e[lo].byte == c ? e[lo].to : 0;
	}
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (e[mid].byte < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < s->nedges && e[lo].byte == c ? e[lo].to : 0;
}

static const char *const *sort_pat;
static const size_t *sort_len;

static int by_text(const void *a, const void *b)
{
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	size_t n = sort_len[i] < sort_len[j] ? sort_len[i] : sort_len[j];
	int c = memcmp(sort_pat[i], sort_pat[j], n);
	return c ? c : (sort_len[i] > sort_len[j]) - (sort_len[i] < sort_len[j]);
}

/* The trie's edges, built from the patterns in sorted order: each shares
 * its common prefix with the one before, so the path of the previous
 * pattern is all the state needed.  ends[i]: where pattern i ends. */
static struct tmp_edge *trie_edges(struct matcher *m, const char *const *pat,
				   const size_t *lens, size_t n, uint32_t *ends, size_t *nedges)
{
	size_t *order = xcalloc(n ? n : 1, sizeof *order), cap = 0, ne = 0, i, k;
	size_t longest = 0, prev_len = 0;
	uint32_t *path;
	struct tmp_edge *t = NULL;
	const char *prev = "";

	for (i = 0; i < n; i++) {
		order[i] = i;
		longest = lens[i] > longest ? lens[i] : longest;
	}
	sort_pat = pat;
	sort_len = lens;
	if (n > 1)
		qsort(order, n, sizeof *order, by_text);
	path = xcalloc(longest + 1, sizeof *path);
	m->nstates = 1;
	for (i = 0; i < n; i++) {
		const char *p = pat[order[i]];
		size_t len = lens[order[i]], lcp = 0;
		while (lcp < len && lcp < prev_len && p[lcp] == prev[lcp])
			lcp++;
		for (k = lcp; k < len; k++) {
			xgrow((void **)&t, &cap, ne, sizeof *t);
			t[ne].from = path[k];
			t[ne].byte = (unsigned char)p[k];
			t[ne++].to = (uint32_t)m->nstates;
			path[k + 1] = (uint32_t)m->nstates++;
		}
		ends[order[i]] = path[len];
		prev = p;
		prev_len = len;
	}
	free(path);
	free(order);
	if (ne > 1)
		qsort(t, ne, sizeof *t, by_from_byte);
	*nedges = ne;
	return t;
}

/* Each state's sorted edges, and a dense row where it has many. */
static void lay_out(struct matcher *m, const struct tmp_edge *t, size_t ne)
{
	size_t e, s, rows = 0;

	m->edges = xcalloc(ne ? ne : 1, sizeof *m->edges);
	m->states = xcalloc(m->nstates, sizeof *m->states);
	for (e = 0; e < ne; e++) {
		struct state *x = &m->states[t[e].from];
		if (!x->nedges)
			x->edge = (uint32_t)e;
		x->nedges++; /* at most 256: one edge per byte */
		m->edges[e].byte = t[e].byte;
		m->edges[e].to = t[e].to;
	}
	for (s = 0; s < m->nstates; s++)
		rows += m->states[s].nedges >= DENSE_CHILDREN;
	m->dense = xcalloc(rows ? rows * 256 : 1, sizeof *m->dense);
	for (s = 0, rows = 0; s < m->nstates; s++) {
		struct state *x = &m->states[s];
		x->row = -1;
		if (x->nedges < DENSE_CHILDREN)
			continue;
		for (e = 0; e < x->nedges; e++)
			m->dense[rows * 256 + m->edges[x->edge + e].byte] = m->edges[x->edge + e].to;
		x->row = (int32_t)rows++;
	}
}

/* The patterns ending at each state (a pattern is held once: at most
 * one per state, as they differ). */
static void outputs(struct matcher *m, const uint32_t *ends, size_t npat)
{
	size_t i, total = 0;
	uint32_t *filled = xcalloc(m->nstates, sizeof *filled);

	for (i = 0; i < npat; i++)
		m->states[ends[i]].nout++;
	for (i = 0; i < m->nstates; i++) {
		m->states[i].out = (uint32_t)total;
		total += m->states[i].nout;
	}
	m->out = xcalloc(total ? total : 1, sizeof *m->out);
	for (i = 0; i < npat; i++)
		m->out[m->states[ends[i]].out + filled[ends[i]]++] = (uint32_t)i;
	free(filled);
}

static int one_word(const char *const *patterns, const size_t *lens, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (lens[i] > 2 && memchr(patterns[i] + 1, ' ', lens[i] - 2))
			return 0;
	return 1;
}

struct matcher *matcher_new(const char *const *patterns, const size_t *lens, size_t n)
{
	struct matcher *m = xcalloc(1, sizeof *m);
	uint32_t *ends = xcalloc(n ? n : 1, sizeof *ends);
	size_t ne;
	struct tmp_edge *t = trie_edges(m, patterns, lens, n, ends, &ne);

	lay_out(m, t, ne);
	free(t);
	m->one_word = one_word(patterns, lens, n);
	outputs(m, ends, n);
	free(ends);
	return m;
}

void matcher_free(struct matcher *m)
{
	if (!m)
		return;
	free(m->edges);
	free(m->states);
	free(m->dense);
	free(m->out);
	free(m);
}

/* The patterns found walking from the space at text + at: for each, its
 * id and end; 0 when found stopped the scan. */
static int walk(const struct matcher *m, const unsigned char *p, size_t at, size_t len,
		int (*found)(size_t pattern, size_t end, void *arg), void *arg)
{
	const struct state *x = m->states;
	uint32_t s, k;
	size_t i;

	for (i = at; i < len; i++) {
		s = child(m, x, p[i]);
		if (!s)
			break;
		x = &m->states[s];
		for (k = 0; k < x->nout; k++)
			if (found(m->out[x->out + k], i + 1, arg))
				return 0;
	}
	return 1;
}

void matcher_scan(const struct matcher *m, const char *text, size_t len,
		  int (*found)(size_t pattern, size_t end, void *arg), void *arg)
{
	const unsigned char *p = (const unsigned char *)text;
	const char *space = memchr(text, ' ', len);

	for (; space; space = memchr(space + 1, ' ', len - (size_t)(space + 1 - text)))
		if (!walk(m, p, (size_t)(space - text), len, found, arg))
			return;
}

/* ---- the memo: each word's findings kept under its bytes, in one
 * open-addressing table over two arenas (the words' bytes, their
 * findings), all emptied together when any is full ---- */

#define MEMO_SLOTS 32768         /* at most half of them used */
#define MEMO_KEY_BYTES (1 << 20)
#define MEMO_HITS 65536
#define MEMO_LONGEST 128         /* longer words are walked each time */

struct memo_slot {
	uint64_t hash;
	uint32_t key, len;  /* the word's bytes: keys[key .. key + len); len 0: empty */
	uint32_t hit, nhit; /* its findings: hits[hit .. hit + nhit) */
};

struct memo_hit {
	uint32_t pattern, end; /* end: from the word's space */
};

static void memo_empty(struct matcher_memo *memo)
{
	if (!memo->slots) {
		memo->slots = xcalloc(MEMO_SLOTS, sizeof *memo->slots);
		memo->keys = xmalloc(MEMO_KEY_BYTES);
		memo->hits = xmalloc(MEMO_HITS * sizeof *memo->hits);
		memo->nslots = MEMO_SLOTS;
	} else {
		memset(memo->slots, 0, memo->nslots * sizeof *memo->slots);
	}
	memo->used = memo->nkeys = memo->nhits = 0;
}

void matcher_memo_release(struct matcher_memo *memo)
{
	free(memo->slots);
	free(memo->keys);
	free(memo->hits);
	memset(memo, 0, sizeof *memo);
}

static int collect_hit(size_t pattern, size_t end, void *arg)
{
	struct matcher_memo *memo = arg;

	if (memo->nhits == MEMO_HITS)
		return 1;
	memo->hits[memo->nhits].pattern = (uint32_t)pattern;
	memo->hits[memo->nhits++].end = (uint32_t)end;
	return 0;
}

/* The slot of word w (len bytes): where it is, or the empty slot where it
 * would go. */
static struct memo_slot *slot_for(struct matcher_memo *memo, const char *w, size_t len,
				  uint64_t h)
{
	size_t i = (size_t)h & (memo->nslots - 1);

	while (memo->slots[i].len && (memo->slots[i].hash != h || memo->slots[i].len != len ||
				      memcmp(memo->keys + memo->slots[i].key, w, len) != 0))
		i = (i + 1) & (memo->nslots - 1);
	return &memo->slots[i];
}

/* Word w's findings, walked and kept when it is new; NULL when they
 * cannot be kept (the word is too long, or its findings would not fit in
 * an empty memo). */
static const struct memo_slot *lookup(const struct matcher *m, struct matcher_memo *memo,
				      const char *w, size_t len)
{
	uint64_t h;
	struct memo_slot *s;
	size_t first;

	if (len > MEMO_LONGEST)
		return NULL;
	h = hash64(w, len);
	s = slot_for(memo, w, len, h);
	if (s->len)
		return s;
	if (memo->used * 2 >= memo->nslots || memo->nkeys + len > MEMO_KEY_BYTES ||
	    memo->nhits + len > MEMO_HITS) {
		memo_empty(memo);
		s = slot_for(memo, w, len, h);
	}
	first = memo->nhits;
	if (!walk(m, (const unsigned char *)w, 0, len, collect_hit, memo)) {
		memo_empty(memo);
		return NULL;
	}
	memcpy(memo->keys + memo->nkeys, w, len);
	s->hash = h;
	s->key = (uint32_t)memo->nkeys;
	s->len = (uint32_t)len;
	s->hit = (uint32_t)first;
	s->nhit = (uint32_t)(memo->nhits - first);
	memo->nkeys += len;
	memo->used++;
	return s;
}

void matcher_scan_memo(const struct matcher *m, struct matcher_memo *memo, const char *text,
		       size_t len, int (*found)(size_t pattern, size_t end, void *arg),
		       void *arg)
{
	const char *space = memchr(text, ' ', len), *next;
	const struct memo_slot *s;
	size_t at, word, k;

	if (!m->one_word) { /* a word's findings would not end in it */
		matcher_scan(m, text, len, found, arg);
		return;
	}
	if (!memo->slots)
		memo_empty(memo);
	for (; space; space = next) {
		at = (size_t)(space - text);
		next = memchr(space + 1, ' ', len - at - 1);
		word = next ? (size_t)(next - space) + 1 : len - at; /* with its last space */
		s = lookup(m, memo, space, word);
		if (!s) {
			if (!walk(m, (const unsigned char *)text, at, len, found, arg))
				return;
			continue;
		}
		for (k = 0; k < s->nhit; k++) {
			const struct memo_hit *x = &memo->hits[s->hit + k];
			if (found(x->pattern, at + x->end, arg))
				return;
		}
	}
}
