/* cmd_metrics: `cxbench metrics`: the metric catalog, as a table or JSON. */
#include "cmd/cmds.h"
#include "cmd/cli.h"
#include "core/context.h"
#include "base/msg.h"
#include "out/out_json.h"
#include "out/out_table.h"
#include <stdio.h>
#include <unistd.h>

static const char usage[] =
	"usage: cxbench metrics [--format table|json] [--catalog FILE]\n"
	"List the metric catalog: dimensions and their weights, and for each\n"
	"metric its kind, direction, scoring range (worst..best) and unit.\n\n"
	CLI_NET_HELP;

int cmd_metrics(int argc, char **argv)
{
	struct cli_opts o = { 0 };
	struct context ctx = { 0 };
	int rc = cli_parse("metrics", usage, argc, argv, OPT_FORMAT | OPT_CATALOG,
			   FMT_TABLE | FMT_JSON, &o, &ctx);

	if (rc != CX_OK)
		return rc < 0 ? cli_flush() : rc;
	if (optind != argc)
		return cli_usage_error("metrics", "unexpected argument '%s'", argv[optind]);
	rc = context_load(&ctx, 0);
	if (rc == CX_OK && o.format == FMT_JSON)
		rc = json_write(catalog_json_new(ctx.cat), NULL);
	else if (rc == CX_OK)
		catalog_table(stdout, ctx.cat);
	context_release(&ctx);
	return rc != CX_OK ? rc : cli_flush();
}
