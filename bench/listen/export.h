/* export: a text export (complaint log, survey comments, ticket texts,
 * reviews, chat messages) read as transcripts through a transcripts
 * import profile (DESIGN.md, "Import profiles"; imports/import.h).  Each
 * row is a turn: its conversation (the profile's contact_id, or the row's
 * line number when it has none), customer, channel (a column, or one value
 * for the whole export), speaker (without one, every row is the
 * customer's own words), period (from started_at) and text (its columns
 * joined with a newline).  export_row.c turns one CSV record into a turn;
 * export_read.c finds the header, the profile and the records of a file.
 * Inside the listen folder only (listen.h is the door). */
#ifndef CX_EXPORT_H
#define CX_EXPORT_H
#include <stddef.h>
#include <stdint.h>
#include "core/period.h"
#include "imports/import.h"
#include "io/csv.h"
#include "listen/listen.h"
#include "listen/scan.h"

enum export_field { X_CONTACT, X_CUSTOMER, X_CHANNEL, X_TIME, X_SPEAKER, X_TEXT, NX };

/* How the records of one export become turns: the columns of each field,
 * worked out once from the header, and what the rows have been so far. */
struct export_map {
	struct import_profile *p;
	const struct import_spec *spec[NX]; /* NULL: the profile lacks the field */
	long col[NX];            /* its (first) column; -1 for none or a constant */
	long time2;              /* started_at's second column (a time beside a
				  * date), or -1 */
	long *text;              /* text's columns, in the profile's order */
	size_t ntext;
	long *skip;              /* per skip rule, its column */
	size_t width;            /* fields in the header */
	/* periods: with `by`, from the time (quarters or months); with
	 * `only`, every turn must fall in `period`, and is in it */
	enum granularity gran;
	int only;
	struct period period;
	/* the current row's (a turn borrows them until the next row) */
	char *joined;
	size_t cap;
	char id[24], when[16], stamp[256];
	/* rows that were no turns */
	uint64_t *skipped;       /* per skip rule */
	uint64_t empty;          /* no text in any text column */
	uint64_t outside;        /* a time outside `period` */
};

/* The map of profile p's fields onto a header (line `line` of file): CX_OK,
 * or CX_EINPUT after a message naming a column the header lacks.  o says
 * which periods the turns get.  m is released by export_map_release()
 * either way. */
int export_map_init(struct export_map *m, struct import_profile *p,
		    const struct csv_reader *header, const struct listen_options *o,
		    const char *file, long line);
void export_map_release(struct export_map *m);
/* Record r as a turn in *t (its strings point into r and m until the next
 * call): 1; 0 when the row is no turn (a skip rule's, no text, a time
 * outside --period: counted in m); -1 when a value cannot be read, with
 * *why saying which and the value (valid until the next call). */
int export_row(struct export_map *m, const struct csv_reader *r, long line,
	       struct turn *t, const char **why);
/* started_at's text in a record (two columns joined with a space into
 * m->stamp), or NULL when it is missing; for settling a day/month order. */
const char *export_time_text(struct export_map *m, const struct csv_reader *r,
			     size_t *len);

/* Reads the CSV export open at fd (name for messages) into S, through
 * o->import or the built-in transcripts profile whose `match` its header
 * has (said on stderr).  When neither is given and the header is the plain
 * transcripts one (contact_id, speaker, text), reads nothing: *plain = 1
 * and *body the offset of the header (past a byte-order mark).  CX_OK, or
 * an error status after a message naming the file and line. */
int export_read(struct scan *S, int fd, const char *name, const struct listen_options *o,
		int *plain, long long *body);
#endif
