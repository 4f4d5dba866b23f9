/* cmd_profiles: `cxbench profiles list | show ID | sources | validate
 * FILE... | pull URL`. */
#include "cmd/cmds.h"
#include "base/msg.h"
#include "core/context.h"
#include "core/profile_pack.h"
#include "out/out_json.h"
#include "out/out_table.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct profiles_args {
	enum format format;
	struct cli_refs refs;
};

static const struct cli_option options[] = {
	CLI_OPT_FORMAT("table (default) or json", struct profiles_args, format,
		       FMT_TABLE | FMT_JSON),
	CLI_OPT_REFERENCES(struct profiles_args),
	CLI_OPT_GROUP(cli_net_options),
	CLI_OPT_END
};

static int list(const struct context *ctx, enum format format)
{
	cJSON *arr;
	size_t i;

	if (format == FMT_TABLE) {
		profiles_table(stdout, ctx->cat, &ctx->profiles);
		return CX_OK;
	}
	arr = cJSON_CreateArray();
	for (i = 0; i < ctx->profiles.n; i++)
		cJSON_AddItemToArray(arr, profile_json_new(ctx->cat, ctx->profiles.items[i]));
	return json_write(arr, NULL);
}

static int sources(const struct context *ctx, enum format format)
{
	if (format == FMT_JSON)
		return json_write(sources_json_new(ctx->cat, &ctx->profiles), NULL);
	sources_checklist(stdout, ctx->cat, &ctx->profiles);
	return CX_OK;
}

static int show(const struct context *ctx, const char *id, enum format format)
{
	const struct profile *p = profile_find(&ctx->profiles, id);

	if (!p) {
		msg_error("profiles: no profile '%s' (see 'cxbench profiles list')", id);
		return CX_EUSAGE;
	}
	if (format == FMT_JSON)
		return json_write(profile_json_new(ctx->cat, p), NULL);
	profile_table(stdout, ctx->cat, p);
	return CX_OK;
}

static int validate(const struct context *ctx, int argc, char **argv)
{
	int i, rc, worst = CX_OK;

	for (i = 0; i < argc; i++) {
		struct profile_set set = { 0 };
		rc = profile_load(ctx->cat, argv[i], &set);
		if (rc == CX_OK)
			printf("%s: ok: profile '%s' (%s)\n", set.items[0]->origin,
			       set.items[0]->id, set.items[0]->brand);
		worst = rc > worst ? rc : worst;
		profile_set_release(&set);
	}
	return worst;
}

/* The words `profiles` takes first, and what follows each (for -h's
 * checks and for completion). */
static const struct cli_subcommand subcommands[] = {
	{ "list", CLI_VALUE_TEXT, NULL },
	{ "show", CLI_VALUE_PROFILES, NULL },
	{ "sources", CLI_VALUE_TEXT, NULL },
	{ "validate", CLI_VALUE_FILE, NULL },
	{ "pull", CLI_VALUE_FILE, NULL },
	{ NULL, CLI_VALUE_TEXT, NULL }
};

static int dispatch(struct context *ctx, int argc, char **argv, enum format format)
{
	const char *sub = argv[0];
	int rc;

	if (!command_subcommand(&command_profiles, sub))
		return cli_usage_error("profiles", "unknown subcommand '%s'", sub);
	if (strcmp(sub, "pull") == 0)
		return argc == 2 ? profile_pack_pull(ctx, argv[1], stdout) :
			cli_usage_error("profiles", "pull needs one URL or file");
	if (strcmp(sub, "validate") == 0) {
		if (argc < 2)
			return cli_usage_error("profiles", "validate needs at least one FILE");
		rc = context_load(ctx, 0);
		return rc != CX_OK ? rc : validate(ctx, argc - 1, argv + 1);
	}
	if (argc != (strcmp(sub, "show") == 0 ? 2 : 1))
		return cli_usage_error("profiles", strcmp(sub, "show") == 0 ?
				       "show needs one profile ID" :
				       "%s takes no argument", sub);
	rc = context_load(ctx, 1);
	if (rc != CX_OK)
		return rc;
	if (strcmp(sub, "sources") == 0)
		return sources(ctx, format);
	return sub[0] == 's' ? show(ctx, argv[1], format) : list(ctx, format);
}

static int run(int argc, char **argv)
{
	struct profiles_args a = { .format = FMT_TABLE };
	struct cli_operands ops = { 0 };
	struct context ctx = { 0 };
	int rc = cli_parse(&command_profiles, argc, argv, &a, &ops);

	if (rc == CX_OK && ops.n == 0)
		rc = cli_usage_error("profiles", "expected list, show or validate");
	cli_refs_apply(&a.refs, &ctx);
	if (rc == CX_OK)
		rc = dispatch(&ctx, (int)ops.n, ops.v, a.format);
	context_release(&ctx);
	return cli_done(&command_profiles, &a, &ops, rc);
}

const struct command command_profiles = {
	"profiles", run, "list, show, source or validate reference profiles",
	"usage: cxbench profiles list [--format table|json]\n"
	"       cxbench profiles show ID [--format table|json]\n"
	"       cxbench profiles sources [--format table|json]\n"
	"       cxbench profiles validate FILE...\n"
	"       cxbench profiles pull URL\n"
	"List the reference profiles (bundled brands and sectors, pulled and\n"
	"--profile FILE), show one with the basis and source of every value,\n"
	"print every reported value and fact with its quote as a checklist,\n"
	"check profile files, or pull a pack (a JSON list of profiles, every one\n"
	"checked first) into $XDG_DATA_HOME/cxbench/profiles.\n\n",
	NULL, options, sizeof(struct profiles_args), .subcommands = subcommands
};
