/* company: the model of a company's own metrics, period by period (the
 * loaders that fill it from files are in bench/load).  A company is owned
 * by whoever made it (company_free(), NULL is a no-op).  Observations are
 * indexed by catalog metric; periods are kept in time order. */
#ifndef CX_COMPANY_H
#define CX_COMPANY_H
#include <stddef.h>
#include "core/catalog.h"
#include "core/period.h"
#include "core/friction.h"

struct obs {
	int present;
	double value;
	double n;                     /* sample size; 0 when unknown */
	double promoters, detractors; /* % of respondents; NAN when unknown */
	int business_clock;           /* a duration counting business hours only */
	long line;                    /* where it was read (0 in JSON) */
	const char *file;             /* and from which file (the company's) */
};

struct period_data {
	struct period key;
	char label[16];
	struct obs *obs; /* one per catalog metric */
	struct friction *friction; /* the period's `friction` block, or NULL */
};

struct company {
	char *name, *industry, *origin;
	struct period_data *periods;
	size_t nperiods, cap, nmetrics;
	char **files; /* every file merged in (history.c); obs.file points here */
	size_t nfiles, files_cap;
};

void company_free(struct company *c);
/* Index of the period with this label ("2026-Q3"), or -1. */
long company_period(const struct company *c, const char *label);
/* Number of metric values over all periods. */
size_t company_count(const struct company *c);
/* Removes the periods that hold no value (a template's period whose rows
 * were all left empty): a file says nothing about them. */
void company_drop_empty(struct company *c);

/* The company's own copy of a file name, for obs.file. */
const char *company_file(struct company *c, const char *name);

/* Building a company (the loaders in bench/load, history.c): every value
 * is checked against the catalog on the way in. */
#define SAMPLE_SIZE_MAX 1e12
/* 0 when n, as given in a file, is a usable sample size; else -1 and why. */
int sample_size_check(double n, char *why, size_t size);
/* A metric's "clock" as a file writes it (any case): "business" sets
 * *business, "calendar" or "" clears it; else -1 and why. */
int clock_parse(const char *text, int *business, char *why, size_t size);
/* 1 when the metric is a duration (its unit seconds, minutes, hours or
 * days), the only kind a business clock applies to. */
int metric_is_duration(const struct metric_def *m);
/* The name is in every output (each CSV row, the report's titles): a
 * longer one is refused rather than repeated hundreds of times. */
#define COMPANY_NAME_MAX 1000
/* 0 when name (UTF-8) is a usable company name: not empty, at most
 * COMPANY_NAME_MAX characters; else -1 and why ("the name is empty"). */
int company_name_check(const char *name, char *why, size_t size);
struct company *company_new(const struct catalog *cat, const char *origin);
/* The period with this key, created in time order if absent; NULL (after
 * an error naming file and line) when its granularity differs. */
struct period_data *company_add_period(struct company *c, struct period key,
				       long line);
/* Checks an observation of metric m against the catalog and stores it in
 * the period; reports problems as "FILE[:LINE]: WHERE: problem" and returns
 * -1. */
int company_put(const struct catalog *cat, struct company *c,
		struct period_data *pd, long m, const struct obs *o,
		const char *where);
#endif
