/* load: a company's metrics from a file (JSON, CSV or XML, a path, - or a
 * URL): picks the loader by the extension, or by the content when the
 * extension says nothing, and returns a company the caller owns
 * (company_free()).  The loaders build it through core/company.h, which
 * checks every value against the catalog; they know nothing of each
 * other (loaders.h is their common door, for this module only). */
#ifndef CX_LOAD_H
#define CX_LOAD_H
#include "core/company.h"
#include "io/input.h"

int company_load(const struct catalog *cat, const char *path,
		 struct company **out);
/* The same from text already read (the CSV reader modifies in->data). */
int company_from_input(const struct catalog *cat, struct input *in,
		       struct company **out);
/* 1 when the text starts like JSON. */
int looks_like_json(const struct input *in);
#endif
