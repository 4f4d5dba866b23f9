/* Unit tests for the friction block's arithmetic (friction_stats.c),
 * every expected value worked out by hand in the comment beside it. */
#include "check.h"
#include "aggregate/agg_internal.h"
#include "base/mem.h"
#include <math.h>
#include <string.h>

void test_friction_wilson(void)
{
	double lo, hi;
	/* 8 of 10, z = 1.96, z^2 = 3.8416, z^2/n = 0.38416:
	 * centre = (0.8 + 0.19208) / 1.38416 = 0.716738
	 * half = 1.96 sqrt(0.016 + 0.009604) / 1.38416 = 1.96 * 0.160012 / 1.38416
	 *      = 0.226581; so 49.0157 .. 94.3319 % */
	fr_wilson(8, 10, &lo, &hi);
	CHECK_NEAR(lo, 49.0157, 1e-4);
	CHECK_NEAR(hi, 94.3319, 1e-4);
	/* 0 of 5: centre = (0 + 3.8416/10) / (1 + 0.76832) = 0.38416 / 1.76832
	 * = 0.217246, half = 1.96 sqrt(3.8416/100) / 1.76832 = 1.96 * 0.196 /
	 * 1.76832 = 0.217246 as well: the interval is 0 .. 43.4491 % */
	fr_wilson(0, 5, &lo, &hi);
	CHECK_NEAR(lo, 0, 1e-9);
	CHECK_NEAR(hi, 43.4491, 1e-4);
}

void test_friction_csat_se(void)
{
	/* 100 sqrt(0.8 * 0.2 / 10) = 100 sqrt(0.016) = 12.6491 */
	CHECK_NEAR(fr_csat_se(8, 10), 12.6491, 1e-4);
	/* every answer satisfied: no spread, 0 */
	CHECK_NEAR(fr_csat_se(30, 30), 0, 1e-12);
}

void test_friction_nps_se(void)
{
	/* 5 promoters, 2 detractors of 10: NPS = 100 (0.5 - 0.2) = 30;
	 * P + D - (P - D)^2 = 0.7 - 0.09 = 0.61; 100 sqrt(0.061) = 24.6982 */
	CHECK_NEAR(fr_nps(5, 2, 10), 30, 1e-12);
	CHECK_NEAR(fr_nps_se(5, 2, 10), 24.6982, 1e-4);
	/* all promoters: 1 + 0 - 1 = 0, no spread */
	CHECK_NEAR(fr_nps_se(7, 0, 7), 0, 1e-12);
}

void test_friction_significance(void)
{
	/* 1.96 sqrt(3^2 + 4^2) = 1.96 * 5 = 9.8 */
	CHECK(fr_significant(10, 3, 30, 4, 30));
	CHECK(fr_significant(-10, 3, 30, 4, 30));
	CHECK(!fr_significant(9.8, 3, 30, 4, 30));    /* not above: equal */
	CHECK(!fr_significant(10, 3, 29, 4, 30));     /* under 30 answers */
	CHECK(!fr_significant(10, 3, 30, 4, 29));
}

/* A wait factor: 0-20s 40 of 50 satisfied (80 %), 100 contacts waiting
 * 10 s on average; 21-60s 30 of 50 (60 %), 100 contacts, 40 s; 1-3min 20
 * of 20 (100 %, too few answers), 200 contacts; 3-10min empty; 10min+ 20
 * of 50 (40 %), 100 contacts, 900 s. */
static void wait_factor(struct fr_level_sums *lv)
{
	memset(lv, 0, 5 * sizeof *lv);
	lv[0] = (struct fr_level_sums){ 100, 50, 40, 50, 25, 10, 1000 };
	lv[1] = (struct fr_level_sums){ 100, 50, 30, 50, 10, 20, 4000 };
	lv[2] = (struct fr_level_sums){ 200, 20, 20, 20, 20, 0, 20000 };
	lv[4] = (struct fr_level_sums){ 100, 50, 20, 50, 5, 30, 90000 };
}

void test_friction_factor(void)
{
	struct fr_level_sums lv[5];
	struct fr_measure csat, nps;
	double slope;
	int best;

	wait_factor(lv);
	fr_factor_work(lv, 5, 1, &csat, &nps, &best, &slope);
	/* best: the highest CSAT with 30 answers or more (1-3min's 100 % has
	 * only 20): 0-20s */
	CHECK_INT(best, 0);
	CHECK_NEAR(csat.cell[1].diff, -20, 1e-9);
	/* 1.96 sqrt(5.65685^2 + 6.92820^2) = 1.96 sqrt(32 + 48) = 17.5308 < 20 */
	CHECK(csat.cell[1].significant);
	CHECK_NEAR(csat.cell[2].diff, 20, 1e-9);
	CHECK(!csat.cell[2].significant); /* 20 answers */
	CHECK_INT(csat.cell[3].n, 0);
	CHECK_NAN(csat.cell[3].value);
	CHECK_NAN(csat.cell[3].diff);
	CHECK(!csat.cell[0].significant); /* the best against itself */
	/* levels with 30 answers: 0-20s, 21-60s, 10min+, 100 contacts each:
	 * (1/3)(80 - 80) + (1/3)(80 - 60) + (1/3)(80 - 40) = 20 */
	CHECK_NEAR(csat.points_lost, 20, 1e-9);
	/* variance: (1 - 1/3)^2 32 + (1/3)^2 48 + (1/3)^2 48 = 14.2222 +
	 * 5.3333 + 5.3333 = 24.8889; 1.96 sqrt(24.8889) = 9.7782 */
	CHECK_NEAR(csat.lost_low, 10.2218, 1e-4);
	CHECK_NEAR(csat.lost_high, 29.7782, 1e-4);
	/* NPS at 0-20s: 100 (25 - 10) / 50 = 30; 21-60s: (10 - 20) / 50 =
	 * -20; 10min+: (5 - 30) / 50 = -50.  Points lost: (1/3)(50) + (1/3)(80)
	 * = 43.3333 */
	CHECK_NEAR(nps.cell[0].value, 30, 1e-9);
	CHECK_NEAR(nps.cell[4].diff, -80, 1e-9);
	CHECK_NEAR(nps.points_lost, 43.3333, 1e-4);
	/* slope over (x min, y %): (1/6, 80), (2/3, 60), (15, 40):
	 * mean x = 5.27778, mean y = 60; sum dx dy = (-5.11111)(20) + 0 +
	 * (9.72222)(-20) = -296.667; sum dx^2 = 26.1235 + 21.2623 + 94.5216
	 * = 141.907; slope = -2.09056 points per minute */
	CHECK_NEAR(slope, -2.09056, 1e-5);
}

void test_friction_no_best(void)
{
	struct fr_level_sums lv[3];
	struct fr_measure csat, nps;
	double slope;
	int best;

	/* no level with 30 answers: no best, nothing lost, no slope */
	memset(lv, 0, sizeof lv);
	lv[0] = (struct fr_level_sums){ 10, 29, 20, 0, 0, 0, 0 };
	fr_factor_work(lv, 3, 0, &csat, &nps, &best, &slope);
	CHECK_INT(best, -1);
	CHECK_NAN(csat.points_lost);
	CHECK_NAN(csat.cell[0].diff);
	CHECK_NAN(slope);
}

/* The contact-id table: 12 answers whose ids all fall in one of the
 * table's two ways (bit 1 set), two of them sharing an id.  Every answer
 * finds its slot holding its id, an id's answers chain in file order,
 * and the way they all fall in is large enough (it is sized by its own
 * count, not by half of all), with one thread or two. */
void test_friction_index_one_way(void)
{
	int threads;

	for (threads = 1; threads <= 2; threads++) {
		struct fr_state *fr = xcalloc(1, sizeof *fr);
		size_t i;
		fr->n = 12;
		fr->a = xcalloc(fr->n, sizeof *fr->a);
		for (i = 0; i < fr->n; i++)
			fr->a[i].id = (uint64_t)(i == 7 ? 2 : i) << 8 | 3;
		fr_index(fr, threads);
		for (i = 0; i < fr->n; i++)
			CHECK(fr->slots[fr->a[i].at.slot].id == fr->a[i].id);
		/* id 2's answers, 2 then 7: the slot names the first, it the second */
		CHECK_INT(fr->slots[fr->a[2].at.slot].answer, 3);
		CHECK_INT(fr->a[2].next, 8);
		CHECK_INT(fr->a[7].next, 0);
		CHECK_INT(fr->a[0].next, 0);
		fr_state_free(fr);
	}
}
