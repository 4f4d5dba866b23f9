#include "cmd/cli.h"
#include "base/atomic.h"
#include "base/mem.h"
#include "base/msg.h"
#include "core/company.h"
#include "core/context.h"
#include "core/period.h"
#include "net/fetch.h"
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "cxbench: %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, " (see 'cxbench %s -h')\n", cmd);
	return CX_EUSAGE;
}

int cli_flush(void)
{
	return stdout_flush();
}

int cli_done(const struct command *cmd, void *args, struct cli_operands *ops, int rc)
{
	int flushed = cli_flush();

	cli_args_release(cmd, args);
	if (ops) {
		free(ops->v);
		memset(ops, 0, sizeof *ops);
	}
	return rc == CX_OK || rc == CLI_HELP ? flushed : rc;
}

void cli_list_release(struct cli_list *l)
{
	free(l->items);
	memset(l, 0, sizeof *l);
}

void cli_refs_apply(const struct cli_refs *refs, struct context *ctx)
{
	ctx->catalog_path = refs->catalog;
	ctx->extra = refs->profiles.items;
	ctx->nextra = refs->profiles.n;
}

/* ---- the take functions ---- */

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

/* ---- the network options: they set fetch_opts ---- */

static int take_at_least_one(const char *cmd, const struct cli_option *opt,
			     const char *arg, double *out)
{
	char *end = NULL;
	double v = strtod(arg, &end);

	if (!*arg || *end || !(v >= 1))
		return cli_usage_error(cmd, "--%s: '%s' is not a number of 1 or more",
				       opt->name, arg);
	*out = v;
	return CX_OK;
}

static int take_timeout(const char *cmd, const struct cli_option *opt,
			const char *arg, void *field)
{
	double v = 0;
	int rc = take_at_least_one(cmd, opt, arg, &v);

	(void)field;
	if (rc == CX_OK)
		fetch_opts.timeout = v > 86400 ? 86400 : (long)v;
	return rc;
}

static int take_max_bytes(const char *cmd, const struct cli_option *opt,
			  const char *arg, void *field)
{
	double v = 0;
	int rc = take_at_least_one(cmd, opt, arg, &v);

	(void)field;
	if (rc == CX_OK)
		fetch_opts.max_bytes = v > 1e15 ? (size_t)1e15 : (size_t)v;
	return rc;
}

static int take_header(const char *cmd, const struct cli_option *opt,
		       const char *arg, void *field)
{
	(void)opt;
	(void)field;
	if (!strchr(arg, ':') || strpbrk(arg, "\r\n"))
		return cli_usage_error(cmd, "--header: expected 'Name: value' on one line");
	xgrow((void **)&fetch_opts.headers, &fetch_opts.headers_cap,
	      fetch_opts.nheaders, sizeof *fetch_opts.headers);
	fetch_opts.headers[fetch_opts.nheaders++] = arg;
	return CX_OK;
}

static int take_cacert(const char *cmd, const struct cli_option *opt,
		       const char *arg, void *field)
{
	(void)cmd;
	(void)opt;
	(void)field;
	fetch_opts.cacert = arg;
	return CX_OK;
}

static int take_switch(const char *cmd, const struct cli_option *opt,
		       const char *arg, void *field)
{
	(void)cmd;
	(void)arg;
	(void)field;
	if (strcmp(opt->name, "allow-http") == 0)
		fetch_opts.allow_http = 1;
	else
		fetch_opts.offline = 1;
	return CX_OK;
}

#define NET_OPT(n, v, h, fn) { .kind = CLI_CALL, .name = (n), .value = (v), .help = (h), .take = (fn) }

const struct cli_option cli_net_options[] = {
	NET_OPT("timeout", "S", "network timeout in seconds (default 30)", take_timeout),
	NET_OPT("max-bytes", "N", "refuse downloads larger than N bytes (default 200000000)",
		take_max_bytes),
	NET_OPT("allow-http", NULL, "allow plain http URLs (https only otherwise)",
		take_switch),
	NET_OPT("header", "'N: V'", "an HTTP request header; $VAR reads the environment",
		take_header),
	NET_OPT("cacert", "FILE", "trust the certificates in FILE too", take_cacert),
	NET_OPT("offline", NULL, "use downloads already cached, fetch nothing",
		take_switch),
	CLI_OPT_END
};

/* ---- walking a table ---- */

void cli_each_option(const struct cli_option *table,
		     void (*fn)(const struct cli_option *opt, void *arg), void *arg)
{
	const struct cli_option *o;

	for (o = table; o->kind != CLI_END; o++) {
		if (o->kind == CLI_GROUP)
			cli_each_option(o->group, fn, arg);
		else
			fn(o, arg);
	}
}

struct flat {
	const struct cli_option **opts;
	size_t n, cap;
};

static void flatten_one(const struct cli_option *opt, void *arg)
{
	struct flat *f = arg;
	/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
	xgrow((void **)&f->opts, &f->cap, f->n, sizeof *f->opts);
	f->opts[f->n++] = opt;
}

#define CODE_BASE 0x100 /* getopt codes of the table's options: above any char */

/* getopt_long's view of the table: one long option per entry (code
 * CODE_BASE + index), "help", and the short names.  Caller frees both. */
static struct option *getopt_table_new(const struct flat *f, char **shorts)
{
	struct option *longs = xcalloc(f->n + 2, sizeof *longs);
	char *s = xmalloc(3 * f->n + 4), *p = s;
	size_t i;

	p += sprintf(p, ":h");
	for (i = 0; i < f->n; i++) {
		longs[i].name = f->opts[i]->name;
		longs[i].has_arg = f->opts[i]->value ? required_argument : no_argument;
		longs[i].val = CODE_BASE + (int)i;
		if (f->opts[i]->short_name)
			p += sprintf(p, "%c%s", f->opts[i]->short_name,
				     f->opts[i]->value ? ":" : "");
	}
	longs[i].name = "help";
	longs[i].val = 'h';
	*shorts = s;
	return longs;
}

static int short_code(const struct flat *f, int c)
{
	size_t i;
	for (i = 0; i < f->n; i++)
		if (f->opts[i]->short_name == c)
			return CODE_BASE + (int)i;
	return c;
}

static int take(const struct command *cmd, const struct cli_option *o, char *arg,
		void *args)
{
	void *field = o->size ? (char *)args + o->offset : NULL;
	struct cli_list *l = field;

	if (o->kind == CLI_CALL)
		return o->take(cmd->name, o, arg, field);
	if (!field) { /* a table entry without its field: our mistake */
		msg_error("%s: option '--%s' has nowhere to go", cmd->name, o->name);
		return CX_EUSAGE;
	}
	switch (o->kind) {
	case CLI_FLAG:
		*(int *)field = 1;
		return CX_OK;
	case CLI_STRING:
		*(const char **)field = arg;
		return CX_OK;
	case CLI_LIST:
		xgrow((void **)&l->items, &l->cap, l->n, sizeof *l->items);
		l->items[l->n++] = arg;
		return CX_OK;
	default: /* CLI_END and CLI_GROUP never reach the parser */
		return CX_EUSAGE;
	}
}

static int parse_options(const struct command *cmd, const struct flat *f, int argc,
			 char **argv, void *args)
{
	char *shorts = NULL;
	struct option *longs = getopt_table_new(f, &shorts);
	int c, rc = CX_OK;

	opterr = 0; /* our own messages, in our format */
	optind = 0; /* start afresh: a test parses many command lines */
	while (rc == CX_OK && (c = getopt_long(argc, argv, shorts, longs, NULL)) != -1) {
		c = short_code(f, c);
		if (c == 'h') {
			cli_help(stdout, cmd);
			rc = CLI_HELP;
		} else if (c == ':') {
			rc = cli_usage_error(cmd->name, "option '%s' needs a value",
					     argv[optind - 1]);
		} else if (c < CODE_BASE || c >= CODE_BASE + (int)f->n) {
			rc = cli_usage_error(cmd->name, "unknown option '%s'",
					     argv[optind - 1]);
		} else {
			rc = take(cmd, f->opts[c - CODE_BASE], optarg, args);
		}
	}
	free(longs);
	free(shorts);
	return rc;
}

int cli_parse(const struct command *cmd, int argc, char **argv, void *args,
	      struct cli_operands *ops)
{
	struct flat f = { NULL, 0, 0 };
	int rc;

	memset(ops, 0, sizeof *ops);
	cli_each_option(cmd->options, flatten_one, &f);
	rc = parse_options(cmd, &f, argc, argv, args);
	free(f.opts);
	if (rc != CX_OK)
		return rc;
	ops->n = (size_t)(argc - optind);
	ops->v = xcalloc(ops->n + 1, sizeof *ops->v);
	memcpy(ops->v, argv + optind, ops->n * sizeof *ops->v);
	return CX_OK;
}

static void release_one(const struct cli_option *opt, void *args)
{
	if (opt->kind == CLI_LIST)
		cli_list_release((struct cli_list *)((char *)args + opt->offset));
}

void cli_args_release(const struct command *cmd, void *args)
{
	cli_each_option(cmd->options, release_one, args);
}

/* ---- help ---- */

#define HELP_COLUMN 20

static void help_one(const struct cli_option *o, void *arg)
{
	FILE *f = arg;
	const char *line, *nl;
	int width = o->short_name ?
		fprintf(f, "  -%c, --%s", o->short_name, o->name) :
		fprintf(f, "  --%s", o->name);

	if (o->value)
		width += fprintf(f, " %s", o->value);
	if (width >= HELP_COLUMN - 1) { /* the help on a line of its own */
		fputc('\n', f);
		width = 0;
	}
	for (line = o->help; line; line = nl ? nl + 1 : NULL) {
		nl = strchr(line, '\n');
		fprintf(f, "%*s%.*s\n", HELP_COLUMN - width, "",
			nl ? (int)(nl - line) : (int)strlen(line), line);
		width = 0;
	}
}

void cli_help(FILE *f, const struct command *cmd)
{
	fputs(cmd->usage, f);
	cli_each_option(cmd->options, help_one, f);
	fprintf(f, "  -h, --help%*sthis help\n", HELP_COLUMN - 12, "");
	if (cmd->footer)
		fputs(cmd->footer, f);
}

const struct command *command_find(const char *name)
{
	size_t i;
	for (i = 0; commands[i]; i++)
		if (strcmp(commands[i]->name, name) == 0)
			return commands[i];
	return NULL;
}
