/* gap: the gap engine.  For one period of a company and a list of
 * references (brand profiles and possibly the frontier), it computes every
 * number of DESIGN.md's gap contract: metric scores, gaps and gap points,
 * margins and significance, dimension and overall indexes, coverage, what
 * was not compared, and priorities.  gap_compute() returns a report the
 * caller owns (gap_free(), NULL is a no-op); the report borrows the
 * catalog, company and profiles, which must outlive it. */
#ifndef CX_GAP_H
#define CX_GAP_H
#include <stddef.h>
#include "core/catalog.h"
#include "core/company.h"
#include "core/profile.h"

struct gap_cell {
	int present;
	double value, score, gap, gap_points;
	int significant; /* 1 or 0; -1 when the company's margin is unknown */
	/* a reported value's age: the period's year less the value's (dated
	 * above PROFILE_DATED_YEARS); -1 for a modeled one */
	int age;
	int quartile;    /* where the company stands in a published range:
			  * 1 top (best) .. 4 bottom; 0 when there is none */
};

struct gap_metric {
	size_t metric;           /* catalog index */
	double value, score, moe; /* moe NAN when unknown */
	struct gap_cell *cells;  /* one per reference */
	/* Since the company's previous observation of the metric, if any. */
	const char *change_from; /* that period's label, or NULL */
	double change, change_moe; /* change_moe NAN when unknown */
	int change_significant;  /* 1, 0, or -1 when unknown */
};

struct gap_dim {
	size_t nmetrics;    /* company metrics in this dimension */
	double score;       /* NAN when the company has none */
	double *ref_scores; /* per reference; NAN when it has none of them */
};

struct gap_report {
	const struct catalog *cat;
	const struct company *company;
	const struct period_data *period;
	const struct profile *const *refs;
	size_t nrefs;
	const struct profile *frontier; /* ranks priorities; may be NULL */
	struct gap_metric *metrics;     /* the company's metrics, catalog order */
	size_t nmetrics;
	struct gap_dim *dims;           /* one per catalog dimension */
	double overall, *ref_overall;   /* NAN where nothing to average */
	size_t *ref_covered;            /* company metrics each reference has */
	size_t *priorities;             /* indexes into metrics[] */
	size_t npriorities;
	size_t *not_measured;           /* catalog metrics the company lacks */
	size_t nnot_measured;
	size_t *no_reference;           /* company metrics no reference has */
	size_t nno_reference;
};

struct gap_report *gap_compute(const struct catalog *cat,
			       const struct company *company, size_t period,
			       const struct profile *const *refs, size_t nrefs,
			       const struct profile *frontier);
void gap_free(struct gap_report *r);
/* The quarter of a reference's published range (p25, value, p75) the
 * company's value is in, best first: 1 at or beyond the best quartile,
 * 2 between it and the typical value, 3 down to the other quartile, 4
 * beyond it; 0 when the value has no range. */
int gap_quartile(const struct metric_def *def, const struct ref_value *v, double company);
/* "top", "second", "third", "bottom"; "" for 0. */
const char *gap_quartile_name(int quartile);
/* The frontier's index in g->refs (its column in every cells/ref_scores
 * array), or -1 when it was not selected. */
long gap_frontier_index(const struct gap_report *g);
/* 95 % margin of the difference of two observations of metric m:
 * 1.96 * sqrt(SE1^2 + SE2^2); NAN when either margin is unknown. */
double obs_change_moe(const struct metric_def *m, const struct obs *a,
		      const struct obs *b);
#endif
