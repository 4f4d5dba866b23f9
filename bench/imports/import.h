/* import: import profiles, the small JSON files that say how to read one
 * platform's export (DESIGN.md, "Import profiles"): which columns give
 * which field, how the file writes times, durations, yes/no values and
 * scores, which rows are not records.  This module loads and checks them
 * (import_load, import_detect) and converts one cell as a profile says
 * (convert.c); it knows field names but not what the aggregate engine does
 * with them.  A profile is owned by its loader's caller (import_free(),
 * NULL is a no-op). */
#ifndef CX_IMPORT_H
#define CX_IMPORT_H
#include <stddef.h>
#include <stdint.h>

enum import_kind { IMPORT_CONTACTS, IMPORT_SURVEYS, IMPORT_TRANSCRIPTS };

/* How a file writes a duration. */
enum import_duration {
	DUR_NONE, DUR_SECONDS, DUR_MS, DUR_MINUTES, DUR_HOURS, DUR_HMS, DUR_MMSS,
	DUR_EXCEL
};

/* Which way round a format reads a numeric day and month. */
enum import_order { ORDER_ANY, ORDER_DAY_FIRST, ORDER_MONTH_FIRST };

/* A value map entry: raw text (matched trimmed, any case) -> a number, or
 * no value (null). */
struct import_value {
	char *raw;
	double value;
	int is_null;
};

/* Columns of one field: two at most (a date and a time, or elapsed's
 * FROM and TO), except a transcripts profile's text, whose columns (a
 * subject and a body, say) are joined with a newline. */
#define IMPORT_MAX_COLUMNS 2
#define IMPORT_MAX_TEXT_COLUMNS 8

/* One field of the profile. */
struct import_spec {
	char *field;                        /* the canonical field's name */
	char **columns;                     /* one, two joined with a space,
					     * elapsed's FROM and TO, or text's */
	size_t ncolumns;
	char *constant;                     /* "value": the field is this for every
					     * row, no column (a transcripts
					     * profile's channel) */
	int elapsed;                        /* columns are [FROM, TO] */
	char **formats;                     /* timestamp formats, tried in order */
	size_t nformats;
	enum import_duration duration;
	struct import_value *values;
	size_t nvalues;
	int has_otherwise;
	struct import_value otherwise;
	char **missing;                     /* this field's own markers */
	size_t nmissing;
	double scale[2];
	int has_scale;
	/* formats that read day and month both ways (twins: "%d/%m/%Y" and
	 * "%m/%d/%Y"): open_order is set at load, and the reader settles
	 * `order` from the data before it reads a record (import_settle) */
	int open_order;
	enum import_order order;
};

/* Rows whose `column` holds one of `values` are not records. */
struct import_skip {
	char *column;
	char **values;
	size_t nvalues;
};

struct import_profile {
	char *id, *name, *origin;     /* origin: the file it was read from */
	char *source, *note;
	enum import_kind kind;
	char **match;                 /* header names that identify the export */
	size_t nmatch;
	char delimiter;               /* 0: auto */
	long header_row;              /* 1-based */
	long skip_after_header;
	char **missing;               /* markers for every field */
	size_t nmissing;
	char *timezone;               /* IANA name, or NULL: as written */
	struct import_skip *skips;
	size_t nskips;
	struct import_spec *specs;
	size_t nspecs;
	int business_clock;           /* durations count business hours */
};

/* The fields a transcripts profile may name (what `listen` reads),
 * NULL-terminated. */
extern const char *const import_transcript_fields[];

/* Loads a profile: `name_or_path` is a file (it has a '/' or ends in
 * .json) or the id of a built-in profile in DATADIR/profiles/imports.
 * `fields` (NULL-terminated) are the field names the reader of contacts
 * and surveys knows (NULL: not checked, for a caller that reads neither);
 * a transcripts profile is checked against import_transcript_fields.
 * CX_OK, or an error status after one message per problem naming the file
 * and the JSON path. */
int import_load(const char *name_or_path, const char *datadir,
		const char *const *fields, struct import_profile **out);
/* The built-in profile of kind `kind` whose `match` names all appear in the
 * header (n names): CX_OK with *out set, or NULL when none matches;
 * CX_EINPUT after a message listing the candidates when several do.
 * Profiles of other kinds are passed over unread beyond their kind. */
int import_detect(const char *datadir, const char *const *fields, enum import_kind kind,
		  const char *const *header, size_t n, const char *file,
		  struct import_profile **out);
/* The same from text already read (the fuzz harness's way in). */
struct input;
int import_from_input(const struct input *in, const char *const *fields,
		      struct import_profile **out);
void import_free(struct import_profile *p);
/* The names of the built-in profiles (what --import NAME takes) whose
 * kind is in `kinds` (a mask of 1 << enum import_kind), sorted; a file
 * that does not load is left out.  The caller frees each and the array. */
char **import_builtin_names(const char *datadir, unsigned kinds, size_t *n);
const char *import_kind_name(enum import_kind kind);

/* ---- converting one cell (convert.c, zone.c); each is allocation-free ---- */

/* 1 when the text (trimmed) is one of the profile's or the field's
 * missing markers, or empty. */
int import_is_missing(const struct import_profile *p, const struct import_spec *s,
		      const char *text, size_t len);
/* The value map: 1 and *out (or *is_null) when listed or `otherwise`
 * applies; 0 when the field has no map; -1 when the value is not listed
 * and there is no otherwise. */
int import_map(const struct import_spec *s, const char *text, size_t len,
	       double *out, int *is_null);
/* A duration as the spec writes it, in seconds; -1 when it is not one. */
int import_duration_seconds(enum import_duration d, const char *text, size_t len,
			    double *seconds);

/* A wall-clock time read from a cell: the calendar date as written, the
 * seconds since the epoch when the time is taken as UTC, and the offset
 * it was written with (when it had one). */
struct import_time {
	int64_t epoch;  /* naive: as if UTC; zoned: the true instant */
	int year, month, day;
	int zoned;      /* the text carried Z or an offset */
};
/* Reads text by the spec's formats (or ISO 8601 / YYYY-MM-DD HH:MM:SS when
 * it has none): 0, or -1 when no format reads it. */
int import_time_parse(const struct import_spec *s, const char *text, size_t len,
		      struct import_time *t);
/* The same for a date and a time in two cells (a field's "columns"),
 * without joining them: 0 when the spec's first format reads them, with
 * what import_time_parse() gives for "a b"; -1 otherwise, and then only
 * import_time_parse() of the join can say. */
int import_time_pair(const struct import_spec *s, const char *a, size_t la,
		     const char *b, size_t lb, struct import_time *t);
/* The orders (1 << ORDER_DAY_FIRST, 1 << ORDER_MONTH_FIRST, 1 << ORDER_ANY
 * for a format without a twin) whose formats read the text: a value read
 * one way only settles an open order; 0 when none reads it. */
unsigned import_time_orders(const struct import_spec *s, const char *text, size_t len);
/* From now on, only the formats of that order (and those without a
 * numeric day and month) read the spec's times. */
void import_settle(struct import_spec *s, enum import_order order);
/* The order the spec's format i reads a numeric day and month in, when
 * the spec also has its twin (the same layout with %d and %m swapped);
 * else ORDER_ANY: "%Y%m%d" beside "%d/%m/%Y" is no ambiguity. */
enum import_order import_format_order(const struct import_spec *s, size_t i);
/* A time read from a cell, in the profile's zone (TZ set to it, and
 * tzset() called, before the first call): a naive time is the zone's wall
 * clock, a zoned one keeps its instant and takes the date it has there.
 * Without a timezone the time stays as written.  0, or -1 for a time
 * before 1970. */
int import_time_zoned(const struct import_profile *p, struct import_time *t);
/* Reads text with one format (%Y %m %d %H %M %S %I %p %y %b %a, literals,
 * or "excel", "epoch", "epoch_ms"): 0 or -1. */
int import_time_format(const char *format, const char *text, size_t len,
		       struct import_time *t);
#endif
