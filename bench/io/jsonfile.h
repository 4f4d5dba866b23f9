/* jsonfile: parsing an input as JSON with cJSON, and typed access to
 * members that reports what is wrong as "FILE: PATH: problem" (PATH is the
 * JSON path of the member, e.g. periods[1].metrics.nps).  Nothing returned
 * here is owned by the caller except the parsed tree (cJSON_Delete). */
#ifndef CX_JSONFILE_H
#define CX_JSONFILE_H
#include <cJSON.h>
#include "io/input.h"

/* CX_OK with *root set, or CX_EINPUT after naming the line and column. */
int json_parse_input(const struct input *in, cJSON **root);
const char *json_type_name(const cJSON *item);
/* Each reports its own error (file, path + "." + key) and returns -1;
 * 0 when found and of the right type, 1 when absent and not required. */
int json_string(const char *file, const char *path, const cJSON *obj,
		const char *key, int required, const char **out);
int json_number(const char *file, const char *path, const cJSON *obj,
		const char *key, int required, double *out);
/* Every member of obj must be named in `allowed` (NULL-terminated) and
 * appear once; otherwise one error per offending member.  Returns the
 * number of errors. */
int json_check_keys(const char *file, const char *path, const cJSON *obj,
		    const char *const *allowed);
/* A finite number; reports "expected a number, got ..." otherwise. */
int json_finite(const char *file, const char *path, const cJSON *item,
		double *out);
#endif
