/* export_read: a text export, from its first bytes to its last row.  The
 * head of the file (64 KiB) says which profile reads it (the one given, or
 * the built-in one whose `match` a line near the top holds), where its
 * header is (under a title block) and which delimiter it uses; a day/month
 * order the profile leaves open is settled from the rows before any is
 * read; then the rows are streamed to the scan one block at a time. */
#include "listen/export.h"
#include "base/mem.h"
#include "base/msg.h"
#include "io/csv_head.h"
#include "io/csv_stream.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#define BLOCK ((size_t)8 << 20) /* as transcripts.c: the longest row must fit */
#define DETECT_LINES 10        /* a header under a title block of up to 9 lines */

/* ---- the head of the file ---- */

/* The head, with the listen reader's own rule: an empty file is an
 * error here, before any header is looked for. */
static int head_read(int fd, const char *name, struct csv_head *h)
{
	int rc = csv_head_read(fd, name, h);

	if (rc == CX_OK && h->n == 0) {
		msg_at(name, 0, "empty file");
		rc = CX_EINPUT;
	}
	return rc;
}

/* The header `listen` reads without a profile: contact_id, speaker and
 * text among the first line's names (as transcripts.c finds them). */
static int plain_header(struct csv_head *h)
{
	static const char *const need[] = { "contact_id", "speaker", "text" };
	struct csv_reader r;
	size_t i, k, found = 0;

	csv_head_reader(h, ',', &r);
	if (csv_next(&r) > 0)
		for (k = 0; k < 3; k++)
			for (i = 0; i < r.nfields; i++)
				if (strcasecmp(r.fields[i].s, need[k]) == 0) {
					found++;
					break;
				}
	csv_release(&r);
	return found == 3;
}

/* The built-in transcripts profile whose match names a line near the top
 * holds, that line being the profile's header_row. */
static int detect(struct csv_head *h, const char *name, const struct listen_options *o,
		  struct import_profile **out)
{
	const char **names;
	struct csv_reader r;
	long k;
	size_t i;
	int rc = CX_OK;

	*out = NULL;
	for (k = 0; o->datadir && rc == CX_OK && !*out && k < DETECT_LINES; k++) {
		csv_head_reader(h, csv_sniff(h->raw, h->n, k), &r);
		if (csv_skip_records(&r, k) < 0 || csv_next(&r) <= 0) {
			csv_release(&r);
			break;
		}
		/* all of them: Jira's exports run to hundreds of columns */
		names = xcalloc(r.nfields, sizeof *names);
		for (i = 0; i < r.nfields; i++)
			names[i] = r.fields[i].s;
		rc = import_detect(o->datadir, NULL, IMPORT_TRANSCRIPTS, names, i, name, out);
		free(names);
		if (*out && (*out)->header_row != k + 1) {
			import_free(*out);
			*out = NULL;
		}
		csv_release(&r);
	}
	if (rc == CX_OK && *out)
		msg_note(name, "read with the import profile '%s' (%s); --import chooses "
			 "another", (*out)->id, (*out)->name);
	else if (rc == CX_OK)
		msg_at(name, 1, "the header needs contact_id, speaker and text, or an import "
		       "profile: no built-in one matches it (--import FILE|NAME)");
	return rc == CX_OK && !*out ? CX_EINPUT : rc;
}

/* The header at the profile's header_row, the map of its columns, and
 * where the rows start (*body, a file offset) after *lines lines. */
static int header_map(struct csv_head *h, const char *name, const struct listen_options *o,
		      struct import_profile *p, struct export_map *m, off_t *body,
		      long *lines)
{
	struct csv_reader r;
	char d = p->delimiter;

	if (!d)
		d = csv_sniff(h->raw, h->n, p->header_row - 1);
	int rc = CX_OK, got;

	csv_head_reader(h, d, &r);
	if (csv_skip_records(&r, p->header_row - 1) < 0) {
		msg_at(name, 0, "no header at line %ld (import profile '%s')", p->header_row,
		       p->id);
		rc = CX_EINPUT;
	}
	/* the header must end within the head, unless the file does */
	got = rc == CX_OK ? csv_next(&r) : 0;
	if (rc == CX_OK && (got <= 0 || (r.p == r.end && !h->whole))) {
		msg_at(name, r.line, "no header line ending within 64 KiB");
		rc = CX_EINPUT;
	}
	if (rc == CX_OK)
		rc = export_map_init(m, p, &r, o, name, r.line);
	if (rc == CX_OK && csv_skip_records(&r, p->skip_after_header) < 0)
		r.p = r.end; /* nothing after the header rows: no rows */
	*body = (off_t)(r.p - h->work + (ptrdiff_t)h->bom);
	*lines = r.next_line - 1;
	csv_release(&r);
	if (rc == CX_OK && o->by && !m->spec[X_TIME]) {
		msg_error("--by: the import profile '%s' has no started_at, so its rows "
			  "have no time to place them in periods", p->id);
		rc = CX_EUSAGE;
	}
	return rc;
}

/* ---- the rows ---- */

struct job {
	struct scan *S;
	struct export_map *m;
	long lines;           /* lines above the first row */
	int settled;          /* the settling pass: the order is known */
	long open_line;       /* there: the first value both orders read */
	char open_value[64];
	const char *why;
	long error_line;
};

static void stream_init(struct csv_stream *s, int fd, off_t body, char delimiter,
			int (*each)(const struct csv_reader *, long, off_t, void *),
			struct job *j)
{
	memset(s, 0, sizeof *s);
	s->fd = fd;
	s->begin = body;
	s->end = (off_t)1 << 62;
	s->block = BLOCK;
	s->on_record = each;
	s->arg = j;
	s->delimiter = delimiter;
}

#define DAY (1u << ORDER_DAY_FIRST)
#define MONTH (1u << ORDER_MONTH_FIRST)

/* The settling pass: the first time only one order reads decides. */
static int on_settle(const struct csv_reader *r, long line, off_t offset, void *arg)
{
	struct job *j = arg;
	struct import_spec *s = &j->m->p->specs[j->m->spec[X_TIME] - j->m->p->specs];
	size_t len = 0;
	const char *text;
	unsigned orders;
	int day, month;

	(void)offset;
	if (r->nfields != j->m->width)
		return 0; /* the reading pass names it */
	text = export_time_text(j->m, r, &len);
	orders = text ? import_time_orders(s, text, len) : 0;
	day = (orders & DAY) != 0;
	month = (orders & MONTH) != 0;
	if (day != month) {
		import_settle(s, day ? ORDER_DAY_FIRST : ORDER_MONTH_FIRST);
		j->settled = 1;
		return -1;
	}
	if (day && !j->open_line) {
		j->open_line = j->lines + line;
		snprintf(j->open_value, sizeof j->open_value, "%.*s",
			 len > 60 ? 60 : (int)len, text);
	}
	return 0;
}

static int settle(int fd, const char *name, off_t body, char delimiter, struct job *j)
{
	const struct import_spec *s = j->m->spec[X_TIME];
	struct csv_stream st;

	if (!s || !s->open_order || s->order != ORDER_ANY)
		return CX_OK;
	stream_init(&st, fd, body, delimiter, on_settle, j);
	if (csv_stream_run(&st) < 0 && !st.stopped)
		return CX_OK; /* a malformed row: the reading pass names it */
	if (j->settled || !j->open_line)
		return CX_OK;
	msg_at(name, j->open_line, "started_at: '%s' reads day first and month first, "
	       "and no value of the column has a day above 12 to settle it: keep the "
	       "one format the export uses in the import profile", j->open_value);
	return CX_EINPUT;
}

static int on_row(const struct csv_reader *r, long line, off_t offset, void *arg)
{
	struct job *j = arg;
	struct turn t;
	int got;

	(void)offset;
	got = export_row(j->m, r, j->lines + line, &t, &j->why);
	if (got < 0) {
		j->error_line = j->lines + line;
		return -1;
	}
	if (got > 0)
		scan_turn(j->S, &t);
	return 0;
}

/* Rows that were no turns, said in one line: never silently lost. */
static void note_left_out(const struct export_map *m, const char *name)
{
	char buf[400];
	size_t i, n = 0;
	uint64_t total = m->empty + m->outside;

	for (i = 0; i < m->p->nskips; i++)
		total += m->skipped[i];
	if (!total)
		return;
	buf[0] = '\0';
	if (m->empty)
		n += (size_t)snprintf(buf + n, sizeof buf - n, ", %llu without text",
				      (unsigned long long)m->empty);
	for (i = 0; i < m->p->nskips && n < sizeof buf; i++)
		if (m->skipped[i])
			n += (size_t)snprintf(buf + n, sizeof buf - n, ", %llu skipped by "
					      "the profile's rule on '%s'",
					      (unsigned long long)m->skipped[i],
					      m->p->skips[i].column);
	if (m->outside && n < sizeof buf)
		(void)snprintf(buf + n, sizeof buf - n, ", %llu outside %s",
			       (unsigned long long)m->outside, m->when);
	msg_note(name, "%llu row%s not read as turns: %s", (unsigned long long)total,
		 total == 1 ? " was" : "s were", buf + 2);
}

static int read_rows(struct scan *S, int fd, const char *name, struct csv_head *h,
		     const struct listen_options *o, struct import_profile *p)
{
	struct export_map m;
	struct csv_stream st;
	struct job j;
	off_t body = 0;
	long lines = 0;
	char d;
	int rc;

	memset(&m, 0, sizeof m); /* released below whatever header_map() reached */
	rc = header_map(h, name, o, p, &m, &body, &lines);

	memset(&j, 0, sizeof j);
	j.S = S;
	j.m = &m;
	j.lines = lines;
	d = p->delimiter;
	if (!d)
		d = csv_sniff(h->raw, h->n, p->header_row - 1);
	if (rc == CX_OK)
		rc = settle(fd, name, body, d, &j);
	if (rc == CX_OK && p->timezone) {
		/* the profile's zone for its naive times (imports/zone.c) */
		setenv("TZ", p->timezone, 1);
		tzset();
	}
	if (rc == CX_OK) {
		stream_init(&st, fd, body, d, on_row, &j);
		if (csv_stream_run(&st) < 0) {
			msg_at(name, st.stopped ? j.error_line : lines + st.error_line, "%s",
			       st.stopped ? j.why : st.error);
			rc = st.stopped || st.error_line ? CX_EINPUT : CX_EIO;
		}
	}
	if (rc == CX_OK)
		note_left_out(&m, name);
	export_map_release(&m);
	return rc;
}

int export_read(struct scan *S, int fd, const char *name, const struct listen_options *o,
		int *plain, long long *body)
{
	struct import_profile *found = NULL, *p = o->import;
	struct csv_head h;
	int rc = head_read(fd, name, &h);

	*plain = 0;
	*body = 0;
	if (rc == CX_OK && !p && plain_header(&h)) {
		*plain = 1;
		*body = (long long)h.bom;
	} else if (rc == CX_OK) {
		if (!p)
			rc = detect(&h, name, o, &found);
		if (rc == CX_OK)
			rc = read_rows(S, fd, name, &h, o, p ? p : found);
	}
	import_free(found);
	csv_head_release(&h);
	return rc;
}
