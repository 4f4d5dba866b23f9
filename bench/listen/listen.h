/* listen: friction signals in what customers say in calls and chats, the
 * engine behind `cxbench listen` and the door to the listen folder.  It
 * reads the transcripts (transcripts.c), or a text export through an
 * import profile (export_read.c, export_row.c), evaluates the category
 * queries of a lexicon (lexicon.c, query.h) over the turns (scan.c,
 * words.c, matcher.c), and sums the
 * conversations up as the listen document of DESIGN.md "Transcripts"
 * (listen.c), which is its result: the report reads it back, and
 * listen_table() shows it as text.  It knows nothing of the command
 * line: what it is asked comes as struct listen_options. */
#ifndef CX_LISTEN_H
#define CX_LISTEN_H
#include <cJSON.h>
#include <stdio.h>
#include "core/period.h"
#include "listen/lexicon.h"

struct import_profile;

struct listen_options {
	/* period alone: every turn is in it (a time the transcripts give
	 * must fall in it, or the turn is left out and counted); with company
	 * too, the document also holds this company's listening metrics for
	 * this period, in the company metrics form */
	const char *company, *period;
	/* a text export (CSV): read through this transcripts import profile
	 * (the caller's: a day/month order it leaves open is settled in it
	 * from the file), or, when NULL and the header lacks contact_id,
	 * speaker and text, through the built-in one in datadir whose
	 * `match` the header has */
	struct import_profile *import;
	const char *datadir;
	/* turns get the period of their time (the profile's started_at):
	 * quarters, or months; by: --by was given, so a time is required */
	enum granularity gran;
	int by;
	/* contact records (CSV): the document gets `contacts` and coverage */
	const char *contacts;
	/* survey answers (CSV with customer_id): `silent_dissatisfied` */
	const char *surveys;
	/* where to write the call-back list (JSON Lines, atomically), or NULL */
	const char *records;
	/* threads to read a large file with (at least 1) */
	int threads;
};

/* Plans the lexicon's queries on the start of the file (lexicon_plan()),
 * reads the transcripts at path (a CSV or JSON Lines file, a URL, or a
 * directory of .txt files) and the files o names, and sets *doc to the
 * listen document, which the caller owns (cJSON_Delete, or json_write()
 * of out/out_json.h).  CX_OK, or an error status after a message naming
 * the file and line; transcripts without a conversation are an error. */
int listen_run(struct lexicon *lx, const char *path,
	       const struct listen_options *o, cJSON **doc);
/* The document as a table: each signal's share, count and first example,
 * and the silent dissatisfied when the document has them. */
void listen_table(FILE *f, const cJSON *doc);
#endif
