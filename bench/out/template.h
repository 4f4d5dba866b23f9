/* template: a company file ready to fill in (`cxbench template`): one row
 * per catalog metric, or per metric of the chosen dimensions, in catalog
 * order, with the value and n empty and, beside them, what a person reads
 * and the loaders ignore: the metric's name, unit, direction, one-line
 * definition and how it is usually measured.  Filled in (any rows), it is
 * a company file; rows left empty are metrics not reported (load/). */
#ifndef CX_TEMPLATE_H
#define CX_TEMPLATE_H
#include <cJSON.h>
#include <stddef.h>
#include <stdio.h>
#include "core/catalog.h"

struct template_spec {
	const struct catalog *cat;
	const char *company;
	const char *period;        /* a period's canonical label ("2026-Q4") */
	const unsigned char *dims; /* per dimension, 1 when its metrics are in;
				    * NULL: every metric */
};

/* The dimensions a comma-separated list of ids names: keep (one entry
 * per catalog dimension) is cleared, then set for each.  CX_OK, or
 * CX_EUSAGE after a message naming the unknown id (with the closest one)
 * or saying that the list names none. */
int template_dimensions(const struct catalog *cat, const char *list, unsigned char *keep);
/* The rows the template has. */
size_t template_rows(const struct template_spec *t);
/* The JSON form: a single-period company file whose metrics are each
 * { "value": null, "n": null, "name", "unit", "direction", "definition",
 * "measured" }.  The caller owns the tree. */
cJSON *template_json_new(const struct template_spec *t);
/* The CSV form: the header company,period,metric,value,n,name,unit,
 * direction,definition,measured and one row per metric. */
void template_csv(FILE *f, const struct template_spec *t);
#endif
