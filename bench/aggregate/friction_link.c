/* friction_link: survey answers linked to the contacts they are about
 * (DESIGN.md, "Friction").  An answer whose contact_id the contacts file
 * holds is linked to that contact (of two rows with one id, the later);
 * otherwise to the same customer's latest contact starting at or before
 * answered_at (of two at one time, the later row), at most --link-days
 * earlier.  The scan of the contacts finds the id links (fr_lookup() in an
 * id table of the answers, a few records behind the parse) and leaves one
 * 24-byte record per contact; the pass here sorts each partition of records by customer and time, as the
 * repeat detection does (and does its work: agg_repeat_add()), marks
 * each contact followed / following an earlier one, links the answers of
 * that partition's customers, and then adds every linked answer at its
 * contact's levels. */
#include "aggregate/agg_internal.h"
#include "base/mem.h"
#include <stdlib.h>
#include <string.h>

struct fr_state *fr_state_new(const struct agg_options *o)
{
	struct fr_state *fr = xcalloc(1, sizeof *fr);
	fr->link_seconds = o->link_seconds;
	fr->repeat_seconds = o->repeat_seconds;
	fr_wait_init(&fr->wait, o->wait_edges, o->nwait_edges);
	return fr;
}

void fr_state_free(struct fr_state *fr)
{
	if (!fr)
		return;
	free(fr->a);
	free(fr->slots);
	free(fr->filter);
	free(fr);
}

static struct fr_block *new_block(struct fr_recs *r)
{
	if (!r->left) {
		size_t bytes = FR_CHUNK * sizeof(struct fr_block);
		struct fr_block *c = xmalloc(bytes);
		mem_huge(c, bytes);
		xgrow((void **)&r->chunks, &r->chunks_cap, r->nchunks, sizeof(struct fr_block *));
		r->chunks[r->nchunks++] = c;
		r->left = FR_CHUNK;
	}
	return &r->chunks[r->nchunks - 1][FR_CHUNK - r->left--];
}

struct fr_rec *fr_rec_add(struct fr_recs *r, const struct fr_rec *rec)
{
	size_t p = rec->t.customer >> 56;
	struct fr_block *b = r->tail[p];

	if (!b || b->n == FR_BLOCK) {
		struct fr_block *nb = new_block(r);
		nb->next = NULL;
		nb->n = 0;
		if (b)
			b->next = nb;
		else
			r->head[p] = nb;
		r->tail[p] = b = nb;
	}
	b->r[b->n] = *rec;
	return &b->r[b->n++];
}

void fr_recs_release(struct fr_recs *r)
{
	size_t i;
	for (i = 0; i < r->nchunks; i++)
		free(r->chunks[i]);
	free(r->chunks);
	memset(r, 0, sizeof *r);
}

/* ---- the answers and their contact id table ---- */

static size_t slot_of(uint64_t id, size_t mask)
{
	return (size_t)((id * 0x9E3779B97F4A7C15ULL) >> 32) & mask;
}

void fr_answers_take(struct fr_state *fr, struct agg_part *part)
{
	if (part->nanswers && !fr->a) {
		/* the first part's, as they are: no copy to fault in */
		fr->a = part->answers;
		fr->n = part->nanswers;
		part->answers = NULL;
	} else if (part->nanswers) {
		fr->a = xrealloc(fr->a, (fr->n + part->nanswers) * sizeof *fr->a);
		memcpy(fr->a + fr->n, part->answers, part->nanswers * sizeof *fr->a);
		fr->n += part->nanswers;
	}
	free(part->answers);
	part->answers = NULL;
	part->nanswers = part->answers_cap = 0;
}

static uint64_t filter_bits(uint64_t id)
{
	return 1ULL << (id >> 58) | 1ULL << ((id >> 52) & 63);
}

void fr_index(struct fr_state *fr)
{
	size_t i, withid = 0, size = 16, words = 64;

	for (i = 0; i < fr->n; i++)
		withid += fr->a[i].id != 0;
	if (!withid)
		return;
	/* at most three in four slots taken: most contacts never reach the
	 * table (the filter turns them away), and the ones that do find a
	 * slot fetched ahead (fr_lookup()), so a smaller table that faults in
	 * fewer pages is worth its longer runs */
	while (size * 3 < withid * 4)
		size *= 2;
	while (words * 64 < withid * 12)
		words *= 2;
	fr->slots = xcalloc_huge(size * sizeof *fr->slots);
	fr->mask = size - 1;
	fr->filter = xcalloc_huge(words * sizeof *fr->filter);
	fr->filter_mask = words - 1;
	/* backwards, so that each chain runs in file order; the slot and the
	 * filter word of the answer 16 ahead are fetched meanwhile */
	for (i = fr->n; i-- > 0;) {
		uint64_t id = fr->a[i].id;
		size_t s;
		if (i >= 16 && fr->a[i - 16].id) {
			__builtin_prefetch(&fr->slots[slot_of(fr->a[i - 16].id, fr->mask)], 1);
			__builtin_prefetch(&fr->filter[fr->a[i - 16].id & fr->filter_mask], 1);
		}
		if (!id)
			continue;
		fr->filter[id & fr->filter_mask] |= filter_bits(id);
		for (s = slot_of(id, fr->mask); fr->slots[s].answer; s = (s + 1) & fr->mask)
			if (fr->slots[s].id == id)
				break;
		fr->a[i].next = fr->slots[s].answer;
		fr->slots[s].id = id;
		fr->slots[s].answer = (uint32_t)(i + 1);
	}
}

/* A contact whose id passed the filter: its side entry when answers name
 * it (the table's slot was fetched when it was queued). */
static void resolve(const struct fr_state *fr, struct agg_part *part,
		    const struct fr_pending *p)
{
	struct fr_rec *r = p->rec;
	struct fr_side *e;
	size_t s;

	for (s = slot_of(p->id, fr->mask); fr->slots[s].answer; s = (s + 1) & fr->mask)
		if (fr->slots[s].id == p->id)
			break;
	if (!fr->slots[s].answer)
		return;
	xgrow_huge((void **)&part->side, &part->side_cap, part->nside, sizeof *part->side);
	e = &part->side[part->nside];
	e->offset = p->offset;
	e->answer = fr->slots[s].answer;
	e->info = r->t.info;
	e->levels = r->levels;
	e->cost = r->u.cost;
	r->levels |= FR_SIDE;
	r->u.side = (uint32_t)part->nside++;
}

/* The oldest of the first queue: on to the second when the filter lets it
 * through (most contacts are named by no answer and stop here). */
static void filtered(const struct fr_state *fr, struct fr_lookups *q, struct agg_part *part,
		     const struct fr_pending *p)
{
	uint64_t bits = filter_bits(p->id);

	if ((fr->filter[p->id & fr->filter_mask] & bits) != bits)
		return;
	if (q->nb == FR_AHEAD) {
		resolve(fr, part, &q->b[q->hb]);
		q->hb = (q->hb + 1) % FR_AHEAD;
		q->nb--;
	}
	q->b[(q->hb + q->nb++) % FR_AHEAD] = *p;
	__builtin_prefetch(&fr->slots[slot_of(p->id, fr->mask)]);
}

void fr_lookup(const struct fr_state *fr, struct fr_lookups *q, struct agg_part *part,
	       const struct fr_pending *p)
{
	if (!fr->slots)
		return; /* no answer names a contact id */
	if (q->na == FR_AHEAD) {
		filtered(fr, q, part, &q->a[q->ha]);
		q->ha = (q->ha + 1) % FR_AHEAD;
		q->na--;
	}
	q->a[(q->ha + q->na++) % FR_AHEAD] = *p;
	__builtin_prefetch(&fr->filter[p->id & fr->filter_mask]);
}

void fr_lookups_flush(const struct fr_state *fr, struct fr_lookups *q,
		      struct agg_part *part)
{
	for (; q->na; q->na--, q->ha = (q->ha + 1) % FR_AHEAD)
		filtered(fr, q, part, &q->a[q->ha]);
	for (; q->nb; q->nb--, q->hb = (q->hb + 1) % FR_AHEAD)
		resolve(fr, part, &q->b[q->hb]);
	q->ha = q->hb = 0;
}

void fr_note_map(struct agg_result *res, const struct column_map *map, int survey)
{
	if (!res->fr)
		return;
	if (survey) {
		res->fr->survey_id = map->col[F_CONTACT_ID] >= 0;
		res->fr->survey_customer = map->col[F_CUSTOMER_ID] >= 0;
		res->fr->survey_csat = map->col[F_CSAT] >= 0;
		res->fr->survey_nps = map->col[F_NPS] >= 0;
	} else {
		fr_columns(res->fr, map);
	}
}

void fr_columns(struct fr_state *fr, const struct column_map *map)
{
	fr->contact_id = map->col[F_CONTACT_ID] >= 0;
	fr->contact_customer = map->col[F_CUSTOMER_ID] >= 0;
	fr->timed = map->col[F_STARTED_AT] >= 0;
	fr->handle = map->col[F_HANDLE] >= 0;
	fr->factors = 0;
	if (map->col[F_WAIT] >= 0)
		fr->factors |= 1u << FR_WAIT;
	if (map->col[F_HOLD] >= 0)
		fr->factors |= 1u << FR_HOLD;
	if (map->col[F_TRANSFERS] >= 0)
		fr->factors |= 1u << FR_TRANSFERS;
	if (fr->contact_customer && fr->timed)
		fr->factors |= 1u << FR_REPEAT | 1u << FR_FOLLOWS;
	if (map->col[F_AI_HANDLED] >= 0)
		fr->factors |= 1u << FR_AI;
	if (map->col[F_AI_HANDLED] >= 0 && map->col[F_ESCALATED] >= 0 &&
	    map->col[F_HUMAN_WAIT] >= 0)
		fr->factors |= 1u << FR_TTH;
}

/* ---- the pass over each partition ---- */

struct pass_job {
	struct agg_part *parts;
	int nparts, first, step;
	struct fr_state *fr;
	struct fr_key **by_part; /* answers to link by customer, per partition */
	size_t *n_by_part;
	struct agg_table table;
	struct agg_group_cache cache;
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

static size_t gather(const struct pass_job *j, size_t p, struct fr_rec **buf, size_t *cap)
{
	size_t n = 0;
	int k;

	for (k = 0; k < j->nparts; k++) {
		const struct fr_block *b;
		for (b = j->parts[k].fr.head[p]; b; b = b->next) {
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
		struct agg_stats *g = &agg_trace_group(&j->table, &j->cache, j->parts,
						       r->t.info, all)->s;
		struct fr_sums *s = &g->fr;
		agg_repeat_add(g, r->t.info, followed);
		if (!mine)
			continue;
		s->lv[fr_factors[FR_REPEAT].first + !followed].contacts++;
		s->lv[fr_factors[FR_FOLLOWS].first + !follows].contacts++;
		if (follows) {
			s->tax_repeat += r->levels & FR_SIDE ? side_of(j->parts, r)->cost :
				r->u.cost;
			s->repeats++;
		}
	}
}

/* The answers of one partition (sorted by customer, time), each to the
 * last contact of its customer at or before its time. */
static void link_customers(struct pass_job *j, size_t p, const struct fr_rec *t, size_t n)
{
	struct fr_key *key = j->by_part[p];
	size_t i = 0, k;

	sort_keys(key, j->n_by_part[p]);
	for (k = 0; k < j->n_by_part[p]; k++) {
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
		if (i + SIDE_AHEAD < n && (r[SIDE_AHEAD].levels & FR_SIDE))
			__builtin_prefetch(side_of(j->parts, &r[SIDE_AHEAD]), 1);
		int followed = mine && i + 1 < n && t[i + 1].t.customer == r->t.customer &&
			(int64_t)t[i + 1].t.time - r->t.time <= w;
		int follows = mine && i > 0 && t[i - 1].t.customer == r->t.customer &&
			(int64_t)r->t.time - t[i - 1].t.time <= w;
		if (mine) {
			r->levels = fr_set(r->levels, FR_REPEAT, !followed);
			r->levels = fr_set(r->levels, FR_FOLLOWS, !follows);
		}
		if (r->t.info & AGG_COUNTED)
			count_contact(j, r, mine, followed, follows);
		if (r->levels & FR_SIDE)
			side_of(j->parts, r)->levels = r->levels & ~FR_SIDE;
	}
	link_customers(j, p, t, n);
}

static void *pass_worker(void *arg)
{
	struct pass_job *j = arg;
	struct fr_rec *buf = NULL;
	size_t cap = 0, n, p;

	for (p = (size_t)j->first; p < AGG_PARTS; p += (size_t)j->step) {
		n = gather(j, p, &buf, &cap);
		if (n == 0) {
			link_customers(j, p, NULL, 0);
			continue;
		}
		pass_partition(j, p, sort_recs(buf, buf + cap, n), n);
	}
	free(buf);
	return NULL;
}

/* ---- putting it together ---- */

/* The keys of the answers not linked by id, with a customer and a time,
 * per partition of their customer hash, in file order (the pass sorts
 * each); the others get their reason now. */
static void partition_answers(struct fr_state *fr, struct fr_key **by, size_t *nby)
{
	size_t i, p, at[AGG_PARTS];

	memset(nby, 0, AGG_PARTS * sizeof *nby);
	for (i = 0; i < fr->n; i++) {
		struct fr_answer *a = &fr->a[i];
		if (a->how == FR_HOW_ID)
			continue;
		if (!a->customer || !fr->contact_customer || !fr->timed)
			a->how = FR_HOW_NO_ID_NO_CUSTOMER;
		else if (!a->has_time)
			a->how = FR_HOW_NO_TIME;
		else
			nby[a->customer >> 56]++;
	}
	for (p = 0; p < AGG_PARTS; p++) {
		by[p] = nby[p] ? xmalloc(nby[p] * sizeof **by) : NULL;
		at[p] = 0;
	}
	for (i = 0; i < fr->n; i++) {
		const struct fr_answer *a = &fr->a[i];
		if (a->how == FR_HOW_NONE) {
			struct fr_key *k = &by[a->customer >> 56][at[a->customer >> 56]++];
			k->customer = a->customer;
			k->time = a->time;
			k->answer = (uint32_t)i;
		}
	}
}

/* The answers whose contact id the contacts file holds: linked by id
 * (link_ids() finds to which row once the pass has its levels). */
static void mark_found(struct fr_state *fr, const struct agg_part *parts, int nparts)
{
	size_t i;
	uint32_t a;
	int k;

	for (k = 0; k < nparts; k++)
		for (i = 0; i < parts[k].nside; i++)
			for (a = parts[k].side[i].answer; a; a = fr->a[a - 1].next)
				fr->a[a - 1].how = FR_HOW_ID;
}

/* Id links: each answer to the latest row in the file with its contact
 * id (the side entries of every part). */
static void link_ids(struct fr_state *fr, struct agg_part *parts, int nparts)
{
	size_t i;
	int k;

	for (k = 0; k < nparts; k++) {
		for (i = 0; i < parts[k].nside; i++) {
			const struct fr_side *s = &parts[k].side[i];
			uint32_t a = s->answer;
			for (; a; a = fr->a[a - 1].next) {
				struct fr_answer *x = &fr->a[a - 1];
				if (x->how == FR_HOW_ID && x->offset > s->offset)
					continue;
				x->how = FR_HOW_ID;
				x->offset = s->offset;
				x->info = s->info;
				x->levels = s->levels;
			}
		}
	}
}

/* Every answer in its linked contact's groups (or, unlinked, counted in
 * the period of its own time). */
static void add_answers(struct fr_state *fr, struct agg_part *parts, struct agg_table *into)
{
	struct agg_group_cache *cache = xcalloc(1, sizeof *cache);
	struct fr_slots l;
	size_t i;
	int all;

	for (i = 0; i < fr->n; i++) {
		const struct fr_answer *a = &fr->a[i];
		fr->how[a->how]++;
		if (a->how != FR_HOW_ID && a->how != FR_HOW_CUSTOMER) {
			if (a->period >= 0)
				agg_group_get(into, a->period, "", 0)->s.fr.unlinked++;
			continue;
		}
		if (!(a->info & AGG_COUNTED))
			continue;
		fr_slots_of(a->levels, &l);
		for (all = 1; all >= 0; all--) {
			struct fr_sums *s = &agg_trace_group(into, cache, parts, a->info, all)->s.fr;
			fr_add_answer(s, &l, a->csat, a->nps);
			s->by_id += a->how == FR_HOW_ID;
			s->by_customer += a->how == FR_HOW_CUSTOMER;
		}
	}
	free(cache);
}

void fr_pass(struct agg_part *parts, int nparts, struct agg_table *into,
	     struct fr_state *fr, int threads)
{
	struct pass_job *jobs = xcalloc((size_t)threads, sizeof *jobs);
	struct fr_key *by[AGG_PARTS];
	size_t nby[AGG_PARTS], p;
	int i;

	mark_found(fr, parts, nparts);
	partition_answers(fr, by, nby);
	for (i = 0; i < threads; i++) {
		jobs[i].parts = parts;
		jobs[i].nparts = nparts;
		jobs[i].first = i;
		jobs[i].step = threads;
		jobs[i].fr = fr;
		jobs[i].by_part = by;
		jobs[i].n_by_part = nby;
	}
	agg_run_jobs(pass_worker, jobs, sizeof *jobs, threads);
	for (i = 0; i < threads; i++) {
		agg_table_merge(into, &jobs[i].table);
		agg_table_release(&jobs[i].table);
	}
	for (p = 0; p < AGG_PARTS; p++)
		free(by[p]);
	link_ids(fr, parts, nparts);
	add_answers(fr, parts, into);
	free(jobs);
}
