/* history: one company's timeline merged from several inputs: files with
 * one or more periods, and directories of such files (their .json and
 * .csv files, in name order).  The same value for a metric and period in
 * two files is fine; different values are an error naming both files, as
 * are different companies or granularities. */
#ifndef CX_HISTORY_H
#define CX_HISTORY_H
#include <stddef.h>
#include "core/company.h"

/* CX_OK with *out (caller frees with company_free), or an error status
 * after every problem was reported. */
int history_load(const struct catalog *cat, char *const *paths, size_t n,
		 struct company **out);
/* The index of the period labelled `label` (NULL: the latest); CX_EUSAGE
 * after a message when the company has no such period. */
int history_pick(const struct company *c, const char *label, size_t *out);
/* Keeps only the periods from `since` to `until` (either may be NULL);
 * CX_EUSAGE after a message when a bound is not a period of the company's
 * granularity or nothing is left. */
int history_window(struct company *c, const char *since, const char *until);
#endif
