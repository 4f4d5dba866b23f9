/* out_csv: `compare --format csv`: one row per metric and reference, with
 * fields quoted as RFC 4180 requires. */
#ifndef CX_OUT_CSV_H
#define CX_OUT_CSV_H
#include <stdio.h>
#include "core/gap.h"

void gap_csv(FILE *f, const struct gap_report *r);
/* One field, quoted when it holds a comma, quote or line break. */
void csv_put_field(FILE *f, const char *s);
/* A comma, then the number (6 decimals at most), or nothing for NAN. */
void csv_put_number(FILE *f, double v);
#endif
