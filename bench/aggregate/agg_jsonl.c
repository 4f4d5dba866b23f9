/* agg_jsonl: contact records and survey answers as JSON Lines, one JSON
 * object per line, as platforms stream them (Amazon Connect's contact
 * records, delivered by Kinesis Firehose to S3).  Objects nest, so an
 * import profile names its columns as dotted paths into each object
 * ("Queue.Duration", "Agent.ConnectedToAgentTimestamp"; a number steps into
 * an array: "Recordings.0.Location").  The "header" is the list of the
 * profile's paths (its fields', its skip rules' and --map's); each record
 * is the values found there, as text, laid out as a CSV record and sent
 * through the CSV scan's own per-record logic (agg_job_record), as
 * agg_xml.c does, so the numbers and the messages are the same.
 *
 * The file is read line by line on one thread: memory holds the longest
 * line and one parsed object, never the file. */
#include "aggregate/agg_internal.h"
#include "imports/import.h"
#include "io/input.h"
#include "io/jsonfile.h"
#include "net/fetch.h"
#include "base/mem.h"
#include "base/msg.h"
#include <cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#define FIRST_BLOCK ((size_t)64 << 10)
#define MAX_LINE ((size_t)64 << 20) /* one record; a longer line is no record */
#define MAX_LEAVES 512              /* paths of the first object, for detection */

/* ---- lines ---- */

struct lines {
	int fd;
	char *buf;        /* cap + 1 bytes: room for a NUL after the last line */
	size_t cap, have; /* bytes read into buf */
	size_t from;      /* where the next line starts */
	int eof;
	long line;        /* the number of the line last returned */
};

static void lines_init(struct lines *l, int fd)
{
	memset(l, 0, sizeof *l);
	l->fd = fd;
	l->cap = FIRST_BLOCK;
	l->buf = xmalloc(l->cap + 1);
}

/* Keeps the unread bytes, making room (up to MAX_LINE) for more: 0, -1 on
 * a read error (errno), -2 for a line longer than MAX_LINE. */
static int fill(struct lines *l)
{
	ssize_t n;

	memmove(l->buf, l->buf + l->from, l->have - l->from);
	l->have -= l->from;
	l->from = 0;
	if (l->have == l->cap) {
		if (l->cap >= MAX_LINE)
			return -2;
		l->cap *= 2;
		l->buf = xrealloc(l->buf, l->cap + 1);
	}
	do
		n = read(l->fd, l->buf + l->have, l->cap - l->have);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return -1;
	l->eof = n == 0;
	l->have += (size_t)n;
	return 0;
}

/* The next line, NUL-terminated in place, without its line break (LF or
 * CRLF) or, on line 1, a UTF-8 byte order mark: 1, 0 at the end, or what
 * fill() said. */
static int next_line(struct lines *l, char **s, size_t *n)
{
	char *nl = NULL;
	int rc;

	for (;;) {
		if (l->have > l->from)
			nl = memchr(l->buf + l->from, '\n', l->have - l->from);
		if (nl || l->eof)
			break;
		rc = fill(l);
		if (rc < 0)
			return rc;
	}
	if (!nl && l->from == l->have)
		return 0;
	*s = l->buf + l->from;
	*n = nl ? (size_t)(nl - *s) : l->have - l->from;
	l->from += *n + (nl != NULL);
	(*s)[*n] = '\0'; /* the '\n', or the spare byte after the last line */
	if (*n && (*s)[*n - 1] == '\r')
		(*s)[--*n] = '\0';
	if (++l->line == 1 && *n >= 3 && memcmp(*s, "\xEF\xBB\xBF", 3) == 0) {
		*s += 3;
		*n -= 3;
	}
	return 1;
}

static int blank(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return *s == '\0';
}

/* The next line that is not blank, with a message when it cannot be read. */
static int next_record_line(struct lines *l, const char *file, char **s, size_t *n)
{
	int rc;

	do
		rc = next_line(l, s, n);
	while (rc == 1 && blank(*s));
	if (rc == -1)
		msg_at(file, 0, "cannot read: %s", strerror(errno));
	else if (rc == -2)
		msg_at(file, l->line + 1, "a line longer than %zu MiB", MAX_LINE >> 20);
	return rc;
}

/* ---- one object ---- */

/* The line as one JSON object: 0, or -1 with the reason in why. */
static int parse_object(const char *s, size_t n, cJSON **out, char *why, size_t cap)
{
	const char *end = NULL;
	/* s[n] is NUL, and cJSON looks for it inside the length it is given:
	 * so text after the object is an error, not ignored */
	cJSON *v = cJSON_ParseWithLengthOpts(s, n + 1, &end, 1);

	*out = NULL;
	if (!v) {
		snprintf(why, cap, "not a JSON object: invalid JSON at column %ld",
			 end ? (long)(end - s) + 1 : 1L);
		return -1;
	}
	if (!cJSON_IsObject(v)) {
		snprintf(why, cap, "not a JSON object but %s", json_type_name(v));
		cJSON_Delete(v);
		return -1;
	}
	*out = v;
	return 0;
}

static int is_index(const char *key)
{
	return *key && strspn(key, "0123456789") == strlen(key);
}

/* The value at a dotted path, or NULL when there is none.  Keys match in
 * any case, as CSV header names do. */
static const cJSON *at_path(const cJSON *v, const char *path)
{
	char key[256];
	const char *dot;
	size_t n;

	while (v && *path) {
		dot = strchr(path, '.');
		n = dot ? (size_t)(dot - path) : strlen(path);
		if (n >= sizeof key)
			return NULL;
		memcpy(key, path, n);
		key[n] = '\0';
		if (cJSON_IsArray(v) && is_index(key))
			v = n < 10 ? cJSON_GetArrayItem(v, (int)strtol(key, NULL, 10)) : NULL;
		else
			v = cJSON_IsObject(v) ? cJSON_GetObjectItem(v, key) : NULL;
		path += n + (dot != NULL);
	}
	return v;
}

/* A number as the shortest text that reads back as the same double, so a
 * duration of 12 is "12" and 0.1 is "0.1" (%.17g would say
 * 0.10000000000000001). */
static void number_text(double v, char *buf, size_t cap)
{
	int digits;

	if (v == floor(v) && fabs(v) < 1e15) {
		snprintf(buf, cap, "%.0f", v);
		return;
	}
	for (digits = 15; digits < 17; digits++) {
		snprintf(buf, cap, "%.*g", digits, v);
		if (strtod(buf, NULL) == v)
			return;
	}
	snprintf(buf, cap, "%.17g", v);
}

/* A value as a cell's text: null and absent are an empty cell; -1 for an
 * object or an array, which no field can read. */
static int cell_text(const cJSON *v, char *num, size_t cap, const char **out)
{
	if (!v || cJSON_IsNull(v))
		*out = "";
	else if (cJSON_IsString(v))
		*out = v->valuestring;
	else if (cJSON_IsBool(v))
		*out = cJSON_IsTrue(v) ? "true" : "false";
	else if (!cJSON_IsNumber(v))
		return -1;
	else {
		number_text(v->valuedouble, num, cap);
		*out = num;
	}
	return 0;
}

/* ---- the reader ---- */

struct jsonl_reader {
	const char *file;
	struct lines lines;
	char **paths;              /* the header: one dotted path per column */
	size_t npaths, paths_cap;
	struct csv_field *fields;  /* the current record, one per path */
	size_t *at;
	struct csv_reader r;
	char *vals;                /* its values, each NUL-terminated */
	size_t vcap;
	char why[200];             /* why the current line is not a record */
};

static void add_path(struct jsonl_reader *jr, const char *path)
{
	size_t i;

	for (i = 0; i < jr->npaths; i++)
		if (strcasecmp(jr->paths[i], path) == 0)
			return;
	xgrow((void **)&jr->paths, &jr->paths_cap, jr->npaths, sizeof *jr->paths);
	jr->paths[jr->npaths++] = xstrdup(path);
}

/* The columns the profile and --map read: the header of every record. */
static void header_paths(struct jsonl_reader *jr, const struct import_profile *p,
			 const struct agg_options *o)
{
	size_t i, k;

	for (i = 0; i < p->nspecs; i++)
		for (k = 0; k < p->specs[i].ncolumns; k++)
			add_path(jr, p->specs[i].columns[k]);
	for (i = 0; i < p->nskips; i++)
		add_path(jr, p->skips[i].column);
	for (i = 0; i < o->nrenames; i++)
		add_path(jr, o->renames[i].column);
	jr->fields = xcalloc(jr->npaths ? jr->npaths : 1, sizeof *jr->fields);
	jr->at = xcalloc(jr->npaths ? jr->npaths : 1, sizeof *jr->at);
}

static void release_reader(struct jsonl_reader *jr)
{
	size_t i;

	for (i = 0; i < jr->npaths; i++)
		free(jr->paths[i]);
	free(jr->paths);
	free(jr->fields);
	free(jr->at);
	free(jr->vals);
	free(jr->lines.buf);
	memset(jr, 0, sizeof *jr);
}

static void keep_value(struct jsonl_reader *jr, size_t i, const char *s, size_t *len)
{
	size_t n = strlen(s);

	if (!jr->vals || *len + n + 1 > jr->vcap) {
		jr->vcap = (*len + n + 1) * 2;
		jr->vals = xrealloc(jr->vals, jr->vcap);
	}
	memcpy(jr->vals + *len, s, n + 1);
	jr->at[i] = *len;
	jr->fields[i].len = n;
	*len += n + 1;
}

/* Fills jr->r with the object's values at the header's paths: 0, or -1
 * with the reason in jr->why. */
static int read_record(struct jsonl_reader *jr, const cJSON *obj, long line)
{
	char num[40];
	const char *text;
	const cJSON *v;
	size_t i, len = 0;

	for (i = 0; i < jr->npaths; i++) {
		v = at_path(obj, jr->paths[i]);
		if (cell_text(v, num, sizeof num, &text) < 0) {
			snprintf(jr->why, sizeof jr->why, "'%s' is %s, not a value",
				 jr->paths[i], json_type_name(v));
			return -1;
		}
		keep_value(jr, i, text, &len);
	}
	for (i = 0; i < jr->npaths; i++)
		jr->fields[i].s = jr->vals + jr->at[i];
	jr->r.fields = jr->fields;
	jr->r.nfields = jr->npaths;
	jr->r.line = line;
	return 0;
}

/* One line: CX_OK when it was a record (counted, or skipped as bad with
 * --skip-bad, then counted in *bad when the line itself is bad), else an
 * error status after a message naming the line. */
static int one_line(struct jsonl_reader *jr, struct scan_job *job, int skip_bad,
		    const char *s, size_t n, long *bad)
{
	long line = jr->lines.line;
	const char *why = NULL;
	cJSON *obj = NULL;
	int bad_line = parse_object(s, n, &obj, jr->why, sizeof jr->why) < 0 ||
		read_record(jr, obj, line) < 0;

	if (!bad_line && agg_job_record(job, &jr->r, line, line, &why) < 0) {
		msg_at(jr->file, line, "%s", why);
		cJSON_Delete(obj);
		return CX_EINPUT;
	}
	cJSON_Delete(obj);
	if (bad_line && !skip_bad) {
		msg_at(jr->file, line, "%s", jr->why);
		return CX_EINPUT;
	}
	*bad += bad_line;
	return CX_OK;
}

static int read_lines(struct jsonl_reader *jr, struct scan_job *job, int skip_bad,
		      long *bad)
{
	char *s = NULL;
	size_t n = 0;
	int got = 1, rc = CX_OK;

	while (rc == CX_OK && got == 1) {
		got = next_record_line(&jr->lines, jr->file, &s, &n);
		if (got == 1)
			rc = one_line(jr, job, skip_bad, s, n, bad);
	}
	if (rc == CX_OK && got < 0)
		rc = got == -1 ? CX_EIO : CX_EINPUT;
	return rc;
}

/* ---- the profile ---- */

/* Every leaf's dotted path: objects are walked into, anything else (null
 * and arrays too) is a leaf. */
static void leaf_paths(const cJSON *obj, const char *prefix, char **names, size_t *n)
{
	const cJSON *e;
	char *path;

	cJSON_ArrayForEach(e, obj) {
		if (*n == MAX_LEAVES)
			return;
		path = *prefix ? xasprintf("%s.%s", prefix, e->string) : xstrdup(e->string);
		if (cJSON_IsObject(e) && e->child) {
			leaf_paths(e, path, names, n);
			free(path);
		} else {
			names[(*n)++] = path;
		}
	}
}

/* Without --import: the built-in profile whose match names are among the
 * first object's paths.  The file is read again from its start after. */
static int detect(struct jsonl_reader *jr, int survey, const struct agg_options *o,
		  struct import_profile **out)
{
	char *names[MAX_LEAVES], *s = NULL;
	size_t len = 0, n = 0, i;
	cJSON *obj = NULL;
	int rc = next_record_line(&jr->lines, jr->file, &s, &len);
	long line = jr->lines.line;

	*out = NULL;
	if (rc == 0)
		msg_at(jr->file, 0, "empty file");
	if (rc != 1)
		return rc == -1 ? CX_EIO : CX_EINPUT;
	if (parse_object(s, len, &obj, jr->why, sizeof jr->why) < 0) {
		msg_at(jr->file, line, "%s", jr->why);
		return CX_EINPUT;
	}
	leaf_paths(obj, "", names, &n);
	cJSON_Delete(obj);
	rc = o->datadir ? import_detect(o->datadir, agg_field_list, survey ?
					IMPORT_SURVEYS : IMPORT_CONTACTS,
					(const char *const *)names, n, jr->file, out) : CX_OK;
	for (i = 0; i < n; i++)
		free(names[i]);
	if (rc == CX_OK && !*out) {
		msg_at(jr->file, line, "JSON Lines need an import profile, and no built-in "
		       "one matches this record's fields (name one with --import)");
		return CX_EINPUT;
	}
	return rc;
}

/* Back to the first line, for the scan after detection. */
static int rewind_lines(struct jsonl_reader *jr)
{
	int fd = jr->lines.fd;

	if (lseek(fd, 0, SEEK_SET) < 0) {
		msg_at(jr->file, 0, "cannot read the file twice (%s); name its import "
		       "profile with --import", strerror(errno));
		return CX_EIO;
	}
	free(jr->lines.buf);
	lines_init(&jr->lines, fd);
	return CX_OK;
}

/* The profile given, or found by the first object (then owned by res). */
static int choose_profile(struct jsonl_reader *jr, int survey, const struct agg_options *o,
			  struct agg_result *res)
{
	struct import_profile *p = survey ? o->surveys_import : o->contacts_import;
	int rc = CX_OK;

	if (!p) {
		rc = detect(jr, survey, o, &res->detected[survey]);
		p = res->detected[survey];
		if (rc == CX_OK) {
			msg_note(jr->file, "read with the import profile '%s' (%s); --import "
				 "chooses another", p->id, p->name);
			rc = rewind_lines(jr);
		}
	}
	res->profile[survey] = p;
	return rc;
}

/* The column map of the profile's paths, and what a kind of record needs. */
static int header_map(struct jsonl_reader *jr, int survey, const struct import_profile *p,
		      const struct agg_options *o, struct column_map *map)
{
	struct csv_reader h;
	size_t i;
	int rc;

	header_paths(jr, p, o);
	memset(&h, 0, sizeof h);
	for (i = 0; i < jr->npaths; i++) {
		jr->fields[i].s = jr->paths[i];
		jr->fields[i].len = strlen(jr->paths[i]);
	}
	h.fields = jr->fields;
	h.nfields = jr->npaths;
	rc = column_map_import(map, &h, p, o->renames, o->nrenames, jr->file, 0);
	if (rc == CX_OK)
		rc = agg_orders_refused(map, jr->file);
	if (rc == CX_OK && !survey && map->col[F_STARTED_AT] < 0 && !o->has_period) {
		msg_at(jr->file, 0, "the import profile '%s' gives no 'started_at' (use "
		       "--map PATH=started_at)", p->id);
		rc = CX_EINPUT;
	}
	if (rc == CX_OK && survey && map->col[F_CSAT] < 0 && map->col[F_NPS] < 0 &&
	    map->col[F_CES] < 0) {
		msg_at(jr->file, 0, "the import profile '%s' gives no 'csat', 'nps' or "
		       "'ces'", p->id);
		rc = CX_EINPUT;
	}
	return rc;
}

/* ---- the scan ---- */

int agg_jsonl_wanted(const char *source, const struct import_profile *p)
{
	const char *ext = input_ext(source);
	char buf[512] = "";
	ssize_t n = 0, i = 0;
	int fd;

	if (strcasecmp(ext, "jsonl") == 0 || strcasecmp(ext, "ndjson") == 0)
		return 1;
	if (!p || is_url(source))
		return 0;
	fd = open(source, O_RDONLY);
	if (fd >= 0) {
		n = read(fd, buf, sizeof buf);
		close(fd);
	}
	if (n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < n && strchr(" \t\r\n", buf[i]))
		i++;
	return i < n && buf[i] == '{';
}

/* Rows a contacts file's profile cannot speak of, and the bad lines. */
static void account(struct agg_result *res, int survey, const struct column_map *map,
		    long bad)
{
	res->skipped += (uint64_t)bad;
	if (survey) {
		res->survey_rows += (uint64_t)bad;
		return;
	}
	res->rows += (uint64_t)bad;
	res->lacks_abandoned = map->col[F_ABANDONED] < 0;
	res->lacks_resolved = map->col[F_RESOLVED] < 0;
}

int agg_jsonl_scan(const char *source, int survey, const struct agg_options *o,
		   struct agg_result *res, struct agg_part *parts, int *nparts)
{
	struct jsonl_reader jr;
	struct column_map map;
	struct scan_job *job;
	char *name = NULL;
	long bad = 0;
	int fd = -1, rc;

	memset(&jr, 0, sizeof jr);
	rc = fetch_open(source, &name, &fd);
	if (rc == CX_OK) {
		jr.file = name;
		lines_init(&jr.lines, fd);
		rc = choose_profile(&jr, survey, o, res);
	}
	if (rc == CX_OK)
		rc = header_map(&jr, survey, res->profile[survey], o, &map);
	if (rc == CX_OK) {
		if (map.profile->timezone) { /* as scan_fd() does, for naive times */
			setenv("TZ", map.profile->timezone, 1);
			tzset();
		}
		job = agg_job_new(name, survey, o, &map, res);
		rc = read_lines(&jr, job, o->skip_bad, &bad);
		agg_job_finish(job, rc == CX_OK, res, parts, nparts);
		account(res, survey, &map, bad);
	}
	release_reader(&jr);
	if (fd >= 0)
		close(fd);
	free(name);
	return rc;
}
