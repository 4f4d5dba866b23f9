/* report_parts: what the files that lay out the report share (internal to
 * report.c, report_tables.c and report_appendix.c). */
#ifndef CX_REPORT_PARTS_H
#define CX_REPORT_PARTS_H
#include "report/report.h"

/* A section with an id and a heading; returns the section. */
xmlNodePtr part_section(xmlNodePtr body, const char *id, const char *heading);
/* A figure with the chart gnuplot drew as `name`, captioned; -1 on error. */
int part_figure(xmlNodePtr parent, const struct plot *p, const char *name,
		const char *caption);
/* A string from the table with {company} and {period} filled in; caller
 * frees. */
char *part_text(const struct report_model *m, const char *key);
/* A number cell, coloured as behind (> 0) or ahead (< 0) when `signed_`. */
void part_num(const struct report_model *m, xmlNodePtr tr, double v,
	      int decimals, int signed_);
const char *part_significance(const struct report_model *m, int significant);

int part_summary(xmlNodePtr body, const struct report_model *m, const struct plot *p);
void part_priorities(xmlNodePtr body, const struct report_model *m);
int part_dimensions(xmlNodePtr body, const struct report_model *m, const struct plot *p);
int part_metrics(xmlNodePtr body, const struct report_model *m, const struct plot *p);
int part_timetax(xmlNodePtr body, const struct report_model *m, const struct plot *p);
int part_trend(xmlNodePtr body, const struct report_model *m, const struct plot *p);
void part_not_compared(xmlNodePtr body, const struct report_model *m);
int part_voice(xmlNodePtr body, const struct report_model *m, const struct plot *p);
void part_methodology(xmlNodePtr body, const struct report_model *m);
void part_sources(xmlNodePtr body, const struct report_model *m);
#endif
