/* contacts_import: one record read through an import profile: each field
 * from its column(s), as the profile says the export writes it (formats,
 * durations, value maps, scales, missing markers), converted to the
 * field's own unit.  Fields the profile does not name, and those --map
 * points at, are read as contact_parse() reads them. */
#include "aggregate/contacts.h"
#include "imports/import.h"
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "base/msg.h"

enum ftype { T_TEXT, T_TIME, T_DURATION, T_COUNT, T_FLAG, T_SCORE };

static const struct {
	enum ftype type;
	double unit, lo, hi; /* seconds per unit; the range once converted */
} types[NFIELDS] = {
	[F_CONTACT_ID] = { T_TEXT, 0, 0, 0 }, [F_CUSTOMER_ID] = { T_TEXT, 0, 0, 0 },
	[F_CHANNEL] = { T_TEXT, 0, 0, 0 }, [F_STARTED_AT] = { T_TIME, 0, 0, 0 },
	[F_WAIT] = { T_DURATION, 1, 0, 1e9 }, [F_HANDLE] = { T_DURATION, 1, 0, 1e9 },
	[F_HOLD] = { T_DURATION, 1, 0, 1e9 }, [F_TRANSFERS] = { T_COUNT, 0, 0, 1e6 },
	[F_ABANDONED] = { T_FLAG, 0, 0, 1 }, [F_RESOLVED] = { T_FLAG, 0, 0, 1 },
	[F_PROACTIVE] = { T_FLAG, 0, 0, 1 }, [F_AI_HANDLED] = { T_FLAG, 0, 0, 1 },
	[F_ESCALATED] = { T_FLAG, 0, 0, 1 }, [F_HUMAN_WAIT] = { T_DURATION, 1, 0, 1e9 },
	[F_CSAT] = { T_SCORE, 0, 1, 5 }, [F_NPS] = { T_SCORE, 0, 0, 10 },
	[F_CES] = { T_SCORE, 0, 1, 7 }, [F_ANSWERED_AT] = { T_TIME, 0, 0, 0 },
	[F_FIRST_RESPONSE_AT] = { T_TIME, 60, 0, 0 },
	[F_FIRST_RESPONSE_MIN] = { T_DURATION, 60, 0, 1e9 },
	[F_RESOLVED_AT] = { T_TIME, 3600, 0, 0 },
	[F_RESOLUTION_HOURS] = { T_DURATION, 3600, 0, 1e9 },
	[F_REOPENS] = { T_COUNT, 0, 0, 1e6 },
};

/* Why a value was refused, with the value: one per thread, valid until
 * that thread's next record. */
static _Thread_local char why_buf[200];

static int refuse(const char **why, const char *what, const char *text, size_t len)
{
	snprintf(why_buf, sizeof why_buf, "%s: '%.*s'", what, len > 60 ? 60 : (int)len, text);
	*why = why_buf;
	return -1;
}

/* Two columns joined with one space (a date and a time) into buf.  A cell
 * ends at its first NUL, and the join at cap - 1 bytes, as "%s %s" would
 * have them (a copy: this runs for every record). */
static const char *join(const struct csv_field *a, const struct csv_field *b, char *buf,
			size_t cap, size_t *len)
{
	size_t la = strnlen(a->s, a->len), lb = strnlen(b->s, b->len);

	if (la > cap - 1)
		la = cap - 1;
	memcpy(buf, a->s, la);
	*len = la;
	if (la < cap - 1)
		buf[(*len)++] = ' ';
	if (lb > cap - 1 - *len)
		lb = cap - 1 - *len;
	memcpy(buf + *len, b->s, lb);
	*len += lb;
	buf[*len] = '\0';
	return buf;
}

/* The field's text: one column, or two joined (`buf` holds a join);
 * which == 1: elapsed's second column. */
static inline const char *text_of(const struct column_map *map, const struct csv_reader *r,
				  enum field f, int which, char *buf, size_t cap,
				  size_t *len)
{
	const struct csv_field *a = &r->fields[map->col[f]];

	if (which == 1 || !map->spec[f] || map->spec[f]->ncolumns < 2 ||
	    map->spec[f]->elapsed) {
		const struct csv_field *c = which == 1 ? &r->fields[map->col2[f]] : a;
		*len = c->len;
		return c->s;
	}
	return join(a, &r->fields[map->col2[f]], buf, cap, len);
}

/* import_is_missing(), without a call when the only markers are blanks
 * (the usual case): then a cell is missing when it is blank.  f is
 * NFIELDS for the profile's own markers alone. */
static inline int missing(const struct column_map *map, size_t f, const char *text,
			  size_t len)
{
	if (!map->blank[f])
		return import_is_missing(map->profile, f < NFIELDS ? map->spec[f] : NULL,
					 text, len);
	if (len && *text != ' ' && *text != '\t')
		return 0;
	while (len && (*text == ' ' || *text == '\t'))
		text++, len--;
	return len == 0;
}

/* import_map(), without a call for a one-character cell that is in the
 * value map (a Y/N flag): the map's table says which value it is. */
static inline int value_of(const struct column_map *map, enum field f,
			   const struct import_spec *s, const char *text, size_t len,
			   double *out, int *is_null)
{
	unsigned k = map->slot[f] && len == 1 ?
		map->one[map->slot[f] - 1][(unsigned char)*text] : 0;

	if (!k && !s->nvalues && !s->has_otherwise)
		return 0; /* no map: import_map() would say so */
	if (!k)
		return import_map(s, text, len, out, is_null);
	*out = s->values[k - 1].value;
	*is_null = s->values[k - 1].is_null;
	return 1;
}

/* A time read, in the profile's zone (imports/zone.c): 0, or -1 before
 * 1970. */
static int zoned_time(const struct column_map *map, struct import_time t,
		      struct timestamp *out)
{
	if (import_time_zoned(map->profile, &t) < 0)
		return -1;
	out->epoch = t.epoch;
	out->year = t.year;
	out->month = t.month;
	return 0;
}

static int read_time(const struct column_map *map, const char *text, size_t len,
		     const struct import_spec *s, struct timestamp *out)
{
	struct import_time t;

	if (import_time_parse(s, text, len, &t) < 0)
		return -1;
	return zoned_time(map, t, out);
}

/* A time in two columns (a date and a time) read in place, when the
 * spec's first format reads them and the join would not be a missing
 * value (blank markers only; the date's first byte is not blank): 0 and
 * *out as the join would give; -1 when only the join can say. */
static int time_pair(const struct column_map *map, const struct csv_reader *r,
		     enum field f, struct timestamp *out)
{
	const struct import_spec *s = map->spec[f];
	const struct csv_field *a = &r->fields[map->col[f]], *b;
	struct import_time t;

	if (s->ncolumns < 2 || s->elapsed || !map->blank[f] || !a->len || !a->s[0])
		return -1;
	b = &r->fields[map->col2[f]];
	if (import_time_pair(s, a->s, a->len, b->s, b->len, &t) < 0)
		return -1;
	return zoned_time(map, t, out);
}

/* A number once the value map, the scale and the duration have had their
 * say; NO_VALUE for none. */
static int read_number(const struct column_map *map, enum field f,
		       const struct import_spec *s, const char *text, size_t len,
		       double *out, const char **why)
{
	double v = 0;
	int mapped, is_null = 0;

	mapped = value_of(map, f, s, text, len, &v, &is_null);
	if (mapped < 0)
		return refuse(why, "not in the profile's values", text, len);
	if (mapped && is_null) {
		*out = NO_VALUE;
		return 0;
	}
	if (!mapped && types[f].type == T_DURATION && s->duration != DUR_NONE) {
		if (import_duration_seconds(s->duration, text, len, &v) < 0)
			return refuse(why, "not a duration as the profile writes them", text, len);
		v /= types[f].unit;
	} else if (!mapped && (contact_number(text, len, &v) < 0)) {
		return refuse(why, "not a number", text, len);
	}
	if (types[f].type == T_SCORE && s->has_scale && !mapped) {
		if (v < s->scale[0] || v > s->scale[1])
			return refuse(why, "not on the profile's scale", text, len);
		v = f == F_CSAT ? (v >= s->scale[1] - 1 ? 5 : 1) :
			types[f].lo + (v - s->scale[0]) * (types[f].hi - types[f].lo) /
			(s->scale[1] - s->scale[0]);
	}
	if (v < types[f].lo || v > types[f].hi ||
	    (types[f].type == T_COUNT && v != floor(v)))
		return refuse(why, types[f].type == T_SCORE ? "not a score on its scale" :
			      "not a number of 0 or more", text, len);
	*out = v;
	return 0;
}

static int read_flag(const struct column_map *map, enum field f,
		     const struct import_spec *s, const char *text, size_t len,
		     unsigned char *out, const char **why)
{
	double v = 0;
	int is_null = 0, mapped = value_of(map, f, s, text, len, &v, &is_null);

	if (mapped < 0)
		return refuse(why, "not in the profile's values", text, len);
	if (mapped) {
		*out = !is_null && v != 0;
		return 0;
	}
	if (contact_flag(text, len, out) < 0)
		return refuse(why, "not a yes/no value", text, len);
	return 0;
}

/* elapsed: [FROM, TO], two times whose difference is the value. */
static int read_elapsed(const struct column_map *map, const struct csv_reader *r,
			enum field f, double *out, const char **why)
{
	const struct import_spec *s = map->spec[f];
	struct timestamp a, b;
	char buf[8]; /* never used: elapsed columns are not joined */
	size_t la, lb;
	const char *ta = text_of(map, r, f, 0, buf, sizeof buf, &la);
	const char *tb = text_of(map, r, f, 1, buf, sizeof buf, &lb);

	if (missing(map, f, ta, la) || missing(map, f, tb, lb))
		return 0;
	if (read_time(map, ta, la, s, &a) < 0)
		return refuse(why, "not a time in the profile's formats", ta, la);
	if (read_time(map, tb, lb, s, &b) < 0)
		return refuse(why, "not a time in the profile's formats", tb, lb);
	if (b.epoch < a.epoch)
		return refuse(why, "ends before it starts", tb, lb);
	*out = (double)(b.epoch - a.epoch) / (types[f].unit ? types[f].unit : 1);
	return 0;
}

/* The fields of the record the profile names, into c (which holds what
 * contact_parse() read for the others), where map->at says. */
static int one_field(const struct column_map *map, const struct csv_reader *r,
		     enum field f, struct contact *c, const char **why)
{
	const struct import_spec *s = map->spec[f];
	char buf[256];
	size_t len;
	const char *text;
	double v;
	unsigned char flag;
	int rc;

	if (s->elapsed)
		return read_elapsed(map, r, f, contact_number_field(c, f), why);
	if (map->col2[f] < 0) {
		text = r->fields[map->col[f]].s;
		len = r->fields[map->col[f]].len;
	} else {
		text = join(&r->fields[map->col[f]], &r->fields[map->col2[f]], buf,
			    sizeof buf, &len);
	}
	if (types[f].type == T_FLAG) {
		flag = 0;
		rc = missing(map, f, text, len) ? 0 :
			read_flag(map, f, s, text, len, &flag, why);
		((unsigned char *)c)[map->at[f]] = flag;
		return rc;
	}
	if (missing(map, f, text, len))
		return 0;
	rc = read_number(map, f, s, text, len, &v, why);
	if (rc == 0)
		memcpy((char *)c + map->at[f], &v, sizeof v);
	return rc;
}

enum { STEP_GENERAL, STEP_FLAG, STEP_NUMBER };

/* one_field() for a field from one column (the usual case), with what the
 * plan worked out at hand. */
static inline int one_step(const struct column_map *map, const struct map_step *st,
			   const struct csv_reader *r, struct contact *c, const char **why)
{
	const struct csv_field *cell = &r->fields[st->col];
	const char *text = cell->s;
	size_t len = cell->len;
	unsigned char flag = 0;
	double v;
	int rc;

	if (st->kind == STEP_GENERAL)
		return one_field(map, r, (enum field)st->field, c, why);
	if (!(st->blank && len && *text != ' ' && *text != '\t') &&
	    missing(map, st->field, text, len)) {
		if (st->kind == STEP_FLAG)
			((unsigned char *)c)[st->at] = 0;
		return 0;
	}
	if (st->kind == STEP_FLAG) {
		unsigned k = st->slot && len == 1 ?
			map->one[st->slot - 1][(unsigned char)*text] : 0;
		if (k) {
			flag = !st->spec->values[k - 1].is_null && st->spec->values[k - 1].value != 0;
			rc = 0;
		} else {
			rc = read_flag(map, (enum field)st->field, st->spec, text, len, &flag, why);
		}
		((unsigned char *)c)[st->at] = flag;
		return rc;
	}
	rc = read_number(map, (enum field)st->field, st->spec, text, len, &v, why);
	if (rc == 0)
		memcpy((char *)c + st->at, &v, sizeof v);
	return rc;
}

/* first_response_at and resolved_at: the time since the contact started. */
static int since_start(const struct column_map *map, const struct csv_reader *r,
		       enum field f, struct contact *c, const char **why)
{
	char buf[256];
	size_t len;
	const char *text = text_of(map, r, f, 0, buf, sizeof buf, &len);
	struct timestamp t;
	double *out = f == F_FIRST_RESPONSE_AT ? &c->first_response : &c->resolution;

	if (missing(map, f, text, len) || !c->has_time)
		return 0;
	if (read_time(map, text, len, map->spec[f], &t) < 0)
		return refuse(why, "not a time in the profile's formats", text, len);
	if (t.epoch < c->start.epoch)
		return refuse(why, "before started_at", text, len);
	*out = (double)(t.epoch - c->start.epoch) / types[f].unit;
	return 0;
}

/* A customer or channel that is a missing marker is none. */
static void text_field(const struct column_map *map, const char **s, size_t *len)
{
	if (*len && missing(map, NFIELDS, *s, *len))
		*len = 0;
}

static int texts_and_tickets(const struct column_map *map, const struct csv_reader *r,
			     struct contact *c, const char **why, enum field *bad)
{
	static const enum field ticket[] = { F_FIRST_RESPONSE_AT, F_RESOLVED_AT };
	size_t i;

	text_field(map, &c->customer, &c->customer_len);
	text_field(map, &c->channel, &c->channel_len);
	text_field(map, &c->id, &c->id_len);
	for (i = 0; i < 2; i++) {
		if (map->spec[ticket[i]] && since_start(map, r, ticket[i], c, why) < 0) {
			*bad = ticket[i];
			return -1;
		}
	}
	return 0;
}

int contact_parse_import(const struct column_map *map, const struct csv_reader *r,
			 struct contact *c, const char **why, enum field *bad)
{
	static const enum field times[] = { F_STARTED_AT, F_ANSWERED_AT };
	size_t i;

	for (i = 0; i < map->nread; i++) {
		if (one_step(map, &map->read[i], r, c, why) < 0) {
			*bad = (enum field)map->read[i].field;
			return -1;
		}
	}
	for (i = 0; i < 2; i++) {
		enum field t = times[i];
		if (!map->spec[t] && i == 0 && map->col[t] >= 0)
			break; /* started_at read as written, by contact_parse() */
		char buf[256];
		size_t len;
		const char *text;

		if (!map->spec[t] || (i == 1 && c->has_time))
			continue;
		if (time_pair(map, r, t, &c->start) == 0) {
			c->has_time = 1;
			continue;
		}
		text = text_of(map, r, t, 0, buf, sizeof buf, &len);
		c->has_time = !missing(map, t, text, len);
		if (c->has_time && read_time(map, text, len, map->spec[t], &c->start) < 0) {
			*bad = t;
			return refuse(why, "not a time in the profile's formats", text, len);
		}
	}
	return texts_and_tickets(map, r, c, why, bad);
}

/* ---- the column map of a profile ---- */

static int no_column(const char *file, long line, const struct import_profile *p,
		     const char *column, const char *what)
{
	msg_at(file, line, "no column '%s' for %s (import profile '%s')", column, what,
	       p->id);
	return CX_EINPUT;
}

static int map_spec(struct column_map *map, const struct csv_reader *h,
		    const struct import_profile *p, const struct import_spec *s,
		    const char *file, long line)
{
	long f = field_of(s->field);
	size_t k;

	if (f < 0)
		return CX_OK; /* a field of another kind of file (listen's) */
	for (k = 0; k < s->ncolumns; k++) {
		long col = csv_column(h, s->columns[k]);
		if (col < 0)
			return no_column(file, line, p, s->columns[k], s->field);
		if (k == 0)
			map->col[f] = col;
		else
			map->col2[f] = col;
	}
	if (types[f].type == T_TEXT && s->ncolumns > 1) {
		msg_at(file, line, "%s: one column only (import profile '%s')", s->field, p->id);
		return CX_EINPUT;
	}
	map->spec[f] = types[f].type == T_TEXT ? NULL : s;
	return CX_OK;
}

/* 1 when --map names the spec's field: the profile's columns for it are
 * then neither read nor required. */
static int overridden(const struct import_spec *s, const struct rename *renames,
		      size_t nrenames)
{
	size_t i;
	long f = field_of(s->field);

	for (i = 0; f >= 0 && i < nrenames; i++)
		if (field_of(renames[i].field) == f)
			return 1;
	return 0;
}

static int blanks_only(char *const *list, size_t n)
{
	size_t i, k;
	for (i = 0; i < n; i++)
		for (k = 0; list[i][k]; k++)
			if (list[i][k] != ' ' && list[i][k] != '\t')
				return 0;
	return 1;
}

/* What contact_parse_import() reads, worked out once: the fields read
 * from cells of their own, and which fields' markers are blanks only. */
static void plan(struct column_map *map, const struct import_profile *p)
{
	int profile_blank = blanks_only(p->missing, p->nmissing);
	struct contact c;
	struct map_step *step;
	size_t f, i, slots = 0;

	memset(&c, 0, sizeof c); /* only its members' places are used */
	map->nread = 0;
	map->imported = 1;
	for (f = 0; f < NFIELDS; f++) {
		const struct import_spec *s = map->spec[f];
		map->blank[f] = (unsigned char)(profile_blank &&
						(!s || blanks_only(s->missing, s->nmissing)));
		if (!s && map->col[f] >= 0 && types[f].type != T_TEXT)
			map->imported = 0;
		if (!s || types[f].type == T_TIME || types[f].type == T_TEXT)
			continue;
		map->at[f] = (unsigned short)(types[f].type == T_FLAG ?
			(size_t)(contact_flag_field(&c, (enum field)f) - (unsigned char *)&c) :
			(size_t)((char *)contact_number_field(&c, (enum field)f) - (char *)&c));
		if (s->nvalues && s->nvalues <= 255 && slots < MAP_ONE_CHAR)
			map->slot[f] = (unsigned char)++slots;
		step = &map->read[map->nread++];
		step->spec = s;
		step->col = map->col[f];
		step->at = map->at[f];
		step->field = (unsigned char)f;
		step->kind = map->col2[f] >= 0 || s->elapsed ? STEP_GENERAL :
			types[f].type == T_FLAG ? STEP_FLAG : STEP_NUMBER;
		step->blank = map->blank[f];
		step->slot = map->slot[f];
		if (!map->slot[f])
			continue;
		for (i = 0; i < s->nvalues; i++) {
			/* what same() matches: the one letter in either case */
			unsigned char ch = (unsigned char)s->values[i].raw[0];
			unsigned char *one = map->one[slots - 1];
			if (!ch || s->values[i].raw[1] || ch == ' ' || ch == '\t')
				continue;
			if (!one[ch])
				one[ch] = (unsigned char)(i + 1);
			if ((ch | 32) >= 'a' && (ch | 32) <= 'z' && !one[ch ^ 32])
				one[ch ^ 32] = (unsigned char)(i + 1);
		}
	}
	map->blank[NFIELDS] = (unsigned char)profile_blank;
}

int column_map_import(struct column_map *map, const struct csv_reader *header,
		      const struct import_profile *p, const struct rename *renames,
		      size_t nrenames, const char *file, long line)
{
	size_t i;
	long f, col;
	int rc = CX_OK;

	column_map_init(map, header->nfields);
	map->profile = p;
	for (i = 0; rc == CX_OK && i < p->nspecs; i++)
		if (!overridden(&p->specs[i], renames, nrenames))
			rc = map_spec(map, header, p, &p->specs[i], file, line);
	for (i = 0; rc == CX_OK && i < nrenames; i++) {
		f = field_of(renames[i].field);
		if (f < 0) {
			msg_error("--map: '%s' is not a field (see 'cxbench aggregate -h')",
				  renames[i].field);
			return CX_EUSAGE;
		}
		col = csv_column(header, renames[i].column);
		if (col < 0)
			return no_column(file, line, p, renames[i].column, "--map");
		map->col[f] = col; /* --map wins over the profile */
		map->col2[f] = -1;
		map->spec[f] = NULL;
	}
	for (i = 0; rc == CX_OK && i < p->nskips && i < MAP_MAX_SKIPS; i++) {
		map->skip_col[i] = csv_column(header, p->skips[i].column);
		if (map->skip_col[i] < 0)
			rc = no_column(file, line, p, p->skips[i].column, "skip");
	}
	plan(map, p);
	return rc;
}

const char *column_map_text(const struct column_map *map, const struct csv_reader *r,
			    enum field f, int which, char *buf, size_t cap, size_t *len)
{
	const char *text = text_of(map, r, f, which, buf, cap, len);

	return missing(map, f, text, *len) ? NULL : text;
}

long column_map_skip(const struct column_map *map, const struct csv_reader *r,
		     size_t *value)
{
	const struct import_profile *p = map->profile;
	size_t i, k;

	for (i = 0; p && i < p->nskips && i < MAP_MAX_SKIPS; i++) {
		const struct csv_field *c = &r->fields[map->skip_col[i]];
		const char *s = c->s;
		size_t n = c->len;
		while (n && (*s == ' ' || *s == '\t'))
			s++, n--;
		while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
			n--;
		for (k = 0; k < p->skips[i].nvalues; k++) {
			if (strlen(p->skips[i].values[k]) == n &&
			    strncasecmp(p->skips[i].values[k], s, n) == 0) {
				*value = k;
				return (long)i;
			}
		}
	}
	return -1;
}
