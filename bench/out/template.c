#include "out/template.h"
#include "base/mem.h"
#include "base/msg.h"
#include "out/out_csv.h"
#include <stdlib.h>
#include <string.h>

int template_dimensions(const struct catalog *cat, const char *list, unsigned char *keep)
{
	char *copy = xstrdup(list), *save = NULL, *id;
	const char *hint;
	size_t named = 0;
	long d;
	int rc = CX_OK;

	memset(keep, 0, cat->ndims);
	for (id = strtok_r(copy, ",", &save); id && rc == CX_OK;
	     id = strtok_r(NULL, ",", &save)) {
		d = catalog_dimension(cat, id);
		if (d >= 0) {
			keep[d] = 1;
			named++;
			continue;
		}
		hint = catalog_suggest_dimension(cat, id);
		if (hint)
			msg_error("--dimensions: unknown dimension '%s' (did you mean '%s'?)",
				  id, hint);
		else
			msg_error("--dimensions: unknown dimension '%s' (see 'cxbench metrics')",
				  id);
		rc = CX_EUSAGE;
	}
	if (rc == CX_OK && named == 0) {
		msg_error("--dimensions: no dimension named");
		rc = CX_EUSAGE;
	}
	free(copy);
	return rc;
}

static int in_template(const struct template_spec *t, size_t m)
{
	return !t->dims || t->dims[t->cat->metrics[m].dim];
}

size_t template_rows(const struct template_spec *t)
{
	size_t m, n = 0;

	for (m = 0; m < t->cat->nmetrics; m++)
		n += (size_t)in_template(t, m);
	return n;
}

static const char *direction(const struct metric_def *m)
{
	return m->higher ? "higher is better" : "lower is better";
}

cJSON *template_json_new(const struct template_spec *t)
{
	cJSON *root = cJSON_CreateObject(), *metrics, *o;
	const struct metric_def *m;
	size_t i;

	cJSON_AddStringToObject(root, "company", t->company);
	cJSON_AddStringToObject(root, "period", t->period);
	metrics = cJSON_AddObjectToObject(root, "metrics");
	for (i = 0; i < t->cat->nmetrics; i++) {
		if (!in_template(t, i))
			continue;
		m = &t->cat->metrics[i];
		o = cJSON_AddObjectToObject(metrics, m->id);
		cJSON_AddNullToObject(o, "value");
		cJSON_AddNullToObject(o, "n");
		cJSON_AddStringToObject(o, "name", m->name);
		cJSON_AddStringToObject(o, "unit", m->unit);
		cJSON_AddStringToObject(o, "direction", direction(m));
		cJSON_AddStringToObject(o, "definition", m->description);
		cJSON_AddStringToObject(o, "measured", m->measured ? m->measured : "");
	}
	return root;
}

static void text(FILE *f, const char *s)
{
	fputc(',', f);
	csv_put_field(f, s);
}

void template_csv(FILE *f, const struct template_spec *t)
{
	const struct metric_def *m;
	size_t i;

	fputs("company,period,metric,value,n,name,unit,direction,definition,measured\n", f);
	for (i = 0; i < t->cat->nmetrics; i++) {
		if (!in_template(t, i))
			continue;
		m = &t->cat->metrics[i];
		csv_put_field(f, t->company);
		text(f, t->period);
		text(f, m->id);
		fputs(",,", f); /* value and n, to fill in */
		text(f, m->name);
		text(f, m->unit);
		text(f, direction(m));
		text(f, m->description);
		text(f, m->measured ? m->measured : "");
		fputc('\n', f);
	}
}
