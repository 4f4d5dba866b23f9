/* sql_parts: the pieces the query is built from, for the files of
 * bench/warehouse only: the dialect table, a growing text, quoting, and
 * the SQL expression of each contact field. */
#ifndef CX_SQL_PARTS_H
#define CX_SQL_PARTS_H
#include "warehouse/sql.h"
#include <stddef.h>

/* What differs between engines.  Formats take one %s: an expression. */
struct sql_dialect {
	const char *name;
	char quote;            /* identifiers: '"' (doubled inside) or '`' */
	int backslash;         /* string literals take backslash escapes */
	const char *dbl;       /* the double type */
	const char *text;      /* the text type */
	const char *epoch;     /* whole seconds since 1970 of a timestamp */
	const char *year, *quarter, *month;
	int arrays;            /* no window functions: repeats with arrays */
	const char *trim;      /* spaces and tabs off both ends of a text */
	const char *big;       /* the 64-bit integer type */
	const char *num;       /* a column as a double that may be NULL */
	const char *text_cast; /* a column as a text that may be NULL */
	const char *text_num;  /* a number from a text export's cell: where a
				* cast would fail on a missing marker before
				* the CASE that skips it is reached, one that
				* gives NULL instead */
};

/* A growing text; every append either succeeds or ends the process. */
struct sql_text {
	char *s;
	size_t n, cap;
};
void sql_put(struct sql_text *t, const char *s);
void sql_putf(struct sql_text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* An expression format with one %s, applied to `arg`. */
void sql_apply(struct sql_text *t, const char *fmt, const char *arg);

/* A quoted identifier or a dotted name (each part quoted): -1 after a
 * message when one cannot be quoted safely in this dialect (a control
 * character, the quote character in a backtick dialect, an empty part). */
int sql_ident(struct sql_text *t, const struct sql_dialect *d, const char *name,
	      int dotted, const char *what);
/* A string literal: -1 after a message for a control character. */
int sql_literal(struct sql_text *t, const struct sql_dialect *d, const char *s,
		const char *what);

/* The SQL of each field the query reads, as `c`'s columns; NULL where
 * the table has none. */
enum sql_field {
	SF_CUSTOMER, SF_STARTED, SF_ORDER, SF_WAIT, SF_HOLD, SF_TRANSFERS,
	SF_HUMAN_WAIT, SF_CSAT, SF_NPS, SF_CES, SF_ABANDONED, SF_RESOLVED,
	SF_AI, SF_ESCALATED, SF_N
};
struct sql_fields {
	char *expr[SF_N];  /* owned */
	char *where;       /* the profile's skip rules, or NULL; owned */
};
int sql_fields_build(const struct sql_request *r, struct sql_fields *out);
void sql_fields_release(struct sql_fields *f);
#endif
