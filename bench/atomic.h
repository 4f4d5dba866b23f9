/* atomic: writing output files so that a reader, or an interrupted run,
 * never sees a half-written one: a temporary file in the same directory,
 * flushed to disk, then renamed over the target. */
#ifndef CX_ATOMIC_H
#define CX_ATOMIC_H
#include <stddef.h>

/* CX_OK, or CX_EIO after a message naming the path. */
int atomic_write(const char *path, const void *data, size_t len);
/* Creates a directory and its parents (mode 0700); 0 or -1 with errno. */
int make_dirs(const char *path);
/* Copies the file `from` to `to` the same way. */
int atomic_copy(const char *from, const char *to);
#endif
