#include "base/mem.h"
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <sys/mman.h>

static void (*failure_handler)(size_t n);

void mem_set_failure_handler(void (*fn)(size_t n))
{
	failure_handler = fn;
}

/* Ending here is deliberate: an allocation that fails deep inside a
 * parser or libxml2 has no sensible way back. */
static void out_of_memory(size_t n)
{
	if (failure_handler)
		failure_handler(n);
	abort();
}

/* The CXBENCH_FAIL_ALLOC test hook (see mem.h).  fail_at is -1 until the
 * variable is read, then N, or 0 when it is not set; both are atomic
 * because aggregate's worker threads allocate too (reading the variable
 * twice in a race gives the same N). */
static atomic_long fail_at = -1;
static atomic_ulong calls;

static int injected_failure(void)
{
	long n = atomic_load(&fail_at);

	if (n < 0) {
		const char *v = getenv("CXBENCH_FAIL_ALLOC");
		char *end = NULL;
		n = v && *v ? strtol(v, &end, 10) : 0;
		if (!end || *end || n < 0)
			n = 0;
		atomic_store(&fail_at, n);
	}
	return n > 0 && atomic_fetch_add(&calls, 1) + 1 == (unsigned long)n;
}

void *xmalloc(size_t n)
{
	void *p = injected_failure() ? NULL : malloc(n ? n : 1);
	if (!p)
		out_of_memory(n);
	return p;
}

void *xcalloc(size_t count, size_t size)
{
	void *p = injected_failure() ? NULL : calloc(count ? count : 1, size ? size : 1);
	if (!p)
		out_of_memory(count * size);
	return p;
}

void *xrealloc(void *old, size_t n)
{
	void *p = injected_failure() ? NULL : realloc(old, n ? n : 1);
	if (!p)
		out_of_memory(n);
	return p;
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

void xgrow_more(void **items, size_t *cap, size_t need, size_t size)
{
	size_t n = *cap ? *cap : 8;
	while (n <= need) {
		if (n > ((size_t)-1) / 2 / size)
			out_of_memory(n * size);
		n *= 2;
	}
	*items = xrealloc(*items, n * size);
	*cap = n;
}

#define SMALL_PAGE ((uintptr_t)4096)
#define HUGE_PAGE ((size_t)2 << 20)

/* The whole pages the block lies on: a big block is a mapping of its own
 * (glibc), and advising all of it keeps it one mapping, which realloc can
 * still move with mremap instead of copying. */
void mem_huge(void *p, size_t bytes)
{
	size_t head = (uintptr_t)p % SMALL_PAGE;

	if (bytes >= 2 * HUGE_PAGE)
		(void)madvise((char *)p - head, (head + bytes + SMALL_PAGE - 1) / SMALL_PAGE *
			      SMALL_PAGE, MADV_HUGEPAGE);
}

void xgrow_huge(void **items, size_t *cap, size_t need, size_t size)
{
	size_t was = *cap;

	xgrow(items, cap, need, size);
	if (*cap != was)
		mem_huge(*items, *cap * size);
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	int len;
	char *p = NULL;

	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (len < 0)
		out_of_memory(0);
	p = xmalloc((size_t)len + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)len + 1, fmt, ap);
	va_end(ap);
	return p;
}
