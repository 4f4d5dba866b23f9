#include "core/context.h"
#include "base/mem.h"
#include "base/msg.h"
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef CX_DATADIR
#define CX_DATADIR "/usr/local/share/cxbench"
#endif

static int has_catalog(const char *dir)
{
	struct stat st;
	char *path = xasprintf("%s/profiles/catalog.json", dir);
	int ok = stat(path, &st) == 0;
	free(path);
	return ok;
}

char *data_dir_new(void)
{
	const char *env = getenv("CXBENCH_DATA");
	char exe[PATH_MAX];
	ssize_t len;
	char *slash;

	if (env && *env)
		return xstrdup(env);
	len = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (len > 0) {
		exe[len] = '\0';
		slash = strrchr(exe, '/');
		if (slash) {
			char *share;
			*slash = '\0';
			if (has_catalog(exe))
				return xstrdup(exe);
			/* an install tree moved as a whole: PREFIX/bin/../share */
			share = xasprintf("%s/../share/cxbench", exe);
			if (has_catalog(share))
				return share;
			free(share);
		}
	}
	return xstrdup(CX_DATADIR);
}

int context_load(struct context *ctx, int profiles)
{
	char *path = NULL;
	size_t i;
	int rc;

	ctx->datadir = data_dir_new();
	path = ctx->catalog_path ? xstrdup(ctx->catalog_path) :
		xasprintf("%s/profiles/catalog.json", ctx->datadir);
	rc = catalog_load(path, &ctx->cat);
	free(path);
	if (rc != CX_OK || !profiles)
		return rc;
	/* the bundled profiles, then those added with `profiles pull` */
	ctx->profiles.skip_unknown = ctx->catalog_path != NULL;
	path = xasprintf("%s/profiles", ctx->datadir);
	rc = profile_load_dir(ctx->cat, path, &ctx->profiles);
	free(path);
	path = xasprintf("%s/profiles/sectors", ctx->datadir);
	if (rc == CX_OK && access(path, R_OK) == 0)
		rc = profile_load_dir(ctx->cat, path, &ctx->profiles);
	free(path);
	path = user_profile_dir();
	if (rc == CX_OK && access(path, R_OK) == 0)
		rc = profile_load_dir(ctx->cat, path, &ctx->profiles);
	free(path);
	ctx->profiles.skip_unknown = 0;
	for (i = 0; rc == CX_OK && i < ctx->nextra; i++)
		rc = profile_load(ctx->cat, ctx->extra[i], &ctx->profiles);
	return rc;
}

void context_release(struct context *ctx)
{
	free(ctx->datadir);
	catalog_free(ctx->cat);
	profile_set_release(&ctx->profiles);
	memset(ctx, 0, sizeof *ctx);
}

static int selected(const struct selection *sel, const struct profile *p)
{
	size_t i;
	for (i = 0; i < sel->n; i++)
		if (sel->refs[i] == p)
			return 1;
	return 0;
}

static void select_one(struct selection *sel, const struct profile *p)
{
	if (!selected(sel, p))
		sel->refs[sel->n++] = p;
}

static int unknown_id(const struct context *ctx, const char *id)
{
	size_t i, best = 0, common, bestc = 0;

	for (i = 0; i < ctx->profiles.n; i++) {
		const char *pid = ctx->profiles.items[i]->id;
		for (common = 0; pid[common] && pid[common] == id[common]; common++)
			;
		if (common > bestc) {
			bestc = common;
			best = i;
		}
	}
	if (bestc >= 2)
		msg_error("--against: unknown profile '%s' (did you mean '%s'?)", id,
			  ctx->profiles.items[best]->id);
	else
		msg_error("--against: unknown profile '%s' (see 'cxbench profiles list')",
			  id);
	return CX_EUSAGE;
}

/* The sector profile of the company's industry.  Asked for by name
 * (`--against sector`) it must exist; in the default selection a company
 * without a known industry simply has none (a note says which are known
 * when it names one). */
static int select_sector(const struct context *ctx, const char *industry, int asked,
			 struct selection *sel)
{
	const struct profile *p = profile_sector(&ctx->profiles, industry);
	char *known = xstrdup("");
	size_t i;

	if (p) {
		select_one(sel, p);
		free(known);
		return CX_OK;
	}
	for (i = 0; i < ctx->profiles.n; i++) {
		const struct profile *s = ctx->profiles.items[i];
		char *more;
		if (!s->is_sector)
			continue;
		more = xasprintf("%s%s%s", known, *known ? ", " : "", s->industries[0]);
		free(known);
		known = more;
	}
	if (asked && industry)
		msg_error("--against sector: no sector profile for the company's industry "
			  "'%.60s' (sector profiles: %s)", industry, *known ? known : "none");
	else if (asked)
		msg_error("--against sector: the company file names no industry (sector "
			  "profiles: %s; set the company file's \"industry\")",
			  *known ? known : "none");
	else if (industry)
		msg_note(NULL, "no sector profile for industry '%.60s' (sector profiles: "
			 "%s)", industry, *known ? known : "none");
	free(known);
	return asked ? CX_EUSAGE : CX_OK;
}

/* Brands and the sector in --against order, the frontier where it was
 * asked for, computed over the brands chosen (all of them when only the
 * frontier was asked for); a sector is context, never part of it. */
int selection_parse(const struct context *ctx, const char *against, const char *industry,
		    struct selection *sel)
{
	char *list = xstrdup(against ? against : SELECTION_DEFAULT), *save = NULL, *id;
	const struct profile *p;
	const struct profile **brands;
	int want_frontier = 0, frontier_pos = -1, rc = CX_OK;
	size_t i, nbrands = 0;

	memset(sel, 0, sizeof *sel);
	/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
	sel->refs = xcalloc(ctx->profiles.n + 1, sizeof *sel->refs);
	for (id = strtok_r(list, ",", &save); id && rc == CX_OK;
	     id = strtok_r(NULL, ",", &save)) {
		if (strcmp(id, "all") == 0) {
			for (i = 0; i < ctx->profiles.n; i++)
				if (!ctx->profiles.items[i]->is_sector)
					select_one(sel, ctx->profiles.items[i]);
		} else if (strcmp(id, "sector") == 0) {
			rc = select_sector(ctx, industry, against != NULL, sel);
		} else if (strcmp(id, "frontier") == 0) {
			if (!want_frontier)
				frontier_pos = (int)sel->n;
			want_frontier = 1;
		} else if ((p = profile_find(&ctx->profiles, id)) != NULL) {
			select_one(sel, p);
		} else {
			rc = unknown_id(ctx, id);
		}
	}
	free(list);
	if (rc == CX_OK && sel->n == 0 && !want_frontier) {
		msg_error("--against: no profile named");
		rc = CX_EUSAGE;
	}
	if (rc != CX_OK) {
		selection_release(sel);
		return rc;
	}
	/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
	brands = xcalloc(ctx->profiles.n + 1, sizeof *brands);
	for (i = 0; i < sel->n; i++)
		if (!sel->refs[i]->is_sector)
			brands[nbrands++] = sel->refs[i];
	if (nbrands == 0) /* only the frontier (and a sector): over every brand */
		for (i = 0; i < ctx->profiles.n; i++)
			if (!ctx->profiles.items[i]->is_sector)
				brands[nbrands++] = ctx->profiles.items[i];
	sel->frontier = frontier_new(ctx->cat, brands, nbrands);
	free(brands);
	if (want_frontier) {
		/* NOLINTBEGIN(bugprone-sizeof-expression): an array of pointers */
		memmove(&sel->refs[frontier_pos + 1], &sel->refs[frontier_pos],
			(sel->n - (size_t)frontier_pos) * sizeof *sel->refs);
		/* NOLINTEND(bugprone-sizeof-expression) */
		sel->refs[frontier_pos] = sel->frontier;
		sel->n++;
	}
	return CX_OK;
}

void selection_release(struct selection *sel)
{
	free(sel->refs);
	profile_free(sel->frontier);
	memset(sel, 0, sizeof *sel);
}
