#include "io/input.h"
#include "net/fetch.h"
#include "base/mem.h"
#include "base/msg.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

static int read_stream(FILE *f, const char *name, char **data, size_t *len)
{
	size_t cap = 1 << 16, n = 0, got;
	char *buf = xmalloc(cap + 1);

	while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n > CX_INPUT_MAX) {
			msg_at(name, 0, "input larger than %zu MiB", CX_INPUT_MAX >> 20);
			free(buf);
			return CX_EINPUT;
		}
		if (n == cap) {
			cap *= 2;
			buf = xrealloc(buf, cap + 1);
		}
	}
	if (ferror(f)) {
		msg_at(name, 0, "cannot read: %s", strerror(errno));
		free(buf);
		return CX_EIO;
	}
	buf[n] = '\0';
	*data = buf;
	*len = n;
	return CX_OK;
}

/* Length of the UTF-8 sequence at s (1..4), or 0 when it is malformed. */
static size_t utf8_seq(const unsigned char *s, size_t left)
{
	size_t need, i;
	unsigned cp;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		need = 2, cp = s[0] & 0x1F;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		need = 3, cp = s[0] & 0x0F;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		need = 4, cp = s[0] & 0x07;
	else
		return 0;
	if (left < need)
		return 0;
	for (i = 1; i < need; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	if ((need == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
	    (need == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
		return 0;
	return need;
}

static int check_text(const struct input *in)
{
	const unsigned char *s = (const unsigned char *)in->data;
	size_t i = 0, k;

	for (k = 0; k < in->len && s[k] && strchr(" \t\r\n", s[k]); k++)
		;
	if (k == in->len) {
		msg_at(in->name, 0, "empty file");
		return CX_EINPUT;
	}
	while (i < in->len) {
		size_t step = s[i] ? utf8_seq(s + i, in->len - i) : 0;
		if (!step) {
			long line, col;
			input_position(in, i, &line, &col);
			msg_at(in->name, line, "binary data or invalid UTF-8 at column %ld "
			       "(byte %zu); expected a text file", col, i);
			return CX_EINPUT;
		}
		i += step;
	}
	return CX_OK;
}

/* What every input goes through once read: the BOM removed, the text
 * checked. */
static int finish_text(struct input *in)
{
	if (in->len >= 3 && memcmp(in->data, "\xEF\xBB\xBF", 3) == 0) {
		memmove(in->data, in->data + 3, in->len - 2);
		in->len -= 3;
	}
	return check_text(in);
}

/* Opens the input: stdin, a file, or an http(s) URL's cached download. */
static int open_input(const char *path, struct input *in, FILE **f)
{
	int fd, rc;

	if (strcmp(path, "-") == 0) {
		in->name = xstrdup("<stdin>");
		*f = stdin;
		return CX_OK;
	}
	rc = fetch_open(path, &in->name, &fd);
	if (rc == CX_OK && !(*f = fdopen(fd, "rb"))) {
		msg_at(in->name, 0, "cannot open: %s", strerror(errno));
		close(fd);
		rc = CX_EIO;
	}
	return rc;
}

int input_read(const char *path, struct input *in)
{
	FILE *f = NULL;
	int rc;

	memset(in, 0, sizeof *in);
	rc = open_input(path, in, &f);
	if (rc != CX_OK)
		return rc;
	rc = read_stream(f, in->name, &in->data, &in->len);
	if (f != stdin)
		(void)fclose(f); /* read only: read_stream checked ferror */
	if (rc != CX_OK)
		return rc;
	return finish_text(in);
}

int input_from_memory(const char *name, const char *data, size_t len,
		      struct input *in)
{
	memset(in, 0, sizeof *in);
	in->name = xstrdup(name);
	if (len > CX_INPUT_MAX) {
		msg_at(in->name, 0, "input larger than %zu MiB", CX_INPUT_MAX >> 20);
		return CX_EINPUT;
	}
	in->data = xmalloc(len + 1);
	if (len)
		memcpy(in->data, data, len);
	in->data[len] = '\0';
	in->len = len;
	return finish_text(in);
}

void input_release(struct input *in)
{
	if (!in)
		return;
	free(in->name);
	free(in->data);
	memset(in, 0, sizeof *in);
}

void input_position(const struct input *in, size_t off, long *line, long *col)
{
	size_t i;
	*line = 1;
	*col = 1;
	for (i = 0; i < off && i < in->len; i++) {
		if (in->data[i] == '\n') {
			++*line;
			*col = 1;
		} else if (((unsigned char)in->data[i] & 0xC0) != 0x80) {
			++*col;
		}
	}
}

const char *input_ext(const char *path)
{
	const char *dot = strrchr(path, '.');
	const char *slash = strrchr(path, '/');
	if (!dot || (slash && dot < slash))
		return "";
	return dot + 1;
}
