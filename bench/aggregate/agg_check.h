/* agg_check: `aggregate --check`, a dry run for fixing an import profile:
 * per field, the column it comes from and how many values were read,
 * missing and refused, with the first refused values and their lines.
 * Inside the aggregate engine (its door is aggregate.h). */
#ifndef CX_AGG_CHECK_H
#define CX_AGG_CHECK_H
#include <stdint.h>
#include <stdio.h>
#include "aggregate/contacts.h"

#define CHECK_SAMPLES 3

struct check_sample {
	long line;      /* within the job's range until agg_check_merge */
	char text[64];
	char why[112];
};

struct agg_check {
	uint64_t read[NFIELDS], missing[NFIELDS], refused[NFIELDS];
	struct check_sample sample[NFIELDS][CHECK_SAMPLES];
	int nsamples[NFIELDS];
	char *column[NFIELDS]; /* where each field comes from, as the header says */
};

/* Parses a record field by field, as far as it goes: a refused value is
 * counted and its cell blanked so the others are still read.  0, or -1
 * when the record itself is wrong (its number of fields). */
int agg_check_record(struct agg_check *k, const struct column_map *map,
		     struct csv_reader *r, long line, struct contact *c);
/* The columns each field comes from, named from the header. */
void agg_check_columns(struct agg_check *k, const struct column_map *map,
		       const struct csv_reader *header);
/* Adds a job's counts and samples (their lines shifted by `before`). */
void agg_check_merge(struct agg_check *into, const struct agg_check *from, long before);
/* The report; 1 when a field had refused values. */
int agg_check_print(FILE *f, const struct agg_check *k, const char *file,
		    const char *profile);
void agg_check_release(struct agg_check *k);
#endif
