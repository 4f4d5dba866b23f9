/* story: the facts the executive summary and the priorities tell in
 * words, computed once with the model from its gap report and trend: the
 * index now, a period and a year before; how many references the company
 * is ahead of; the metric that improved most; how many of the reference
 * values compared are reported; and each metric's pace.  Every number the
 * report prints beside another is rounded first, as it is printed, so that
 * a difference shown is the difference of the numbers shown. */
#ifndef CX_STORY_H
#define CX_STORY_H
#include <stddef.h>
#include "core/gap.h"
#include "core/trend.h"

struct story_then {
	int has;            /* the data has an index for that period */
	struct period when;
	double score;       /* the index then */
};

struct report_story {
	struct story_then prev, year; /* the previous period; a year before */
	size_t refs, ahead;  /* brand and sector references with an index, and
			      * those the company is ahead of, as printed */
	int any_change;      /* a metric has an earlier observation */
	long improved;       /* catalog metric whose score rose most since its
			      * previous observation; -1 when none rose */
	size_t values, reported;          /* reference values compared */
	size_t frontier_values, frontier_reported;
};

void story_compute(struct report_story *s, const struct gap_report *g,
		   const struct trend *t);
/* v rounded to `decimals` as the report prints it (printf's rounding,
 * which is not always round()'s): NAN stays NAN. */
double story_shown(double v, int decimals);
/* How far `value` is behind `target` in metric def's unit, between the
 * two as printed (2 decimals); positive when behind. */
double story_unit_gap(const struct metric_def *def, double target, double value);
/* Whether the company's gap to `target` is beyond its margin: 1, 0, or
 * -1 when the margin is unknown (as gap.h's cells). */
int story_significant(const struct metric_def *def, const struct gap_metric *gm,
		      double target);
/* Periods in a year at this granularity: 4 quarters, 12 months, 1 year. */
int story_per_year(enum granularity g);
/* Metric m's pace in its own unit per period: the least-squares slope of
 * its values over the trend's last TREND_WINDOW periods, as the trend's
 * velocity is of its scores; NAN with fewer than two observations. */
double story_pace(const struct trend *t, size_t m);
#endif
