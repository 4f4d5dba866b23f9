/* cmd_metrics: `cxbench metrics`: the metric catalog, as a table or JSON. */
#include "cmds.h"
#include "cli.h"
#include "context.h"
#include "msg.h"
#include "out_json.h"
#include "out_table.h"
#include <getopt.h>
#include <stdio.h>

static const char usage[] =
	"usage: cxbench metrics [--format table|json] [--catalog FILE]\n"
	"List the metric catalog: dimensions and their weights, and for each\n"
	"metric its kind, direction, scoring range (worst..best) and unit.\n";

int cmd_metrics(int argc, char **argv)
{
	static const struct option longs[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "catalog", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 } };
	struct context ctx = { 0 };
	enum format format = FMT_TABLE;
	int c, rc;

	while ((c = getopt_long(argc, argv, "h", longs, NULL)) != -1) {
		if (c == 'f' && cli_format("metrics", optarg, FMT_TABLE | FMT_JSON, &format))
			return CX_EUSAGE;
		else if (c == 'c')
			ctx.catalog_path = optarg;
		else if (c == 'h')
			return fputs(usage, stdout), cli_flush();
		else if (c == '?')
			return cli_usage_error("metrics", "unknown option");
	}
	if (optind != argc)
		return cli_usage_error("metrics", "unexpected argument '%s'", argv[optind]);
	rc = context_load(&ctx, 0);
	if (rc == CX_OK && format == FMT_JSON)
		json_print(stdout, catalog_json_new(ctx.cat));
	else if (rc == CX_OK)
		catalog_table(stdout, ctx.cat);
	context_release(&ctx);
	return rc != CX_OK ? rc : cli_flush();
}
