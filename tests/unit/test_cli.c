/* Every command's option table, walked: each option goes through the
 * parser once by itself and must land in its own field and nowhere else
 * (the clash that once sent --signals to the network options fails
 * here), names are unique, and -h lists exactly the table. */
#include "check.h"
#include "cmd/cli.h"
#include "base/mem.h"
#include "base/msg.h"
#include "net/fetch.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A valid value for options whose value is checked; any other option
 * that takes a value gets "v".  A new checked option needs a line here. */
static const char *example(const char *name)
{
	static const char *const pairs[][2] = {
		{ "format", "json" }, { "timeout", "5" }, { "max-bytes", "1000" },
		{ "header", "X-Test: 1" }, { "by", "month" }, { "sl-seconds", "30" },
		{ "repeat-days", "3" }, { "link-days", "3" }, { "threads", "2" }, { "period", "2026-Q1" },
		{ "company", "Acme" } };
	size_t i;

	for (i = 0; i < sizeof pairs / sizeof *pairs; i++)
		if (strcmp(pairs[i][0], name) == 0)
			return pairs[i][1];
	return "v";
}

struct flat {
	const struct cli_option *opts[128];
	size_t n;
};

static void collect(const struct cli_option *opt, void *arg)
{
	struct flat *f = arg;
	if (CHECK(f->n < 128))
		f->opts[f->n++] = opt;
}

/* Bytes of args outside [offset, offset + size) that differ from zero. */
static int changed_outside(const unsigned char *args, size_t len, size_t offset,
			   size_t size)
{
	size_t i;
	for (i = 0; i < len; i++)
		if ((i < offset || i >= offset + size) && args[i])
			return 1;
	return 0;
}

static int any_set(const unsigned char *p, size_t len)
{
	size_t i;
	for (i = 0; i < len; i++)
		if (p[i])
			return 1;
	return 0;
}

static void run_one(const struct command *cmd, const struct cli_option *o, int use_short)
{
	unsigned char *args = xcalloc(1, cmd->args_size);
	struct fetch_options before = fetch_opts;
	struct cli_operands ops = { 0 };
	char flag[64], *argv[4];
	const char *value = example(o->name);
	int argc = 0, rc;

	if (use_short)
		snprintf(flag, sizeof flag, "-%c", o->short_name);
	else
		snprintf(flag, sizeof flag, "--%s", o->name);
	argv[argc++] = (char *)cmd->name;
	argv[argc++] = flag;
	if (o->value)
		argv[argc++] = (char *)value;
	argv[argc] = NULL;
	rc = cli_parse(cmd, argc, argv, args, &ops);
	if (!CHECK(rc == CX_OK))
		fprintf(stderr, "  %s %s: not taken\n", cmd->name, flag);
	CHECK_INT(ops.n, 0);
	if (o->size) {
		/* its own field, and only that */
		if (!CHECK(!changed_outside(args, cmd->args_size, o->offset, o->size)) ||
		    !CHECK(any_set(args + o->offset, o->size)))
			fprintf(stderr, "  %s %s: written elsewhere\n", cmd->name, flag);
		if (o->kind == CLI_STRING)
			CHECK(*(const char **)(args + o->offset) == value);
	} else {
		/* a network option: fetch_opts changes, the arguments don't */
		CHECK(!any_set(args, cmd->args_size));
		if (!CHECK(memcmp(&before, &fetch_opts, sizeof before) != 0))
			fprintf(stderr, "  %s %s: went nowhere\n", cmd->name, flag);
	}
	cli_args_release(cmd, args);
	fetch_options_release();
	fetch_opts = before;
	free(ops.v);
	free(args);
}

static void check_names(const struct command *cmd, const struct flat *f)
{
	size_t i, k;

	for (i = 0; i < f->n; i++) {
		CHECK(strcmp(f->opts[i]->name, "help") != 0 && f->opts[i]->short_name != 'h');
		CHECK(f->opts[i]->help && *f->opts[i]->help);
		for (k = i + 1; k < f->n; k++) {
			if (!CHECK(strcmp(f->opts[i]->name, f->opts[k]->name) != 0))
				fprintf(stderr, "  %s: two --%s\n", cmd->name, f->opts[i]->name);
			CHECK(!f->opts[i]->short_name ||
			      f->opts[i]->short_name != f->opts[k]->short_name);
			/* two options, one field */
			CHECK(!f->opts[i]->size || !f->opts[k]->size ||
			      f->opts[i]->offset + f->opts[i]->size <= f->opts[k]->offset ||
			      f->opts[k]->offset + f->opts[k]->size <= f->opts[i]->offset);
		}
	}
}

void test_cli_every_option(void)
{
	size_t c, i, total = 0;

	for (c = 0; commands[c]; c++) {
		struct flat f = { { NULL }, 0 };
		cli_each_option(commands[c]->options, collect, &f);
		check_names(commands[c], &f);
		for (i = 0; i < f.n; i++) {
			run_one(commands[c], f.opts[i], 0);
			if (f.opts[i]->short_name)
				run_one(commands[c], f.opts[i], 1);
		}
		total += f.n;
	}
	CHECK_INT(c, 10);
	CHECK(total > 80);
}

/* The option names -h prints, in order: the first word of each line
 * that starts with "  -" (after "-x, "). */
static size_t help_names(const struct command *cmd, char names[][32], size_t max)
{
	char *text = NULL, *line, *save = NULL;
	size_t len = 0, n = 0;
	FILE *f = open_memstream(&text, &len);

	if (!CHECK(f != NULL))
		return 0;
	cli_help(f, cmd);
	if (!CHECK(fclose(f) == 0))
		return 0;
	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		const char *p = line;
		if (strncmp(p, "  -", 3) != 0)
			continue;
		p += 2;
		if (p[1] != '-' && p[2] == ',')
			p += 4;
		if (n < max && sscanf(p, "--%31[a-z-]", names[n]) != 1)
			names[n][0] = '\0';
		n++;
	}
	free(text);
	return n;
}

void test_cli_help_lists_table(void)
{
	char names[128][32];
	size_t c, i, n;

	for (c = 0; commands[c]; c++) {
		struct flat f = { { NULL }, 0 };
		cli_each_option(commands[c]->options, collect, &f);
		n = help_names(commands[c], names, 128);
		if (!CHECK_INT(n, f.n + 1))
			fprintf(stderr, "  %s -h\n", commands[c]->name);
		for (i = 0; i < f.n && i < n; i++)
			CHECK_STR(names[i], f.opts[i]->name);
		CHECK_STR(names[n - 1], "help");
	}
}

/* The shared wording of usage errors, for every command alike. */
void test_cli_errors(void)
{
	size_t c;

	for (c = 0; commands[c]; c++) {
		char *unknown[] = { (char *)commands[c]->name, "--no-such-option", NULL };
		char *missing[] = { (char *)commands[c]->name, "--timeout", NULL };
		char *bad[] = { (char *)commands[c]->name, "--timeout", "0", NULL };
		unsigned char *args = xcalloc(1, commands[c]->args_size);
		struct cli_operands ops = { 0 };

		quiet_begin();
		CHECK_INT(cli_parse(commands[c], 2, unknown, args, &ops), CX_EUSAGE);
		CHECK_INT(cli_parse(commands[c], 2, missing, args, &ops), CX_EUSAGE);
		CHECK_INT(cli_parse(commands[c], 3, bad, args, &ops), CX_EUSAGE);
		quiet_end();
		CHECK(ops.v == NULL);
		cli_args_release(commands[c], args);
		free(args);
	}
}

/* Operands come out in order whatever the options around them. */
void test_cli_operands(void)
{
	const struct command *cmd = command_find("compare");
	char *argv[] = { "compare", "a.json", "--format", "json", "b.json", "--", "-c", NULL };
	unsigned char *args = NULL;
	struct cli_operands ops = { 0 };

	if (!cmd) {
		CHECK(cmd != NULL);
		return;
	}
	args = xcalloc(1, cmd->args_size);
	CHECK_INT(cli_parse(cmd, 7, argv, args, &ops), CX_OK);
	if (CHECK_INT(ops.n, 3)) {
		CHECK_STR(ops.v[0], "a.json");
		CHECK_STR(ops.v[1], "b.json");
		CHECK_STR(ops.v[2], "-c");
	}
	cli_args_release(cmd, args);
	free(ops.v);
	free(args);
}

/* What the completion offers agrees with what the help says: a FILE or
 * DIR value completes as a path, a value among words has words, a flag
 * has no value kind. */
static void check_values(const struct cli_option *o, void *arg)
{
	const char *cmd = arg;

	if (!o->value) {
		CHECK_INT(o->values, CLI_VALUE_TEXT);
		return;
	}
	if (strcmp(o->value, "FILE") == 0 &&
	    !CHECK(o->values == CLI_VALUE_FILE || o->values == CLI_VALUE_IMPORT ||
		   o->values == CLI_VALUE_TEXT_IMPORT))
		fprintf(stderr, "  %s --%s: a FILE that completes as %d\n", cmd, o->name,
			(int)o->values);
	if (strcmp(o->value, "DIR") == 0)
		CHECK_INT(o->values, CLI_VALUE_DIR);
	if (o->values == CLI_VALUE_WORDS)
		CHECK(o->words && *o->words);
	if (o->values == CLI_VALUE_FORMAT)
		CHECK(o->limit > 0);
}

void test_cli_value_kinds(void)
{
	const struct cli_subcommand *s;
	size_t c;

	for (c = 0; commands[c]; c++) {
		cli_each_option(commands[c]->options, check_values, (void *)commands[c]->name);
		for (s = commands[c]->subcommands; s && s->name; s++) {
			CHECK(command_subcommand(commands[c], s->name) == s);
			CHECK(s->operands != CLI_VALUE_WORDS || (s->words && *s->words));
		}
	}
	CHECK(command_subcommand(command_find("profiles"), "show") != NULL);
	CHECK(command_subcommand(command_find("profiles"), "shows") == NULL);
	CHECK(command_subcommand(command_find("compare"), "show") == NULL);
}

/* --format's values, listed from a mask in the table's order. */
void test_cli_format_names(void)
{
	char buf[64];

	CHECK_STR(cli_format_list(FMT_TABLE | FMT_JSON, buf, sizeof buf), "table or json");
	CHECK_STR(cli_format_list(FMT_TABLE | FMT_JSON | FMT_CSV, buf, sizeof buf),
		  "table, json or csv");
	CHECK_STR(cli_format_list(FMT_JSON | FMT_CSV, buf, sizeof buf), "json or csv");
	CHECK_STR(cli_format_list(FMT_CSV, buf, sizeof buf), "csv");
	CHECK_STR(cli_format_words(FMT_TABLE | FMT_JSON | FMT_CSV, buf, sizeof buf),
		  "table json csv");
	CHECK_STR(cli_format_words(FMT_JSON | FMT_CSV, buf, 6), "json "); /* cut, ended */
}
