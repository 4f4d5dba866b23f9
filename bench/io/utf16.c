#include "io/utf16.h"
#include "base/mem.h"
#include "base/msg.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum utf16 utf16_sniff(const unsigned char *p, size_t n)
{
	if (n >= 2 && p[0] == 0xFF && p[1] == 0xFE)
		return UTF16_LE;
	if (n >= 2 && p[0] == 0xFE && p[1] == 0xFF)
		return UTF16_BE;
	if (n >= 4 && p[0] && !p[1] && p[2] && !p[3])
		return UTF16_LE;
	if (n >= 4 && !p[0] && p[1] && !p[2] && p[3])
		return UTF16_BE;
	return UTF16_NONE;
}

static unsigned unit(const unsigned char *p, enum utf16 order)
{
	return order == UTF16_BE ? (unsigned)p[0] << 8 | p[1] : (unsigned)p[1] << 8 | p[0];
}

long utf16_decode(const unsigned char *in, size_t n, enum utf16 order, char *out,
		  size_t *used)
{
	unsigned char *o = (unsigned char *)out;
	size_t i = 0;

	while (i + 2 <= n) {
		unsigned long c = unit(in + i, order);
		size_t len = 2;
		if (c >= 0xD800 && c <= 0xDBFF) {
			unsigned long lo;
			if (i + 4 > n)
				break; /* the pair's second half is in the next block */
			lo = unit(in + i + 2, order);
			if (lo < 0xDC00 || lo > 0xDFFF)
				break;
			c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
			len = 4;
		} else if ((c >= 0xDC00 && c <= 0xDFFF) || c == 0) {
			break;
		}
		if (c < 0x80) {
			*o++ = (unsigned char)c;
		} else if (c < 0x800) {
			*o++ = (unsigned char)(0xC0 | c >> 6);
			*o++ = (unsigned char)(0x80 | (c & 0x3F));
		} else if (c < 0x10000) {
			*o++ = (unsigned char)(0xE0 | c >> 12);
			*o++ = (unsigned char)(0x80 | (c >> 6 & 0x3F));
			*o++ = (unsigned char)(0x80 | (c & 0x3F));
		} else {
			*o++ = (unsigned char)(0xF0 | c >> 18);
			*o++ = (unsigned char)(0x80 | (c >> 12 & 0x3F));
			*o++ = (unsigned char)(0x80 | (c >> 6 & 0x3F));
			*o++ = (unsigned char)(0x80 | (c & 0x3F));
		}
		i += len;
	}
	*used = i;
	/* stopped before the end with a whole unit or pair there: not text */
	if (i + 2 <= n) {
		unsigned long c = unit(in + i, order);
		if (!(c >= 0xD800 && c <= 0xDBFF && i + 4 > n))
			return -1;
	}
	return (long)(o - (unsigned char *)out);
}

#define BLOCK ((size_t)1 << 20)

/* A file of our own in TMPDIR, unlinked at once. */
static int temp_file(const char *name)
{
	const char *dir = getenv("TMPDIR");
	char *path = xasprintf("%s/cxbench-utf8.XXXXXX", dir && *dir ? dir : "/tmp");
	int fd = mkstemp(path);

	if (fd < 0)
		msg_at(name, 0, "cannot convert from UTF-16: no temporary file in %s: %s",
		       dir && *dir ? dir : "/tmp", strerror(errno));
	else
		unlink(path);
	free(path);
	return fd;
}

static int write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t k = write(fd, p, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

int utf16_to_utf8(int fd, enum utf16 order, const char *name, int *out)
{
	unsigned char *in = xmalloc(BLOCK + 4);
	char *utf8 = xmalloc(BLOCK / 2 * 3 + 8);
	size_t have = 0, used;
	off_t at = 0, done = 0;
	ssize_t n = 1;
	long len;
	int tmp = temp_file(name), rc = tmp < 0 ? CX_EIO : CX_OK;

	while (rc == CX_OK && n > 0) {
		n = pread(fd, in + have, BLOCK - have, at);
		if (n < 0) {
			msg_at(name, 0, "cannot read: %s", strerror(errno));
			rc = CX_EIO;
			break;
		}
		if (at == 0 && n >= 2 && unit(in, order) == 0xFEFF) {
			memmove(in, in + 2, (size_t)n - 2); /* the byte-order mark is no text */
			n -= 2;
			at = done = 2;
		}
		at += n;
		have += (size_t)n;
		len = utf16_decode(in, have, order, utf8, &used);
		if (len < 0 || (n == 0 && used < have)) {
			msg_at(name, 0, "not UTF-16 text at byte %lld (it starts as UTF-16%s)",
			       (long long)done + (long long)used, order == UTF16_BE ? "BE" : "LE");
			rc = CX_EINPUT;
		} else if (write_all(tmp, utf8, (size_t)len) < 0) {
			msg_at(name, 0, "cannot convert from UTF-16: %s", strerror(errno));
			rc = CX_EIO;
		}
		memmove(in, in + used, have - used);
		have -= used;
		done += (off_t)used;
	}
	free(in);
	free(utf8);
	if (rc != CX_OK && tmp >= 0)
		close(tmp);
	*out = rc == CX_OK ? tmp : -1;
	return rc;
}
