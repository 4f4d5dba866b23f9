/* agg_stats: the sums behind each aggregated metric, per (period,
 * channel) group, as DESIGN.md's "Raw data" table defines them. */
#include "aggregate/agg_internal.h"
#include "base/mem.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

struct agg_group *agg_group_get(struct agg_table *t, long period, const char *channel,
				size_t channel_len)
{
	struct agg_group *g;
	size_t i;

	for (i = t->n; i-- > 0;) {
		g = &t->groups[i];
		if (g->period == period && strlen(g->channel) == channel_len &&
		    memcmp(g->channel, channel, channel_len) == 0)
			return g;
	}
	xgrow((void **)&t->groups, &t->cap, t->n, sizeof *t->groups);
	g = &t->groups[t->n++];
	memset(g, 0, sizeof *g);
	g->period = period;
	g->channel = xstrndup(channel, channel_len);
	return g;
}

static void add_wait(struct agg_stats *s, double wait)
{
	size_t bin;

	if (!s->hist)
		s->hist = xcalloc(AGG_HIST_FINE + AGG_HIST_COARSE, sizeof *s->hist);
	if (wait >= 86400) {
		s->hist_over++;
		return;
	}
	bin = wait < AGG_HIST_FINE ? (size_t)wait :
		AGG_HIST_FINE + (size_t)((wait - AGG_HIST_FINE) / 60);
	s->hist[bin]++;
}

static void keep_value(struct agg_values *vals, double v)
{
	xgrow((void **)&vals->v, &vals->cap, vals->n, sizeof *vals->v);
	vals->v[vals->n++] = v;
}

/* Helpdesk tickets: durations kept whole for their percentiles; reopens
 * counted. */
static void add_ticket(struct agg_stats *s, const struct contact *c)
{
	if (c->first_response >= 0)
		keep_value(&s->first_response, c->first_response);
	if (c->resolution >= 0)
		keep_value(&s->resolution, c->resolution);
	if (c->reopens >= 0) {
		s->reopens_n++;
		s->reopened += c->reopens >= 1;
	}
}

void agg_add_survey(struct agg_stats *s, const struct contact *c)
{
	if (c->csat >= 0) {
		s->csat_n++;
		s->csat_ok += c->csat >= 4;
	}
	if (c->nps >= 0) {
		s->nps_n++;
		s->nps_pro += c->nps >= 9;
		s->nps_det += c->nps <= 6;
	}
	if (c->ces >= 0) {
		s->ces_n++;
		s->ces_sum += c->ces;
	}
}

void agg_add_contact(struct agg_stats *s, const struct contact *c,
		     const struct agg_options *o)
{
	int answered = !c->abandoned;

	s->offered++;
	s->abandoned += c->abandoned;
	s->answered += answered;
	if (c->wait >= 0) {
		s->sl_n++;
		s->sl_ok += answered && c->wait <= o->sl_seconds;
		if (answered) {
			s->wait_n++;
			s->wait_sum += c->wait;
			add_wait(s, c->wait);
		}
	}
	if (answered && c->hold >= 0) {
		s->hold_n++;
		s->hold_sum += c->hold;
	}
	if (answered && c->transfers >= 0) {
		s->transfers_n++;
		s->transfers_sum += c->transfers;
	}
	if (c->escalated && c->human_wait >= 0) {
		s->human_n++;
		s->human_sum += c->human_wait;
	}
	s->ai_n += answered && c->ai_handled;
	add_ticket(s, c);
	agg_add_survey(s, c);
}

static void add_values(struct agg_values *a, const struct agg_values *b)
{
	size_t i;
	for (i = 0; i < b->n; i++)
		keep_value(a, b->v[i]);
}

static void add_stats(struct agg_stats *a, const struct agg_stats *b)
{
	size_t i;

	a->offered += b->offered;
	a->answered += b->answered;
	a->abandoned += b->abandoned;
	a->sl_n += b->sl_n;
	a->sl_ok += b->sl_ok;
	a->wait_n += b->wait_n;
	a->hold_n += b->hold_n;
	a->transfers_n += b->transfers_n;
	a->human_n += b->human_n;
	a->csat_n += b->csat_n;
	a->csat_ok += b->csat_ok;
	a->nps_n += b->nps_n;
	a->nps_pro += b->nps_pro;
	a->nps_det += b->nps_det;
	a->ces_n += b->ces_n;
	a->ai_n += b->ai_n;
	a->followed += b->followed;
	a->fcr_ok += b->fcr_ok;
	a->ai_ok += b->ai_ok;
	a->wait_sum += b->wait_sum;
	a->hold_sum += b->hold_sum;
	a->transfers_sum += b->transfers_sum;
	a->human_sum += b->human_sum;
	a->ces_sum += b->ces_sum;
	a->hist_over += b->hist_over;
	a->reopens_n += b->reopens_n;
	a->reopened += b->reopened;
	fr_sums_add(&a->fr, &b->fr);
	add_values(&a->first_response, &b->first_response);
	add_values(&a->resolution, &b->resolution);
	if (!b->hist)
		return;
	if (!a->hist)
		a->hist = xcalloc(AGG_HIST_FINE + AGG_HIST_COARSE, sizeof *a->hist);
	for (i = 0; i < AGG_HIST_FINE + AGG_HIST_COARSE; i++)
		a->hist[i] += b->hist[i];
}

void agg_table_merge(struct agg_table *into, struct agg_table *from)
{
	size_t i;
	for (i = 0; i < from->n; i++) {
		struct agg_group *g = &from->groups[i];
		struct agg_group *to = agg_group_get(into, g->period, g->channel,
						     strlen(g->channel));
		add_stats(&to->s, &g->s);
	}
}

void agg_table_release(struct agg_table *t)
{
	size_t i;
	for (i = 0; i < t->n; i++) {
		free(t->groups[i].channel);
		free(t->groups[i].s.hist);
		free(t->groups[i].s.first_response.v);
		free(t->groups[i].s.resolution.v);
	}
	free(t->groups);
	memset(t, 0, sizeof *t);
}

uint64_t agg_nearest_rank(uint64_t n, unsigned p)
{
	/* in integers: ceil(p / 100 * n) in doubles can land one above */
	uint64_t rank = (n * p + 99) / 100;
	return rank ? rank : 1;
}

double agg_wait_percentile(const struct agg_stats *s, unsigned p)
{
	uint64_t rank, seen = 0;
	size_t i;

	if (!s->wait_n || !s->hist)
		return NAN;
	rank = agg_nearest_rank(s->wait_n, p);
	for (i = 0; i < AGG_HIST_FINE + AGG_HIST_COARSE; i++) {
		seen += s->hist[i];
		if (seen >= rank)
			return i < AGG_HIST_FINE ? (double)i :
				AGG_HIST_FINE + (double)(i - AGG_HIST_FINE) * 60;
	}
	return 86400;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static void sort_values(struct agg_values *v)
{
	if (v->n > 1)
		qsort(v->v, v->n, sizeof *v->v, by_value);
}

void agg_table_sort_values(struct agg_table *t)
{
	size_t i;
	for (i = 0; i < t->n; i++) {
		sort_values(&t->groups[i].s.first_response);
		sort_values(&t->groups[i].s.resolution);
	}
}

double agg_values_percentile(const struct agg_values *v, unsigned p)
{
	return v->n ? v->v[agg_nearest_rank(v->n, p) - 1] : NAN;
}

static int by_period_channel(const void *a, const void *b)
{
	const struct agg_group *x = a, *y = b;
	if (x->period != y->period)
		return x->period < y->period ? -1 : 1;
	return strcmp(x->channel, y->channel);
}

void agg_sort_groups(struct agg_table *t)
{
	if (t->n > 1)
		qsort(t->groups, t->n, sizeof *t->groups, by_period_channel);
}
