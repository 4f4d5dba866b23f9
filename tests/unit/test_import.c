/* Import profiles, one cell at a time (bench/imports/convert.c): times by
 * format, excel and epoch serials, ISO 8601, durations in every unit,
 * value maps and missing markers.  The specs and profiles are built by
 * hand here; every expected value is worked out in a comment.
 *
 * Epochs used below (days from 1970-01-01, times 86400):
 *   2026-01-01: 56 years, leap years 1972..2024 = 14:
 *     56 * 365 + 14 = 20454 days -> 20454 * 86400 = 1767225600
 *   2026-03-07: + Jan 31 + Feb 28 + 6 = 65 -> 20519 days -> 1772841600
 *   2024-02-29: 54 years, leaps 1972..2020 = 13: 19710 + 13 = 19723,
 *     + 31 + 28 = 19782 days -> 1709164800
 *   2025-01-01: 55 years, leaps 14: 20075 + 14 = 20089 -> 1735689600 */
#include "check.h"
#include "imports/import.h"
#include <string.h>

#define D20260101 1767225600L
#define D20260307 1772841600L
#define D20240229 1709164800L
#define D20250101 1735689600L

/* import_time_format on a NUL-terminated text: 0 or -1. */
static int tf(const char *format, const char *text, struct import_time *t)
{
	memset(t, 0x55, sizeof *t); /* nothing left over from a previous call */
	return import_time_format(format, text, strlen(text), t);
}

void test_import_time_format_ymd(void)
{
	struct import_time t;

	/* 2026-03-07 21:05:07: 1772841600 + 21*3600 + 5*60 + 7
	 * = 1772841600 + 75600 + 300 + 7 = 1772917507 */
	CHECK_INT(tf("%Y/%m/%d %H:%M:%S", "2026/03/07 21:05:07", &t), 0);
	CHECK_INT(t.epoch, 1772917507L);
	CHECK_INT(t.year, 2026);
	CHECK_INT(t.month, 3);
	CHECK_INT(t.day, 7);
	CHECK_INT(t.zoned, 0);
	/* trimmed: blanks around the cell do not matter */
	CHECK_INT(tf("%Y/%m/%d %H:%M:%S", "  2026/03/07 21:05:07\t", &t), 0);
	CHECK_INT(t.epoch, 1772917507L);
	/* single-digit fields, as strptime reads them: 09:05:07 =
	 * 32400 + 300 + 7 = 32707 -> 1772841600 + 32707 = 1772874307 */
	CHECK_INT(tf("%Y/%m/%d %H:%M:%S", "2026/3/7 9:05:07", &t), 0);
	CHECK_INT(t.epoch, 1772874307L);
	CHECK_INT(tf("%Y/%m/%d %H:%M:%S", "2026/3/7 9:5:7", &t), 0);
	CHECK_INT(t.epoch, 1772874307L);
	/* a fraction of a second is dropped: still ...507 */
	CHECK_INT(tf("%Y/%m/%d %H:%M:%S", "2026/03/07 21:05:07.750", &t), 0);
	CHECK_INT(t.epoch, 1772917507L);
	/* any run of blanks matches one blank in the format */
	CHECK_INT(tf("%Y/%m/%d %H:%M:%S", "2026/03/07   21:05:07", &t), 0);
	CHECK_INT(t.epoch, 1772917507L);
	/* a leap day: 2024-02-29 00:00 = 1709164800 */
	CHECK_INT(tf("%Y/%m/%d %H:%M:%S", "2024/02/29 00:00:00", &t), 0);
	CHECK_INT(t.epoch, D20240229);
	CHECK_INT(t.month, 2);
	CHECK_INT(t.day, 29);
	/* 2026 is not a leap year: no 2026-02-29 */
	CHECK_INT(tf("%Y/%m/%d %H:%M:%S", "2026/02/29 00:00:00", &t), -1);
	CHECK_INT(tf("%Y/%m/%d %H:%M:%S", "2026/04/31 00:00:00", &t), -1);
	CHECK_INT(tf("%Y/%m/%d %H:%M:%S", "2026/13/01 00:00:00", &t), -1);
	CHECK_INT(tf("%Y/%m/%d %H:%M:%S", "2026/03/07 24:00:00", &t), -1);
	CHECK_INT(tf("%Y/%m/%d %H:%M:%S", "2026/03/07 23:60:00", &t), -1);
	/* trailing text, a missing part, another separator: refused */
	CHECK_INT(tf("%Y/%m/%d %H:%M:%S", "2026/03/07 21:05:07 UTC", &t), -1);
	CHECK_INT(tf("%Y/%m/%d %H:%M:%S", "2026/03/07 21:05:07x", &t), -1);
	CHECK_INT(tf("%Y/%m/%d %H:%M:%S", "2026/03/07 21:05", &t), -1);
	CHECK_INT(tf("%Y/%m/%d %H:%M:%S", "2026-03-07 21:05:07", &t), -1);
	CHECK_INT(tf("%Y/%m/%d %H:%M:%S", "", &t), -1);
	/* before 1970: out of range */
	CHECK_INT(tf("%Y/%m/%d %H:%M:%S", "1969/12/31 23:59:59", &t), -1);
	/* the first second of the epoch */
	CHECK_INT(tf("%Y/%m/%d %H:%M:%S", "1970/01/01 00:00:00", &t), 0);
	CHECK_INT(t.epoch, 0);
}

void test_import_time_format_12_hour(void)
{
	struct import_time t;
	const char *f = "%m/%d/%Y %I:%M %p";

	/* 9:05 PM = 21:05 -> 1772841600 + 75600 + 300 = 1772917500 */
	CHECK_INT(tf(f, "3/7/2026 9:05 PM", &t), 0);
	CHECK_INT(t.epoch, 1772917500L);
	CHECK_INT(t.month, 3);
	CHECK_INT(t.day, 7);
	/* am/pm in any case */
	CHECK_INT(tf(f, "03/07/2026 09:05 pm", &t), 0);
	CHECK_INT(t.epoch, 1772917500L);
	/* 9:05 AM = 09:05 -> 1772841600 + 32400 + 300 = 1772874300 */
	CHECK_INT(tf(f, "3/7/2026 9:05 AM", &t), 0);
	CHECK_INT(t.epoch, 1772874300L);
	/* 12 AM is midnight (0 h): 2026-01-01 00:30 = 1767225600 + 1800 */
	CHECK_INT(tf(f, "1/1/2026 12:30 AM", &t), 0);
	CHECK_INT(t.epoch, D20260101 + 1800);
	/* 12 PM is noon (12 h): 1767225600 + 43200 + 1800 = 1767270600 */
	CHECK_INT(tf(f, "1/1/2026 12:30 PM", &t), 0);
	CHECK_INT(t.epoch, 1767270600L);
	/* 1 PM = 13 h: 1767225600 + 46800 = 1767272400 */
	CHECK_INT(tf(f, "1/1/2026 1:00 PM", &t), 0);
	CHECK_INT(t.epoch, 1767272400L);
	/* hour 0 or 13 on a 12-hour clock, or no AM/PM: refused */
	CHECK_INT(tf(f, "1/1/2026 0:30 AM", &t), -1);
	CHECK_INT(tf(f, "1/1/2026 13:30 PM", &t), -1);
	CHECK_INT(tf(f, "1/1/2026 1:30", &t), -1);
	CHECK_INT(tf(f, "1/1/2026 1:30 XM", &t), -1);
}

void test_import_time_format_day_first(void)
{
	struct import_time t;

	/* %y: 26 -> 2026; 07.03.26 = 2026-03-07 00:00 = 1772841600 */
	CHECK_INT(tf("%d.%m.%y", "07.03.26", &t), 0);
	CHECK_INT(t.epoch, D20260307);
	CHECK_INT(t.year, 2026);
	CHECK_INT(t.month, 3);
	CHECK_INT(t.day, 7);
	CHECK_INT(t.zoned, 0);
	/* 70 -> 1970 (the epoch's first day); 69 -> 2069 */
	CHECK_INT(tf("%d.%m.%y", "01.01.70", &t), 0);
	CHECK_INT(t.epoch, 0);
	CHECK_INT(tf("%d.%m.%y", "01.01.69", &t), 0);
	CHECK_INT(t.year, 2069);
	/* day first: 13 is a day, not a month; 13 as a month is refused */
	CHECK_INT(tf("%d.%m.%y", "13.03.26", &t), 0);
	CHECK_INT(t.day, 13);
	CHECK_INT(tf("%d.%m.%y", "03.13.26", &t), -1);
	/* %y reads two digits only: 2026 leaves "26" over */
	CHECK_INT(tf("%d.%m.%y", "07.03.2026", &t), -1);
	/* 29.02.26: 2026 has no leap day; 29.02.24 does */
	CHECK_INT(tf("%d.%m.%y", "29.02.26", &t), -1);
	CHECK_INT(tf("%d.%m.%y", "29.02.24", &t), 0);
	CHECK_INT(t.epoch, D20240229);
}

void test_import_time_format_month_name(void)
{
	struct import_time t;

	/* 7 Mar 2026 = 1772841600 */
	CHECK_INT(tf("%d %b %Y", "7 Mar 2026", &t), 0);
	CHECK_INT(t.epoch, D20260307);
	CHECK_INT(t.month, 3);
	/* the full name, any case */
	CHECK_INT(tf("%d %b %Y", "7 March 2026", &t), 0);
	CHECK_INT(t.epoch, D20260307);
	CHECK_INT(tf("%d %b %Y", "07 MARCH 2026", &t), 0);
	CHECK_INT(t.epoch, D20260307);
	/* December: 2026-12-25 = 2026-01-01 + 358 days (Jan..Nov = 334, + 24)
	 * = 20454 + 358 = 20812 days -> 20812 * 86400 = 1798156800 */
	CHECK_INT(tf("%d %b %Y", "25 Dec 2026", &t), 0);
	CHECK_INT(t.epoch, 1798156800L);
	CHECK_INT(t.month, 12);
	/* not a month */
	CHECK_INT(tf("%d %b %Y", "7 Mrz 2026", &t), -1);
	CHECK_INT(tf("%d %b %Y", "7 Ma 2026", &t), -1);
	CHECK_INT(tf("%d %b %Y", "7 3 2026", &t), -1);
}

void test_import_time_format_serials(void)
{
	struct import_time t;

	/* excel: days since 1899-12-30, serial 25569 = 1970-01-01.
	 * 45658.5: 45658 - 25569 = 20089 days = 2025-01-01, .5 = 12:00;
	 * 1735689600 + 43200 = 1735732800, naive */
	CHECK_INT(tf("excel", "45658.5", &t), 0);
	CHECK_INT(t.epoch, 1735732800L);
	CHECK_INT(t.year, 2025);
	CHECK_INT(t.month, 1);
	CHECK_INT(t.day, 1);
	CHECK_INT(t.zoned, 0);
	/* a whole serial is midnight: 25569 = 0 */
	CHECK_INT(tf("excel", "25569", &t), 0);
	CHECK_INT(t.epoch, 0);
	/* 46088.25: 46088 - 25569 = 20519 days = 2026-03-07, 06:00 = 21600 */
	CHECK_INT(tf("excel", "46088.25", &t), 0);
	CHECK_INT(t.epoch, D20260307 + 21600);
	CHECK_INT(t.month, 3);
	CHECK_INT(t.day, 7);
	/* before 1970, negative, text: refused */
	CHECK_INT(tf("excel", "25568.5", &t), -1);
	CHECK_INT(tf("excel", "-1", &t), -1);
	CHECK_INT(tf("excel", "2026-03-07", &t), -1);

	/* epoch: seconds, a true instant (zoned).  1772917507 =
	 * 2026-03-07 21:05:07Z (see above) */
	CHECK_INT(tf("epoch", "1772917507", &t), 0);
	CHECK_INT(t.epoch, 1772917507L);
	CHECK_INT(t.zoned, 1);
	CHECK_INT(t.year, 2026);
	CHECK_INT(t.month, 3);
	CHECK_INT(t.day, 7);
	/* a fraction is floored */
	CHECK_INT(tf("epoch", "1772917507.9", &t), 0);
	CHECK_INT(t.epoch, 1772917507L);
	/* epoch_ms: 1772917507250 ms = 1772917507.25 s -> 1772917507 */
	CHECK_INT(tf("epoch_ms", "1772917507250", &t), 0);
	CHECK_INT(t.epoch, 1772917507L);
	CHECK_INT(t.zoned, 1);
	CHECK_INT(t.year, 2026);
	CHECK_INT(t.month, 3);
	/* 0 ms is the epoch */
	CHECK_INT(tf("epoch_ms", "0", &t), 0);
	CHECK_INT(t.epoch, 0);
	CHECK_INT(t.year, 1970);
	CHECK_INT(tf("epoch", "-5", &t), -1);
	CHECK_INT(tf("epoch", "12abc", &t), -1);
	CHECK_INT(tf("epoch_ms", "", &t), -1);
}

void test_import_time_parse(void)
{
	struct import_time t;
	char *formats[] = { "%d/%m/%Y %H:%M", "%Y%m%d" };
	struct import_spec s;
	const char *x;

	memset(&s, 0, sizeof s);
	/* no formats: ISO 8601 with Z -> 1772917507, zoned */
	x = "2026-03-07T21:05:07Z";
	CHECK_INT(import_time_parse(&s, x, strlen(x), &t), 0);
	CHECK_INT(t.epoch, 1772917507L);
	CHECK_INT(t.year, 2026);
	CHECK_INT(t.month, 3);
	CHECK_INT(t.day, 7);
	CHECK_INT(t.zoned, 1);
	/* with an offset: 21:05:07+02:00 is 19:05:07Z = 1772917507 - 7200
	 * = 1772910307 */
	x = "2026-03-07T21:05:07+02:00";
	CHECK_INT(import_time_parse(&s, x, strlen(x), &t), 0);
	CHECK_INT(t.epoch, 1772910307L);
	CHECK_INT(t.zoned, 1);
	/* a negative offset: 21:05:07-05:00 is 02:05:07Z next day =
	 * 1772917507 + 18000 = 1772935507 */
	x = "2026-03-07T21:05:07-05:00";
	CHECK_INT(import_time_parse(&s, x, strlen(x), &t), 0);
	CHECK_INT(t.epoch, 1772935507L);
	CHECK_INT(t.zoned, 1);
	CHECK_INT(t.month, 3); /* the date as written */
	CHECK_INT(t.day, 7);
	/* "YYYY-MM-DD HH:MM:SS": naive, as if UTC */
	x = "2026-03-07 21:05:07";
	CHECK_INT(import_time_parse(&s, x, strlen(x), &t), 0);
	CHECK_INT(t.epoch, 1772917507L);
	CHECK_INT(t.zoned, 0);
	CHECK_INT(t.year, 2026);
	CHECK_INT(t.month, 3);
	/* no spec at all: the same */
	CHECK_INT(import_time_parse(NULL, x, strlen(x), &t), 0);
	CHECK_INT(t.epoch, 1772917507L);
	x = "07/03/2026 21:05";
	CHECK_INT(import_time_parse(&s, x, strlen(x), &t), -1);

	/* with formats: tried in order; ISO is no longer read */
	s.formats = formats;
	s.nformats = 2;
	/* 07/03/2026 21:05, day first: 1772841600 + 75900 = 1772917500 */
	CHECK_INT(import_time_parse(&s, x, strlen(x), &t), 0);
	CHECK_INT(t.epoch, 1772917500L);
	CHECK_INT(t.day, 7);
	CHECK_INT(t.month, 3);
	/* the second format: 20260307 */
	x = "20260307";
	CHECK_INT(import_time_parse(&s, x, strlen(x), &t), 0);
	CHECK_INT(t.epoch, D20260307);
	x = "2026-03-07T21:05:07Z";
	CHECK_INT(import_time_parse(&s, x, strlen(x), &t), -1);
}

/* Formats that read day and month both ways: which orders read a value,
 * and what the spec reads once an order is settled. */
void test_import_time_orders(void)
{
	struct import_time t;
	char *formats[] = { "%d/%m/%Y", "%m/%d/%Y", "%Y%m%d", "%d.%m.%Y", "%d %b %Y",
		"excel" };
	struct import_spec s;
	const char *x;

	memset(&s, 0, sizeof s);
	s.formats = formats;
	s.nformats = 6;
	/* twins have an order; "%Y%m%d" and "%d.%m.%Y" have no twin here */
	CHECK_INT(import_format_order(&s, 0), ORDER_DAY_FIRST);
	CHECK_INT(import_format_order(&s, 1), ORDER_MONTH_FIRST);
	CHECK_INT(import_format_order(&s, 2), ORDER_ANY);
	CHECK_INT(import_format_order(&s, 3), ORDER_ANY);
	CHECK_INT(import_format_order(&s, 4), ORDER_ANY); /* a month name */
	CHECK_INT(import_format_order(&s, 5), ORDER_ANY);
	/* 07/03/2026: a day and a month either way */
	x = "07/03/2026";
	CHECK_INT(import_time_orders(&s, x, strlen(x)),
		  (1u << ORDER_DAY_FIRST) | (1u << ORDER_MONTH_FIRST));
	/* 25/03/2026: no month 25, day first only; 03/25/2026 month first only */
	x = "25/03/2026";
	CHECK_INT(import_time_orders(&s, x, strlen(x)), 1u << ORDER_DAY_FIRST);
	x = " 03/25/2026 ";
	CHECK_INT(import_time_orders(&s, x, strlen(x)), 1u << ORDER_MONTH_FIRST);
	x = "31/31/2026";
	CHECK_INT(import_time_orders(&s, x, strlen(x)), 0);
	x = "20260307";
	CHECK_INT(import_time_orders(&s, x, strlen(x)), 1u << ORDER_ANY);
	/* unsettled, the first format wins: 7 March = D20260307 */
	x = "07/03/2026";
	CHECK_INT(import_time_parse(&s, x, strlen(x), &t), 0);
	CHECK_INT(t.epoch, D20260307);
	/* settled month first: the same text is 3 July, 2026-07-03 =
	 * 2026-01-01 + 181 + 2 days = 20454 + 183 = 20637 days = 1783036800;
	 * the format without both still reads */
	import_settle(&s, ORDER_MONTH_FIRST);
	CHECK_INT(import_time_parse(&s, x, strlen(x), &t), 0);
	CHECK_INT(t.epoch, 1783036800L);
	CHECK_INT(t.month, 7);
	x = "25/03/2026";
	CHECK_INT(import_time_parse(&s, x, strlen(x), &t), -1);
	x = "20260307";
	CHECK_INT(import_time_parse(&s, x, strlen(x), &t), 0);
	CHECK_INT(t.epoch, D20260307);
	/* settled day first: two cells read in place by the first day-first
	 * format, not the spec's first */
	import_settle(&s, ORDER_DAY_FIRST);
	x = "07/03/2026";
	CHECK_INT(import_time_parse(&s, x, strlen(x), &t), 0);
	CHECK_INT(t.epoch, D20260307);
}

static int dur(enum import_duration d, const char *text, double *secs)
{
	*secs = -99;
	return import_duration_seconds(d, text, strlen(text), secs);
}

void test_import_duration_seconds(void)
{
	double v;

	CHECK_INT(dur(DUR_SECONDS, "90", &v), 0);
	CHECK_NEAR(v, 90, 1e-9);
	CHECK_INT(dur(DUR_SECONDS, " 1.5 ", &v), 0);
	CHECK_NEAR(v, 1.5, 1e-9);
	CHECK_INT(dur(DUR_SECONDS, "0", &v), 0);
	CHECK_NEAR(v, 0, 1e-9);
	/* DUR_NONE reads seconds too */
	CHECK_INT(dur(DUR_NONE, "42", &v), 0);
	CHECK_NEAR(v, 42, 1e-9);
	/* ms: 1500 / 1000 = 1.5 */
	CHECK_INT(dur(DUR_MS, "1500", &v), 0);
	CHECK_NEAR(v, 1.5, 1e-9);
	/* minutes: 2.5 * 60 = 150 */
	CHECK_INT(dur(DUR_MINUTES, "2.5", &v), 0);
	CHECK_NEAR(v, 150, 1e-9);
	/* hours: 1.25 * 3600 = 4500 */
	CHECK_INT(dur(DUR_HOURS, "1.25", &v), 0);
	CHECK_NEAR(v, 4500, 1e-9);
	/* h:mm:ss: 0:01:05 = 65; 26:03:04 (over 24 hours) = 26*3600 + 3*60
	 * + 4 = 93600 + 180 + 4 = 93784; 1:2:3 = 3600 + 120 + 3 = 3723;
	 * seconds with a fraction 0:01:02.5 = 62.5 */
	CHECK_INT(dur(DUR_HMS, "0:01:05", &v), 0);
	CHECK_NEAR(v, 65, 1e-9);
	CHECK_INT(dur(DUR_HMS, "26:03:04", &v), 0);
	CHECK_NEAR(v, 93784, 1e-9);
	CHECK_INT(dur(DUR_HMS, "1:2:3", &v), 0);
	CHECK_NEAR(v, 3723, 1e-9);
	CHECK_INT(dur(DUR_HMS, "0:01:02.5", &v), 0);
	CHECK_NEAR(v, 62.5, 1e-9);
	/* mm:ss: 1:05 = 65; 75:30 (minutes over 59) = 4500 + 30 = 4530 */
	CHECK_INT(dur(DUR_MMSS, "1:05", &v), 0);
	CHECK_NEAR(v, 65, 1e-9);
	CHECK_INT(dur(DUR_MMSS, "75:30", &v), 0);
	CHECK_NEAR(v, 4530, 1e-9);
	/* excel: a fraction of a day: 0.5 * 86400 = 43200; 0.25 = 21600;
	 * 1.5 = 129600 */
	CHECK_INT(dur(DUR_EXCEL, "0.5", &v), 0);
	CHECK_NEAR(v, 43200, 1e-6);
	CHECK_INT(dur(DUR_EXCEL, "0.25", &v), 0);
	CHECK_NEAR(v, 21600, 1e-6);
	CHECK_INT(dur(DUR_EXCEL, "1.5", &v), 0);
	CHECK_NEAR(v, 129600, 1e-6);

	/* refusals: negative, minutes or seconds of 60 or more, the wrong
	 * number of parts, a fraction of a minute, text, empty */
	CHECK_INT(dur(DUR_SECONDS, "-5", &v), -1);
	CHECK_INT(dur(DUR_MS, "-1", &v), -1);
	CHECK_INT(dur(DUR_MINUTES, "abc", &v), -1);
	CHECK_INT(dur(DUR_SECONDS, "12s", &v), -1);
	CHECK_INT(dur(DUR_SECONDS, "", &v), -1);
	CHECK_INT(dur(DUR_SECONDS, ".", &v), -1);
	CHECK_INT(dur(DUR_HMS, "1:70:00", &v), -1);
	CHECK_INT(dur(DUR_HMS, "1:00:60", &v), -1);
	CHECK_INT(dur(DUR_HMS, "-1:00:00", &v), -1);
	CHECK_INT(dur(DUR_HMS, "1:05", &v), -1);
	CHECK_INT(dur(DUR_HMS, "1:00:00:00", &v), -1);
	CHECK_INT(dur(DUR_HMS, "1:0.5:00", &v), -1);
	CHECK_INT(dur(DUR_HMS, "a:bb:cc", &v), -1);
	CHECK_INT(dur(DUR_HMS, "1::00", &v), -1);
	CHECK_INT(dur(DUR_MMSS, "1:00:00", &v), -1);
	CHECK_INT(dur(DUR_MMSS, "5:60", &v), -1);
	CHECK_INT(dur(DUR_MMSS, "90", &v), -1);
	CHECK_INT(dur(DUR_EXCEL, "-0.5", &v), -1);
	CHECK_INT(dur(DUR_EXCEL, "0:30", &v), -1);
}

void test_import_map(void)
{
	struct import_value yn[] = { { "Y", 0, 0 }, { "N", 1, 0 }, { "n/a", 0, 1 } };
	struct import_spec s;
	double v;
	int is_null;

	memset(&s, 0, sizeof s);
	/* no map at all: 0 (the caller reads the text itself) */
	CHECK_INT(import_map(&s, "Y", 1, &v, &is_null), 0);

	s.values = yn;
	s.nvalues = 3;
	/* listed, any case, trimmed */
	v = -1, is_null = -1;
	CHECK_INT(import_map(&s, "Y", 1, &v, &is_null), 1);
	CHECK_NEAR(v, 0, 0);
	CHECK_INT(is_null, 0);
	v = -1, is_null = -1;
	CHECK_INT(import_map(&s, " n ", 3, &v, &is_null), 1);
	CHECK_NEAR(v, 1, 0);
	CHECK_INT(is_null, 0);
	v = -1, is_null = -1;
	CHECK_INT(import_map(&s, "\ty", 2, &v, &is_null), 1);
	CHECK_NEAR(v, 0, 0);
	/* mapped to null */
	is_null = -1;
	CHECK_INT(import_map(&s, "N/A", 3, &v, &is_null), 1);
	CHECK_INT(is_null, 1);
	/* only the given length counts: "Yes" cut to "Y" */
	CHECK_INT(import_map(&s, "Yes", 1, &v, &is_null), 1);
	/* not listed, no otherwise: -1 */
	CHECK_INT(import_map(&s, "Yes", 3, &v, &is_null), -1);
	CHECK_INT(import_map(&s, "", 0, &v, &is_null), -1);

	/* otherwise: a number */
	s.has_otherwise = 1;
	s.otherwise.value = 7;
	s.otherwise.is_null = 0;
	v = -1, is_null = -1;
	CHECK_INT(import_map(&s, "Maybe", 5, &v, &is_null), 1);
	CHECK_NEAR(v, 7, 0);
	CHECK_INT(is_null, 0);
	/* a listed value still wins */
	CHECK_INT(import_map(&s, "n", 1, &v, &is_null), 1);
	CHECK_NEAR(v, 1, 0);
	/* otherwise null: a missing value */
	s.otherwise.value = 0;
	s.otherwise.is_null = 1;
	is_null = -1;
	CHECK_INT(import_map(&s, "Maybe", 5, &v, &is_null), 1);
	CHECK_INT(is_null, 1);

	/* otherwise alone, no values: everything maps */
	s.values = NULL;
	s.nvalues = 0;
	s.otherwise.value = 3;
	s.otherwise.is_null = 0;
	CHECK_INT(import_map(&s, "anything", 8, &v, &is_null), 1);
	CHECK_NEAR(v, 3, 0);
}

void test_import_is_missing(void)
{
	char *pm[] = { "N/A", "-" };
	char *sm[] = { "0" };
	struct import_profile p;
	struct import_spec s;

	memset(&p, 0, sizeof p);
	memset(&s, 0, sizeof s);
	/* empty (or blanks) is always missing, even with no markers */
	CHECK_INT(import_is_missing(&p, &s, "", 0), 1);
	CHECK_INT(import_is_missing(&p, &s, "  \t", 3), 1);
	CHECK_INT(import_is_missing(NULL, NULL, "", 0), 1);
	CHECK_INT(import_is_missing(&p, &s, "N/A", 3), 0);

	p.missing = pm;
	p.nmissing = 2;
	s.missing = sm;
	s.nmissing = 1;
	/* the profile's markers, any case, trimmed */
	CHECK_INT(import_is_missing(&p, &s, "N/A", 3), 1);
	CHECK_INT(import_is_missing(&p, &s, " n/a ", 5), 1);
	CHECK_INT(import_is_missing(&p, NULL, "-", 1), 1);
	/* the field's own marker */
	CHECK_INT(import_is_missing(&p, &s, "0", 1), 1);
	CHECK_INT(import_is_missing(NULL, &s, " 0", 2), 1);
	/* ... for that field only */
	CHECK_INT(import_is_missing(&p, NULL, "0", 1), 0);
	/* values, not markers */
	CHECK_INT(import_is_missing(&p, &s, "5", 1), 0);
	CHECK_INT(import_is_missing(&p, &s, "00", 2), 0);
	CHECK_INT(import_is_missing(&p, &s, "--", 2), 0);
	CHECK_INT(import_is_missing(&p, &s, "N/A!", 4), 0);
}
