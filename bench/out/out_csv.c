#include "out/out_csv.h"
#include "base/textfmt.h"
#include <math.h>
#include <string.h>

void csv_put_field(FILE *f, const char *s)
{
	if (!strpbrk(s, ",\"\r\n")) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

void csv_put_number(FILE *f, double v)
{
	char buf[32];
	fputc(',', f);
	if (!isnan(v))
		fputs(fmt_num(buf, v, 6), f);
}

static void put_text(FILE *f, const char *s)
{
	fputc(',', f);
	csv_put_field(f, s ? s : "");
}

static void row(FILE *f, const struct gap_report *r, const struct gap_metric *gm,
		size_t k)
{
	const struct metric_def *def = &r->cat->metrics[gm->metric];
	const struct gap_cell *c = &gm->cells[k];
	const struct ref_value *v = &r->refs[k]->values[gm->metric];
	const struct profile *p = v->from ? v->from : r->refs[k];

	csv_put_field(f, r->company->name);
	put_text(f, r->period->label);
	put_text(f, def->id);
	put_text(f, r->cat->dims[def->dim].id);
	csv_put_number(f, gm->value);
	csv_put_number(f, gm->score);
	csv_put_number(f, gm->moe);
	csv_put_number(f, gm->change);
	put_text(f, gm->change_from);
	put_text(f, r->refs[k]->id);
	put_text(f, c->present ? p->brand : "");
	csv_put_number(f, c->present ? c->value : NAN);
	csv_put_number(f, c->present ? c->score : NAN);
	csv_put_number(f, c->present ? c->gap : NAN);
	csv_put_number(f, c->present ? c->gap_points : NAN);
	put_text(f, !c->present || c->significant < 0 ? "" :
		 c->significant ? "yes" : "no");
	put_text(f, !c->present ? "" : v->reported ? "reported" : "modeled");
	put_text(f, r->period->obs[gm->metric].business_clock ? "business" : "");
	csv_put_number(f, c->present && c->age >= 0 ? v->year : NAN);
	csv_put_number(f, c->present && c->age >= 0 ? c->age : NAN);
	put_text(f, c->present ? gap_quartile_name(c->quartile) : "");
	fputc('\n', f);
}

void gap_csv(FILE *f, const struct gap_report *r)
{
	size_t i, k;

	fputs("company,period,metric,dimension,value,score,moe,change,change_from,"
	      "reference,brand,"
	      "reference_value,reference_score,gap,gap_points,significant,basis,clock,"
	      "year,age_years,quartile\n", f);
	for (i = 0; i < r->nmetrics; i++)
		for (k = 0; k < r->nrefs; k++)
			row(f, r, &r->metrics[i], k);
}
