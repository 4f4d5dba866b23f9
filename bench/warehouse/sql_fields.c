/* sql_fields: each contact field the query reads, as an SQL expression
 * over one row of the table: from the column --map names, else the import
 * profile's, else (without a profile) the field's own name.  Warehouses
 * type their columns, so a timestamp is taken as a timestamp and a number
 * as a number; what a profile adds for text exports (missing markers,
 * value maps, duration units, score scales, elapsed times) is written in
 * SQL as aggregate reads it.  A time split over two columns cannot be. */
#include "warehouse/sql_parts.h"
#include "base/mem.h"
#include "base/msg.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

enum kind { K_TEXT, K_TIME, K_ORDER, K_NUMBER, K_SCORE, K_FLAG };

static const struct {
	const char *field;
	enum kind kind;
	double lo, hi; /* a score's own scale */
} fields[SF_N] = {
	[SF_CUSTOMER] = { "customer_id", K_TEXT, 0, 0 },
	[SF_STARTED] = { "started_at", K_TIME, 0, 0 },
	[SF_ORDER] = { "contact_id", K_ORDER, 0, 0 },
	[SF_WAIT] = { "wait_seconds", K_NUMBER, 0, 0 },
	[SF_HOLD] = { "hold_seconds", K_NUMBER, 0, 0 },
	[SF_TRANSFERS] = { "transfers", K_NUMBER, 0, 0 },
	[SF_HUMAN_WAIT] = { "human_wait_seconds", K_NUMBER, 0, 0 },
	[SF_CSAT] = { "csat", K_SCORE, 1, 5 },
	[SF_NPS] = { "nps", K_SCORE, 0, 10 },
	[SF_CES] = { "ces", K_SCORE, 1, 7 },
	[SF_ABANDONED] = { "abandoned", K_FLAG, 0, 0 },
	[SF_RESOLVED] = { "resolved", K_FLAG, 0, 0 },
	[SF_AI] = { "ai_handled", K_FLAG, 0, 0 },
	[SF_ESCALATED] = { "escalated", K_FLAG, 0, 0 },
};

struct source {
	const char *column;               /* NULL: the field is not in the table */
	const struct import_spec *spec;   /* the profile's, when it gave the column */
};

static const struct import_spec *spec_of(const struct import_profile *p, const char *field)
{
	size_t i;
	for (i = 0; p && i < p->nspecs; i++)
		if (strcmp(p->specs[i].field, field) == 0)
			return &p->specs[i];
	return NULL;
}

static struct source source_of(const struct sql_request *r, const char *field)
{
	struct source s = { NULL, NULL };
	size_t i;

	for (i = r->nrenames; i-- > 0;)
		if (strcmp(r->renames[i].field, field) == 0) {
			s.column = r->renames[i].column;
			return s;
		}
	if (!r->profile) {
		s.column = field;
		return s;
	}
	s.spec = spec_of(r->profile, field);
	if (s.spec && s.spec->ncolumns)
		s.column = s.spec->columns[0];
	else
		s.spec = NULL;
	return s;
}

/* TRIM(CAST(col AS text)) IN (markers): the profile's and the field's
 * missing markers, and the empty text. */
static int missing(struct sql_text *t, const struct sql_request *r,
		   const struct import_spec *s, const char *text)
{
	const struct import_profile *p = r->profile;
	size_t i;
	int rc = 0;

	sql_apply(t, r->dialect->trim, text);
	sql_put(t, " IN (''");
	for (i = 0; rc == 0 && i < p->nmissing; i++) {
		sql_put(t, ", ");
		rc = sql_literal(t, r->dialect, p->missing[i], "a missing marker");
	}
	for (i = 0; rc == 0 && s && i < s->nmissing; i++) {
		sql_put(t, ", ");
		rc = sql_literal(t, r->dialect, s->missing[i], "a missing marker");
	}
	sql_put(t, ")");
	return rc;
}

/* A profile's value as a literal in lower case (ASCII, as aggregate
 * compares them), for lower() of a cell to meet. */
static int lower_literal(struct sql_text *t, const struct sql_dialect *d, const char *s,
			 const char *what)
{
	char *low = xstrdup(s);
	size_t k;
	int rc;

	for (k = 0; low[k]; k++)
		low[k] = (char)tolower((unsigned char)low[k]);
	rc = sql_literal(t, d, low, what);
	free(low);
	return rc;
}

/* CASE over the value map: raw text (trimmed, any case) -> its value, a
 * double as every number of a row is (PostgreSQL would divide the sums of
 * integers as integers). */
static int value_map(struct sql_text *t, const struct sql_request *r,
		     const struct import_spec *s, const char *text)
{
	struct sql_text folded = { 0 };
	size_t i;
	int rc = 0;

	sql_put(&folded, "lower(");
	sql_apply(&folded, r->dialect->trim, text);
	sql_put(&folded, ")");
	sql_put(t, "CASE");
	for (i = 0; rc == 0 && i < s->nvalues; i++) {
		sql_putf(t, " WHEN %s = ", folded.s);
		rc = lower_literal(t, r->dialect, s->values[i].raw, "a value of the profile's map");
		if (s->values[i].is_null)
			sql_put(t, " THEN NULL");
		else
			sql_putf(t, " THEN CAST(%.17g AS %s)", s->values[i].value, r->dialect->dbl);
	}
	if (s->has_otherwise && !s->otherwise.is_null)
		sql_putf(t, " ELSE CAST(%.17g AS %s) END", s->otherwise.value, r->dialect->dbl);
	else
		sql_put(t, " ELSE NULL END");
	free(folded.s);
	return rc;
}

static double unit_of(enum import_duration d)
{
	return d == DUR_MS ? 0.001 : d == DUR_MINUTES ? 60 : d == DUR_HOURS ? 3600 :
		d == DUR_EXCEL ? 86400 : 1;
}

/* A number as aggregate reads it: mapped, scaled or in its unit. */
static int number(struct sql_text *t, const struct sql_request *r, size_t f,
		  const struct source *src, const char *col, const char *text)
{
	const struct import_spec *s = src->spec;
	const struct sql_dialect *d = r->dialect;
	struct sql_text v = { 0 };
	int rc = 0;

	if (s && s->nvalues) {
		rc = value_map(&v, r, s, text);
	} else if (s && s->elapsed) {
		struct sql_text from = { 0 }, to = { 0 };
		rc = sql_ident(&from, d, s->columns[0], 0, "a column");
		if (rc == 0)
			rc = sql_ident(&to, d, s->columns[1], 0, "a column");
		if (rc == 0) {
			sql_put(&v, "(");
			sql_apply(&v, d->epoch, to.s);
			sql_put(&v, " - ");
			sql_apply(&v, d->epoch, from.s);
			sql_put(&v, ")");
		}
		free(from.s);
		free(to.s);
	} else {
		sql_apply(&v, r->profile ? d->text_num : d->num, col);
		if (s && unit_of(s->duration) != 1)
			sql_putf(&v, " * %.17g", unit_of(s->duration));
	}
	if (rc == 0 && s && s->has_scale && !s->nvalues) {
		struct sql_text raw = v;
		memset(&v, 0, sizeof v);
		if (f == SF_CSAT) /* the top two boxes of the scale */
			sql_putf(&v, "CASE WHEN %s < %.17g OR %s > %.17g THEN NULL WHEN %s >= "
				 "%.17g THEN 5 ELSE 1 END", raw.s, s->scale[0], raw.s,
				 s->scale[1], raw.s, s->scale[1] - 1);
		else
			sql_putf(&v, "CASE WHEN %s < %.17g OR %s > %.17g THEN NULL ELSE "
				 "%.17g + (%s - %.17g) * %.17g / %.17g END", raw.s,
				 s->scale[0], raw.s, s->scale[1], fields[f].lo, raw.s,
				 s->scale[0], fields[f].hi - fields[f].lo,
				 s->scale[1] - s->scale[0]);
		free(raw.s);
	}
	if (rc == 0 && r->profile && !(s && s->elapsed)) {
		sql_put(t, "CASE WHEN ");
		rc = missing(t, r, s, text);
		sql_putf(t, " THEN NULL ELSE %s END", v.s);
	} else if (rc == 0) {
		sql_put(t, v.s);
	}
	free(v.s);
	return rc;
}

/* 1 for yes, 0 for no or missing, as aggregate reads a flag. */
static int flag(struct sql_text *t, const struct sql_request *r, const struct source *src,
		const char *text)
{
	if (src->spec && src->spec->nvalues) {
		int rc;
		sql_put(t, "CASE WHEN (");
		rc = value_map(t, r, src->spec, text);
		sql_put(t, ") = 1 THEN 1 ELSE 0 END");
		return rc;
	}
	sql_put(t, "CASE WHEN lower(");
	if (r->profile) /* a text export's cells may carry spaces */
		sql_apply(t, r->dialect->trim, text);
	else
		sql_put(t, text);
	sql_put(t, ") IN ('1', '1.0', 'true', 'yes', 'y') THEN 1 ELSE 0 END");
	return 0;
}

static int unsupported(const struct sql_request *r, const char *field, const char *why)
{
	msg_error("--emit-sql: %s: fields.%s %s", r->profile->origin ? r->profile->origin :
		  r->profile->id, field, why);
	return -1;
}

static int one_field(const struct sql_request *r, size_t f, struct sql_text *t)
{
	const struct sql_dialect *d = r->dialect;
	struct source src = source_of(r, f == SF_ORDER && r->order_by ? "" : fields[f].field);
	struct sql_text col = { 0 }, text = { 0 };
	int rc;

	if (f == SF_ORDER && r->order_by)
		src.column = r->order_by;
	if (!src.column)
		return 1;
	if (src.spec && src.spec->ncolumns > 1 && !src.spec->elapsed)
		return unsupported(r, fields[f].field, "is two columns (a date and a time): "
				   "give one typed timestamp column with --map COLUMN=FIELD");
	if (src.spec && (src.spec->duration == DUR_HMS || src.spec->duration == DUR_MMSS))
		return unsupported(r, fields[f].field, "is text (h:mm:ss): give the "
				   "duration in seconds, a number, with --map COLUMN=FIELD");
	rc = sql_ident(&col, d, src.column, 0, "a column");
	if (rc == 0) {
		sql_apply(&text, d->text_cast, col.s);
		switch (fields[f].kind) {
		case K_TIME:
		case K_ORDER:
			sql_put(t, col.s);
			break;
		case K_TEXT:
			sql_put(t, "CASE WHEN ");
			if (r->profile)
				rc = missing(t, r, src.spec, text.s);
			else
				sql_putf(t, "%s = ''", text.s);
			sql_putf(t, " THEN NULL ELSE %s END", text.s);
			break;
		case K_FLAG:
			rc = flag(t, r, &src, text.s);
			break;
		case K_NUMBER:
		case K_SCORE:
			rc = number(t, r, f, &src, col.s, text.s);
			break;
		}
	}
	free(col.s);
	free(text.s);
	return rc;
}

/* NOT (column IN (values)), per skip rule: trimmed, any case. */
static int skips(const struct sql_request *r, struct sql_fields *out)
{
	const struct import_profile *p = r->profile;
	struct sql_text w = { 0 };
	size_t i, k;
	int rc = 0;

	for (i = 0; rc == 0 && p && i < p->nskips; i++) {
		struct sql_text col = { 0 };
		rc = sql_ident(&col, r->dialect, p->skips[i].column, 0, "a skip column");
		if (rc == 0) {
			sql_put(&w, i ? " AND " : "");
			sql_putf(&w, "coalesce(lower(CAST(%s AS %s)), '') NOT IN (", col.s,
				 r->dialect->text);
		}
		for (k = 0; rc == 0 && k < p->skips[i].nvalues; k++) {
			sql_put(&w, k ? ", " : "");
			rc = lower_literal(&w, r->dialect, p->skips[i].values[k], "a skip value");
		}
		sql_put(&w, ")");
		free(col.s);
	}
	if (rc == 0 && w.s)
		out->where = w.s;
	else
		free(w.s);
	return rc;
}

int sql_fields_build(const struct sql_request *r, struct sql_fields *out)
{
	size_t f;
	int rc = 0;

	memset(out, 0, sizeof *out);
	for (f = 0; rc >= 0 && f < SF_N; f++) {
		struct sql_text t = { 0 };
		rc = one_field(r, f, &t);
		if (rc == 0)
			out->expr[f] = t.s;
		else
			free(t.s);
		rc = rc > 0 ? 0 : rc;
	}
	if (rc == 0)
		rc = skips(r, out);
	if (rc < 0)
		sql_fields_release(out);
	return rc;
}

void sql_fields_release(struct sql_fields *f)
{
	size_t i;
	for (i = 0; i < SF_N; i++)
		free(f->expr[i]);
	free(f->where);
	memset(f, 0, sizeof *f);
}
