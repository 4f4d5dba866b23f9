/* cmd_validate: `cxbench validate FILE...`: checks company metrics files
 * (and profiles or catalogs, recognised by their content) without
 * comparing anything.  One line per file on stdout; problems on stderr. */
#include "cmd/cmds.h"
#include "aggregate/aggregate.h"
#include "core/company.h"
#include "imports/import.h"
#include "load/load.h"
#include "core/context.h"
#include "io/jsonfile.h"
#include "base/msg.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct validate_args {
	struct cli_refs refs;
};

static const struct cli_option options[] = {
	CLI_OPT_CATALOG(struct validate_args),
	CLI_OPT_GROUP(cli_net_options),
	CLI_OPT_END
};

/* What a JSON file is, by the member that only that kind has. */
static const char *json_kind(const struct input *in)
{
	cJSON *root = NULL;
	const char *kind = "company";

	if (!looks_like_json(in))
		return kind;
	root = cJSON_ParseWithLength(in->data, in->len);
	if (cJSON_GetObjectItemCaseSensitive(root, "company"))
		kind = "company";
	else if (cJSON_GetObjectItemCaseSensitive(root, "brand"))
		kind = "profile";
	else if (cJSON_GetObjectItemCaseSensitive(root, "dimensions"))
		kind = "catalog";
	else if (cJSON_GetObjectItemCaseSensitive(root, "fields"))
		kind = "import";
	cJSON_Delete(root);
	return kind;
}

static int check_company(const struct context *ctx, struct input *in)
{
	struct company *c = NULL;
	int rc = company_from_input(ctx->cat, in, &c);

	if (rc == CX_OK)
		printf("%s: ok: company '%s', %zu period%s (%s to %s), %zu values\n",
		       in->name, c->name, c->nperiods, c->nperiods == 1 ? "" : "s",
		       c->periods[0].label, c->periods[c->nperiods - 1].label,
		       company_count(c));
	company_free(c);
	return rc;
}

static int check_profile(const struct context *ctx, const struct input *in)
{
	struct profile_set set = { 0 };
	int rc = profile_from_input(ctx->cat, in, &set);
	size_t i, rep = 0, mod = 0;

	if (rc == CX_OK) {
		for (i = 0; i < ctx->cat->nmetrics; i++) {
			rep += set.items[0]->values[i].present && set.items[0]->values[i].reported;
			mod += set.items[0]->values[i].present && !set.items[0]->values[i].reported;
		}
		printf("%s: ok: profile '%s' (%s), %zu reported and %zu modeled values\n",
		       in->name, set.items[0]->id, set.items[0]->brand, rep, mod);
	}
	profile_set_release(&set);
	return rc;
}

static int check_catalog(const struct input *in)
{
	struct catalog *cat = NULL;
	int rc = catalog_from_input(in, &cat);

	if (rc == CX_OK)
		printf("%s: ok: catalog, %zu dimensions, %zu metrics\n", in->name,
		       cat->ndims, cat->nmetrics);
	catalog_free(cat);
	return rc;
}

static int check_import(const struct input *in)
{
	struct import_profile *p = NULL;
	int rc = import_from_input(in, agg_field_list, &p);

	if (rc == CX_OK)
		printf("%s: ok: import profile '%s' (%s), %s, %zu fields\n", in->name, p->id,
		       p->name, import_kind_name(p->kind), p->nspecs);
	import_free(p);
	return rc;
}

static int check_file(const struct context *ctx, const char *path)
{
	struct input in;
	const char *kind;
	int rc = input_read(path, &in);

	if (rc == CX_OK) {
		kind = json_kind(&in);
		if (strcmp(kind, "profile") == 0)
			rc = check_profile(ctx, &in);
		else if (strcmp(kind, "catalog") == 0)
			rc = check_catalog(&in);
		else if (strcmp(kind, "import") == 0)
			rc = check_import(&in);
		else
			rc = check_company(ctx, &in);
	}
	input_release(&in);
	return rc;
}

static int run(int argc, char **argv)
{
	struct validate_args a = { 0 };
	struct cli_operands ops = { 0 };
	struct context ctx = { 0 };
	int rc = cli_parse(&command_validate, argc, argv, &a, &ops);
	int one, worst = CX_OK;
	size_t i;

	if (rc == CX_OK && ops.n == 0)
		rc = cli_usage_error("validate", "expected at least one FILE");
	cli_refs_apply(&a.refs, &ctx);
	if (rc == CX_OK)
		rc = context_load(&ctx, 0);
	/* Every file is checked; the exit code is the worst outcome. */
	for (i = 0; rc == CX_OK && i < ops.n; i++) {
		one = check_file(&ctx, ops.v[i]);
		worst = one > worst ? one : worst;
	}
	rc = rc != CX_OK ? rc : worst;
	context_release(&ctx);
	return cli_done(&command_validate, &a, &ops, rc);
}

const struct command command_validate = {
	"validate", run, "check company metrics files without comparing",
	"usage: cxbench validate FILE...\n"
	"Check company metrics files (JSON, CSV or XML; - for stdin) against the\n"
	"catalog, reporting every problem with its file and position.  Reference\n"
	"profiles, catalogs and import profiles are recognised and checked too.\n\n",
	NULL, options, sizeof(struct validate_args), .operands = CLI_VALUE_FILE
};
