/* profile_parts: what profile.c (the file and the set) and profile_value.c
 * (a metric's value and the facts) share; nothing outside bench/core
 * includes it. */
#ifndef CX_PROFILE_PARTS_H
#define CX_PROFILE_PARTS_H
#include "core/profile.h"

/* One entry of "metrics" into p->values; -1 after reporting every problem. */
int profile_load_value(const struct catalog *cat, const char *file,
		       const cJSON *item, struct profile *p, int skip_unknown);
/* The "facts" array, if any, into p->facts. */
int profile_load_facts(const char *file, const cJSON *root, struct profile *p);
char *profile_dup_or_null(const char *s);
#endif
