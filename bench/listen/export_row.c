/* export_row: one record of a text export as a turn, the way its
 * transcripts import profile says.  Runs for every row: the columns are
 * found once (export_map_init), and a row allocates only when its text
 * outgrows every row before it. */
#include "listen/export.h"
#include "base/mem.h"
#include "base/msg.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const field_names[NX] = { "contact_id", "customer_id", "channel",
	"started_at", "speaker", "text" };

/* Why a row was refused, with the value: one per thread, valid until that
 * thread's next row. */
static _Thread_local char why_buf[200];

static int refuse(const char **why, const char *field, const char *what, const char *text,
		  size_t len)
{
	if (text)
		snprintf(why_buf, sizeof why_buf, "%s: %s: '%.*s'", field, what,
			 len > 60 ? 60 : (int)len, text);
	else
		snprintf(why_buf, sizeof why_buf, "%s: %s", field, what);
	*why = why_buf;
	return -1;
}

/* ---- the map ---- */

static int no_column(const struct export_map *m, const char *file, long line,
		     const char *column, const char *what)
{
	msg_at(file, line, "no column '%s' for %s (import profile '%s')", column, what,
	       m->p->id);
	return CX_EINPUT;
}

static long field_index(const char *name)
{
	long f;
	for (f = 0; f < NX; f++)
		if (strcmp(field_names[f], name) == 0)
			return f;
	return -1;
}

static int map_spec(struct export_map *m, const struct import_spec *s,
		    const struct csv_reader *h, const char *file, long line)
{
	long f = field_index(s->field), col;
	size_t k;

	if (f < 0 || m->spec[f])
		return CX_OK; /* the loader refuses both: not reached */
	m->spec[f] = s;
	if (f == X_TEXT)
		m->text = xcalloc(s->ncolumns, sizeof *m->text);
	for (k = 0; k < s->ncolumns; k++) {
		col = csv_column(h, s->columns[k]);
		if (col < 0)
			return no_column(m, file, line, s->columns[k], s->field);
		if (f == X_TEXT)
			m->text[m->ntext++] = col;
		else if (k == 0)
			m->col[f] = col;
		else
			m->time2 = col;
	}
	return CX_OK;
}

int export_map_init(struct export_map *m, struct import_profile *p,
		    const struct csv_reader *header, const struct listen_options *o,
		    const char *file, long line)
{
	size_t i;
	int rc = CX_OK;

	memset(m, 0, sizeof *m);
	m->p = p;
	m->width = header->nfields;
	m->time2 = -1;
	for (i = 0; i < NX; i++)
		m->col[i] = -1;
	m->gran = o->gran;
	if (o->period) {
		m->only = 1;
		(void)period_parse(o->period, &m->period); /* checked by the command */
		period_format(m->period, m->when);
	}
	m->skip = xcalloc(p->nskips + 1, sizeof *m->skip);
	m->skipped = xcalloc(p->nskips + 1, sizeof *m->skipped);
	for (i = 0; rc == CX_OK && i < p->nspecs; i++)
		rc = map_spec(m, &p->specs[i], header, file, line);
	for (i = 0; rc == CX_OK && i < p->nskips; i++) {
		m->skip[i] = csv_column(header, p->skips[i].column);
		if (m->skip[i] < 0)
			rc = no_column(m, file, line, p->skips[i].column, "skip");
	}
	return rc;
}

void export_map_release(struct export_map *m)
{
	free(m->text);
	free(m->skip);
	free(m->skipped);
	free(m->joined);
	memset(m, 0, sizeof *m);
}

/* ---- one row ---- */

static void trim(const char **s, size_t *len)
{
	while (*len && (**s == ' ' || **s == '\t'))
		(*s)++, (*len)--;
	while (*len && ((*s)[*len - 1] == ' ' || (*s)[*len - 1] == '\t'))
		(*len)--;
}

/* A rule of the profile's skip says the row is not a record. */
static int skipped(struct export_map *m, const struct csv_reader *r)
{
	const struct import_profile *p = m->p;
	size_t i, k;

	for (i = 0; i < p->nskips; i++) {
		const char *s = r->fields[m->skip[i]].s;
		size_t n = r->fields[m->skip[i]].len;
		trim(&s, &n);
		for (k = 0; k < p->skips[i].nvalues; k++) {
			if (strlen(p->skips[i].values[k]) == n &&
			    strncasecmp(p->skips[i].values[k], s, n) == 0) {
				m->skipped[i]++;
				return 1;
			}
		}
	}
	return 0;
}

/* A field's cell, or NULL when it is missing (empty, or one of the
 * profile's or the field's markers). */
static const char *cell(const struct export_map *m, const struct csv_reader *r,
			enum export_field f, size_t *len)
{
	const struct csv_field *c;

	if (m->col[f] < 0)
		return NULL;
	c = &r->fields[m->col[f]];
	*len = c->len;
	return import_is_missing(m->p, m->spec[f], c->s, c->len) ? NULL : c->s;
}

/* The text columns that say something, joined with a newline (a subject
 * above its body), into m->joined; 0 when none does. */
static size_t join_text(struct export_map *m, const struct csv_reader *r)
{
	size_t i, n = 0, need = 1;

	for (i = 0; i < m->ntext; i++)
		need += r->fields[m->text[i]].len + 1;
	if (need > m->cap) {
		m->cap = need + need / 2;
		free(m->joined);
		m->joined = xmalloc(m->cap);
	}
	for (i = 0; i < m->ntext; i++) {
		const struct csv_field *c = &r->fields[m->text[i]];
		if (import_is_missing(m->p, m->spec[X_TEXT], c->s, c->len))
			continue;
		if (n)
			m->joined[n++] = '\n';
		memcpy(m->joined + n, c->s, c->len);
		n += c->len;
	}
	m->joined[n] = '\0';
	return n;
}

const char *export_time_text(struct export_map *m, const struct csv_reader *r,
			     size_t *len)
{
	const char *a = cell(m, r, X_TIME, len);
	const struct csv_field *b;
	size_t la, lb;

	if (!a || m->time2 < 0)
		return a;
	/* a date and a time, joined with one space as aggregate joins them */
	b = &r->fields[m->time2];
	la = *len < sizeof m->stamp - 2 ? *len : sizeof m->stamp - 2;
	lb = b->len < sizeof m->stamp - 2 - la ? b->len : sizeof m->stamp - 2 - la;
	memcpy(m->stamp, a, la);
	m->stamp[la] = ' ';
	memcpy(m->stamp + la + 1, b->s, lb);
	*len = la + 1 + lb;
	m->stamp[*len] = '\0';
	return m->stamp;
}

/* The turn's period: from its time (quarter or month), or --period's.
 * 0, 1 when the time falls outside --period, -1 when it cannot be read. */
static int period_of(struct export_map *m, const struct csv_reader *r, struct turn *t,
		     const char **why)
{
	struct import_time at;
	struct period p;
	size_t len = 0;
	const char *text;

	t->period = m->only ? m->when : NULL;
	if (!m->spec[X_TIME])
		return 0;
	text = export_time_text(m, r, &len);
	if (!text)
		return refuse(why, "started_at", "missing", NULL, 0);
	if (import_time_parse(m->spec[X_TIME], text, len, &at) < 0 ||
	    import_time_zoned(m->p, &at) < 0)
		return refuse(why, "started_at", "not a time in the profile's formats", text,
			      len);
	if (m->only) {
		p.gran = m->period.gran;
		p.year = at.year;
		p.sub = p.gran == GRAN_QUARTER ? (at.month - 1) / 3 + 1 :
			p.gran == GRAN_MONTH ? at.month : 0;
		return period_cmp(p, m->period) != 0;
	}
	p.gran = m->gran == GRAN_MONTH ? GRAN_MONTH : GRAN_QUARTER;
	p.year = at.year;
	p.sub = p.gran == GRAN_MONTH ? at.month : (at.month - 1) / 3 + 1;
	period_format(p, m->when);
	t->period = m->when;
	return 0;
}

/* Who speaks: without a speaker field, the customer (a complaint, a
 * review, a comment); with a values map, the customer when the map says
 * so, else someone else; without one, as written (the scan knows the
 * usual names). */
static int speaker_of(struct export_map *m, const struct csv_reader *r, struct turn *t,
		      const char **why)
{
	const struct import_spec *s = m->spec[X_SPEAKER];
	const char *text;
	size_t len = 0;
	double v = 0;
	int is_null = 0, mapped;

	if (!s) {
		t->speaker = "customer";
		return 0;
	}
	text = cell(m, r, X_SPEAKER, &len);
	t->speaker = text;
	if (!text || (!s->nvalues && !s->has_otherwise))
		return 0;
	mapped = import_map(s, text, len, &v, &is_null);
	if (mapped < 0)
		return refuse(why, "speaker", "not in the profile's values", text, len);
	t->speaker = !is_null && v != 0 ? "customer" : "agent";
	return 0;
}

int export_row(struct export_map *m, const struct csv_reader *r, long line,
	       struct turn *t, const char **why)
{
	size_t len = 0;
	int rc;

	memset(t, 0, sizeof *t);
	if (r->nfields != m->width) {
		snprintf(why_buf, sizeof why_buf, "expected %zu fields, found %zu", m->width,
			 r->nfields);
		*why = why_buf;
		return -1;
	}
	if (skipped(m, r))
		return 0;
	t->len = join_text(m, r);
	if (!t->len) {
		m->empty++;
		return 0;
	}
	t->text = m->joined;
	rc = period_of(m, r, t, why);
	if (rc != 0) {
		m->outside += rc > 0;
		return rc < 0 ? -1 : 0;
	}
	if (speaker_of(m, r, t, why) < 0)
		return -1;
	if (m->spec[X_CONTACT]) {
		t->contact = cell(m, r, X_CONTACT, &len);
		if (!t->contact)
			return refuse(why, "contact_id", "missing", NULL, 0);
	} else {
		snprintf(m->id, sizeof m->id, "%ld", line); /* a row is a conversation */
		t->contact = m->id;
	}
	t->customer = cell(m, r, X_CUSTOMER, &len);
	t->channel = m->spec[X_CHANNEL] && m->spec[X_CHANNEL]->constant ?
		m->spec[X_CHANNEL]->constant : cell(m, r, X_CHANNEL, &len);
	return 1;
}
