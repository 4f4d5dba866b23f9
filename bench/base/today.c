#include "base/today.h"
#include "base/msg.h"
#include <errno.h>
#include <stdlib.h>

int today_utc(struct tm *out)
{
	const char *env = getenv("SOURCE_DATE_EPOCH");
	char *end = NULL;
	long long secs = 0;
	time_t t;

	if (env && *env) {
		errno = 0;
		secs = strtoll(env, &end, 10);
		if (*end || errno || secs < 0 || secs > 253402300799LL) { /* 9999-12-31 */
			msg_error("SOURCE_DATE_EPOCH must be a number of seconds since "
				  "1970-01-01 (got '%.40s')", env);
			return CX_EUSAGE;
		}
	}
	t = env && *env ? (time_t)secs : time(NULL);
	if (!gmtime_r(&t, out)) {
		msg_error("cannot tell today's date");
		return CX_EUSAGE;
	}
	return CX_OK;
}
