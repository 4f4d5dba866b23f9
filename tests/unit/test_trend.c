/* trend.c, history.c and lsq_slope(): the trend contract (DESIGN.md "Gap
 * arithmetic", Trend; README "### trend") on a small catalog, profiles and
 * company built in memory (history_load() from temporary files).  Every
 * expected number is worked out in the comments. */
#include "check.h"
#include "fixture.h"
#include "core/company.h"
#include "core/gap.h"
#include "load/history.h"
#include "base/msg.h"
#include "core/profile.h"
#include "core/stats.h"
#include "core/trend.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Catalog indexes. */
enum { WAIT, SL, NPS, CSAT, ABAND, CES, TRUST, NMETRICS };
enum { SPEED, OUTCOME, TRUSTD, NDIMS };
/* Reference indexes. */
enum { ALPHA, BETA };

/* dims: speed (weight 2), outcome (1), trust (1).
 * metrics (score = 100 * (v - worst) / (best - worst)):
 *   wait_seconds  speed   lower  300..0   mean     score = (300 - v) / 3
 *   sl_pct        speed   higher 40..100  percent  score = (v - 40) / 0.6
 *   nps           outcome higher -30..90  nps      score = (v + 30) / 1.2
 *   csat_pct      outcome higher 50..100  percent  score = 2 * (v - 50)
 *   aband_pct     speed   lower  20..0    percent  score = 5 * (20 - v)
 *   ces           outcome higher 3..7     scale    score = 25 * (v - 3)
 *   trust_pct     trust   higher 30..95   percent  score = (v - 30) / 0.65 */
static struct catalog *trend_catalog(void)
{
	struct catalog *cat = calloc(1, sizeof *cat);

	cat->origin = strdup("(trend catalog)");
	cat->ndims = NDIMS;
	cat->dims = calloc(NDIMS, sizeof *cat->dims);
	set_dim(&cat->dims[SPEED], "speed", 2);
	set_dim(&cat->dims[OUTCOME], "outcome", 1);
	set_dim(&cat->dims[TRUSTD], "trust", 1);
	cat->nmetrics = NMETRICS;
	cat->metrics = calloc(NMETRICS, sizeof *cat->metrics);
	set_metric(&cat->metrics[WAIT], "wait_seconds", SPEED, 0, 300, 0, KIND_MEAN);
	set_metric(&cat->metrics[SL], "sl_pct", SPEED, 1, 40, 100, KIND_PERCENT);
	set_metric(&cat->metrics[NPS], "nps", OUTCOME, 1, -30, 90, KIND_NPS);
	set_metric(&cat->metrics[CSAT], "csat_pct", OUTCOME, 1, 50, 100, KIND_PERCENT);
	set_metric(&cat->metrics[ABAND], "aband_pct", SPEED, 0, 20, 0, KIND_PERCENT);
	set_metric(&cat->metrics[CES], "ces", OUTCOME, 1, 3, 7, KIND_SCALE);
	set_metric(&cat->metrics[TRUST], "trust_pct", TRUSTD, 1, 30, 95, KIND_PERCENT);
	return cat;
}

static struct period_data *add_period(struct company *c, const char *label)
{
	struct period p;
	CHECK_INT(period_parse(label, &p), 0);
	return company_add_period(c, p, 0);
}

static struct obs obs_of(double value, double n, double p, double d)
{
	struct obs o = { 0 };
	o.present = 1;
	o.value = value;
	o.n = n;
	o.promoters = p;
	o.detractors = d;
	return o;
}

static char *label(struct period p, char *buf)
{
	period_format(p, buf);
	return buf;
}

/* ---------------------------------------------------------------- */

void test_lsq_slope(void)
{
	double x1[] = { 0, 1, 2, 3 }, y1[] = { 1, 3, 5, 7 };
	double x2[] = { 0, 1, 2 }, y2[] = { 0, 1, 5 };
	double x3[] = { 0, 1, 3 }, y3[] = { 0, 3, 3 };
	double x4[] = { 2, 5 }, y4[] = { 10, 4 };
	double x5[] = { 4, 4, 4 }, y5[] = { 1, 2, 3 };
	double x6[] = { 7 }, y6[] = { 42 };

	/* on the line y = 2x + 1 */
	CHECK_NEAR(lsq_slope(x1, y1, 4), 2, 1e-12);
	/* mx 1, my 2; sxy = (-1)(-2) + 0 + (1)(3) = 5; sxx = 2 -> 2.5 */
	CHECK_NEAR(lsq_slope(x2, y2, 3), 2.5, 1e-12);
	/* unevenly spaced: mx 4/3, my 2; dx -4/3, -1/3, 5/3; dy -2, 1, 1;
	 * sxy = 8/3 - 1/3 + 5/3 = 4; sxx = (16 + 1 + 25)/9 = 14/3 -> 6/7 */
	CHECK_NEAR(lsq_slope(x3, y3, 3), 6.0 / 7, 1e-12);
	/* two points, falling: (4 - 10) / (5 - 2) = -2 */
	CHECK_NEAR(lsq_slope(x4, y4, 2), -2, 1e-12);
	/* only the first n points count: (0,1),(1,3) -> 2 */
	CHECK_NEAR(lsq_slope(x1, y1, 2), 2, 1e-12);
	/* fewer than two points, or no spread in x: NAN */
	CHECK_NAN(lsq_slope(x6, y6, 1));
	CHECK_NAN(lsq_slope(x6, y6, 0));
	CHECK_NAN(lsq_slope(x5, y5, 3));
}

/* 1.96 * sqrt(SE1^2 + SE2^2) = sqrt(moe1^2 + moe2^2). */
void test_obs_change_moe(void)
{
	struct catalog *cat = trend_catalog();
	struct obs a, b;

	/* percent: 76 % of 400 and 64 % of 600
	 *   moe1 = 196 * sqrt(.76 * .24 / 400) = 4.185415
	 *   moe2 = 196 * sqrt(.64 * .36 / 600) = 3.840800
	 *   sqrt(4.185415^2 + 3.840800^2) = sqrt(17.517695 + 14.751744) = 5.680620 */
	a = obs_of(76, 400, NAN, NAN);
	b = obs_of(64, 600, NAN, NAN);
	CHECK_NEAR(obs_change_moe(&cat->metrics[SL], &a, &b), 5.680620, 1e-6);
	CHECK_NEAR(obs_change_moe(&cat->metrics[SL], &b, &a), 5.680620, 1e-6);
	/* NPS with shares: 10 (P 40, D 30) of 400 and 20 (P 45, D 25) of 500
	 *   var1 = .40 + .30 - .10^2 = .69; moe1 = 196 * sqrt(.69/400) = 8.140491
	 *   var2 = .45 + .25 - .20^2 = .66; moe2 = 196 * sqrt(.66/500) = 7.121034
	 *   sqrt(66.267600 + 50.709120) = sqrt(116.976720) = 10.815578 */
	a = obs_of(10, 400, 40, 30);
	b = obs_of(20, 500, 45, 25);
	CHECK_NEAR(obs_change_moe(&cat->metrics[NPS], &a, &b), 10.815578, 1e-6);
	/* NPS without shares (the bound P + D = 1: var = 1 - s^2):
	 *   var1 = 1 - .01 = .99; moe1 = 196 * sqrt(.99/400) = 9.750877
	 *   var2 = 1 - .04 = .96; moe2 = 196 * sqrt(.96/500) = 8.588290
	 *   sqrt(95.079600 + 73.758720) = sqrt(168.838320) = 12.993780 */
	a = obs_of(10, 400, NAN, NAN);
	b = obs_of(20, 500, NAN, NAN);
	CHECK_NEAR(obs_change_moe(&cat->metrics[NPS], &a, &b), 12.993780, 1e-6);
	/* one side with shares, the other without: sqrt(8.140491^2 + 8.588290^2)
	 *   = sqrt(66.267600 + 73.758720) = sqrt(140.026320) = 11.833272 */
	a = obs_of(10, 400, 40, 30);
	CHECK_NEAR(obs_change_moe(&cat->metrics[NPS], &a, &b), 11.833272, 1e-6);
	/* one n unknown (0): NAN, either side */
	a = obs_of(76, 400, NAN, NAN);
	b = obs_of(64, 0, NAN, NAN);
	CHECK_NAN(obs_change_moe(&cat->metrics[SL], &a, &b));
	CHECK_NAN(obs_change_moe(&cat->metrics[SL], &b, &a));
	/* kinds without a sampling model: NAN even with n */
	a = obs_of(60, 100, NAN, NAN);
	b = obs_of(50, 100, NAN, NAN);
	CHECK_NAN(obs_change_moe(&cat->metrics[WAIT], &a, &b));
	a = obs_of(5, 100, NAN, NAN);
	b = obs_of(6, 100, NAN, NAN);
	CHECK_NAN(obs_change_moe(&cat->metrics[CES], &a, &b));
	catalog_free(cat);
}

/* The main history: six quarters, 2025-Q1 .. 2026-Q2, with 2025-Q4
 * missing altogether (a gap in the timeline: slot 3).
 *
 *   slot  period    wait     sl          nps             csat     aband     ces   trust
 *   0     2025-Q1   30 (90)
 *   1     2025-Q2   60 (80)
 *   2     2025-Q3   240 (20) 76/400 (60)
 *   3     2025-Q4   -- no data --
 *   4     2026-Q1   180 (40) -           10/400 P40 D30  -        10/1000   6     56
 *                                        (33.333)                 (50)      (75)  (40)
 *   5     2026-Q2   150 (50) 64/600 (40) 20/500 P45 D25  80 (60)  10/- (50) 6.5   62.5
 *                                        (41.667)                           (87.5) (50)
 * (value/n (score)).  The velocity window is slots 2..5. */
static struct company *history_company(const struct catalog *cat)
{
	struct company *c = company_new(cat, "(history)");
	struct period_data *pd;

	c->name = strdup("History Co");
	/* added out of order: company_add_period keeps time order */
	pd = add_period(c, "2026-Q2");
	put(cat, c, pd, WAIT, 150, 0, NAN, NAN);
	put(cat, c, pd, SL, 64, 600, NAN, NAN);
	put(cat, c, pd, NPS, 20, 500, 45, 25);
	put(cat, c, pd, CSAT, 80, 1000, NAN, NAN);
	put(cat, c, pd, ABAND, 10, 0, NAN, NAN);
	put(cat, c, pd, CES, 6.5, 0, NAN, NAN);
	put(cat, c, pd, TRUST, 62.5, 0, NAN, NAN);
	pd = add_period(c, "2025-Q1");
	put(cat, c, pd, WAIT, 30, 0, NAN, NAN);
	pd = add_period(c, "2025-Q2");
	put(cat, c, pd, WAIT, 60, 0, NAN, NAN);
	pd = add_period(c, "2025-Q3");
	put(cat, c, pd, WAIT, 240, 0, NAN, NAN);
	put(cat, c, pd, SL, 76, 400, NAN, NAN);
	pd = add_period(c, "2026-Q1");
	put(cat, c, pd, WAIT, 180, 0, NAN, NAN);
	put(cat, c, pd, NPS, 10, 400, 40, 30);
	put(cat, c, pd, ABAND, 10, 1000, NAN, NAN);
	put(cat, c, pd, CES, 6, 0, NAN, NAN);
	put(cat, c, pd, TRUST, 56, 0, NAN, NAN);
	return c;
}

/*            wait      sl       nps      csat     aband   ces      trust
 *   alpha    30 (90)   94 (90)  78 (90)  95 (90)  2 (90)  6 (75)   -
 *   beta     150 (50)  58 (30)  -        -        -       -        95 (100) */
static void history_profiles(const struct catalog *cat, struct profile **p)
{
	p[ALPHA] = new_profile(cat, "alpha");
	set_value(p[ALPHA], WAIT, 30);
	set_value(p[ALPHA], SL, 94);
	set_value(p[ALPHA], NPS, 78);
	set_value(p[ALPHA], CSAT, 95);
	set_value(p[ALPHA], ABAND, 2);
	set_value(p[ALPHA], CES, 6);
	p[BETA] = new_profile(cat, "beta");
	set_value(p[BETA], WAIT, 150);
	set_value(p[BETA], SL, 58);
	set_value(p[BETA], TRUST, 95);
}

static void check_ref(const struct trend_ref *tr, enum trend_status status,
		      double gap_points, double periods, const char *closes_in)
{
	char buf[16];

	CHECK_STR(trend_status_name(tr->status), trend_status_name(status));
	if (isnan(gap_points))
		CHECK_NAN(tr->gap_points);
	else
		CHECK_NEAR(tr->gap_points, gap_points, 1e-6);
	if (isnan(periods))
		CHECK_NAN(tr->periods_to_close);
	else
		CHECK_NEAR(tr->periods_to_close, periods, 0);
	if (closes_in)
		CHECK_STR(label(tr->closes_in, buf), closes_in);
}

/* Scores of a dimension (d) or the overall index (d == NDIMS) equal the
 * gap engine's for every period with data; empty slots are NAN. */
static void check_against_gap(const struct catalog *cat, const struct company *c,
			      const struct trend *t, const struct trend_row *r,
			      size_t d, const struct profile *const *refs)
{
	size_t i;

	for (i = 0; i < t->nperiods; i++) {
		struct gap_report *g;
		double want;
		if (t->at[i] < 0) {
			CHECK_NAN(r->scores[i]);
			continue;
		}
		g = gap_compute(cat, c, (size_t)t->at[i], refs, 2, NULL);
		want = d == NDIMS ? g->overall : g->dims[d].score;
		if (isnan(want))
			CHECK_NAN(r->scores[i]);
		else
			CHECK_NEAR(r->scores[i], want, 1e-12);
		gap_free(g);
	}
}

void test_trend_history(void)
{
	struct catalog *cat = trend_catalog();
	struct company *c = history_company(cat);
	struct profile *p[2];
	const struct profile *refs[2];
	struct trend *t;
	const struct trend_row *r;
	char buf[16];
	size_t i;

	history_profiles(cat, p);
	refs[ALPHA] = p[ALPHA];
	refs[BETA] = p[BETA];
	CHECK_INT(c->nperiods, 5);
	t = trend_compute(cat, c, c->nperiods, refs, 2, NULL);

	/* the timeline: first to last period, the missing 2025-Q4 kept */
	CHECK_INT(t->nperiods, 6);
	CHECK_STR(label(t->timeline[0], buf), "2025-Q1");
	CHECK_STR(label(t->timeline[3], buf), "2025-Q4");
	CHECK_STR(label(t->timeline[5], buf), "2026-Q2");
	CHECK_INT(t->at[0], 0);
	CHECK_INT(t->at[2], 2);
	CHECK_INT(t->at[3], -1);
	CHECK_INT(t->at[4], 3);
	CHECK_INT(t->at[5], 4);
	/* rows: 7 metrics, 3 dimensions (all reported), overall; in that order */
	CHECK_INT(t->nrows, 11);
	CHECK_INT(t->rows[0].kind, TREND_METRIC);
	CHECK_INT(t->rows[0].index, WAIT);
	CHECK_INT(t->rows[6].index, TRUST);
	CHECK_INT(t->rows[7].kind, TREND_DIMENSION);
	CHECK_INT(t->rows[10].kind, TREND_OVERALL);

	/* wait_seconds: scores 90 80 20 - 40 50.
	 * velocity over slots 2..5 only, x = slot position (the gap keeps its
	 * place): (2,20) (4,40) (5,50) lie on y = 10x -> 10.
	 * (With the first two periods it would be -8.26; with the gap squeezed
	 * out, (2,20) (3,40) (4,50), 15.)
	 * change 150 - 180 = -30 s (in the metric's unit), since first 150 - 30
	 * = +120; a mean has no margin -> NAN, -1.
	 * alpha: 90 - 50 = 40 points; 40 / 10 = 4 exactly: 4 quarters (not 5),
	 *   2026-Q2 + 4 = 2027-Q2.
	 * beta: 50 - 50 = 0 -> level or ahead. */
	r = trend_metric(t, WAIT);
	CHECK(r != NULL);
	if (r) {
		CHECK_NEAR(r->values[0], 30, 0);
		CHECK_NEAR(r->values[5], 150, 0);
		CHECK_NAN(r->values[3]);
		CHECK_NEAR(r->scores[0], 90, 1e-9);
		CHECK_NEAR(r->scores[1], 80, 1e-9);
		CHECK_NEAR(r->scores[2], 20, 1e-9);
		CHECK_NAN(r->scores[3]);
		CHECK_NEAR(r->scores[4], 40, 1e-9);
		CHECK_NEAR(r->scores[5], 50, 1e-9);
		CHECK_INT(r->first, 0);
		CHECK_INT(r->prev, 4);
		CHECK_INT(r->last, 5);
		CHECK_NEAR(r->velocity, 10, 1e-9);
		CHECK_NEAR(r->change, -30, 1e-12);
		CHECK_NEAR(r->change_first, 120, 1e-12);
		CHECK_NAN(r->change_moe);
		CHECK_INT(r->change_significant, -1);
		check_ref(&r->refs[ALPHA], TREND_CLOSING, 40, 4, "2027-Q2");
		check_ref(&r->refs[BETA], TREND_NONE, 0, NAN, NULL);
	}

	/* sl_pct: 76 (60) in 2025-Q3, absent in 2026-Q1, 64 (40) in 2026-Q2.
	 * change: since the previous observation, skipping the empty 2025-Q4
	 * and 2026-Q1: 64 - 76 = -12 points, from slot 2; since first also -12.
	 * change_moe = sqrt(4.185415^2 + 3.840800^2) = 5.680620 (see
	 * test_obs_change_moe); |-12| > 5.68 -> significant.
	 * velocity (2,60) (5,40): -20/3 = -6.666667.
	 * alpha: 90 - 40 = 50 behind, falling -> moving away, no projection.
	 * beta: 30 - 40 = -10 -> level or ahead. */
	r = trend_metric(t, SL);
	CHECK(r != NULL);
	if (r) {
		CHECK_NAN(r->values[4]);
		CHECK_INT(r->first, 2);
		CHECK_INT(r->prev, 2);
		CHECK_INT(r->last, 5);
		CHECK_NEAR(r->change, -12, 1e-12);
		CHECK_NEAR(r->change_first, -12, 1e-12);
		CHECK_NEAR(r->change_moe, 5.680620, 1e-6);
		CHECK_INT(r->change_significant, 1);
		CHECK_NEAR(r->velocity, -6.666667, 1e-6);
		check_ref(&r->refs[ALPHA], TREND_AWAY, 50, NAN, NULL);
		check_ref(&r->refs[BETA], TREND_NONE, -10, NAN, NULL);
	}

	/* nps: 10 (33.333) then 20 (41.667), both with n and shares.
	 * change +10, moe 10.815578 (test_obs_change_moe) -> not significant.
	 * velocity (4,33.333) (5,41.667): 8.333333.
	 * alpha: 90 - 41.666667 = 48.333333; / 8.333333 = 5.8 -> 6 quarters,
	 *   2026-Q2 + 6 = 2027-Q4.  beta has no nps -> no reference value. */
	r = trend_metric(t, NPS);
	CHECK(r != NULL);
	if (r) {
		CHECK_INT(r->first, 4);
		CHECK_NEAR(r->change, 10, 1e-12);
		CHECK_NEAR(r->change_first, 10, 1e-12);
		CHECK_NEAR(r->change_moe, 10.815578, 1e-6);
		CHECK_INT(r->change_significant, 0);
		CHECK_NEAR(r->velocity, 8.333333, 1e-6);
		check_ref(&r->refs[ALPHA], TREND_CLOSING, 48.333333, 6, "2027-Q4");
		check_ref(&r->refs[BETA], TREND_UNKNOWN, NAN, NAN, NULL);
	}

	/* csat_pct: one observation (80, score 60) -> no change, no velocity.
	 * alpha: 90 - 60 = 30 behind -> too few periods. */
	r = trend_metric(t, CSAT);
	CHECK(r != NULL);
	if (r) {
		CHECK_INT(r->first, 5);
		CHECK_INT(r->last, 5);
		CHECK_INT(r->prev, -1);
		CHECK_NAN(r->change);
		CHECK_NAN(r->change_first);
		CHECK_NAN(r->change_moe);
		CHECK_INT(r->change_significant, -1);
		CHECK_NAN(r->velocity);
		check_ref(&r->refs[ALPHA], TREND_NO_PACE, 30, NAN, NULL);
		check_ref(&r->refs[BETA], TREND_UNKNOWN, NAN, NAN, NULL);
	}

	/* aband_pct: 10 (n 1000) then 10 (n unknown): change 0, the margin
	 * unknown (one n missing) -> NAN, -1; velocity 0.
	 * alpha: 90 - 50 = 40 behind -> not moving. */
	r = trend_metric(t, ABAND);
	CHECK(r != NULL);
	if (r) {
		CHECK_NEAR(r->change, 0, 0);
		CHECK_NAN(r->change_moe);
		CHECK_INT(r->change_significant, -1);
		CHECK_NEAR(r->velocity, 0, 1e-12);
		check_ref(&r->refs[ALPHA], TREND_FLAT, 40, NAN, NULL);
	}

	/* ces: 6 (75) then 6.5 (87.5): change +0.5 in the metric's unit;
	 * velocity 12.5; alpha 75 - 87.5 = -12.5 -> level or ahead. */
	r = trend_metric(t, CES);
	CHECK(r != NULL);
	if (r) {
		CHECK_NEAR(r->change, 0.5, 1e-12);
		CHECK_NEAR(r->velocity, 12.5, 1e-9);
		CHECK_NAN(r->change_moe); /* scale kind */
		check_ref(&r->refs[ALPHA], TREND_NONE, -12.5, NAN, NULL);
	}

	/* trust_pct: 56 (40) then 62.5 (50): velocity 10.
	 * alpha has none -> no reference value; beta 100 - 50 = 50, / 10 = 5
	 * quarters, 2026-Q2 + 5 = 2027-Q3. */
	r = trend_metric(t, TRUST);
	CHECK(r != NULL);
	if (r) {
		CHECK_NEAR(r->scores[4], 40, 1e-9);
		CHECK_NEAR(r->scores[5], 50, 1e-9);
		check_ref(&r->refs[ALPHA], TREND_UNKNOWN, NAN, NAN, NULL);
		check_ref(&r->refs[BETA], TREND_CLOSING, 50, 5, "2027-Q3");
	}

	/* speed (weight 2) per period, the mean of its metric scores:
	 *   slot 0: 90; 1: 80; 2: (20 + 60)/2 = 40; 3: -; 4: (40 + 50)/2 = 45
	 *   (no sl); 5: (50 + 40 + 50)/3 = 46.666667.
	 * velocity (2,40) (4,45) (5,46.667): mx 11/3, dx -5/3 1/3 4/3,
	 *   sxy = (-5*40 + 45 + 4*46.667)/3 = 31.667/3, sxx = 14/3
	 *   -> 31.667/14 = 2.261905.
	 * change (points) 46.667 - 45 = 1.666667, since first 46.667 - 90.
	 * alpha (latest period: wait 90, sl 90, aband 90) = 90; gap 43.333333;
	 *   / 2.261905 = 19.16 -> 20 quarters, 2026-Q2 + 20 = 2031-Q2.
	 * beta (wait 50, sl 30; no aband) = 40; gap -6.666667 -> level. */
	r = trend_dimension(t, SPEED);
	CHECK(r != NULL);
	if (r) {
		CHECK(r->values == NULL);
		CHECK_NEAR(r->scores[0], 90, 1e-9);
		CHECK_NEAR(r->scores[1], 80, 1e-9);
		CHECK_NEAR(r->scores[2], 40, 1e-9);
		CHECK_NAN(r->scores[3]);
		CHECK_NEAR(r->scores[4], 45, 1e-9);
		CHECK_NEAR(r->scores[5], 46.666667, 1e-6);
		check_against_gap(cat, c, t, r, SPEED, refs);
		CHECK_NEAR(r->velocity, 2.261905, 1e-6);
		CHECK_NEAR(r->change, 1.666667, 1e-6);
		CHECK_NEAR(r->change_first, -43.333333, 1e-6);
		CHECK_NAN(r->change_moe);
		CHECK_INT(r->change_significant, -1);
		check_ref(&r->refs[ALPHA], TREND_CLOSING, 43.333333, 20, "2031-Q2");
		check_ref(&r->refs[BETA], TREND_NONE, -6.666667, NAN, NULL);
	}

	/* outcome: slots 0..3 empty; 4: (33.333 + 75)/2 = 54.166667;
	 * 5: (41.667 + 60 + 87.5)/3 = 63.055556; velocity 8.888889.
	 * alpha (nps 90, csat 90, ces 75) = 85; gap 21.944444; / 8.888889
	 *   = 2.47 -> 3 quarters, 2027-Q1.  beta has none -> no reference. */
	r = trend_dimension(t, OUTCOME);
	CHECK(r != NULL);
	if (r) {
		for (i = 0; i < 4; i++)
			CHECK_NAN(r->scores[i]);
		CHECK_NEAR(r->scores[4], 54.166667, 1e-6);
		CHECK_NEAR(r->scores[5], 63.055556, 1e-6);
		check_against_gap(cat, c, t, r, OUTCOME, refs);
		CHECK_INT(r->first, 4);
		CHECK_NEAR(r->velocity, 8.888889, 1e-6);
		check_ref(&r->refs[ALPHA], TREND_CLOSING, 21.944444, 3, "2027-Q1");
		check_ref(&r->refs[BETA], TREND_UNKNOWN, NAN, NAN, NULL);
	}

	r = trend_dimension(t, TRUSTD);
	CHECK(r != NULL);
	if (r)
		check_against_gap(cat, c, t, r, TRUSTD, refs);

	/* overall: weight-averaged over the dimensions present that period:
	 *   slot 0: 90; 1: 80; 2: 40; 4: (2*45 + 54.167 + 40)/4 = 46.041667;
	 *   5: (2*46.667 + 63.056 + 50)/4 = 51.597222.
	 * velocity (2,40) (4,46.042) (5,51.597):
	 *   (-5*40 + 46.042 + 4*51.597)/14 = 52.431/14 = 3.745040.
	 * alpha: (2*90 + 85)/3 = 88.333333 (no trust); gap 36.736111;
	 *   / 3.745040 = 9.81 -> 10 quarters, 2026-Q2 + 10 = 2028-Q4.
	 * beta: (2*40 + 100)/3 = 60; gap 8.402778; / 3.745 = 2.24 -> 3,
	 *   2027-Q1. */
	r = trend_overall(t);
	CHECK(r != NULL);
	if (r) {
		CHECK(r == &t->rows[t->nrows - 1]);
		CHECK_NEAR(r->scores[0], 90, 1e-9);
		CHECK_NEAR(r->scores[2], 40, 1e-9);
		CHECK_NAN(r->scores[3]);
		CHECK_NEAR(r->scores[4], 46.041667, 1e-6);
		CHECK_NEAR(r->scores[5], 51.597222, 1e-6);
		check_against_gap(cat, c, t, r, NDIMS, refs);
		CHECK_NEAR(r->velocity, 3.745040, 1e-6);
		CHECK_NEAR(r->change, 5.555556, 1e-6);      /* 51.597 - 46.042 */
		CHECK_NEAR(r->change_first, -38.402778, 1e-6); /* 51.597 - 90 */
		check_ref(&r->refs[ALPHA], TREND_CLOSING, 36.736111, 10, "2028-Q4");
		check_ref(&r->refs[BETA], TREND_CLOSING, 8.402778, 3, "2027-Q1");
	}

	trend_free(t);
	trend_free(NULL); /* a no-op */
	profile_free(p[ALPHA]);
	profile_free(p[BETA]);
	company_free(c);
	catalog_free(cat);
}

/* trend_compute over the first `upto` periods ignores the later ones:
 * with upto 3 the history is 2025-Q1 .. 2025-Q3.
 *   wait scores 90 80 20: (0,90) (1,80) (2,20): mx 1, my 63.333;
 *     sxy = (-1)(26.667) + 0 + (1)(-43.333) = -70, sxx 2 -> -35
 *   sl: one observation (60) -> too few periods against alpha
 *   speed 90 80 40 (2025-Q3: (20 + 60)/2): mean 70,
 *     sxy = (-1)(20) + 0 + (1)(-30) = -50, sxx 2 -> -25
 *   overall = speed; outcome and trust never reported -> dropped;
 *   nps, csat, aband, ces, trust: no row. */
void test_trend_upto(void)
{
	struct catalog *cat = trend_catalog();
	struct company *c = history_company(cat);
	struct profile *p[2];
	const struct profile *refs[2];
	struct trend *t;
	const struct trend_row *r;
	char buf[16];

	history_profiles(cat, p);
	refs[ALPHA] = p[ALPHA];
	refs[BETA] = p[BETA];
	t = trend_compute(cat, c, 3, refs, 2, NULL);
	CHECK_INT(t->upto, 3);
	CHECK_INT(t->nperiods, 3);
	CHECK_STR(label(t->timeline[2], buf), "2025-Q3");
	CHECK_INT(t->nrows, 4); /* wait, sl, speed, overall */
	CHECK(trend_metric(t, NPS) == NULL);
	CHECK(trend_metric(t, TRUST) == NULL);
	CHECK(trend_dimension(t, OUTCOME) == NULL);
	CHECK(trend_dimension(t, TRUSTD) == NULL);
	r = trend_metric(t, WAIT);
	CHECK(r != NULL);
	if (r) {
		CHECK_NEAR(r->velocity, -35, 1e-9);
		CHECK_NEAR(r->change, 180, 1e-12);  /* 240 - 60 */
		CHECK_INT(r->last, 2);
		/* alpha 90 - 20 = 70 behind, falling */
		check_ref(&r->refs[ALPHA], TREND_AWAY, 70, NAN, NULL);
	}
	r = trend_metric(t, SL);
	CHECK(r != NULL);
	if (r)
		check_ref(&r->refs[ALPHA], TREND_NO_PACE, 30, NAN, NULL);
	r = trend_dimension(t, SPEED);
	CHECK(r != NULL);
	if (r) {
		CHECK_NEAR(r->velocity, -25, 1e-9);
		check_against_gap(cat, c, t, r, SPEED, refs);
		/* alpha in 2025-Q3 (wait 90, sl 90) = 90; 90 - 40 = 50 */
		check_ref(&r->refs[ALPHA], TREND_AWAY, 50, NAN, NULL);
	}
	r = trend_overall(t);
	CHECK(r != NULL);
	if (r)
		CHECK_NEAR(r->scores[2], 40, 1e-9);
	trend_free(t);
	profile_free(p[ALPHA]);
	profile_free(p[BETA]);
	company_free(c);
	catalog_free(cat);
}

/* A company with one metric over the given periods against one reference
 * ("ref"; ref NAN: it has no value); the caller frees all. */
static struct trend *one_metric(const struct catalog *cat, struct company **cp,
				struct profile **pp, long m, const char *const *labels,
				const double *values, size_t n, double ref)
{
	static const struct profile *refs[1]; /* the trend borrows it */
	struct company *c = company_new(cat, "(one)");
	struct profile *p = new_profile(cat, "ref");
	size_t i;

	c->name = strdup("One Co");
	for (i = 0; i < n; i++)
		put(cat, c, add_period(c, labels[i]), m, values[i], 0, NAN, NAN);
	if (!isnan(ref))
		set_value(p, (size_t)m, ref);
	*cp = c;
	*pp = p;
	refs[0] = p;
	return trend_compute(cat, c, c->nperiods, refs, 1, NULL);
}

static void free_one(struct trend *t, struct company *c, struct profile *p)
{
	trend_free(t);
	company_free(c);
	profile_free(p);
}

void test_trend_projection(void)
{
	struct catalog *cat = trend_catalog();
	struct company *c;
	struct profile *p;
	struct trend *t;
	const struct trend_row *r;
	static const char *const q[] = { "2026-Q2", "2026-Q3" };
	static const char *const mo[] = { "2026-10", "2026-11" };
	static const char *const yr[] = { "2024", "2025" };
	static const char *const one[] = { "2026-Q3" };
	static const char *const flat[] = { "2026-Q1", "2026-Q3", "2026-Q4" };

	/* quarters across a year boundary: wait 210 (30) then 180 (40):
	 * velocity 10; ref 15 s = score 95; gap 95 - 40 = 55; 55/10 = 5.5 -> 6;
	 * 2026-Q3 + 6 quarters = 2028-Q1. */
	t = one_metric(cat, &c, &p, WAIT, q, (const double[]){ 210, 180 }, 2, 15);
	r = trend_metric(t, WAIT);
	CHECK(r != NULL);
	if (r) {
		CHECK_NEAR(r->velocity, 10, 1e-9);
		check_ref(&r->refs[0], TREND_CLOSING, 55, 6, "2028-Q1");
	}
	r = trend_overall(t);
	CHECK(r != NULL);
	if (r) /* the overall index is the one speed dimension = wait */
		check_ref(&r->refs[0], TREND_CLOSING, 55, 6, "2028-Q1");
	free_one(t, c, p);

	/* months: wait 240 (20) then 180 (40): velocity 20; gap 95 - 40 = 55;
	 * 2.75 -> 3; 2026-11 + 3 months = 2027-02. */
	t = one_metric(cat, &c, &p, WAIT, mo, (const double[]){ 240, 180 }, 2, 15);
	r = trend_metric(t, WAIT);
	CHECK(r != NULL);
	if (r) {
		CHECK_NEAR(r->velocity, 20, 1e-9);
		check_ref(&r->refs[0], TREND_CLOSING, 55, 3, "2027-02");
	}
	free_one(t, c, p);

	/* years: wait 240 (20) then 180 (40); ref 0 s = 100; gap 60 / 20 = 3
	 * exactly -> 3 years, 2025 + 3 = 2028. */
	t = one_metric(cat, &c, &p, WAIT, yr, (const double[]){ 240, 180 }, 2, 0);
	r = trend_metric(t, WAIT);
	CHECK(r != NULL);
	if (r)
		check_ref(&r->refs[0], TREND_CLOSING, 60, 3, "2028");
	free_one(t, c, p);

	/* a gap exactly divisible by the velocity, where the doubles are not
	 * exact: sl 46 then 52 -> scores 100*6/60 = 10 and 100*12/60 = 20
	 * (floating point: 10.000000000000002 ...), velocity 10; ref 94 ->
	 * 100*54/60 = 90; gap 70 / 10 = 7 -> 7 quarters, not 8:
	 * 2026-Q3 + 7 = 2028-Q2. */
	t = one_metric(cat, &c, &p, SL, q, (const double[]){ 46, 52 }, 2, 94);
	r = trend_metric(t, SL);
	CHECK(r != NULL);
	if (r)
		check_ref(&r->refs[0], TREND_CLOSING, 70, 7, "2028-Q2");
	free_one(t, c, p);

	/* one observation: no velocity -> too few periods */
	t = one_metric(cat, &c, &p, WAIT, one, (const double[]){ 180 }, 1, 15);
	CHECK_INT(t->nperiods, 1);
	r = trend_metric(t, WAIT);
	CHECK(r != NULL);
	if (r) {
		CHECK_NAN(r->velocity);
		CHECK_NAN(r->change);
		check_ref(&r->refs[0], TREND_NO_PACE, 55, NAN, NULL);
	}
	free_one(t, c, p);

	/* falling: wait 180 (40) then 210 (30): velocity -10 -> moving away */
	t = one_metric(cat, &c, &p, WAIT, q, (const double[]){ 180, 210 }, 2, 15);
	r = trend_metric(t, WAIT);
	CHECK(r != NULL);
	if (r) {
		CHECK_NEAR(r->velocity, -10, 1e-9);
		check_ref(&r->refs[0], TREND_AWAY, 65, NAN, NULL);
	}
	free_one(t, c, p);

	/* flat: 180 then 180: velocity 0 -> not moving */
	t = one_metric(cat, &c, &p, WAIT, q, (const double[]){ 180, 180 }, 2, 15);
	r = trend_metric(t, WAIT);
	CHECK(r != NULL);
	if (r) {
		CHECK_NEAR(r->velocity, 0, 0);
		check_ref(&r->refs[0], TREND_FLAT, 55, NAN, NULL);
	}
	free_one(t, c, p);

	/* flat with a gap in the window: csat 92.7 in 2026-Q1, Q3 and Q4
	 * (score 2*(92.7-50) = 85.4 each time; x = 0, 2, 3).  Three equal
	 * scores have a slope of exactly 0 -> not moving against a reference
	 * at 99 (score 98, gap 12.6); never "closing" in ~1e31 quarters nor
	 * "moving away" because of rounding in the last bits.  The same with
	 * 92.8 (85.6, gap 12.4), where the rounding goes the other way. */
	t = one_metric(cat, &c, &p, CSAT, flat, (const double[]){ 92.7, 92.7, 92.7 },
		       3, 99);
	r = trend_metric(t, CSAT);
	CHECK(r != NULL);
	if (r) {
		CHECK_INT(t->nperiods, 4);
		CHECK_NEAR(r->velocity, 0, 1e-9);
		check_ref(&r->refs[0], TREND_FLAT, 12.6, NAN, NULL);
	}
	free_one(t, c, p);
	t = one_metric(cat, &c, &p, CSAT, flat, (const double[]){ 92.8, 92.8, 92.8 },
		       3, 99);
	r = trend_metric(t, CSAT);
	CHECK(r != NULL);
	if (r) {
		CHECK_NEAR(r->velocity, 0, 1e-9);
		check_ref(&r->refs[0], TREND_FLAT, 12.4, NAN, NULL);
	}
	free_one(t, c, p);

	/* ahead: ref 240 s = score 20 < 40 -> level or ahead (gap -20), even
	 * though moving */
	t = one_metric(cat, &c, &p, WAIT, q, (const double[]){ 210, 180 }, 2, 240);
	r = trend_metric(t, WAIT);
	CHECK(r != NULL);
	if (r)
		check_ref(&r->refs[0], TREND_NONE, -20, NAN, NULL);
	free_one(t, c, p);

	/* exactly level: ref 180 -> gap 0 -> level or ahead */
	t = one_metric(cat, &c, &p, WAIT, q, (const double[]){ 210, 180 }, 2, 180);
	r = trend_metric(t, WAIT);
	CHECK(r != NULL);
	if (r)
		check_ref(&r->refs[0], TREND_NONE, 0, NAN, NULL);
	free_one(t, c, p);

	/* the reference has no value -> no reference value, for the metric,
	 * its dimension and the index */
	t = one_metric(cat, &c, &p, WAIT, q, (const double[]){ 210, 180 }, 2, NAN);
	r = trend_metric(t, WAIT);
	CHECK(r != NULL);
	if (r)
		check_ref(&r->refs[0], TREND_UNKNOWN, NAN, NAN, NULL);
	r = trend_overall(t);
	CHECK(r != NULL);
	if (r)
		check_ref(&r->refs[0], TREND_UNKNOWN, NAN, NAN, NULL);
	free_one(t, c, p);

	CHECK_STR(trend_status_name(TREND_NONE), "level or ahead");
	CHECK_STR(trend_status_name(TREND_CLOSING), "closing");
	CHECK_STR(trend_status_name(TREND_AWAY), "moving away");
	CHECK_STR(trend_status_name(TREND_FLAT), "not moving");
	CHECK_STR(trend_status_name(TREND_NO_PACE), "too few periods");
	CHECK_STR(trend_status_name(TREND_UNKNOWN), "no reference value");
	catalog_free(cat);
}

/* change_moe in a trend: NPS without shares, and a percent change that is
 * not significant.
 *   2026-Q2: nps 10 (n 400), csat 80 (n 1000)
 *   2026-Q3: nps 20 (n 500), csat 82 (n 1000)
 * nps: 12.993780 (test_obs_change_moe); change 10 < 12.99 -> not
 * significant.
 * csat: moe1 = 196 * sqrt(.8 * .2 / 1000) = 2.479226,
 *       moe2 = 196 * sqrt(.82 * .18 / 1000) = 196 * sqrt(.0001476) = 2.381219;
 *       sqrt(6.146560 + 5.670202) = sqrt(11.816762) = 3.437552;
 *       change 2 -> not significant. */
void test_trend_change_moe(void)
{
	struct catalog *cat = trend_catalog();
	struct company *c = company_new(cat, "(moe)");
	struct period_data *pd;
	struct trend *t;
	const struct trend_row *r;

	c->name = strdup("Moe Co");
	pd = add_period(c, "2026-Q2");
	put(cat, c, pd, NPS, 10, 400, NAN, NAN);
	put(cat, c, pd, CSAT, 80, 1000, NAN, NAN);
	pd = add_period(c, "2026-Q3");
	put(cat, c, pd, NPS, 20, 500, NAN, NAN);
	put(cat, c, pd, CSAT, 82, 1000, NAN, NAN);
	t = trend_compute(cat, c, c->nperiods, NULL, 0, NULL);
	CHECK_INT(t->nrefs, 0);
	r = trend_metric(t, NPS);
	CHECK(r != NULL);
	if (r) {
		CHECK_NEAR(r->change, 10, 1e-12);
		CHECK_NEAR(r->change_moe, 12.993780, 1e-6);
		CHECK_INT(r->change_significant, 0);
	}
	r = trend_metric(t, CSAT);
	CHECK(r != NULL);
	if (r) {
		CHECK_NEAR(r->change, 2, 1e-12);
		CHECK_NEAR(r->change_moe, 3.437552, 1e-6);
		CHECK_INT(r->change_significant, 0);
	}
	/* outcome (nps 33.333, csat 60) -> 46.666667, then (41.667 + 64)/2 =
	 * 52.833333: dimension changes have no margin */
	r = trend_dimension(t, OUTCOME);
	CHECK(r != NULL);
	if (r) {
		CHECK_NEAR(r->change, 6.166667, 1e-6);
		CHECK_NAN(r->change_moe);
		CHECK_INT(r->change_significant, -1);
	}
	trend_free(t);
	company_free(c);
	catalog_free(cat);
}

/* --since/--until on the history (2025-Q1 Q2 Q3, 2026-Q1 Q2). */
void test_history_window(void)
{
	struct catalog *cat = trend_catalog();
	struct company *c;
	struct trend *t;

	c = history_company(cat);
	CHECK_INT(history_window(c, NULL, NULL), CX_OK);
	CHECK_INT(c->nperiods, 5);
	company_free(c);

	/* both bounds, inclusive */
	c = history_company(cat);
	CHECK_INT(history_window(c, "2025-Q2", "2026-Q1"), CX_OK);
	CHECK_INT(c->nperiods, 3);
	if (c->nperiods == 3) {
		CHECK_STR(c->periods[0].label, "2025-Q2");
		CHECK_STR(c->periods[1].label, "2025-Q3");
		CHECK_STR(c->periods[2].label, "2026-Q1");
	}
	company_free(c);

	/* a bound on the missing 2025-Q4, lower case accepted */
	c = history_company(cat);
	CHECK_INT(history_window(c, "2025-q4", NULL), CX_OK);
	CHECK_INT(c->nperiods, 2);
	if (c->nperiods == 2)
		CHECK_STR(c->periods[0].label, "2026-Q1");
	/* the windowed company's trend starts at its first period left:
	 * wait (0,40) (1,50) -> velocity 10 */
	t = trend_compute(cat, c, c->nperiods, NULL, 0, NULL);
	CHECK_INT(t->nperiods, 2);
	CHECK_NEAR(trend_metric(t, WAIT)->velocity, 10, 1e-9);
	CHECK(trend_metric(t, SL) != NULL); /* 2026-Q2 */
	trend_free(t);
	company_free(c);

	c = history_company(cat);
	CHECK_INT(history_window(c, NULL, "2025-Q1"), CX_OK);
	CHECK_INT(c->nperiods, 1);
	company_free(c);

	/* bounds of the wrong granularity or not periods: usage errors, the
	 * company untouched */
	c = history_company(cat);
	quiet_begin();
	CHECK_INT(history_window(c, "2025-06", NULL), CX_EUSAGE);
	CHECK_INT(history_window(c, NULL, "2025"), CX_EUSAGE);
	CHECK_INT(history_window(c, "Q1-2025", NULL), CX_EUSAGE);
	CHECK_INT(history_window(c, "2025-Q1", "2026-13"), CX_EUSAGE);
	quiet_end();
	CHECK_INT(c->nperiods, 5);
	/* nothing left */
	quiet_begin();
	CHECK_INT(history_window(c, "2027-Q1", NULL), CX_EUSAGE);
	quiet_end();
	company_free(c);
	c = history_company(cat);
	quiet_begin();
	CHECK_INT(history_window(c, "2026-Q1", "2025-Q3"), CX_EUSAGE);
	quiet_end();
	company_free(c);
	c = history_company(cat);
	quiet_begin();
	CHECK_INT(history_window(c, "2025-Q4", "2025-Q4"), CX_EUSAGE); /* the gap */
	quiet_end();
	company_free(c);
	catalog_free(cat);
}

/* history_load: files and a directory merged into one timeline. */
void test_history_load(void)
{
	char *dir = temp_dir_new();
	struct catalog *cat = trend_catalog();
	char *a = write_file(dir, "a.json",
		"{ \"company\": \"Merge Co\", \"periods\": [\n"
		"  { \"period\": \"2026-Q1\", \"metrics\": { \"wait_seconds\": 60,\n"
		"      \"nps\": { \"value\": 10, \"n\": 400, \"promoters_pct\": 40, \"detractors_pct\": 30 } } } ] }\n");
	char *b = write_file(dir, "b.csv",
		"company,period,metric,value,n\n"
		"Merge Co,2026-Q3,wait_seconds,45,\n"
		"Merge Co,2026-Q1,wait_seconds,60,\n");
	char *conflict = write_file(dir, "c.csv.txt",
		"company,period,metric,value,n\n"
		"Merge Co,2026-Q1,wait_seconds,61,\n");
	char *other = write_file(dir, "d.csv.txt",
		"company,period,metric,value,n\n"
		"Other Co,2026-Q2,wait_seconds,50,\n");
	char *month = write_file(dir, "e.csv.txt",
		"company,period,metric,value,n\n"
		"Merge Co,2026-05,wait_seconds,50,\n");
	char *paths[3];
	struct company *c = NULL;
	const struct obs *o;

	/* the directory: a.json and b.csv in name order (not the .txt files) */
	paths[0] = dir;
	CHECK_INT(history_load(cat, paths, 1, &c), CX_OK);
	CHECK(c != NULL);
	if (c) {
		CHECK_STR(c->name, "Merge Co");
		CHECK_INT(c->nperiods, 2);
		if (c->nperiods == 2) {
			CHECK_STR(c->periods[0].label, "2026-Q1");
			CHECK_STR(c->periods[1].label, "2026-Q3");
			o = &c->periods[0].obs[NPS];
			CHECK(o->present && o->n == 400 && o->promoters == 40);
			CHECK(o->file && strstr(o->file, "a.json") != NULL);
			o = &c->periods[1].obs[WAIT];
			CHECK(o->present && o->value == 45);
			CHECK(o->file && strstr(o->file, "b.csv") != NULL);
		}
	}
	company_free(c);

	/* the same files named one by one, the later first */
	c = NULL;
	paths[0] = b;
	paths[1] = a;
	CHECK_INT(history_load(cat, paths, 2, &c), CX_OK);
	if (c)
		CHECK_INT(c->nperiods, 2);
	company_free(c);

	/* a different value for 2026-Q1 wait_seconds; another company;
	 * another granularity; a missing file */
	paths[0] = a;
	c = NULL;
	quiet_begin();
	paths[1] = conflict;
	CHECK_INT(history_load(cat, paths, 2, &c), CX_EINPUT);
	paths[1] = other;
	CHECK_INT(history_load(cat, paths, 2, &c), CX_EINPUT);
	paths[1] = month;
	CHECK_INT(history_load(cat, paths, 2, &c), CX_EINPUT);
	paths[1] = "/nonexistent/cxbench-history.json";
	CHECK_INT(history_load(cat, paths, 2, &c), CX_EIO);
	quiet_end();
	CHECK(c == NULL);

	free(a);
	free(b);
	free(conflict);
	free(other);
	free(month);
	catalog_free(cat);
	remove_tree(dir);
	free(dir);
}

/* Timeline 2025-Q1 .. 2026-Q2 (2025-Q4 empty): a year before 2026-Q2 is
 * slot 1, 2025-Q2; three periods do not reach back a year. */
void test_trend_change_since(void)
{
	struct catalog *cat = trend_catalog();
	struct company *c = history_company(cat);
	struct trend *t = trend_compute(cat, c, c->nperiods, NULL, 0, NULL);
	struct trend *short_ = trend_compute(cat, c, 3, NULL, 0, NULL);
	const struct trend_row *wait = trend_metric(t, WAIT), *sl = trend_metric(t, SL);
	double moe, sl_now = 1.96 * sqrt(0.64 * 0.36 / 600) * 100,
	       sl_then = 1.96 * sqrt(0.76 * 0.24 / 400) * 100;

	CHECK_INT(trend_year_ago(t), 1);
	CHECK_INT(trend_year_ago(short_), -1);
	CHECK(wait != NULL && sl != NULL);
	if (wait && sl) {
		CHECK_NEAR(trend_change_since(t, wait, 1, &moe), 150 - 60, 1e-12);
		CHECK_NAN(moe); /* no sample sizes */
		CHECK_NEAR(trend_change_since(t, wait, 0, NULL), 150 - 30, 1e-12);
		CHECK_NAN(trend_change_since(t, wait, 3, &moe)); /* 2025-Q4: no data */
		CHECK_NAN(moe);
		CHECK_NAN(trend_change_since(t, sl, 1, &moe)); /* sl not in 2025-Q2 */
		CHECK_NEAR(trend_change_since(t, sl, 2, &moe), 64 - 76, 1e-12);
		CHECK_NEAR(moe, sqrt(sl_now * sl_now + sl_then * sl_then), 1e-9);
	}
	CHECK_NEAR(trend_change_since(t, trend_overall(t), 0, &moe),
		   trend_overall(t)->scores[5] - trend_overall(t)->scores[0], 1e-12);
	CHECK_NAN(moe); /* scores carry no margin */
	trend_free(t);
	trend_free(short_);
	company_free(c);
	catalog_free(cat);
}
