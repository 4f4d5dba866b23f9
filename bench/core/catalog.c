#include "core/catalog.h"
#include "io/input.h"
#include "io/jsonfile.h"
#include "base/mem.h"
#include "base/msg.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const kind_names[] = { "percent", "nps", "mean", "scale" };

const char *metric_kind_name(enum metric_kind kind)
{
	return kind_names[kind];
}

static int parse_kind(const char *s, enum metric_kind *kind)
{
	size_t i;
	for (i = 0; i < sizeof kind_names / sizeof *kind_names; i++) {
		if (strcmp(s, kind_names[i]) == 0) {
			*kind = (enum metric_kind)i;
			return 0;
		}
	}
	return -1;
}

static int load_dimension(struct catalog *cat, const cJSON *item, size_t i)
{
	static const char *const keys[] = { "id", "name", "weight", "description", NULL };
	struct dimension *d = &cat->dims[i];
	const char *id = NULL, *name = NULL, *desc = "";
	char path[64];
	int bad;

	snprintf(path, sizeof path, "dimensions[%zu]", i);
	if (!cJSON_IsObject(item)) {
		msg_at(cat->origin, 0, "%s: expected an object", path);
		return -1;
	}
	bad = json_check_keys(cat->origin, path, item, keys);
	d->weight = 1;
	bad += json_string(cat->origin, path, item, "id", 1, &id) < 0;
	bad += json_string(cat->origin, path, item, "name", 1, &name) < 0;
	bad += json_string(cat->origin, path, item, "description", 0, &desc) < 0;
	bad += json_number(cat->origin, path, item, "weight", 0, &d->weight) < 0;
	if (bad)
		return -1;
	if (!(d->weight > 0)) {
		msg_at(cat->origin, 0, "%s.weight: must be greater than 0", path);
		return -1;
	}
	if (catalog_dimension(cat, id) >= 0) {
		msg_at(cat->origin, 0, "%s.id: duplicate dimension '%s'", path, id);
		return -1;
	}
	d->id = xstrdup(id);
	d->name = xstrdup(name);
	d->description = xstrdup(desc);
	return 0;
}

/* The possible range follows from the kind unless the catalog narrows it. */
static int metric_range(const char *file, const char *path, const cJSON *item,
			struct metric_def *m)
{
	int no_min, no_max;

	m->min = m->kind == KIND_NPS ? -100 : m->kind == KIND_SCALE ? -HUGE_VAL : 0;
	m->max = m->kind == KIND_NPS || m->kind == KIND_PERCENT ? 100 : HUGE_VAL;
	no_min = json_number(file, path, item, "min", 0, &m->min);
	no_max = json_number(file, path, item, "max", 0, &m->max);
	if (no_min < 0 || no_max < 0)
		return -1;
	if (m->kind == KIND_SCALE && (no_min || no_max)) {
		msg_at(file, 0, "%s: a scale metric needs 'min' and 'max'", path);
		return -1;
	}
	if (!(m->min < m->max)) {
		msg_at(file, 0, "%s: 'min' must be below 'max'", path);
		return -1;
	}
	if (m->worst < m->min || m->worst > m->max || m->best < m->min ||
	    m->best > m->max) {
		msg_at(file, 0, "%s: 'worst' and 'best' must be possible values "
		       "(%g to %g)", path, m->min, m->max);
		return -1;
	}
	return 0;
}

/* Optional: a change no larger than the noise is not called a movement
 * when no margin of error is known. */
static int metric_noise(const char *file, const char *path, const cJSON *item,
			struct metric_def *m)
{
	int rc = json_number(file, path, item, "noise", 0, &m->noise);

	if (rc < 0)
		return -1;
	if (rc > 0) {
		m->noise = NAN;
		return 0;
	}
	if (!(m->noise >= 0) || isinf(m->noise)) {
		msg_at(file, 0, "%s.noise: must be a number of 0 or more", path);
		return -1;
	}
	return 0;
}

/* An optional text that, when present, says something. */
static int optional_text(const char *file, const char *path, const cJSON *item,
			 const char *key, char **out)
{
	const char *text = NULL;

	if (json_string(file, path, item, key, 0, &text) < 0)
		return -1;
	if (text && !*text) {
		msg_at(file, 0, "%s.%s: must not be empty", path, key);
		return -1;
	}
	*out = text ? xstrdup(text) : NULL;
	return 0;
}

/* The optional keys that help a reader act on a gap, or fill in a value. */
static int metric_advice(const char *file, const char *path, const cJSON *item,
			 struct metric_def *m)
{
	const cJSON *cmp = cJSON_GetObjectItemCaseSensitive(item, "comparable");

	if (cmp && !cJSON_IsBool(cmp)) {
		msg_at(file, 0, "%s.comparable: expected true or false, got %s", path,
		       json_type_name(cmp));
		return -1;
	}
	if (optional_text(file, path, item, "next_step", &m->next_step) < 0 ||
	    optional_text(file, path, item, "measured", &m->measured) < 0)
		return -1;
	m->not_comparable = cJSON_IsFalse(cmp);
	return 0;
}

static int metric_fields(struct catalog *cat, const cJSON *item, const char *path,
			 struct metric_def *m)
{
	const char *id = NULL, *name = NULL, *dim = NULL, *unit = NULL, *dir = NULL,
		   *kind = NULL, *desc = NULL;
	int bad = 0;
	long d;

	bad += json_string(cat->origin, path, item, "id", 1, &id) < 0;
	bad += json_string(cat->origin, path, item, "name", 1, &name) < 0;
	bad += json_string(cat->origin, path, item, "dimension", 1, &dim) < 0;
	bad += json_string(cat->origin, path, item, "unit", 1, &unit) < 0;
	bad += json_string(cat->origin, path, item, "direction", 1, &dir) < 0;
	bad += json_string(cat->origin, path, item, "kind", 1, &kind) < 0;
	bad += json_string(cat->origin, path, item, "description", 1, &desc) < 0;
	bad += json_number(cat->origin, path, item, "worst", 1, &m->worst) < 0;
	bad += json_number(cat->origin, path, item, "best", 1, &m->best) < 0;
	if (bad)
		return -1;
	if (catalog_metric(cat, id) >= 0) {
		msg_at(cat->origin, 0, "%s.id: duplicate metric '%s'", path, id);
		return -1;
	}
	d = catalog_dimension(cat, dim);
	if (d < 0) {
		msg_at(cat->origin, 0, "%s.dimension: unknown dimension '%s'", path, dim);
		return -1;
	}
	if (parse_kind(kind, &m->kind) < 0) {
		msg_at(cat->origin, 0, "%s.kind: '%s' is not percent, nps, mean or scale",
		       path, kind);
		return -1;
	}
	if (strcmp(dir, "higher") != 0 && strcmp(dir, "lower") != 0) {
		msg_at(cat->origin, 0, "%s.direction: '%s' is not higher or lower", path, dir);
		return -1;
	}
	m->higher = dir[0] == 'h';
	if (m->worst == m->best || (m->best > m->worst) != m->higher) {
		msg_at(cat->origin, 0, "%s: 'best' must be %s than 'worst' for a "
		       "%s-is-better metric", path, m->higher ? "greater" : "less", dir);
		return -1;
	}
	if (metric_range(cat->origin, path, item, m) < 0 ||
	    metric_noise(cat->origin, path, item, m) < 0 ||
	    metric_advice(cat->origin, path, item, m) < 0)
		return -1;
	m->id = xstrdup(id);
	m->name = xstrdup(name);
	m->unit = xstrdup(unit);
	m->description = xstrdup(desc);
	m->dim = (size_t)d;
	return 0;
}

static int load_metric(struct catalog *cat, const cJSON *item, size_t i)
{
	static const char *const keys[] = { "id", "name", "dimension", "unit",
		"direction", "worst", "best", "kind", "description", "min", "max",
		"noise", "next_step", "comparable", "measured", NULL };
	char path[64];

	snprintf(path, sizeof path, "metrics[%zu]", i);
	if (!cJSON_IsObject(item)) {
		msg_at(cat->origin, 0, "%s: expected an object", path);
		return -1;
	}
	if (json_check_keys(cat->origin, path, item, keys))
		return -1;
	return metric_fields(cat, item, path, &cat->metrics[i]);
}

static int load_array(struct catalog *cat, const cJSON *root, const char *key,
		      int (*load)(struct catalog *, const cJSON *, size_t))
{
	const cJSON *arr = cJSON_GetObjectItemCaseSensitive(root, key), *item;
	size_t i = 0;
	int bad = 0;

	if (!cJSON_IsArray(arr) || cJSON_GetArraySize(arr) == 0) {
		msg_at(cat->origin, 0, "%s: expected a non-empty array", key);
		return -1;
	}
	cJSON_ArrayForEach(item, arr) {
		bad += load(cat, item, i) < 0;
		if (load == load_dimension)
			cat->ndims = ++i;
		else
			cat->nmetrics = ++i;
	}
	return bad ? -1 : 0;
}

static int catalog_parse(struct catalog *cat, const cJSON *root)
{
	static const char *const keys[] = { "version", "dimensions", "metrics", NULL };
	int n;

	if (!cJSON_IsObject(root)) {
		msg_at(cat->origin, 0, "expected a JSON object with dimensions and metrics");
		return -1;
	}
	if (json_check_keys(cat->origin, "", root, keys))
		return -1;
	n = cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(root, "dimensions"));
	cat->dims = xcalloc((size_t)n, sizeof *cat->dims);
	if (load_array(cat, root, "dimensions", load_dimension) < 0)
		return -1;
	n = cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(root, "metrics"));
	cat->metrics = xcalloc((size_t)n, sizeof *cat->metrics);
	return load_array(cat, root, "metrics", load_metric);
}

int catalog_from_input(const struct input *in, struct catalog **out)
{
	struct catalog *cat = NULL;
	cJSON *root = NULL;
	int rc;

	*out = NULL;
	rc = json_parse_input(in, &root);
	if (rc == CX_OK) {
		cat = xcalloc(1, sizeof *cat);
		cat->origin = xstrdup(in->name);
		rc = catalog_parse(cat, root) < 0 ? CX_EINPUT : CX_OK;
	}
	cJSON_Delete(root);
	if (rc != CX_OK) {
		catalog_free(cat);
		return rc;
	}
	*out = cat;
	return CX_OK;
}

int catalog_load(const char *path, struct catalog **out)
{
	struct input in;
	int rc = input_read(path, &in);

	*out = NULL;
	if (rc == CX_OK)
		rc = catalog_from_input(&in, out);
	input_release(&in);
	return rc;
}

void catalog_free(struct catalog *cat)
{
	size_t i;

	if (!cat)
		return;
	for (i = 0; i < cat->ndims; i++) {
		free(cat->dims[i].id);
		free(cat->dims[i].name);
		free(cat->dims[i].description);
	}
	for (i = 0; i < cat->nmetrics; i++) {
		free(cat->metrics[i].id);
		free(cat->metrics[i].name);
		free(cat->metrics[i].unit);
		free(cat->metrics[i].description);
		free(cat->metrics[i].next_step);
		free(cat->metrics[i].measured);
	}
	free(cat->dims);
	free(cat->metrics);
	free(cat->origin);
	free(cat);
}

long catalog_metric(const struct catalog *cat, const char *id)
{
	size_t i;
	for (i = 0; i < cat->nmetrics; i++)
		if (cat->metrics[i].id && strcmp(cat->metrics[i].id, id) == 0)
			return (long)i;
	return -1;
}

long catalog_dimension(const struct catalog *cat, const char *id)
{
	size_t i;
	for (i = 0; i < cat->ndims; i++)
		if (cat->dims[i].id && strcmp(cat->dims[i].id, id) == 0)
			return (long)i;
	return -1;
}

/* Levenshtein distance, capped: ids are short, so a small matrix row does. */
static size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	size_t row[65], prev, tmp;

	if (la > 64 || lb > 64)
		return (size_t)-1;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			tmp = row[j];
			row[j] = prev + (a[i - 1] != b[j - 1]);
			if (row[j - 1] + 1 < row[j])
				row[j] = row[j - 1] + 1;
			if (tmp + 1 < row[j])
				row[j] = tmp + 1;
			prev = tmp;
		}
	}
	return row[lb];
}

static const char *metric_id_at(const struct catalog *cat, size_t i)
{
	return cat->metrics[i].id;
}

static const char *dimension_id_at(const struct catalog *cat, size_t i)
{
	return cat->dims[i].id;
}

/* The closest to `id` of the n ids id_at() gives, or NULL if none is close. */
static const char *closest(const struct catalog *cat, const char *id, size_t n,
			   const char *(*id_at)(const struct catalog *, size_t))
{
	const char *best = NULL;
	size_t best_d = (size_t)-1, i, d, limit = strlen(id) / 3 + 1;

	for (i = 0; i < n; i++) {
		d = edit_distance(id, id_at(cat, i));
		if (d < best_d) {
			best_d = d;
			best = id_at(cat, i);
		}
	}
	return best_d <= limit ? best : NULL;
}

const char *catalog_suggest(const struct catalog *cat, const char *id)
{
	return closest(cat, id, cat->nmetrics, metric_id_at);
}

const char *catalog_suggest_dimension(const struct catalog *cat, const char *id)
{
	return closest(cat, id, cat->ndims, dimension_id_at);
}

int metric_check_value(const struct metric_def *m, double v, char *why,
		       size_t size)
{
	if (v >= m->min && v <= m->max)
		return 0;
	if (isinf(m->max))
		snprintf(why, size, "%g is out of range (at least %g)", v, m->min);
	else if (isinf(m->min))
		snprintf(why, size, "%g is out of range (at most %g)", v, m->max);
	else
		snprintf(why, size, "%g is out of range (%g to %g)", v, m->min, m->max);
	return -1;
}
