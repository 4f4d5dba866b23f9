/* atomic: writing output so that a reader, or an interrupted run, never
 * sees a half-written file (a temporary file in the same directory,
 * flushed to disk, then renamed over the target), and so that a full disk
 * or a closed pipe on stdout is an error, not a silent truncation. */
#ifndef CX_ATOMIC_H
#define CX_ATOMIC_H
#include <stddef.h>

/* CX_OK, or CX_EIO after a message naming the path. */
int atomic_write(const char *path, const void *data, size_t len);
/* Creates a directory and its parents (mode 0700); 0 or -1 with errno. */
int make_dirs(const char *path);
/* Copies the file `from` to `to` the same way. */
int atomic_copy(const char *from, const char *to);
/* Checks that stdout was fully written; CX_OK or CX_EIO after a message. */
int stdout_flush(void);
/* Writes to `path` atomically, or to stdout (checked) when path is NULL. */
int output_write(const char *path, const void *data, size_t len);
#endif
