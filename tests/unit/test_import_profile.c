/* Import profiles from files (bench/imports/profile_load.c): a valid one
 * with every member read back, the mistakes each refused with its one
 * message on stderr (file, JSON path, what), and detection of a built-in
 * profile by the header names of an export. */
#include "check.h"
#include "base/msg.h"
#include "imports/import.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *const fields[] = { "contact_id", "customer_id", "started_at",
	"wait_seconds", "abandoned", "csat", "nps", NULL };

/* stderr into a temporary file until captured_end(), which returns what
 * was written there (caller frees). */
static int saved_fd = -1;
static FILE *captured;

static void capture_begin(void)
{
	msg_summary(); /* msg_at's count of shown messages starts afresh */
	(void)fflush(stderr);
	captured = tmpfile();
	saved_fd = dup(2);
	if (captured && saved_fd >= 0)
		dup2(fileno(captured), 2);
}

static char *capture_end(void)
{
	char *text = calloc(1, 8192);
	size_t n;

	(void)fflush(stderr);
	if (saved_fd >= 0) {
		dup2(saved_fd, 2);
		close(saved_fd);
		saved_fd = -1;
	}
	if (captured) {
		rewind(captured);
		n = fread(text, 1, 8191, captured);
		text[n] = '\0';
		(void)fclose(captured); /* read only */
		captured = NULL;
	}
	return text;
}

static const char valid_json[] =
	"{ \"id\": \"acme-calls\", \"name\": \"Acme call log\", \"kind\": \"contacts\",\n"
	"  \"source\": [\"Acme docs <https://example.com/a>\", \"second line\"],\n"
	"  \"note\": \"a note\",\n"
	"  \"match\": [\"CALL ID\", \"QUEUE WAIT\"],\n"
	"  \"csv\": { \"delimiter\": \";\", \"header_row\": 3, \"skip_after_header\": 2 },\n"
	"  \"missing\": [\"N/A\", \"-\"],\n"
	"  \"timezone\": \"Europe/Kyiv\",\n"
	"  \"clock\": \"business\",\n"
	"  \"skip\": { \"CALL TYPE\": [\"Outbound\", \"Internal\"], \"QUEUE\": \"Test\" },\n"
	"  \"fields\": {\n"
	"    \"contact_id\": \"CALL ID\",\n"
	"    \"started_at\": { \"columns\": [\"DATE\", \"TIME\"],\n"
	"                    \"format\": [\"%d/%m/%Y %H:%M:%S\", \"excel\"] },\n"
	"    \"wait_seconds\": { \"elapsed\": [\"QUEUED\", \"ANSWERED\"], \"format\": \"epoch\" },\n"
	"    \"abandoned\": { \"column\": \"ANSWERED?\", \"values\": { \"Y\": false, \"N\": true,\n"
	"                   \"?\": null }, \"otherwise\": null },\n"
	"    \"csat\": { \"column\": \"CSAT\", \"missing\": [\"0\"], \"scale\": [1, 10] },\n"
	"    \"nps\": { \"column\": \"NPS\", \"values\": { \"high\": 9.5 }, \"otherwise\": 2 },\n"
	"    \"customer_id\": { \"column\": \"CALLER\", \"duration\": \"h:mm:ss\" }\n"
	"  } }\n";

void test_import_load_valid(void)
{
	char *dir = temp_dir_new(), *path = write_file(dir, "acme.json", valid_json);
	struct import_profile *p = NULL;
	const struct import_spec *s;

	CHECK_INT(import_load(path, "/nonexistent", fields, &p), CX_OK);
	if (!p) {
		remove_tree(dir);
		free(dir);
		free(path);
		return;
	}
	CHECK_STR(p->id, "acme-calls");
	CHECK_STR(p->name, "Acme call log");
	CHECK_STR(p->origin, path);
	CHECK_STR(p->source, "Acme docs <https://example.com/a>"); /* the first line */
	CHECK_STR(p->note, "a note");
	CHECK_INT(p->kind, IMPORT_CONTACTS);
	CHECK_STR(import_kind_name(p->kind), "contacts");
	CHECK_INT(p->nmatch, 2);
	CHECK_STR(p->match[0], "CALL ID");
	CHECK_STR(p->match[1], "QUEUE WAIT");
	CHECK_INT(p->delimiter, ';');
	CHECK_INT(p->header_row, 3);
	CHECK_INT(p->skip_after_header, 2);
	CHECK_INT(p->nmissing, 2);
	CHECK_STR(p->missing[0], "N/A");
	CHECK_STR(p->missing[1], "-");
	CHECK_STR(p->timezone, "Europe/Kyiv");
	CHECK_INT(p->business_clock, 1);
	CHECK_INT(p->nskips, 2);
	CHECK_STR(p->skips[0].column, "CALL TYPE");
	CHECK_INT(p->skips[0].nvalues, 2);
	CHECK_STR(p->skips[0].values[0], "Outbound");
	CHECK_STR(p->skips[0].values[1], "Internal");
	CHECK_STR(p->skips[1].column, "QUEUE");
	CHECK_INT(p->skips[1].nvalues, 1); /* a string is a list of one */
	CHECK_STR(p->skips[1].values[0], "Test");
	CHECK_INT(p->nspecs, 7);
	if (p->nspecs != 7)
		goto done;
	/* in the file's order */
	s = &p->specs[0];
	CHECK_STR(s->field, "contact_id");
	CHECK_INT(s->ncolumns, 1);
	CHECK_STR(s->columns[0], "CALL ID");
	CHECK_INT(s->elapsed, 0);
	CHECK_INT(s->nformats, 0);
	CHECK_INT(s->duration, DUR_NONE);
	CHECK_INT(s->nvalues, 0);
	CHECK_INT(s->has_otherwise, 0);
	CHECK_INT(s->nmissing, 0);
	CHECK_INT(s->has_scale, 0);
	s = &p->specs[1];
	CHECK_STR(s->field, "started_at");
	CHECK_INT(s->ncolumns, 2);
	CHECK_STR(s->columns[0], "DATE");
	CHECK_STR(s->columns[1], "TIME");
	CHECK_INT(s->elapsed, 0);
	CHECK_INT(s->nformats, 2);
	CHECK_STR(s->formats[0], "%d/%m/%Y %H:%M:%S");
	CHECK_STR(s->formats[1], "excel");
	s = &p->specs[2];
	CHECK_STR(s->field, "wait_seconds");
	CHECK_INT(s->ncolumns, 2);
	CHECK_STR(s->columns[0], "QUEUED");
	CHECK_STR(s->columns[1], "ANSWERED");
	CHECK_INT(s->elapsed, 1);
	CHECK_INT(s->nformats, 1); /* a string is a list of one */
	CHECK_STR(s->formats[0], "epoch");
	s = &p->specs[3];
	CHECK_STR(s->field, "abandoned");
	CHECK_STR(s->columns[0], "ANSWERED?");
	CHECK_INT(s->nvalues, 3);
	CHECK_STR(s->values[0].raw, "Y");
	CHECK_NEAR(s->values[0].value, 0, 0);
	CHECK_INT(s->values[0].is_null, 0);
	CHECK_STR(s->values[1].raw, "N");
	CHECK_NEAR(s->values[1].value, 1, 0);
	CHECK_INT(s->values[1].is_null, 0);
	CHECK_STR(s->values[2].raw, "?");
	CHECK_INT(s->values[2].is_null, 1);
	CHECK_INT(s->has_otherwise, 1);
	CHECK_INT(s->otherwise.is_null, 1);
	s = &p->specs[4];
	CHECK_STR(s->field, "csat");
	CHECK_INT(s->nmissing, 1);
	CHECK_STR(s->missing[0], "0");
	CHECK_INT(s->has_scale, 1);
	CHECK_NEAR(s->scale[0], 1, 0);
	CHECK_NEAR(s->scale[1], 10, 0);
	s = &p->specs[5];
	CHECK_STR(s->field, "nps");
	CHECK_INT(s->nvalues, 1);
	CHECK_NEAR(s->values[0].value, 9.5, 0);
	CHECK_INT(s->has_otherwise, 1);
	CHECK_INT(s->otherwise.is_null, 0);
	CHECK_NEAR(s->otherwise.value, 2, 0);
	s = &p->specs[6];
	CHECK_STR(s->field, "customer_id");
	CHECK_INT(s->duration, DUR_HMS);
done:
	import_free(p);
	import_free(NULL); /* a no-op */
	remove_tree(dir);
	free(dir);
	free(path);
}

/* The smallest valid profile: defaults. */
void test_import_load_defaults(void)
{
	char *dir = temp_dir_new();
	char *path = write_file(dir, "min.json",
				"{ \"id\": \"m\", \"name\": \"M\", \"kind\": \"surveys\",\n"
				"  \"fields\": { \"csat\": \"Score\" } }\n");
	struct import_profile *p = NULL;

	CHECK_INT(import_load(path, "/nonexistent", fields, &p), CX_OK);
	if (p) {
		CHECK_INT(p->kind, IMPORT_SURVEYS);
		CHECK_STR(import_kind_name(p->kind), "surveys");
		CHECK_INT(p->delimiter, 0);   /* auto */
		CHECK_INT(p->header_row, 1);  /* the first line */
		CHECK_INT(p->skip_after_header, 0);
		CHECK_INT(p->nmatch, 0);
		CHECK_INT(p->nmissing, 0);
		CHECK(p->timezone == NULL);
		CHECK(p->source == NULL);
		CHECK(p->note == NULL);
		CHECK_INT(p->business_clock, 0);
		CHECK_INT(p->nskips, 0);
		CHECK_INT(p->nspecs, 1);
		CHECK_STR(p->specs[0].columns[0], "Score");
	}
	import_free(p);
	remove_tree(dir);
	free(dir);
	free(path);
}

/* A profile made of `head` (members before fields) and `fields_json`:
 * refused (CX_EINPUT, *out NULL) with exactly `want` on stderr, where
 * "FILE" stands for the file's path. */
static void refused(const char *head, const char *fields_json, const char *want)
{
	char *dir = temp_dir_new(), *path, *text, *err, expect[2048];
	struct import_profile *p = (struct import_profile *)&p; /* not NULL */
	size_t n = strlen(head) + strlen(fields_json) + 200;
	const char *at = strstr(want, "FILE");
	int rc;

	text = malloc(n);
	snprintf(text, n, "{ %s \"name\": \"X\", %s \"fields\": %s }\n",
		 strstr(head, "\"id\"") ? "" : "\"id\": \"x\",", head, fields_json);
	path = write_file(dir, "bad.json", text);
	capture_begin();
	rc = import_load(path, "/nonexistent", fields, &p);
	err = capture_end();
	CHECK_INT(rc, CX_EINPUT);
	CHECK(p == NULL);
	expect[0] = '\0';
	for (; at; want = at + 4, at = strstr(want, "FILE")) /* every FILE */
		snprintf(expect + strlen(expect), sizeof expect - strlen(expect), "%.*s%s",
			 (int)(at - want), want, path);
	snprintf(expect + strlen(expect), sizeof expect - strlen(expect), "%s", want);
	if (!CHECK_STR(err, expect))
		fprintf(stderr, "  profile: %s", text);
	import_free(p);
	free(err);
	free(text);
	remove_tree(dir);
	free(dir);
	free(path);
}

void test_import_load_refused(void)
{
	static const char ok_fields[] = "{ \"started_at\": \"When\" }";

	/* an unknown top-level key */
	refused("\"kind\": \"contacts\", \"delimiter\": \";\",", ok_fields,
		"cxbench: FILE: delimiter: unknown field\n");
	/* a field this command does not read */
	refused("\"kind\": \"contacts\",", "{ \"started_at\": \"When\", \"mood\": \"M\" }",
		"cxbench: FILE: fields.mood: not a field this command reads\n");
	/* kind */
	refused("\"kind\": \"tickets\",", ok_fields,
		"cxbench: FILE: kind: expected contacts, surveys or transcripts\n");
	refused("\"kind\": 3,", ok_fields,
		"cxbench: FILE: kind: expected a string, got a number\n");
	refused("", ok_fields, "cxbench: FILE: kind: missing (a string is required)\n");
	/* two of column, columns and elapsed */
	refused("\"kind\": \"contacts\",",
		"{ \"started_at\": { \"column\": \"A\", \"columns\": [\"B\", \"C\"] } }",
		"cxbench: FILE: fields.started_at: one of column, columns or elapsed, not two\n");
	refused("\"kind\": \"contacts\",",
		"{ \"wait_seconds\": { \"column\": \"A\", \"elapsed\": [\"B\", \"C\"] } }",
		"cxbench: FILE: fields.wait_seconds: one of column, columns or elapsed, not two\n");
	refused("\"kind\": \"contacts\",",
		"{ \"wait_seconds\": { \"columns\": [\"A\", \"D\"], \"elapsed\": [\"B\", \"C\"] } }",
		"cxbench: FILE: fields.wait_seconds: one of column, columns or elapsed, not two\n");
	/* none of them */
	refused("\"kind\": \"contacts\",", "{ \"started_at\": { \"format\": \"excel\" } }",
		"cxbench: FILE: fields.started_at: no column, columns or elapsed\n");
	/* columns needs two names */
	refused("\"kind\": \"contacts\",", "{ \"started_at\": { \"columns\": [\"A\", \"B\", \"C\"] } }",
		"cxbench: FILE: fields.started_at: expected two column names\n");
	/* a duration not in the list */
	refused("\"kind\": \"contacts\",",
		"{ \"wait_seconds\": { \"column\": \"W\", \"duration\": \"hh:mm\" } }",
		"cxbench: FILE: fields.wait_seconds.duration: expected seconds, ms, minutes, "
		"hours, h:mm:ss, mm:ss or excel\n");
	/* a scale with LOW >= HIGH, or not two numbers */
	refused("\"kind\": \"contacts\",", "{ \"csat\": { \"column\": \"S\", \"scale\": [10, 1] } }",
		"cxbench: FILE: fields.csat.scale: expected [LOW, HIGH] with LOW < HIGH\n");
	refused("\"kind\": \"contacts\",", "{ \"csat\": { \"column\": \"S\", \"scale\": [5, 5] } }",
		"cxbench: FILE: fields.csat.scale: expected [LOW, HIGH] with LOW < HIGH\n");
	refused("\"kind\": \"contacts\",", "{ \"csat\": { \"column\": \"S\", \"scale\": [1] } }",
		"cxbench: FILE: fields.csat.scale: expected [LOW, HIGH] with LOW < HIGH\n");
	/* header_row 0 (it is 1-based), and other csv mistakes */
	refused("\"kind\": \"contacts\", \"csv\": { \"header_row\": 0 },", ok_fields,
		"cxbench: FILE: csv.header_row: expected a whole number from 1 to 1000\n");
	refused("\"kind\": \"contacts\", \"csv\": { \"header_row\": 1.5 },", ok_fields,
		"cxbench: FILE: csv.header_row: expected a whole number from 1 to 1000\n");
	refused("\"kind\": \"contacts\", \"csv\": { \"skip_after_header\": -1 },", ok_fields,
		"cxbench: FILE: csv.skip_after_header: expected a whole number from 0 to 1000\n");
	refused("\"kind\": \"contacts\", \"csv\": { \"delimiter\": \";;\" },", ok_fields,
		"cxbench: FILE: csv.delimiter: expected auto, ',', ';', '\\t' or '|'\n");
	/* a character the reader does not split on would be ignored, silently */
	refused("\"kind\": \"contacts\", \"csv\": { \"delimiter\": \"#\" },", ok_fields,
		"cxbench: FILE: csv.delimiter: expected auto, ',', ';', '\\t' or '|'\n");
	/* found by fuzzing: a number far beyond long was cast before the check */
	refused("\"kind\": \"contacts\", \"csv\": { \"header_row\": 1e29 },", ok_fields,
		"cxbench: FILE: csv.header_row: expected a whole number from 1 to 1000\n");
	refused("\"kind\": \"contacts\", \"csv\": { \"skip_after_header\": -1e29 },",
		ok_fields,
		"cxbench: FILE: csv.skip_after_header: expected a whole number from 0 to 1000\n");
	refused("\"kind\": \"contacts\", \"csv\": { \"headers\": 2 },", ok_fields,
		"cxbench: FILE: csv.headers: unknown field\n");
	/* a value map entry that is not a number, true, false or null */
	refused("\"kind\": \"contacts\",",
		"{ \"abandoned\": { \"column\": \"A\", \"values\": { \"Y\": \"no\" } } }",
		"cxbench: FILE: fields.abandoned.values.Y: expected a number, true, false or null\n");
	/* an unknown key in a field */
	refused("\"kind\": \"contacts\",", "{ \"csat\": { \"column\": \"S\", \"range\": [1, 5] } }",
		"cxbench: FILE: fields.csat.range: unknown field\n");
	/* no fields at all */
	refused("\"kind\": \"contacts\",", "{}",
		"cxbench: FILE: fields: expected an object of field -> column\n");
	/* an id that is not lowercase letters, digits and '-' */
	refused("\"kind\": \"contacts\", \"id\": \"Bad Id\",", ok_fields,
		"cxbench: FILE: id: expected lowercase letters, digits and '-'\n");
	/* found by fuzzing: a source list without a string was read as one */
	refused("\"kind\": \"contacts\", \"source\": [1],", ok_fields,
		"cxbench: FILE: source: expected strings only\n");
	/* a field named twice (JSON allows it; which would win?) */
	refused("\"kind\": \"contacts\",", "{ \"started_at\": \"A\", \"started_at\": \"B\" }",
		"cxbench: FILE: fields.started_at: the field is named twice\n");
	/* one value for every row: a transcripts profile's channel only */
	refused("\"kind\": \"contacts\",",
		"{ \"started_at\": \"A\", \"customer_id\": { \"value\": \"c1\" } }",
		"cxbench: FILE: fields.customer_id: value: only a transcripts profile's channel "
		"may be one value for every row\n"
		"cxbench: FILE: fields.customer_id: no column, columns or elapsed\n");
	refused("\"kind\": \"transcripts\",",
		"{ \"text\": \"T\", \"customer_id\": { \"value\": \"c1\" } }",
		"cxbench: FILE: fields.customer_id: value: only the channel may be one value "
		"for every row\n");
	refused("\"kind\": \"transcripts\",",
		"{ \"text\": \"T\", \"channel\": { \"value\": \"chat\", \"column\": \"C\" } }",
		"cxbench: FILE: fields.channel: one of column, columns or value, not two\n");
	/* text takes one to 8 columns; other transcripts fields one */
	refused("\"kind\": \"transcripts\",",
		"{ \"text\": { \"columns\": [\"1\", \"2\", \"3\", \"4\", \"5\", \"6\", \"7\", "
		"\"8\", \"9\"] } }",
		"cxbench: FILE: fields.text: expected one to 8 column names\n");
	refused("\"kind\": \"transcripts\",",
		"{ \"text\": \"T\", \"contact_id\": { \"columns\": [\"A\", \"B\"] } }",
		"cxbench: FILE: fields.contact_id: one column only\n");
	/* a contacts field in a transcripts profile, and the other way round */
	refused("\"kind\": \"transcripts\",", "{ \"text\": \"T\", \"csat\": \"S\" }",
		"cxbench: FILE: fields.csat: not a field this command reads\n");
	refused("\"kind\": \"contacts\",", "{ \"started_at\": \"A\", \"text\": \"T\" }",
		"cxbench: FILE: fields.text: not a field this command reads\n");
	/* every problem is reported, not only the first */
	refused("\"kind\": \"calls\", \"csv\": { \"header_row\": 0 },",
		"{ \"csat\": { \"column\": \"S\", \"scale\": [5, 1] } }",
		"cxbench: FILE: kind: expected contacts, surveys or transcripts\n"
		"cxbench: FILE: csv.header_row: expected a whole number from 1 to 1000\n"
		"cxbench: FILE: fields.csat.scale: expected [LOW, HIGH] with LOW < HIGH\n");
}

void test_import_load_by_name(void)
{
	char *dir = temp_dir_new(), *sub, *path, *err;
	struct import_profile *p = NULL;

	sub = malloc(strlen(dir) + 32);
	CHECK(snprintf(sub, strlen(dir) + 32, "%s/profiles", dir) > 0);
	mkdir(sub, 0700);
	CHECK(snprintf(sub, strlen(dir) + 32, "%s/profiles/imports", dir) > 0);
	mkdir(sub, 0700);
	path = write_file(sub, "acme-calls.json", valid_json);
	/* a built-in profile by its id */
	CHECK_INT(import_load("acme-calls", dir, fields, &p), CX_OK);
	CHECK(p != NULL);
	if (p)
		CHECK_STR(p->id, "acme-calls");
	import_free(p);
	/* no such built-in profile */
	capture_begin();
	CHECK_INT(import_load("nobody", dir, fields, &p), CX_EUSAGE);
	err = capture_end();
	CHECK(p == NULL);
	CHECK(strstr(err, "cxbench: --import: no built-in profile 'nobody'") == err);
	free(err);
	/* neither a path nor an id */
	capture_begin();
	CHECK_INT(import_load("Not An Id", dir, fields, &p), CX_EUSAGE);
	err = capture_end();
	CHECK_STR(err, "cxbench: --import: 'Not An Id' is neither a file nor a built-in profile\n");
	free(err);
	unlink(path);
	free(path);
	remove_tree(sub);
	CHECK(snprintf(sub, strlen(dir) + 32, "%s/profiles", dir) > 0);
	remove_tree(sub);
	remove_tree(dir);
	free(sub);
	free(dir);
}

/* ---- detection ---- */

static const char calls_json[] =
	"{ \"id\": \"a-calls\", \"name\": \"A calls\", \"kind\": \"contacts\",\n"
	"  \"match\": [\"CALL ID\", \"QUEUE WAIT\"],\n"
	"  \"fields\": { \"contact_id\": \"CALL ID\", \"started_at\": \"START\" } }\n";
static const char tickets_json[] =
	"{ \"id\": \"b-tickets\", \"name\": \"B tickets\", \"kind\": \"contacts\",\n"
	"  \"match\": [\"Ticket\", \"Opened\"],\n"
	"  \"fields\": { \"contact_id\": \"Ticket\", \"started_at\": \"Opened\" } }\n";
/* the same match as a-calls, but for surveys */
static const char survey_json[] =
	"{ \"id\": \"c-survey\", \"name\": \"C survey\", \"kind\": \"surveys\",\n"
	"  \"match\": [\"CALL ID\", \"QUEUE WAIT\"],\n"
	"  \"fields\": { \"csat\": \"Score\" } }\n";

void test_import_detect(void)
{
	char *dir = temp_dir_new(), *sub, *files[3], *err;
	const char *h1[] = { "call id", "Queue Wait", "START", "agent" };
	const char *h2[] = { "CALL ID", "START", "agent" };
	const char *h3[] = { "Opened", "CALL ID", "QUEUE WAIT", "TICKET" };
	const char *h4[] = { "ticket", "opened" };
	struct import_profile *p = NULL;
	size_t i;

	sub = malloc(strlen(dir) + 32);
	CHECK(snprintf(sub, strlen(dir) + 32, "%s/profiles", dir) > 0);
	mkdir(sub, 0700);
	CHECK(snprintf(sub, strlen(dir) + 32, "%s/profiles/imports", dir) > 0);
	mkdir(sub, 0700);
	files[0] = write_file(sub, "a-calls.json", calls_json);
	files[1] = write_file(sub, "b-tickets.json", tickets_json);
	files[2] = write_file(sub, "c-survey.json", survey_json);
	free(write_file(sub, "README", "not a profile")); /* not .json: ignored */

	/* the right one, by its match names in any case */
	CHECK_INT(import_detect(dir, fields, IMPORT_CONTACTS, h1, 4, "x.csv", &p), CX_OK);
	CHECK(p != NULL);
	if (p)
		CHECK_STR(p->id, "a-calls");
	import_free(p);
	CHECK_INT(import_detect(dir, fields, IMPORT_CONTACTS, h4, 2, "x.csv", &p), CX_OK);
	CHECK(p != NULL);
	if (p)
		CHECK_STR(p->id, "b-tickets");
	import_free(p);
	/* the surveys profile for a survey file with the same header */
	CHECK_INT(import_detect(dir, fields, IMPORT_SURVEYS, h1, 4, "x.csv", &p), CX_OK);
	CHECK(p != NULL);
	if (p)
		CHECK_STR(p->id, "c-survey");
	import_free(p);
	/* a match name missing (QUEUE WAIT): none, and no message */
	capture_begin();
	p = (struct import_profile *)&p;
	CHECK_INT(import_detect(dir, fields, IMPORT_CONTACTS, h2, 3, "x.csv", &p), CX_OK);
	err = capture_end();
	CHECK(p == NULL);
	CHECK_STR(err, "");
	free(err);
	/* both contacts profiles match: an error naming both (the files in
	 * name order) */
	capture_begin();
	p = (struct import_profile *)&p;
	CHECK_INT(import_detect(dir, fields, IMPORT_CONTACTS, h3, 4, "x.csv", &p), CX_EINPUT);
	err = capture_end();
	CHECK(p == NULL);
	CHECK_STR(err, "cxbench: x.csv:1: the header matches the import profiles 'a-calls' "
		  "and 'b-tickets': choose one with --import\n");
	free(err);
	/* no profiles directory: none */
	CHECK_INT(import_detect("/nonexistent", fields, IMPORT_CONTACTS, h1, 4, "x.csv", &p),
		  CX_OK);
	CHECK(p == NULL);

	for (i = 0; i < 3; i++)
		free(files[i]);
	remove_tree(sub);
	CHECK(snprintf(sub, strlen(dir) + 32, "%s/profiles", dir) > 0);
	remove_tree(sub);
	remove_tree(dir);
	free(sub);
	free(dir);
}

/* Detection reads a profile of another kind no further than its kind: a
 * transcripts profile (speaker, text: fields aggregate does not read)
 * beside a contacts one with the same match names breaks neither. */
void test_import_detect_kinds(void)
{
	static const char texts_json[] =
		"{ \"id\": \"d-texts\", \"name\": \"D texts\", \"kind\": \"transcripts\",\n"
		"  \"match\": [\"CALL ID\", \"QUEUE WAIT\"],\n"
		"  \"fields\": { \"contact_id\": \"CALL ID\", \"speaker\": \"WHO\","
		" \"text\": { \"columns\": [\"NOTE\", \"QUEUE WAIT\"] } } }\n";
	char *dir = temp_dir_new(), *sub, *files[2];
	const char *h[] = { "CALL ID", "QUEUE WAIT", "START", "WHO", "NOTE" };
	struct import_profile *p = NULL;
	size_t i;

	sub = malloc(strlen(dir) + 32);
	CHECK(snprintf(sub, strlen(dir) + 32, "%s/profiles", dir) > 0);
	mkdir(sub, 0700);
	CHECK(snprintf(sub, strlen(dir) + 32, "%s/profiles/imports", dir) > 0);
	mkdir(sub, 0700);
	files[0] = write_file(sub, "a-calls.json", calls_json);
	files[1] = write_file(sub, "d-texts.json", texts_json);
	CHECK_INT(import_detect(dir, fields, IMPORT_CONTACTS, h, 5, "x.csv", &p), CX_OK);
	CHECK(p && strcmp(p->id, "a-calls") == 0);
	import_free(p);
	CHECK_INT(import_detect(dir, NULL, IMPORT_TRANSCRIPTS, h, 5, "x.csv", &p), CX_OK);
	CHECK(p && strcmp(p->id, "d-texts") == 0);
	if (p) {
		CHECK_INT(p->specs[2].ncolumns, 2);
		CHECK_STR(p->specs[2].columns[1], "QUEUE WAIT");
	}
	import_free(p);
	for (i = 0; i < 2; i++) {
		unlink(files[i]);
		free(files[i]);
	}
	remove_tree(sub);
	CHECK(snprintf(sub, strlen(dir) + 32, "%s/profiles", dir) > 0);
	remove_tree(sub);
	remove_tree(dir);
	free(sub);
	free(dir);
}
