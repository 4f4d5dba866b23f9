/* A text export's rows as turns (bench/listen/export_row.c), and UTF-16
 * text as UTF-8 (bench/io/utf16.c): each row's conversation, customer,
 * channel, speaker, text and period worked out by hand from the profile
 * and the row. */
#include "check.h"
#include "base/msg.h"
#include "io/input.h"
#include "io/utf16.h"
#include "listen/export.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* A profile from its JSON text (checked by the loader). */
static struct import_profile *profile(const char *json)
{
	struct import_profile *p = NULL;
	struct input in;

	if (!CHECK(input_from_memory("(profile)", json, strlen(json), &in) == CX_OK))
		return NULL;
	CHECK(import_from_input(&in, NULL, &p) == CX_OK);
	input_release(&in);
	return p;
}

/* A header and rows, parsed from a writable copy the caller frees. */
struct rows {
	char *buf;
	struct csv_reader r;
};

static void rows_open(struct rows *x, const char *text)
{
	x->buf = strdup(text);
	csv_init(&x->r, x->buf, strlen(x->buf));
}

static void rows_close(struct rows *x)
{
	csv_release(&x->r);
	free(x->buf);
}

/* The map of p onto the header (the first record of x). */
static int map_open(struct export_map *m, struct import_profile *p, struct rows *x,
		    const struct listen_options *o)
{
	CHECK_INT(csv_next(&x->r), 1);
	return export_map_init(m, p, &x->r, o, "(export)", 1);
}

static int next_turn(struct export_map *m, struct rows *x, struct turn *t,
		     const char **why)
{
	if (!CHECK_INT(csv_next(&x->r), 1))
		return -2;
	return export_row(m, &x->r, x->r.line, t, why);
}

/* A ticket export: subject and body joined with a newline, a blank body
 * left out, the channel one value for every row, no speaker (the
 * customer), periods by quarter from a day-first date and a time. */
void test_export_row_tickets(void)
{
	struct import_profile *p = profile(
		"{\"id\": \"t\", \"name\": \"T\", \"kind\": \"transcripts\","
		" \"missing\": [\"\", \"-\"],"
		" \"fields\": {\"contact_id\": \"Key\", \"customer_id\": \"Who\","
		"  \"channel\": {\"value\": \"ticket\"},"
		"  \"started_at\": {\"columns\": [\"Day\", \"At\"], \"format\": \"%d/%b/%y %I:%M %p\"},"
		"  \"text\": {\"columns\": [\"Subject\", \"Body\"]}}}");
	struct listen_options o;
	struct export_map m;
	struct rows x;
	struct turn t = { 0 };
	const char *why = NULL;

	memset(&o, 0, sizeof o);
	o.gran = GRAN_QUARTER;
	rows_open(&x, "Key,Subject,Body,Who,Day,At\n"
		  "K-1,Refund,\"You promised\nlast week\",ana@example.com,31/Mar/26,11:59 PM\n"
		  "K-2,Thanks,-,-,01/Apr/26,12:00 AM\n"
		  "K-3,,,ben@example.com,02/Apr/26,9:00 AM\n"
		  "K-4,Help,Again,cy@example.com,32/Apr/26,9:00 AM\n");
	CHECK_INT(map_open(&m, p, &x, &o), CX_OK);
	CHECK_INT(next_turn(&m, &x, &t, &why), 1);
	CHECK_STR(t.contact, "K-1");
	CHECK_STR(t.customer, "ana@example.com");
	CHECK_STR(t.channel, "ticket");
	CHECK_STR(t.speaker, "customer");
	CHECK_STR(t.text, "Refund\nYou promised\nlast week");
	CHECK_INT(t.len, strlen("Refund\nYou promised\nlast week"));
	CHECK_STR(t.period, "2026-Q1");
	CHECK_INT(next_turn(&m, &x, &t, &why), 1);
	CHECK_STR(t.text, "Thanks");      /* "-" is a missing marker */
	CHECK(t.customer == NULL);
	CHECK_STR(t.period, "2026-Q2");    /* midnight starts the quarter */
	CHECK_INT(next_turn(&m, &x, &t, &why), 0); /* no text: no turn */
	CHECK_INT(m.empty, 1);
	CHECK_INT(next_turn(&m, &x, &t, &why), -1);
	CHECK_STR(why, "started_at: not a time in the profile's formats: '32/Apr/26 9:00 AM'");
	export_map_release(&m);
	rows_close(&x);
	import_free(p);
}

/* Reviews: no conversation id (the line is one), no speaker, months with
 * --by month; and --period keeps only its rows, each in it. */
void test_export_row_reviews_periods(void)
{
	static const char *const json =
		"{\"id\": \"r\", \"name\": \"R\", \"kind\": \"transcripts\","
		" \"fields\": {\"channel\": {\"value\": \"review\"},"
		"  \"started_at\": \"Submitted\", \"text\": \"Text\"}}";
	static const char *const csv =
		"Submitted,Stars,Text\n"
		"2026-03-31T23:59:59Z,1,Logs me out\n"
		"2026-04-01T00:00:01Z,2,Bot again\n";
	struct import_profile *p = profile(json);
	struct listen_options o;
	struct export_map m;
	struct rows x;
	struct turn t = { 0 };
	const char *why = NULL;

	memset(&o, 0, sizeof o);
	o.gran = GRAN_MONTH;
	o.by = 1;
	rows_open(&x, csv);
	CHECK_INT(map_open(&m, p, &x, &o), CX_OK);
	CHECK_INT(next_turn(&m, &x, &t, &why), 1);
	CHECK_STR(t.contact, "2");
	CHECK_STR(t.channel, "review");
	CHECK_STR(t.period, "2026-03");
	CHECK_INT(next_turn(&m, &x, &t, &why), 1);
	CHECK_STR(t.contact, "3");
	CHECK_STR(t.period, "2026-04");
	export_map_release(&m);
	rows_close(&x);

	memset(&o, 0, sizeof o);
	o.period = "2026-q2"; /* as typed: the turn gets the canonical form */
	rows_open(&x, csv);
	CHECK_INT(map_open(&m, p, &x, &o), CX_OK);
	CHECK_INT(next_turn(&m, &x, &t, &why), 0);
	CHECK_INT(m.outside, 1);
	CHECK_INT(next_turn(&m, &x, &t, &why), 1);
	CHECK_STR(t.period, "2026-Q2");
	export_map_release(&m);
	rows_close(&x);
	import_free(p);
}

/* Chat messages: the speaker's values say who is the customer; a value
 * the map lacks is refused; the profile's skip rule and its time zone. */
void test_export_row_speaker_zone(void)
{
	struct import_profile *p = profile(
		"{\"id\": \"c\", \"name\": \"C\", \"kind\": \"transcripts\","
		" \"timezone\": \"Europe/Kyiv\", \"skip\": {\"Type\": [\"note\"]},"
		" \"fields\": {\"contact_id\": \"Conversation\", \"channel\": \"Via\","
		"  \"speaker\": {\"column\": \"Author\", \"values\": {\"user\": true,"
		"   \"admin\": false, \"bot\": false}},"
		"  \"started_at\": \"At\", \"text\": \"Body\"}}");
	struct listen_options o;
	struct export_map m;
	struct rows x;
	struct turn t = { 0 };
	const char *why = NULL;

	setenv("TZ", "Europe/Kyiv", 1);
	tzset();
	memset(&o, 0, sizeof o);
	rows_open(&x, "Conversation,Via,Author,Type,At,Body\n"
		  "c1,chat,user,comment,2026-03-31 23:30:00,I want a person\n"
		  "c1,chat,admin,comment,2026-03-31T21:30:00Z,Happy to help\n"
		  "c1,chat,admin,note,2026-03-31 23:40:00,customer angry\n"
		  "c1,chat,lead,comment,2026-04-01 00:10:00,Hi\n");
	CHECK_INT(map_open(&m, p, &x, &o), CX_OK);
	CHECK_INT(next_turn(&m, &x, &t, &why), 1);
	CHECK_STR(t.speaker, "customer");
	CHECK_STR(t.channel, "chat");
	CHECK_STR(t.period, "2026-Q1");
	CHECK_INT(next_turn(&m, &x, &t, &why), 1);
	CHECK_STR(t.speaker, "agent");
	CHECK_STR(t.period, "2026-Q2"); /* 21:30 UTC is 00:30 in Kyiv (UTC+3) */
	CHECK_INT(next_turn(&m, &x, &t, &why), 0);
	CHECK_INT(m.skipped[0], 1);
	CHECK_INT(next_turn(&m, &x, &t, &why), -1);
	CHECK_STR(why, "speaker: not in the profile's values: 'lead'");
	export_map_release(&m);
	rows_close(&x);
	import_free(p);
	unsetenv("TZ");
	tzset();
}

/* A column the header lacks is named, with the profile. */
void test_export_map_missing_column(void)
{
	struct import_profile *p = profile(
		"{\"id\": \"m\", \"name\": \"M\", \"kind\": \"transcripts\","
		" \"fields\": {\"text\": {\"columns\": [\"Title\", \"Review\"]}}}");
	struct listen_options o;
	struct export_map m;
	struct rows x;

	memset(&o, 0, sizeof o);
	rows_open(&x, "Title,Text\nA,B\n");
	quiet_begin();
	CHECK_INT(map_open(&m, p, &x, &o), CX_EINPUT);
	quiet_end();
	export_map_release(&m);
	rows_close(&x);
	import_free(p);
}

/* UTF-16 in both byte orders, with a pair for a character beyond the
 * basic plane; a pair cut by the end waits; a lone surrogate is refused. */
void test_utf16_decode(void)
{
	static const unsigned char le[] = { 'H', 0, 0x56, 0x04, 0x3D, 0xD8, 0x00, 0xDE };
	static const unsigned char be[] = { 0, 'H', 0x04, 0x56, 0xD8, 0x3D, 0xDE, 0x00 };
	static const unsigned char lone[] = { 'a', 0, 0x00, 0xDC, 'b', 0 };
	char out[32];
	size_t used = 0;
	long n;

	n = utf16_decode(le, sizeof le, UTF16_LE, out, &used);
	CHECK_INT(n, 1 + 2 + 4);
	CHECK_INT(used, sizeof le);
	CHECK(memcmp(out, "H\xD1\x96\xF0\x9F\x98\x80", 7) == 0); /* H, і, U+1F600 */
	n = utf16_decode(be, sizeof be, UTF16_BE, out, &used);
	CHECK_INT(n, 7);
	CHECK(memcmp(out, "H\xD1\x96\xF0\x9F\x98\x80", 7) == 0);
	n = utf16_decode(le, 6, UTF16_LE, out, &used);
	CHECK_INT(n, 3);
	CHECK_INT(used, 4); /* the high surrogate waits for its pair */
	n = utf16_decode(lone, sizeof lone, UTF16_LE, out, &used);
	CHECK_INT(n, -1);
	CHECK_INT(used, 2);
	CHECK_INT(utf16_sniff((const unsigned char *)"\xFF\xFEP\0", 4), UTF16_LE);
	CHECK_INT(utf16_sniff((const unsigned char *)"\0P\0a", 4), UTF16_BE);
	CHECK_INT(utf16_sniff((const unsigned char *)"P\0a\0", 4), UTF16_LE);
	CHECK_INT(utf16_sniff((const unsigned char *)"Pack", 4), UTF16_NONE);
}
