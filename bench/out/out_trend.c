#include "out/out_trend.h"
#include "out/out_csv.h"
#include "out/out_json.h"
#include "base/textfmt.h"
#include <math.h>
#include <string.h>

const char *trend_row_id(const struct trend *t, const struct trend_row *r)
{
	return r->kind == TREND_METRIC ? t->cat->metrics[r->index].id :
		r->kind == TREND_DIMENSION ? t->cat->dims[r->index].id : "overall";
}

const char *trend_row_name(const struct trend *t, const struct trend_row *r)
{
	return r->kind == TREND_METRIC ? t->cat->metrics[r->index].name :
		r->kind == TREND_DIMENSION ? t->cat->dims[r->index].name : "Overall index";
}

static cJSON *series_json(const struct trend *t, const double *v)
{
	cJSON *arr = cJSON_CreateArray();
	size_t i;
	for (i = 0; i < t->nperiods; i++)
		cJSON_AddItemToArray(arr, json_num(v[i]));
	return arr;
}

static cJSON *period_json(const struct trend *t, long i)
{
	char buf[16];
	if (i < 0)
		return cJSON_CreateNull();
	period_format(t->timeline[i], buf);
	return cJSON_CreateString(buf);
}

static cJSON *refs_json(const struct trend *t, const struct trend_row *r)
{
	cJSON *o = cJSON_CreateObject(), *x;
	char buf[16];
	size_t k;

	for (k = 0; k < t->nrefs; k++) {
		const struct trend_ref *tr = &r->refs[k];
		x = cJSON_AddObjectToObject(o, t->refs[k]->id);
		cJSON_AddItemToObject(x, "gap_points", json_num(tr->gap_points));
		cJSON_AddItemToObject(x, "periods_to_close", json_num(tr->periods_to_close));
		if (tr->status == TREND_CLOSING) {
			period_format(tr->closes_in, buf);
			cJSON_AddStringToObject(x, "closes_in", buf);
		} else {
			cJSON_AddNullToObject(x, "closes_in");
		}
		cJSON_AddStringToObject(x, "status", trend_status_name(tr->status));
	}
	return o;
}

static cJSON *row_json(const struct trend *t, const struct trend_row *r)
{
	cJSON *o = cJSON_CreateObject();

	if (r->kind != TREND_OVERALL) {
		cJSON_AddStringToObject(o, "id", trend_row_id(t, r));
		cJSON_AddStringToObject(o, "name", trend_row_name(t, r));
	}
	if (r->kind == TREND_METRIC) {
		const struct metric_def *def = &t->cat->metrics[r->index];
		cJSON_AddStringToObject(o, "dimension", t->cat->dims[def->dim].id);
		cJSON_AddStringToObject(o, "unit", def->unit);
		cJSON_AddItemToObject(o, "values", series_json(t, r->values));
	}
	cJSON_AddItemToObject(o, "scores", series_json(t, r->scores));
	cJSON_AddItemToObject(o, "latest", period_json(t, r->last));
	cJSON_AddItemToObject(o, "change", json_num(r->change));
	cJSON_AddItemToObject(o, "change_from", period_json(t, r->prev));
	cJSON_AddItemToObject(o, "change_since_first", json_num(r->change_first));
	cJSON_AddItemToObject(o, "change_moe", json_num(r->change_moe));
	if (r->change_significant < 0)
		cJSON_AddNullToObject(o, "change_significant");
	else
		cJSON_AddBoolToObject(o, "change_significant", r->change_significant);
	cJSON_AddItemToObject(o, "velocity", json_num(r->velocity));
	cJSON_AddItemToObject(o, "references", refs_json(t, r));
	return o;
}

cJSON *trend_json_new(const struct trend *t)
{
	cJSON *root = cJSON_CreateObject(), *periods, *metrics, *dims;
	size_t i;

	cJSON_AddStringToObject(root, "company", t->company->name);
	periods = cJSON_AddArrayToObject(root, "periods");
	for (i = 0; i < t->nperiods; i++)
		cJSON_AddItemToArray(periods, period_json(t, (long)i));
	periods = cJSON_AddArrayToObject(root, "against");
	for (i = 0; i < t->nrefs; i++)
		cJSON_AddItemToArray(periods, cJSON_CreateString(t->refs[i]->id));
	metrics = cJSON_AddArrayToObject(root, "metrics");
	dims = cJSON_AddArrayToObject(root, "dimensions");
	for (i = 0; i < t->nrows; i++) {
		const struct trend_row *r = &t->rows[i];
		if (r->kind == TREND_OVERALL)
			cJSON_AddItemToObject(root, "overall", row_json(t, r));
		else
			cJSON_AddItemToArray(r->kind == TREND_METRIC ? metrics : dims,
					     row_json(t, r));
	}
	return root;
}

/* The reference the table measures against: the frontier if selected. */
static size_t main_ref(const struct trend *t)
{
	size_t k;
	for (k = 0; k < t->nrefs; k++)
		if (t->refs[k]->is_frontier)
			return k;
	return 0;
}

static void put_projection(FILE *f, const struct trend *t, const struct trend_ref *tr)
{
	char pts[40], when[16];

	if (tr->status == TREND_UNKNOWN) {
		fputs(trend_status_name(tr->status), f);
		return;
	}
	fputs(fmt_signed(pts, tr->gap_points, 1), f);
	if (tr->status == TREND_CLOSING) {
		period_format(tr->closes_in, when);
		fprintf(f, " pts, closes in %s (%g %s%s)", when, tr->periods_to_close,
			granularity_name(t->timeline[0].gran), tr->periods_to_close == 1 ? "" : "s");
	} else {
		fprintf(f, " pts, %s", trend_status_name(tr->status));
	}
}

static void row_line(FILE *f, const struct trend *t, const struct trend_row *r,
		     size_t k, int color)
{
	char buf[40];
	const double *v = r->values ? r->values : r->scores;
	const char *sig = r->change_significant < 0 ? "" :
		r->change_significant ? " *" : "  ";
	size_t i;

	fprintf(f, "  %-28s", trend_row_id(t, r));
	for (i = 0; i < t->nperiods; i++)
		fprintf(f, " %8s", fmt_num(buf, v[i], 1));
	fprintf(f, "  %7s%-2s", fmt_signed(buf, r->change, 1), sig);
	fprintf(f, " %7s  ", fmt_signed(buf, r->velocity, 2));
	if (t->nrefs) {
		int away = r->refs[k].status == TREND_AWAY;
		fputs(color && away ? "\033[31m" : "", f);
		put_projection(f, t, &r->refs[k]);
		fputs(color && away ? "\033[0m" : "", f);
	}
	fputc('\n', f);
}

static void header(FILE *f, const struct trend *t, const char *first, size_t k)
{
	char buf[16];
	size_t i;

	fprintf(f, "  %-28s", first);
	for (i = 0; i < t->nperiods; i++) {
		period_format(t->timeline[i], buf);
		fprintf(f, " %8s", buf);
	}
	fprintf(f, "  %9s %7s  %s\n", "change", "velocity",
		t->nrefs ? t->refs[k]->id : "");
}

static void section(FILE *f, const struct trend *t, enum trend_kind kind,
		    const char *title, size_t k, int color)
{
	size_t i;

	fputc('\n', f);
	header(f, t, title, k);
	for (i = 0; i < t->nrows; i++)
		if (t->rows[i].kind == kind)
			row_line(f, t, &t->rows[i], k, color);
}

void trend_table(FILE *f, const struct trend *t, int color)
{
	size_t i, k = main_ref(t), n = 0;

	for (i = 0; i < t->nperiods; i++)
		n += t->at[i] >= 0;
	fprintf(f, "%s: %zu %ss with data over %zu (gaps shown as -)\n",
		t->company->name, n, granularity_name(t->timeline[0].gran), t->nperiods);
	fputs("change: since the previous observation (* significant at 95 %); "
	      "velocity: score points per period over the last 4 periods\n", f);
	section(f, t, TREND_OVERALL, "overall index", k, color);
	section(f, t, TREND_DIMENSION, "dimension (score)", k, color);
	section(f, t, TREND_METRIC, "metric (value)", k, color);
	if (!t->nrefs)
		return;
	fputs("\nOverall index against each reference:\n", f);
	for (k = 0; k < t->nrefs; k++) {
		fprintf(f, "  %-28s ", t->refs[k]->id);
		put_projection(f, t, &t->rows[t->nrows - 1].refs[k]);
		fputc('\n', f);
	}
}

void trend_csv(FILE *f, const struct trend *t)
{
	char buf[16];
	size_t i, k, p;

	fputs("company,kind,id,reference,latest,change,change_moe,change_significant,"
	      "velocity,gap_points,periods_to_close,closes_in,status", f);
	for (p = 0; p < t->nperiods; p++) {
		period_format(t->timeline[p], buf);
		fprintf(f, ",score_%s", buf);
	}
	fputc('\n', f);
	for (i = 0; i < t->nrows; i++) {
		const struct trend_row *r = &t->rows[i];
		for (k = 0; k < t->nrefs; k++) {
			const struct trend_ref *tr = &r->refs[k];
			csv_put_field(f, t->company->name);
			fprintf(f, ",%s,", r->kind == TREND_METRIC ? "metric" :
				r->kind == TREND_DIMENSION ? "dimension" : "overall");
			csv_put_field(f, trend_row_id(t, r));
			fputc(',', f);
			csv_put_field(f, t->refs[k]->id);
			buf[0] = '\0';
			if (r->last >= 0)
				period_format(t->timeline[r->last], buf);
			fprintf(f, ",%s", buf);
			csv_put_number(f, r->change);
			csv_put_number(f, r->change_moe);
			fputs(r->change_significant < 0 ? "," : r->change_significant ?
			      ",yes" : ",no", f);
			csv_put_number(f, r->velocity);
			csv_put_number(f, tr->gap_points);
			csv_put_number(f, tr->periods_to_close);
			buf[0] = '\0';
			if (tr->status == TREND_CLOSING)
				period_format(tr->closes_in, buf);
			fprintf(f, ",%s,%s", buf, trend_status_name(tr->status));
			for (p = 0; p < t->nperiods; p++)
				csv_put_number(f, r->scores[p]);
			fputc('\n', f);
		}
	}
}
