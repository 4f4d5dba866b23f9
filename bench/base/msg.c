#include "base/msg.h"
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>

/* Problems in inputs (msg_at) beyond the first MSG_SHOWN are counted, not
 * printed, and msg_summary() gives their number: a file with 100,000 bad
 * rows makes a screenful of messages, not 100,000 lines.  Atomic: the
 * readers of aggregate run in threads. */
#define MSG_SHOWN 20
static atomic_ulong shown, hidden;

static void vprint(const char *prefix, const char *file, long line,
		   const char *fmt, va_list ap)
{
	fputs("cxbench: ", stderr);
	fputs(prefix, stderr);
	if (file && line > 0)
		fprintf(stderr, "%s:%ld: ", file, line);
	else if (file)
		fprintf(stderr, "%s: ", file);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void msg_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vprint("", NULL, 0, fmt, ap);
	va_end(ap);
}

void msg_at(const char *file, long line, const char *fmt, ...)
{
	va_list ap;

	if (atomic_fetch_add(&shown, 1) >= MSG_SHOWN) {
		atomic_fetch_add(&hidden, 1);
		return;
	}
	va_start(ap, fmt);
	vprint("", file, line, fmt, ap);
	va_end(ap);
}

void msg_warn(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vprint("warning: ", NULL, 0, fmt, ap);
	va_end(ap);
}

void msg_note(const char *file, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vprint("", file, 0, fmt, ap);
	va_end(ap);
}

void msg_summary(void)
{
	unsigned long n = atomic_exchange(&hidden, 0);

	atomic_store(&shown, 0);
	if (n > 0)
		fprintf(stderr, "cxbench: ... and %lu more problem%s (the first %d are "
			"shown)\n", n, n == 1 ? "" : "s", MSG_SHOWN);
}
