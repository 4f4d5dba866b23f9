/* cmd_report: `cxbench report`: the self-contained HTML report as a
 * pipeline: every input loaded and checked (company, profiles, strings,
 * theme, logo, signals), the model computed, the charts drawn by one
 * gnuplot run, the document built and written atomically (PNG copies
 * first, the report last, so a failure leaves no new partial file), then
 * with --pdf printed by Chromium (report/pdf.h). */
#include "cmd/cmds.h"
#include "base/atomic.h"
#include "core/company.h"
#include "core/context.h"
#include "load/history.h"
#include "base/mem.h"
#include "base/today.h"
#include "base/version.h"
#include "base/msg.h"
#include "report/charts.h"
#include "report/pdf.h"
#include "report/report.h"
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* The fields keep the names of the options. */
struct report_args {
	const char *output, *against, *period, *lang, *title, *logo, *png_dir, *signals;
	const char *highlight;
	const char *pdf, *footer, *paper;
	int full_sources;
	struct cli_refs refs;
};

static const struct cli_option options[] = {
	CLI_OPT_OUTPUT("the report to write (required)", struct report_args, output),
	CLI_OPT_STRING_AS("against", "LIST", "profile ids, 'all', 'sector' and 'frontier' "
			  "(default:\nall,sector,frontier; the frontier is always included)",
			  struct report_args, against, CLI_VALUE_PROFILES, CLI_AGAINST_WORDS),
	CLI_OPT_STRING("period", "P", "the period to report (default: the latest)",
		       struct report_args, period),
	CLI_OPT_WORDS("lang", "L", "en (default), uk or ru", struct report_args, lang,
		      "en uk ru"),
	CLI_OPT_STRING("title", "T", "the report's title", struct report_args, title),
	CLI_OPT_FILE("logo", "FILE", "a PNG, JPEG or SVG logo, embedded",
		     struct report_args, logo),
	CLI_OPT_DIR("png-dir", "DIR", "also write every chart as PNG into DIR",
		    struct report_args, png_dir),
	CLI_OPT_FILE("signals", "FILE", "`listen` output: adds what customers say unasked",
		     struct report_args, signals),
	CLI_OPT_STRING_AS("highlight", "LIST", "profile ids the radar draws besides the "
			  "company and the\nfrontier (at most 3; default: the three brands "
			  "whose index is\nnearest the company's)", struct report_args, highlight,
			  CLI_VALUE_PROFILES, NULL),
	CLI_OPT_FILE("pdf", "FILE", "also print the report to FILE as PDF (needs Chromium:\n"
		     "$CHROMIUM, or chromium, chromium-browser or google-chrome in PATH)",
		     struct report_args, pdf),
	CLI_OPT_WORDS("paper", "SIZE", "the printed page: a4 (default) or letter",
		      struct report_args, paper, "a4 letter"),
	CLI_OPT_STRING("footer", "TEXT", "a line at the foot of every printed page, e.g.\n"
		       "Confidential", struct report_args, footer),
	CLI_OPT_FLAG("full-sources", "print the list of every reference value too (on\n"
		     "screen it is always there, closed)", struct report_args, full_sources),
	CLI_OPT_REFERENCES(struct report_args),
	CLI_OPT_GROUP(cli_net_options),
	CLI_OPT_END
};

struct job {
	struct report_args o;
	struct context ctx;
	struct selection sel;
	struct company *company;
	struct strings *str;
	struct report_model *model;
	struct chart_opts charts;
	struct plot plot;
	struct figures figs;
	xmlDocPtr doc;
	char *against;
	struct report_assets assets;
	struct voice *voice;
};

/* The report always shows the frontier: priorities and gap charts are
 * measured against it. */
static char *against_with_frontier(const char *against)
{
	const char *a = against;
	char *copy, *save = NULL, *id;
	int has = 0;

	if (!a)
		return NULL; /* the default, which has it */
	copy = xstrdup(a);

	for (id = strtok_r(copy, ",", &save); id; id = strtok_r(NULL, ",", &save))
		has |= strcmp(id, "frontier") == 0;
	free(copy);
	return has ? xstrdup(a) : xasprintf("%s,frontier", a);
}

static int copy_pngs(const struct plot *p, const char *dir)
{
	DIR *d = opendir(p->dir);
	struct dirent *e;
	int rc = CX_OK;

	if (mkdir(dir, 0755) < 0 && errno != EEXIST) {
		msg_at(dir, 0, "cannot create the PNG directory: %s", strerror(errno));
		if (d)
			closedir(d);
		return CX_EIO;
	}
	while (rc == CX_OK && d && (e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		char *from, *to;
		if (len < 5 || strcmp(e->d_name + len - 4, ".png") != 0)
			continue;
		from = xasprintf("%s/%s", p->dir, e->d_name);
		to = xasprintf("%s/%s", dir, e->d_name);
		rc = atomic_copy(from, to);
		free(from);
		free(to);
	}
	if (d)
		closedir(d);
	return rc;
}

/* The report's date: today, or SOURCE_DATE_EPOCH's (base/today.h).
 * CX_OK, or CX_EUSAGE after a message. */
static int report_date(char *buf, size_t size)
{
	struct tm tm;
	int rc = today_utc(&tm);

	if (rc == CX_OK && !strftime(buf, size, "%Y-%m-%d", &tm)) {
		msg_error("cannot tell today's date");
		rc = CX_EUSAGE;
	}
	return rc;
}

static int write_report(struct job *j)
{
	char date[32];
	struct report_look look = { j->o.title, &j->assets, CX_VERSION, date, j->o.footer,
		j->o.paper && strcmp(j->o.paper, "letter") == 0 ? "letter" : "A4",
		j->o.full_sources };
	xmlChar *html = NULL;
	int len = 0, rc;

	rc = report_date(date, sizeof date);
	if (rc == CX_OK)
		rc = report_build(j->model, &j->figs, &look, &j->doc);
	if (rc == CX_OK && j->o.png_dir)
		rc = copy_pngs(&j->plot, j->o.png_dir);
	if (rc == CX_OK)
		rc = html_dump(j->doc, &html, &len) < 0 ? CX_EIO : CX_OK;
	if (rc == CX_OK)
		rc = atomic_write(j->o.output, html, (size_t)len);
	if (rc == CX_OK && j->o.pdf)
		rc = pdf_print(j->o.output, j->o.pdf);
	xmlFree(html);
	return rc;
}

/* Everything the report needs, read and checked before anything is
 * computed or drawn. */
static int load(struct job *j, char *const *paths, size_t npaths, size_t *period)
{
	int rc = context_load(&j->ctx, 1);

	j->against = against_with_frontier(j->o.against);
	if (rc == CX_OK)
		rc = strings_load(j->ctx.datadir, j->o.lang ? j->o.lang : "en", &j->str);
	if (rc == CX_OK)
		rc = history_load(j->ctx.cat, paths, npaths, &j->company);
	if (rc == CX_OK)
		rc = selection_parse(&j->ctx, j->against, j->company->industry, &j->sel);
	if (rc == CX_OK)
		rc = history_pick(j->company, j->o.period, period);
	if (rc == CX_OK && j->o.signals)
		rc = voice_load(j->o.signals, &j->voice);
	if (rc == CX_OK)
		rc = report_assets_load(&j->assets, j->ctx.datadir, j->o.logo);
	return rc;
}

static int run(struct job *j, char *const *paths, size_t npaths)
{
	size_t period = 0;
	char *style, *bad;
	int rc = load(j, paths, npaths, &period);

	if (rc != CX_OK)
		return rc;
	j->model = report_model_new(j->ctx.cat, j->company, period, &j->sel, j->str,
				    j->voice);
	bad = charts_highlight(j->model, j->o.highlight, &j->charts);
	if (bad) {
		rc = cli_usage_error("report", "%s", bad);
		free(bad);
		return rc;
	}
	style = xasprintf("%s/reports/chart-style.gp", j->ctx.datadir);
	rc = plot_begin(&j->plot, style, j->o.png_dir != NULL);
	free(style);
	if (rc == CX_OK)
		rc = charts_add(&j->plot, j->model, &j->charts);
	if (rc == CX_OK)
		rc = plot_run(&j->plot);
	if (rc == CX_OK)
		rc = figures_read(&j->figs, &j->plot);
	if (rc == CX_OK)
		rc = write_report(j);
	return rc;
}

static int cmd_report(int argc, char **argv)
{
	struct job j;
	struct cli_operands ops = { 0 };
	int rc;

	memset(&j, 0, sizeof j);
	rc = cli_parse(&command_report, argc, argv, &j.o, &ops);
	if (rc == CX_OK && ops.n == 0)
		rc = cli_usage_error("report", "expected a COMPANY file");
	if (rc == CX_OK && !j.o.output)
		rc = cli_usage_error("report", "-o FILE.html is required");
	if (rc == CX_OK && j.o.paper && strcmp(j.o.paper, "a4") != 0 &&
	    strcmp(j.o.paper, "letter") != 0)
		rc = cli_usage_error("report", "--paper must be a4 or letter");
	cli_refs_apply(&j.o.refs, &j.ctx);
	if (rc == CX_OK)
		rc = run(&j, ops.v, ops.n);
	if (rc == CX_OK)
		printf("%s\n", j.o.output);
	if (rc == CX_OK && j.o.pdf)
		printf("%s\n", j.o.pdf);
	figures_release(&j.figs);
	plot_release(&j.plot);
	xmlFreeDoc(j.doc);
	report_model_free(j.model);
	strings_free(j.str);
	company_free(j.company);
	selection_release(&j.sel);
	context_release(&j.ctx);
	free(j.against);
	voice_free(j.voice);
	report_assets_release(&j.assets);
	return cli_done(&command_report, &j.o, &ops, rc);
}

const struct command command_report = {
	"report", cmd_report, "write a self-contained HTML report with charts",
	"usage: cxbench report COMPANY... -o FILE.html [--pdf FILE.pdf] [options]\n"
	"Write a self-contained HTML report (inline CSS and SVG charts, no\n"
	"external requests) comparing a company with reference brands, laid out\n"
	"for the screen, a phone and A4 or Letter paper.  Each brand has the same\n"
	"colour in every report; the radar draws the company, the frontier and the\n"
	"brands of --highlight.\n\n",
	NULL, options, sizeof(struct report_args), .operands = CLI_VALUE_FILE
};
