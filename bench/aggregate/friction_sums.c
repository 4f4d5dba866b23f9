/* friction_sums: the factors and their levels (DESIGN.md, "Friction"),
 * and the sums each contact and each linked answer adds to its group. */
#include "aggregate/friction.h"
#include "aggregate/contacts.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

/* wait's n is FR_WAIT_MAX slots; a run's own count is in struct fr_wait */
const struct fr_factor_def fr_factors[FR_NFACTORS] = {
	[FR_WAIT] = { "wait", 0, FR_WAIT_MAX, 0, 15 },
	[FR_HOLD] = { "hold", 9, 3, 4, 7 },
	[FR_TRANSFERS] = { "transfers", 12, 3, 7, 7 },
	[FR_REPEAT] = { "repeat", 15, 2, 10, 7 },
	[FR_FOLLOWS] = { "follows_earlier", 17, 2, 13, 7 },
	[FR_AI] = { "ai", 19, 3, 16, 7 },
	[FR_TTH] = { "time_to_human", 22, 4, 19, 7 },
};

const char *const fr_level_names[FR_LEVELS] = {
	NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
	"none", "0-1min", "1min+",
	"0", "1", "2+",
	"followed", "not_followed",
	"follows", "first",
	"ai_resolved", "ai_then_person", "person_only",
	"0-60s", "1-3min", "3-10min", "10min+",
};

/* A wait level's name from its edges (lo < 0: the first level, hi < 0:
 * the last): whole minutes when both edges are and the upper one is
 * over a minute (1-3min; the last from a minute: 10min+), else seconds, the lower one + 1 as
 * the seconds are whole (21-60s; the first from 0: 0-20s). */
static void wait_label(char *buf, size_t size, double lo, double hi)
{
	int in_min = hi < 0 ? fmod(lo, 60) == 0 && lo >= 60 :
		fmod(hi, 60) == 0 && fmod(lo < 0 ? 0 : lo, 60) == 0 && hi > 60;

	if (hi < 0 && in_min)
		snprintf(buf, size, "%.0fmin+", lo / 60);
	else if (hi < 0)
		snprintf(buf, size, "%.0fs+", lo);
	else if (in_min)
		snprintf(buf, size, "%.0f-%.0fmin", lo < 0 ? 0 : lo / 60, hi / 60);
	else
		snprintf(buf, size, "%.0f-%.0fs", lo < 0 ? 0 : lo + 1, hi);
}

void fr_wait_init(struct fr_wait *w, const double *edges, unsigned nedges)
{
	static const double design[] = { 20, 60, 180, 600 };
	unsigned i;

	if (!nedges || nedges > FR_WAIT_MAX - 1)
		edges = design, nedges = 4;
	w->n = nedges + 1;
	for (i = 0; i < nedges; i++)
		w->edge[i] = edges[i];
	for (i = 0; i < w->n; i++)
		wait_label(w->label[i], sizeof w->label[i], i ? edges[i - 1] : -1,
			   i < nedges ? edges[i] : -1);
}

const char *fr_level_name(const struct fr_wait *w, enum fr_factor f, unsigned i)
{
	return f == FR_WAIT ? w->label[i] : fr_level_names[fr_factors[f].first + i];
}

unsigned fr_nlevels(const struct fr_wait *w, enum fr_factor f)
{
	return f == FR_WAIT ? w->n : fr_factors[f].n;
}

/* The level of a duration among ascending upper edges (inclusive). */
static unsigned bucket(double v, const double *edges, unsigned n)
{
	unsigned i;
	for (i = 0; i < n && v > edges[i]; i++)
		;
	return i;
}

/* w with factor f at level (from 0), and the level's slot noted in l:
 * f is a constant at every call, so the table's fields fold away. */
static inline fr_levels put(fr_levels w, struct fr_slots *l, enum fr_factor f,
			    unsigned level)
{
	l->slot[l->n++] = (unsigned char)(fr_factors[f].first + level);
	return fr_set(w, f, level);
}

/* Wait, hold, transfers and AI over answered contacts: the sets their
 * metrics (asa_seconds, hold_seconds, transfers_per_contact,
 * ai_resolution_pct) are over.  An AI contact neither resolved nor
 * escalated is at no AI level (DESIGN.md's three leave it out); time to a
 * human is over AI contacts escalated to a person with a value, in
 * buckets of our own: 0-60 s, 1-3 min, 3-10 min, over 10 min. */
fr_levels fr_levels_of(const struct contact *c, const struct fr_wait *wait,
		       struct fr_slots *l)
{
	static const double hold_edges[] = { 0, 60 };
	static const double human_edges[] = { 60, 180, 600 };
	fr_levels w = 0;

	l->n = 0;
	if (c->abandoned)
		return 0;
	if (c->wait >= 0)
		w = put(w, l, FR_WAIT, bucket(c->wait, wait->edge, wait->n - 1));
	if (c->hold >= 0)
		w = put(w, l, FR_HOLD, bucket(c->hold, hold_edges, 2));
	if (c->transfers >= 0)
		w = put(w, l, FR_TRANSFERS, c->transfers >= 2 ? 2 : (unsigned)c->transfers);
	if (!c->ai_handled)
		w = put(w, l, FR_AI, 2);
	else if (c->escalated)
		w = put(w, l, FR_AI, 1);
	else if (c->resolved)
		w = put(w, l, FR_AI, 0);
	if (c->ai_handled && c->escalated && c->human_wait >= 0)
		w = put(w, l, FR_TTH, bucket(c->human_wait, human_edges, 3));
	return w;
}

/* The slot of factor f's level in w, when it has one. */
static inline void slot_if(fr_levels w, enum fr_factor f, struct fr_slots *out)
{
	unsigned l = fr_level(w, f);
	if (l)
		out->slot[out->n++] = (unsigned char)(fr_factors[f].first + l - 1);
}

void fr_slots_of(fr_levels w, struct fr_slots *out)
{
	out->n = 0;
	slot_if(w, FR_WAIT, out);
	slot_if(w, FR_HOLD, out);
	slot_if(w, FR_TRANSFERS, out);
	slot_if(w, FR_REPEAT, out);
	slot_if(w, FR_FOLLOWS, out);
	slot_if(w, FR_AI, out);
	slot_if(w, FR_TTH, out);
}

void fr_add_contact(struct fr_sums *s, const struct contact *c, const struct fr_slots *l)
{
	unsigned i, n = l->n; /* held: the sums could alias *l */

	if (c->wait >= 0)
		s->tax_wait += c->wait;
	if (c->hold >= 0)
		s->tax_hold += c->hold;
	for (i = 0; i < n; i++)
		s->lv[l->slot[i]].contacts++;
	if (n && l->slot[0] < FR_WAIT_MAX) /* a wait level comes first */
		s->lv[l->slot[0]].wait_sum += c->wait;
}

void fr_add_answer(struct fr_sums *s, const struct fr_slots *l, int csat, int nps)
{
	uint64_t csat_n = csat >= 0, csat_ok = csat >= 4;
	uint64_t nps_n = nps >= 0, pro = nps >= 9, det = nps >= 0 && nps <= 6;
	unsigned i, n = l->n;

	for (i = 0; i < n; i++) {
		struct fr_level_sums *v = &s->lv[l->slot[i]];
		v->csat_n += csat_n;
		v->csat_ok += csat_ok;
		v->nps_n += nps_n;
		v->nps_pro += pro;
		v->nps_det += det;
	}
}

void fr_sums_add(struct fr_sums *a, const struct fr_sums *b)
{
	size_t i;

	for (i = 0; i < FR_LEVELS; i++) {
		a->lv[i].contacts += b->lv[i].contacts;
		a->lv[i].csat_n += b->lv[i].csat_n;
		a->lv[i].csat_ok += b->lv[i].csat_ok;
		a->lv[i].nps_n += b->lv[i].nps_n;
		a->lv[i].nps_pro += b->lv[i].nps_pro;
		a->lv[i].nps_det += b->lv[i].nps_det;
		a->lv[i].wait_sum += b->lv[i].wait_sum;
	}
	a->by_id += b->by_id;
	a->by_customer += b->by_customer;
	a->unlinked += b->unlinked;
	a->tax_wait += b->tax_wait;
	a->tax_hold += b->tax_hold;
	a->tax_repeat += b->tax_repeat;
	a->repeats += b->repeats;
}
