/* cmd_metrics: `cxbench metrics`: the metric catalog, as a table or JSON. */
#include "cmd/cmds.h"
#include "core/context.h"
#include "base/msg.h"
#include "out/out_json.h"
#include "out/out_table.h"
#include <stdio.h>
#include <stdlib.h>

struct metrics_args {
	enum format format;
	struct cli_refs refs;
};

static const struct cli_option options[] = {
	CLI_OPT_FORMAT("table (default) or json", struct metrics_args, format,
		       FMT_TABLE | FMT_JSON),
	CLI_OPT_CATALOG(struct metrics_args),
	CLI_OPT_GROUP(cli_net_options),
	CLI_OPT_END
};

static int run(int argc, char **argv)
{
	struct metrics_args a = { .format = FMT_TABLE };
	struct cli_operands ops = { 0 };
	struct context ctx = { 0 };
	int rc = cli_parse(&command_metrics, argc, argv, &a, &ops);

	if (rc == CX_OK && ops.n != 0)
		rc = cli_usage_error("metrics", "unexpected argument '%s'", ops.v[0]);
	cli_refs_apply(&a.refs, &ctx);
	if (rc == CX_OK)
		rc = context_load(&ctx, 0);
	if (rc == CX_OK && a.format == FMT_JSON)
		rc = json_write(catalog_json_new(ctx.cat), NULL);
	else if (rc == CX_OK)
		catalog_table(stdout, ctx.cat);
	context_release(&ctx);
	return cli_done(&command_metrics, &a, &ops, rc);
}

const struct command command_metrics = {
	"metrics", run, "list the metric catalog",
	"usage: cxbench metrics [--format table|json] [--catalog FILE]\n"
	"List the metric catalog: dimensions and their weights, and for each\n"
	"metric its kind, direction, scoring range (worst..best) and unit.\n\n",
	NULL, options, sizeof(struct metrics_args), .operands = CLI_VALUE_TEXT
};
