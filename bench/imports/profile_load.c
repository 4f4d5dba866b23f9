/* profile_load: an import profile from its JSON, every member checked, each
 * problem reported with the file and the JSON path. */
#include "imports/import.h"
#include "base/mem.h"
#include "base/msg.h"
#include "io/input.h"
#include "io/jsonfile.h"
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

struct ctx {
	const char *file;
	const char *const *fields; /* of contacts and surveys; NULL: unchecked */
	int bad;
	enum import_kind kind;     /* once head_of() has read it */
	int only;                  /* detection: -1, or the one kind worth reading */
};

const char *const import_transcript_fields[] = { "contact_id", "customer_id", "channel",
	"started_at", "speaker", "text", NULL };

static void bad(struct ctx *c, const char *path, const char *what)
{
	msg_error("%s: %s: %s", c->file, path, what);
	c->bad++;
}

static char *path2(const char *a, const char *b)
{
	return xasprintf("%s.%s", a, b);
}

/* A string, or a list of strings (at least `least`), into a new array. */
static char **strings(struct ctx *c, const char *path, const cJSON *v, size_t least,
		      size_t *n)
{
	char **out;
	const cJSON *e;
	size_t k = 0;

	*n = 0;
	if (cJSON_IsString(v)) {
		out = xcalloc(2, sizeof *out);
		out[0] = xstrdup(v->valuestring);
		*n = 1;
		return out;
	}
	if (!cJSON_IsArray(v) || (size_t)cJSON_GetArraySize(v) < least) {
		bad(c, path, least ? "expected a list of strings, not empty" :
		    "expected a string or a list of strings");
		return NULL;
	}
	out = xcalloc((size_t)cJSON_GetArraySize(v) + 1, sizeof *out);
	cJSON_ArrayForEach(e, v) {
		if (!cJSON_IsString(e)) {
			bad(c, path, "expected strings only");
			continue;
		}
		out[k++] = xstrdup(e->valuestring);
	}
	*n = k;
	return out;
}

static void free_strings(char **s, size_t n)
{
	size_t i;
	for (i = 0; s && i < n; i++)
		free(s[i]);
	free(s);
}

static int known_field(const struct ctx *c, const char *name)
{
	const char *const *fields = c->kind == IMPORT_TRANSCRIPTS ?
		import_transcript_fields : c->fields;
	size_t i;

	for (i = 0; fields && fields[i]; i++)
		if (strcmp(fields[i], name) == 0)
			return 1;
	return !fields;
}

/* ---- one field ---- */

static int value_of(struct ctx *c, const char *path, const cJSON *v,
		    struct import_value *out)
{
	out->is_null = cJSON_IsNull(v);
	if (cJSON_IsBool(v))
		out->value = cJSON_IsTrue(v);
	else if (cJSON_IsNumber(v))
		out->value = v->valuedouble;
	else if (!out->is_null) {
		bad(c, path, "expected a number, true, false or null");
		return -1;
	}
	return 0;
}

static void values_of(struct ctx *c, const char *path, const cJSON *v,
		      struct import_spec *s)
{
	const cJSON *e;
	char *p;

	if (!cJSON_IsObject(v) || !v->child) {
		bad(c, path, "expected an object of raw value -> field value");
		return;
	}
	s->values = xcalloc((size_t)cJSON_GetArraySize(v), sizeof *s->values);
	cJSON_ArrayForEach(e, v) {
		p = path2(path, e->string);
		if (value_of(c, p, e, &s->values[s->nvalues]) == 0)
			s->values[s->nvalues++].raw = xstrdup(e->string);
		free(p);
	}
}

static const char *const duration_names[] = { "", "seconds", "ms", "minutes",
	"hours", "h:mm:ss", "mm:ss", "excel", NULL };

static void duration_of(struct ctx *c, const char *path, const cJSON *v,
			struct import_spec *s)
{
	size_t i;

	for (i = 1; cJSON_IsString(v) && duration_names[i]; i++) {
		if (strcmp(v->valuestring, duration_names[i]) == 0) {
			s->duration = (enum import_duration)i;
			return;
		}
	}
	bad(c, path, "expected seconds, ms, minutes, hours, h:mm:ss, mm:ss or excel");
}

/* 1 for a transcripts profile's text, whose "columns" lists one to
 * IMPORT_MAX_TEXT_COLUMNS (8, as the message says); any other field's
 * lists two (a date and a time). */
static int text_columns(const struct ctx *c, const struct import_spec *s)
{
	return c->kind == IMPORT_TRANSCRIPTS && strcmp(s->field, "text") == 0;
}

static void columns_of(struct ctx *c, const char *path, const cJSON *o,
		       struct import_spec *s)
{
	static const char *const keys[] = { "column", "columns", "elapsed", "value" };
	int text = c->kind == IMPORT_TRANSCRIPTS; /* "value" is theirs, "elapsed" not */
	const cJSON *v = NULL;
	size_t i, n = 0, which = 4, least, most;

	for (i = 0; i < 4; i++) {
		const cJSON *x = cJSON_GetObjectItemCaseSensitive(o, keys[i]);
		if (x && i == 3 && !text) {
			bad(c, path, "value: only a transcripts profile's channel may be one "
			    "value for every row");
			continue;
		}
		if (x && v) {
			bad(c, path, text ? "one of column, columns or value, not two" :
			    "one of column, columns or elapsed, not two");
			return;
		}
		if (x) {
			v = x;
			which = i;
		}
	}
	if (!v) {
		bad(c, path, text ? "no column, columns or value" :
		    "no column, columns or elapsed");
		return;
	}
	if (which == 3) {
		if (!cJSON_IsString(v) || !*v->valuestring)
			bad(c, path, "value: expected a string");
		else
			s->constant = xstrdup(v->valuestring);
		return;
	}
	least = which == 0 ? 1 : which == 1 && text_columns(c, s) ? 1 : 2;
	most = which == 1 && text_columns(c, s) ? IMPORT_MAX_TEXT_COLUMNS : least;
	s->columns = strings(c, path, v, which ? least : 0, &n);
	s->ncolumns = s->columns ? n : 0;
	if (s->columns && (n < least || n > most)) {
		if (most == least)
			bad(c, path, which ? "expected two column names" :
			    "expected one column name");
		else
			bad(c, path, "expected one to 8 column names");
	}
	s->elapsed = which == 2;
}

static void spec_of(struct ctx *c, const char *path, const cJSON *v,
		    struct import_spec *s)
{
	static const char *const allowed[] = { "column", "columns", "elapsed", "value",
		"format", "duration", "values", "otherwise", "missing", "scale", NULL };
	const cJSON *x;
	char *p;

	if (cJSON_IsString(v)) {
		s->columns = xcalloc(1, sizeof *s->columns);
		s->columns[s->ncolumns++] = xstrdup(v->valuestring);
		return;
	}
	if (!cJSON_IsObject(v)) {
		bad(c, path, "expected a column name or an object");
		return;
	}
	c->bad += json_check_keys(c->file, path, v, allowed);
	columns_of(c, path, v, s);
	if ((x = cJSON_GetObjectItemCaseSensitive(v, "format")) != NULL) {
		p = path2(path, "format");
		s->formats = strings(c, p, x, 1, &s->nformats);
		free(p);
	}
	if ((x = cJSON_GetObjectItemCaseSensitive(v, "duration")) != NULL) {
		p = path2(path, "duration");
		duration_of(c, p, x, s);
		free(p);
	}
	if ((x = cJSON_GetObjectItemCaseSensitive(v, "values")) != NULL) {
		p = path2(path, "values");
		values_of(c, p, x, s);
		free(p);
	}
	if ((x = cJSON_GetObjectItemCaseSensitive(v, "otherwise")) != NULL) {
		p = path2(path, "otherwise");
		s->has_otherwise = value_of(c, p, x, &s->otherwise) == 0;
		free(p);
	}
	if ((x = cJSON_GetObjectItemCaseSensitive(v, "missing")) != NULL) {
		p = path2(path, "missing");
		s->missing = strings(c, p, x, 0, &s->nmissing);
		free(p);
	}
	if ((x = cJSON_GetObjectItemCaseSensitive(v, "scale")) != NULL) {
		p = path2(path, "scale");
		if (cJSON_GetArraySize(x) != 2 || !cJSON_IsNumber(x->child) ||
		    !cJSON_IsNumber(x->child->next) ||
		    !(x->child->valuedouble < x->child->next->valuedouble))
			bad(c, p, "expected [LOW, HIGH] with LOW < HIGH");
		else {
			s->scale[0] = x->child->valuedouble;
			s->scale[1] = x->child->next->valuedouble;
			s->has_scale = 1;
		}
		free(p);
	}
}

/* What a transcripts profile's field may say: text's columns, a time's
 * formats, the speaker's values, the channel's one value; durations,
 * scales and elapsed are for contacts and surveys. */
static void transcript_spec(struct ctx *c, const char *path, const struct import_spec *s)
{
	int time = strcmp(s->field, "started_at") == 0;

	if (c->kind != IMPORT_TRANSCRIPTS)
		return; /* columns_of() refused a "value" */
	if (s->constant && strcmp(s->field, "channel") != 0)
		bad(c, path, "value: only the channel may be one value for every row");
	if (s->elapsed || s->duration != DUR_NONE || s->has_scale)
		bad(c, path, "elapsed, duration and scale are not for a transcripts field");
	if (s->nformats && !time)
		bad(c, path, "format: only started_at is a time");
	if ((s->nvalues || s->has_otherwise) && strcmp(s->field, "speaker") != 0)
		bad(c, path, "values: only the speaker's values (who is the customer) "
		    "are read in a transcripts profile");
	if (s->ncolumns > 1 && !time && strcmp(s->field, "text") != 0)
		bad(c, path, "one column only");
}

static void fields_of(struct ctx *c, const cJSON *v, struct import_profile *p)
{
	const cJSON *e;
	char *path;
	int text = 0;

	if (!cJSON_IsObject(v) || !v->child) {
		bad(c, "fields", "expected an object of field -> column");
		return;
	}
	p->specs = xcalloc((size_t)cJSON_GetArraySize(v), sizeof *p->specs);
	cJSON_ArrayForEach(e, v) {
		struct import_spec *s = &p->specs[p->nspecs++];
		size_t k;
		path = path2("fields", e->string);
		s->field = xstrdup(e->string);
		if (!known_field(c, e->string))
			bad(c, path, "not a field this command reads");
		for (k = 0; k + 1 < p->nspecs; k++)
			if (strcmp(p->specs[k].field, e->string) == 0) {
				bad(c, path, "the field is named twice");
				break;
			}
		spec_of(c, path, e, s);
		transcript_spec(c, path, s);
		text |= strcmp(e->string, "text") == 0;
		free(path);
	}
	if (c->kind == IMPORT_TRANSCRIPTS && !text)
		bad(c, "fields", "no text: a transcripts profile names the column(s) "
		    "holding what the customer wrote or said");
}

/* ---- the rest of the profile ---- */

static void csv_of(struct ctx *c, const cJSON *v, struct import_profile *p)
{
	static const char *const allowed[] = { "delimiter", "header_row",
		"skip_after_header", NULL };
	const cJSON *d = cJSON_GetObjectItemCaseSensitive(v, "delimiter");
	double n;

	if (!cJSON_IsObject(v)) {
		bad(c, "csv", "expected an object");
		return;
	}
	c->bad += json_check_keys(c->file, "csv", v, allowed);
	if (d && (!cJSON_IsString(d) || (strcmp(d->valuestring, "auto") != 0 &&
					 (strlen(d->valuestring) != 1 ||
					  !strchr(",;\t|", d->valuestring[0])))))
		bad(c, "csv.delimiter", "expected auto, ',', ';', '\\t' or '|'");
	else if (d && strcmp(d->valuestring, "auto") != 0)
		p->delimiter = d->valuestring[0];
	if (json_number(c->file, "csv", v, "header_row", 0, &n) == 0) {
		/* the range first: a cast of 1e29 to long is undefined */
		if (!(n >= 1 && n <= 1000) || n != (long)n)
			bad(c, "csv.header_row", "expected a whole number from 1 to 1000");
		else
			p->header_row = (long)n;
	}
	if (json_number(c->file, "csv", v, "skip_after_header", 0, &n) == 0) {
		if (!(n >= 0 && n <= 1000) || n != (long)n)
			bad(c, "csv.skip_after_header", "expected a whole number from 0 to 1000");
		else
			p->skip_after_header = (long)n;
	}
}

static void skip_of(struct ctx *c, const cJSON *v, struct import_profile *p)
{
	const cJSON *e;
	char *path;

	if (!cJSON_IsObject(v)) {
		bad(c, "skip", "expected an object of column -> values");
		return;
	}
	p->skips = xcalloc((size_t)cJSON_GetArraySize(v) + 1, sizeof *p->skips);
	cJSON_ArrayForEach(e, v) {
		struct import_skip *s = &p->skips[p->nskips++];
		path = path2("skip", e->string);
		s->column = xstrdup(e->string);
		s->values = strings(c, path, e, 1, &s->nvalues);
		free(path);
	}
}

static int valid_id(const char *id)
{
	size_t i;
	for (i = 0; id[i]; i++)
		if (!((id[i] >= 'a' && id[i] <= 'z') || (id[i] >= '0' && id[i] <= '9') ||
		      (id[i] == '-' && i > 0)))
			return 0;
	return i > 0 && i <= 64;
}

static void head_of(struct ctx *c, const cJSON *root, struct import_profile *p)
{
	static const char *const kinds[] = { "contacts", "surveys", "transcripts" };
	const char *s = NULL;
	size_t i;

	if (json_string(c->file, "", root, "id", 1, &s) == 0 && !valid_id(s))
		bad(c, "id", "expected lowercase letters, digits and '-'");
	p->id = xstrdup(s ? s : "");
	s = NULL;
	if (json_string(c->file, "", root, "name", 1, &s) < 0)
		c->bad++;
	p->name = xstrdup(s ? s : "");
	s = NULL;
	if (json_string(c->file, "", root, "kind", 1, &s) == 0) {
		for (i = 0; i < 3 && strcmp(s, kinds[i]) != 0; i++)
			;
		if (i == 3)
			bad(c, "kind", "expected contacts, surveys or transcripts");
		p->kind = (enum import_kind)(i % 3);
		c->kind = p->kind;
	} else {
		c->bad++;
	}
}

/* An IANA name (Area/City) with its file in the system's zone database. */
static int known_zone(const char *tz)
{
	char *path;
	int ok;

	if (!*tz || tz[0] == '/' || strstr(tz, "..") || strlen(tz) > 64)
		return 0;
	path = xasprintf("/usr/share/zoneinfo/%s", tz);
	ok = access(path, R_OK) == 0;
	free(path);
	return ok;
}

/* A field whose formats read day and month both ways ("%d/%m/%Y" and
 * "%m/%d/%Y"): whichever comes first would win on 3/4/2026, so the data
 * must settle it (a day above 12 somewhere). */
static int both_orders(const struct import_spec *s)
{
	unsigned seen = 0;
	size_t i;

	for (i = 0; i < s->nformats; i++)
		seen |= 1u << import_format_order(s, i);
	return (seen & (1u << ORDER_DAY_FIRST)) && (seen & (1u << ORDER_MONTH_FIRST));
}

static void tail_of(struct ctx *c, const cJSON *root, struct import_profile *p)
{
	const cJSON *v;
	size_t n = 0;
	const char *s = NULL;

	if ((v = cJSON_GetObjectItemCaseSensitive(root, "match")) != NULL)
		p->match = strings(c, "match", v, 1, &p->nmatch);
	if ((v = cJSON_GetObjectItemCaseSensitive(root, "missing")) != NULL)
		p->missing = strings(c, "missing", v, 0, &p->nmissing);
	if ((v = cJSON_GetObjectItemCaseSensitive(root, "csv")) != NULL)
		csv_of(c, v, p);
	if ((v = cJSON_GetObjectItemCaseSensitive(root, "skip")) != NULL)
		skip_of(c, v, p);
	if (json_string(c->file, "", root, "timezone", 0, &s) == 0) {
		if (!known_zone(s))
			bad(c, "timezone", "not an IANA time zone this machine knows "
			    "(e.g. America/Los_Angeles; Debian package tzdata)");
		p->timezone = xstrdup(s);
	}
	s = NULL;
	if (json_string(c->file, "", root, "clock", 0, &s) == 0) {
		if (strcmp(s, "business") != 0 && strcmp(s, "calendar") != 0)
			bad(c, "clock", "expected business or calendar");
		p->business_clock = strcmp(s, "business") == 0;
	}
	if ((v = cJSON_GetObjectItemCaseSensitive(root, "source")) != NULL) {
		char **lines = strings(c, "source", v, 1, &n);
		p->source = n ? xstrdup(lines[0]) : NULL; /* none when none is a string */
		free_strings(lines, n);
	}
	if ((v = cJSON_GetObjectItemCaseSensitive(root, "note")) != NULL) {
		char **lines = strings(c, "note", v, 1, &n);
		p->note = n ? xstrdup(lines[0]) : NULL;
		free_strings(lines, n);
	}
	fields_of(c, cJSON_GetObjectItemCaseSensitive(root, "fields"), p);
	for (n = 0; n < p->nspecs; n++)
		p->specs[n].open_order = both_orders(&p->specs[n]);
}

static int from_json(struct ctx *c, const cJSON *root, struct import_profile *p)
{
	static const char *const allowed[] = { "id", "name", "kind", "match", "csv",
		"missing", "timezone", "skip", "fields", "source", "note", "clock", NULL };

	if (!cJSON_IsObject(root)) {
		bad(c, "(top)", "expected an object");
		return CX_EINPUT;
	}
	c->bad += json_check_keys(c->file, "", root, allowed);
	head_of(c, root, p);
	if (c->only >= 0 && !c->bad && (int)p->kind != c->only)
		return CX_OK; /* another kind's profile: detection passes it over */
	tail_of(c, root, p);
	if (p->header_row == 0)
		p->header_row = 1;
	return c->bad ? CX_EINPUT : CX_OK;
}

/* only: -1, or the kind detection reads (other kinds come back with
 * their kind and nothing else, without a message). */
static int from_input(const struct input *in, const char *const *fields, int only,
		      struct import_profile **out)
{
	struct import_profile *p = xcalloc(1, sizeof *p);
	cJSON *root = NULL;
	struct ctx c = { in->name, fields, 0, IMPORT_CONTACTS, only };
	int rc = json_parse_input(in, &root);

	if (rc == CX_OK) {
		p->origin = xstrdup(in->name);
		rc = from_json(&c, root, p);
	}
	cJSON_Delete(root);
	if (rc != CX_OK) {
		import_free(p);
		p = NULL;
	}
	*out = p;
	return rc;
}

int import_from_input(const struct input *in, const char *const *fields,
		      struct import_profile **out)
{
	return from_input(in, fields, -1, out);
}

static int load_file(const char *path, const char *const *fields, int only,
		     struct import_profile **out)
{
	struct input in;
	int rc = input_read(path, &in);

	*out = NULL;
	if (rc == CX_OK)
		rc = from_input(&in, fields, only, out);
	input_release(&in);
	return rc;
}

int import_load(const char *name_or_path, const char *datadir,
		const char *const *fields, struct import_profile **out)
{
	size_t len = strlen(name_or_path);
	char *path;
	int rc;

	*out = NULL;
	if (strchr(name_or_path, '/') || (len > 5 && strcmp(name_or_path + len - 5, ".json") == 0))
		return load_file(name_or_path, fields, -1, out);
	if (!valid_id(name_or_path)) {
		msg_error("--import: '%s' is neither a file nor a built-in profile",
			  name_or_path);
		return CX_EUSAGE;
	}
	path = xasprintf("%s/profiles/imports/%s.json", datadir, name_or_path);
	if (access(path, R_OK) != 0) {
		msg_error("--import: no built-in profile '%s' (they are in %s/profiles/imports)",
			  name_or_path, datadir);
		free(path);
		return CX_EUSAGE;
	}
	rc = load_file(path, fields, -1, out);
	free(path);
	return rc;
}

/* ---- detection ---- */

static int has_column(const char *const *header, size_t n, const char *name)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (strcasecmp(header[i], name) == 0)
			return 1;
	return 0;
}

static int matches(const struct import_profile *p, const char *const *header, size_t n)
{
	size_t i;
	if (!p->nmatch)
		return 0;
	for (i = 0; i < p->nmatch; i++)
		if (!has_column(header, n, p->match[i]))
			return 0;
	return 1;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The built-in profiles' files, sorted; caller frees. */
static char **builtin_files(const char *dir, size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t cap = 0;

	*n = 0;
	while (d && (e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		if (len < 6 || strcmp(e->d_name + len - 5, ".json") != 0)
			continue;
		/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
		xgrow((void **)&names, &cap, *n, sizeof *names);
		names[(*n)++] = xasprintf("%s/%s", dir, e->d_name);
	}
	if (d)
		closedir(d);
	if (*n)
		qsort(names, *n, sizeof *names, by_name);
	return names;
}

int import_detect(const char *datadir, const char *const *fields, enum import_kind kind,
		  const char *const *header, size_t n, const char *file,
		  struct import_profile **out)
{
	char *dir = xasprintf("%s/profiles/imports", datadir), **files;
	struct import_profile *p = NULL, *found = NULL;
	size_t nfiles = 0, i;
	int rc = CX_OK;

	*out = NULL;
	files = builtin_files(dir, &nfiles);
	for (i = 0; rc == CX_OK && i < nfiles; i++) {
		rc = load_file(files[i], fields, (int)kind, &p);
		if (rc != CX_OK || p->kind != kind || !matches(p, header, n)) {
			import_free(p);
			continue;
		}
		if (found) {
			msg_at(file, 1, "the header matches the import profiles '%s' and '%s': "
			       "choose one with --import", found->id, p->id);
			import_free(p);
			rc = CX_EINPUT;
		} else {
			found = p;
		}
	}
	for (i = 0; i < nfiles; i++)
		free(files[i]);
	free(files);
	free(dir);
	if (rc != CX_OK) {
		import_free(found);
		return rc;
	}
	*out = found;
	return CX_OK;
}

char **import_builtin_names(const char *datadir, unsigned kinds, size_t *n)
{
	char *dir = xasprintf("%s/profiles/imports", datadir), **files, *base;
	struct import_profile *p = NULL;
	size_t nfiles = 0, i;

	files = builtin_files(dir, &nfiles);
	*n = 0;
	for (i = 0; i < nfiles; i++) {
		if (load_file(files[i], NULL, -1, &p) == CX_OK && (kinds >> p->kind & 1u)) {
			base = strrchr(files[i], '/') + 1; /* a path under dir */
			base[strlen(base) - 5] = '\0';     /* less ".json" */
			memmove(files[i], base, strlen(base) + 1);
			files[(*n)++] = files[i];
		} else {
			free(files[i]);
		}
		import_free(p);
		p = NULL;
	}
	free(dir);
	if (*n == 0) {
		free(files);
		return NULL;
	}
	return files;
}

const char *import_kind_name(enum import_kind kind)
{
	return kind == IMPORT_CONTACTS ? "contacts" : kind == IMPORT_SURVEYS ?
		"surveys" : "transcripts";
}

static void spec_release(struct import_spec *s)
{
	size_t i;

	free(s->field);
	free(s->constant);
	for (i = 0; i < s->ncolumns; i++)
		free(s->columns[i]);
	free(s->columns);
	free_strings(s->formats, s->nformats);
	for (i = 0; i < s->nvalues; i++)
		free(s->values[i].raw);
	free(s->values);
	free_strings(s->missing, s->nmissing);
}

void import_free(struct import_profile *p)
{
	size_t i;

	if (!p)
		return;
	free(p->id);
	free(p->name);
	free(p->origin);
	free(p->source);
	free(p->note);
	free(p->timezone);
	free_strings(p->match, p->nmatch);
	free_strings(p->missing, p->nmissing);
	for (i = 0; i < p->nskips; i++) {
		free(p->skips[i].column);
		free_strings(p->skips[i].values, p->skips[i].nvalues);
	}
	free(p->skips);
	for (i = 0; i < p->nspecs; i++)
		spec_release(&p->specs[i]);
	free(p->specs);
	free(p);
}
