/* stats.c: scores, gaps and margins of error (DESIGN.md "Gap arithmetic"). */
#include "check.h"
#include "core/stats.h"
#include <math.h>

static struct metric_def def(int higher, double worst, double best,
			     enum metric_kind kind)
{
	struct metric_def m = { 0 };
	m.id = "m";
	m.higher = higher;
	m.worst = worst;
	m.best = best;
	m.kind = kind;
	m.min = -HUGE_VAL;
	m.max = HUGE_VAL;
	return m;
}

void test_metric_score(void)
{
	struct metric_def sl = def(1, 40, 100, KIND_PERCENT);  /* higher */
	struct metric_def asa = def(0, 300, 0, KIND_MEAN);     /* lower */
	struct metric_def nps = def(1, -30, 90, KIND_NPS);
	struct metric_def churn = def(0, 90, 20, KIND_PERCENT); /* lower, best > 0 */

	/* higher is better */
	CHECK_NEAR(metric_score(&sl, 70), 50, 1e-9);     /* 100*(70-40)/(100-40) = 50 */
	CHECK_NEAR(metric_score(&sl, 85), 75, 1e-9);     /* 100*45/60 = 75 */
	CHECK_NEAR(metric_score(&sl, 40), 0, 1e-9);      /* exactly at worst */
	CHECK_NEAR(metric_score(&sl, 100), 100, 1e-9);   /* exactly at best */
	CHECK_NEAR(metric_score(&sl, 20), 0, 1e-9);      /* 100*(-20)/60 = -33.3 -> clamped 0 */
	CHECK_NEAR(metric_score(&sl, 110), 100, 1e-9);   /* 100*70/60 = 116.7 -> clamped 100 */
	CHECK_NEAR(metric_score(&nps, 0), 25, 1e-9);     /* 100*(0+30)/120 = 25 */
	CHECK_NEAR(metric_score(&nps, -30), 0, 1e-9);    /* at worst */
	CHECK_NEAR(metric_score(&nps, -100), 0, 1e-9);   /* below worst */
	CHECK_NEAR(metric_score(&nps, 20), 41.6666666667, 1e-6); /* 100*50/120 */

	/* lower is better */
	CHECK_NEAR(metric_score(&asa, 150), 50, 1e-9);   /* 100*(150-300)/(0-300) = 50 */
	CHECK_NEAR(metric_score(&asa, 60), 80, 1e-9);    /* 100*(-240)/(-300) = 80 */
	CHECK_NEAR(metric_score(&asa, 300), 0, 1e-9);    /* exactly at worst */
	CHECK_NEAR(metric_score(&asa, 0), 100, 1e-9);    /* exactly at best */
	CHECK_NEAR(metric_score(&asa, 450), 0, 1e-9);    /* 100*150/(-300) = -50 -> 0 */
	CHECK_NEAR(metric_score(&asa, -30), 100, 1e-9);  /* 100*(-330)/(-300) = 110 -> 100 */
	CHECK_NEAR(metric_score(&churn, 55), 50, 1e-9);  /* 100*(55-90)/(20-90) = 50 */
	CHECK_NEAR(metric_score(&churn, 20), 100, 1e-9); /* at best */
	CHECK_NEAR(metric_score(&churn, 10), 100, 1e-9); /* beyond best: 114.3 -> 100 */
	CHECK_NEAR(metric_score(&churn, 95), 0, 1e-9);   /* beyond worst: -7.1 -> 0 */
}

void test_metric_gap(void)
{
	struct metric_def hi = def(1, 40, 100, KIND_PERCENT);
	struct metric_def lo = def(0, 300, 0, KIND_MEAN);

	/* higher is better: gap = ref - company */
	CHECK_NEAR(metric_gap(&hi, 80, 70), 10, 1e-12);   /* behind: +10 */
	CHECK_NEAR(metric_gap(&hi, 60, 70), -10, 1e-12);  /* ahead: -10 */
	CHECK_NEAR(metric_gap(&hi, 70, 70), 0, 1e-12);
	/* lower is better: gap = -(ref - company) = company - ref */
	CHECK_NEAR(metric_gap(&lo, 30, 60), 30, 1e-12);   /* behind: waits 30 s longer */
	CHECK_NEAR(metric_gap(&lo, 90, 60), -30, 1e-12);  /* ahead */
	CHECK(metric_gap(&lo, 30, 60) > 0 && metric_gap(&hi, 80, 70) > 0);
}

void test_metric_moe(void)
{
	struct metric_def pct = def(1, 40, 100, KIND_PERCENT);
	struct metric_def nps = def(1, -30, 90, KIND_NPS);
	struct metric_def mean = def(0, 300, 0, KIND_MEAN);
	struct metric_def scale = def(1, 3, 7, KIND_SCALE);

	/* percent: 1.96*sqrt(p(1-p)/n)*100 */
	CHECK_NEAR(metric_moe(&pct, 50, 100, NAN, NAN), 9.8, 1e-9);  /* 1.96*sqrt(.25/100)*100 = 1.96*.05*100 */
	CHECK_NEAR(metric_moe(&pct, 70, 400, NAN, NAN), 4.490924181, 1e-6); /* 196*sqrt(.21/400) = 196*.0229129 */
	CHECK_NEAR(metric_moe(&pct, 5, 10000, NAN, NAN), 0.4271720965, 1e-8); /* 196*sqrt(.0475/1e4) */
	CHECK_NEAR(metric_moe(&pct, 50, 1, NAN, NAN), 98, 1e-9);     /* 196*sqrt(.25) */
	CHECK_NEAR(metric_moe(&pct, 0, 100, NAN, NAN), 0, 1e-12);    /* p(1-p) = 0 */
	CHECK_NEAR(metric_moe(&pct, 100, 100, NAN, NAN), 0, 1e-12);
	/* NPS with shares: 1.96*sqrt((P+D-(P-D)^2)/n)*100 */
	CHECK_NEAR(metric_moe(&nps, 20, 100, 50, 30), 17.08688386, 1e-6); /* (.5+.3-.04)/100 = .0076; 196*.0871780 */
	CHECK_NEAR(metric_moe(&nps, 0, 400, 40, 40), 8.765386472, 1e-6);  /* .8/400 = .002; 196*.0447214 */
	CHECK_NEAR(metric_moe(&nps, 100, 50, 100, 0), 0, 1e-9);           /* 1+0-1 = 0 */
	/* NPS without shares: P+D = 1 bound, 1.96*sqrt((1-s^2)/n)*100 */
	CHECK_NEAR(metric_moe(&nps, 20, 100, NAN, NAN), 19.20399958, 1e-6); /* (1-.04)/100 = .0096; 196*.0979796 */
	CHECK_NEAR(metric_moe(&nps, 0, 400, NAN, NAN), 9.8, 1e-9);          /* 196*sqrt(1/400) = 196*.05 */
	CHECK_NEAR(metric_moe(&nps, -50, 100, NAN, NAN), 16.97409791, 1e-6); /* (1-.25)/100; 196*.0866025 */
	CHECK_NEAR(metric_moe(&nps, 100, 100, NAN, NAN), 0, 1e-9);          /* 1-1 = 0 */
	/* only one share known: treated as unknown, the bound applies */
	CHECK_NEAR(metric_moe(&nps, 20, 100, 50, NAN), 19.20399958, 1e-6);
	/* the bound is never below the exact variance: .96 >= .76 */
	CHECK(metric_moe(&nps, 20, 100, NAN, NAN) >= metric_moe(&nps, 20, 100, 50, 30));
	/* n unknown (0) */
	CHECK_NAN(metric_moe(&pct, 50, 0, NAN, NAN));
	CHECK_NAN(metric_moe(&nps, 20, 0, 50, 30));
	CHECK_NAN(metric_moe(&nps, 20, 0, NAN, NAN));
	/* kinds without a sampling model */
	CHECK_NAN(metric_moe(&mean, 150, 1000, NAN, NAN));
	CHECK_NAN(metric_moe(&scale, 5, 1000, NAN, NAN));
}
