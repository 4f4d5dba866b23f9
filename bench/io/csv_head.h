/* csv_head: the first 64 KiB of a CSV file, where a reader looks for its
 * header (and an import profile's title rows, or the header that tells
 * which profile it is) before streaming the rest (csv_stream.h).  The
 * head is read once and parsed as often as needed: each csv_head_reader()
 * starts afresh on a copy, since the reader writes into its buffer.  A
 * head is owned by its reader's caller (csv_head_release()). */
#ifndef CX_CSV_HEAD_H
#define CX_CSV_HEAD_H
#include <stddef.h>
#include "io/csv.h"

#define CSV_HEAD_BYTES 65536

struct csv_head {
	char *raw, *work; /* as read (a UTF-8 BOM left out), and the copy parsed */
	size_t n, bom;    /* bytes in raw; the BOM's length (0 or 3) */
	int whole;        /* the file ends within the head */
};

/* CX_OK, or CX_EIO after a message naming the file. */
int csv_head_read(int fd, const char *name, struct csv_head *h);
void csv_head_release(struct csv_head *h);
/* A reader at the head's start, with this delimiter (one csv_sniff()
 * gives, or ','). */
void csv_head_reader(struct csv_head *h, char delimiter, struct csv_reader *r);
/* Moves r past k records: 0, or -1 when there are fewer. */
int csv_skip_records(struct csv_reader *r, long k);
#endif
