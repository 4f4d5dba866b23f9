/* out_trend: renderings of a trend (table, JSON with cJSON, CSV). */
#ifndef CX_OUT_TREND_H
#define CX_OUT_TREND_H
#include <cJSON.h>
#include <stdio.h>
#include "core/trend.h"

cJSON *trend_json_new(const struct trend *t);
void trend_table(FILE *f, const struct trend *t, int color);
void trend_csv(FILE *f, const struct trend *t);
/* The row's id and name: the metric's or dimension's, or "overall". */
const char *trend_row_id(const struct trend *t, const struct trend_row *r);
const char *trend_row_name(const struct trend *t, const struct trend_row *r);
#endif
