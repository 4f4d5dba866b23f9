/* report_parts: what the files that lay out the report share (internal to
 * report.c and the report_*.c files of its sections). */
#ifndef CX_REPORT_PARTS_H
#define CX_REPORT_PARTS_H
#include "report/report.h"

/* A figure with the chart gnuplot drew as `name`, captioned; -1 on error. */
int part_figure(xmlNodePtr parent, struct figures *figs, const char *name,
		const char *caption);
/* A string from the table with {company} and {period} filled in; caller
 * frees. */
char *part_text(const struct report_model *m, const char *key);
/* A number cell, coloured as behind (> 0) or ahead (< 0) when `signed_`. */
void part_num(const struct report_model *m, xmlNodePtr tr, double v,
	      int decimals, int signed_);
/* A header row of n cells, each the string of keys[i] (filled in). */
void part_head(xmlNodePtr table, const struct report_model *m,
	       const char *const *keys, size_t n);
const char *part_significance(const struct report_model *m, int significant);

/* The id of the sources appendix's list of every value (closed, and not
 * printed, unless --full-sources). */
#define SOURCES_ALL_ID "all-sources"

/* The sections' builders, listed once in report.c's table, which also
 * makes each <section> with its id and heading.  Each fills in section s
 * and returns 0, or -1 when a chart could not be read (after a message). */
int part_summary(xmlNodePtr s, const struct report_model *m, struct figures *p);
int part_priorities(xmlNodePtr s, const struct report_model *m, struct figures *p);
int part_dimensions(xmlNodePtr s, const struct report_model *m, struct figures *p);
int part_metrics(xmlNodePtr s, const struct report_model *m, struct figures *p);
int part_timetax(xmlNodePtr s, const struct report_model *m, struct figures *p);
int part_trend(xmlNodePtr s, const struct report_model *m, struct figures *p);
int part_voice(xmlNodePtr s, const struct report_model *m, struct figures *p);
int part_not_compared(xmlNodePtr s, const struct report_model *m, struct figures *p);
int part_methodology(xmlNodePtr s, const struct report_model *m, struct figures *p);
int part_sources(xmlNodePtr s, const struct report_model *m, struct figures *p);
#endif
