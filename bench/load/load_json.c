/* load_json: the JSON form of a company metrics file (DESIGN.md "Files"):
 * either "periods": [ {period, metrics}, ... ] or a top-level period and
 * metrics.  A metric is a number or {value, n, promoters_pct,
 * detractors_pct, clock}; in the object, null means not given, and a
 * value of null a metric not reported (a template's row left empty, whose
 * name, unit, direction, definition and measured are for the person who
 * fills it in, and ignored).  Every problem is reported; the count
 * decides. */
#include "load/loaders.h"
#include "io/jsonfile.h"
#include "base/mem.h"
#include "base/msg.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

/* The members of a metric's object besides value; in a template they
 * stand null until filled in. */
static const char *const optional_keys[] = { "n", "promoters_pct", "detractors_pct",
	"clock", NULL };

/* An optional member: 1 when absent or null, else as json_number(). */
static int optional_number(const char *file, const char *path, const cJSON *item,
			   const char *key, double *out)
{
	if (cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(item, key)))
		return 1;
	return json_number(file, path, item, key, 0, out);
}

/* A value of null: the metric is not reported (1), unless something else
 * about it is given (-1). */
static int not_reported(const char *file, const char *path, const cJSON *item)
{
	const cJSON *member;
	size_t i;

	for (i = 0; optional_keys[i]; i++) {
		member = cJSON_GetObjectItemCaseSensitive(item, optional_keys[i]);
		if (member && !cJSON_IsNull(member)) {
			msg_at(file, 0, "%s.value: null, but %s is given (leave both null "
			       "when the metric is not reported)", path, optional_keys[i]);
			return -1;
		}
	}
	return 1;
}

/* 0 with *o filled, 1 when the metric is not reported, -1 after an error. */
static int read_obs(const char *file, const char *path, const cJSON *item,
		    struct obs *o)
{
	static const char *const keys[] = { "value", "n", "promoters_pct",
		"detractors_pct", "clock", "name", "unit", "direction", "definition",
		"measured", NULL };
	const cJSON *clock_item = cJSON_GetObjectItemCaseSensitive(item, "clock");
	const char *clock = "";
	char why[120];
	int bad, has_n;

	memset(o, 0, sizeof *o);
	o->promoters = o->detractors = NAN;
	if (cJSON_IsNumber(item) || !cJSON_IsObject(item))
		return json_finite(file, path, item, &o->value);
	bad = json_check_keys(file, path, item, keys);
	if (cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(item, "value")))
		return bad ? -1 : not_reported(file, path, item);
	bad += json_number(file, path, item, "value", 1, &o->value) < 0;
	has_n = optional_number(file, path, item, "n", &o->n);
	bad += has_n < 0;
	bad += optional_number(file, path, item, "promoters_pct", &o->promoters) < 0;
	bad += optional_number(file, path, item, "detractors_pct", &o->detractors) < 0;
	if (!cJSON_IsNull(clock_item))
		bad += json_string(file, path, item, "clock", 0, &clock) < 0;
	if (!bad && clock_parse(clock, &o->business_clock, why, sizeof why) < 0) {
		msg_at(file, 0, "%s.%s", path, why);
		bad++;
	}
	if (!bad && has_n == 0 && sample_size_check(o->n, why, sizeof why) < 0) {
		msg_at(file, 0, "%s.n: %s", path, why);
		bad++;
	}
	return bad ? -1 : 0;
}

static int read_metric(const struct catalog *cat, struct company *c,
		       struct period_data *pd, const char *ppath, const cJSON *item)
{
	char path[256];
	const char *hint;
	struct obs o;
	long m;
	int rc;

	snprintf(path, sizeof path, "%s%smetrics.%.100s", ppath, *ppath ? "." : "",
		 item->string);
	m = catalog_metric(cat, item->string);
	if (m < 0) {
		hint = catalog_suggest(cat, item->string);
		msg_at(c->origin, 0, "%s: unknown metric '%.100s'%s%s%s", path,
		       item->string, hint ? " (did you mean '" : "", hint ? hint : "",
		       hint ? "'?)" : "");
		return -1;
	}
	rc = read_obs(c->origin, path, item, &o);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	return company_put(cat, c, pd, m, &o, path);
}

static int read_period(const struct catalog *cat, struct company *c,
		       const cJSON *obj, const char *path)
{
	const cJSON *metrics = cJSON_GetObjectItemCaseSensitive(obj, "metrics"), *item;
	const char *label = NULL;
	struct period key;
	struct period_data *pd;
	size_t before = c->nperiods;
	int bad = 0;

	if (json_string(c->origin, path, obj, "period", 1, &label) < 0)
		return -1;
	if (period_parse(label, &key) < 0) {
		msg_at(c->origin, 0, "%s%speriod: '%.40s' is not a period (YYYY-Qn, "
		       "YYYY-MM or YYYY)", path, *path ? "." : "", label);
		return -1;
	}
	if (!cJSON_IsObject(metrics) || !metrics->child) {
		msg_at(c->origin, 0, "%s%smetrics: expected an object with at least "
		       "one metric, got %s", path, *path ? "." : "",
		       metrics && !metrics->child && cJSON_IsObject(metrics) ?
		       "an empty object" : json_type_name(metrics));
		return -1;
	}
	pd = company_add_period(c, key, 0);
	if (!pd)
		return -1;
	if (c->nperiods == before) {
		msg_at(c->origin, 0, "%s: period %s appears twice", path, pd->label);
		return -1;
	}
	cJSON_ArrayForEach(item, metrics)
		bad += read_metric(cat, c, pd, *path ? path : "", item) < 0;
	item = cJSON_GetObjectItemCaseSensitive(obj, "friction");
	if (item)
		bad += load_friction(c->origin, path, item, &pd->friction) < 0;
	return bad ? -1 : 0;
}

static int read_periods(const struct catalog *cat, struct company *c,
			const cJSON *root)
{
	/* figures, channels and friction: extras written by `aggregate`, not
	 * compared */
	static const char *const keys[] = { "period", "metrics", "figures", "channels",
		"friction", NULL };
	const cJSON *periods = cJSON_GetObjectItemCaseSensitive(root, "periods"), *item;
	char path[48];
	size_t i = 0;
	int bad = 0;

	if (!periods)
		return read_period(cat, c, root, "");
	if (cJSON_GetObjectItemCaseSensitive(root, "period") ||
	    cJSON_GetObjectItemCaseSensitive(root, "metrics")) {
		msg_at(c->origin, 0, "use either 'periods' or a top-level 'period' "
		       "and 'metrics', not both");
		return -1;
	}
	if (!cJSON_IsArray(periods) || !periods->child) {
		msg_at(c->origin, 0, "periods: expected a non-empty array, got %s",
		       cJSON_IsArray(periods) ? "an empty array" : json_type_name(periods));
		return -1;
	}
	cJSON_ArrayForEach(item, periods) {
		snprintf(path, sizeof path, "periods[%zu]", i++);
		if (!cJSON_IsObject(item)) {
			msg_at(c->origin, 0, "%s: expected an object, got %s", path,
			       json_type_name(item));
			bad++;
			continue;
		}
		if (json_check_keys(c->origin, path, item, keys)) {
			bad++;
			continue;
		}
		bad += read_period(cat, c, item, path) < 0;
	}
	return bad ? -1 : 0;
}

int load_company_json(const struct catalog *cat, const struct input *in,
		      struct company *c)
{
	static const char *const keys[] = { "company", "industry", "period",
		"metrics", "periods", "source", "conversations", "customer_turns",
		"contacts", "languages", "signals", "silent_dissatisfied", "friction",
		NULL };
	const char *name = NULL, *industry = NULL;
	cJSON *root = NULL;
	char why[80];
	int bad, rc;

	rc = json_parse_input(in, &root);
	if (rc != CX_OK)
		return rc;
	if (!cJSON_IsObject(root)) {
		msg_at(c->origin, 0, "expected a JSON object with company and periods, "
		       "got %s", json_type_name(root));
		cJSON_Delete(root);
		return CX_EINPUT;
	}
	bad = json_check_keys(c->origin, "", root, keys);
	bad += json_string(c->origin, "", root, "company", 1, &name) < 0;
	bad += json_string(c->origin, "", root, "industry", 0, &industry) < 0;
	if (name && company_name_check(name, why, sizeof why) < 0) {
		msg_at(c->origin, 0, "company: %s", why);
		bad++;
	}
	if (!bad) {
		c->name = xstrdup(name);
		c->industry = industry ? xstrdup(industry) : NULL;
		bad += read_periods(cat, c, root) < 0;
	}
	cJSON_Delete(root);
	return bad ? CX_EINPUT : CX_OK;
}
