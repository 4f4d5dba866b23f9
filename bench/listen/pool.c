/* The workers and their queues: each worker owns a few batch buffers
 * that the reader fills and the worker empties, so memory stays a few
 * megabytes whatever the file. */
#include "listen/pool.h"
#include "base/hash.h"
#include "base/mem.h"
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define BATCH_BYTES ((size_t)1 << 20)
#define BATCHES 4 /* in flight per worker */
#define MAX_WORKERS 8

struct batch {
	char *buf;
	size_t len, cap;
};

struct worker {
	pthread_t tid;
	struct scan *S;
	struct batch b[BATCHES];
	size_t head, count;       /* the full batches: [head, head + count) */
	int done;                 /* no more batches will come */
	pthread_mutex_t mu;
	pthread_cond_t full, empty;
	struct batch own;         /* the reader's side: the batch being filled */
};

struct pool {
	struct worker w[MAX_WORKERS];
	int n;
};

/* ---- a batch: turns packed one after another ---- */

static void put(struct batch *b, const void *data, size_t len)
{
	if (b->len + len > b->cap) {
		b->cap = (b->len + len) * 2;
		b->buf = xrealloc(b->buf, b->cap);
	}
	memcpy(b->buf + b->len, data, len);
	b->len += len;
}

static void put_string(struct batch *b, const char *s, size_t len)
{
	uint32_t n = s ? (uint32_t)len + 1 : 0; /* 0: NULL */
	put(b, &n, sizeof n);
	if (s) {
		put(b, s, len);
		put(b, "", 1);
	}
}

static const char *get_string(const char **p, size_t *len)
{
	uint32_t n;
	const char *s;

	memcpy(&n, *p, sizeof n);
	*p += sizeof n;
	if (n == 0)
		return NULL;
	s = *p;
	*p += n;
	*len = n - 1;
	return s;
}

static void batch_scan(struct scan *S, const struct batch *b)
{
	const char *p = b->buf, *end = b->buf + b->len;
	size_t len = 0;
	struct turn t;

	while (p < end) {
		memset(&t, 0, sizeof t);
		memcpy(&t.seq, p, sizeof t.seq);
		p += sizeof t.seq;
		t.contact = get_string(&p, &len);
		t.customer = get_string(&p, &len);
		t.channel = get_string(&p, &len);
		t.speaker = get_string(&p, &len);
		t.period = get_string(&p, &len);
		t.text = get_string(&p, &t.len);
		scan_turn(S, &t);
	}
}

/* ---- the threads ---- */

static void *work(void *arg)
{
	struct worker *w = arg;
	struct batch *b;

	for (;;) {
		pthread_mutex_lock(&w->mu);
		while (w->count == 0 && !w->done)
			pthread_cond_wait(&w->full, &w->mu);
		if (w->count == 0) {
			pthread_mutex_unlock(&w->mu);
			return NULL;
		}
		b = &w->b[w->head];
		pthread_mutex_unlock(&w->mu);
		batch_scan(w->S, b);
		b->len = 0;
		pthread_mutex_lock(&w->mu);
		w->head = (w->head + 1) % BATCHES;
		w->count--;
		pthread_cond_signal(&w->empty);
		pthread_mutex_unlock(&w->mu);
	}
}

/* The reader's full batch handed over; it waits while every buffer is
 * queued (the worker is behind). */
static void hand_over(struct worker *w)
{
	size_t slot;

	if (w->own.len == 0)
		return;
	pthread_mutex_lock(&w->mu);
	while (w->count == BATCHES)
		pthread_cond_wait(&w->empty, &w->mu);
	slot = (w->head + w->count) % BATCHES;
	pthread_mutex_unlock(&w->mu);
	/* the slot is the reader's until counted: swap buffers, no copy */
	{
		struct batch x = w->b[slot];
		w->b[slot] = w->own;
		w->own = x;
		w->own.len = 0;
	}
	pthread_mutex_lock(&w->mu);
	w->count++;
	pthread_cond_signal(&w->full);
	pthread_mutex_unlock(&w->mu);
}

struct pool *pool_start(const struct lexicon *lx, int keep_quotes, int workers)
{
	struct pool *p = xcalloc(1, sizeof *p);
	int i;

	if (workers > MAX_WORKERS)
		workers = MAX_WORKERS;
	for (i = 0; i < workers; i++) {
		struct worker *w = &p->w[i];
		w->S = scan_new(lx, keep_quotes);
		pthread_mutex_init(&w->mu, NULL);
		pthread_cond_init(&w->full, NULL);
		pthread_cond_init(&w->empty, NULL);
		if (pthread_create(&w->tid, NULL, work, w) != 0) {
			scan_free(w->S);
			break;
		}
		p->n++;
	}
	if (p->n < workers) {
		for (i = 0; i < p->n; i++) {
			p->w[i].done = 1;
			pthread_cond_signal(&p->w[i].full);
			pthread_join(p->w[i].tid, NULL);
			scan_free(p->w[i].S);
		}
		free(p);
		return NULL;
	}
	return p;
}

void pool_turn(struct pool *p, const struct turn *t, uint64_t seq)
{
	struct worker *w = &p->w[hash64(t->contact, strlen(t->contact)) % (uint64_t)p->n];
	struct batch *b = &w->own;

	put(b, &seq, sizeof seq);
	put_string(b, t->contact, strlen(t->contact));
	put_string(b, t->customer, t->customer ? strlen(t->customer) : 0);
	put_string(b, t->channel, t->channel ? strlen(t->channel) : 0);
	put_string(b, t->speaker, t->speaker ? strlen(t->speaker) : 0);
	put_string(b, t->period, t->period ? strlen(t->period) : 0);
	put_string(b, t->text, t->len);
	if (b->len >= BATCH_BYTES)
		hand_over(w);
}

void pool_finish(struct pool *p, struct scan *S)
{
	struct scan *parts[MAX_WORKERS];
	int i, k;

	for (i = 0; i < p->n; i++) {
		struct worker *w = &p->w[i];
		hand_over(w);
		pthread_mutex_lock(&w->mu);
		w->done = 1;
		pthread_cond_signal(&w->full);
		pthread_mutex_unlock(&w->mu);
	}
	for (i = 0; i < p->n; i++) {
		struct worker *w = &p->w[i];
		pthread_join(w->tid, NULL);
		pthread_mutex_destroy(&w->mu);
		pthread_cond_destroy(&w->full);
		pthread_cond_destroy(&w->empty);
		for (k = 0; k < BATCHES; k++)
			free(w->b[k].buf);
		free(w->own.buf);
		parts[i] = w->S;
	}
	scan_gather(S, parts, (size_t)p->n);
	for (i = 0; i < p->n; i++)
		scan_free(parts[i]);
	free(p);
}
