/* out_json: the JSON renderings (built with cJSON): a gap report as
 * DESIGN.md's `compare --format json` object, and the catalog and
 * profiles for `metrics` and `profiles`.  The _new functions return trees
 * the caller owns (cJSON_Delete); json_print() writes and frees one. */
#ifndef CX_OUT_JSON_H
#define CX_OUT_JSON_H
#include <cJSON.h>
#include <stdio.h>
#include "base/json_out.h"
#include "core/gap.h"

cJSON *gap_json_new(const struct gap_report *r);
cJSON *catalog_json_new(const struct catalog *cat);
cJSON *profile_json_new(const struct catalog *cat, const struct profile *p);
/* `profiles sources --format json`: every reported value and fact. */
cJSON *sources_json_new(const struct catalog *cat, const struct profile_set *set);
/* A number rounded to 6 decimals, or null for NAN. */
cJSON *json_num(double v);
/* Written with json_write() (base/json_out.h). */
#endif
