/* cli: parsing a command line by its option table, and -h from the same
 * table (the take functions are in cli_take.c, the network options in
 * cli_net.c). */
#include "cmd/cli.h"
#include "base/atomic.h"
#include "base/mem.h"
#include "base/msg.h"
#include "core/context.h"
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
	cli_args_release(cmd, args);
	if (ops) {
		free(ops->v);
		memset(ops, 0, sizeof *ops);
	}
	/* after an error, one message is enough: stdout is not checked again */
	return rc == CX_OK || rc == CLI_HELP ? cli_flush() : rc;
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

const struct cli_subcommand *command_subcommand(const struct command *cmd,
						const char *name)
{
	const struct cli_subcommand *sub;

	for (sub = cmd->subcommands; sub && sub->name; sub++)
		if (strcmp(sub->name, name) == 0)
			return sub;
	return NULL;
}

int cli_threads(double given)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);

	if (given > 0)
		return (int)given;
	return cpus > 0 ? (cpus > 8 ? 8 : (int)cpus) : 1;
}
