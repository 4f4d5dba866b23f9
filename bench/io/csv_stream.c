#include "io/csv_stream.h"
#include "base/mem.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Hands out the records of one block; returns the offset where reading
 * goes on, or -1 to stop. */
static off_t block(struct csv_stream *s, char *buf, size_t len, off_t at, int eof)
{
	struct csv_reader r;
	char *start;
	int got;

	csv_init(&r, buf, len);
	if (s->delimiter)
		(void)csv_set_delimiter(&r, s->delimiter); /* checked by the caller */
	for (;;) {
		start = r.p;
		if (at + (start - buf) >= s->end && r.p < r.end) {
			s->next = at + (start - buf);
			break;
		}
		got = csv_next(&r);
		if (got == 0)
			break;
		if (!eof && ((got < 0 && strcmp(r.error, "unterminated quoted field") == 0) ||
			     (got > 0 && r.p == r.end && r.end[-1] != '\n'))) {
			r.next_line = r.line; /* read that record again with the next block */
			break;
		}
		if (got < 0) {
			s->error_line = s->lines + r.line;
			snprintf(s->error, sizeof s->error, "%s", r.error);
			csv_release(&r);
			return -1;
		}
		if (s->on_record(&r, s->lines + r.line, at + (start - buf), s->arg) < 0) {
			s->stopped = 1;
			csv_release(&r);
			return -1;
		}
	}
	s->lines += (r.next_line > 0 ? r.next_line : 1) - 1;
	csv_release(&r);
	return at + (start - buf);
}

int csv_stream_run(struct csv_stream *s)
{
	char *buf = xmalloc(s->block + 1);
	off_t at = s->begin, next = 0;
	ssize_t n;

	s->next = -1;
	while (s->next < 0) {
		n = pread(s->fd, buf, s->block, at);
		if (n < 0) {
			snprintf(s->error, sizeof s->error, "cannot read: %s", strerror(errno));
			next = -1;
			break;
		}
		buf[n] = '\0';
		next = block(s, buf, (size_t)n, at, (size_t)n < s->block);
		if (next < 0)
			break;
		if (next == at && s->next < 0 && (size_t)n == s->block) {
			s->error_line = s->lines + 1;
			snprintf(s->error, sizeof s->error, "a record longer than the "
				 "%zu-byte read block", s->block);
			next = -1;
			break;
		}
		if (s->on_block)
			s->on_block(next - at, s->arg);
		if ((size_t)n < s->block && s->next < 0)
			s->next = at + n;
		at = next;
	}
	free(buf);
	return next < 0 ? -1 : 0;
}
