/* timestamp: the times in contact records: ISO 8601 with "Z" or an offset
 * ("2026-03-31T23:30:00-05:00", fractions of a second allowed) and
 * "YYYY-MM-DD HH:MM:SS" (taken as UTC).  Small and allocation-free: it runs
 * once per record. */
#ifndef CX_TIMESTAMP_H
#define CX_TIMESTAMP_H
#include <stddef.h>
#include <stdint.h>

struct timestamp {
	int64_t epoch;   /* seconds since 1970-01-01T00:00:00Z */
	int year, month; /* the calendar date as written (local to its offset) */
};

/* Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar. */
int64_t days_from_civil(int y, int m, int d);
/* 0 on success; -1 when s[0..len) is not such a timestamp. */
int timestamp_parse(const char *s, size_t len, struct timestamp *t);
#endif
