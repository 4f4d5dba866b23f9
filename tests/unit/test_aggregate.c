/* aggregate: timestamp_parse (timestamp.c) and the sums and wait
 * percentiles of agg_stats.c.  Every expected epoch is worked out by hand
 * in the comment beside it:
 *   days from 1970-01-01 to 2026-01-01 = 56 * 365 + 14 leap days (1972,
 *   1976, ..., 2024) = 20454, so 2026-01-01T00:00:00Z = 20454 * 86400 =
 *   1767225600. */
#include "aggregate/agg_internal.h"
#include "check.h"
#include "io/timestamp.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define JAN1_2026 1767225600LL

/* Parses a NUL-terminated text; returns 0/-1 and fills *t. */
static int ts(const char *s, struct timestamp *t)
{
	memset(t, 0x55, sizeof *t);
	return timestamp_parse(s, strlen(s), t);
}

static int valid(const char *s)
{
	struct timestamp t;
	return ts(s, &t) == 0;
}

/* epoch of s, or a sentinel when it does not parse */
static long long epoch(const char *s)
{
	struct timestamp t;
	return ts(s, &t) == 0 ? (long long)t.epoch : -999999999LL;
}

void test_timestamp_parse(void)
{
	struct timestamp t;
	char buf[64];

	/* UTC with Z */
	CHECK_INT(ts("2026-01-01T00:00:00Z", &t), 0);
	CHECK(t.epoch == JAN1_2026);
	CHECK_INT(t.year, 2026);
	CHECK_INT(t.month, 1);
	CHECK(epoch("1970-01-01T00:00:00Z") == 0);
	CHECK(epoch("1970-01-02T00:00:01Z") == 86401);
	CHECK(epoch("2026-01-01T00:00:00z") == JAN1_2026); /* lower-case z */
	/* 2026-03-15T12:34:56Z: Jan 31 + Feb 28 + 14 days = 73 days after Jan 1;
	 * 73 * 86400 + 12 * 3600 + 34 * 60 + 56 = 6307200 + 45296 */
	CHECK(epoch("2026-03-15T12:34:56Z") == JAN1_2026 + 6307200 + 45296);
	/* last second of 2025 */
	CHECK(epoch("2025-12-31T23:59:59Z") == JAN1_2026 - 1);

	/* offsets: +HH:MM, -HHMM, +HH (seconds east of UTC are subtracted) */
	CHECK(epoch("2026-01-01T05:30:00+05:30") == JAN1_2026);
	CHECK(epoch("2026-01-01T05:30:00+0530") == JAN1_2026);
	CHECK(epoch("2026-01-01T01:00:00+01") == JAN1_2026);
	CHECK(epoch("2026-01-01T00:00:00+00:00") == JAN1_2026);
	CHECK(epoch("2026-01-01T00:00:00-00:00") == JAN1_2026);
	CHECK(epoch("2025-12-31T22:30:00-0130") == JAN1_2026);
	CHECK(epoch("2025-12-31T19:00:00-05") == JAN1_2026);
	CHECK(epoch("2026-01-01T23:59:00+23:59") == JAN1_2026); /* the widest */
	/* the local date is the one written, not the UTC one */
	CHECK_INT(ts("2025-12-31T22:30:00-0130", &t), 0);
	CHECK_INT(t.year, 2025);
	CHECK_INT(t.month, 12);
	/* 2026-03-31T23:30:00-05:00 = 2026-04-01T04:30:00Z: Jan 31 + Feb 28 +
	 * Mar 31 = 90 days; 90 * 86400 + 4.5 h = 7776000 + 16200 = 7792200 after
	 * Jan 1; the month as written is March */
	CHECK_INT(ts("2026-03-31T23:30:00-05:00", &t), 0);
	CHECK(t.epoch == JAN1_2026 + 7792200);
	CHECK_INT(t.year, 2026);
	CHECK_INT(t.month, 3);
	/* and the other way: 2026-04-01T02:00:00+03:00 is still March 31 in UTC
	 * (23:00Z, 89 days + 23 h = 7689600 + 82800) but April as written */
	CHECK_INT(ts("2026-04-01T02:00:00+03:00", &t), 0);
	CHECK(t.epoch == JAN1_2026 + 7689600 + 82800);
	CHECK_INT(t.month, 4);

	/* fractions of a second are dropped (not rounded) */
	CHECK(epoch("2026-01-01T00:00:00.999Z") == JAN1_2026);
	CHECK(epoch("2026-01-01T00:00:00.5") == JAN1_2026);
	CHECK(epoch("2026-01-01T02:00:00.123456789+02:00") == JAN1_2026);
	CHECK(epoch("2026-01-01T00:00:01.0-0000") == JAN1_2026 + 1);
	CHECK(!valid("2026-01-01T00:00:00.Z"));  /* a point needs digits */
	CHECK(!valid("2026-01-01T00:00:00."));
	CHECK(!valid("2026-01-01T00:00:00,5Z")); /* a comma is not read */

	/* "YYYY-MM-DD HH:MM:SS" and no zone at all: taken as UTC */
	CHECK_INT(ts("2026-01-01 00:00:00", &t), 0);
	CHECK(t.epoch == JAN1_2026);
	CHECK_INT(t.year, 2026);
	CHECK_INT(t.month, 1);
	CHECK(epoch("2026-01-01T00:00:00") == JAN1_2026);
	CHECK(epoch("2026-03-31 23:30:00") == JAN1_2026 + 7689600 + 84600);

	/* leap years: 2024 and 2000 have Feb 29, 2025 and 2100 do not */
	/* 2024-02-29T12:00:00Z: 2024-01-01 is 20454 - 366 - 365 = 19723 days;
	 * + 31 + 28 = 19782 days; 19782 * 86400 + 43200 = 1709208000 */
	CHECK(epoch("2024-02-29T12:00:00Z") == 1709208000LL);
	CHECK(valid("2000-02-29T00:00:00Z"));
	CHECK(!valid("2025-02-29T00:00:00Z"));
	CHECK(!valid("2100-02-29T00:00:00Z"));
	CHECK(!valid("2026-02-30T00:00:00Z"));
	CHECK(!valid("2026-04-31T00:00:00Z"));
	CHECK(valid("2026-12-31T00:00:00Z"));
	CHECK(!valid("2026-12-32T00:00:00Z"));
	CHECK(!valid("2026-00-10T00:00:00Z"));
	CHECK(!valid("2026-13-10T00:00:00Z"));
	CHECK(!valid("2026-01-00T00:00:00Z"));
	/* times */
	CHECK(valid("2026-01-01T23:59:59Z"));
	CHECK(!valid("2026-01-01T24:00:00Z"));
	CHECK(!valid("2026-01-01T12:60:00Z"));
	CHECK(!valid("2026-01-01T12:00:61Z"));
	/* bad offsets */
	CHECK(!valid("2026-01-01T00:00:00+24:00"));
	CHECK(!valid("2026-01-01T00:00:00+05:60"));
	CHECK(!valid("2026-01-01T00:00:00+5"));
	CHECK(!valid("2026-01-01T00:00:00+05:3"));
	CHECK(!valid("2026-01-01T00:00:00+053"));
	CHECK(!valid("2026-01-01T00:00:00+05:300"));
	CHECK(!valid("2026-01-01T00:00:00+05-30"));
	CHECK(!valid("2026-01-01T00:00:00 +05:00"));
	CHECK(!valid("2026-01-01T00:00:00UTC"));
	CHECK(!valid("2026-01-01T00:00:00ZZ"));
	CHECK(!valid("2026-01-01T00:00:00Z "));
	/* shapes */
	CHECK(!valid(""));
	CHECK(!valid("2026-01-01"));
	CHECK(!valid("2026-01-01T00:00"));
	CHECK(!valid("2026-1-01T00:00:00Z"));
	CHECK(!valid("2026/01/01T00:00:00Z"));
	CHECK(!valid("2026-01-01X00:00:00Z"));
	CHECK(!valid("2026-01-01T00-00-00Z"));
	CHECK(!valid(" 2026-01-01T00:00:00Z"));
	CHECK(!valid("2026-0a-01T00:00:00Z"));
	CHECK(!valid("+2026-01-01T00:00:00Z"));
	CHECK(!valid("01/02/2026 10:00"));
	CHECK(!valid("1767225600"));

	/* the length is the end: nothing past it is read */
	strcpy(buf, "2026-01-01T00:00:00Zjunk");
	CHECK_INT(timestamp_parse(buf, 20, &t), 0);
	CHECK(t.epoch == JAN1_2026);
	CHECK_INT(timestamp_parse(buf, 19, &t), 0); /* no zone: UTC */
	CHECK_INT(timestamp_parse(buf, 21, &t), -1);
	CHECK_INT(timestamp_parse(buf, 18, &t), -1);
}

/* A contact with no values: numbers missing, flags 0. */
static struct contact blank(void)
{
	struct contact c;
	memset(&c, 0, sizeof c);
	c.wait = c.handle = c.hold = c.transfers = c.human_wait = NO_VALUE;
	c.csat = c.nps = c.ces = NO_VALUE;
	c.first_response = c.resolution = c.reopens = NO_VALUE;
	return c;
}

static void add_wait(struct agg_stats *s, const struct agg_options *o, double wait,
		     int abandoned)
{
	struct contact c = blank();
	c.wait = wait;
	c.abandoned = (unsigned char)abandoned;
	agg_add_contact(s, &c, o);
}

void test_agg_percentile(void)
{
	struct agg_options o;
	struct agg_stats s;
	struct agg_table a = { 0 }, b = { 0 };
	static const double waits[] = { 30, 10, 50, 20, 40 };
	size_t i;

	memset(&o, 0, sizeof o);
	o.sl_seconds = 20;

	/* nothing yet: NaN (written as null) */
	memset(&s, 0, sizeof s);
	CHECK_NAN(agg_wait_percentile(&s, 50));
	/* abandoned contacts' waits are not answered waits */
	add_wait(&s, &o, 5, 1);
	CHECK_INT(s.wait_n, 0);
	CHECK_NAN(agg_wait_percentile(&s, 50));
	free(s.hist);

	/* one wait: every percentile is it */
	memset(&s, 0, sizeof s);
	add_wait(&s, &o, 17, 0);
	CHECK_NEAR(agg_wait_percentile(&s, 50), 17, 0);
	CHECK_NEAR(agg_wait_percentile(&s, 90), 17, 0);
	free(s.hist);

	/* 10, 20, 30, 40, 50 (given out of order): nearest rank = ceil(p/100 * n):
	 * p50 -> rank ceil(2.5) = 3 -> 30; p90 -> ceil(4.5) = 5 -> 50;
	 * p20 -> ceil(1.0) = 1 -> 10 (exactly on a rank: not the next one);
	 * p0 -> rank 1 -> 10; p100 -> rank 5 -> 50 */
	memset(&s, 0, sizeof s);
	for (i = 0; i < 5; i++)
		add_wait(&s, &o, waits[i], 0);
	add_wait(&s, &o, 3, 1); /* abandoned: not among them */
	CHECK_INT(s.wait_n, 5);
	CHECK_NEAR(agg_wait_percentile(&s, 50), 30, 0);
	CHECK_NEAR(agg_wait_percentile(&s, 90), 50, 0);
	CHECK_NEAR(agg_wait_percentile(&s, 20), 10, 0);
	CHECK_NEAR(agg_wait_percentile(&s, 0), 10, 0);
	CHECK_NEAR(agg_wait_percentile(&s, 100), 50, 0);
	free(s.hist);

	/* four waits 1, 2, 3, 4: p50 -> rank 2 -> 2 (not the mean 2.5);
	 * p90 -> ceil(3.6) = 4 -> 4; p75 -> rank 3 -> 3 */
	memset(&s, 0, sizeof s);
	for (i = 1; i <= 4; i++)
		add_wait(&s, &o, (double)i, 0);
	CHECK_NEAR(agg_wait_percentile(&s, 50), 2, 0);
	CHECK_NEAR(agg_wait_percentile(&s, 90), 4, 0);
	CHECK_NEAR(agg_wait_percentile(&s, 75), 3, 0);
	free(s.hist);

	/* ten waits 0..9 and a tie: p90 -> rank 9 -> 8; with 0 s twice (11
	 * waits) p90 -> ceil(9.9) = 10 -> 8 still, p50 -> rank 6 -> 4 */
	memset(&s, 0, sizeof s);
	for (i = 0; i < 10; i++)
		add_wait(&s, &o, (double)i, 0);
	CHECK_NEAR(agg_wait_percentile(&s, 90), 8, 0);
	add_wait(&s, &o, 0, 0);
	CHECK_NEAR(agg_wait_percentile(&s, 90), 8, 0);
	CHECK_NEAR(agg_wait_percentile(&s, 50), 4, 0);
	free(s.hist);

	/* fractions: 1-second bins, the whole seconds below the wait */
	memset(&s, 0, sizeof s);
	add_wait(&s, &o, 10.9, 0);
	CHECK_NEAR(agg_wait_percentile(&s, 50), 10, 0);
	free(s.hist);

	/* from 7200 s (2 hours): 1-minute bins, each reported by its start;
	 * 7199 is still exact, 7200..7259 -> 7200, 7260 -> 7260,
	 * 9999 -> 7200 + 60 * floor(2799 / 60) = 7200 + 60 * 46 = 9960,
	 * 86399 -> 7200 + 60 * floor(79199 / 60) = 7200 + 60 * 1319 = 86340 */
	{
		static const struct { double wait, shown; } bins[] = {
			{ 7199, 7199 }, { 7200, 7200 }, { 7201, 7200 }, { 7259, 7200 },
			{ 7259.9, 7200 }, { 7260, 7260 }, { 7319, 7260 }, { 9999, 9960 },
			{ 86399, 86340 } };
		for (i = 0; i < sizeof bins / sizeof *bins; i++) {
			memset(&s, 0, sizeof s);
			add_wait(&s, &o, bins[i].wait, 0);
			CHECK_NEAR(agg_wait_percentile(&s, 50), bins[i].shown, 0);
			free(s.hist);
		}
	}
	/* 24 hours or more: counted, shown as 86400 when the rank falls there.
	 * waits 100, 200, 90000: p50 -> rank 2 -> 200; p90 -> rank 3 -> 86400 */
	memset(&s, 0, sizeof s);
	add_wait(&s, &o, 100, 0);
	add_wait(&s, &o, 200, 0);
	add_wait(&s, &o, 90000, 0);
	CHECK_INT(s.hist_over, 1);
	CHECK_NEAR(agg_wait_percentile(&s, 50), 200, 0);
	CHECK_NEAR(agg_wait_percentile(&s, 90), 86400, 0);
	CHECK_NEAR(s.wait_sum, 90300, 0);
	free(s.hist);

	/* merged tables add their histograms: {5, 7} + {1, 9, 8000} =
	 * 1, 5, 7, 9, 8000: p50 -> rank 3 -> 7; p90 -> rank 5 -> 7980
	 * (7200 + 60 * floor(800 / 60) = 7200 + 780) */
	add_wait(&agg_group_get(&a, 100, "", 0)->s, &o, 5, 0);
	add_wait(&agg_group_get(&a, 100, "", 0)->s, &o, 7, 0);
	add_wait(&agg_group_get(&b, 100, "", 0)->s, &o, 1, 0);
	add_wait(&agg_group_get(&b, 100, "", 0)->s, &o, 9, 0);
	add_wait(&agg_group_get(&b, 100, "", 0)->s, &o, 8000, 0);
	add_wait(&agg_group_get(&b, 101, "", 0)->s, &o, 60, 0); /* another period */
	agg_table_merge(&a, &b);
	CHECK_INT(a.n, 2);
	CHECK_INT(agg_group_get(&a, 100, "", 0)->s.wait_n, 5);
	CHECK_NEAR(agg_wait_percentile(&agg_group_get(&a, 100, "", 0)->s, 50), 7, 0);
	CHECK_NEAR(agg_wait_percentile(&agg_group_get(&a, 100, "", 0)->s, 90), 7980, 0);
	CHECK_NEAR(agg_wait_percentile(&agg_group_get(&a, 101, "", 0)->s, 50), 60, 0);
	agg_table_release(&a);
	agg_table_release(&b);
}

/* The rank itself: ceil(p / 100 * n), at least 1, in integers. */
void test_agg_nearest_rank(void)
{
	CHECK_INT(agg_nearest_rank(1, 50), 1);   /* one value: it */
	CHECK_INT(agg_nearest_rank(1, 90), 1);
	CHECK_INT(agg_nearest_rank(5, 50), 3);   /* ceil(2.5) */
	CHECK_INT(agg_nearest_rank(4, 50), 2);   /* ceil(2.0): on a rank, not the next */
	CHECK_INT(agg_nearest_rank(10, 90), 9);  /* ceil(9.0) */
	CHECK_INT(agg_nearest_rank(11, 90), 10); /* ceil(9.9) */
	CHECK_INT(agg_nearest_rank(3, 90), 3);   /* ceil(2.7) */
	CHECK_INT(agg_nearest_rank(7, 0), 1);    /* p0: the first */
	CHECK_INT(agg_nearest_rank(7, 100), 7);  /* p100: the last */
	/* 0.9 * n in doubles would need care for large n; integers do not */
	CHECK_INT(agg_nearest_rank(10000000, 90), 9000000);
}

/* Adds tickets with these first-response minutes (NO_VALUE: none) to s. */
static void add_responses(struct agg_stats *s, const double *minutes, size_t n)
{
	struct agg_options o;
	struct contact c;
	size_t i;

	memset(&o, 0, sizeof o);
	for (i = 0; i < n; i++) {
		c = blank();
		c.first_response = minutes[i];
		c.resolution = minutes[i] >= 0 ? minutes[i] / 60 : NO_VALUE;
		agg_add_contact(s, &c, &o);
	}
}

/* Exact nearest-rank percentiles of stored values, after the sort that
 * agg_run() does once every thread's values are merged. */
void test_agg_values_percentile(void)
{
	static const double odd[] = { 30, 10, NO_VALUE, 50, 20, 40 };
	static const double even[] = { 7.5, 2, 4, 1 };
	static const double ties[] = { 3, 3, 3, 1, 3 };
	static const double one[] = { 12.25 };
	struct agg_table a = { 0 }, b = { 0 };
	struct agg_stats *s;

	/* none: NaN (written as null) */
	s = &agg_group_get(&a, 1, "", 0)->s;
	CHECK_NAN(agg_values_percentile(&s->first_response, 50));

	/* odd, out of order, one ticket without a value (n 5): 10 20 30 40 50;
	 * p50 rank 3 = 30, p90 rank ceil(4.5) = 5 = 50 */
	add_responses(s, odd, 6);
	agg_table_sort_values(&a);
	CHECK_INT(s->first_response.n, 5);
	CHECK_NEAR(agg_values_percentile(&s->first_response, 50), 30, 0);
	CHECK_NEAR(agg_values_percentile(&s->first_response, 90), 50, 0);
	CHECK_NEAR(agg_values_percentile(&s->resolution, 50), 0.5, 0);

	/* even, split over two threads' tables and merged: 1 2 4 7.5; p50
	 * rank 2 = 2 (the lower middle, not a mean of the two), p90 rank
	 * ceil(3.6) = 4 = 7.5 */
	add_responses(&agg_group_get(&a, 2, "", 0)->s, even, 2);
	add_responses(&agg_group_get(&b, 2, "", 0)->s, even + 2, 2);
	agg_table_merge(&a, &b);
	agg_table_sort_values(&a);
	s = &agg_group_get(&a, 2, "", 0)->s;
	CHECK_INT(s->first_response.n, 4);
	CHECK_NEAR(agg_values_percentile(&s->first_response, 50), 2, 0);
	CHECK_NEAR(agg_values_percentile(&s->first_response, 90), 7.5, 0);

	/* ties: 1 3 3 3 3; p50 rank 3 = 3, p90 rank 5 = 3, p20 rank 1 = 1 */
	s = &agg_group_get(&a, 3, "", 0)->s;
	add_responses(s, ties, 5);
	agg_table_sort_values(&a);
	CHECK_NEAR(agg_values_percentile(&s->first_response, 50), 3, 0);
	CHECK_NEAR(agg_values_percentile(&s->first_response, 90), 3, 0);
	CHECK_NEAR(agg_values_percentile(&s->first_response, 20), 1, 0);

	/* one value: every percentile is it, exactly */
	s = &agg_group_get(&a, 4, "", 0)->s;
	add_responses(s, one, 1);
	agg_table_sort_values(&a);
	CHECK_NEAR(agg_values_percentile(&s->first_response, 50), 12.25, 0);
	CHECK_NEAR(agg_values_percentile(&s->first_response, 90), 12.25, 0);
	agg_table_release(&a);
	agg_table_release(&b);
}

/* reopen_pct's counts: contacts with a value, and those reopened. */
void test_agg_reopens(void)
{
	static const double reopens[] = { 0, 1, NO_VALUE, 3, 0 };
	struct agg_options o;
	struct agg_stats s;
	struct contact c;
	size_t i;

	memset(&o, 0, sizeof o);
	memset(&s, 0, sizeof s);
	for (i = 0; i < 5; i++) {
		c = blank();
		c.reopens = reopens[i];
		agg_add_contact(&s, &c, &o);
	}
	CHECK_INT(s.reopens_n, 4);
	CHECK_INT(s.reopened, 2);
	CHECK_INT(s.first_response.n, 0);
	CHECK(s.first_response.v == NULL);
}

/* The "over" sets of DESIGN.md's table, one contact at a time. */
void test_agg_stats_sums(void)
{
	struct agg_options o;
	struct agg_stats s;
	struct contact c;

	memset(&o, 0, sizeof o);
	o.sl_seconds = 20;
	memset(&s, 0, sizeof s);

	/* 1: answered, wait 20 (at the threshold: within), hold 30, 1 transfer */
	c = blank();
	c.wait = 20;
	c.hold = 30;
	c.transfers = 1;
	c.csat = 4;
	c.nps = 9;
	c.ces = 2;
	agg_add_contact(&s, &c, &o);
	/* 2: abandoned after 5 s, with hold and transfers given (not counted:
	 * those are over answered contacts), escalated with a human wait */
	c = blank();
	c.wait = 5;
	c.abandoned = 1;
	c.hold = 100;
	c.transfers = 3;
	c.escalated = 1;
	c.human_wait = 40;
	c.ai_handled = 1;
	c.csat = 3;
	c.nps = 6;
	agg_add_contact(&s, &c, &o);
	/* 3: answered, no wait given, AI-handled, not escalated but a human
	 * wait given (not counted), nps 7 (passive), ces 5 */
	c = blank();
	c.ai_handled = 1;
	c.human_wait = 99;
	c.nps = 7;
	c.ces = 5;
	agg_add_contact(&s, &c, &o);
	/* 4: answered, wait 21 (over the threshold), escalated without a
	 * human wait, csat 5, nps 10 */
	c = blank();
	c.wait = 21;
	c.escalated = 1;
	c.csat = 5;
	c.nps = 10;
	c.hold = 0;
	agg_add_contact(&s, &c, &o);

	CHECK_INT(s.offered, 4);
	CHECK_INT(s.answered, 3);  /* 1, 3, 4 */
	CHECK_INT(s.abandoned, 1); /* 2 */
	CHECK_INT(s.sl_n, 3);      /* offered with a wait: 1, 2, 4 */
	CHECK_INT(s.sl_ok, 1);     /* 1 (20 <= 20); 2 abandoned; 4 over */
	CHECK_INT(s.wait_n, 2);    /* answered with a wait: 1, 4 */
	CHECK_NEAR(s.wait_sum, 41, 0);
	CHECK_INT(s.hold_n, 2);    /* answered with a hold: 1 (30), 4 (0) */
	CHECK_NEAR(s.hold_sum, 30, 0);
	CHECK_INT(s.transfers_n, 1); /* 1 */
	CHECK_NEAR(s.transfers_sum, 1, 0);
	CHECK_INT(s.human_n, 1);   /* escalated with a value: 2 */
	CHECK_NEAR(s.human_sum, 40, 0);
	CHECK_INT(s.ai_n, 1);      /* answered with ai_handled: 3 */
	CHECK_INT(s.csat_n, 3);    /* 4, 3, 5: answers, abandoned or not */
	CHECK_INT(s.csat_ok, 2);
	CHECK_INT(s.nps_n, 4);     /* 9, 6, 7, 10 */
	CHECK_INT(s.nps_pro, 2);
	CHECK_INT(s.nps_det, 1);
	CHECK_INT(s.ces_n, 2);
	CHECK_NEAR(s.ces_sum, 7, 0);
	/* a survey answer adds to the answers only */
	c = blank();
	c.csat = 1;
	c.wait = 3;
	agg_add_survey(&s, &c);
	CHECK_INT(s.csat_n, 4);
	CHECK_INT(s.csat_ok, 2);
	CHECK_INT(s.offered, 4);
	CHECK_INT(s.wait_n, 2);
	free(s.hist);
}
