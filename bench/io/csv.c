#include "io/csv.h"
#include "base/mem.h"
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The bytes that can end an unquoted field: the delimiter, a line break,
 * and the NUL after the buffer (one inside the data is an ordinary byte);
 * one table per delimiter, so the inner loop stays a table lookup. */
static const unsigned char ends_comma[256] = { [','] = 1, ['\n'] = 1, [0] = 1 };
static const unsigned char ends_semicolon[256] = { [';'] = 1, ['\n'] = 1, [0] = 1 };
static const unsigned char ends_tab[256] = { ['\t'] = 1, ['\n'] = 1, [0] = 1 };
static const unsigned char ends_bar[256] = { ['|'] = 1, ['\n'] = 1, [0] = 1 };

void csv_init(struct csv_reader *r, char *buf, size_t len)
{
	memset(r, 0, sizeof *r);
	r->p = buf;
	r->end = buf + len;
	r->next_line = 1;
	r->ends = ends_comma;
	r->delimiter = ',';
}

int csv_set_delimiter(struct csv_reader *r, char c)
{
	r->ends = c == ',' ? ends_comma : c == ';' ? ends_semicolon :
		c == '\t' ? ends_tab : c == '|' ? ends_bar : NULL;
	if (!r->ends) {
		r->ends = ends_comma;
		return -1;
	}
	r->delimiter = c;
	return 0;
}

void csv_release(struct csv_reader *r)
{
	free(r->fields);
	r->fields = NULL;
	r->cap = r->nfields = 0;
}

static void add_field(struct csv_reader *r, char *s, size_t len)
{
	if (r->nfields >= r->cap)
		xgrow((void **)&r->fields, &r->cap, r->nfields, sizeof *r->fields);
	r->fields[r->nfields].s = s;
	r->fields[r->nfields].len = len;
	r->nfields++;
}

/* Reads a quoted field starting after its opening quote; the unquoted text
 * is written over the field's own bytes (it is never longer). */
static int quoted_field(struct csv_reader *r, char **start, size_t *len)
{
	char *out = r->p, *s = r->p;

	*start = out;
	for (;;) {
		if (s >= r->end) {
			r->error = "unterminated quoted field";
			return -1;
		}
		if (*s == '"') {
			if (s + 1 < r->end && s[1] == '"') {
				*out++ = '"';
				s += 2;
				continue;
			}
			s++;
			break;
		}
		if (*s == '\n')
			r->next_line++;
		*out++ = *s++;
	}
	if (s < r->end && *s == '\r' && (s + 1 == r->end || s[1] == '\n'))
		s++;
	if (s < r->end && *s != r->delimiter && *s != '\n') {
		r->error = "unexpected text after a closing quote";
		return -1;
	}
	*len = (size_t)(out - *start);
	r->p = s;
	return 0;
}

static void plain_field(struct csv_reader *r, char **start, size_t *len)
{
	const unsigned char *field_end = r->ends;
	char *s = r->p;

	*start = s;
	for (;;) {
		while (!field_end[(unsigned char)*s])
			s++;
		if (*s || s >= r->end)
			break;
		s++;
	}
	*len = (size_t)(s - *start);
	if (*len && s[-1] == '\r' && (s == r->end || *s == '\n'))
		--*len;
	r->p = s;
}

int csv_next(struct csv_reader *r)
{
	char *start;
	size_t len;

	r->nfields = 0;
	r->error = NULL;
	while (r->p < r->end && (*r->p == '\n' || (*r->p == '\r' &&
				(r->p + 1 == r->end || r->p[1] == '\n')))) {
		r->p += *r->p == '\r' ? 2 : 1;
		r->next_line++;
	}
	if (r->p >= r->end)
		return 0;
	r->line = r->next_line;
	for (;;) {
		if (*r->p == '"') {
			r->p++;
			if (quoted_field(r, &start, &len) < 0)
				return -1;
		} else {
			plain_field(r, &start, &len);
		}
		add_field(r, start, len);
		if (r->p >= r->end) {
			start[len] = '\0'; /* the buffer keeps a NUL after its end */
			return 1;
		}
		if (*r->p == '\n') {
			start[len] = '\0';
			r->p++;
			r->next_line++;
			return 1;
		}
		start[len] = '\0'; /* overwrites the delimiter (or a CR) */
		r->p++;
	}
}

int csv_number(const char *s, double *out)
{
	const char *p = s, *digits;
	char *end = NULL;
	double v;

	while (*p == ' ' || *p == '\t')
		p++;
	digits = p;
	if (*p == '+' || *p == '-')
		p++;
	if (!isdigit((unsigned char)*p) && !(*p == '.' && isdigit((unsigned char)p[1])))
		return -1;
	while (isdigit((unsigned char)*p) || *p == '.' || *p == 'e' || *p == 'E' ||
	       ((*p == '+' || *p == '-') && (p[-1] == 'e' || p[-1] == 'E')))
		p++;
	v = strtod(digits, &end);
	if (end != p)
		return -1;
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p)
		return -1;
	if (!isfinite(v))
		return -2; /* a number, but beyond a double: 1e999 */
	*out = v;
	return 0;
}

char csv_sniff(const char *buf, size_t n, long line)
{
	static const char cands[] = { ',', ';', '\t', '|' };
	size_t count[4] = { 0, 0, 0, 0 }, i = 0, k, best = 0;
	int quoted = 0;

	for (; line > 0 && i < n; i++)
		line -= buf[i] == '\n';
	for (; i < n && (quoted || buf[i] != '\n'); i++) {
		quoted ^= buf[i] == '"';
		for (k = 0; !quoted && k < 4; k++)
			count[k] += buf[i] == cands[k];
	}
	for (k = 1; k < 4; k++)
		if (count[k] > count[best])
			best = k;
	return cands[best];
}

long csv_column(const struct csv_reader *r, const char *name)
{
	size_t i, len = strlen(name);

	for (i = 0; i < r->nfields; i++) {
		const char *s = r->fields[i].s;
		size_t n = r->fields[i].len;
		while (n && (*s == ' ' || *s == '\t'))
			s++, n--;
		while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
			n--;
		if (n == len && strncasecmp(s, name, n) == 0)
			return (long)i;
	}
	return -1;
}
