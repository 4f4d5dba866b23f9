/* convert: one cell read as an import profile says.  Runs for every cell
 * of every record, so nothing here allocates. */
#include "imports/import.h"
#include "io/timestamp.h"
#include <math.h>
#include <string.h>
#include <strings.h>

static inline void trim(const char **s, size_t *len)
{
	while (*len && (**s == ' ' || **s == '\t')) {
		(*s)++;
		(*len)--;
	}
	while (*len && ((*s)[*len - 1] == ' ' || (*s)[*len - 1] == '\t'))
		(*len)--;
}

/* a (a C string) is the len bytes at s, in any case: what
 * strlen(a) == len && strncasecmp(a, s, len) == 0 says in the C locale
 * (cxbench never sets another), without a call per marker and value. */
static int same(const char *a, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char x = (unsigned char)a[i], y = (unsigned char)s[i];
		if (x == '\0')
			return 0;
		if (x != y && ((x | 32) != (y | 32) || (x | 32) < 'a' || (x | 32) > 'z'))
			return 0;
	}
	return a[len] == '\0';
}

static int listed(char *const *list, size_t n, const char *s, size_t len)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (same(list[i], s, len))
			return 1;
	return 0;
}

int import_is_missing(const struct import_profile *p, const struct import_spec *s,
		      const char *text, size_t len)
{
	trim(&text, &len);
	return len == 0 || (p && listed(p->missing, p->nmissing, text, len)) ||
		(s && listed(s->missing, s->nmissing, text, len));
}

int import_map(const struct import_spec *s, const char *text, size_t len,
	       double *out, int *is_null)
{
	size_t i;

	if (!s->nvalues && !s->has_otherwise)
		return 0;
	trim(&text, &len);
	for (i = 0; i < s->nvalues; i++) {
		if (same(s->values[i].raw, text, len)) {
			*out = s->values[i].value;
			*is_null = s->values[i].is_null;
			return 1;
		}
	}
	if (!s->has_otherwise)
		return -1;
	*out = s->otherwise.value;
	*is_null = s->otherwise.is_null;
	return 1;
}

/* ---- numbers ---- */

/* A decimal, optionally signed; the whole text. */
static int decimal(const char *s, size_t len, double *out)
{
	double v = 0, scale = 1;
	size_t i = 0;
	int ndigits = 0, neg = 0;

	if (i < len && (s[i] == '-' || s[i] == '+'))
		neg = s[i++] == '-';
	for (; i < len && s[i] >= '0' && s[i] <= '9'; i++, ndigits++)
		v = v * 10 + (s[i] - '0');
	if (i < len && s[i] == '.') {
		double frac = 0;
		for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++, ndigits++) {
			frac = frac * 10 + (s[i] - '0');
			scale *= 10;
		}
		v += frac / scale;
	}
	if (i != len || ndigits == 0)
		return -1;
	*out = neg ? -v : v;
	return 0;
}

/* "h:mm:ss" (hours may exceed 24) or "mm:ss" (minutes may exceed 59),
 * seconds with an optional fraction. */
/* The usual case, fast: 1-9 plain digits, then `parts` - 1 times a colon
 * and two digits below 60 ("0:03:29", "12:05").  0 and *seconds (exact,
 * as the general reader gives it); 1 for anything else, which the general
 * reader then reads or refuses. */
static inline int clock_plain(const char *s, size_t len, int parts, double *seconds)
{
	size_t tail = 3 * (size_t)(parts - 1), lead = len - tail, i;
	int64_t v = 0;

	if (len <= tail || lead > 9)
		return 1;
	for (i = 0; i < lead; i++) {
		unsigned d = (unsigned)(unsigned char)s[i] - '0';
		if (d > 9)
			return 1;
		v = v * 10 + d;
	}
	for (; i < len; i += 3) {
		unsigned t = (unsigned)(unsigned char)s[i + 1] - '0';
		unsigned u = (unsigned)(unsigned char)s[i + 2] - '0';
		if (s[i] != ':' || t > 5 || u > 9)
			return 1;
		v = v * 60 + (int64_t)(t * 10 + u);
	}
	*seconds = (double)v;
	return 0;
}

static int clock_text(const char *s, size_t len, int parts, double *seconds)
{
	double v[3] = { 0, 0, 0 };
	size_t start = 0, i;
	int k = 0;


	for (i = 0; i <= len; i++) {
		if (i < len && s[i] != ':')
			continue;
		if (k >= parts || decimal(s + start, i - start, &v[k]) < 0 || v[k] < 0 ||
		    (k < parts - 1 && v[k] != floor(v[k])) || (k > 0 && v[k] >= 60))
			return -1;
		k++;
		start = i + 1;
	}
	if (k != parts)
		return -1;
	*seconds = parts == 3 ? v[0] * 3600 + v[1] * 60 + v[2] : v[0] * 60 + v[1];
	return 0;
}

int import_duration_seconds(enum import_duration d, const char *text, size_t len,
			    double *seconds)
{
	static const double unit[] = { 1, 1, 0.001, 60, 3600, 0, 0, 86400 };
	double v;

	trim(&text, &len);
	if (d == DUR_HMS || d == DUR_MMSS) {
		int parts = d == DUR_HMS ? 3 : 2;
		return clock_plain(text, len, parts, seconds) == 0 ? 0 :
			clock_text(text, len, parts, seconds);
	}
	if (decimal(text, len, &v) < 0 || v < 0)
		return -1;
	*seconds = v * unit[d];
	return 0;
}

/* ---- times ---- */

static void civil_from_days(int64_t z, int *y, int *m, int *d)
{
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static int days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : days[m - 1];
}

static int from_epoch(double secs, struct import_time *t)
{
	int64_t e = (int64_t)floor(secs);

	if (!(secs >= 0) || secs > 4e12)
		return -1;
	t->epoch = e;
	t->zoned = 1;
	civil_from_days(e / 86400, &t->year, &t->month, &t->day);
	return 0;
}

/* Up to `max` digits, at least one. */
static int digits(const char **p, const char *end, int max, int *out)
{
	int v = 0, n = 0;
	while (*p < end && n < max && **p >= '0' && **p <= '9') {
		v = v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	*out = v;
	return n ? 0 : -1;
}

static int month_name(const char **p, const char *end, int *m)
{
	static const char *const names[] = { "jan", "feb", "mar", "apr", "may", "jun",
		"jul", "aug", "sep", "oct", "nov", "dec" };
	int i;

	if (end - *p < 3)
		return -1;
	for (i = 0; i < 12; i++) {
		if (strncasecmp(*p, names[i], 3) == 0) {
			*p += 3;
			while (*p < end && ((**p | 32) >= 'a' && (**p | 32) <= 'z'))
				(*p)++; /* "March", "Sept" */
			*m = i + 1;
			return 0;
		}
	}
	return -1;
}

struct parts {
	int y, m, d, h, mi, s, pm, twelve;
};

/* One directive of a format. */
static int directive(char c, const char **p, const char *end, struct parts *x)
{
	switch (c) {
	case 'Y': return digits(p, end, 4, &x->y);
	case 'y':
		if (digits(p, end, 2, &x->y) < 0)
			return -1;
		x->y += x->y < 70 ? 2000 : 1900;
		return 0;
	case 'm': return digits(p, end, 2, &x->m);
	case 'd': return digits(p, end, 2, &x->d);
	case 'H': return digits(p, end, 2, &x->h);
	case 'I':
		x->twelve = 1;
		return digits(p, end, 2, &x->h);
	case 'M': return digits(p, end, 2, &x->mi);
	case 'S':
		if (digits(p, end, 2, &x->s) < 0)
			return -1;
		if (*p < end && **p == '.') /* a fraction of a second, dropped */
			for ((*p)++; *p < end && **p >= '0' && **p <= '9'; (*p)++)
				;
		return 0;
	case 'b': return month_name(p, end, &x->m);
	case 'a': /* a weekday's name ("Fri", "Friday"): read, not checked */
		if (end - *p < 3)
			return -1;
		while (*p < end && ((**p | 32) >= 'a' && (**p | 32) <= 'z'))
			(*p)++;
		return 0;
	case 'p':
		if (end - *p < 2 || ((*p)[1] | 32) != 'm' ||
		    (((*p)[0] | 32) != 'a' && ((*p)[0] | 32) != 'p'))
			return -1;
		x->pm = ((*p)[0] | 32) == 'p' ? 2 : 1;
		*p += 2;
		return 0;
	default: return -1;
	}
}

static int assemble(struct parts *x, struct import_time *t)
{
	if (x->twelve) {
		if (x->h < 1 || x->h > 12 || !x->pm)
			return -1;
		x->h = x->h % 12 + (x->pm == 2 ? 12 : 0);
	}
	if (x->y < 1970 || x->m < 1 || x->m > 12 || x->d < 1 ||
	    x->d > days_in_month(x->y, x->m) || x->h > 23 || x->mi > 59 || x->s > 60)
		return -1;
	t->year = x->y;
	t->month = x->m;
	t->day = x->d;
	t->zoned = 0;
	t->epoch = days_from_civil(x->y, x->m, x->d) * 86400 + (int64_t)x->h * 3600 +
		   (int64_t)x->mi * 60 + x->s;
	return 0;
}

static int special(const char *format, const char *text, size_t len,
		   struct import_time *t, int *done)
{
	double v;

	*done = format[0] == 'e'; /* each of them begins with an e */
	if (!*done)
		return 0;
	if (strcmp(format, "epoch") == 0 || strcmp(format, "epoch_ms") == 0)
		return decimal(text, len, &v) < 0 ? -1 :
			from_epoch(format[5] ? v / 1000 : v, t);
	if (strcmp(format, "excel") == 0) {
		/* days since 1899-12-30 (Excel's 1900 system, its leap-year bug
		 * included), the fraction the time of day; naive */
		if (decimal(text, len, &v) < 0 || v < 25569 || v > 2958466)
			return -1;
		if (from_epoch((v - 25569) * 86400 + 1e-6, t) < 0)
			return -1;
		t->zoned = 0;
		return 0;
	}
	*done = 0;
	return 0;
}

/* A format (not a special one) over the text from p to end; with b, over
 * two cells, the second (b to end_b) after the format's first blank, when
 * the first is read up to there. */
static int walk(const char *format, const char *p, const char *end, const char *b,
		const char *end_b, struct import_time *t)
{
	struct parts x = { 0, 1, 1, 0, 0, 0, 0, 0 };
	const char *f;

	for (f = format; *f; f++) {
		if (*f == '%' && f[1]) {
			if (directive(*++f, &p, end, &x) < 0)
				return -1;
		} else if (*f == ' ') {
			if (b) { /* the join's blank: the date must be read */
				if (p != end)
					return -1;
				p = b;
				end = end_b;
				b = NULL;
			}
			while (p < end && *p == ' ') /* any run of blanks */
				p++;
		} else if (p < end && *p == *f) {
			p++;
		} else {
			return -1;
		}
	}
	return p == end && !b ? assemble(&x, t) : -1;
}

/* import_time_format() on text already trimmed */
static int time_format(const char *format, const char *text, size_t len,
		       struct import_time *t)
{
	int done = 0, rc = special(format, text, len, t, &done);

	return done ? rc : walk(format, text, text + len, NULL, NULL, t);
}

int import_time_format(const char *format, const char *text, size_t len,
		       struct import_time *t)
{
	trim(&text, &len);
	return time_format(format, text, len, t);
}

/* The spec's first format over "a b" without the join: the date cell up
 * to the format's first blank, the time cell after it.  Only a success
 * counts: then "a b" read as import_time_parse() reads it gives the same
 * (a and b begin and end with what the format read, so nothing is
 * trimmed; the directives stop at the end of a cell as at the blank after
 * it; a NUL is never read; the join is short enough not to be cut). */
/* Whether a and b are one layout with %d and %m swapped. */
static int twins(const char *a, const char *b)
{
	int swapped = 0;

	for (; *a && *b; a++, b++) {
		if (a[0] == '%' && b[0] == '%' && a[1] && b[1]) {
			a++, b++;
			if ((*a == 'd' && *b == 'm') || (*a == 'm' && *b == 'd'))
				swapped = 1;
			else if (*a != *b)
				return 0;
		} else if (*a != *b) {
			return 0;
		}
	}
	return swapped && !*a && !*b;
}

enum import_order import_format_order(const struct import_spec *s, size_t i)
{
	const char *f = s->formats[i], *d = strstr(f, "%d"), *m = strstr(f, "%m");
	size_t k;

	for (k = 0; d && m && k < s->nformats; k++)
		if (twins(f, s->formats[k]))
			return d < m ? ORDER_DAY_FIRST : ORDER_MONTH_FIRST;
	return ORDER_ANY;
}

/* Whether the spec, as settled, reads with its format i. */
static int allowed(const struct import_spec *s, size_t i)
{
	enum import_order o = s->order == ORDER_ANY ? ORDER_ANY : import_format_order(s, i);

	return o == ORDER_ANY || o == s->order;
}

void import_settle(struct import_spec *s, enum import_order order)
{
	s->order = order;
}

unsigned import_time_orders(const struct import_spec *s, const char *text, size_t len)
{
	struct import_time t;
	unsigned found = 0;
	size_t i;

	trim(&text, &len);
	for (i = 0; i < s->nformats; i++)
		if (time_format(s->formats[i], text, len, &t) == 0)
			found |= 1u << import_format_order(s, i);
	return found;
}

static const char *first_format(const struct import_spec *s)
{
	size_t i;

	for (i = 0; i < s->nformats; i++)
		if (allowed(s, i))
			return s->formats[i];
	return NULL;
}

int import_time_pair(const struct import_spec *s, const char *a, size_t la,
		     const char *b, size_t lb, struct import_time *t)
{
	const char *f = s ? first_format(s) : NULL;

	if (!f || f[0] == 'e' || !la || !lb || la + 1 + lb > 255 || a[0] == ' ' ||
	    a[0] == '\t' || b[lb - 1] == ' ' || b[lb - 1] == '\t')
		return -1;
	return walk(f, a, a + la, b, b + lb, t);
}

int import_time_parse(const struct import_spec *s, const char *text, size_t len,
		      struct import_time *t)
{
	struct timestamp iso;
	size_t i;

	trim(&text, &len);
	for (i = 0; s && i < s->nformats; i++)
		if (allowed(s, i) && time_format(s->formats[i], text, len, t) == 0)
			return 0;
	if ((s && s->nformats) || timestamp_parse(text, len, &iso) < 0)
		return -1;
	t->epoch = iso.epoch;
	t->year = iso.year;
	t->month = iso.month;
	t->day = (text[8] - '0') * 10 + (text[9] - '0'); /* YYYY-MM-DD, checked */
	t->zoned = len > 19 && (text[len - 1] == 'Z' || text[len - 1] == 'z' ||
				memchr(text + 19, '+', len - 19) || memchr(text + 19, '-', len - 19));
	return 0;
}
