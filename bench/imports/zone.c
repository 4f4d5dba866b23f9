/* zone: a time read from a cell, placed in the profile's time zone.  The
 * zone comes from TZ (the reader sets it to the profile's `timezone` and
 * calls tzset() once, before any thread starts), so mktime and
 * localtime_r do the zone arithmetic the C library knows. */
#include "imports/import.h"
#include <time.h>

/* The zone's offset at a naive (wall-clock) time: from mktime, once per
 * hour of wall-clock time and thread, as records come in time order more
 * often than not. */
static int64_t zone_offset(int64_t naive)
{
	static _Thread_local int64_t hour = -1, offset;
	struct tm tm;
	time_t t = (time_t)(naive / 3600 * 3600);

	if (naive / 3600 == hour)
		return offset;
	gmtime_r(&t, &tm);
	tm.tm_isdst = -1;
	offset = (int64_t)t - (int64_t)mktime(&tm);
	hour = naive / 3600;
	return offset;
}

/* A zoned time belongs to the date it has in the profile's zone. */
static void local_date(struct import_time *t)
{
	time_t e = (time_t)t->epoch;
	struct tm tm;

	localtime_r(&e, &tm);
	t->year = tm.tm_year + 1900;
	t->month = tm.tm_mon + 1;
	t->day = tm.tm_mday;
}

int import_time_zoned(const struct import_profile *p, struct import_time *t)
{
	if (p->timezone && !t->zoned)
		t->epoch -= zone_offset(t->epoch);
	else if (p->timezone)
		local_date(t);
	return t->epoch < 0 ? -1 : 0;
}
