/* out_json: the JSON renderings (built with cJSON): a gap report as
 * DESIGN.md's `compare --format json` object, and the catalog and
 * profiles for `metrics` and `profiles`.  The _new functions return trees
 * the caller owns (cJSON_Delete); json_print() writes and frees one. */
#ifndef CX_OUT_JSON_H
#define CX_OUT_JSON_H
#include <cJSON.h>
#include <stdio.h>
#include "core/gap.h"

cJSON *gap_json_new(const struct gap_report *r);
cJSON *catalog_json_new(const struct catalog *cat);
cJSON *profile_json_new(const struct catalog *cat, const struct profile *p);
/* A number rounded to 6 decimals, or null for NAN. */
cJSON *json_num(double v);
/* The one JSON writer: the tree, indented, with a final newline, to `path`
 * atomically or to stdout (checked) when path is NULL; deletes the tree.
 * CX_OK or CX_EIO after a message. */
int json_write(cJSON *tree, const char *path);
#endif
