#include "out/out_json.h"
#include "base/mem.h"
#include <math.h>
#include <stdlib.h>

cJSON *json_num(double v)
{
	if (!isfinite(v))
		return cJSON_CreateNull();
	return cJSON_CreateNumber(round(v * 1e6) / 1e6 + 0.0);
}

static cJSON *json_str(const char *s)
{
	return s ? cJSON_CreateString(s) : cJSON_CreateNull();
}

static cJSON *ref_scores(const struct gap_report *r, const double *scores)
{
	cJSON *o = cJSON_CreateObject();
	size_t k;
	for (k = 0; k < r->nrefs; k++)
		cJSON_AddItemToObject(o, r->refs[k]->id, json_num(scores[k]));
	return o;
}

static cJSON *cell_json(const struct gap_report *r, const struct gap_metric *gm,
			size_t k)
{
	const struct gap_cell *c = &gm->cells[k];
	const struct ref_value *v = &r->refs[k]->values[gm->metric];
	cJSON *o;

	if (!c->present)
		return cJSON_CreateNull();
	o = cJSON_CreateObject();
	cJSON_AddItemToObject(o, "value", json_num(c->value));
	cJSON_AddItemToObject(o, "score", json_num(c->score));
	cJSON_AddItemToObject(o, "gap", json_num(c->gap));
	cJSON_AddItemToObject(o, "gap_points", json_num(c->gap_points));
	if (c->significant < 0)
		cJSON_AddNullToObject(o, "significant");
	else
		cJSON_AddBoolToObject(o, "significant", c->significant);
	cJSON_AddStringToObject(o, "basis", v->reported ? "reported" : "modeled");
	if (c->age >= 0) {
		cJSON_AddNumberToObject(o, "year", v->year);
		cJSON_AddNumberToObject(o, "age_years", c->age);
		cJSON_AddBoolToObject(o, "dated", c->age > PROFILE_DATED_YEARS);
	}
	if (c->quartile) {
		cJSON_AddItemToObject(o, "p25", json_num(v->p25));
		cJSON_AddItemToObject(o, "p75", json_num(v->p75));
		cJSON_AddStringToObject(o, "quartile", gap_quartile_name(c->quartile));
	}
	if (v->from) {
		cJSON_AddStringToObject(o, "brand", v->from->brand);
		cJSON_AddStringToObject(o, "profile", v->from->id);
	}
	return o;
}

static cJSON *metric_json(const struct gap_report *r, const struct gap_metric *gm)
{
	const struct metric_def *def = &r->cat->metrics[gm->metric];
	const struct obs *o = &r->period->obs[gm->metric];
	cJSON *m = cJSON_CreateObject(), *refs = cJSON_CreateObject();
	size_t k;

	cJSON_AddStringToObject(m, "id", def->id);
	cJSON_AddStringToObject(m, "name", def->name);
	cJSON_AddStringToObject(m, "dimension", r->cat->dims[def->dim].id);
	cJSON_AddStringToObject(m, "unit", def->unit);
	if (o->business_clock)
		cJSON_AddStringToObject(m, "clock", "business");
	cJSON_AddStringToObject(m, "direction", def->higher ? "higher" : "lower");
	cJSON_AddItemToObject(m, "company", json_num(gm->value));
	cJSON_AddItemToObject(m, "n", o->n > 0 ? json_num(o->n) : cJSON_CreateNull());
	cJSON_AddItemToObject(m, "score", json_num(gm->score));
	cJSON_AddItemToObject(m, "moe", json_num(gm->moe));
	cJSON_AddItemToObject(m, "change", json_num(gm->change));
	cJSON_AddItemToObject(m, "change_from", json_str(gm->change_from));
	cJSON_AddItemToObject(m, "change_moe", json_num(gm->change_moe));
	if (gm->change_significant < 0)
		cJSON_AddNullToObject(m, "change_significant");
	else
		cJSON_AddBoolToObject(m, "change_significant", gm->change_significant);
	for (k = 0; k < r->nrefs; k++)
		cJSON_AddItemToObject(refs, r->refs[k]->id, cell_json(r, gm, k));
	cJSON_AddItemToObject(m, "references", refs);
	return m;
}

static cJSON *dims_json(const struct gap_report *r)
{
	cJSON *arr = cJSON_CreateArray(), *d;
	size_t i;

	for (i = 0; i < r->cat->ndims; i++) {
		if (!r->dims[i].nmetrics)
			continue;
		d = cJSON_CreateObject();
		cJSON_AddStringToObject(d, "id", r->cat->dims[i].id);
		cJSON_AddStringToObject(d, "name", r->cat->dims[i].name);
		cJSON_AddItemToObject(d, "weight", json_num(r->cat->dims[i].weight));
		cJSON_AddNumberToObject(d, "metrics", (double)r->dims[i].nmetrics);
		cJSON_AddItemToObject(d, "score", json_num(r->dims[i].score));
		cJSON_AddItemToObject(d, "references", ref_scores(r, r->dims[i].ref_scores));
		cJSON_AddItemToArray(arr, d);
	}
	return arr;
}

static void add_not_compared(cJSON *arr, const char *id, const char *reason)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "id", id);
	cJSON_AddStringToObject(o, "reason", reason);
	cJSON_AddItemToArray(arr, o);
}

static cJSON *coverage_json(const struct gap_report *r)
{
	cJSON *o = cJSON_CreateObject(), *refs = cJSON_CreateObject();
	size_t k;

	cJSON_AddNumberToObject(o, "catalog", (double)r->cat->nmetrics);
	cJSON_AddNumberToObject(o, "company", (double)r->nmetrics);
	for (k = 0; k < r->nrefs; k++)
		cJSON_AddNumberToObject(refs, r->refs[k]->id, (double)r->ref_covered[k]);
	cJSON_AddItemToObject(o, "references", refs);
	return o;
}

cJSON *gap_json_new(const struct gap_report *r)
{
	cJSON *root = cJSON_CreateObject(), *arr, *overall;
	size_t i;

	cJSON_AddStringToObject(root, "company", r->company->name);
	cJSON_AddItemToObject(root, "industry", json_str(r->company->industry));
	cJSON_AddStringToObject(root, "period", r->period->label);
	arr = cJSON_AddArrayToObject(root, "against");
	for (i = 0; i < r->nrefs; i++)
		cJSON_AddItemToArray(arr, cJSON_CreateString(r->refs[i]->id));
	overall = cJSON_AddObjectToObject(root, "overall");
	cJSON_AddItemToObject(overall, "score", json_num(r->overall));
	cJSON_AddItemToObject(overall, "references", ref_scores(r, r->ref_overall));
	cJSON_AddItemToObject(root, "dimensions", dims_json(r));
	arr = cJSON_AddArrayToObject(root, "metrics");
	for (i = 0; i < r->nmetrics; i++)
		cJSON_AddItemToArray(arr, metric_json(r, &r->metrics[i]));
	arr = cJSON_AddArrayToObject(root, "priorities");
	for (i = 0; i < r->npriorities; i++)
		cJSON_AddItemToArray(arr, cJSON_CreateString(
			r->cat->metrics[r->metrics[r->priorities[i]].metric].id));
	arr = cJSON_AddArrayToObject(root, "not_compared");
	for (i = 0; i < r->nnot_measured; i++)
		add_not_compared(arr, r->cat->metrics[r->not_measured[i]].id,
				 "no company value in this period");
	for (i = 0; i < r->nno_reference; i++)
		add_not_compared(arr, r->cat->metrics[r->no_reference[i]].id,
				 "no selected reference has a value");
	cJSON_AddItemToObject(root, "coverage", coverage_json(r));
	return root;
}

cJSON *catalog_json_new(const struct catalog *cat)
{
	cJSON *root = cJSON_CreateObject(), *dims, *metrics, *o;
	size_t i;

	dims = cJSON_AddArrayToObject(root, "dimensions");
	for (i = 0; i < cat->ndims; i++) {
		o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "id", cat->dims[i].id);
		cJSON_AddStringToObject(o, "name", cat->dims[i].name);
		cJSON_AddItemToObject(o, "weight", json_num(cat->dims[i].weight));
		cJSON_AddStringToObject(o, "description", cat->dims[i].description);
		cJSON_AddItemToArray(dims, o);
	}
	metrics = cJSON_AddArrayToObject(root, "metrics");
	for (i = 0; i < cat->nmetrics; i++) {
		const struct metric_def *m = &cat->metrics[i];
		o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "id", m->id);
		cJSON_AddStringToObject(o, "name", m->name);
		cJSON_AddStringToObject(o, "dimension", cat->dims[m->dim].id);
		cJSON_AddStringToObject(o, "unit", m->unit);
		cJSON_AddStringToObject(o, "direction", m->higher ? "higher" : "lower");
		cJSON_AddItemToObject(o, "worst", json_num(m->worst));
		cJSON_AddItemToObject(o, "best", json_num(m->best));
		cJSON_AddStringToObject(o, "kind", metric_kind_name(m->kind));
		cJSON_AddItemToObject(o, "min", json_num(m->min));
		cJSON_AddItemToObject(o, "max", json_num(m->max));
		cJSON_AddStringToObject(o, "description", m->description);
		if (m->next_step)
			cJSON_AddStringToObject(o, "next_step", m->next_step);
		if (m->measured)
			cJSON_AddStringToObject(o, "measured", m->measured);
		cJSON_AddBoolToObject(o, "comparable", !m->not_comparable);
		cJSON_AddItemToArray(metrics, o);
	}
	return root;
}

static cJSON *value_json(const struct ref_value *v)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddItemToObject(o, "value", json_num(v->value));
	cJSON_AddStringToObject(o, "basis", v->reported ? "reported" : "modeled");
	if (v->source)
		cJSON_AddStringToObject(o, "source", v->source);
	if (v->method)
		cJSON_AddStringToObject(o, "method", v->method);
	if (v->year)
		cJSON_AddNumberToObject(o, "year", v->year);
	if (v->has_range) {
		cJSON_AddItemToObject(o, "p25", json_num(v->p25));
		cJSON_AddItemToObject(o, "p75", json_num(v->p75));
	}
	if (v->url)
		cJSON_AddStringToObject(o, "url", v->url);
	if (v->quote)
		cJSON_AddStringToObject(o, "quote", v->quote);
	if (v->note)
		cJSON_AddStringToObject(o, "note", v->note);
	return o;
}

cJSON *profile_json_new(const struct catalog *cat, const struct profile *p)
{
	cJSON *root = cJSON_CreateObject(), *metrics, *facts, *o;
	size_t i;

	cJSON_AddStringToObject(root, "id", p->id);
	cJSON_AddStringToObject(root, "brand", p->brand);
	cJSON_AddStringToObject(root, "sector", p->sector);
	cJSON_AddStringToObject(root, "summary", p->summary);
	cJSON_AddStringToObject(root, "kind", p->is_sector ? "sector" : "brand");
	if (p->is_sector) {
		cJSON *ind = cJSON_AddArrayToObject(root, "industry");
		for (i = 0; i < p->nindustries; i++)
			cJSON_AddItemToArray(ind, cJSON_CreateString(p->industries[i]));
	}
	cJSON_AddStringToObject(root, "file", p->origin);
	metrics = cJSON_AddObjectToObject(root, "metrics");
	for (i = 0; i < cat->nmetrics; i++)
		if (p->values[i].present)
			cJSON_AddItemToObject(metrics, cat->metrics[i].id,
					      value_json(&p->values[i]));
	facts = cJSON_AddArrayToObject(root, "facts");
	for (i = 0; i < p->nfacts; i++) {
		o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "label", p->facts[i].label);
		cJSON_AddItemToObject(o, "value", json_num(p->facts[i].value));
		cJSON_AddStringToObject(o, "scale", p->facts[i].scale);
		cJSON_AddStringToObject(o, "source", p->facts[i].source);
		cJSON_AddNumberToObject(o, "year", p->facts[i].year);
		if (p->facts[i].url)
			cJSON_AddStringToObject(o, "url", p->facts[i].url);
		if (p->facts[i].quote)
			cJSON_AddStringToObject(o, "quote", p->facts[i].quote);
		if (p->facts[i].note)
			cJSON_AddStringToObject(o, "note", p->facts[i].note);
		cJSON_AddItemToArray(facts, o);
	}
	return root;
}

static cJSON *source_json(const struct profile *p, const char *metric, const char *label,
			  double value, int year, const char *source, const char *url,
			  const char *quote)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddStringToObject(o, "profile", p->id);
	cJSON_AddStringToObject(o, "brand", p->brand);
	if (metric)
		cJSON_AddStringToObject(o, "metric", metric);
	else
		cJSON_AddStringToObject(o, "fact", label);
	cJSON_AddItemToObject(o, "value", json_num(value));
	cJSON_AddNumberToObject(o, "year", year);
	cJSON_AddStringToObject(o, "source", source);
	cJSON_AddItemToObject(o, "url", url ? cJSON_CreateString(url) : cJSON_CreateNull());
	cJSON_AddItemToObject(o, "quote", quote ? cJSON_CreateString(quote) :
			      cJSON_CreateNull());
	return o;
}

cJSON *sources_json_new(const struct catalog *cat, const struct profile_set *set)
{
	cJSON *arr = cJSON_CreateArray();
	size_t i, k;

	for (i = 0; i < set->n; i++) {
		const struct profile *p = set->items[i];
		for (k = 0; k < cat->nmetrics; k++) {
			const struct ref_value *v = &p->values[k];
			if (v->present && v->reported)
				cJSON_AddItemToArray(arr, source_json(p, cat->metrics[k].id, NULL,
								      v->value, v->year, v->source,
								      v->url, v->quote));
		}
		for (k = 0; k < p->nfacts; k++) {
			const struct fact *f = &p->facts[k];
			cJSON_AddItemToArray(arr, source_json(p, NULL, f->label, f->value, f->year,
							      f->source, f->url, f->quote));
		}
	}
	return arr;
}
