#include "core/stats.h"
#include <math.h>

double metric_score(const struct metric_def *m, double v)
{
	double s = 100 * (v - m->worst) / (m->best - m->worst);
	return s < 0 ? 0 : s > 100 ? 100 : s;
}

double metric_gap(const struct metric_def *m, double ref, double company)
{
	return m->higher ? ref - company : company - ref;
}

static double moe_percent(double value, double n)
{
	double p = value / 100;
	return 1.96 * sqrt(p * (1 - p) / n) * 100;
}

/* Variance of one answer scored +1/0/-1 is P + D - (P - D)^2; with only
 * the score known, P + D = 1 gives its upper bound 1 - s^2. */
static double moe_nps(double value, double n, double promoters, double detractors)
{
	double p, d, s = value / 100, var;

	if (isnan(promoters) || isnan(detractors)) {
		var = 1 - s * s;
	} else {
		p = promoters / 100;
		d = detractors / 100;
		var = p + d - (p - d) * (p - d);
	}
	return 1.96 * sqrt(var < 0 ? 0 : var / n) * 100;
}

double metric_moe(const struct metric_def *m, double value, double n,
		  double promoters, double detractors)
{
	if (!(n >= 1))
		return NAN;
	if (m->kind == KIND_PERCENT)
		return moe_percent(value, n);
	if (m->kind == KIND_NPS)
		return moe_nps(value, n, promoters, detractors);
	return NAN;
}

double lsq_slope(const double *x, const double *y, int n)
{
	double mx = 0, my = 0, sxy = 0, sxx = 0;
	int i;

	if (n < 2)
		return NAN;
	for (i = 0; i < n; i++) {
		mx += x[i];
		my += y[i];
	}
	mx /= n;
	my /= n;
	for (i = 0; i < n; i++) {
		sxy += (x[i] - mx) * (y[i] - my);
		sxx += (x[i] - mx) * (x[i] - mx);
	}
	return sxx > 0 ? sxy / sxx : NAN;
}
