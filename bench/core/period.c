#include "core/period.h"
#include <ctype.h>
#include <stdio.h>
#include <string.h>

static int digits(const char *s, int n)
{
	int v = 0, i;
	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int period_parse(const char *text, struct period *p)
{
	size_t len = strlen(text);
	int year = len >= 4 ? digits(text, 4) : -1;

	if (year < 1900 || year > 2999)
		return -1;
	p->year = year;
	if (len == 4) {
		p->gran = GRAN_YEAR;
		p->sub = 0;
		return 0;
	}
	if (len == 7 && text[4] == '-' && (text[5] == 'Q' || text[5] == 'q')) {
		p->gran = GRAN_QUARTER;
		p->sub = digits(text + 6, 1);
		return p->sub >= 1 && p->sub <= 4 ? 0 : -1;
	}
	if (len == 7 && text[4] == '-') {
		p->gran = GRAN_MONTH;
		p->sub = digits(text + 5, 2);
		return p->sub >= 1 && p->sub <= 12 ? 0 : -1;
	}
	return -1;
}

void period_format(struct period p, char *buf)
{
	if (p.gran == GRAN_QUARTER)
		snprintf(buf, 16, "%04d-Q%d", p.year, p.sub);
	else if (p.gran == GRAN_MONTH)
		snprintf(buf, 16, "%04d-%02d", p.year, p.sub);
	else
		snprintf(buf, 16, "%04d", p.year);
}

static int per_year(enum granularity g)
{
	return g == GRAN_QUARTER ? 4 : g == GRAN_MONTH ? 12 : 1;
}

long period_index(struct period p)
{
	int k = per_year(p.gran);
	return (long)p.year * k + (k > 1 ? p.sub - 1 : 0);
}

struct period period_from_index(enum granularity gran, long index)
{
	struct period p;
	int k = per_year(gran);
	p.gran = gran;
	p.year = (int)(index / k);
	p.sub = k > 1 ? (int)(index % k) + 1 : 0;
	return p;
}

struct period period_of_month(enum granularity gran, int year, int month)
{
	struct period p;

	p.gran = gran;
	p.year = year;
	p.sub = gran == GRAN_QUARTER ? (month - 1) / 3 + 1 : gran == GRAN_MONTH ? month : 0;
	return p;
}

int period_cmp(struct period a, struct period b)
{
	long x = period_index(a), y = period_index(b);
	if (a.gran != b.gran)
		return (int)a.gran - (int)b.gran;
	return x < y ? -1 : x > y;
}

const char *granularity_name(enum granularity g)
{
	return g == GRAN_QUARTER ? "quarter" : g == GRAN_MONTH ? "month" : "year";
}
