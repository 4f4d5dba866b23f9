/* agg_repeat: which contacts were followed by another contact of the same
 * customer within the repeat window.  The traces of each partition (by
 * the top byte of the customer hash) are gathered in file order, stably
 * sorted by (customer, time), and scanned once; partitions are shared out
 * among threads. */
#include "aggregate/agg_internal.h"
#include "base/hash.h"
#include "base/mem.h"
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

void agg_trace_add(struct agg_traces *tr, const struct agg_trace *t)
{
	size_t p = t->customer >> 56;
	struct agg_block *b = tr->tail[p];

	if (!b || b->n == AGG_BLOCK) {
		struct agg_block *nb = xmalloc(sizeof *nb);
		nb->next = NULL;
		nb->n = 0;
		if (b)
			b->next = nb;
		else
			tr->head[p] = nb;
		tr->tail[p] = b = nb;
	}
	b->t[b->n++] = *t;
}

void agg_traces_release(struct agg_traces *tr)
{
	size_t p;
	for (p = 0; p < AGG_PARTS; p++) {
		struct agg_block *b = tr->head[p], *next;
		for (; b; b = next) {
			next = b->next;
			free(b);
		}
	}
	memset(tr, 0, sizeof *tr);
}

#define ITSELF(x) (x)
AGG_SORT_BY_CUSTOMER(sort_traces, struct agg_trace, ITSELF)

struct repeat_job {
	struct agg_pass pass;
	int64_t window;
};

struct agg_group *agg_trace_group(struct agg_table *t, struct agg_group_cache *c,
				  const struct agg_part *parts, uint32_t info, int all)
{
	uint32_t key = ((info >> 5) << 1 | (uint32_t)all) + 1;
	size_t slot = (key * 2654435761u) >> 22;
	const struct agg_part *part = &parts[(info >> 5) & 7];
	const char *ch = all ? "" : part->channels[(info >> 8) & 0xFF];
	struct agg_group *g;

	if (c->key[slot] == key)
		return &t->groups[c->group[slot]];
	g = agg_group_get(t, (long)(info >> 16), ch, strlen(ch));
	c->key[slot] = key;
	c->group[slot] = g - t->groups;
	return g;
}

void agg_repeat_add(struct agg_stats *s, uint32_t info, int followed)
{
	s->followed += followed;
	s->fcr_ok += (info & AGG_ANSWERED) && (info & AGG_RESOLVED) && !followed;
	s->ai_ok += (info & AGG_ANSWERED) && (info & AGG_AI) &&
		(info & AGG_RESOLVED) && !(info & AGG_ESCALATED) && !followed;
}

void agg_repeat_count(struct agg_table *t, struct agg_group_cache *c,
		      const struct agg_part *parts, uint32_t info, int followed)
{
	int all;
	for (all = 1; all >= 0; all--)
		agg_repeat_add(&agg_trace_group(t, c, parts, info, all)->s, info, followed);
}

static size_t gather(const struct repeat_job *j, size_t p, struct agg_trace **buf,
		     size_t *cap)
{
	size_t n = 0;
	int k;

	for (k = 0; k < j->pass.nparts; k++) {
		const struct agg_block *b;
		for (b = j->pass.parts[k].traces.head[p]; b; b = b->next) {
			if (!*buf || n + b->n > *cap) {
				*cap = (n + b->n) * 2;
				*buf = xrealloc(*buf, *cap * 2 * sizeof **buf);
			}
			memcpy(*buf + n, b->t, b->n * sizeof **buf);
			n += b->n;
		}
	}
	return n;
}

static void *repeat_worker(void *arg)
{
	struct repeat_job *j = arg;
	struct agg_trace *buf = NULL, *t;
	size_t cap = 0, n, i, p;

	for (p = (size_t)j->pass.first; p < AGG_PARTS; p += (size_t)j->pass.step) {
		n = gather(j, p, &buf, &cap);
		if (n == 0)
			continue; /* buf may still be NULL, and NULL + 0 is undefined */
		t = sort_traces(buf, buf + cap, n);
		for (i = 0; i < n; i++) {
			int followed = i + 1 < n && t[i + 1].customer == t[i].customer &&
				(int64_t)t[i + 1].time - t[i].time <= j->window;
			if (t[i].info & AGG_COUNTED)
				agg_repeat_count(&j->pass.table, &j->pass.cache, j->pass.parts, t[i].info,
						 followed);
		}
	}
	free(buf);
	return NULL;
}

void agg_repeats(struct agg_part *parts, int nparts, struct agg_table *into,
		 int64_t window, int threads)
{
	struct repeat_job *jobs = xcalloc((size_t)threads, sizeof *jobs);
	int i;

	for (i = 0; i < threads; i++)
		jobs[i].window = window;
	agg_run_pass(repeat_worker, jobs, sizeof *jobs, threads, parts, nparts, into);
	free(jobs);
}

void agg_run_pass(void *(*worker)(void *), void *jobs, size_t size, int n,
		  struct agg_part *parts, int nparts, struct agg_table *into)
{
	int i;

	for (i = 0; i < n; i++) {
		struct agg_pass *p = (struct agg_pass *)((char *)jobs + (size_t)i * size);
		p->parts = parts;
		p->nparts = nparts;
		p->first = i;
		p->step = n;
	}
	agg_run_jobs(worker, jobs, size, n);
	for (i = 0; i < n; i++) {
		struct agg_pass *p = (struct agg_pass *)((char *)jobs + (size_t)i * size);
		agg_table_merge(into, &p->table);
		agg_table_release(&p->table);
	}
}

void agg_run_jobs(void *(*worker)(void *), void *jobs, size_t size, int n)
{
	pthread_t *tid = xcalloc((size_t)n, sizeof *tid);
	unsigned char *started = xcalloc((size_t)n, 1);
	int i;

	for (i = 1; i < n; i++)
		started[i] = pthread_create(&tid[i], NULL, worker,
					    (char *)jobs + (size_t)i * size) == 0;
	worker(jobs);
	for (i = 1; i < n; i++) {
		if (started[i])
			pthread_join(tid[i], NULL);
		else
			worker((char *)jobs + (size_t)i * size);
	}
	free(started);
	free(tid);
}
