#include "io/csv_head.h"
#include "base/mem.h"
#include "base/msg.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int csv_head_read(int fd, const char *name, struct csv_head *h)
{
	ssize_t n;

	memset(h, 0, sizeof *h);
	h->raw = xmalloc(CSV_HEAD_BYTES + 1);
	h->work = xmalloc(CSV_HEAD_BYTES + 1);
	n = pread(fd, h->raw, CSV_HEAD_BYTES, 0);
	if (n < 0) {
		msg_at(name, 0, "cannot read: %s", strerror(errno));
		return CX_EIO;
	}
	h->whole = n < CSV_HEAD_BYTES;
	h->bom = n >= 3 && memcmp(h->raw, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	memmove(h->raw, h->raw + h->bom, (size_t)n - h->bom);
	h->n = (size_t)n - h->bom;
	h->raw[h->n] = '\0';
	return CX_OK;
}

void csv_head_release(struct csv_head *h)
{
	free(h->raw);
	free(h->work);
	memset(h, 0, sizeof *h);
}

void csv_head_reader(struct csv_head *h, char delimiter, struct csv_reader *r)
{
	memcpy(h->work, h->raw, h->n + 1);
	csv_init(r, h->work, h->n);
	(void)csv_set_delimiter(r, delimiter); /* csv_sniff() gives a known one */
}

int csv_skip_records(struct csv_reader *r, long k)
{
	for (; k > 0; k--)
		if (csv_next(r) <= 0)
			return -1;
	return 0;
}
