#include "listen/transcripts.h"
#include "listen/export.h"
#include "io/csv_stream.h"
#include "io/utf16.h"
#include "net/fetch.h"
#include "io/input.h"
#include "io/jsonfile.h"
#include "base/mem.h"
#include "base/msg.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define BLOCK ((size_t)8 << 20)

/* ---- CSV ---- */

enum { T_CONTACT, T_CUSTOMER, T_CHANNEL, T_SPEAKER, T_TEXT, NT };
static const char *const t_names[NT] = { "contact_id", "customer_id", "channel",
	"speaker", "text" };

/* One CSV file being read, for any of the three readers; each uses its
 * own result field. */
struct csv_job {
	const char *name;
	long col[NT];
	size_t width;
	int header_done;
	struct scan *S;         /* transcripts_read: the turns go here, */
	const char *period;     /* each in this period (--period), or none */
	uint64_t records;       /* contacts_read */
	const struct strmap *want; /* contacts_read: contact id -> index, */
	char **customers;       /* whose customer_id goes here */
	struct strmap *ids;     /* respondents_read */
	char error[200];
	long error_line;
};

static int header(struct csv_job *j, const struct csv_reader *r)
{
	size_t i, k;
	for (k = 0; k < NT; k++)
		j->col[k] = -1;
	for (i = 0; i < r->nfields; i++)
		for (k = 0; k < NT; k++)
			if (strcasecmp(r->fields[i].s, t_names[k]) == 0)
				j->col[k] = (long)i;
	j->width = r->nfields;
	j->header_done = 1;
	return 0;
}

static const char *cell(const struct csv_job *j, const struct csv_reader *r, int k)
{
	return j->col[k] >= 0 ? r->fields[j->col[k]].s : "";
}

static int on_turn(const struct csv_reader *r, long line, off_t offset, void *arg)
{
	struct csv_job *j = arg;
	struct turn t = { 0 };
	(void)offset;
	if (!j->header_done) {
		header(j, r);
		if (j->col[T_CONTACT] < 0 || j->col[T_SPEAKER] < 0 || j->col[T_TEXT] < 0) {
			j->error_line = line;
			snprintf(j->error, sizeof j->error, "the header needs contact_id, "
				 "speaker and text");
			return -1;
		}
		return 0;
	}
	if (r->nfields != j->width) {
		j->error_line = line;
		snprintf(j->error, sizeof j->error, "expected %zu fields, found %zu",
			 j->width, r->nfields);
		return -1;
	}
	t.contact = cell(j, r, T_CONTACT);
	t.customer = cell(j, r, T_CUSTOMER);
	t.channel = cell(j, r, T_CHANNEL);
	t.speaker = cell(j, r, T_SPEAKER);
	t.text = cell(j, r, T_TEXT);
	t.len = r->fields[j->col[T_TEXT]].len;
	t.period = j->period;
	scan_turn(j->S, &t);
	return 0;
}

/* The records of the CSV open at fd from byte `begin` on. */
static int run_fd(int fd, const char *name, off_t begin,
		  int (*each)(const struct csv_reader *, long, off_t, void *),
		  struct csv_job *j)
{
	struct csv_stream s;
	int rc = CX_OK;

	j->name = name;
	memset(&s, 0, sizeof s);
	s.fd = fd;
	s.begin = begin;
	s.end = (off_t)1 << 62;
	s.block = BLOCK;
	s.on_record = each;
	s.arg = j;
	if (csv_stream_run(&s) < 0) {
		msg_at(name, s.stopped ? j->error_line : s.error_line, "%s",
		       s.stopped ? j->error : s.error);
		rc = s.stopped || s.error_line ? CX_EINPUT : CX_EIO;
	} else if (!j->header_done) {
		msg_at(name, 0, "empty file");
		rc = CX_EINPUT;
	}
	return rc;
}

static int run_csv(const char *path, int (*each)(const struct csv_reader *, long,
						 off_t, void *), struct csv_job *j)
{
	char *name = NULL;
	int fd, rc = fetch_open(path, &name, &fd);

	if (rc == CX_OK)
		rc = run_fd(fd, name, 0, each, j);
	if (fd >= 0)
		close(fd);
	free(name);
	return rc;
}

static int on_count(const struct csv_reader *r, long line, off_t offset, void *arg)
{
	struct csv_job *j = arg;
	(void)line;
	(void)offset;
	size_t k;

	if (!j->header_done)
		return header(j, r);
	j->records++;
	if (j->want && j->col[T_CONTACT] >= 0 && *cell(j, r, T_CUSTOMER) &&
	    strmap_find(j->want, cell(j, r, T_CONTACT), &k) && !j->customers[k])
		j->customers[k] = xstrdup(cell(j, r, T_CUSTOMER));
	return 0;
}

int contacts_read(const char *path, uint64_t *n, const struct strmap *want,
		  char **customers)
{
	struct csv_job j;
	int rc;

	memset(&j, 0, sizeof j);
	j.want = want;
	j.customers = customers;
	rc = run_csv(path, on_count, &j);
	*n = j.records;
	return rc;
}

static int on_customer(const struct csv_reader *r, long line, off_t offset, void *arg)
{
	struct csv_job *j = arg;
	(void)offset;
	if (!j->header_done) {
		header(j, r);
		if (j->col[T_CUSTOMER] >= 0)
			return 0;
		j->error_line = line;
		snprintf(j->error, sizeof j->error, "no customer_id column");
		return -1;
	}
	if (*cell(j, r, T_CUSTOMER))
		strmap_add(j->ids, cell(j, r, T_CUSTOMER), 0, NULL);
	return 0;
}

int respondents_read(const char *path, struct strmap *ids)
{
	struct csv_job j;
	memset(&j, 0, sizeof j);
	j.ids = ids;
	return run_csv(path, on_customer, &j);
}

/* ---- JSON Lines ---- */

static const char *json_text(const cJSON *o, const char *key, char *buf, size_t size)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
	if (cJSON_IsString(v))
		return v->valuestring;
	if (cJSON_IsNumber(v)) {
		snprintf(buf, size, "%.0f", v->valuedouble);
		return buf;
	}
	return NULL;
}

static int json_line(struct scan *S, const char *period, const char *name, long line,
		     char *s, size_t len)
{
	cJSON *o = cJSON_ParseWithLength(s, len);
	const cJSON *turns = cJSON_GetObjectItemCaseSensitive(o, "turns"), *t;
	const cJSON *ch = cJSON_GetObjectItemCaseSensitive(o, "channel");
	char idbuf[32], custbuf[32];
	const char *id = json_text(o, "contact_id", idbuf, sizeof idbuf);
	int rc = CX_OK;

	if (!cJSON_IsObject(o) || !id || !cJSON_IsArray(turns)) {
		msg_at(name, line, "expected an object with contact_id and a turns list");
		rc = CX_EINPUT;
	}
	if (rc != CX_OK)
		turns = NULL;
	cJSON_ArrayForEach(t, turns) {
		const cJSON *sp = cJSON_GetObjectItemCaseSensitive(t, "speaker");
		const cJSON *tx = cJSON_GetObjectItemCaseSensitive(t, "text");
		if (!cJSON_IsString(sp) || !cJSON_IsString(tx)) {
			msg_at(name, line, "a turn needs speaker and text strings");
			rc = CX_EINPUT;
			break;
		}
		struct turn one = { 0 };
		one.contact = id;
		one.customer = json_text(o, "customer_id", custbuf, sizeof custbuf);
		one.channel = cJSON_IsString(ch) ? ch->valuestring : NULL;
		one.speaker = sp->valuestring;
		one.text = tx->valuestring;
		one.len = strlen(tx->valuestring);
		one.period = period;
		scan_turn(S, &one);
	}
	cJSON_Delete(o);
	return rc;
}

static int lines_of(struct scan *S, const char *period, const char *name, int fd)
{
	size_t cap = BLOCK, have = 0, i, from;
	char *buf = xmalloc(cap + 1);
	long line = 0;
	ssize_t n;
	int rc = CX_OK;

	while (rc == CX_OK && (n = read(fd, buf + have, cap - have)) > 0) {
		have += (size_t)n;
		for (from = 0, i = 0; rc == CX_OK && i < have; i++) {
			if (buf[i] != '\n')
				continue;
			line++;
			if (i > from)
				rc = json_line(S, period, name, line, buf + from, i - from);
			from = i + 1;
		}
		memmove(buf, buf + from, have - from);
		have -= from;
		if (have == cap) {
			cap *= 2;
			buf = xrealloc(buf, cap + 1);
		}
	}
	if (rc == CX_OK && n < 0) {
		msg_at(name, 0, "cannot read: %s", strerror(errno));
		rc = CX_EIO;
	}
	if (rc == CX_OK && have > 0)
		rc = json_line(S, period, name, line + 1, buf, have);
	free(buf);
	return rc;
}

static int run_jsonl(struct scan *S, const char *period, const char *path)
{
	char *name = NULL;
	int fd, rc = fetch_open(path, &name, &fd);

	if (rc == CX_OK)
		rc = lines_of(S, period, name, fd);
	if (fd >= 0)
		close(fd);
	free(name);
	return rc;
}

/* ---- a directory of text files ---- */

/* "Customer: ..." starts a customer turn, "Agent: ..." (or any other
 * "Name:") another speaker's; other lines continue the turn before. */
static const char *speaker_of(const char *line, size_t len, size_t *skip)
{
	static const char *const customer[] = { "customer:", "client:", "caller:",
		"клієнт:", "клиент:", NULL };
	const char *colon = memchr(line, ':', len < 40 ? len : 40);
	size_t i, k;

	for (i = 0; customer[i]; i++) {
		k = strlen(customer[i]);
		if (len >= k && strncasecmp(line, customer[i], k) == 0) {
			*skip = k;
			return "customer";
		}
	}
	if (colon && colon > line && !memchr(line, ' ', (size_t)(colon - line))) {
		*skip = (size_t)(colon - line) + 1;
		return "agent";
	}
	return NULL;
}

/* One turn of a text file. */
static void file_turn(struct scan *S, const char *period, const char *id, const char *who,
		      const char *text, size_t len)
{
	struct turn t = { 0 };
	t.period = period;
	t.contact = id;
	t.speaker = who;
	t.text = text;
	t.len = len;
	scan_turn(S, &t);
}

static void text_turns(struct scan *S, const char *period, const char *id, char *text,
		       size_t len)
{
	const char *who = NULL, *sp;
	char *line = text, *end = text + len, *nl, *turn = NULL;
	size_t skip, tlen = 0;

	for (; line < end; line = nl + 1) {
		nl = memchr(line, '\n', (size_t)(end - line));
		if (!nl)
			nl = end;
		sp = speaker_of(line, (size_t)(nl - line), &skip);
		if (sp || !who) {
			if (who)
				file_turn(S, period, id, who, turn, tlen);
			who = sp ? sp : "agent";
			turn = line + (sp ? skip : 0);
			while (turn < nl && *turn == ' ')
				turn++;
		}
		tlen = (size_t)(nl - turn);
		if (nl == end)
			break;
	}
	if (who)
		file_turn(S, period, id, who, turn, tlen);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int run_dir(struct scan *S, const char *period, const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0, i;
	int rc = CX_OK;

	if (!d) {
		msg_at(dir, 0, "cannot open the directory: %s", strerror(errno));
		return CX_EIO;
	}
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		if (e->d_name[0] == '.' || len < 5 ||
		    strcasecmp(e->d_name + len - 4, ".txt") != 0)
			continue;
		xgrow((void **)&names, &cap, n, sizeof *names);
		names[n++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (n > 1)
		qsort(names, n, sizeof *names, by_name);
	for (i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s", dir, names[i]);
		struct input in;
		int one = rc == CX_OK ? input_read(path, &in) : CX_OK;
		if (rc == CX_OK && one == CX_OK) {
			names[i][strlen(names[i]) - 4] = '\0';
			text_turns(S, period, names[i], in.data, in.len);
		}
		if (rc == CX_OK)
			input_release(&in);
		rc = one != CX_OK ? one : rc;
		free(path);
		free(names[i]);
	}
	free(names);
	if (rc == CX_OK && n == 0) {
		msg_at(dir, 0, "no .txt files in the directory");
		rc = CX_EINPUT;
	}
	return rc;
}

static int looks_like_jsonl(const char *path)
{
	const char *ext = input_ext(path);
	char c = ' ';
	int fd;

	if (strcasecmp(ext, "jsonl") == 0 || strcasecmp(ext, "ndjson") == 0 ||
	    strcasecmp(ext, "json") == 0)
		return 1;
	if (strcasecmp(ext, "csv") == 0 || is_url(path))
		return 0;
	fd = open(path, O_RDONLY);
	while (fd >= 0 && read(fd, &c, 1) == 1 && (c == ' ' || c == '\n' || c == '\r' ||
						   c == '\t'))
		;
	if (fd >= 0)
		close(fd);
	return c == '{';
}

/* A CSV file: the plain transcripts (contact_id, speaker, text) or a text
 * export read through an import profile (export_read.c); UTF-16 is read
 * as the UTF-8 it converts to. */
static int run_transcripts_csv(struct scan *S, const char *period, const char *path,
			       const struct listen_options *o)
{
	struct csv_job j;
	unsigned char first[4];
	char *name = NULL;
	int fd, utf8 = -1, plain = 0, rc = fetch_open(path, &name, &fd);
	long long body = 0;
	ssize_t n;
	enum utf16 order = UTF16_NONE;

	if (rc == CX_OK) {
		n = pread(fd, first, sizeof first, 0);
		order = utf16_sniff(first, n > 0 ? (size_t)n : 0);
	}
	if (rc == CX_OK && order != UTF16_NONE)
		rc = utf16_to_utf8(fd, order, name, &utf8);
	if (rc == CX_OK)
		rc = export_read(S, utf8 >= 0 ? utf8 : fd, name, o, &plain, &body);
	if (rc == CX_OK && plain && o->by) {
		msg_error("--by: transcripts have no times to place them in periods; an "
			  "export's come from its import profile's started_at (--import)");
		rc = CX_EUSAGE;
	}
	if (rc == CX_OK && plain) {
		memset(&j, 0, sizeof j);
		j.S = S;
		j.period = period;
		rc = run_fd(utf8 >= 0 ? utf8 : fd, name, (off_t)body, on_turn, &j);
	}
	if (utf8 >= 0)
		close(utf8);
	if (fd >= 0)
		close(fd);
	free(name);
	return rc;
}

int transcripts_read(struct scan *S, const char *path, const struct listen_options *o)
{
	struct stat st;
	char period[16];
	struct period p;
	int dir = !is_url(path) && stat(path, &st) == 0 && S_ISDIR(st.st_mode);

	if (o->period && period_parse(o->period, &p) == 0)
		period_format(p, period);
	if (!dir && !looks_like_jsonl(path))
		return run_transcripts_csv(S, o->period ? period : NULL, path, o);
	if (o->import || o->by) {
		msg_error("%s: %s", o->import ? "--import" : "--by", o->import ?
			  "an import profile reads a CSV export, not JSON Lines or a "
			  "directory of .txt files" : "transcripts have no times to place "
			  "them in periods; an export's come from its import profile's "
			  "started_at (--import)");
		return CX_EUSAGE;
	}
	return dir ? run_dir(S, o->period ? period : NULL, path) :
		run_jsonl(S, o->period ? period : NULL, path);
}
