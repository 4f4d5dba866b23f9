/* agg_scan: reading contact records and survey answers at disk speed.
 * The file is cut into one byte range per thread; each thread reads its
 * range in large blocks (pread: no mapping, so memory stays small), parses
 * the records that start inside it and keeps its own sums and traces.  A
 * range after the first starts at the first line break; if the thread
 * before it ends somewhere else (a quoted field held line breaks), the
 * range is read again from where it really starts. */
#include "aggregate/agg_internal.h"
#include "io/csv_head.h"
#include "io/csv_stream.h"
#include "imports/import.h"
#include "net/fetch.h"
#include "base/hash.h"
#include "base/mem.h"
#include "base/msg.h"
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MAX_THREADS 8

/* Block size and the least bytes worth a thread; the tests make both small
 * (CXBENCH_SCAN_BLOCK, CXBENCH_SCAN_SPLIT) to cut small files like big ones. */
static size_t setting(const char *name, size_t fallback, size_t least)
{
	const char *v = getenv(name);
	long long n = v ? strtoll(v, NULL, 10) : 0;
	return n >= (long long)least ? (size_t)n : fallback;
}

#define BLOCK setting("CXBENCH_SCAN_BLOCK", (size_t)8 << 20, 256)

struct scan_job {
	const char *name;
	int fd, part_id, survey;
	off_t begin, end;       /* records starting in [begin, end) */
	off_t next;             /* where the record after the last one starts */
	const struct agg_options *o;
	const struct column_map *map;
	struct agg_part part;
	long lines;             /* lines read, counting from `begin` */
	long error_line;        /* relative to begin; 0 when none */
	char error[256];
	off_t total;            /* for the progress line (job 0 only) */
	struct timespec started, shown;
	volatile off_t *done;   /* bytes read by every job (done[0]), and rows
				 * (done[1]) */
	uint64_t rows_counted;  /* this job's rows already added to done[1] */
	/* (period, channel) -> group index: a direct-mapped cache in front of
	 * agg_group_get, which compares names */
	uint64_t cache_key[256];
	size_t cache_group[256];
	struct agg_check *check; /* --check: this job's counts */
	struct fr_state *fr;     /* answers to link (friction), or NULL */
	struct fr_lookups look;  /* contact ids waiting for their lookup */
};

static int channel_index(struct agg_part *part, const char *s, size_t len)
{
	size_t i;
	for (i = 0; i < part->nchannels; i++)
		if (strlen(part->channels[i]) == len && memcmp(part->channels[i], s, len) == 0)
			return (int)i;
	if (part->nchannels == AGG_MAX_CHANNELS)
		return -1;
	part->channels[part->nchannels] = xstrndup(s, len);
	return (int)part->nchannels++;
}

static long period_of(const struct agg_options *o, const struct timestamp *t)
{
	struct period p;
	p.gran = o->gran;
	p.year = t->year;
	p.sub = o->gran == GRAN_QUARTER ? (t->month - 1) / 3 + 1 :
		o->gran == GRAN_MONTH ? t->month : 0;
	return period_index(p);
}

static int fail(struct scan_job *j, long line, const char *fmt, const char *a,
		const char *b)
{
	j->error_line = line;
	snprintf(j->error, sizeof j->error, fmt, a, b);
	return -1;
}

static struct agg_stats *group(struct scan_job *j, long period, int ch, int all)
{
	uint64_t key = ((uint64_t)(period + 1) << 9 | (uint64_t)ch << 1 | (uint64_t)all) + 1;
	size_t slot = (size_t)((key * 0x9E3779B97F4A7C15ULL) >> 56);
	const char *name = all ? "" : j->part.channels[ch];
	struct agg_group *g;

	if (j->cache_key[slot] == key)
		return &j->part.table.groups[j->cache_group[slot]].s;
	g = agg_group_get(&j->part.table, period, name, strlen(name));
	j->cache_key[slot] = key;
	j->cache_group[slot] = (size_t)(g - j->part.table.groups);
	return &g->s;
}

static void add_to_groups(struct scan_job *j, const struct contact *c, long period,
			  int ch, const struct fr_slots *l)
{
	int all;

	for (all = 1; all >= 0; all--) {
		struct agg_stats *s = group(j, period, ch, all);
		if (j->survey) {
			agg_add_survey(s, c);
			continue;
		}
		agg_add_contact(s, c, j->o);
		if (j->fr && !all) /* the channel's: fr_roll_up() sums them */
			fr_add_contact(&s->fr, c, l);
	}
}

static int trace(struct scan_job *j, const struct contact *c, long period,
		 int counted, int channel, off_t offset)
{
	struct agg_trace t;

	if (c->start.epoch > (int64_t)UINT32_MAX)
		return -1;
	/* a contact without a customer id is nobody's repeat: a hash of its
	 * position keeps it alone */
	t.customer = c->customer_len ? hash64(c->customer, c->customer_len) :
		hash64((const char *)&offset, sizeof offset) ^ 0x5555555555555555ULL;
	t.time = (uint32_t)c->start.epoch;
	t.info = (uint32_t)counted * AGG_COUNTED | (c->resolved ? AGG_RESOLVED : 0) |
		(c->abandoned ? 0 : AGG_ANSWERED) | (c->ai_handled ? AGG_AI : 0) |
		(c->escalated ? AGG_ESCALATED : 0) | (uint32_t)j->part_id << 5 |
		(uint32_t)channel << 8 | (uint32_t)period << 16;
	agg_trace_add(&j->part.traces, &t);
	return 0;
}

/* Friction: an answer kept to be linked (its own period -1 when it has no
 * time or is outside --period). */
static void keep_answer(struct scan_job *j, const struct contact *c, long period,
			int counted)
{
	struct agg_part *p = &j->part;
	struct fr_answer *a;

	xgrow_huge((void **)&p->answers, &p->answers_cap, p->nanswers, sizeof *p->answers);
	a = &p->answers[p->nanswers++];
	memset(a, 0, sizeof *a);
	a->id = c->id_len ? hash64(c->id, c->id_len) | 1 : 0;
	a->customer = c->customer_len ? hash64(c->customer, c->customer_len) : 0;
	a->has_time = (uint8_t)c->has_time;
	a->time = c->has_time && c->start.epoch >= 0 && c->start.epoch <= (int64_t)UINT32_MAX ?
		(uint32_t)c->start.epoch : 0;
	a->period = c->has_time && counted ? (int32_t)period : -1;
	a->csat = (int8_t)(c->csat >= 0 ? c->csat : -1);
	a->nps = (int8_t)(c->nps >= 0 ? c->nps : -1);
}

/* Friction: a contact's record in place of its trace; a contact id that
 * answers name leaves a side entry (found a few records later:
 * fr_lookup()). */
static int fr_trace(struct scan_job *j, const struct contact *c, long period,
		    int counted, int channel, off_t offset, fr_levels w)
{
	struct fr_rec r;
	struct fr_pending p;

	if (c->has_time && c->start.epoch > (int64_t)UINT32_MAX)
		return -1;
	memset(&r, 0, sizeof r);
	r.t.customer = c->customer_len ? hash64(c->customer, c->customer_len) :
		hash64((const char *)&offset, sizeof offset) ^ 0x5555555555555555ULL;
	r.t.time = c->has_time ? (uint32_t)c->start.epoch : 0;
	r.t.info = (uint32_t)counted * AGG_COUNTED | (c->resolved ? AGG_RESOLVED : 0) |
		(c->abandoned ? 0 : AGG_ANSWERED) | (c->ai_handled ? AGG_AI : 0) |
		(c->escalated ? AGG_ESCALATED : 0) | (uint32_t)j->part_id << 5 |
		(uint32_t)channel << 8 | (uint32_t)period << 16;
	r.levels = w | (c->customer_len ? FR_CUSTOMER : 0);
	r.u.cost = (float)(c->handle >= 0 ? c->handle :
			   (c->wait >= 0 ? c->wait : 0) + (c->hold >= 0 ? c->hold : 0));
	p.rec = fr_rec_add(&j->part.fr, &r);
	if (c->id_len) {
		p.id = hash64(c->id, c->id_len) | 1;
		p.offset = (uint64_t)offset;
		fr_lookup(j->fr, &j->look, &j->part, &p);
	}
	return 0;
}

static int record(struct scan_job *j, const struct csv_reader *r, long line,
		  off_t offset)
{
	const struct agg_options *o = j->o;
	struct contact c;
	const char *why = NULL;
	enum field bad = NFIELDS;
	long period = 0;
	int counted = 1, ch = 0;
	struct fr_slots l;
	fr_levels w;

	if (j->map->profile && r->nfields == j->map->width) {
		size_t value;
		long rule = column_map_skip(j->map, r, &value);
		if (rule >= 0) { /* not a record: counted by its reason */
			j->part.profile_skips[rule]++;
			return 0;
		}
	}
	if (j->check) {
		/* the block's own buffer: a refused cell is blanked to read on */
		if (agg_check_record(j->check, j->map, (struct csv_reader *)r, line, &c) < 0)
			return fail(j, line, "wrong number of fields%s%s", "", "");
		if (!c.has_time && !j->survey && j->map->col[F_STARTED_AT] >= 0)
			return 0; /* counted as missing or refused */
	} else if (contact_parse(j->map, r, &c, &why, &bad) < 0) {
		return bad == NFIELDS ? fail(j, line, "%s%s", why, "") :
			fail(j, line, "%s: %s", field_names[bad], why);
	}
	if (!c.has_time && !j->survey && j->map->col[F_STARTED_AT] >= 0)
		return fail(j, line, "%s: missing%s", field_names[F_STARTED_AT], "");
	if (!c.has_time && !j->survey) /* an export without times: --period's */
		period = period_index(o->period);
	if (c.has_time) {
		period = period_of(o, &c.start);
		counted = !o->has_period || period == period_index(o->period);
	}
	if (!c.channel_len)
		c.channel = "(none)", c.channel_len = 6;
	ch = channel_index(&j->part, c.channel, c.channel_len);
	if (ch < 0)
		return fail(j, line, "channel: more than %s channels%s", "64", "");
	w = j->fr && !j->survey ? fr_levels_of(&c, &j->fr->wait, &l) : 0;
	if (counted)
		add_to_groups(j, &c, c.has_time || !j->survey ? period : -1, ch, &l);
	if (j->fr && j->survey) {
		keep_answer(j, &c, period, counted);
		return 0;
	}
	if (j->fr && fr_trace(j, &c, period, counted, ch, offset, w) < 0)
		return fail(j, line, "%s: after the year 2106%s", field_names[F_STARTED_AT], "");
	if (j->fr || j->survey || j->map->col[F_CUSTOMER_ID] < 0 || !c.has_time)
		return 0; /* repeats need customers and times */
	if (trace(j, &c, period, counted, ch, offset) < 0)
		return fail(j, line, "%s: after the year 2106%s", field_names[F_STARTED_AT], "");
	return 0;
}

static void progress(struct scan_job *j)
{
	static const char bar[] = "####################";
	struct timespec now;
	double el, frac;
	off_t done = j->done[0], rows = j->done[1];

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (now.tv_sec - j->shown.tv_sec + (now.tv_nsec - j->shown.tv_nsec) / 1e9 < 0.25)
		return;
	j->shown = now;
	el = now.tv_sec - j->started.tv_sec + (now.tv_nsec - j->started.tv_nsec) / 1e9;
	el = el > 0 ? el : 1e-3;
	frac = (double)done / (double)j->total;
	fprintf(stderr, "\rcxbench: %s [%-20.*s] %3.0f%%  %.2f M rows/s  ETA %.0f s ",
		j->name, (int)(frac * 20), bar, 100 * frac, (double)rows / 1e6 / el,
		frac > 0 ? el / frac - el : 0);
}

static int on_record(const struct csv_reader *r, long line, off_t offset, void *arg)
{
	struct scan_job *j = arg;

	j->part.rows++;
	if (record(j, r, line, offset) == 0)
		return 0;
	if (!j->o->skip_bad)
		return -1;
	j->part.skipped++;
	j->error_line = 0;
	j->error[0] = '\0';
	return 0;
}

static void on_block(off_t bytes, void *arg)
{
	struct scan_job *j = arg;
	__atomic_add_fetch(&j->done[0], bytes, __ATOMIC_RELAXED);
	__atomic_add_fetch(&j->done[1], (off_t)(j->part.rows - j->rows_counted),
			   __ATOMIC_RELAXED);
	j->rows_counted = j->part.rows;
	if (j->total)
		progress(j);
}

static void *scan_worker(void *arg)
{
	struct scan_job *j = arg;
	struct csv_stream s;

	memset(&s, 0, sizeof s);
	s.fd = j->fd;
	s.begin = j->begin;
	s.end = j->end;
	s.block = BLOCK;
	s.on_record = on_record;
	s.on_block = on_block;
	s.arg = j;
	s.delimiter = j->map->delimiter;
	clock_gettime(CLOCK_MONOTONIC, &j->started);
	if (csv_stream_run(&s) < 0 && !s.stopped) {
		j->error_line = s.error_line;
		snprintf(j->error, sizeof j->error, "%s", s.error);
	}
	if (j->fr && !j->survey)
		fr_lookups_flush(j->fr, &j->look, &j->part);
	j->next = s.next;
	j->lines = s.lines;
	return NULL;
}

static int needs_met(const struct column_map *map, int survey)
{
	return survey ? map->col[F_CSAT] >= 0 || map->col[F_NPS] >= 0 ||
		map->col[F_CES] >= 0 : map->col[F_STARTED_AT] >= 0;
}

/* A built-in profile for a file whose header lacks cxbench's columns:
 * the one whose match names the record at its header_row holds. */
static int detect(struct csv_head *h, const char *name, int survey,
		  const struct agg_options *o, struct import_profile **out)
{
	const char *names[512];
	struct csv_reader r;
	long k;
	size_t i;
	int rc = CX_OK;

	*out = NULL;
	for (k = 0; rc == CX_OK && !*out && k < 10; k++) {
		csv_head_reader(h, csv_sniff(h->raw, h->n, k), &r);
		if (csv_skip_records(&r, k) < 0 || csv_next(&r) <= 0) {
			csv_release(&r);
			break;
		}
		for (i = 0; i < r.nfields && i < 512; i++)
			names[i] = r.fields[i].s;
		rc = import_detect(o->datadir, agg_field_list, survey ? IMPORT_SURVEYS :
				   IMPORT_CONTACTS, names, i, name, out);
		if (*out && (*out)->header_row != k + 1) {
			import_free(*out);
			*out = NULL;
		}
		csv_release(&r);
	}
	if (*out)
		msg_note(name, "read with the import profile '%s' (%s); --import chooses "
			 "another", (*out)->id, (*out)->name);
	return rc;
}

/* The header (at the profile's header_row, or the first record), the map
 * of columns, and where the records start. */
static int header_map(struct csv_head *h, const char *name, const struct agg_options *o,
		      const struct import_profile *p, struct column_map *map,
		      struct agg_check *k, off_t *body, long *lines)
{
	struct csv_reader r;
	char d = ',';
	int rc = CX_OK, got;

	if (p && p->delimiter)
		d = p->delimiter;
	else if (p)
		d = csv_sniff(h->raw, h->n, p->header_row - 1);

	csv_head_reader(h, d, &r);
	if (p && csv_skip_records(&r, p->header_row - 1) < 0) {
		msg_at(name, 0, "no header at line %ld (import profile '%s')", p->header_row,
		       p->id);
		rc = CX_EINPUT;
	}
	/* the header must end within the first 64 KiB, unless the file does */
	got = rc == CX_OK ? csv_next(&r) : 0;
	if (rc == CX_OK && (got <= 0 || (r.p == r.end && !h->whole))) {
		msg_at(name, p ? r.line : 1, h->n == 0 ? "empty file" :
		       "no header line ending within 64 KiB");
		rc = CX_EINPUT;
	}
	if (rc == CX_OK)
		rc = p ? column_map_import(map, &r, p, o->renames, o->nrenames, name, r.line) :
			column_map_build(map, &r, o->renames, o->nrenames, name);
	if (rc == CX_OK && k)
		agg_check_columns(k, map, &r);
	if (rc == CX_OK && p && csv_skip_records(&r, p->skip_after_header) < 0)
		r.p = r.end; /* nothing after the header rows: no records */
	map->delimiter = d;
	*body = (off_t)(r.p - h->work + (ptrdiff_t)h->bom);
	*lines = r.next_line - 1;
	csv_release(&r);
	return rc;
}

/* The header: the first record of the file, or as an import profile says
 * (given, or found by the header when it lacks cxbench's columns). */
static int read_header(int fd, const char *name, int survey, const struct agg_options *o,
		       struct agg_result *res, struct column_map *map, off_t *body,
		       long *lines)
{
	struct import_profile *p = survey ? o->surveys_import : o->contacts_import;
	struct csv_head h;
	int rc = csv_head_read(fd, name, &h);

	if (rc == CX_OK && !p && o->datadir) {
		/* cxbench's own columns, as written (--map aside): no profile */
		struct agg_options plain = *o;
		plain.renames = NULL;
		plain.nrenames = 0;
		rc = header_map(&h, name, &plain, NULL, map, NULL, body, lines);
		if (rc == CX_OK && !needs_met(map, survey)) {
			rc = detect(&h, name, survey, o, &res->detected[survey]);
			p = res->detected[survey];
		}
	}
	res->profile[survey] = p;
	if (o->check && !res->check[survey])
		res->check[survey] = xcalloc(1, sizeof *res->check[survey]);
	if (rc == CX_OK)
		rc = header_map(&h, name, o, p, map, res->check[survey], body, lines);
	csv_head_release(&h);
	return rc;
}

static int check_columns(const struct column_map *map, const char *name, int survey,
			 const struct agg_options *o)
{
	if (!survey && map->col[F_STARTED_AT] < 0 && !o->has_period) {
		msg_at(name, 1, "no 'started_at' column (use --map COLUMN=started_at)");
		return CX_EINPUT;
	}
	if (survey && map->col[F_CSAT] < 0 && map->col[F_NPS] < 0 && map->col[F_CES] < 0) {
		msg_at(name, 1, "no 'csat', 'nps' or 'ces' column in the survey file");
		return CX_EINPUT;
	}
	return CX_OK;
}

static void run_jobs(struct scan_job *jobs, int n)
{
	pthread_t tid[MAX_THREADS];
	int i, started[MAX_THREADS];

	for (i = 1; i < n; i++)
		started[i] = pthread_create(&tid[i], NULL, scan_worker, &jobs[i]) == 0;
	scan_worker(&jobs[0]);
	for (i = 1; i < n; i++) {
		if (started[i])
			pthread_join(tid[i], NULL);
		else
			scan_worker(&jobs[i]);
	}
}

/* A range after the first starts after the first line break at or after
 * its nominal start; the previous range decides whether that was right. */
static off_t line_start(int fd, off_t at)
{
	char buf[4096];
	ssize_t n, i;

	while ((n = pread(fd, buf, sizeof buf, at - 1)) > 0) {
		for (i = 0; i < n; i++)
			if (buf[i] == '\n')
				return at + i;
		at += n;
	}
	return at;
}

static void release_job(struct scan_job *j)
{
	size_t i;
	agg_table_release(&j->part.table);
	agg_traces_release(&j->part.traces);
	fr_recs_release(&j->part.fr);
	free(j->part.side);
	free(j->part.answers);
	for (i = 0; i < j->part.nchannels; i++)
		free(j->part.channels[i]);
	memset(&j->part, 0, sizeof j->part);
	memset(&j->look, 0, sizeof j->look);
	/* the group cache points into the table just freed (mend() reads the
	 * range again with this job) */
	memset(j->cache_key, 0, sizeof j->cache_key);
}

/* The jobs' --check counts into the file's, lines counted from the top. */
static void check_merge(struct scan_job *jobs, int n, struct agg_check *into,
			long header_lines)
{
	long before = header_lines;
	int i;

	for (i = 0; i < n; i++) {
		if (into && jobs[i].check)
			agg_check_merge(into, jobs[i].check, before);
		free(jobs[i].check);
		jobs[i].check = NULL;
		before += jobs[i].lines;
	}
}

static int job_error(const struct scan_job *jobs, int n, const char *name,
		     long header_lines)
{
	long before = header_lines;
	int i;

	for (i = 0; i < n; i++) {
		if (jobs[i].error[0]) {
			msg_at(name, jobs[i].error_line ? before + jobs[i].error_line : 0,
			       "%s", jobs[i].error);
			return jobs[i].error_line ? CX_EINPUT : CX_EIO;
		}
		before += jobs[i].lines;
	}
	return CX_OK;
}

static void setup_jobs(struct scan_job *jobs, int n, int fd, const char *name,
		       off_t body, off_t size, const struct agg_options *o,
		       const struct column_map *map, int survey, volatile off_t *done,
		       struct fr_state *fr)
{
	off_t share = (size - body) / n;
	int i;

	for (i = 0; i < n; i++) {
		memset(&jobs[i], 0, sizeof jobs[i]);
		jobs[i].name = name;
		jobs[i].fd = fd;
		jobs[i].part_id = i;
		jobs[i].survey = survey;
		jobs[i].o = o;
		jobs[i].map = map;
		jobs[i].done = done;
		jobs[i].fr = fr;
		jobs[i].begin = i == 0 ? body : line_start(fd, body + share * i);
		jobs[i].check = o->check ? xcalloc(1, sizeof *jobs[i].check) : NULL;
		jobs[i].end = size;
		if (i > 0)
			jobs[i - 1].end = jobs[i].begin;
	}
	if (isatty(2) && size > ((off_t)64 << 20))
		jobs[0].total = size;
}

/* If a range began inside a quoted field, read it again from where the
 * range before it really ended (rare: only with line breaks in quotes). */
static void mend(struct scan_job *jobs, int n)
{
	int i;
	for (i = 1; i < n; i++) {
		if (jobs[i - 1].error[0] || jobs[i - 1].next == jobs[i].begin)
			continue;
		release_job(&jobs[i]);
		if (jobs[i].check)
			memset(jobs[i].check, 0, sizeof *jobs[i].check);
		jobs[i].lines = 0;
		jobs[i].error[0] = '\0';
		jobs[i].begin = jobs[i - 1].next;
		scan_worker(&jobs[i]);
	}
}

static int scan_fd(int fd, const char *name, int survey, const struct agg_options *o,
		   struct agg_result *res, struct agg_part *parts, int *nparts)
{
	struct scan_job jobs[MAX_THREADS];
	struct column_map map;
	struct stat st;
	volatile off_t done[2] = { 0, 0 };
	off_t body = 0;
	long header_lines = 0;
	int n, i, rc;
	size_t k;

	if (fstat(fd, &st) < 0) {
		msg_at(name, 0, "cannot read: %s", strerror(errno));
		return CX_EIO;
	}
	rc = read_header(fd, name, survey, o, res, &map, &body, &header_lines);
	if (rc == CX_OK)
		rc = check_columns(&map, name, survey, o);
	if (rc == CX_OK)
		rc = agg_settle_orders(fd, name, body, st.st_size, header_lines, &map,
				       res->profile[survey]);
	if (rc != CX_OK)
		return rc;
	n = o->threads < MAX_THREADS ? o->threads : MAX_THREADS;
	while (n > 1 && st.st_size - body < (off_t)setting("CXBENCH_SCAN_SPLIT",
							(size_t)16 << 20, 1) * n)
		n--;
	if (map.profile && map.profile->timezone) {
		/* the profile's zone for its naive times (contacts_import.c),
		 * set before the threads start */
		setenv("TZ", map.profile->timezone, 1);
		tzset();
	}
	setup_jobs(jobs, n, fd, name, body, st.st_size, o, &map, survey, done, res->fr);
	run_jobs(jobs, n);
	mend(jobs, n);
	if (jobs[0].total)
		fputs("\r\033[K", stderr);
	rc = job_error(jobs, n, name, header_lines);
	check_merge(jobs, n, res->check[survey], header_lines);
	for (i = 0; i < n; i++) {
		agg_table_merge(&res->table, &jobs[i].part.table);
		agg_table_release(&jobs[i].part.table);
		res->skipped += jobs[i].part.skipped;
		for (k = 0; k < MAP_MAX_SKIPS; k++)
			res->profile_skips[survey][k] += jobs[i].part.profile_skips[k];
		if (survey)
			res->survey_rows += jobs[i].part.rows;
		else
			res->rows += jobs[i].part.rows;
		if (survey && res->fr)
			fr_answers_take(res->fr, &jobs[i].part);
		if (survey || rc != CX_OK) {
			release_job(&jobs[i]);
			continue;
		}
		parts[i] = jobs[i].part;
		memset(&jobs[i].part, 0, sizeof jobs[i].part);
	}
	if (!survey && rc == CX_OK && (res->fr || (map.col[F_CUSTOMER_ID] >= 0 &&
						   map.col[F_STARTED_AT] >= 0)))
		*nparts = n;
	fr_note_map(res, &map, survey);
	if (!survey && map.profile) {
		res->lacks_abandoned = map.col[F_ABANDONED] < 0;
		res->lacks_resolved = map.col[F_RESOLVED] < 0;
	}
	return rc;
}

static int scan_file(const char *source, int survey, const struct agg_options *o,
		     struct agg_result *res, struct agg_part *parts, int *nparts)
{
	char *name = NULL;
	int fd, rc = fetch_open(source, &name, &fd);

	if (rc == CX_OK)
		rc = scan_fd(fd, name, survey, o, res, parts, nparts);
	if (fd >= 0)
		close(fd);
	free(name);
	return rc;
}
/* A CSV file, XML records (agg_xml.c) or JSON Lines (agg_jsonl.c). */
static int scan_source(const char *source, int survey, const struct agg_options *o,
		       struct agg_result *res, struct agg_part *parts, int *nparts)
{
	if (survey ? o->surveys_xml : o->contacts_xml)
		return agg_xml_scan(source, survey, o, res, parts, nparts);
	if (agg_jsonl_wanted(source, survey ? o->surveys_import : o->contacts_import))
		return agg_jsonl_scan(source, survey, o, res, parts, nparts);
	return scan_file(source, survey, o, res, parts, nparts);
}

static void release_parts(struct agg_part *parts, int n)
{
	int i;
	size_t k;
	for (i = 0; i < n; i++) {
		agg_traces_release(&parts[i].traces);
		fr_recs_release(&parts[i].fr);
		free(parts[i].side);
		free(parts[i].answers);
		for (k = 0; k < parts[i].nchannels; k++)
			free(parts[i].channels[k]);
	}
}

/* Friction: the survey file is read first, so that the contacts' scan
 * can find the contacts answers name by id; then one pass over the
 * contacts' records finds repeats and links the answers. */
static int scan_linked(const struct agg_options *o, struct agg_result *res,
		       struct agg_part *parts, int *nparts)
{
	int rc;

	res->fr = fr_state_new(o);
	rc = scan_source(o->surveys, 1, o, res, parts, nparts);
	if (rc == CX_OK && !res->fr->survey_id && !res->fr->survey_customer) {
		msg_note(o->surveys, "no 'contact_id' or 'customer_id' column: answers are "
			 "not linked to contacts (no friction)");
		fr_state_free(res->fr);
		res->fr = NULL;
	}
	if (res->fr)
		fr_index(res->fr, o->threads);
	*nparts = 0;
	if (rc == CX_OK)
		rc = scan_source(o->contacts, 0, o, res, parts, nparts);
	if (rc == CX_OK && *nparts > 0) {
		if (res->fr) {
			fr_pass(parts, *nparts, &res->table, res->fr, o->threads);
			fr_roll_up(&res->table);
		} else
			agg_repeats(parts, *nparts, &res->table, o->repeat_seconds, o->threads);
		/* repeats are known when the contacts have customers */
		res->traced = !res->fr || res->fr->contact_customer;
	}
	return rc;
}

int agg_scan(const struct agg_options *o, struct agg_result *res)
{
	struct agg_part parts[MAX_THREADS];
	int nparts = 0, rc;

	memset(res, 0, sizeof *res);
	memset(parts, 0, sizeof parts);
	if (o->contacts && o->surveys && !o->check) {
		rc = scan_linked(o, res, parts, &nparts);
		release_parts(parts, MAX_THREADS);
		agg_sort_groups(&res->table);
		return rc;
	}
	rc = o->contacts ? scan_source(o->contacts, 0, o, res, parts, &nparts) : CX_OK;
	if (rc == CX_OK && nparts > 0) {
		agg_repeats(parts, nparts, &res->table, o->repeat_seconds, o->threads);
		res->traced = 1;
	}
	release_parts(parts, MAX_THREADS);
	if (rc == CX_OK && o->surveys)
		rc = scan_source(o->surveys, 1, o, res, parts, &nparts);
	agg_sort_groups(&res->table);
	return rc;
}

/* ---- records read by other readers (agg_xml.c, agg_jsonl.c) ---- */

struct scan_job *agg_job_new(const char *name, int survey, const struct agg_options *o,
			     const struct column_map *map, struct agg_result *res)
{
	struct scan_job *j = xcalloc(1, sizeof *j);
	j->fr = res->fr;
	j->name = name;
	j->survey = survey;
	j->o = o;
	j->map = map;
	return j;
}

int agg_job_record(struct scan_job *j, const struct csv_reader *r, long line,
		   long offset, const char **why)
{
	if (on_record(r, line, (off_t)offset, j) == 0)
		return 0;
	*why = j->error;
	return -1;
}

void agg_job_finish(struct scan_job *j, int ok, struct agg_result *res,
		    struct agg_part *parts, int *nparts)
{
	size_t k;

	if (j->fr && !j->survey)
		fr_lookups_flush(j->fr, &j->look, &j->part);
	agg_table_merge(&res->table, &j->part.table);
	agg_table_release(&j->part.table);
	res->skipped += j->part.skipped;
	for (k = 0; k < MAP_MAX_SKIPS; k++)
		res->profile_skips[j->survey][k] += j->part.profile_skips[k];
	if (j->survey)
		res->survey_rows += j->part.rows;
	else
		res->rows += j->part.rows;
	if (j->survey && res->fr)
		fr_answers_take(res->fr, &j->part);
	fr_note_map(res, j->map, j->survey);
	if (ok && !j->survey && (res->fr || j->map->col[F_CUSTOMER_ID] >= 0)) {
		parts[0] = j->part;
		memset(&j->part, 0, sizeof j->part);
		*nparts = 1;
	}
	release_job(j);
	free(j);
}
