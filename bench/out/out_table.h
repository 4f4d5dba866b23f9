/* out_table: the aligned, human-readable renderings for a terminal:
 * a gap report (compare), the catalog (metrics) and profiles.  Colour
 * (red behind, green ahead) only when `color` is non-zero. */
#ifndef CX_OUT_TABLE_H
#define CX_OUT_TABLE_H
#include <stdio.h>
#include "core/gap.h"

void gap_table(FILE *f, const struct gap_report *r, int color);
void catalog_table(FILE *f, const struct catalog *cat);
void profiles_table(FILE *f, const struct catalog *cat,
		    const struct profile_set *set);
void profile_table(FILE *f, const struct catalog *cat, const struct profile *p);
/* 1 when f is a terminal and NO_COLOR is unset or empty. */
int use_color(FILE *f);
/* `profiles sources`: every reported value and fact of every profile
 * with its source, year, URL and quote, as a checklist to verify. */
void sources_checklist(FILE *f, const struct catalog *cat, const struct profile_set *set);
#endif
