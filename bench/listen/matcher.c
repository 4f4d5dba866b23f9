#include "listen/matcher.h"
#include "base/mem.h"
#include <stdlib.h>
#include <string.h>

/* States near the root get a full 256-entry row (the text spends nearly
 * all its time there); deeper states keep sorted child edges and follow
 * failure links, so thousands of terms cost megabytes, not hundreds. */
#define DENSE_DEPTH 2

struct edge {
	unsigned char byte;
	uint32_t to;
};

struct matcher {
	struct edge *edges;   /* each state's children, sorted by byte */
	uint32_t *first_edge, *nedges, *fail, *depth;
	int32_t *row;         /* dense row of a state, or -1 */
	uint32_t *dense;      /* nrows x 256 full transitions */
	uint32_t *first, *count, *out; /* outputs, own then the suffixes' */
	size_t nstates;
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

static uint32_t child(const struct matcher *m, uint32_t s, unsigned char c)
{
	const struct edge *e = m->edges + m->first_edge[s];
	size_t lo = 0, hi = m->nedges[s];
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (e[mid].byte < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < m->nedges[s] && e[lo].byte == c ? e[lo].to : 0;
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

/* The trie as sorted edge lists, built from the patterns in sorted order:
 * each shares its common prefix with the one before, so the path of the
 * previous pattern is all the state needed.  ends[i]: where pattern i
 * ends. */
static void build_trie(struct matcher *m, const char *const *pat, const size_t *lens,
		       size_t n, uint32_t *ends)
{
	size_t *order = xcalloc(n ? n : 1, sizeof *order), cap = 0, ne = 0, i, k, e;
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
	m->edges = xcalloc(ne ? ne : 1, sizeof *m->edges);
	m->first_edge = xcalloc(m->nstates, sizeof *m->first_edge);
	m->nedges = xcalloc(m->nstates, sizeof *m->nedges);
	for (e = 0; e < ne; e++) {
		if (!m->nedges[t[e].from])
			m->first_edge[t[e].from] = (uint32_t)e;
		m->nedges[t[e].from]++;
		m->edges[e].byte = t[e].byte;
		m->edges[e].to = t[e].to;
	}
	free(t);
}

/* The transition from s on c: a dense row, or the child, or the same
 * from the failure state. */
static uint32_t step(const struct matcher *m, uint32_t s, unsigned char c)
{
	uint32_t to;
	for (;;) {
		if (m->row[s] >= 0)
			return m->dense[(size_t)m->row[s] * 256 + c];
		to = child(m, s, c);
		if (to)
			return to;
		s = m->fail[s];
	}
}

/* Breadth-first: depth, failure links, dense rows for shallow states,
 * and outputs (own, then the failure state's, complete by BFS order). */
static void link(struct matcher *m, const uint32_t *ends, size_t npat)
{
	uint32_t *queue = xcalloc(m->nstates, sizeof *queue), *own_n, *own;
	size_t head = 0, tail = 1, i, total = 0, rows = 0;
	unsigned c;

	m->fail = xcalloc(m->nstates, sizeof *m->fail);
	m->depth = xcalloc(m->nstates, sizeof *m->depth);
	m->row = xcalloc(m->nstates, sizeof *m->row);
	for (i = 0; i < m->nstates; i++)
		m->row[i] = -1;
	queue[0] = 0;
	while (head < tail) {
		uint32_t s = queue[head++];
		const struct edge *e = m->edges + m->first_edge[s];
		for (i = 0; i < m->nedges[s]; i++) {
			uint32_t t = e[i].to;
			m->depth[t] = m->depth[s] + 1;
			m->fail[t] = s == 0 ? 0 : step(m, m->fail[s], e[i].byte);
			queue[tail++] = t;
		}
		/* a dense row once its failure state's row exists (BFS) */
		if (m->depth[s] <= DENSE_DEPTH) {
			m->dense = xrealloc(m->dense, (rows + 1) * 256 * sizeof *m->dense);
			for (c = 0; c < 256; c++) {
				uint32_t to = child(m, s, (unsigned char)c);
				m->dense[rows * 256 + c] = to ? to : s == 0 ? 0 :
					step(m, m->fail[s], (unsigned char)c);
			}
			m->row[s] = (int32_t)rows++;
		}
	}
	own_n = xcalloc(m->nstates, sizeof *own_n);
	for (i = 0; i < npat; i++)
		own_n[ends[i]]++;
	m->first = xcalloc(m->nstates, sizeof *m->first);
	m->count = xcalloc(m->nstates, sizeof *m->count);
	for (i = 0; i < tail; i++)
		m->count[queue[i]] = own_n[queue[i]] + (queue[i] ? m->count[m->fail[queue[i]]] : 0);
	for (i = 0; i < m->nstates; i++) {
		m->first[i] = (uint32_t)total;
		total += m->count[i];
	}
	m->out = xcalloc(total ? total : 1, sizeof *m->out);
	own = xcalloc(m->nstates, sizeof *own);
	for (i = 0; i < npat; i++)
		m->out[m->first[ends[i]] + own[ends[i]]++] = (uint32_t)i;
	for (i = 1; i < tail; i++) {
		uint32_t s = queue[i], f = m->fail[s];
		memcpy(&m->out[m->first[s] + own_n[s]], &m->out[m->first[f]],
		       m->count[f] * sizeof *m->out);
	}
	free(own);
	free(own_n);
	free(queue);
}

struct matcher *matcher_new(const char *const *patterns, const size_t *lens, size_t n)
{
	struct matcher *m = xcalloc(1, sizeof *m);
	uint32_t *ends = xcalloc(n ? n : 1, sizeof *ends);

	build_trie(m, patterns, lens, n, ends);
	link(m, ends, n);
	free(ends);
	return m;
}

void matcher_free(struct matcher *m)
{
	if (!m)
		return;
	free(m->edges);
	free(m->first_edge);
	free(m->nedges);
	free(m->fail);
	free(m->depth);
	free(m->row);
	free(m->dense);
	free(m->first);
	free(m->count);
	free(m->out);
	free(m);
}

void matcher_scan(const struct matcher *m, const char *text, size_t len,
		  int (*found)(size_t pattern, size_t end, void *arg), void *arg)
{
	const unsigned char *p = (const unsigned char *)text;
	uint32_t s = 0, k;
	size_t i;

	for (i = 0; i < len; i++) {
		s = step(m, s, p[i]);
		for (k = 0; k < m->count[s]; k++)
			if (found(m->out[m->first[s] + k], i + 1, arg))
				return;
	}
}
