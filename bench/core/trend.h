/* trend: a company's trajectory.  Over a timeline that runs from its first
 * to its last period (gaps kept as empty periods), for every metric, every
 * dimension and the overall index: values and scores per period, the change
 * since the previous observation and since the first, whether the last
 * change is significant, the velocity (least-squares slope of the score
 * over the last four periods), and against each reference the gap now and
 * when, at that pace, it closes.  trend_compute() returns a trend the
 * caller owns (trend_free(), NULL is a no-op); it borrows its inputs. */
#ifndef CX_TREND_H
#define CX_TREND_H
#include <stddef.h>
#include "core/company.h"
#include "core/profile.h"

#define TREND_WINDOW 4 /* periods the velocity looks back over */

enum trend_kind { TREND_METRIC, TREND_DIMENSION, TREND_OVERALL };

enum trend_status {
	TREND_NONE,    /* no gap: the company is level or ahead */
	TREND_CLOSING, /* behind and catching up: periods_to_close is set */
	TREND_AWAY,    /* behind and falling further behind */
	TREND_FLAT,    /* behind and not moving */
	TREND_NO_PACE, /* behind, and too few periods to measure a velocity */
	TREND_UNKNOWN  /* the reference has no score to compare with */
};

struct trend_ref {
	double gap_points;       /* reference score minus the latest score */
	double periods_to_close; /* NAN unless closing */
	struct period closes_in;
	enum trend_status status;
};

struct trend_row {
	enum trend_kind kind;
	size_t index;        /* catalog metric or dimension; 0 for overall */
	double *values;      /* per timeline period (metrics), NAN if missing */
	double *scores;      /* per timeline period, NAN if missing */
	long last, prev, first; /* timeline indexes of observations, -1 if none */
	double change, change_first; /* in the metric's unit (points for others) */
	double change_moe;   /* NAN when a margin is unknown */
	int change_significant; /* 1, 0, or -1 when unknown */
	double velocity;     /* points per period; NAN with fewer than 2 points */
	struct trend_ref *refs;
};

struct trend {
	const struct catalog *cat;
	const struct company *company;
	size_t upto;        /* company periods used */
	const struct profile *const *refs;
	size_t nrefs;
	struct period *timeline;
	long *at;           /* company period index per timeline slot, or -1 */
	size_t nperiods;
	struct trend_row *rows; /* metrics, then dimensions, then overall */
	size_t nrows;
};

/* Over the company's first `upto` periods (all: c->nperiods). */
struct trend *trend_compute(const struct catalog *cat, const struct company *c,
			    size_t upto, const struct profile *const *refs,
			    size_t nrefs, const struct profile *frontier);
void trend_free(struct trend *t);
const char *trend_status_name(enum trend_status s);
/* The row of metric m (dimension d), or NULL when the company never
 * reports it; the overall row always exists. */
const struct trend_row *trend_metric(const struct trend *t, size_t m);
const struct trend_row *trend_dimension(const struct trend *t, size_t d);
const struct trend_row *trend_overall(const struct trend *t);
/* The timeline slot of the same quarter or month a year before the last
 * period, or -1 when the timeline does not reach back that far or counts
 * in years (a year before is then the previous period). */
long trend_year_ago(const struct trend *t);
/* Row r's change from timeline slot `since` to its latest observation, in
 * the row's unit (points for scores); NAN when either value is missing.
 * *moe (when moe is not NULL): the change's 95 % margin, NAN unknown. */
double trend_change_since(const struct trend *t, const struct trend_row *r,
			  long since, double *moe);
#endif
