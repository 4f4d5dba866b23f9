/* cli_take: the functions that check an option's value and take it
 * (CLI_OPT_CALL), shared by the commands' tables. */
#include "cmd/cli.h"
#include "base/msg.h"
#include "core/company.h"
#include "core/period.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const format_names[] = { "table", "json", "csv" };
#define NFORMATS (sizeof format_names / sizeof *format_names)

/* The names in the mask, in order, joined by `sep`, the last by `last`. */
static const char *format_join(unsigned formats, const char *sep, const char *last,
			       char *buf, size_t size)
{
	size_t i, n = 0, total = 0, len = 0;

	for (i = 0; i < NFORMATS; i++)
		total += (formats >> i) & 1u;
	buf[0] = '\0';
	for (i = 0; i < NFORMATS; i++) {
		if (!((formats >> i) & 1u))
			continue;
		n++;
		len += (size_t)snprintf(buf + len, len < size ? size - len : 0, "%s%s",
					n == 1 ? "" : n == total ? last : sep, format_names[i]);
		if (len >= size) /* too small: cut, still terminated */
			break;
	}
	return buf;
}

const char *cli_format_words(unsigned formats, char *buf, size_t size)
{
	return format_join(formats, " ", " ", buf, size);
}

const char *cli_format_list(unsigned formats, char *buf, size_t size)
{
	return format_join(formats, ", ", " or ", buf, size);
}

int cli_take_format(const char *cmd, const struct cli_option *opt, const char *arg,
		    void *field)
{
	unsigned allowed = (unsigned)opt->limit;
	char list[64];
	size_t i;

	for (i = 0; i < NFORMATS; i++) {
		if ((allowed & (1u << i)) && strcmp(arg, format_names[i]) == 0) {
			*(enum format *)field = (enum format)(1u << i);
			return CX_OK;
		}
	}
	return cli_usage_error(cmd, "--format: '%s' is not %s", arg,
			       cli_format_list(allowed, list, sizeof list));
}

int cli_take_company(const char *cmd, const struct cli_option *opt, const char *arg,
		     void *field)
{
	char why[80];

	if (company_name_check(arg, why, sizeof why) < 0)
		return cli_usage_error(cmd, "--%s: %s", opt->name, why);
	*(const char **)field = arg;
	return CX_OK;
}

int cli_take_period(const char *cmd, const struct cli_option *opt, const char *arg,
		    void *field)
{
	struct period p;

	if (period_parse(arg, &p) < 0)
		return cli_usage_error(cmd, "--%s: '%s' is not a period", opt->name, arg);
	*(const char **)field = arg;
	return CX_OK;
}

int cli_take_positive(const char *cmd, const struct cli_option *opt, const char *arg,
		      void *field)
{
	char *end = NULL;
	double v = strtod(arg, &end);

	if (!*arg || *end || !(v > 0) || v > opt->limit)
		return cli_usage_error(cmd, "--%s: '%s' is not a number above 0",
				       opt->name, arg);
	*(double *)field = v;
	return CX_OK;
}

int cli_take_by(const char *cmd, const struct cli_option *opt, const char *arg,
		void *field)
{
	if (strcmp(arg, "quarter") != 0 && strcmp(arg, "month") != 0)
		return cli_usage_error(cmd, "--%s: '%s' is not quarter or month", opt->name, arg);
	*(const char **)field = arg;
	return CX_OK;
}
