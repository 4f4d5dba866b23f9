/* friction_link: what the scans keep for linking survey answers to the
 * contacts they are about (DESIGN.md, "Friction").  An answer whose
 * contact_id the contacts file holds is linked to that contact (of two
 * rows with one id, the later); otherwise to the same customer's latest
 * contact starting at or before answered_at (of two at one time, the
 * later row), at most --link-days earlier.  The survey scan keeps the
 * answers, and fr_index() a table of their contact ids; the contacts'
 * scan finds the contacts answers name by id (fr_lookup() in that table,
 * a few records behind the parse) and leaves one 24-byte record per
 * contact, for the pass (friction_pass.c). */
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

void fr_block_next(struct fr_recs *r, size_t p)
{
	struct fr_block *b = new_block(r);

	b->next = NULL;
	b->n = 0;
	if (r->tail[p]) {
		r->tail[p]->n = FR_BLOCK;
		r->tail[p]->next = b;
	} else {
		r->head[p] = b;
	}
	r->tail[p] = b;
	r->at[p] = b->r;
	r->end[p] = b->r + FR_BLOCK;
}

void fr_recs_close(struct fr_recs *r)
{
	size_t p;
	for (p = 0; p < AGG_PARTS; p++)
		if (r->tail[p])
			r->tail[p]->n = (size_t)(r->at[p] - r->tail[p]->r);
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

/* The table and the filter are two interleaved halves, one per id bit 1
 * (bit 0 is always set), so that two threads fill them without sharing
 * a slot or a word: an id's slots and its filter word have that bit as
 * their lowest, and a run of slots steps by two. */
#define WAYS FR_WAYS
static size_t way_of(uint64_t id)
{
	return (size_t)(id >> 1) & (WAYS - 1);
}

static size_t slot_of(uint64_t id, size_t mask)
{
	return ((size_t)((id * 0x9E3779B97F4A7C15ULL) >> 32) * WAYS + way_of(id)) & mask;
}

static size_t next_slot(size_t s, size_t mask)
{
	return (s + WAYS) & mask;
}

static size_t word_of(uint64_t id, size_t filter_mask)
{
	return (size_t)(id >> 1) & filter_mask;
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

struct index_job {
	struct fr_state *fr;
	size_t way;
};

/* One way's ids, backwards, so that each chain runs in file order; the
 * slot and the filter word of the answer 16 ahead are fetched
 * meanwhile. */
static void *index_way(void *arg)
{
	const struct index_job *j = arg;
	struct fr_state *fr = j->fr;
	size_t i;

	for (i = fr->n; i-- > 0;) {
		uint64_t id = fr->a[i].id, ahead = i >= 16 ? fr->a[i - 16].id : 0;
		size_t s;
		if (ahead && way_of(ahead) == j->way) {
			__builtin_prefetch(&fr->slots[slot_of(ahead, fr->mask)], 1);
			__builtin_prefetch(&fr->filter[word_of(ahead, fr->filter_mask)], 1);
		}
		if (!id || way_of(id) != j->way)
			continue;
		fr->filter[word_of(id, fr->filter_mask)] |= filter_bits(id);
		for (s = slot_of(id, fr->mask); fr->slots[s].answer; s = next_slot(s, fr->mask))
			if (fr->slots[s].id == id)
				break;
		fr->a[i].next = fr->slots[s].answer;
		fr->a[i].at.slot = s;
		fr->slots[s].id = id;
		fr->slots[s].answer = (uint32_t)(i + 1);
	}
	return NULL;
}

void fr_index(struct fr_state *fr, int threads)
{
	struct index_job jobs[WAYS];
	size_t i, withid = 0, most = 0, per_way[WAYS] = { 0 }, size = 16, words = 64;

	for (i = 0; i < fr->n; i++)
		if (fr->a[i].id)
			per_way[way_of(fr->a[i].id)]++;
	for (i = 0; i < WAYS; i++) {
		withid += per_way[i];
		most = per_way[i] > most ? per_way[i] : most;
	}
	if (!withid)
		return;
	/* at most three in four slots of either way taken: most contacts
	 * never reach the table (the filter turns them away), and the ones
	 * that do find a slot fetched ahead (fr_lookup()), so a smaller table
	 * that faults in fewer pages is worth its longer runs */
	while (size / WAYS * 3 < most * 4)
		size *= 2;
	while (words * 64 < withid * 12)
		words *= 2;
	fr->slots = xcalloc(size, sizeof *fr->slots);
	mem_huge(fr->slots, size * sizeof *fr->slots);
	fr->mask = size - 1;
	fr->filter = xcalloc(words, sizeof *fr->filter);
	mem_huge(fr->filter, words * sizeof *fr->filter);
	fr->filter_mask = words - 1;
	for (i = 0; i < WAYS; i++) {
		jobs[i].fr = fr;
		jobs[i].way = i;
	}
	if (threads > 1) {
		agg_run_jobs(index_way, jobs, sizeof *jobs, WAYS);
	} else {
		for (i = 0; i < WAYS; i++)
			index_way(&jobs[i]);
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

	for (s = slot_of(p->id, fr->mask); fr->slots[s].answer; s = next_slot(s, fr->mask))
		if (fr->slots[s].id == p->id)
			break;
	if (!fr->slots[s].answer)
		return;
	/* another scan thread may set it too, to the same value */
	__atomic_store_n(&fr->slots[s].found, 1, __ATOMIC_RELAXED);
	xgrow_huge((void **)&part->side, &part->side_cap, part->nside, sizeof *part->side);
	e = &part->side[part->nside];
	e->offset = p->offset;
	e->answer = fr->slots[s].answer;
	e->info = r->t.info;
	e->levels = r->levels | (way_of(p->id) ? FR_WAY : 0);
	e->cost = r->u.cost;
	r->levels |= FR_SIDE;
	r->u.side = (uint32_t)part->nside++;
}

/* A queued id through the filter: its table slot fetched when it passes,
 * else zeroed (most contacts are named by no answer and stop here). */
static void filter(const struct fr_state *fr, struct fr_pending *p)
{
	uint64_t bits = filter_bits(p->id);

	if ((fr->filter[word_of(p->id, fr->filter_mask)] & bits) != bits)
		p->id = 0;
	else
		__builtin_prefetch(&fr->slots[slot_of(p->id, fr->mask)]);
}

#define HALF (FR_AHEAD / 2)
void fr_lookup(const struct fr_state *fr, struct fr_lookups *q, struct agg_part *part,
	       const struct fr_pending *p)
{
	struct fr_pending *at = &q->q[q->n % FR_AHEAD];

	if (!fr->slots)
		return; /* no answer names a contact id */
	if (q->n >= FR_AHEAD && at->id)
		resolve(fr, part, at);
	*at = *p;
	__builtin_prefetch(&fr->filter[word_of(p->id, fr->filter_mask)]);
	if (q->n >= HALF)
		filter(fr, &q->q[(q->n - HALF) % FR_AHEAD]);
	q->n++;
}

void fr_lookups_flush(const struct fr_state *fr, struct fr_lookups *q,
		      struct agg_part *part)
{
	size_t i, first = q->n > FR_AHEAD ? q->n - FR_AHEAD : 0;

	for (i = q->n > HALF ? q->n - HALF : 0; i < q->n; i++)
		filter(fr, &q->q[i % FR_AHEAD]);
	for (i = first; i < q->n; i++)
		if (q->q[i % FR_AHEAD].id)
			resolve(fr, part, &q->q[i % FR_AHEAD]);
	q->n = 0;
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
