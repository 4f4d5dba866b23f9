/* cmd_trend: `cxbench trend`: a company's history, merged from one or more
 * files or directories, with changes, velocity and projected catch-up
 * against each reference. */
#include "cmd/cmds.h"
#include "cmd/cli.h"
#include "core/context.h"
#include "load/history.h"
#include "base/msg.h"
#include "out/out_json.h"
#include "out/out_table.h"
#include "out/out_trend.h"
#include "core/trend.h"
#include <stdio.h>
#include <unistd.h>

static const char usage[] =
	"usage: cxbench trend COMPANY... [options]\n"
	"Follow a company period by period: the files (or directories of files)\n"
	"are merged into one timeline; for every metric, dimension and the\n"
	"overall index it shows the change, its significance, the velocity and\n"
	"when, at that pace, the company reaches each reference.\n\n"
	"  --against LIST    profile ids, 'all' and 'frontier', comma-separated\n"
	"                    (default: all,frontier)\n"
	"  --since P         leave out periods before P\n"
	"  --until P         leave out periods after P\n"
	"  --format F        table (default), json or csv\n"
	"  --profile FILE    an extra reference profile (repeatable)\n"
	"  --catalog FILE    a metric catalog other than the bundled one\n"
	CLI_NET_HELP
	"  -h, --help        this help\n";

int cmd_trend(int argc, char **argv)
{
	struct cli_opts o = { 0 };
	struct context ctx = { 0 };
	struct selection sel = { 0 };
	struct company *company = NULL;
	struct trend *t = NULL;
	int rc = cli_parse("trend", usage, argc, argv, OPT_AGAINST | OPT_FORMAT |
			   OPT_PROFILE | OPT_CATALOG | OPT_SINCE | OPT_UNTIL,
			   FMT_TABLE | FMT_JSON | FMT_CSV, &o, &ctx);

	if (rc == CX_OK && optind >= argc)
		rc = cli_usage_error("trend", "expected at least one COMPANY file");
	if (rc == CX_OK)
		rc = context_load(&ctx, 1);
	if (rc == CX_OK)
		rc = selection_parse(&ctx, o.against ? o.against : "all,frontier", &sel);
	if (rc == CX_OK)
		rc = history_load(ctx.cat, argv + optind, (size_t)(argc - optind), &company);
	if (rc == CX_OK)
		rc = history_window(company, o.since, o.until);
	if (rc == CX_OK) {
		t = trend_compute(ctx.cat, company, company->nperiods, sel.refs, sel.n,
				  sel.frontier);
		if (o.format == FMT_JSON)
			rc = json_write(trend_json_new(t), NULL);
		else if (o.format == FMT_CSV)
			trend_csv(stdout, t);
		else
			trend_table(stdout, t, use_color(stdout));
		if (o.format != FMT_JSON)
			rc = cli_flush();
	}
	trend_free(t);
	company_free(company);
	selection_release(&sel);
	context_release(&ctx);
	return rc < 0 ? cli_flush() : rc;
}
