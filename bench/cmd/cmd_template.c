/* cmd_template: `cxbench template`: a company file ready to fill in, as
 * CSV (a spreadsheet) or JSON (out/template.h). */
#include "cmd/cmds.h"
#include "base/atomic.h"
#include "base/mem.h"
#include "base/msg.h"
#include "base/today.h"
#include "core/context.h"
#include "core/period.h"
#include "io/input.h"
#include "out/out_json.h"
#include "out/template.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#define DEFAULT_COMPANY "Your company"

struct template_args {
	const char *company, *period, *dimensions, *output;
	enum format format;
	struct cli_refs refs;
};

#define ARGS struct template_args
static const struct cli_option options[] = {
	CLI_OPT_COMPANY("the company's name (default: " DEFAULT_COMPANY ")", ARGS, company),
	CLI_OPT_CALL("period", "P", "the period the values are for (default: the current\n"
		     "quarter, that of SOURCE_DATE_EPOCH when set)", ARGS, period,
		     cli_take_period, 0),
	CLI_OPT_FORMAT("csv or json (default: json when -o names a .json\nfile, "
		       "else csv)", ARGS, format, FMT_CSV | FMT_JSON),
	CLI_OPT_STRING_AS("dimensions", "LIST", "only the metrics of these dimensions, "
			  "comma-separated\n(ids: see 'cxbench metrics')", ARGS, dimensions,
			  CLI_VALUE_DIMENSIONS, NULL),
	CLI_OPT_OUTPUT("write here instead of stdout (never over a file\nthat exists)",
		       ARGS, output),
	CLI_OPT_CATALOG(ARGS),
	CLI_OPT_GROUP(cli_net_options),
	CLI_OPT_END
};
#undef ARGS

/* The format asked for, or the one -o's name says; CX_EUSAGE when they
 * disagree (the loaders read a file by its extension). */
static int pick_format(struct template_args *a)
{
	const char *ext = a->output ? input_ext(a->output) : "";
	enum format named = strcasecmp(ext, "json") == 0 ? FMT_JSON :
			    strcasecmp(ext, "csv") == 0 ? FMT_CSV : 0;

	if (!a->format)
		a->format = named ? named : FMT_CSV;
	if (named && named != a->format)
		return cli_usage_error("template", "-o '%s' is a .%s file, but --format "
				       "is %s", a->output, ext,
				       a->format == FMT_JSON ? "json" : "csv");
	return CX_OK;
}

/* A template is filled in by hand: it never replaces a file. */
static int check_new(const char *path)
{
	struct stat st;

	if (!path || lstat(path, &st) != 0)
		return CX_OK;
	msg_at(path, 0, "exists, and a template never replaces a file (remove it, "
	       "or choose another name)");
	return CX_EUSAGE;
}

/* The period the template is for: --period's, or today's quarter. */
static int pick_period(const char *given, char *label)
{
	struct period p;
	struct tm tm;
	int rc;

	if (given) {
		period_parse(given, &p); /* checked by cli_take_period */
		period_format(p, label);
		return CX_OK;
	}
	rc = today_utc(&tm);
	if (rc == CX_OK)
		period_format(period_of_month(GRAN_QUARTER, tm.tm_year + 1900,
					      tm.tm_mon + 1), label);
	return rc;
}

static int write_csv(const struct template_spec *t, const char *path)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	int rc;

	if (!f) {
		msg_error("cannot write the template: %s", strerror(errno));
		return CX_EIO;
	}
	template_csv(f, t);
	if (fclose(f) != 0) {
		msg_error("cannot write the template: %s", strerror(errno));
		free(text);
		return CX_EIO;
	}
	rc = output_write(path, text, len);
	free(text);
	return rc;
}

static int run(int argc, char **argv)
{
	struct template_args a = { 0 };
	struct cli_operands ops = { 0 };
	struct context ctx = { 0 };
	struct template_spec t = { 0 };
	unsigned char *dims = NULL;
	char period[16];
	int rc = cli_parse(&command_template, argc, argv, &a, &ops);

	if (rc == CX_OK && ops.n != 0)
		rc = cli_usage_error("template", "unexpected argument '%s'", ops.v[0]);
	if (rc == CX_OK)
		rc = pick_format(&a);
	if (rc == CX_OK)
		rc = check_new(a.output);
	if (rc == CX_OK)
		rc = pick_period(a.period, period);
	cli_refs_apply(&a.refs, &ctx);
	if (rc == CX_OK)
		rc = context_load(&ctx, 0);
	if (rc == CX_OK && a.dimensions) {
		dims = xcalloc(ctx.cat->ndims, 1);
		rc = template_dimensions(ctx.cat, a.dimensions, dims);
	}
	if (rc != CX_OK)
		goto out;
	t.cat = ctx.cat;
	t.company = a.company ? a.company : DEFAULT_COMPANY;
	t.period = period;
	t.dims = dims;
	if (a.format == FMT_JSON)
		rc = json_write(template_json_new(&t), a.output);
	else
		rc = write_csv(&t, a.output);
out:
	free(dims);
	context_release(&ctx);
	return cli_done(&command_template, &a, &ops, rc);
}

const struct command command_template = {
	"template", run, "write a company file to fill in, one row per metric",
	"usage: cxbench template [--company NAME] [--period P] [--format csv|json]\n"
	"                        [--dimensions LIST] [-o FILE]\n"
	"Write a company file ready to fill in: one row per catalog metric (or per\n"
	"metric of --dimensions) with the value and n empty and, beside them, the\n"
	"metric's name, unit, direction, definition and how it is usually\n"
	"measured, which compare ignores.  Fill in the values you have and leave\n"
	"the rest empty: an empty row is a metric not reported.\n\n",
	NULL, options, sizeof(struct template_args), .operands = CLI_VALUE_TEXT
};
