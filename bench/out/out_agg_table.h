/* out_agg_table: `aggregate --format table`: the metrics document read
 * back as text for a person at a terminal: per period the metrics with
 * their sample sizes and, when answers were linked, a short summary of
 * what friction costs (DESIGN.md, "Friction").  English only, as every
 * table of the command line. */
#ifndef CX_OUT_AGG_TABLE_H
#define CX_OUT_AGG_TABLE_H
#include <cJSON.h>
#include <stdio.h>

/* Writes doc (agg_document_new()'s shape) to f; CX_OK or CX_EIO. */
int agg_table_write(FILE *f, const cJSON *doc);
#endif
