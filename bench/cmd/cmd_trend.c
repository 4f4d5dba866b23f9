/* cmd_trend: `cxbench trend`: a company's history, merged from one or more
 * files or directories, with changes, velocity and projected catch-up
 * against each reference. */
#include "cmd/cmds.h"
#include "core/context.h"
#include "load/history.h"
#include "base/msg.h"
#include "out/out_json.h"
#include "out/out_table.h"
#include "out/out_trend.h"
#include "core/trend.h"
#include <stdio.h>
#include <stdlib.h>

struct trend_args {
	const char *against, *since, *until;
	enum format format;
	struct cli_refs refs;
};

static const struct cli_option options[] = {
	CLI_OPT_AGAINST(struct trend_args, against),
	CLI_OPT_STRING("since", "P", "leave out periods before P", struct trend_args, since),
	CLI_OPT_STRING("until", "P", "leave out periods after P", struct trend_args, until),
	CLI_OPT_FORMAT("table (default), json or csv", struct trend_args, format,
		       FMT_TABLE | FMT_JSON | FMT_CSV),
	CLI_OPT_REFERENCES(struct trend_args),
	CLI_OPT_GROUP(cli_net_options),
	CLI_OPT_END
};

static int render(const struct trend *t, enum format format)
{
	if (format == FMT_JSON)
		return json_write(trend_json_new(t), NULL);
	if (format == FMT_CSV)
		trend_csv(stdout, t);
	else
		trend_table(stdout, t, use_color(stdout));
	return CX_OK; /* cli_done() checks stdout */
}

static int run(int argc, char **argv)
{
	struct trend_args a = { .format = FMT_TABLE };
	struct cli_operands ops = { 0 };
	struct context ctx = { 0 };
	struct selection sel = { 0 };
	struct company *company = NULL;
	struct trend *t = NULL;
	int rc = cli_parse(&command_trend, argc, argv, &a, &ops);

	if (rc == CX_OK && ops.n == 0)
		rc = cli_usage_error("trend", "expected at least one COMPANY file");
	cli_refs_apply(&a.refs, &ctx);
	if (rc == CX_OK)
		rc = context_load(&ctx, 1);
	if (rc == CX_OK)
		rc = history_load(ctx.cat, ops.v, ops.n, &company);
	if (rc == CX_OK)
		rc = selection_parse(&ctx, a.against, company->industry, &sel);
	if (rc == CX_OK)
		rc = history_window(company, a.since, a.until);
	if (rc == CX_OK) {
		t = trend_compute(ctx.cat, company, company->nperiods, sel.refs, sel.n,
				  sel.frontier);
		rc = render(t, a.format);
	}
	trend_free(t);
	company_free(company);
	selection_release(&sel);
	context_release(&ctx);
	return cli_done(&command_trend, &a, &ops, rc);
}

const struct command command_trend = {
	"trend", run, "follow a company's progress period by period",
	"usage: cxbench trend COMPANY... [options]\n"
	"Follow a company period by period: the files (or directories of files)\n"
	"are merged into one timeline; for every metric, dimension and the\n"
	"overall index it shows the change, its significance, the velocity and\n"
	"when, at that pace, the company reaches each reference.\n\n",
	NULL, options, sizeof(struct trend_args), .operands = CLI_VALUE_FILE
};
