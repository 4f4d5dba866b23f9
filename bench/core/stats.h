/* stats: the arithmetic of DESIGN.md's gap contract that does not depend
 * on any data structure: scores, margins of error. */
#ifndef CX_STATS_H
#define CX_STATS_H
#include "core/catalog.h"

/* clamp(100 * (v - worst) / (best - worst), 0, 100) */
double metric_score(const struct metric_def *m, double v);
/* d * (ref - company): positive when the company is behind. */
double metric_gap(const struct metric_def *m, double ref, double company);
/* 95 % margin of error in the metric's unit, or NAN when it cannot be
 * known (no n, or a kind without a sampling model).  promoters and
 * detractors are percentages, NAN when unknown. */
double metric_moe(const struct metric_def *m, double value, double n,
		  double promoters, double detractors);
/* Least-squares slope of y over x; NAN with fewer than two points. */
double lsq_slope(const double *x, const double *y, int n);
#endif
