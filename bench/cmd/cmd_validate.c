/* cmd_validate: `cxbench validate FILE...`: checks company metrics files
 * (and profiles or catalogs, recognised by their content) without
 * comparing anything.  One line per file on stdout; problems on stderr. */
#include "cmd/cmds.h"
#include "cmd/cli.h"
#include "core/company.h"
#include "core/context.h"
#include "io/jsonfile.h"
#include "base/msg.h"
#include <stdio.h>
#include <unistd.h>
#include <string.h>

static const char usage[] =
	"usage: cxbench validate FILE...\n"
	"Check company metrics files (JSON, CSV or XML; - for stdin) against the\n"
	"catalog, reporting every problem with its file and position.  Reference\n"
	"profiles and catalogs are recognised and checked too.\n\n"
	"  --catalog FILE    a metric catalog other than the bundled one\n"
	CLI_NET_HELP
	"  -h, --help        this help\n";

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
		else
			rc = check_company(ctx, &in);
	}
	input_release(&in);
	return rc;
}

int cmd_validate(int argc, char **argv)
{
	struct cli_opts o = { 0 };
	struct context ctx = { 0 };
	int rc = cli_parse("validate", usage, argc, argv, OPT_CATALOG, 0, &o, &ctx);
	int one, worst = CX_OK;

	if (rc != CX_OK)
		return rc < 0 ? cli_flush() : rc;
	if (optind >= argc)
		return cli_usage_error("validate", "expected at least one FILE");
	rc = context_load(&ctx, 0);
	/* Every file is checked; the exit code is the worst outcome. */
	for (; rc == CX_OK && optind < argc; optind++) {
		one = check_file(&ctx, argv[optind]);
		worst = one > worst ? one : worst;
	}
	rc = rc != CX_OK ? rc : worst;
	context_release(&ctx);
	one = cli_flush();
	return rc != CX_OK ? rc : one;
}
