/* mem: checked allocation.  Every x* function either returns memory or ends
 * the process with "out of memory" and exit code 3, so callers never test
 * for NULL.  The caller owns what they return and frees it with free(). */
#ifndef CX_MEM_H
#define CX_MEM_H
#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Grow *items (of *cap elements of size `size`) so that index `need` fits. */
void xgrow(void **items, size_t *cap, size_t need, size_t size);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
#endif
