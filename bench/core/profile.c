/* profile: a profile file's header (id, brand, kind, industries), the set
 * of profiles, the sector a company's industry picks, and the frontier;
 * the values and facts are read by profile_value.c. */
#include "core/profile_parts.h"
#include "io/input.h"
#include "io/jsonfile.h"
#include "base/mem.h"
#include "base/msg.h"
#include <ctype.h>
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int valid_id(const char *id)
{
	const char *s;
	if (!*id || strlen(id) > 64)
		return 0;
	for (s = id; *s; s++)
		if (!islower((unsigned char)*s) && !isdigit((unsigned char)*s) && *s != '-')
			return 0;
	return 1;
}

/* "kind": "brand" (the default) or "sector"; a sector names the words a
 * company's "industry" may hold for it ("industry": ["telecom", ...]). */
static int load_kind(const char *file, const cJSON *root, struct profile *p)
{
	const cJSON *list = cJSON_GetObjectItemCaseSensitive(root, "industry"), *item;
	const char *kind = "brand";
	size_t i = 0;

	if (json_string(file, "", root, "kind", 0, &kind) < 0)
		return -1;
	if (strcmp(kind, "brand") != 0 && strcmp(kind, "sector") != 0) {
		msg_at(file, 0, "kind: '%.40s' is not brand or sector", kind);
		return -1;
	}
	p->is_sector = kind[0] == 's';
	if (p->is_sector != (list != NULL)) {
		msg_at(file, 0, p->is_sector ? "industry: a sector profile names the "
		       "industries it stands for (\"industry\": [\"telecom\", ...])" :
		       "industry: only a sector profile (\"kind\": \"sector\") has one");
		return -1;
	}
	if (!list)
		return 0;
	if (!cJSON_IsArray(list) || !list->child) {
		msg_at(file, 0, "industry: expected an array of lower-case words");
		return -1;
	}
	p->industries = xcalloc((size_t)cJSON_GetArraySize(list), sizeof *p->industries);
	cJSON_ArrayForEach(item, list) {
		const char *s = cJSON_GetStringValue(item), *c;
		for (c = s; c && *c && !isupper((unsigned char)*c); c++)
			;
		if (!s || !*s || *c || strlen(s) > 64) {
			msg_at(file, 0, "industry[%zu]: expected a lower-case word", i);
			return -1;
		}
		p->industries[p->nindustries++] = xstrdup(s);
		i++;
	}
	return 0;
}

/* "colour": "#rrggbb", the brand's colour in every chart of every report
 * (the report checks its contrast: this only checks the form). */
static int load_colour(const char *file, const cJSON *root, struct profile *p)
{
	const char *c = NULL;
	size_t i;

	if (json_string(file, "", root, "colour", 0, &c) < 0)
		return -1;
	if (!c)
		return 0;
	for (i = 1; i < 7 && isxdigit((unsigned char)c[i]); i++)
		;
	if (c[0] != '#' || i != 7 || c[7]) {
		msg_at(file, 0, "colour: '%.40s' is not a colour written #rrggbb "
		       "(six hexadecimal digits)", c);
		return -1;
	}
	for (i = 0; i < 7; i++)
		p->colour[i] = (char)tolower((unsigned char)c[i]);
	p->colour[7] = '\0';
	return 0;
}

static int load_header(const char *file, const cJSON *root, struct profile *p)
{
	static const char *const keys[] = { "id", "brand", "sector", "summary",
		"metrics", "facts", "kind", "industry", "colour", NULL };
	const char *id = NULL, *brand = NULL, *sector = NULL, *summary = NULL;
	int bad;

	if (!cJSON_IsObject(root)) {
		msg_at(file, 0, "expected a JSON object (a reference profile)");
		return -1;
	}
	bad = json_check_keys(file, "", root, keys);
	bad += json_string(file, "", root, "id", 1, &id) < 0;
	bad += json_string(file, "", root, "brand", 1, &brand) < 0;
	bad += json_string(file, "", root, "sector", 1, &sector) < 0;
	bad += json_string(file, "", root, "summary", 1, &summary) < 0;
	if (bad)
		return -1;
	if (!valid_id(id) || strcmp(id, "frontier") == 0 || strcmp(id, "all") == 0) {
		msg_at(file, 0, "id: '%.100s' is not a valid profile id (lower-case "
		       "letters, digits and '-'; not 'all' or 'frontier')", id);
		return -1;
	}
	p->id = xstrdup(id);
	p->brand = xstrdup(brand);
	p->sector = xstrdup(sector);
	p->summary = xstrdup(summary);
	if (load_colour(file, root, p) < 0)
		return -1;
	return load_kind(file, root, p);
}

static int profile_parse(const struct catalog *cat, const char *file,
			 const cJSON *root, struct profile *p, int skip_unknown)
{
	const cJSON *metrics, *item;
	int bad = 0;

	if (load_header(file, root, p) < 0)
		return -1;
	metrics = cJSON_GetObjectItemCaseSensitive(root, "metrics");
	if (!cJSON_IsObject(metrics) || !metrics->child) {
		msg_at(file, 0, "metrics: expected an object with at least one metric");
		return -1;
	}
	cJSON_ArrayForEach(item, metrics) {
		long m = catalog_metric(cat, item->string);
		if (m >= 0 && p->values[m].present) {
			msg_at(file, 0, "metrics.%s: duplicate metric", item->string);
			bad++;
			continue;
		}
		bad += profile_load_value(cat, file, item, p, skip_unknown) < 0;
	}
	bad += profile_load_facts(file, root, p) < 0;
	return bad ? -1 : 0;
}

int profile_from_json(const struct catalog *cat, const char *file,
		      const cJSON *root, struct profile_set *set)
{
	struct profile *p = xcalloc(1, sizeof *p);
	const struct profile *dup;
	int rc;

	p->origin = xstrdup(file);
	p->values = xcalloc(cat->nmetrics, sizeof *p->values);
	p->nvalues = cat->nmetrics;
	rc = profile_parse(cat, file, root, p, set->skip_unknown) < 0 ? CX_EINPUT : CX_OK;
	if (rc == CX_OK && (dup = profile_find(set, p->id)) != NULL) {
		msg_at(file, 0, "id: profile '%s' is already defined by '%s'", p->id,
		       dup->origin);
		rc = CX_EINPUT;
	}
	if (rc != CX_OK) {
		profile_free(p);
		return rc;
	}
	profile_set_add(set, p);
	return CX_OK;
}

int profile_from_input(const struct catalog *cat, const struct input *in,
		       struct profile_set *set)
{
	cJSON *root = NULL;
	int rc = json_parse_input(in, &root);

	if (rc == CX_OK)
		rc = profile_from_json(cat, in->name, root, set);
	cJSON_Delete(root);
	return rc;
}

int profile_load(const struct catalog *cat, const char *path,
		 struct profile_set *set)
{
	struct input in;
	int rc = input_read(path, &in);

	if (rc == CX_OK)
		rc = profile_from_input(cat, &in, set);
	input_release(&in);
	return rc;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int profile_load_dir(const struct catalog *cat, const char *dir,
		     struct profile_set *set)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0, i;
	int rc = CX_OK, r;

	if (!d) {
		msg_at(dir, 0, "cannot open the profile directory");
		return CX_EIO;
	}
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		if (len < 6 || strcmp(e->d_name + len - 5, ".json") != 0 ||
		    strcmp(e->d_name, "catalog.json") == 0 || e->d_name[0] == '.')
			continue;
		xgrow((void **)&names, &cap, n, sizeof *names);
		names[n++] = xasprintf("%s/%s", dir, e->d_name);
	}
	closedir(d);
	if (n > 1)
		qsort(names, n, sizeof *names, by_name);
	for (i = 0; i < n; i++) {
		r = profile_load(cat, names[i], set);
		if (rc == CX_OK)
			rc = r;
		free(names[i]);
	}
	free(names);
	return rc;
}

char *user_profile_dir(void)
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	if (xdg && *xdg)
		return xasprintf("%s/cxbench/profiles", xdg);
	return xasprintf("%s/.local/share/cxbench/profiles", home && *home ? home : "/tmp");
}

const struct profile *profile_find(const struct profile_set *set, const char *id)
{
	size_t i;
	for (i = 0; i < set->n; i++)
		if (strcmp(set->items[i]->id, id) == 0)
			return set->items[i];
	return NULL;
}

const struct profile *profile_sector(const struct profile_set *set, const char *industry)
{
	size_t i, k;

	for (i = 0; industry && i < set->n; i++)
		for (k = 0; k < set->items[i]->nindustries; k++)
			if (strcasecmp(set->items[i]->industries[k], industry) == 0)
				return set->items[i];
	return NULL;
}

static int better(const struct metric_def *m, double a, double b)
{
	return m->higher ? a > b : a < b;
}

struct profile *frontier_new(const struct catalog *cat,
			     const struct profile *const *refs, size_t n)
{
	struct profile *f = xcalloc(1, sizeof *f);
	size_t m, i;

	f->id = xstrdup("frontier");
	f->brand = xstrdup("Frontier");
	f->sector = xstrdup("best of the selected brands");
	f->summary = xstrdup("The best value of any selected brand, metric by metric.");
	f->origin = xstrdup("(computed)");
	f->is_frontier = 1;
	f->values = xcalloc(cat->nmetrics, sizeof *f->values);
	f->nvalues = cat->nmetrics;
	for (m = 0; m < cat->nmetrics; m++) {
		struct ref_value *best = &f->values[m];
		for (i = 0; i < n; i++) {
			const struct ref_value *v = &refs[i]->values[m];
			if (!v->present || (best->present &&
					    !better(&cat->metrics[m], v->value, best->value)))
				continue;
			best->present = 1;
			best->value = v->value;
			best->reported = v->reported;
			best->year = v->year;
			best->from = refs[i];
		}
	}
	return f;
}

void profile_free(struct profile *p)
{
	size_t i;

	if (!p)
		return;
	for (i = 0; i < p->nvalues; i++) {
		free(p->values[i].source);
		free(p->values[i].method);
		free(p->values[i].note);
		free(p->values[i].url);
		free(p->values[i].quote);
	}
	for (i = 0; i < p->nfacts; i++) {
		free(p->facts[i].label);
		free(p->facts[i].scale);
		free(p->facts[i].source);
		free(p->facts[i].note);
		free(p->facts[i].url);
		free(p->facts[i].quote);
	}
	for (i = 0; i < p->nindustries; i++)
		free(p->industries[i]);
	free(p->industries);
	free(p->facts);
	free(p->values);
	free(p->id);
	free(p->brand);
	free(p->sector);
	free(p->summary);
	free(p->origin);
	free(p);
}

void profile_set_add(struct profile_set *set, struct profile *p)
{
	/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
	xgrow((void **)&set->items, &set->cap, set->n, sizeof *set->items);
	set->items[set->n++] = p;
}

void profile_set_release(struct profile_set *set)
{
	size_t i;
	for (i = 0; i < set->n; i++)
		profile_free(set->items[i]);
	free(set->items);
	memset(set, 0, sizeof *set);
}
