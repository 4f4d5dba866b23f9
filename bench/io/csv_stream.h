/* csv_stream: reading the CSV records that start in a byte range of a file,
 * block by block with pread (no mapping, and memory stays one block), each
 * handed to a callback with its line and offset.  A record cut by the end
 * of a block is read again at the start of the next one.  Used by the
 * readers that must not hold whole files: aggregate and listen. */
#ifndef CX_CSV_STREAM_H
#define CX_CSV_STREAM_H
#include <stddef.h>
#include <sys/types.h>
#include "io/csv.h"

struct csv_stream {
	int fd;
	off_t begin, end;   /* records starting in [begin, end) */
	size_t block;       /* bytes per read; the longest record must fit */
	/* 0 to go on, -1 to stop (the callback keeps its own reason) */
	int (*on_record)(const struct csv_reader *r, long line, off_t offset, void *arg);
	void (*on_block)(off_t bytes, void *arg); /* optional, for progress */
	void *arg;
	char delimiter;     /* 0 for ',' */
	/* results */
	off_t next;         /* where the record after the last one starts */
	long lines;         /* lines read, counting from begin */
	int stopped;        /* the callback said stop */
	long error_line;    /* the stream's own problem: a malformed record (its
			     * line), or 0 for a read error */
	char error[160];    /* empty when none */
};

/* 0 when every record was read, -1 when stopped or on an error. */
int csv_stream_run(struct csv_stream *s);
#endif
