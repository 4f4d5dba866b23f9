/* transcripts: the readers `listen` feeds from: CSV with one row per turn
 * (contact_id, customer_id, channel, speaker, text), JSON Lines with one
 * conversation per line ({contact_id, customer_id, channel, turns:
 * [{speaker, text}]}), or a directory of plain-text files, one
 * conversation each, with "Customer:" / "Agent:" lines.  Large files are
 * streamed, never held whole. */
#ifndef CX_TRANSCRIPTS_H
#define CX_TRANSCRIPTS_H
#include "listen/scan.h"

/* CX_OK or an error status after a message naming file and line. */
int transcripts_read(struct listen *L, const char *path);
/* Records (rows after the header) of a CSV file, for coverage. */
int csv_count_records(const char *path, uint64_t *n);
/* Calls add(customer_id) for each row of a CSV file with a customer_id
 * column (survey respondents). */
int csv_each_customer(const char *path, void (*add)(const char *id, void *arg),
		      void *arg);
#endif
