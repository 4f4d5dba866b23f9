/* cmd_completion: `cxbench completion bash|zsh` prints the completion
 * script (cmd/completion.h), and `cxbench completion list KIND` the ids
 * the script offers as you type, one a line.  Hidden from `cxbench -h`:
 * `make install` installs the scripts. */
#include "cmd/cmds.h"
#include "cmd/completion.h"
#include "base/msg.h"
#include "core/context.h"
#include "imports/import.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct completion_args {
	int unused; /* no options */
};

static const struct cli_option options[] = {
	CLI_OPT_END
};

static const struct cli_subcommand subcommands[] = {
	{ "bash", CLI_VALUE_TEXT, NULL },
	{ "zsh", CLI_VALUE_TEXT, NULL },
	{ "list", CLI_VALUE_WORDS, COMPLETION_LISTS },
	{ NULL, CLI_VALUE_TEXT, NULL }
};

static int list_imports(const char *datadir, unsigned kinds)
{
	size_t n = 0, i;
	char **names = import_builtin_names(datadir, kinds, &n);

	for (i = 0; i < n; i++) {
		puts(names[i]);
		free(names[i]);
	}
	free(names);
	return CX_OK;
}

static int list(const char *kind)
{
	struct context ctx = { 0 };
	size_t i;
	int rc;

	if (strcmp(kind, "imports") == 0 || strcmp(kind, "text-imports") == 0) {
		ctx.datadir = data_dir_new();
		rc = list_imports(ctx.datadir, kind[0] == 't' ? 1u << IMPORT_TRANSCRIPTS :
				  1u << IMPORT_CONTACTS | 1u << IMPORT_SURVEYS);
	} else if (strcmp(kind, "profiles") == 0 || strcmp(kind, "dimensions") == 0) {
		rc = context_load(&ctx, kind[0] == 'p');
		for (i = 0; rc == CX_OK && kind[0] == 'p' && i < ctx.profiles.n; i++)
			puts(ctx.profiles.items[i]->id);
		for (i = 0; rc == CX_OK && kind[0] == 'd' && i < ctx.cat->ndims; i++)
			puts(ctx.cat->dims[i].id);
	} else {
		rc = cli_usage_error("completion", "list: '%s' is not a kind of ids (%s)",
				     kind, COMPLETION_LISTS);
	}
	context_release(&ctx);
	return rc;
}

static int run(int argc, char **argv)
{
	struct completion_args a = { 0 };
	struct cli_operands ops = { 0 };
	int rc = cli_parse(&command_completion, argc, argv, &a, &ops);

	if (rc != CX_OK)
		return cli_done(&command_completion, &a, &ops, rc);
	if (ops.n == 1 && strcmp(ops.v[0], "bash") == 0)
		completion_bash(stdout);
	else if (ops.n == 1 && strcmp(ops.v[0], "zsh") == 0)
		completion_zsh(stdout);
	else if (ops.n == 2 && strcmp(ops.v[0], "list") == 0)
		rc = list(ops.v[1]);
	else
		rc = cli_usage_error("completion", "expected bash, zsh or list KIND");
	return cli_done(&command_completion, &a, &ops, rc);
}

const struct command command_completion = {
	"completion", run, "print a shell completion script",
	"usage: cxbench completion bash|zsh\n"
	"       cxbench completion list profiles|dimensions|imports|text-imports\n"
	"Print the bash or zsh completion script (make install puts them where\n"
	"the shells look: share/bash-completion/completions/cxbench and\n"
	"share/zsh/site-functions/_cxbench), or the ids the script offers.\n"
	"In a shell of your own:  source <(cxbench completion bash)\n\n",
	NULL, options, sizeof(struct completion_args), .subcommands = subcommands,
	.hidden = 1
};
