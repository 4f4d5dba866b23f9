/* today.c: SOURCE_DATE_EPOCH sets the date a run takes as today; a value
 * that is not a number of seconds is refused. */
#include "check.h"
#include "base/msg.h"
#include "base/today.h"
#include <stdlib.h>
#include <string.h>

void test_today_source_date_epoch(void)
{
	const char *old = getenv("SOURCE_DATE_EPOCH");
	char *saved = old ? strdup(old) : NULL;
	struct tm tm;

	memset(&tm, 0, sizeof tm);
	setenv("SOURCE_DATE_EPOCH", "1790812800", 1); /* 2026-10-01 00:00:00 UTC */
	CHECK_INT(today_utc(&tm), CX_OK);
	CHECK_INT(tm.tm_year + 1900, 2026);
	CHECK_INT(tm.tm_mon + 1, 10);
	CHECK_INT(tm.tm_mday, 1);
	setenv("SOURCE_DATE_EPOCH", "1790812799", 1); /* a second earlier */
	CHECK_INT(today_utc(&tm), CX_OK);
	CHECK_INT(tm.tm_mon + 1, 9);
	CHECK_INT(tm.tm_mday, 30);
	quiet_begin();
	setenv("SOURCE_DATE_EPOCH", "yesterday", 1);
	CHECK_INT(today_utc(&tm), CX_EUSAGE);
	setenv("SOURCE_DATE_EPOCH", "-1", 1);
	CHECK_INT(today_utc(&tm), CX_EUSAGE);
	quiet_end();
	setenv("SOURCE_DATE_EPOCH", "", 1); /* empty: the clock's */
	CHECK_INT(today_utc(&tm), CX_OK);
	CHECK(tm.tm_year + 1900 >= 2024);
	if (saved)
		setenv("SOURCE_DATE_EPOCH", saved, 1);
	else
		unsetenv("SOURCE_DATE_EPOCH");
	free(saved);
}
