/* friction_pass: after the contacts' scan, each linked answer to its
 * contact's levels (DESIGN.md, "Friction").  First one job per thread
 * takes a range of the answers and sorts them out: found by id (the scan
 * marked their ids' slots), or a key to link by customer in the
 * partition of its customer, or the reason it cannot be linked.  Then one
 * job per thread takes every AGG_PARTS / threads partition of the
 * contacts' records: it sorts each partition by customer and time, as the
 * repeat detection does (and does its work: agg_repeat_add()), marks
 * each contact followed / following an earlier one, and links the keys
 * of that partition, which every range job left in file order.  Then the
 * answers found by id are linked, a way of the id table per job, and
 * every answer is added at its contact's levels, a range per job.  No
 * answer is written by two jobs at once, so the jobs need no locks. */
#include "aggregate/agg_internal.h"
#include "base/mem.h"
#include <stdlib.h>
#include <string.h>

/* A job over a range of the answers (and, for the id links, over a way
 * of the id table). */
struct answer_job {
	struct agg_pass pass;       /* first and step: the ways, as partitions */
	struct fr_state *fr;
	size_t lo, hi;              /* the answers [lo, hi) */
	uint64_t how[FR_NHOW];
	struct fr_key *keys[AGG_PARTS]; /* the range's answers to link by
					 * customer, per partition, in file order */
	size_t nkeys[AGG_PARTS], keys_cap[AGG_PARTS];
};

struct pass_job {
	struct agg_pass pass;
	struct fr_state *fr;
	struct answer_job *ranges; /* every range job, in file order */
	int nranges;
	struct fr_key *keys;       /* the partition's keys, all ranges' */
	size_t nkeys, keys_cap;
};

#define TRACE_OF(r) ((r).t)
#define ITSELF(x) (x)
AGG_SORT_BY_CUSTOMER(sort_recs, struct fr_rec, TRACE_OF)
AGG_SORT_BY_CUSTOMER(sort_key_run, struct fr_key, ITSELF)

/* A partition's answer keys, which arrive in file order, sorted in place
 * (answers at one time stay in file order). */
static void sort_keys(struct fr_key *a, size_t n)
{
	struct fr_key *tmp;

	if (n < 2)
		return;
	tmp = xmalloc(n * sizeof *tmp);
	memcpy(a, sort_key_run(a, tmp, n), n * sizeof *a);
	free(tmp);
}

/* The answers of the job's range: found by id (the scan found a contact
 * with its id), or a key to link by customer in its customer's partition
 * (an answer without a customer is partition 0's), or the reason it
 * cannot be.  The slot of the answer SLOT_AHEAD on is fetched meanwhile. */
#define SLOT_AHEAD 16
static void sort_out(struct answer_job *j)
{
	struct fr_state *fr = j->fr;
	size_t i;

	for (i = j->lo; i < j->hi; i++) {
		struct fr_answer *a = &fr->a[i];
		size_t p = a->customer >> 56;
		struct fr_key *k;
		if (fr->slots && i + SLOT_AHEAD < j->hi && a[SLOT_AHEAD].id)
			__builtin_prefetch(&fr->slots[a[SLOT_AHEAD].at.slot]);
		if (a->id && fr->slots && fr->slots[a->at.slot].found) {
			a->how = FR_HOW_FOUND;
		} else if (!a->customer || !fr->contact_customer || !fr->timed) {
			a->how = FR_HOW_NO_ID_NO_CUSTOMER;
		} else if (!a->has_time) {
			a->how = FR_HOW_NO_TIME;
		} else {
			xgrow((void **)&j->keys[p], &j->keys_cap[p], j->nkeys[p], sizeof *k);
			k = &j->keys[p][j->nkeys[p]++];
			k->customer = a->customer;
			k->time = a->time;
			k->answer = (uint32_t)i;
		}
	}
}

/* Partition p's keys of every range, in file order, into the job's own
 * list (each range's freed). */
static void take_keys(struct pass_job *j, size_t p)
{
	int r;

	j->nkeys = 0;
	for (r = 0; r < j->nranges; r++) {
		struct answer_job *a = &j->ranges[r];
		if (a->nkeys[p]) {
			if (j->nkeys + a->nkeys[p] > j->keys_cap) {
				j->keys_cap = (j->nkeys + a->nkeys[p]) * 2;
				j->keys = xrealloc(j->keys, j->keys_cap * sizeof *j->keys);
			}
			memcpy(j->keys + j->nkeys, a->keys[p], a->nkeys[p] * sizeof *j->keys);
			j->nkeys += a->nkeys[p];
		}
		free(a->keys[p]);
		a->keys[p] = NULL;
		a->nkeys[p] = 0;
	}
}

static size_t gather(const struct pass_job *j, size_t p, struct fr_rec **buf, size_t *cap)
{
	size_t n = 0;
	int k;

	for (k = 0; k < j->pass.nparts; k++) {
		const struct fr_block *b;
		for (b = j->pass.parts[k].fr.head[p]; b; b = b->next) {
			if (!*buf || n + b->n > *cap) {
				*cap = (n + b->n) * 2;
				*buf = xrealloc(*buf, *cap * 2 * sizeof **buf);
			}
			memcpy(*buf + n, b->r, b->n * sizeof **buf);
			n += b->n;
		}
	}
	return n;
}

/* A record's side entry (with FR_SIDE), fetched SIDE_AHEAD records
 * before the pass reaches it: the entries are spread over the parts. */
#define SIDE_AHEAD 16
static struct fr_side *side_of(const struct agg_part *parts, const struct fr_rec *r)
{
	return &parts[(r->t.info >> 5) & 7].side[r->u.side];
}

/* A counted contact's repeat metrics and, with customers, its repeat
 * levels and, when it follows an earlier one, its cost, in its channel's
 * group (fr_roll_up() sums the channels). */
static void count_contact(struct pass_job *j, const struct fr_rec *r, int mine,
			  int followed, int follows)
{
	struct agg_stats *g = &agg_trace_group(&j->pass.table, &j->pass.cache, j->pass.parts,
					       r->t.info, 0)->s;
	struct fr_sums *s = &g->fr;

	agg_repeat_add(g, r->t.info, followed);
	if (!mine)
		return;
	s->lv[fr_factors[FR_REPEAT].first + !followed].contacts++;
	s->lv[fr_factors[FR_FOLLOWS].first + !follows].contacts++;
	if (follows) {
		s->tax_repeat += r->levels & FR_SIDE ? side_of(j->pass.parts, r)->cost : r->u.cost;
		s->repeats++;
	}
}

/* The answers of one partition (sorted by customer, time), each to the
 * last contact of its customer at or before its time. */
static void link_customers(struct pass_job *j, size_t p, const struct fr_rec *t, size_t n)
{
	struct fr_key *key;
	size_t i = 0, k;

	take_keys(j, p);
	key = j->keys;
	sort_keys(key, j->nkeys);
	for (k = 0; k < j->nkeys; k++) {
		struct fr_answer *a = &j->fr->a[key[k].answer];
		const struct fr_rec *c;
		while (t && i < n && (t[i].t.customer < key[k].customer ||
				      (t[i].t.customer == key[k].customer &&
				       t[i].t.time <= key[k].time)))
			i++;
		c = t && i > 0 ? &t[i - 1] : NULL;
		if (!c || c->t.customer != a->customer || !(c->levels & FR_CUSTOMER)) {
			a->how = FR_HOW_NO_CONTACT_BEFORE;
		} else if ((int64_t)a->time - c->t.time > j->fr->link_seconds) {
			a->how = FR_HOW_OUTSIDE_WINDOW;
		} else {
			a->how = FR_HOW_CUSTOMER;
			a->info = c->t.info;
			a->levels = c->levels;
		}
	}
}

static void pass_partition(struct pass_job *j, size_t p, struct fr_rec *t, size_t n)
{
	int64_t w = j->fr->repeat_seconds;
	int repeats = (int)((j->fr->factors >> FR_REPEAT) & 1u);
	size_t i;

	for (i = 0; i < n; i++) {
		struct fr_rec *r = &t[i];
		int mine = (r->levels & FR_CUSTOMER) && repeats;
		int followed = mine && i + 1 < n && t[i + 1].t.customer == r->t.customer &&
			(int64_t)t[i + 1].t.time - r->t.time <= w;
		int follows = mine && i > 0 && t[i - 1].t.customer == r->t.customer &&
			(int64_t)r->t.time - t[i - 1].t.time <= w;
		if (i + SIDE_AHEAD < n && (r[SIDE_AHEAD].levels & FR_SIDE))
			__builtin_prefetch(side_of(j->pass.parts, &r[SIDE_AHEAD]), 1);
		if (mine) {
			r->levels = fr_set(r->levels, FR_REPEAT, !followed);
			r->levels = fr_set(r->levels, FR_FOLLOWS, !follows);
		}
		if (r->t.info & AGG_COUNTED)
			count_contact(j, r, mine, followed, follows);
		if (r->levels & FR_SIDE) {
			struct fr_side *e = side_of(j->pass.parts, r);
			e->levels = (r->levels & ~FR_SIDE) | (e->levels & FR_WAY);
		}
	}
	link_customers(j, p, t, n);
}

static void *pass_worker(void *arg)
{
	struct pass_job *j = arg;
	struct fr_rec *buf = NULL;
	size_t cap = 0, n, p;

	for (p = (size_t)j->pass.first; p < AGG_PARTS; p += (size_t)j->pass.step) {
		n = gather(j, p, &buf, &cap);
		if (n == 0)
			link_customers(j, p, NULL, 0);
		else
			pass_partition(j, p, sort_recs(buf, buf + cap, n), n);
	}
	free(buf);
	free(j->keys);
	return NULL;
}

/* ---- the answers: id links per way, sums per range ---- */

/* Whether side entry s is of one of the job's ways of the table. */
static int in_my_way(const struct answer_job *j, const struct fr_side *s)
{
	int way = (s->levels & FR_WAY) != 0;
	return way % j->pass.step == j->pass.first;
}

/* Id links of the answers of the job's ways of the table (all answers of
 * one id are in one way, so no answer is written by two jobs): each to
 * the latest row in the file with its contact id (the side entries of
 * every part; a chain runs through the answers of one id).  The answer
 * of the entry LINK_AHEAD on is fetched meanwhile. */
#define LINK_AHEAD 16
static void link_ids(struct answer_job *j)
{
	size_t i;
	int k;

	for (k = 0; k < j->pass.nparts; k++) {
		const struct fr_side *side = j->pass.parts[k].side;
		size_t n = j->pass.parts[k].nside;
		for (i = 0; i < n; i++) {
			const struct fr_side *s = &side[i];
			uint32_t a;
			if (i + LINK_AHEAD < n && in_my_way(j, &s[LINK_AHEAD]))
				__builtin_prefetch(&j->fr->a[s[LINK_AHEAD].answer - 1], 1);
			if (!in_my_way(j, s))
				continue;
			for (a = s->answer; a; a = j->fr->a[a - 1].next) {
				struct fr_answer *x = &j->fr->a[a - 1];
				if (x->how == FR_HOW_ID && x->at.offset > s->offset)
					continue;
				x->how = FR_HOW_ID;
				x->at.offset = s->offset;
				x->info = s->info;
				x->levels = s->levels & ~FR_WAY;
			}
		}
	}
}

/* Every answer of the job in its linked contact's channel group (or,
 * unlinked, counted in the period of its own time). */
static void add_answers(struct answer_job *j)
{
	struct fr_slots l;
	struct fr_sums *s;
	size_t i;

	for (i = j->lo; i < j->hi; i++) {
		const struct fr_answer *a = &j->fr->a[i];
		j->how[a->how]++;
		if (a->how != FR_HOW_ID && a->how != FR_HOW_CUSTOMER) {
			if (a->period >= 0)
				agg_group_get(&j->pass.table, a->period, "", 0)->s.fr.unlinked++;
			continue;
		}
		if (!(a->info & AGG_COUNTED))
			continue;
		fr_slots_of(a->levels, &l);
		s = &agg_trace_group(&j->pass.table, &j->pass.cache, j->pass.parts, a->info, 0)->s.fr;
		fr_add_answer(s, &l, a->csat, a->nps);
		s->by_id += a->how == FR_HOW_ID;
		s->by_customer += a->how == FR_HOW_CUSTOMER;
	}
}

static void *sort_out_worker(void *arg)
{
	sort_out(arg);
	return NULL;
}

static void *link_worker(void *arg)
{
	link_ids(arg);
	return NULL;
}

static void *answer_worker(void *arg)
{
	add_answers(arg);
	return NULL;
}

/* ---- putting it together ---- */

void fr_pass(struct agg_part *parts, int nparts, struct agg_table *into,
	     struct fr_state *fr, int threads)
{
	struct pass_job *jobs = xcalloc((size_t)threads, sizeof *jobs);
	struct answer_job *ajobs = xcalloc((size_t)threads, sizeof *ajobs);
	size_t h;
	int i;

	for (i = 0; i < nparts; i++)
		fr_recs_close(&parts[i].fr);
	for (i = 0; i < threads; i++) {
		jobs[i].fr = ajobs[i].fr = fr;
		jobs[i].ranges = ajobs;
		jobs[i].nranges = threads;
		ajobs[i].lo = fr->n * (size_t)i / (size_t)threads;
		ajobs[i].hi = fr->n * (size_t)(i + 1) / (size_t)threads;
	}
	agg_run_pass(sort_out_worker, ajobs, sizeof *ajobs, threads, parts, nparts, into);
	agg_run_pass(pass_worker, jobs, sizeof *jobs, threads, parts, nparts, into);
	agg_run_pass(link_worker, ajobs, sizeof *ajobs, threads, parts, nparts, into);
	agg_run_pass(answer_worker, ajobs, sizeof *ajobs, threads, parts, nparts, into);
	for (i = 0; i < threads; i++)
		for (h = 0; h < FR_NHOW; h++)
			fr->how[h] += ajobs[i].how[h];
	free(jobs);
	free(ajobs);
}

void fr_roll_up(struct agg_table *t)
{
	size_t i, n = t->n;

	for (i = 0; i < n; i++) {
		struct agg_group *all;
		if (!t->groups[i].channel[0])
			continue;
		/* found (or made) first: it may move the groups */
		all = agg_group_get(t, t->groups[i].period, "", 0);
		fr_sums_add(&all->s.fr, &t->groups[i].s.fr);
		all->s.followed += t->groups[i].s.followed;
		all->s.fcr_ok += t->groups[i].s.fcr_ok;
		all->s.ai_ok += t->groups[i].s.ai_ok;
	}
}
