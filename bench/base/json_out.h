/* json_out: the one JSON writer.  A tree is printed indented, with a final
 * newline, to a file (atomically, base/atomic.h) or to stdout (checked):
 * command output, `aggregate -o`, pulled profiles, the cache's records. */
#ifndef CX_JSON_OUT_H
#define CX_JSON_OUT_H
#include <cJSON.h>

/* To `path`, or to stdout when path is NULL; the tree stays the caller's.
 * CX_OK or CX_EIO after a message. */
int json_save(const cJSON *tree, const char *path);
/* The same, and deletes the tree. */
int json_write(cJSON *tree, const char *path);
#endif
