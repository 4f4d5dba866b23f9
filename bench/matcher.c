#include "matcher.h"
#include "mem.h"
#include <stdlib.h>
#include <string.h>

struct matcher {
	uint32_t *next;   /* nstates x 256 transitions */
	uint32_t *fail;
	uint32_t *first;  /* per state: start of its outputs in out[], */
	uint32_t *count;  /* and how many (its own and its suffixes') */
	uint32_t *out;
	size_t nstates;
};

static uint32_t new_state(uint32_t **next, size_t *cap, size_t *n)
{
	if (*n >= *cap) {
		size_t old = *cap;
		*cap = *cap ? *cap * 2 : 256;
		*next = xrealloc(*next, *cap * 256 * sizeof **next);
		memset(*next + old * 256, 0, (*cap - old) * 256 * sizeof **next);
	}
	return (uint32_t)(*n)++;
}

/* The trie: next[] holds children (0 = none: the root is never a child). */
static uint32_t *build_trie(const char *const *pat, const size_t *lens, size_t n,
			    uint32_t **ends, size_t *nstates)
{
	uint32_t *next = NULL;
	size_t cap = 0, i, k;

	*nstates = 0;
	new_state(&next, &cap, nstates);
	*ends = xcalloc(n, sizeof **ends);
	for (i = 0; i < n; i++) {
		uint32_t s = 0;
		for (k = 0; k < lens[i]; k++) {
			unsigned char c = (unsigned char)pat[i][k];
			if (!next[s * 256 + c]) {
				uint32_t t = new_state(&next, &cap, nstates);
				next[s * 256 + c] = t;
			}
			s = next[s * 256 + c];
		}
		(*ends)[i] = s;
	}
	return next;
}

/* Breadth-first: failure links, full transitions, and each state's
 * outputs as its own followed by its failure state's. */
static void link(struct matcher *m, const uint32_t *ends, size_t npat)
{
	uint32_t *queue = xcalloc(m->nstates, sizeof *queue), *own, *own_n;
	size_t head = 0, tail = 0, i, total = 0;
	unsigned c;

	own_n = xcalloc(m->nstates, sizeof *own_n);
	for (i = 0; i < npat; i++)
		own_n[ends[i]]++;
	m->fail = xcalloc(m->nstates, sizeof *m->fail);
	for (c = 0; c < 256; c++)
		if (m->next[c])
			queue[tail++] = m->next[c];
	while (head < tail) {
		uint32_t s = queue[head++];
		for (c = 0; c < 256; c++) {
			uint32_t t = m->next[s * 256 + c];
			if (t) {
				m->fail[t] = m->next[m->fail[s] * 256 + c];
				queue[tail++] = t;
			} else {
				m->next[s * 256 + c] = m->next[m->fail[s] * 256 + c];
			}
		}
	}
	/* outputs: count along the failure chain, in BFS order */
	m->first = xcalloc(m->nstates, sizeof *m->first);
	m->count = xcalloc(m->nstates, sizeof *m->count);
	for (i = 0; i < tail; i++)
		m->count[queue[i]] = own_n[queue[i]] + m->count[m->fail[queue[i]]];
	for (i = 0; i < m->nstates; i++) {
		m->first[i] = (uint32_t)total;
		total += m->count[i];
	}
	m->out = xcalloc(total ? total : 1, sizeof *m->out);
	own = xcalloc(m->nstates, sizeof *own);
	for (i = 0; i < npat; i++)
		m->out[m->first[ends[i]] + own[ends[i]]++] = (uint32_t)i;
	for (i = 0; i < tail; i++) {
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
	uint32_t *ends = NULL;

	m->next = build_trie(patterns, lens, n, &ends, &m->nstates);
	link(m, ends, n);
	free(ends);
	return m;
}

void matcher_free(struct matcher *m)
{
	if (!m)
		return;
	free(m->next);
	free(m->fail);
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
		s = m->next[s * 256 + p[i]];
		for (k = 0; k < m->count[s]; k++)
			if (found(m->out[m->first[s] + k], i + 1, arg))
				return;
	}
}
