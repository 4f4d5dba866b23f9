/* cmd_compare: `cxbench compare`: one period of a company against the
 * selected references, as a table, JSON or CSV. */
#include "cmd/cmds.h"
#include "core/company.h"
#include "core/context.h"
#include "core/gap.h"
#include "load/history.h"
#include "base/msg.h"
#include "out/out_csv.h"
#include "out/out_json.h"
#include "out/out_table.h"
#include <stdio.h>
#include <stdlib.h>

struct compare_args {
	const char *against, *period;
	enum format format;
	struct cli_refs refs;
};

static const struct cli_option options[] = {
	CLI_OPT_AGAINST(struct compare_args, against),
	CLI_OPT_STRING("period", "P", "the period to compare (default: the latest)",
		       struct compare_args, period),
	CLI_OPT_FORMAT("table (default), json or csv", struct compare_args, format,
		       FMT_TABLE | FMT_JSON | FMT_CSV),
	CLI_OPT_REFERENCES(struct compare_args),
	CLI_OPT_GROUP(cli_net_options),
	CLI_OPT_END
};

static int render(const struct gap_report *r, enum format format)
{
	if (format == FMT_JSON)
		return json_write(gap_json_new(r), NULL);
	if (format == FMT_CSV)
		gap_csv(stdout, r);
	else
		gap_table(stdout, r, use_color(stdout));
	return CX_OK; /* cli_done() checks stdout */
}

static int run(int argc, char **argv)
{
	struct compare_args a = { .format = FMT_TABLE };
	struct cli_operands ops = { 0 };
	struct context ctx = { 0 };
	struct selection sel = { 0 };
	struct company *company = NULL;
	struct gap_report *report = NULL;
	size_t period = 0;
	int rc = cli_parse(&command_compare, argc, argv, &a, &ops);

	if (rc == CX_OK && ops.n == 0)
		rc = cli_usage_error("compare", "expected a COMPANY file");
	if (rc != CX_OK)
		goto out;
	cli_refs_apply(&a.refs, &ctx);
	rc = context_load(&ctx, 1);
	if (rc == CX_OK)
		rc = history_load(ctx.cat, ops.v, ops.n, &company);
	if (rc == CX_OK)
		rc = selection_parse(&ctx, a.against, company->industry, &sel);
	if (rc == CX_OK)
		rc = history_pick(company, a.period, &period);
	if (rc != CX_OK)
		goto out;
	report = gap_compute(ctx.cat, company, period, sel.refs, sel.n, sel.frontier);
	rc = render(report, a.format);
out:
	gap_free(report);
	company_free(company);
	selection_release(&sel);
	context_release(&ctx);
	return cli_done(&command_compare, &a, &ops, rc);
}

const struct command command_compare = {
	"compare", run, "compare a company with reference brands and the frontier",
	"usage: cxbench compare COMPANY... [options]\n"
	"Compare a company's metrics (a JSON, CSV or XML file, a directory of period\n"
	"files, or - for stdin; several are merged as `trend` merges them) with\n"
	"reference brand profiles and the frontier (the best of them).\n\n",
	NULL, options, sizeof(struct compare_args), .operands = CLI_VALUE_FILE
};
