#include "cli.h"
#include "msg.h"
#include <errno.h>
#include <stdarg.h>
#include <string.h>

static const char *const format_names[] = { "table", "json", "csv" };

int cli_format(const char *cmd, const char *arg, unsigned allowed, enum format *out)
{
	size_t i;
	for (i = 0; i < 3; i++) {
		if ((allowed & (1u << i)) && strcmp(arg, format_names[i]) == 0) {
			*out = (enum format)(1u << i);
			return 0;
		}
	}
	return cli_usage_error(cmd, "--format: '%s' is not one of %s%s%s", arg,
			       allowed & FMT_TABLE ? "table " : "",
			       allowed & FMT_JSON ? "json " : "",
			       allowed & FMT_CSV ? "csv" : "");
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "cxbench: %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, " (see 'cxbench %s -h')\n", cmd);
	return CX_EUSAGE;
}

int cli_flush(void)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		msg_error("cannot write the output: %s", strerror(errno));
		return CX_EIO;
	}
	return CX_OK;
}
