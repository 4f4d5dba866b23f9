/* transcripts: the files `listen` reads.  The transcripts: CSV with one
 * row per turn (contact_id, customer_id, channel, speaker, text), JSON
 * Lines with one conversation per line ({contact_id, customer_id,
 * channel, turns: [{speaker, text}]}), or a directory of plain-text
 * files, one conversation each, with "Customer:" / "Agent:" lines; any
 * other CSV is a text export, read through an import profile (export.h),
 * and UTF-16 is read as the UTF-8 it converts to (io/utf16.h).  And
 * the two files beside them: contact records, counted for coverage, and
 * survey answers, whose customer ids say who answered.  Large files are
 * streamed, never held whole.  Inside the listen folder only (listen.h is
 * the door).  Each function returns CX_OK or an error status after a
 * message naming the file and line. */
#ifndef CX_TRANSCRIPTS_H
#define CX_TRANSCRIPTS_H
#include <stdint.h>
#include "base/strmap.h"
#include "listen/listen.h"
#include "listen/scan.h"

/* Feeds every turn of the transcripts at path (a file, URL or directory)
 * to S: a CSV file may be a text export read through an import profile
 * (o->import, or the built-in one its header matches; listen/export.h),
 * and every turn gets o->period when it is given. */
int transcripts_read(struct scan *S, const char *path, const struct listen_options *o);
/* The records (rows after the header) of a CSV file of contacts; and,
 * when want (contact id -> index) is given, the customer_id of each
 * contact it names into customers[index] (left NULL when the file has
 * no such contact; the caller frees them). */
int contacts_read(const char *path, uint64_t *n, const struct strmap *want,
		  char **customers);
/* Adds to ids every non-empty customer_id of a CSV file of survey
 * answers (a file without that column is an error). */
int respondents_read(const char *path, struct strmap *ids);
#endif
