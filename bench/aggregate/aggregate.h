/* aggregate: the aggregate engine's only door.  It turns contact records
 * (and survey answers), CSV or XML, into company metrics with their sample
 * sizes: the document in the company metrics format that compare, trend
 * and report read.  It knows nothing of the command line: its options come
 * filled in, and its errors are status codes after one message, except
 * agg_xml_check(), which hands its message back to be shown as a usage
 * error.  How it works inside: agg_internal.h. */
#ifndef CX_AGGREGATE_H
#define CX_AGGREGATE_H
#include <cJSON.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "core/period.h"

/* A source column given a field's name (COLUMN=FIELD on a CSV file), or a
 * field read through an XPath (FIELD=XPATH on XML; column holds the XPath). */
struct rename {
	const char *column, *field;
};

/* An XML source of records: `record` (an XPath) selects one node per
 * record; field fields[i].field is the string value of the XPath
 * fields[i].column, evaluated relative to that node. */
struct agg_xml {
	const char *record;
	const struct rename *fields;
	size_t nfields;
};

#define AGG_MAX_WAIT_EDGES 8 /* FR_WAIT_MAX - 1 (friction.h) */

/* What a run needs to know.  The strings and arrays stay the caller's and
 * must outlive the run and its document. */
struct agg_options {
	const char *contacts;   /* file or URL as given; NULL: surveys alone */
	const char *surveys;    /* file or URL as given, or NULL */
	const char *company;    /* NULL: the first file's name, less its extension */
	int by_channel;         /* the document shows each channel too */
	enum granularity gran;  /* periods to split into */
	int has_period;         /* keep only contacts in `period` */
	struct period period;
	double sl_seconds;
	int64_t repeat_seconds;
	int64_t link_seconds;   /* an answer links to a contact at most this earlier */
	/* the friction block's wait levels: ascending upper edges in whole
	 * seconds (1 to 8 of them); 0 edges: DESIGN.md's 20, 60, 180, 600 */
	const double *wait_edges;
	unsigned nwait_edges;   /* at most AGG_MAX_WAIT_EDGES */
	/* the frontier's asa_seconds, hold_seconds and repeat_contact_pct over
	 * the bundled brands, for the friction block's time tax */
	int has_frontier;
	double frontier_asa, frontier_hold, frontier_repeat_pct;
	int skip_bad;
	int check;              /* a dry run: count what each field reads and refuses */
	int threads;
	const struct rename *renames; /* CSV contact columns: COLUMN=FIELD */
	size_t nrenames;
	/* contacts or surveys from XML (checked with agg_xml_check() first);
	 * NULL: that file is CSV */
	const struct agg_xml *contacts_xml, *surveys_xml;
	/* import profiles (imports/import.h) for the contacts and the surveys
	 * file, or NULL: then, when `datadir` is set and a file's header
	 * lacks the needed columns, the built-in profile whose match names it
	 * has is used (and said so on stderr) */
	/* read with: owned by the caller, and a day/month order a profile
	 * leaves open is settled in it from the file (agg_order.c) */
	struct import_profile *contacts_import, *surveys_import;
	const char *datadir;
};

/* The names of the fields a contacts or surveys file may give,
 * NULL-terminated (what import_load() checks a profile's fields against). */
extern const char *const *const agg_field_list;

/* The sums of a run, per period and channel (agg_internal.h). */
struct agg_result;

/* Reads the contacts and survey answers of `o`, marks repeat contacts and
 * places untimed answers in the one period there is.  CX_OK with *out a
 * new result (agg_result_free()), after a warning if rows were skipped;
 * or an error status after a message naming file and line (also when no
 * record counted), with *out NULL. */
int agg_run(const struct agg_options *o, struct agg_result **out);
/* agg_result_free(NULL) does nothing. */
void agg_result_free(struct agg_result *res);
/* After a run with o->check: the report of each file read, on f; 1 when a
 * field had refused values, else 0. */
int agg_check_report(FILE *f, const struct agg_options *o, const struct agg_result *res);

/* The company metrics document of a run (DESIGN.md, "Raw data"): a new
 * tree the caller owns (json_write() deletes it). */
cJSON *agg_document_new(const struct agg_options *o, const struct agg_result *res);

/* Checks an XML source as given (XPaths that compile, fields that exist
 * once, the fields its kind of record needs; `survey`: answers, not
 * contacts): CX_OK, or CX_EUSAGE with *why a new message naming the option
 * ("--map: 'x' is not a field") for the caller to show and free(). */
int agg_xml_check(const struct agg_xml *x, int survey, char **why);
#endif
