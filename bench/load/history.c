#include "load/history.h"
#include "load/load.h"
#include "base/mem.h"
#include "base/msg.h"
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The company files in a directory, sorted; the caller frees each and the
 * array. */
static int list_dir(const char *dir, char ***names, size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t cap = 0;

	*names = NULL;
	*n = 0;
	if (!d) {
		msg_at(dir, 0, "cannot open the directory");
		return CX_EIO;
	}
	while ((e = readdir(d)) != NULL) {
		const char *ext = strrchr(e->d_name, '.');
		if (e->d_name[0] == '.' || !ext ||
		    (strcasecmp(ext, ".json") != 0 && strcasecmp(ext, ".csv") != 0 &&
		     strcasecmp(ext, ".xml") != 0))
			continue;
		xgrow((void **)names, &cap, *n, sizeof **names);
		(*names)[(*n)++] = xasprintf("%s%s%s", dir,
			dir[strlen(dir) - 1] == '/' ? "" : "/", e->d_name);
	}
	closedir(d);
	if (*n > 1)
		qsort(*names, *n, sizeof **names, by_name);
	if (*n == 0) {
		msg_at(dir, 0, "no .json, .csv or .xml files in the directory");
		return CX_EINPUT;
	}
	return CX_OK;
}

static int same_company(const struct company *a, const struct company *b)
{
	char ga[16], gb[16];

	if (strcmp(a->name, b->name) != 0) {
		msg_at(b->origin, 0, "company '%s' differs from '%s' in '%s'", b->name,
		       a->name, a->origin);
		return -1;
	}
	if (a->periods[0].key.gran != b->periods[0].key.gran) {
		period_format(b->periods[0].key, gb);
		period_format(a->periods[0].key, ga);
		msg_at(b->origin, 0, "period '%s' is a %s, but '%s' in '%s' is a %s; "
		       "use one granularity", gb, granularity_name(b->periods[0].key.gran),
		       ga, a->origin, granularity_name(a->periods[0].key.gran));
		return -1;
	}
	return 0;
}

/* The first file that has a period's friction block gives it: the
 * block moves from src (freed with its company after the merge). */
static int merge_period(const struct catalog *cat, struct company *into,
			const struct company *from, struct period_data *src)
{
	struct period_data *dst = company_add_period(into, src->key, 0);
	const char *file = company_file(into, from->origin);
	size_t m;
	int bad = 0;

	if (!dst->friction) {
		dst->friction = src->friction;
		src->friction = NULL;
	}
	for (m = 0; m < cat->nmetrics; m++) {
		const struct obs *o = &src->obs[m];
		struct obs *slot = &dst->obs[m];
		if (!o->present)
			continue;
		if (!slot->present) {
			*slot = *o;
			slot->file = file;
			continue;
		}
		if (slot->value != o->value) {
			msg_at(from->origin, o->line, "%s in %s is %g here but %g in '%s'",
			       cat->metrics[m].id, src->label, o->value, slot->value,
			       slot->file);
			bad++;
		}
	}
	return bad ? -1 : 0;
}

static int merge(const struct catalog *cat, struct company *into,
		 struct company *from)
{
	size_t i;
	int bad = 0;

	if (same_company(into, from) < 0)
		return -1;
	for (i = 0; i < from->nperiods; i++)
		bad += merge_period(cat, into, from, &from->periods[i]) < 0;
	return bad ? -1 : 0;
}

static int load_one(const struct catalog *cat, const char *path,
		    struct company **all)
{
	struct company *c = NULL;
	int rc = company_load(cat, path, &c);

	if (rc == CX_OK && !*all) {
		*all = c;
		return CX_OK;
	}
	if (rc == CX_OK && merge(cat, *all, c) < 0)
		rc = CX_EINPUT;
	company_free(c);
	return rc;
}

static int is_dir(const char *path)
{
	struct stat st;
	return strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int history_load(const struct catalog *cat, char *const *paths, size_t n,
		 struct company **out)
{
	struct company *all = NULL;
	char **names = NULL;
	size_t i, k, count = 0;
	int rc = CX_OK, one;

	for (i = 0; i < n && rc != CX_EIO; i++) {
		if (!is_dir(paths[i])) {
			one = load_one(cat, paths[i], &all);
			rc = one > rc ? one : rc;
			continue;
		}
		one = list_dir(paths[i], &names, &count);
		rc = one > rc ? one : rc;
		for (k = 0; k < count; k++) {
			if (one == CX_OK && rc != CX_EIO) {
				int r = load_one(cat, names[k], &all);
				rc = r > rc ? r : rc;
			}
			free(names[k]);
		}
		free(names);
	}
	if (rc != CX_OK) {
		company_free(all);
		return rc;
	}
	*out = all;
	return CX_OK;
}

static int bound(const struct company *c, const char *opt, const char *text,
		 struct period *p)
{
	if (period_parse(text, p) < 0 || p->gran != c->periods[0].key.gran) {
		msg_error("%s: '%s' is not a %s like '%s'", opt, text,
			  granularity_name(c->periods[0].key.gran), c->periods[0].label);
		return -1;
	}
	return 0;
}

int history_window(struct company *c, const char *since, const char *until)
{
	struct period lo, hi;
	size_t i, kept = 0;

	if ((since && bound(c, "--since", since, &lo) < 0) ||
	    (until && bound(c, "--until", until, &hi) < 0))
		return CX_EUSAGE;
	for (i = 0; i < c->nperiods; i++) {
		if ((since && period_cmp(c->periods[i].key, lo) < 0) ||
		    (until && period_cmp(c->periods[i].key, hi) > 0)) {
			free(c->periods[i].obs);
			friction_free(c->periods[i].friction);
			continue;
		}
		c->periods[kept++] = c->periods[i];
	}
	c->nperiods = kept;
	if (kept == 0) {
		msg_error("no period of '%s' lies between %s and %s", c->origin,
			  since ? since : "the start", until ? until : "the end");
		return CX_EUSAGE;
	}
	return CX_OK;
}

int history_pick(const struct company *c, const char *label, size_t *out)
{
	long i = label ? company_period(c, label) : (long)c->nperiods - 1;

	if (i < 0) {
		msg_at(c->origin, 0, "--period: no period '%s' (the file has %s to %s)",
		       label, c->periods[0].label, c->periods[c->nperiods - 1].label);
		return CX_EUSAGE;
	}
	*out = (size_t)i;
	return CX_OK;
}
