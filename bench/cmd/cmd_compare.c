/* cmd_compare: `cxbench compare`: one period of a company against the
 * selected references, as a table, JSON or CSV. */
#include "cmd/cmds.h"
#include "cmd/cli.h"
#include "core/company.h"
#include "core/context.h"
#include "core/gap.h"
#include "load/history.h"
#include "base/msg.h"
#include "out/out_csv.h"
#include "out/out_json.h"
#include "out/out_table.h"
#include <stdio.h>
#include <unistd.h>
#include <string.h>

static const char usage[] =
	"usage: cxbench compare COMPANY... [options]\n"
	"Compare a company's metrics (a JSON, CSV or XML file, a directory of period\n"
	"files, or - for stdin; several are merged as `trend` merges them) with\n"
	"reference brand profiles and the frontier (the best of them).\n\n"
	"  --against LIST    profile ids, 'all' and 'frontier', comma-separated\n"
	"                    (default: all,frontier)\n"
	"  --period P        the period to compare (default: the latest)\n"
	"  --format F        table (default), json or csv\n"
	"  --profile FILE    an extra reference profile (repeatable)\n"
	"  --catalog FILE    a metric catalog other than the bundled one\n"
	CLI_NET_HELP
	"  -h, --help        this help\n";

static int render(const struct gap_report *r, enum format format)
{
	if (format == FMT_JSON)
		return json_write(gap_json_new(r), NULL);
	if (format == FMT_CSV)
		gap_csv(stdout, r);
	else
		gap_table(stdout, r, use_color(stdout));
	return cli_flush();
}

int cmd_compare(int argc, char **argv)
{
	struct cli_opts o = { 0 };
	struct context ctx = { 0 };
	struct selection sel = { 0 };
	struct company *company = NULL;
	struct gap_report *report = NULL;
	size_t period = 0;
	int rc = cli_parse("compare", usage, argc, argv, OPT_AGAINST | OPT_PERIOD |
			   OPT_FORMAT | OPT_PROFILE | OPT_CATALOG,
			   FMT_TABLE | FMT_JSON | FMT_CSV, &o, &ctx);

	if (rc == CX_OK && optind >= argc)
		rc = cli_usage_error("compare", "expected a COMPANY file");
	if (rc != CX_OK)
		goto out;
	rc = context_load(&ctx, 1);
	if (rc == CX_OK)
		rc = selection_parse(&ctx, o.against ? o.against : "all,frontier", &sel);
	if (rc == CX_OK)
		rc = history_load(ctx.cat, argv + optind, (size_t)(argc - optind), &company);
	if (rc == CX_OK)
		rc = history_pick(company, o.period, &period);
	if (rc != CX_OK)
		goto out;
	report = gap_compute(ctx.cat, company, period, sel.refs, sel.n, sel.frontier);
	rc = render(report, o.format);
out:
	gap_free(report);
	company_free(company);
	selection_release(&sel);
	context_release(&ctx);
	return rc < 0 ? cli_flush() : rc;
}
