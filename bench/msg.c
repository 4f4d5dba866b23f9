#include "msg.h"
#include <stdarg.h>
#include <stdio.h>

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
