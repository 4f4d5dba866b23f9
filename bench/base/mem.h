/* mem: checked allocation.  Every x* function either returns memory or ends
 * the process, so callers never test for NULL: the program's failure
 * handler (main.c's reports "out of memory" and exits with code 3), or
 * abort() without one.  The caller owns what they return and frees it with free().
 * cJSON and libxml2 allocate through them too (main.c).
 *
 * Test hook: with CXBENCH_FAIL_ALLOC=N in the environment (read once, at
 * the first allocation), the Nth call of xmalloc, xcalloc or xrealloc
 * (xstrdup, xasprintf and xgrow included, counted over all threads)
 * fails as a real failure would: "out of memory" and exit code 3.
 * tests/fault-test.sh sweeps N over whole commands. */
#ifndef CX_MEM_H
#define CX_MEM_H
#include <stddef.h>

/* fn(n) is called when n bytes cannot be had; it must not return. */
void mem_set_failure_handler(void (*fn)(size_t n));
void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *old, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Grow *items (of *cap elements of size `size`) so that index `need` fits.
 * Inline where it has room already: hot loops append one item at a time. */
void xgrow_more(void **items, size_t *cap, size_t need, size_t size);
static inline void xgrow(void **items, size_t *cap, size_t need, size_t size)
{
	if (need >= *cap)
		xgrow_more(items, cap, need, size);
}
/* Advice that a big block be backed by huge pages where the kernel takes
 * them (madvise): an array of a hundred megabytes then costs a few dozen
 * page faults, not tens of thousands.  Only advice: smaller blocks and
 * kernels without it keep small pages. */
void mem_huge(void *p, size_t bytes);
/* xgrow, and the grown block advised as mem_huge's. */
void xgrow_huge(void **items, size_t *cap, size_t need, size_t size);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
#endif
