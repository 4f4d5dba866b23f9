/* cmd_profiles: `cxbench profiles list | show ID | validate FILE...`. */
#include "cmds.h"
#include "cli.h"
#include "context.h"
#include "msg.h"
#include "out_json.h"
#include "out_table.h"
#include <stdio.h>
#include <unistd.h>
#include <string.h>

static const char usage[] =
	"usage: cxbench profiles list [--format table|json]\n"
	"       cxbench profiles show ID [--format table|json]\n"
	"       cxbench profiles validate FILE...\n"
	"List the reference profiles (bundled and --profile FILE), show one with\n"
	"the basis and source of every value, or check profile files.\n\n"
	"  --format F        table (default) or json\n"
	"  --profile FILE    an extra reference profile (repeatable)\n"
	"  --catalog FILE    a metric catalog other than the bundled one\n";

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
	json_print(stdout, arr);
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
		json_print(stdout, profile_json_new(ctx->cat, p));
	else
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
			printf("%s: ok: profile '%s' (%s)\n", argv[i], set.items[0]->id,
			       set.items[0]->brand);
		worst = rc > worst ? rc : worst;
		profile_set_release(&set);
	}
	return worst;
}

static int dispatch(struct context *ctx, int argc, char **argv, enum format format)
{
	const char *sub = argv[0];
	int rc;

	if (strcmp(sub, "validate") == 0) {
		if (argc < 2)
			return cli_usage_error("profiles", "validate needs at least one FILE");
		rc = context_load(ctx, 0);
		return rc != CX_OK ? rc : validate(ctx, argc - 1, argv + 1);
	}
	if (strcmp(sub, "list") != 0 && strcmp(sub, "show") != 0)
		return cli_usage_error("profiles", "unknown subcommand '%s'", sub);
	if (argc != (sub[0] == 's' ? 2 : 1))
		return cli_usage_error("profiles", sub[0] == 's' ?
				       "show needs one profile ID" :
				       "list takes no argument");
	rc = context_load(ctx, 1);
	if (rc != CX_OK)
		return rc;
	return sub[0] == 's' ? show(ctx, argv[1], format) : list(ctx, format);
}

int cmd_profiles(int argc, char **argv)
{
	struct cli_opts o = { 0 };
	struct context ctx = { 0 };
	int rc = cli_parse("profiles", usage, argc, argv,
			   OPT_FORMAT | OPT_PROFILE | OPT_CATALOG,
			   FMT_TABLE | FMT_JSON, &o, &ctx);

	if (rc != CX_OK) {
		context_release(&ctx);
		return rc < 0 ? cli_flush() : rc;
	}
	if (optind >= argc) {
		context_release(&ctx);
		return cli_usage_error("profiles", "expected list, show or validate");
	}
	rc = dispatch(&ctx, argc - optind, argv + optind, o.format);
	context_release(&ctx);
	return rc != CX_OK ? rc : cli_flush();
}
