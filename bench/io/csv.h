/* csv: an RFC 4180 reader over a buffer the caller owns and lets it
 * modify: fields are unquoted and NUL-terminated in place, so reading
 * allocates nothing per row.  Quoted fields may hold commas, doubled
 * quotes and newlines; CRLF and a missing final newline are accepted;
 * blank lines are skipped. */
#ifndef CX_CSV_H
#define CX_CSV_H
#include <stddef.h>

struct csv_field {
	char *s; /* NUL-terminated, inside the buffer */
	size_t len;
};

struct csv_reader {
	char *p, *end;
	long line;      /* line where the current record starts (1-based) */
	long next_line; /* line where the next record starts */
	struct csv_field *fields;
	size_t nfields, cap;
	const char *error; /* why csv_next returned -1 */
	const unsigned char *ends; /* the bytes that end an unquoted field */
	char delimiter;    /* ',' unless csv_set_delimiter said otherwise */
};

/* buf[len] must be a writable byte holding NUL (input_read's buffers are). */
void csv_init(struct csv_reader *r, char *buf, size_t len);
/* Fields separated by c: ',', ';', '\t' or '|' (-1 for another). */
int csv_set_delimiter(struct csv_reader *r, char c);
/* The delimiter line `line` (0-based) of buf[0..n) uses most, of , ; tab
 * and | (',' when it uses none): exports from spreadsheets in many locales
 * use ';', and a header under a title block is sniffed where it is, not
 * in the title. */
char csv_sniff(const char *buf, size_t n, long line);
/* 1 when a record was read into r->fields, 0 at the end, -1 on a
 * malformed record (r->error says why, r->line where). */
int csv_next(struct csv_reader *r);
void csv_release(struct csv_reader *r);
/* The column of the header record r holds named `name` (blanks around it
 * and case aside; the first of two alike, as Jira repeats Labels and
 * Comment), or -1. */
long csv_column(const struct csv_reader *r, const char *name);
/* A plain decimal number ("12", "-3.5", "1e3"); surrounding blanks are
 * allowed.  0 on success, -2 for a number too large for a double (1e999),
 * -1 for anything else (text, nan, inf, hex). */
int csv_number(const char *s, double *out);
#endif
