/* today: the date a run takes as today (the report's date, a template's
 * period): SOURCE_DATE_EPOCH's when it is set (seconds since 1970, UTC),
 * so that an output can be reproduced, else the clock's. */
#ifndef CX_TODAY_H
#define CX_TODAY_H
#include <time.h>

/* Today in UTC: CX_OK with *out set, or CX_EUSAGE after a message (a
 * SOURCE_DATE_EPOCH that is not a number of seconds). */
int today_utc(struct tm *out);
#endif
