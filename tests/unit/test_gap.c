/* gap.c and frontier_new(): the whole gap contract on a small catalog,
 * profiles and company built in memory.  Every expected number is worked
 * out in the comments from DESIGN.md's formulas. */
#include "check.h"
#include "fixture.h"
#include "core/company.h"
#include "core/gap.h"
#include "core/profile.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Catalog indexes.  Catalog order deliberately differs from id order. */
enum { WAIT, SL, NPS, CSAT, ABAND, TRUST, CES, NMETRICS };
enum { SPEED, OUTCOME, TRUSTD, NDIMS };
/* Report indexes (the company has every metric but TRUST). */
enum { R_WAIT, R_SL, R_NPS, R_CSAT, R_ABAND, R_CES };
/* Reference indexes in the main scenario. */
enum { ALPHA, BETA, GAMMA, FRONT };

/* dims: speed (weight 2), outcome (1), trust (3).
 * metrics: wait_seconds  speed   lower  300..0   mean
 *          sl_pct        speed   higher 40..100  percent
 *          nps           outcome higher -30..90  nps
 *          csat_pct      outcome higher 50..100  percent
 *          aband_pct     speed   lower  20..0    percent
 *          trust_pct     trust   higher 30..95   percent
 *          ces           outcome higher 3..7     scale (1..7) */
static struct catalog *test_catalog(void)
{
	struct catalog *cat = calloc(1, sizeof *cat);

	cat->origin = strdup("(test catalog)");
	cat->ndims = NDIMS;
	cat->dims = calloc(NDIMS, sizeof *cat->dims);
	set_dim(&cat->dims[SPEED], "speed", 2);
	set_dim(&cat->dims[OUTCOME], "outcome", 1);
	set_dim(&cat->dims[TRUSTD], "trust", 3);
	cat->nmetrics = NMETRICS;
	cat->metrics = calloc(NMETRICS, sizeof *cat->metrics);
	set_metric(&cat->metrics[WAIT], "wait_seconds", SPEED, 0, 300, 0, KIND_MEAN);
	set_metric(&cat->metrics[SL], "sl_pct", SPEED, 1, 40, 100, KIND_PERCENT);
	set_metric(&cat->metrics[NPS], "nps", OUTCOME, 1, -30, 90, KIND_NPS);
	set_metric(&cat->metrics[CSAT], "csat_pct", OUTCOME, 1, 50, 100, KIND_PERCENT);
	set_metric(&cat->metrics[ABAND], "aband_pct", SPEED, 0, 20, 0, KIND_PERCENT);
	set_metric(&cat->metrics[TRUST], "trust_pct", TRUSTD, 1, 30, 95, KIND_PERCENT);
	set_metric(&cat->metrics[CES], "ces", OUTCOME, 1, 3, 7, KIND_SCALE);
	return cat;
}

/* The company: 2026-Q1 (compared) and an earlier 2025-Q4 added second.
 *   wait 60         score 100*(60-300)/(0-300) = 80,  moe NaN (mean)
 *   sl 70, n 400    score 100*(70-40)/60 = 50,        moe 1.96*sqrt(.7*.3/400)*100 = 4.490924
 *   nps 20, n 100, P 50, D 30
 *                   score 100*(20+30)/120 = 41.666667, moe 1.96*sqrt((.8-.04)/100)*100 = 17.086884
 *   csat 75         score 100*25/50 = 50,             moe NaN (no n)
 *   aband 5, n 1e4  score 100*(5-20)/(0-20) = 75,     moe 1.96*sqrt(.05*.95/1e4)*100 = 0.427172
 *   trust           absent
 *   ces 5, n 50     score 100*2/4 = 50,               moe NaN (scale) */
static struct company *test_company(const struct catalog *cat)
{
	struct company *c = company_new(cat, "(test company)");
	struct period q1, q4;
	struct period_data *pd;

	c->name = strdup("Test Co");
	CHECK_INT(period_parse("2026-Q1", &q1), 0);
	CHECK_INT(period_parse("2025-Q4", &q4), 0);
	pd = company_add_period(c, q1, 0);
	put(cat, c, pd, WAIT, 60, 0, NAN, NAN);
	put(cat, c, pd, SL, 70, 400, NAN, NAN);
	put(cat, c, pd, NPS, 20, 100, 50, 30);
	put(cat, c, pd, CSAT, 75, 0, NAN, NAN);
	put(cat, c, pd, ABAND, 5, 10000, NAN, NAN);
	put(cat, c, pd, CES, 5, 50, NAN, NAN);
	pd = company_add_period(c, q4, 0); /* goes before 2026-Q1 */
	put(cat, c, pd, WAIT, 150, 0, NAN, NAN);
	return c;
}

/*            wait  sl   nps  csat aband trust
 *   alpha     60   90   35   85    -     80
 *   beta      30   73   70   -     6     90
 *   gamma     30   95   -    60    25    -
 *   frontier  30b  95g  70b  85a   6b    90b   (ces: nobody) */
static void main_profiles(const struct catalog *cat, struct profile **p)
{
	p[ALPHA] = new_profile(cat, "alpha");
	set_value(p[ALPHA], WAIT, 60);
	set_value(p[ALPHA], SL, 90);
	set_value(p[ALPHA], NPS, 35);
	set_value(p[ALPHA], CSAT, 85);
	set_value(p[ALPHA], TRUST, 80);
	p[BETA] = new_profile(cat, "beta");
	set_value(p[BETA], WAIT, 30);
	set_value(p[BETA], SL, 73);
	set_value(p[BETA], NPS, 70);
	set_value(p[BETA], ABAND, 6);
	set_value(p[BETA], TRUST, 90);
	p[GAMMA] = new_profile(cat, "gamma");
	set_value(p[GAMMA], WAIT, 30);
	set_value(p[GAMMA], SL, 95);
	set_value(p[GAMMA], CSAT, 60);
	set_value(p[GAMMA], ABAND, 25);
}

static void check_cell(const struct gap_cell *c, double value, double score,
		       double gap, double points, int significant)
{
	CHECK(c->present);
	CHECK_NEAR(c->value, value, 1e-9);
	CHECK_NEAR(c->score, score, 1e-6);
	CHECK_NEAR(c->gap, gap, 1e-9);
	CHECK_NEAR(c->gap_points, points, 1e-6);
	CHECK_INT(c->significant, significant);
}

static const char *metric_id(const struct gap_report *r, size_t i)
{
	return r->cat->metrics[r->metrics[i].metric].id;
}

void test_gap_compute(void)
{
	struct catalog *cat = test_catalog();
	struct company *c = test_company(cat);
	struct profile *p[3], *f;
	const struct profile *refs[4];
	struct gap_report *r;
	size_t k;

	main_profiles(cat, p);
	f = frontier_new(cat, (const struct profile *const *)p, 3);
	refs[ALPHA] = p[ALPHA];
	refs[BETA] = p[BETA];
	refs[GAMMA] = p[GAMMA];
	refs[FRONT] = f;

	/* the frontier: best per metric, naming its brand */
	CHECK(f->is_frontier);
	CHECK_STR(f->id, "frontier");
	CHECK(f->values[WAIT].present && f->values[WAIT].value == 30);
	CHECK(f->values[WAIT].from == p[BETA]);  /* beta 30 ties gamma 30: earlier wins */
	CHECK(f->values[SL].value == 95 && f->values[SL].from == p[GAMMA]);    /* max(90,73,95) */
	CHECK(f->values[NPS].value == 70 && f->values[NPS].from == p[BETA]);   /* max(35,70) */
	CHECK(f->values[CSAT].value == 85 && f->values[CSAT].from == p[ALPHA]); /* max(85,60) */
	CHECK(f->values[ABAND].value == 6 && f->values[ABAND].from == p[BETA]); /* min(6,25): lower */
	CHECK(f->values[TRUST].value == 90 && f->values[TRUST].from == p[BETA]);
	CHECK(!f->values[CES].present);  /* nobody has ces */

	CHECK_INT(c->nperiods, 2);
	CHECK_STR(c->periods[0].label, "2025-Q4"); /* kept in time order */
	CHECK_STR(c->periods[1].label, "2026-Q1");
	r = gap_compute(cat, c, 1, refs, 4, f);
	CHECK_STR(r->period->label, "2026-Q1");
	CHECK_INT(r->nrefs, 4);

	/* the company's metrics, in catalog order, trust_pct left out */
	CHECK_INT(r->nmetrics, 6);
	CHECK_STR(metric_id(r, R_WAIT), "wait_seconds");
	CHECK_STR(metric_id(r, R_ABAND), "aband_pct");
	CHECK_STR(metric_id(r, R_CES), "ces");
	CHECK_INT(r->metrics[R_CES].metric, CES); /* catalog index 6, report index 5 */
	CHECK_NEAR(r->metrics[R_WAIT].value, 60, 0);
	CHECK_NEAR(r->metrics[R_WAIT].score, 80, 1e-9);     /* 100*(60-300)/(0-300) */
	CHECK_NEAR(r->metrics[R_SL].score, 50, 1e-9);       /* 100*(70-40)/60 */
	CHECK_NEAR(r->metrics[R_NPS].score, 41.666667, 1e-6); /* 100*50/120 */
	CHECK_NEAR(r->metrics[R_CSAT].score, 50, 1e-9);     /* 100*25/50 */
	CHECK_NEAR(r->metrics[R_ABAND].score, 75, 1e-9);    /* 100*(5-20)/(0-20) */
	CHECK_NEAR(r->metrics[R_CES].score, 50, 1e-9);      /* 100*(5-3)/4 */
	CHECK_NAN(r->metrics[R_WAIT].moe);                  /* mean kind */
	CHECK_NEAR(r->metrics[R_SL].moe, 4.490924, 1e-6);   /* 196*sqrt(.21/400) */
	CHECK_NEAR(r->metrics[R_NPS].moe, 17.086884, 1e-6); /* 196*sqrt(.76/100) */
	CHECK_NAN(r->metrics[R_CSAT].moe);                  /* n unknown */
	CHECK_NEAR(r->metrics[R_ABAND].moe, 0.427172, 1e-6); /* 196*sqrt(.0475/1e4) */
	CHECK_NAN(r->metrics[R_CES].moe);                   /* scale kind, even with n */

	/* wait (lower; gap = company - ref; moe unknown -> significant -1) */
	check_cell(&r->metrics[R_WAIT].cells[ALPHA], 60, 80, 0, 0, -1);
	check_cell(&r->metrics[R_WAIT].cells[BETA], 30, 90, 30, 10, -1);  /* score 100*(-270)/(-300) */
	check_cell(&r->metrics[R_WAIT].cells[GAMMA], 30, 90, 30, 10, -1);
	check_cell(&r->metrics[R_WAIT].cells[FRONT], 30, 90, 30, 10, -1);
	/* sl (moe 4.49) */
	check_cell(&r->metrics[R_SL].cells[ALPHA], 90, 83.333333, 20, 33.333333, 1); /* 100*50/60; 20 > 4.49 */
	check_cell(&r->metrics[R_SL].cells[BETA], 73, 55, 3, 5, 0);   /* 100*33/60; 3 < 4.49 */
	check_cell(&r->metrics[R_SL].cells[GAMMA], 95, 91.666667, 25, 41.666667, 1); /* 100*55/60 */
	check_cell(&r->metrics[R_SL].cells[FRONT], 95, 91.666667, 25, 41.666667, 1);
	/* nps (moe 17.09) */
	check_cell(&r->metrics[R_NPS].cells[ALPHA], 35, 54.166667, 15, 12.5, 0); /* 100*65/120; 15 < 17.09 */
	check_cell(&r->metrics[R_NPS].cells[BETA], 70, 83.333333, 50, 41.666667, 1); /* 100*100/120 */
	CHECK(!r->metrics[R_NPS].cells[GAMMA].present);
	check_cell(&r->metrics[R_NPS].cells[FRONT], 70, 83.333333, 50, 41.666667, 1);
	/* csat (no n) */
	check_cell(&r->metrics[R_CSAT].cells[ALPHA], 85, 70, 10, 20, -1); /* 100*35/50 */
	CHECK(!r->metrics[R_CSAT].cells[BETA].present);
	check_cell(&r->metrics[R_CSAT].cells[GAMMA], 60, 20, -15, -30, -1); /* ahead */
	check_cell(&r->metrics[R_CSAT].cells[FRONT], 85, 70, 10, 20, -1);
	/* aband (lower, moe .427): the company is ahead of everyone */
	CHECK(!r->metrics[R_ABAND].cells[ALPHA].present);
	check_cell(&r->metrics[R_ABAND].cells[BETA], 6, 70, -1, -5, 1);  /* 5-6; |-1| > .427 */
	check_cell(&r->metrics[R_ABAND].cells[GAMMA], 25, 0, -20, -75, 1); /* 100*5/(-20) -> 0 */
	check_cell(&r->metrics[R_ABAND].cells[FRONT], 6, 70, -1, -5, 1);
	/* ces: nobody */
	for (k = 0; k < 4; k++)
		CHECK(!r->metrics[R_CES].cells[k].present);

	/* coverage: company metrics each reference has (trust_pct not counted) */
	CHECK_INT(r->ref_covered[ALPHA], 4); /* wait sl nps csat */
	CHECK_INT(r->ref_covered[BETA], 4);  /* wait sl nps aband */
	CHECK_INT(r->ref_covered[GAMMA], 4); /* wait sl csat aband */
	CHECK_INT(r->ref_covered[FRONT], 5); /* all but ces */

	/* speed (weight 2): company wait 80, sl 50, aband 75 -> 205/3 */
	CHECK_INT(r->dims[SPEED].nmetrics, 3);
	CHECK_NEAR(r->dims[SPEED].score, 68.333333, 1e-6);
	CHECK_NEAR(r->dims[SPEED].ref_scores[ALPHA], 81.666667, 1e-6); /* (80+83.333)/2, no aband */
	CHECK_NEAR(r->dims[SPEED].ref_scores[BETA], 71.666667, 1e-6);  /* (90+55+70)/3 */
	CHECK_NEAR(r->dims[SPEED].ref_scores[GAMMA], 60.555556, 1e-6); /* (90+91.667+0)/3 */
	CHECK_NEAR(r->dims[SPEED].ref_scores[FRONT], 83.888889, 1e-6); /* (90+91.667+70)/3 */
	/* outcome (weight 1): company nps 41.667, csat 50, ces 50 -> 141.667/3 */
	CHECK_INT(r->dims[OUTCOME].nmetrics, 3);
	CHECK_NEAR(r->dims[OUTCOME].score, 47.222222, 1e-6);
	CHECK_NEAR(r->dims[OUTCOME].ref_scores[ALPHA], 62.083333, 1e-6); /* (54.167+70)/2 */
	CHECK_NEAR(r->dims[OUTCOME].ref_scores[BETA], 83.333333, 1e-6);  /* nps only */
	CHECK_NEAR(r->dims[OUTCOME].ref_scores[GAMMA], 20, 1e-6);        /* csat only */
	CHECK_NEAR(r->dims[OUTCOME].ref_scores[FRONT], 76.666667, 1e-6); /* (83.333+70)/2 */
	/* trust: the company has none; alpha and beta have trust_pct, but a
	 * reference is only scored on the company's metrics */
	CHECK_INT(r->dims[TRUSTD].nmetrics, 0);
	CHECK_NAN(r->dims[TRUSTD].score);
	for (k = 0; k < 4; k++)
		CHECK_NAN(r->dims[TRUSTD].ref_scores[k]);

	/* overall: (2*speed + 1*outcome)/3; trust (weight 3) left out */
	CHECK_NEAR(r->overall, 61.296296, 1e-6);             /* (136.667+47.222)/3 */
	CHECK_NEAR(r->ref_overall[ALPHA], 75.138889, 1e-6);  /* (163.333+62.083)/3 */
	CHECK_NEAR(r->ref_overall[BETA], 75.555556, 1e-6);   /* (143.333+83.333)/3 */
	CHECK_NEAR(r->ref_overall[GAMMA], 47.037037, 1e-6);  /* (121.111+20)/3 */
	CHECK_NEAR(r->ref_overall[FRONT], 81.481481, 1e-6);  /* (167.778+76.667)/3 */

	/* priorities against the frontier, gap_points * weight:
	 *   sl 41.667*2 = 83.333, nps 41.667*1 = 41.667,
	 *   wait 10*2 = 20 and csat 20*1 = 20 (tie: "csat_pct" < "wait_seconds"),
	 *   aband -5 (company ahead) and ces (no frontier) are not priorities */
	CHECK_INT(r->npriorities, 4);
	if (r->npriorities == 4) {
		CHECK_STR(metric_id(r, r->priorities[0]), "sl_pct");
		CHECK_STR(metric_id(r, r->priorities[1]), "nps");
		CHECK_STR(metric_id(r, r->priorities[2]), "csat_pct");
		CHECK_STR(metric_id(r, r->priorities[3]), "wait_seconds");
	}

	/* not compared */
	CHECK_INT(r->nnot_measured, 1);
	CHECK_INT(r->not_measured[0], TRUST);
	CHECK_INT(r->nno_reference, 1);
	CHECK_INT(r->no_reference[0], CES);

	gap_free(r);
	/* the earlier period: only wait 150, score 100*(150-300)/(-300) = 50 */
	r = gap_compute(cat, c, 0, refs, 4, f);
	CHECK_STR(r->period->label, "2025-Q4");
	CHECK_INT(r->nmetrics, 1);
	CHECK_NEAR(r->metrics[0].score, 50, 1e-9);
	CHECK_NEAR(r->overall, 50, 1e-9);              /* speed only */
	CHECK_NEAR(r->ref_overall[ALPHA], 80, 1e-9);   /* wait 60 only */
	CHECK_NEAR(r->ref_overall[BETA], 90, 1e-9);    /* wait 30 only */
	CHECK_INT(r->nnot_measured, 6);
	CHECK_INT(r->npriorities, 1);                  /* 90-50 = 40 */
	CHECK_INT(r->ref_covered[ALPHA], 1);
	gap_free(r);

	profile_free(f);
	for (k = 0; k < 3; k++)
		profile_free(p[k]);
	company_free(c);
	catalog_free(cat);
}

/* A reference lacking a whole dimension the company has is averaged over
 * the rest; with no frontier there are no priorities. */
void test_gap_partial_reference(void)
{
	struct catalog *cat = test_catalog();
	struct company *c = test_company(cat);
	struct profile *delta = new_profile(cat, "delta");
	const struct profile *refs[1];
	struct gap_report *r;

	set_value(delta, CSAT, 90);  /* score 100*40/50 = 80 */
	refs[0] = delta;
	r = gap_compute(cat, c, 1, refs, 1, NULL);
	check_cell(&r->metrics[R_CSAT].cells[0], 90, 80, 15, 30, -1);
	CHECK_NAN(r->dims[SPEED].ref_scores[0]);
	CHECK_NEAR(r->dims[OUTCOME].ref_scores[0], 80, 1e-9);  /* csat alone */
	CHECK_NEAR(r->ref_overall[0], 80, 1e-9);               /* 1*80/1: speed skipped */
	CHECK_NEAR(r->overall, 61.296296, 1e-6);               /* unchanged */
	CHECK_INT(r->ref_covered[0], 1);
	CHECK_INT(r->npriorities, 0);
	/* no reference: every company metric but csat, in catalog order */
	CHECK_INT(r->nno_reference, 5);
	if (r->nno_reference == 5) {
		CHECK_INT(r->no_reference[0], WAIT);
		CHECK_INT(r->no_reference[1], SL);
		CHECK_INT(r->no_reference[2], NPS);
		CHECK_INT(r->no_reference[3], ABAND);
		CHECK_INT(r->no_reference[4], CES);
	}
	CHECK_INT(r->nnot_measured, 1);
	gap_free(r);
	gap_free(NULL); /* a no-op */
	profile_free(delta);
	company_free(c);
	catalog_free(cat);
}

/* The frontier ranks priorities even when it is not one of the listed
 * references (--against alpha): a zero gap is not a priority. */
void test_gap_frontier_unselected(void)
{
	struct catalog *cat = test_catalog();
	struct company *c = test_company(cat);
	struct profile *p[3], *f;
	const struct profile *refs[1];
	struct gap_report *r;
	size_t k;

	main_profiles(cat, p);
	refs[0] = p[ALPHA];
	f = frontier_new(cat, refs, 1);
	r = gap_compute(cat, c, 1, refs, 1, f);
	/* wait 80-80 = 0 (not a priority); sl (83.333-50)*2 = 66.667;
	 * nps (54.167-41.667)*1 = 12.5; csat (70-50)*1 = 20; alpha has no aband */
	CHECK_INT(r->npriorities, 3);
	if (r->npriorities == 3) {
		CHECK_STR(metric_id(r, r->priorities[0]), "sl_pct");
		CHECK_STR(metric_id(r, r->priorities[1]), "csat_pct");
		CHECK_STR(metric_id(r, r->priorities[2]), "nps");
	}
	CHECK_INT(r->nno_reference, 2); /* aband, ces */
	if (r->nno_reference == 2) {
		CHECK_INT(r->no_reference[0], ABAND);
		CHECK_INT(r->no_reference[1], CES);
	}
	CHECK_INT(r->ref_covered[0], 4);
	gap_free(r);
	profile_free(f);
	for (k = 0; k < 3; k++)
		profile_free(p[k]);
	company_free(c);
	catalog_free(cat);
}

/* Ties go to the earlier profile in the order given, not by id. */
void test_frontier_ties(void)
{
	struct catalog *cat = test_catalog();
	struct profile *a = new_profile(cat, "a"), *b = new_profile(cat, "b"),
		       *z = new_profile(cat, "z"), *f;
	const struct profile *order[3];

	set_value(a, WAIT, 30);
	set_value(b, WAIT, 30);
	set_value(z, WAIT, 30);
	set_value(a, SL, 80);
	set_value(z, SL, 80);
	set_value(b, ABAND, 3);  /* lower: 3 beats 4 */
	set_value(z, ABAND, 4);
	set_value(z, NPS, -100); /* the only value, however bad */
	order[0] = z;
	order[1] = a;
	order[2] = b;
	f = frontier_new(cat, order, 3);
	CHECK(f->values[WAIT].from == z);   /* three-way tie: first listed */
	CHECK(f->values[SL].from == z);
	CHECK(f->values[ABAND].from == b && f->values[ABAND].value == 3);
	CHECK(f->values[NPS].from == z && f->values[NPS].value == -100);
	CHECK(!f->values[CSAT].present && f->values[CSAT].from == NULL);
	profile_free(f);
	order[0] = b;
	order[1] = a;
	order[2] = z;
	f = frontier_new(cat, order, 3);
	CHECK(f->values[WAIT].from == b);
	CHECK(f->values[SL].from == a);
	profile_free(f);
	f = frontier_new(cat, order, 0); /* no profile: nothing present */
	CHECK(!f->values[WAIT].present);
	profile_free(f);
	profile_free(a);
	profile_free(b);
	profile_free(z);
	catalog_free(cat);
}

/* Priorities that tie exactly in real arithmetic are ordered by id, even
 * when the doubles differ in their last bits.
 * One dimension of weight 1; company nps 0, sl 60; reference nps 52, sl 86:
 *   nps points 100*(52+30)/120 - 100*30/120 = 100*52/120 = 43 1/3
 *   sl  points 100*(86-40)/60 - 100*(60-40)/60 = 100*26/60 = 43 1/3
 * a tie, so "nps" < "sl_pct" comes first. */
void test_gap_priority_float_tie(void)
{
	struct catalog *cat = test_catalog();
	struct company *c = company_new(cat, "(tie)");
	struct profile *p = new_profile(cat, "tie"), *f;
	const struct profile *refs[1];
	struct period q;
	struct period_data *pd;
	struct gap_report *r;

	cat->dims[SPEED].weight = 1;
	c->name = strdup("Tie Co");
	period_parse("2026-Q1", &q);
	pd = company_add_period(c, q, 0);
	put(cat, c, pd, NPS, 0, 0, NAN, NAN);
	put(cat, c, pd, SL, 60, 0, NAN, NAN);
	set_value(p, NPS, 52);
	set_value(p, SL, 86);
	refs[0] = p;
	f = frontier_new(cat, refs, 1);
	r = gap_compute(cat, c, 0, refs, 1, f);
	CHECK_NEAR(r->metrics[0].cells[0].gap_points, 43.333333, 1e-6); /* sl */
	CHECK_NEAR(r->metrics[1].cells[0].gap_points, 43.333333, 1e-6); /* nps */
	CHECK_INT(r->npriorities, 2);
	if (r->npriorities == 2) {
		CHECK_STR(metric_id(r, r->priorities[0]), "nps");
		CHECK_STR(metric_id(r, r->priorities[1]), "sl_pct");
	}
	gap_free(r);
	profile_free(f);
	profile_free(p);
	company_free(c);
	catalog_free(cat);
}

/* The company's quarter of a published range, best first, by direction:
 * nps (higher) with p25 20, typical 30, p75 40; wait_seconds (lower) with
 * p25 60, typical 120, p75 200 (for a lower-is-better metric the best
 * quartile is at p25). */
void test_gap_quartile(void)
{
	struct catalog *cat = test_catalog();
	struct ref_value nps = { 1, 1, 30, NULL, NULL, NULL, NULL, NULL, 2024, 1, 20, 40, NULL };
	struct ref_value wait = { 1, 1, 120, NULL, NULL, NULL, NULL, NULL, 2024, 1, 60, 200, NULL };
	struct ref_value none = { 1, 1, 30, NULL, NULL, NULL, NULL, NULL, 2024, 0, 0, 0, NULL };

	CHECK_INT(gap_quartile(&cat->metrics[NPS], &nps, 45), 1);
	CHECK_INT(gap_quartile(&cat->metrics[NPS], &nps, 40), 1); /* at p75 */
	CHECK_INT(gap_quartile(&cat->metrics[NPS], &nps, 35), 2);
	CHECK_INT(gap_quartile(&cat->metrics[NPS], &nps, 30), 2); /* at the typical */
	CHECK_INT(gap_quartile(&cat->metrics[NPS], &nps, 25), 3);
	CHECK_INT(gap_quartile(&cat->metrics[NPS], &nps, 20), 3);
	CHECK_INT(gap_quartile(&cat->metrics[NPS], &nps, 19), 4);
	CHECK_INT(gap_quartile(&cat->metrics[WAIT], &wait, 50), 1);
	CHECK_INT(gap_quartile(&cat->metrics[WAIT], &wait, 100), 2);
	CHECK_INT(gap_quartile(&cat->metrics[WAIT], &wait, 150), 3);
	CHECK_INT(gap_quartile(&cat->metrics[WAIT], &wait, 250), 4);
	CHECK_INT(gap_quartile(&cat->metrics[NPS], &none, 45), 0);
	CHECK(strcmp(gap_quartile_name(2), "second") == 0);
	CHECK(strcmp(gap_quartile_name(0), "") == 0);
	catalog_free(cat);
}
