/* contacts: contact records and survey answers as the aggregate command
 * reads them: the fields DESIGN.md lists, mapped to CSV columns by name
 * (or by --map COL=FIELD), and the parsing of one record's fields into
 * numbers, flags and a timestamp.  Nothing here allocates per record.
 * Inside the aggregate engine (its door is aggregate.h). */
#ifndef CX_CONTACTS_H
#define CX_CONTACTS_H
#include <stddef.h>
#include <stdint.h>
#include "aggregate/aggregate.h"
#include "io/csv.h"
#include "io/timestamp.h"

enum field {
	F_CONTACT_ID, F_CUSTOMER_ID, F_CHANNEL, F_STARTED_AT, F_WAIT, F_HANDLE,
	F_HOLD, F_TRANSFERS, F_ABANDONED, F_RESOLVED, F_PROACTIVE, F_AI_HANDLED,
	F_ESCALATED, F_HUMAN_WAIT, F_CSAT, F_NPS, F_CES, F_ANSWERED_AT,
	/* helpdesk tickets: each duration as a timestamp or as a number */
	F_FIRST_RESPONSE_AT, F_FIRST_RESPONSE_MIN, F_RESOLVED_AT, F_RESOLUTION_HOURS,
	F_REOPENS, NFIELDS
};

extern const char *const field_names[NFIELDS];
/* The field with this name (any case), or -1. */
long field_of(const char *name);

struct import_profile;
struct import_spec;
struct import_skip;

#define MAP_MAX_SKIPS 16
#define MAP_ONE_CHAR 8

/* A field an import profile reads from a cell of its own, as
 * contacts_import.c worked it out from the map: kind 1 a flag, 2 a
 * number, each from one column; 0 the general way (two columns, elapsed). */
struct map_step {
	const struct import_spec *spec;
	long col;
	unsigned short at;      /* where it goes in struct contact */
	unsigned char field, kind, blank, slot;
};

/* Which column holds each field (-1: none), from a header row; with an
 * import profile, how each field it names is read (spec), the second
 * column of a field read from two (col2), and the skip rules' columns. */
struct column_map {
	long col[NFIELDS];
	size_t width; /* fields per record */
	const struct import_profile *profile;
	const struct import_spec *spec[NFIELDS];
	long col2[NFIELDS];
	long skip_col[MAP_MAX_SKIPS];
	char delimiter;
	/* with a profile, for contacts_import.c: the fields it reads from
	 * cells of their own (not times, not text), in field order; and
	 * whether a field's only missing markers are blanks (blank[NFIELDS]:
	 * the profile's list alone) */
	unsigned char nread;
	struct map_step read[NFIELDS];
	unsigned char blank[NFIELDS + 1];
	/* where in struct contact each of those goes; and for up to
	 * MAP_ONE_CHAR fields with a value map, which value (1-based; 0:
	 * none) a one-character cell is, in any case (one[slot[f] - 1]) */
	unsigned short at[NFIELDS];
	unsigned char slot[NFIELDS];
	unsigned char one[MAP_ONE_CHAR][256];
	/* the profile reads every number, flag and time the file has:
	 * contact_parse() has only the texts to read */
	int imported;
};

/* An empty map for records of `width` fields: no field has a column. */
void column_map_init(struct column_map *map, size_t width);
/* Builds the map from the header; an unknown --map field or a column
 * mapped twice is an error (message naming file and line 1). */
int column_map_build(struct column_map *map, const struct csv_reader *header,
		     const struct rename *renames, size_t nrenames, const char *file);

/* The same through an import profile: its fields from the columns it
 * names (a name the header lacks is an error naming both), --map renames
 * over them. */
int column_map_import(struct column_map *map, const struct csv_reader *header,
		      const struct import_profile *p, const struct rename *renames,
		      size_t nrenames, const char *file, long line);
/* The index of the profile's skip rule the record falls under, or -1;
 * *value the index of the value it matched. */
long column_map_skip(const struct column_map *map, const struct csv_reader *r,
		     size_t *value);

/* A field's text in a record read through a profile (a join of two
 * columns goes into buf; which == 1: elapsed's second column), or NULL
 * when it is a missing value.  The record must have the map's width. */
const char *column_map_text(const struct column_map *map, const struct csv_reader *r,
			    enum field f, int which, char *buf, size_t cap, size_t *len);

/* A duration given both ways (first_response_at and
 * first_response_minutes, or resolved_at and resolution_hours): a file
 * should say it once, so this is refused.  0 when none is, else 1 with
 * the two fields in *a and *b. */
int column_map_twice(const struct column_map *map, enum field *a, enum field *b);

#define NO_VALUE (-1.0) /* every numeric field is >= 0 when present */

/* One parsed record; numbers are NO_VALUE when the cell is empty, flags 0
 * or 1 (empty counts as 0). */
struct contact {
	struct timestamp start; /* valid when has_time */
	int has_time;
	const char *customer, *channel, *id; /* inside the record's buffer */
	size_t customer_len, channel_len, id_len; /* id: contact_id */
	double wait, handle, hold, transfers, human_wait, csat, nps, ces;
	double first_response, resolution, reopens; /* minutes, hours, count */
	unsigned char abandoned, resolved, proactive, ai_handled, escalated;
};

/* Parses the mapped fields of the current record; 0, or -1 with a reason
 * in *why (static, or the thread's own until its next record) and the
 * offending field in *bad. */
int contact_parse(const struct column_map *map, const struct csv_reader *r,
		  struct contact *c, const char **why, enum field *bad);

/* For contacts_import.c: the fields a profile names, after contact_parse
 * read the others. */
int contact_parse_import(const struct column_map *map, const struct csv_reader *r,
			 struct contact *c, const char **why, enum field *bad);
int contact_number(const char *s, size_t len, double *out);
int contact_flag(const char *s, size_t len, unsigned char *out);
double *contact_number_field(struct contact *c, enum field f);
unsigned char *contact_flag_field(struct contact *c, enum field f);
int contact_tickets(const struct column_map *map, const struct csv_reader *r,
		    struct contact *c, const char **why, enum field *bad);
#endif
