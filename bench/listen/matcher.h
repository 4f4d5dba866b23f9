/* matcher: Aho-Corasick over bytes, for many terms at once in one pass.
 * Built as a full transition table (one lookup per byte of text); each
 * state lists the patterns that end there.  matcher_new() returns a
 * matcher the caller owns (matcher_free(), NULL is a no-op). */
#ifndef CX_MATCHER_H
#define CX_MATCHER_H
#include <stddef.h>
#include <stdint.h>

struct matcher;

/* patterns[i] of lens[i] bytes; their ids are their indexes. */
struct matcher *matcher_new(const char *const *patterns, const size_t *lens, size_t n);
void matcher_free(struct matcher *m);

/* Calls found(pattern, end, arg) for every occurrence, end being the
 * offset just past it; stops early when found returns non-zero. */
void matcher_scan(const struct matcher *m, const char *text, size_t len,
		  int (*found)(size_t pattern, size_t end, void *arg), void *arg);
#endif
