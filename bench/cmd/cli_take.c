/* cli_take: the functions that check an option's value and take it
 * (CLI_OPT_CALL), shared by the commands' tables. */
#include "cmd/cli.h"
#include "base/msg.h"
#include "core/company.h"
#include "core/period.h"
#include <stdlib.h>
#include <string.h>

static const char *const format_names[] = { "table", "json", "csv" };

int cli_take_format(const char *cmd, const struct cli_option *opt, const char *arg,
		    void *field)
{
	unsigned allowed = (unsigned)opt->limit;
	size_t i;

	for (i = 0; i < 3; i++) {
		if ((allowed & (1u << i)) && strcmp(arg, format_names[i]) == 0) {
			*(enum format *)field = (enum format)(1u << i);
			return CX_OK;
		}
	}
	return cli_usage_error(cmd, "--format: '%s' is not %s", arg,
			       allowed == (FMT_TABLE | FMT_JSON) ? "table or json" :
			       "table, json or csv");
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
