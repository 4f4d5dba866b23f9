/* friction_stats: the arithmetic of a friction block (DESIGN.md,
 * "Friction"): values, 95 % intervals, the best level, differences and
 * their significance, points lost and the CSAT slope per minute of wait.
 * Pure numbers: nothing here knows files or JSON. */
#include "aggregate/friction.h"
#include "core/stats.h"
#include <math.h>
#include <string.h>

#define Z 1.96

void fr_wilson(uint64_t k, uint64_t n, double *low, double *high)
{
	double nn = (double)n, p = (double)k / nn, z2 = Z * Z;
	double centre = (p + z2 / (2 * nn)) / (1 + z2 / nn);
	double half = Z * sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn)) / (1 + z2 / nn);

	*low = 100 * (centre - half);
	*high = 100 * (centre + half);
}

double fr_csat_se(uint64_t k, uint64_t n)
{
	double p = (double)k / (double)n;
	return 100 * sqrt(p * (1 - p) / (double)n);
}

double fr_nps(uint64_t pro, uint64_t det, uint64_t n)
{
	return 100 * ((double)pro - (double)det) / (double)n;
}

double fr_nps_se(uint64_t pro, uint64_t det, uint64_t n)
{
	double P = (double)pro / (double)n, D = (double)det / (double)n;
	double v = P + D - (P - D) * (P - D);
	/* rounding can leave -0.0000...1 where the variance is 0 */
	return 100 * sqrt((v > 0 ? v : 0) / (double)n);
}

int fr_significant(double diff, double se1, uint64_t n1, double se2, uint64_t n2)
{
	return n1 >= FR_MIN_ANSWERS && n2 >= FR_MIN_ANSWERS &&
		fabs(diff) > Z * sqrt(se1 * se1 + se2 * se2);
}

static void cells(const struct fr_level_sums *lv, unsigned n, int nps,
		  struct fr_measure *m)
{
	unsigned i;

	memset(m, 0, sizeof *m);
	for (i = 0; i < n; i++) {
		struct fr_cell *c = &m->cell[i];
		c->n = nps ? lv[i].nps_n : lv[i].csat_n;
		c->diff = NAN;
		if (!c->n) {
			c->value = c->low = c->high = c->se = NAN;
			continue;
		}
		if (nps) {
			c->value = fr_nps(lv[i].nps_pro, lv[i].nps_det, c->n);
			c->se = fr_nps_se(lv[i].nps_pro, lv[i].nps_det, c->n);
			c->low = c->value - Z * c->se;
			c->high = c->value + Z * c->se;
		} else {
			c->value = 100 * (double)lv[i].csat_ok / (double)c->n;
			c->se = fr_csat_se(lv[i].csat_ok, c->n);
			fr_wilson(lv[i].csat_ok, c->n, &c->low, &c->high);
		}
	}
}

/* Differences from the best level, and the points lost: the share of
 * contacts at each level with enough answers times its shortfall.  The
 * interval treats the shares as fixed and the levels' answers as
 * independent: with w_b the best level's share, the variance is
 * (1 - w_b)^2 se_b^2 + sum over the others of w_i^2 se_i^2. */
static void against_best(const struct fr_level_sums *lv, unsigned n, int best,
			 struct fr_measure *m)
{
	const struct fr_cell *b = &m->cell[best];
	double total = 0, lost = 0, var = 0, wb = 0;
	unsigned i;

	m->points_lost = m->lost_low = m->lost_high = NAN;
	for (i = 0; i < n; i++) {
		struct fr_cell *c = &m->cell[i];
		if (!c->n || !b->n)
			continue;
		c->diff = c->value - b->value;
		c->significant = (int)i != best &&
			fr_significant(c->diff, c->se, c->n, b->se, b->n);
		if (c->n >= FR_MIN_ANSWERS)
			total += (double)lv[i].contacts;
	}
	if (!b->n || !(total > 0))
		return;
	for (i = 0; i < n; i++) {
		const struct fr_cell *c = &m->cell[i];
		double w = (double)lv[i].contacts / total;
		if (c->n < FR_MIN_ANSWERS)
			continue;
		lost += w * (b->value - c->value);
		if ((int)i == best)
			wb = w;
		else
			var += w * w * c->se * c->se;
	}
	var += (1 - wb) * (1 - wb) * b->se * b->se;
	m->points_lost = lost;
	m->lost_low = lost - Z * sqrt(var);
	m->lost_high = lost + Z * sqrt(var);
}

/* The slope of CSAT over the mean wait (minutes) of each level's
 * contacts, over the levels with at least 30 CSAT answers, unweighted. */
static double per_minute(const struct fr_level_sums *lv, unsigned n,
			 const struct fr_measure *csat)
{
	double x[FR_WAIT_MAX], y[FR_WAIT_MAX];
	unsigned i;
	int k = 0;

	for (i = 0; i < n; i++) {
		if (csat->cell[i].n < FR_MIN_ANSWERS || !lv[i].contacts)
			continue;
		x[k] = lv[i].wait_sum / (double)lv[i].contacts / 60;
		y[k++] = csat->cell[i].value;
	}
	return lsq_slope(x, y, k);
}

void fr_factor_work(const struct fr_level_sums *lv, unsigned n, int is_wait,
		    struct fr_measure *csat, struct fr_measure *nps, int *best,
		    double *slope)
{
	unsigned i;

	cells(lv, n, 0, csat);
	cells(lv, n, 1, nps);
	*best = -1;
	for (i = 0; i < n; i++)
		if (csat->cell[i].n >= FR_MIN_ANSWERS &&
		    (*best < 0 || csat->cell[i].value > csat->cell[*best].value))
			*best = (int)i;
	*slope = NAN;
	csat->points_lost = csat->lost_low = csat->lost_high = NAN;
	nps->points_lost = nps->lost_low = nps->lost_high = NAN;
	if (*best < 0)
		return;
	against_best(lv, n, *best, csat);
	against_best(lv, n, *best, nps);
	if (is_wait)
		*slope = per_minute(lv, n, csat);
}
