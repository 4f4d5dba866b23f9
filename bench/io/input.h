/* input: reads one whole input (a path, or "-" for stdin) into memory as
 * checked text: not empty, no NUL bytes, valid UTF-8, BOM removed.  The
 * struct owns its buffers; input_release() frees them (safe on a zeroed
 * struct).  A path may also be an http(s) URL (see fetch.h).  Errors are reported here, naming the input. */
#ifndef CX_INPUT_H
#define CX_INPUT_H
#include <stddef.h>

#define CX_INPUT_MAX ((size_t)256 << 20)

struct input {
	char *name; /* as shown in messages: the path, or "<stdin>" */
	char *data; /* NUL-terminated, BOM removed */
	size_t len;
};

/* Returns CX_OK, CX_EIO (cannot read) or CX_EINPUT (empty, binary). */
int input_read(const char *path, struct input *in);
/* The same checks on text already in memory (copied; `name` as shown in
 * messages), for the fuzz harnesses and other in-memory sources. */
int input_from_memory(const char *name, const char *data, size_t len,
		      struct input *in);
void input_release(struct input *in);
/* 1-based line and column of byte offset `off` in the text. */
void input_position(const struct input *in, size_t off, long *line, long *col);
/* Extension of a path after its last dot ("json"), or ""; compare it
 * with strcasecmp. */
const char *input_ext(const char *path);
#endif
