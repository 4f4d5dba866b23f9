/* matcher: many terms at once, each looked for where a word starts.
 * Every pattern begins with a space (a word edge, as words.h writes text),
 * so an occurrence can only begin at one of the text's spaces: from each
 * space the matcher walks down a trie of the patterns until the text
 * leaves it, and no failure links are needed.  States with many children
 * get a full 256-entry row (one lookup per byte); the rest keep sorted
 * edges.  matcher_new() returns a matcher the caller owns (matcher_free(),
 * NULL is a no-op). */
#ifndef CX_MATCHER_H
#define CX_MATCHER_H
#include <stddef.h>
#include <stdint.h>

struct matcher;

/* patterns[i] of lens[i] bytes, each starting with ' '; their ids are
 * their indexes. */
struct matcher *matcher_new(const char *const *patterns, const size_t *lens, size_t n);
void matcher_free(struct matcher *m);

/* Calls found(pattern, end, arg) for every occurrence starting at a space
 * of text, end being the offset just past it: in order of where they
 * start, then of where they end.  Stops early when found returns
 * non-zero. */
void matcher_scan(const struct matcher *m, const char *text, size_t len,
		  int (*found)(size_t pattern, size_t end, void *arg), void *arg);

/* What the matcher found at each word (a space and the bytes up to the
 * next one) it met lately: text repeats its words (Zipf's law), and a
 * word seen before costs one hash probe instead of a walk down the trie.
 * Bounded: emptied when full.  One per thread, owned by its caller
 * (matcher_memo_release()); zeroed is empty. */
struct matcher_memo {
	struct memo_slot *slots;
	size_t nslots, used;
	char *keys;
	size_t nkeys;
	struct memo_hit *hits;
	size_t nhits;
};

/* matcher_scan(), through the memo: the same calls in the same order. */
void matcher_scan_memo(const struct matcher *m, struct matcher_memo *memo, const char *text,
		       size_t len, int (*found)(size_t pattern, size_t end, void *arg),
		       void *arg);
void matcher_memo_release(struct matcher_memo *memo);
#endif
