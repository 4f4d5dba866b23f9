/* catalog: the metric catalog (profiles/catalog.json): dimensions with
 * weights and metrics with their unit, direction, 0-100 scoring range and
 * kind, and optionally the size of a change that is only noise, a next
 * step (what a company behind on it can do), how it is usually measured
 * and whether its references compare across sectors.  catalog_load()
 * returns a catalog the caller owns and frees with catalog_free() (NULL is
 * a no-op).  Metrics and dimensions are referred to everywhere else by
 * their index in these arrays. */
#ifndef CX_CATALOG_H
#define CX_CATALOG_H
#include <stddef.h>
#include "io/input.h"

enum metric_kind { KIND_PERCENT, KIND_NPS, KIND_MEAN, KIND_SCALE };

struct dimension {
	char *id, *name, *description;
	double weight;
};

struct metric_def {
	char *id, *name, *unit, *description;
	size_t dim;     /* index into catalog.dims */
	int higher;     /* 1 when higher is better */
	double worst, best;
	double min, max; /* possible values; -HUGE_VAL/HUGE_VAL when open */
	enum metric_kind kind;
	/* the change between two periods that is usually only noise, in the
	 * metric's unit; NAN when the catalog does not say */
	double noise;
	char *next_step;    /* "next_step": NULL when the catalog has none */
	/* "measured": how the metric is usually measured, one line for the
	 * person filling in a template; NULL when the catalog has none */
	char *measured;
	/* "comparable": false: what is normal depends on the business (contacts
	 * per 100 orders), so a reference from another sector is a hint, not a
	 * target.  0 by default, so that a catalog made in code compares. */
	int not_comparable;
};

struct catalog {
	char *origin; /* the file it came from */
	struct dimension *dims;
	size_t ndims;
	struct metric_def *metrics;
	size_t nmetrics;
};

/* CX_OK with *out set, or an error status after reporting every problem. */
int catalog_load(const char *path, struct catalog **out);
int catalog_from_input(const struct input *in, struct catalog **out);
void catalog_free(struct catalog *cat);
/* Index of the metric (dimension) with this id, or -1. */
long catalog_metric(const struct catalog *cat, const char *id);
long catalog_dimension(const struct catalog *cat, const char *id);
/* The metric id closest to `id` by edit distance, or NULL if none is close. */
const char *catalog_suggest(const struct catalog *cat, const char *id);
/* The same among the dimension ids. */
const char *catalog_suggest_dimension(const struct catalog *cat, const char *id);
const char *metric_kind_name(enum metric_kind kind);
/* 0 when v is a possible value of m; otherwise -1 and a reason in why. */
int metric_check_value(const struct metric_def *m, double v, char *why,
		       size_t size);
#endif
