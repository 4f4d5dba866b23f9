/* cmd_profiles: `cxbench profiles list | show ID | validate FILE...`. */
#include "cmd/cmds.h"
#include "base/atomic.h"
#include "core/context.h"
#include "io/jsonfile.h"
#include "base/mem.h"
#include <errno.h>
#include "base/msg.h"
#include "out/out_json.h"
#include "out/out_table.h"
#include <stdio.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

struct profiles_args {
	enum format format;
	struct cli_refs refs;
};

static const struct cli_option options[] = {
	CLI_OPT_FORMAT("table (default) or json", struct profiles_args, format,
		       FMT_TABLE | FMT_JSON),
	CLI_OPT_REFERENCES(struct profiles_args, refs),
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

/* A pack is written only when every profile in it is valid and none
 * takes the id of a bundled one (pulling again updates earlier pulls). */
static int check_pack(const struct context *ctx, const char *name, const cJSON *root,
		      struct profile_set *pack)
{
	const cJSON *item;
	char *where;
	size_t i = 0, k;
	int rc = CX_OK, one;

	if (!cJSON_IsArray(root) || !root->child) {
		msg_at(name, 0, "expected a JSON list of profiles");
		return CX_EINPUT;
	}
	cJSON_ArrayForEach(item, root) {
		where = xasprintf("%s[%zu]", name, i++);
		one = profile_from_json(ctx->cat, where, item, pack);
		rc = one > rc ? one : rc;
		free(where);
	}
	for (k = 0; rc == CX_OK && k < pack->n; k++) {
		const struct profile *old = profile_find(&ctx->profiles, pack->items[k]->id);
		char *mine = user_profile_dir();
		if (old && strncmp(old->origin, mine, strlen(mine)) != 0) {
			msg_at(pack->items[k]->origin, 0, "id: profile '%s' is already "
			       "defined by '%s'", old->id, old->origin);
			rc = CX_EINPUT;
		}
		free(mine);
	}
	return rc;
}

static int write_pack(const cJSON *root, const struct profile_set *pack)
{
	char *dir = user_profile_dir(), *path, *text;
	const cJSON *item = root->child;
	size_t k;
	int rc = make_dirs(dir) < 0 ? CX_EIO : CX_OK;

	if (rc != CX_OK)
		msg_at(dir, 0, "cannot create the profile directory: %s", strerror(errno));
	for (k = 0; rc == CX_OK && k < pack->n; k++, item = item->next) {
		path = xasprintf("%s/%s.json", dir, pack->items[k]->id);
		text = cJSON_Print(item);
		rc = atomic_write(path, text, strlen(text));
		if (rc == CX_OK)
			printf("%s: %s (%s)\n", path, pack->items[k]->id, pack->items[k]->brand);
		free(text);
		free(path);
	}
	free(dir);
	return rc;
}

static int pull(struct context *ctx, const char *source)
{
	struct profile_set pack = { 0 };
	struct input in;
	cJSON *root = NULL;
	int rc = context_load(ctx, 1);

	memset(&in, 0, sizeof in);
	if (rc == CX_OK)
		rc = input_read(source, &in);
	if (rc == CX_OK)
		rc = json_parse_input(&in, &root);
	if (rc == CX_OK)
		rc = check_pack(ctx, in.name, root, &pack);
	if (rc == CX_OK)
		rc = write_pack(root, &pack);
	profile_set_release(&pack);
	cJSON_Delete(root);
	input_release(&in);
	return rc;
}

static int dispatch(struct context *ctx, int argc, char **argv, enum format format)
{
	const char *sub = argv[0];
	int rc;

	if (strcmp(sub, "pull") == 0)
		return argc == 2 ? pull(ctx, argv[1]) :
			cli_usage_error("profiles", "pull needs one URL or file");
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
	cli_args_release(&command_profiles, &a);
	free(ops.v);
	return rc != CX_OK ? cli_exit(rc) : cli_flush();
}

const struct command command_profiles = {
	"profiles", run, "list, show or validate reference profiles",
	"usage: cxbench profiles list [--format table|json]\n"
	"       cxbench profiles show ID [--format table|json]\n"
	"       cxbench profiles validate FILE...\n"
	"       cxbench profiles pull URL\n"
	"List the reference profiles (bundled, pulled and --profile FILE), show\n"
	"one with the basis and source of every value, check profile files, or\n"
	"pull a pack (a JSON list of profiles, every one checked first) into\n"
	"$XDG_DATA_HOME/cxbench/profiles.\n\n",
	NULL, options, sizeof(struct profiles_args)
};
