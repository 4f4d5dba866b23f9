/* report: the self-contained HTML report, made as a pipeline.  Its
 * inputs are loaded and checked first (the company and profiles, the
 * string table, assets.h's theme and logo, voice.h's signals);
 * report_model_new() computes everything the report shows from them (the
 * gap report of the chosen period, the ranking of overall indexes, the
 * time tax, the trend up to that period); charts_add() writes the charts
 * for gnuplot (plot.h) and report_build() lays the document out as a
 * libxml2 tree, reading nothing but the charts gnuplot drew.  The model
 * borrows its inputs and owns the rest (report_model_free(), NULL is a
 * no-op). */
#ifndef CX_REPORT_H
#define CX_REPORT_H
#include <stddef.h>
#include "core/company.h"
#include "core/context.h"
#include "core/gap.h"
#include "report/assets.h"
#include "report/html.h"
#include "report/figures.h"
#include "report/plot.h"
#include "report/strtab.h"
#include "report/timetax.h"
#include "report/voice.h"
#include "core/trend.h"
#include "report/story.h"

#define REPORT_TOP 5 /* priorities in the report, lines in the trend chart */

enum row_kind { ROW_COMPANY, ROW_FRONTIER, ROW_BRAND };

struct rank_row {
	const char *label;
	enum row_kind kind;
	double score;
	size_t ref; /* index in gap->refs; unused for the company */
};

struct tax_row {
	const char *label;
	enum row_kind kind;
	struct timetax t;
	int reported;  /* a reference's inputs that are reported (of 4); -1 for
			* the company */
};

struct report_model {
	const struct catalog *cat;
	const struct company *company;
	const struct strings *str;
	const struct selection *sel;
	struct gap_report *gap; /* the compared period */
	struct rank_row *ranks; /* company and references, best first */
	size_t nranks;
	struct tax_row *taxes;  /* company first when it has all inputs */
	size_t ntaxes;
	int company_taxed;
	struct trend *trend;    /* periods up to the compared one */
	size_t ndims;           /* dimensions the company reports */
	const struct voice *voice; /* `listen` output, or NULL */
	const struct friction *friction; /* the period's block, or NULL */
	size_t *fr_order; /* its factors, most CSAT points lost first */
	size_t top[REPORT_TOP], ntop; /* catalog metrics of the top priorities */
	struct report_story story; /* what the summary and priorities tell */
};

/* voice: the signals given with --signals, or NULL (no voice section). */
struct report_model *report_model_new(const struct catalog *cat,
				      const struct company *company, size_t period,
				      const struct selection *sel,
				      const struct strings *str,
				      const struct voice *voice);
void report_model_free(struct report_model *m);

/* A reference's name as the report shows it (the frontier's translated). */
const char *report_ref_name(const struct report_model *m, const struct profile *p);
/* A `listen` signal's name in the report's language. */
const char *report_signal_name(const struct report_model *m, enum signal s);

/* report_friction.c: a friction factor's and level's names in the
 * report's language (the block's own words when the table has none).  A
 * level the table has no name for but written as aggregate names wait
 * levels (0-30s, 31-90s, 2-5min, 5min+: --wait-edges) is said with the
 * language's words for seconds and minutes, in buf. */
#define REPORT_FR_LEVEL_SIZE 160
const char *report_fr_factor(const struct report_model *m, const char *id);
const char *report_fr_level(const struct report_model *m, const char *factor,
			    const char *level, char *buf);
/* Whether the wait factor has a level with a CSAT value to draw. */
int report_fr_charted(const struct fr_factor *wait);

/* charts_add(): report/charts.h */
struct report_look {
	const char *title; /* NULL: from the string table */
	const struct report_assets *assets;
	const char *version;
	const char *date;   /* of the report's making, YYYY-MM-DD */
	const char *footer; /* --footer: on every printed page, or NULL */
	const char *paper;  /* the printed page: "A4" or "letter" */
	int full_sources;   /* the list of every value open, and printed */
};

/* Builds the document from the model and the charts gnuplot drew into
 * *out, which the caller frees (xmlFreeDoc); CX_OK or an error status
 * after a message. */
int report_build(const struct report_model *m, struct figures *p,
		 const struct report_look *look, xmlDocPtr *out);
#endif
