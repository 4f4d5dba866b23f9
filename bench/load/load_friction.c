/* load_friction: a period's `friction` block (DESIGN.md "Friction") into
 * the model (core/friction.h).  The block is written by `aggregate
 * --surveys` and read only by the report, so it is read leniently where
 * that is safe: members it does not know (a newer aggregate's extras) are
 * passed over, and a number may be null (an empty level has no CSAT);
 * but every member it does know must have its type, so that a damaged
 * file is named rather than drawn wrong. */
#include "load/loaders.h"
#include "io/jsonfile.h"
#include "base/mem.h"
#include "base/msg.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

/* A number, null or absent (both NAN): 0, or -1 after a message. */
static int num_or_null(const char *file, const char *path, const cJSON *obj,
		       const char *key, double *out)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);

	*out = NAN;
	if (!item || cJSON_IsNull(item))
		return 0;
	if (cJSON_IsNumber(item) && isfinite(item->valuedouble)) {
		*out = item->valuedouble;
		return 0;
	}
	msg_at(file, 0, "%s.%s: expected a number or null, got %s", path, key,
	       json_type_name(item));
	return -1;
}

/* The numbers `names` of the object `key` into `out`, each may be null,
 * and the object too. */
static int read_part(const char *file, const char *path, const cJSON *block,
		     const char *key, const char *const *names, double *const *out)
{
	const cJSON *obj = cJSON_GetObjectItemCaseSensitive(block, key);
	char at[384];
	int bad = 0;
	size_t i;

	for (i = 0; names[i]; i++)
		*out[i] = NAN;
	if (!obj || cJSON_IsNull(obj))
		return 0;
	snprintf(at, sizeof at, "%s.%s", path, key);
	if (!cJSON_IsObject(obj)) {
		msg_at(file, 0, "%s: expected an object, got %s", at, json_type_name(obj));
		return -1;
	}
	for (i = 0; names[i]; i++)
		bad += num_or_null(file, at, obj, names[i], out[i]) < 0;
	return bad ? -1 : 0;
}

/* {value, n, low, high, diff, significant}, each may be null. */
static int read_stat(const char *file, const char *path, const cJSON *obj,
		     const char *key, struct fr_stat *s)
{
	static const char *const names[] = { "value", "n", "low", "high", "diff", NULL };
	double *const out[] = { &s->value, &s->n, &s->low, &s->high, &s->diff };
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key), *sig;
	int bad = read_part(file, path, obj, key, names, out) < 0;

	s->significant = 0;
	if (!cJSON_IsObject(item))
		return bad ? -1 : 0; /* null or absent, or said not an object */
	sig = cJSON_GetObjectItemCaseSensitive(item, "significant");
	if (sig && !cJSON_IsBool(sig) && !cJSON_IsNull(sig)) {
		msg_at(file, 0, "%s.%s.significant: expected true or false, got %s", path, key,
		       json_type_name(sig));
		bad++;
	}
	s->significant = cJSON_IsTrue(sig);
	if (!bad && !isnan(s->n) && s->n < 0) {
		msg_at(file, 0, "%s.%s.n: %g answers is not a count", path, key, s->n);
		bad++;
	}
	return bad ? -1 : 0;
}

static int read_level(const char *file, const char *path, const cJSON *item,
		      struct fr_level *l)
{
	const char *name = NULL;
	int bad = 0;

	if (!cJSON_IsObject(item)) {
		msg_at(file, 0, "%s: expected an object, got %s", path, json_type_name(item));
		return -1;
	}
	bad += json_string(file, path, item, "level", 1, &name) < 0;
	bad += num_or_null(file, path, item, "contacts", &l->contacts) < 0;
	bad += read_stat(file, path, item, "csat_pct", &l->csat) < 0;
	bad += read_stat(file, path, item, "nps", &l->nps) < 0;
	if (name)
		l->level = xstrdup(name);
	return bad ? -1 : 0;
}

/* points_lost: numbers, or objects whose `value` is the number (with an
 * interval beside it). */
static int read_lost(const char *file, const char *path, const cJSON *obj,
		     const char *key, double *out)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);

	if (cJSON_IsObject(item))
		return num_or_null(file, path, item, "value", out);
	return num_or_null(file, path, obj, key, out);
}

static int read_factor(const char *file, const char *path, const cJSON *item,
		       struct fr_factor *f)
{
	const cJSON *levels = cJSON_GetObjectItemCaseSensitive(item, "levels");
	const cJSON *lost = cJSON_GetObjectItemCaseSensitive(item, "points_lost");
	const cJSON *best = cJSON_GetObjectItemCaseSensitive(item, "best"), *l;
	char at[256], lat[320];
	int bad = 0;

	f->id = xstrdup(item->string);
	f->lost_csat = f->lost_nps = f->csat_per_minute = NAN;
	snprintf(at, sizeof at, "%s.%.60s", path, item->string);
	if (!cJSON_IsObject(item)) {
		msg_at(file, 0, "%s: expected an object, got %s", at, json_type_name(item));
		return -1;
	}
	if (!cJSON_IsArray(levels)) {
		msg_at(file, 0, "%s.levels: expected an array, got %s", at,
		       json_type_name(levels));
		return -1;
	}
	f->levels = xcalloc((size_t)cJSON_GetArraySize(levels) + 1, sizeof *f->levels);
	cJSON_ArrayForEach(l, levels) {
		snprintf(lat, sizeof lat, "%s.levels[%zu]", at, f->nlevels);
		bad += read_level(file, lat, l, &f->levels[f->nlevels++]) < 0;
	}
	if (cJSON_IsString(best))
		f->best = xstrdup(best->valuestring);
	else if (best && !cJSON_IsNull(best)) {
		msg_at(file, 0, "%s.best: expected a level or null, got %s", at,
		       json_type_name(best));
		bad++;
	}
	if (cJSON_IsObject(lost)) {
		snprintf(lat, sizeof lat, "%s.points_lost", at);
		bad += read_lost(file, lat, lost, "csat_pct", &f->lost_csat) < 0;
		bad += read_lost(file, lat, lost, "nps", &f->lost_nps) < 0;
	} else if (lost && !cJSON_IsNull(lost)) {
		msg_at(file, 0, "%s.points_lost: expected an object, got %s", at,
		       json_type_name(lost));
		bad++;
	}
	bad += num_or_null(file, at, item, "csat_per_minute", &f->csat_per_minute) < 0;
	return bad ? -1 : 0;
}

int load_friction(const char *file, const char *ppath, const cJSON *block,
		  struct friction **out)
{
	static const char *const linked[] = { "by_contact_id", "by_customer",
		"unlinked", NULL };
	static const char *const tax[] = { "hours", "per_1000_contacts",
		"at_frontier_per_1000", NULL };
	const cJSON *factors = cJSON_GetObjectItemCaseSensitive(block, "factors"), *item;
	struct friction *f = NULL;
	char path[96];
	int bad = 0;

	*out = NULL;
	snprintf(path, sizeof path, "%s%sfriction", ppath, *ppath ? "." : "");
	if (!cJSON_IsObject(block)) {
		msg_at(file, 0, "%s: expected an object, got %s", path, json_type_name(block));
		return -1;
	}
	if (factors && !cJSON_IsObject(factors)) {
		msg_at(file, 0, "%s.factors: expected an object, got %s", path,
		       json_type_name(factors));
		return -1;
	}
	f = xcalloc(1, sizeof *f);
	{
		double *const lk[] = { &f->by_contact_id, &f->by_customer, &f->unlinked };
		double *const tx[] = { &f->tax_hours, &f->tax_per_1000,
			&f->tax_frontier_per_1000 };
		bad += read_part(file, path, block, "linked", linked, lk) < 0;
		bad += read_part(file, path, block, "time_tax", tax, tx) < 0;
	}
	f->factors = xcalloc((size_t)cJSON_GetArraySize(factors) + 1, sizeof *f->factors);
	snprintf(path, sizeof path, "%s%sfriction.factors", ppath, *ppath ? "." : "");
	cJSON_ArrayForEach(item, factors)
		bad += read_factor(file, path, item, &f->factors[f->nfactors++]) < 0;
	if (bad) {
		friction_free(f);
		return -1;
	}
	*out = f;
	return 0;
}
