#include "io/timestamp.h"

static int num(const char *s, int n, int *out)
{
	int v = 0, i;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian), after Howard
 * Hinnant's days_from_civil. */
int64_t days_from_civil(int y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static int days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : days[m - 1];
}

/* "Z", "+HH:MM", "+HHMM", "+HH" or nothing; seconds east of UTC. */
static int zone(const char *s, size_t len, int *offset)
{
	int hh = 0, mm = 0, sign;

	*offset = 0;
	if (len == 0 || (len == 1 && (s[0] == 'Z' || s[0] == 'z')))
		return 0;
	if (s[0] != '+' && s[0] != '-')
		return -1;
	sign = s[0] == '-' ? -1 : 1;
	if ((len != 3 && len != 5 && len != 6) || num(s + 1, 2, &hh) < 0 ||
	    (len == 5 && num(s + 3, 2, &mm) < 0) ||
	    (len == 6 && (s[3] != ':' || num(s + 4, 2, &mm) < 0)) || hh > 23 || mm > 59)
		return -1;
	*offset = sign * (hh * 3600 + mm * 60);
	return 0;
}

int timestamp_parse(const char *s, size_t len, struct timestamp *t)
{
	int y, mo, d, h, mi, sec, offset;
	size_t p = 19;

	if (len < 19 || num(s, 4, &y) < 0 || s[4] != '-' || num(s + 5, 2, &mo) < 0 ||
	    s[7] != '-' || num(s + 8, 2, &d) < 0 || (s[10] != 'T' && s[10] != ' ') ||
	    num(s + 11, 2, &h) < 0 || s[13] != ':' || num(s + 14, 2, &mi) < 0 ||
	    s[16] != ':' || num(s + 17, 2, &sec) < 0)
		return -1;
	if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo) ||
	    h > 23 || mi > 59 || sec > 60)
		return -1;
	if (p < len && s[p] == '.') {
		for (p++; p < len && s[p] >= '0' && s[p] <= '9'; p++)
			;
		if (p == 20)
			return -1;
	}
	if (zone(s + p, len - p, &offset) < 0 || (s[10] == ' ' && p < len))
		return -1;
	t->epoch = days_from_civil(y, mo, d) * 86400 + (int64_t)h * 3600 +
		   (int64_t)mi * 60 + sec - offset;
	if (t->epoch < 0) /* before 1970 in UTC: out of the traces' range */
		return -1;
	t->year = y;
	t->month = mo;
	return 0;
}
