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
int part_friction(xmlNodePtr s, const struct report_model *m, struct figures *p);
int part_not_compared(xmlNodePtr s, const struct report_model *m, struct figures *p);
int part_methodology(xmlNodePtr s, const struct report_model *m, struct figures *p);
int part_sources(xmlNodePtr s, const struct report_model *m, struct figures *p);

/* The metric's unit as the company's value counts it: a duration from an
 * export on a business clock says so wherever it is shown, since the
 * references count calendar time.  Caller frees. */
char *part_company_unit(const struct report_model *m, size_t metric);
/* report_spark.c: the index period by period as a small line, in the
 * summary's index tile; nothing with fewer than two periods. */
void part_sparkline(xmlNodePtr parent, const struct report_model *m);
/* report_basis.c: where a reference value comes from, where it is shown.
 * A number cell for v with its mark (m, the year, the year and a dagger
 * when dated); an empty cell when v is NULL or absent. */
xmlNodePtr part_ref_cell(const struct report_model *m, xmlNodePtr tr,
			 const struct ref_value *v, int decimals);
/* "modeled", "reported for 2022", ...; caller frees. */
char *part_basis_words(const struct report_model *m, const struct ref_value *v);
/* The paragraph that explains the marks. */
void part_basis_key(xmlNodePtr parent, const struct report_model *m);
#endif
