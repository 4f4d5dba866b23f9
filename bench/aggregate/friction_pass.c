/* friction_pass: after the contacts' scan, each linked answer to its
 * contact's levels (DESIGN.md, "Friction").  One job per thread takes
 * every AGG_PARTS / threads partition of the contacts' records: it sorts
 * each partition by customer and time, as the repeat detection does (and
 * does its work: agg_repeat_add()), marks each contact followed /
 * following an earlier one, and links the answers of that partition's
 * customers.  Then one job per thread takes a range of the answers: each
 * answer found by id gets the levels of the latest row with its id, and
 * every answer is added at its contact's levels.  No answer is written by
 * two jobs, so the jobs need no locks. */
#include "aggregate/agg_internal.h"
#include "base/mem.h"
#include <stdlib.h>
#include <string.h>

struct pass_job {
	struct agg_pass pass;
	struct fr_state *fr;
	struct fr_key *keys[AGG_PARTS]; /* this job's partitions' answers to
					 * link by customer, in file order */
	size_t nkeys[AGG_PARTS], keys_cap[AGG_PARTS];
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

/* The answers of this job's partitions (an answer without a customer is
 * partition 0's): found by id (the scan found a contact with its id), or
 * a key to link by customer, or the reason it cannot be.  The slot of the
 * answer SLOT_AHEAD on is fetched meanwhile. */
#define SLOT_AHEAD 16
static void own_answers(struct pass_job *j)
{
	struct fr_state *fr = j->fr;
	size_t i;

	for (i = 0; i < fr->n; i++) {
		struct fr_answer *a = &fr->a[i];
		size_t p = a->customer >> 56;
		struct fr_key *k;
		if (fr->slots && i + SLOT_AHEAD < fr->n && a[SLOT_AHEAD].id)
			__builtin_prefetch(&fr->slots[a[SLOT_AHEAD].at.slot]);
		if (p % (size_t)j->pass.step != (size_t)j->pass.first)
			continue;
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
 * levels and, when it follows an earlier one, its cost, in its period's
 * groups (each group found once for both). */
static void count_contact(struct pass_job *j, const struct fr_rec *r, int mine,
			  int followed, int follows)
{
	int all;
	for (all = 1; all >= 0; all--) {
		struct agg_stats *g = &agg_trace_group(&j->pass.table, &j->pass.cache, j->pass.parts,
						       r->t.info, all)->s;
		struct fr_sums *s = &g->fr;
		agg_repeat_add(g, r->t.info, followed);
		if (!mine)
			continue;
		s->lv[fr_factors[FR_REPEAT].first + !followed].contacts++;
		s->lv[fr_factors[FR_FOLLOWS].first + !follows].contacts++;
		if (follows) {
			s->tax_repeat += r->levels & FR_SIDE ? side_of(j->pass.parts, r)->cost :
				r->u.cost;
			s->repeats++;
		}
	}
}

/* The answers of one partition (sorted by customer, time), each to the
 * last contact of its customer at or before its time. */
static void link_customers(struct pass_job *j, size_t p, const struct fr_rec *t, size_t n)
{
	struct fr_key *key = j->keys[p];
	size_t i = 0, k;

	sort_keys(key, j->nkeys[p]);
	for (k = 0; k < j->nkeys[p]; k++) {
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
		if (r->levels & FR_SIDE)
			side_of(j->pass.parts, r)->levels = r->levels & ~FR_SIDE;
	}
	link_customers(j, p, t, n);
}

static void *pass_worker(void *arg)
{
	struct pass_job *j = arg;
	struct fr_rec *buf = NULL;
	size_t cap = 0, n, p;

	own_answers(j);
	for (p = (size_t)j->pass.first; p < AGG_PARTS; p += (size_t)j->pass.step) {
		n = gather(j, p, &buf, &cap);
		if (n == 0)
			link_customers(j, p, NULL, 0);
		else
			pass_partition(j, p, sort_recs(buf, buf + cap, n), n);
		free(j->keys[p]);
		j->keys[p] = NULL;
	}
	free(buf);
	return NULL;
}

/* ---- the answers, a range per job ---- */

struct answer_job {
	struct agg_pass pass;       /* first and step unused */
	struct fr_state *fr;
	size_t lo, hi;              /* the answers [lo, hi) */
	uint64_t how[FR_NHOW];
};

/* Id links of the job's answers: each to the latest row in the file with
 * its contact id (the side entries of every part; a chain runs through
 * the answers of one id, in and out of the range). */
static void link_ids(struct answer_job *j)
{
	size_t i;
	int k;

	for (k = 0; k < j->pass.nparts; k++) {
		for (i = 0; i < j->pass.parts[k].nside; i++) {
			const struct fr_side *s = &j->pass.parts[k].side[i];
			uint32_t a;
			for (a = s->answer; a; a = j->fr->a[a - 1].next) {
				struct fr_answer *x = &j->fr->a[a - 1];
				if (a - 1 < j->lo || a - 1 >= j->hi ||
				    (x->how == FR_HOW_ID && x->at.offset > s->offset))
					continue;
				x->how = FR_HOW_ID;
				x->at.offset = s->offset;
				x->info = s->info;
				x->levels = s->levels;
			}
		}
	}
}

/* Every answer of the job in its linked contact's groups (or, unlinked,
 * counted in the period of its own time). */
static void add_answers(struct answer_job *j)
{
	struct fr_slots l;
	size_t i;
	int all;

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
		for (all = 1; all >= 0; all--) {
			struct fr_sums *s = &agg_trace_group(&j->pass.table, &j->pass.cache, j->pass.parts,
							     a->info, all)->s.fr;
			fr_add_answer(s, &l, a->csat, a->nps);
			s->by_id += a->how == FR_HOW_ID;
			s->by_customer += a->how == FR_HOW_CUSTOMER;
		}
	}
}

static void *answer_worker(void *arg)
{
	link_ids(arg);
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

	for (i = 0; i < threads; i++) {
		jobs[i].fr = ajobs[i].fr = fr;
		ajobs[i].lo = fr->n * (size_t)i / (size_t)threads;
		ajobs[i].hi = fr->n * (size_t)(i + 1) / (size_t)threads;
	}
	agg_run_pass(pass_worker, jobs, sizeof *jobs, threads, parts, nparts, into);
	agg_run_pass(answer_worker, ajobs, sizeof *ajobs, threads, parts, nparts, into);
	for (i = 0; i < threads; i++)
		for (h = 0; h < FR_NHOW; h++)
			fr->how[h] += ajobs[i].how[h];
	free(jobs);
	free(ajobs);
}
