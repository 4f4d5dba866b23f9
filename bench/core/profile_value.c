/* profile_value: a reference value and a published fact as a profile file
 * writes them.  A reported value must say where it comes from (source,
 * method, year, and the quote of the source that holds the number, so a
 * consultant can check it in a minute); a modeled one says why (note).
 * Published ranges or quartiles (p25, p75) are kept when the quote holds
 * them too. */
#include "core/profile_parts.h"
#include "io/jsonfile.h"
#include "base/mem.h"
#include "base/msg.h"
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

char *profile_dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static int year_field(const char *file, const char *path, const cJSON *obj,
		      int required, int *year)
{
	double y = 0;
	int rc = json_number(file, path, obj, "year", required, &y);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	if (y != floor(y) || y < 1900 || y > 2100) {
		msg_at(file, 0, "%s.year: %g is not a year", path, y);
		return -1;
	}
	*year = (int)y;
	return 0;
}

/* `form` occurs in s, not as part of a longer number. */
static int occurs(const char *s, const char *form)
{
	size_t n = strlen(form);
	const char *at;

	for (at = strstr(s, form); at; at = strstr(at + 1, form)) {
		const char *after = at + n;
		int before_ok = at == s || (!isdigit((unsigned char)at[-1]) &&
					    !(at[-1] == '.' && at - 1 > s &&
					      isdigit((unsigned char)at[-2])));
		int after_ok = !isdigit((unsigned char)*after) &&
			!((*after == '.' || *after == ',') &&
			  isdigit((unsigned char)after[1]));
		if (before_ok && after_ok)
			return 1;
	}
	return 0;
}

int quote_holds(const char *quote, double value)
{
	char plain[48], grouped[64];
	long long whole;

	snprintf(plain, sizeof plain, "%.10g", value);
	if (occurs(quote, plain))
		return 1;
	/* grouped digits only for whole numbers a long long holds exactly */
	if (value != floor(value) || fabs(value) < 1000 || fabs(value) >= 1e15)
		return 0;
	whole = (long long)fabs(value);
	/* 1,254 and 12,500,000: the thousands as a source groups them */
	snprintf(grouped, sizeof grouped, "%s%lld,%03lld", value < 0 ? "-" : "",
		 whole / 1000, whole % 1000);
	if (whole >= 1000000)
		snprintf(grouped, sizeof grouped, "%s%lld,%03lld,%03lld",
			 value < 0 ? "-" : "", whole / 1000000, whole / 1000 % 1000,
			 whole % 1000);
	return occurs(quote, grouped);
}

/* p25 and p75: both or neither, in order, each a possible value, each in
 * the quote (a published range is read there too). */
static int value_range(const struct metric_def *m, const char *file, const char *path,
		       const cJSON *obj, struct ref_value *v)
{
	int has25 = cJSON_GetObjectItemCaseSensitive(obj, "p25") != NULL;
	int has75 = cJSON_GetObjectItemCaseSensitive(obj, "p75") != NULL;
	char why[160];

	if (!has25 && !has75)
		return 0;
	if (has25 != has75) {
		msg_at(file, 0, "%s: p25 and p75 come together", path);
		return -1;
	}
	if (json_number(file, path, obj, "p25", 1, &v->p25) < 0 ||
	    json_number(file, path, obj, "p75", 1, &v->p75) < 0)
		return -1;
	if (v->p25 > v->p75) {
		msg_at(file, 0, "%s: p25 %g is above p75 %g", path, v->p25, v->p75);
		return -1;
	}
	if (metric_check_value(m, v->p25, why, sizeof why) < 0 ||
	    metric_check_value(m, v->p75, why, sizeof why) < 0) {
		msg_at(file, 0, "%s: p25/p75: %s", path, why);
		return -1;
	}
	v->has_range = 1;
	return 0;
}

/* The quote of a reported value must hold its numbers. */
static int quote_check(const char *file, const char *path, const char *quote,
		       const struct ref_value *v)
{
	if (!quote_holds(quote, v->value)) {
		msg_at(file, 0, "%s.quote: does not hold the value %g as the source "
		       "prints it: quote the sentence with the number, or make the "
		       "value modeled", path, v->value);
		return -1;
	}
	if (v->has_range && (!quote_holds(quote, v->p25) || !quote_holds(quote, v->p75))) {
		msg_at(file, 0, "%s.quote: does not hold p25 %g and p75 %g", path, v->p25,
		       v->p75);
		return -1;
	}
	return 0;
}

/* basis "reported" needs source, method, year and quote; "modeled" needs a
 * note, and has no quote (nothing was read to quote). */
static int value_basis(const char *file, const char *path, const cJSON *obj,
		       struct ref_value *v)
{
	const char *basis = NULL, *source = NULL, *method = NULL, *note = NULL;
	const char *url = NULL, *quote = NULL;
	int bad = 0, reported;

	if (json_string(file, path, obj, "basis", 1, &basis) < 0)
		return -1;
	if (strcmp(basis, "reported") != 0 && strcmp(basis, "modeled") != 0) {
		msg_at(file, 0, "%s.basis: '%s' is not reported or modeled", path, basis);
		return -1;
	}
	reported = basis[0] == 'r';
	bad += json_string(file, path, obj, "source", reported, &source) < 0;
	bad += json_string(file, path, obj, "method", reported, &method) < 0;
	bad += json_string(file, path, obj, "note", !reported, &note) < 0;
	bad += json_string(file, path, obj, "url", 0, &url) < 0;
	bad += json_string(file, path, obj, "quote", reported, &quote) < 0;
	bad += year_field(file, path, obj, reported, &v->year) < 0;
	if (!bad && !reported && quote) {
		msg_at(file, 0, "%s.quote: a modeled value quotes nothing; make it "
		       "reported, or drop the quote", path);
		bad++;
	}
	/* checked before anything is kept: a metric that fails may come again
	 * in the same file (a duplicate key) */
	if (bad || (reported && quote_check(file, path, quote, v) < 0))
		return -1;
	v->reported = reported;
	v->source = profile_dup_or_null(source);
	v->method = profile_dup_or_null(method);
	v->note = profile_dup_or_null(note);
	v->url = profile_dup_or_null(url);
	v->quote = profile_dup_or_null(quote);
	return 0;
}

int profile_load_value(const struct catalog *cat, const char *file,
		       const cJSON *item, struct profile *p, int skip_unknown)
{
	static const char *const keys[] = { "value", "basis", "source", "method",
		"year", "note", "url", "quote", "p25", "p75", NULL };
	long m = catalog_metric(cat, item->string);
	const char *hint;
	char path[160], why[160];
	struct ref_value *v;

	snprintf(path, sizeof path, "metrics.%.100s", item->string);
	if (m < 0 && skip_unknown)
		return 0;
	if (m < 0) {
		hint = catalog_suggest(cat, item->string);
		msg_at(file, 0, "%s: unknown metric '%.100s'%s%s%s", path, item->string,
		       hint ? " (did you mean '" : "", hint ? hint : "", hint ? "'?)" : "");
		return -1;
	}
	v = &p->values[m];
	if (!cJSON_IsObject(item)) {
		msg_at(file, 0, "%s: expected an object with value and basis", path);
		return -1;
	}
	if (json_check_keys(file, path, item, keys) ||
	    json_number(file, path, item, "value", 1, &v->value) < 0)
		return -1;
	if (metric_check_value(&cat->metrics[m], v->value, why, sizeof why) < 0) {
		msg_at(file, 0, "%s.value: %s", path, why);
		return -1;
	}
	if (value_range(&cat->metrics[m], file, path, item, v) < 0 ||
	    value_basis(file, path, item, v) < 0)
		return -1;
	v->present = 1;
	return 0;
}

static int load_fact(const char *file, const cJSON *item, size_t i, struct fact *f)
{
	static const char *const keys[] = { "label", "value", "scale", "source",
		"year", "note", "url", "quote", NULL };
	const char *label = NULL, *scale = NULL, *source = NULL, *note = NULL;
	const char *url = NULL, *quote = NULL;
	char path[48];
	int bad;

	snprintf(path, sizeof path, "facts[%zu]", i);
	if (!cJSON_IsObject(item)) {
		msg_at(file, 0, "%s: expected an object", path);
		return -1;
	}
	bad = json_check_keys(file, path, item, keys);
	bad += json_string(file, path, item, "label", 1, &label) < 0;
	bad += json_string(file, path, item, "scale", 1, &scale) < 0;
	bad += json_string(file, path, item, "source", 1, &source) < 0;
	bad += json_string(file, path, item, "note", 0, &note) < 0;
	bad += json_string(file, path, item, "url", 0, &url) < 0;
	bad += json_string(file, path, item, "quote", 0, &quote) < 0;
	bad += json_number(file, path, item, "value", 1, &f->value) < 0;
	bad += year_field(file, path, item, 1, &f->year) < 0;
	if (!bad && quote && !quote_holds(quote, f->value)) {
		msg_at(file, 0, "%s.quote: does not hold the value %g as the source "
		       "prints it", path, f->value);
		bad++;
	}
	if (bad)
		return -1;
	f->label = xstrdup(label);
	f->scale = xstrdup(scale);
	f->source = xstrdup(source);
	f->note = profile_dup_or_null(note);
	f->url = profile_dup_or_null(url);
	f->quote = profile_dup_or_null(quote);
	return 0;
}

int profile_load_facts(const char *file, const cJSON *root, struct profile *p)
{
	const cJSON *facts = cJSON_GetObjectItemCaseSensitive(root, "facts"), *item;
	int bad = 0;

	if (!facts)
		return 0;
	if (!cJSON_IsArray(facts)) {
		msg_at(file, 0, "facts: expected an array, got %s", json_type_name(facts));
		return -1;
	}
	p->facts = xcalloc((size_t)cJSON_GetArraySize(facts), sizeof *p->facts);
	cJSON_ArrayForEach(item, facts) {
		bad += load_fact(file, item, p->nfacts, &p->facts[p->nfacts]) < 0;
		p->nfacts++;
	}
	return bad ? -1 : 0;
}
