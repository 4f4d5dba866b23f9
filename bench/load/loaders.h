/* loaders: the three company file readers, internal to bench/load (load.c
 * picks one).  Each adds the periods and values of `in` to c, reporting
 * every problem with the file and its line or JSON path; CX_OK or
 * CX_EINPUT. */
#ifndef CX_LOADERS_H
#define CX_LOADERS_H
#include "core/company.h"
#include "io/input.h"
#include <cJSON.h>

int load_company_json(const struct catalog *cat, const struct input *in,
		      struct company *c);
int load_company_csv(const struct catalog *cat, struct input *in,
		     struct company *c);
int load_company_xml(const struct catalog *cat, const struct input *in,
		     struct company *c);
/* load_friction.c: the `friction` block of the period at JSON path ppath
 * ("periods[2]") into *out (the caller's: friction_free()); 0, or -1
 * after a message naming each problem (and *out NULL). */
int load_friction(const char *file, const char *ppath, const cJSON *block,
		  struct friction **out);
#endif
