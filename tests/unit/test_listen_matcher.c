/* listen's matcher (matcher.h): every pattern found where it starts at a
 * space, by the trie walk and through the memo, against a search of every
 * pattern at every space written out here. */
#include "check.h"
#include "listen/matcher.h"
#include <stdlib.h>
#include <string.h>

struct found_list {
	size_t pattern[4096], end[4096], n;
	size_t stop_after; /* 0: never stop */
};

static int note(size_t pattern, size_t end, void *arg)
{
	struct found_list *f = arg;
	if (f->n < 4096) {
		f->pattern[f->n] = pattern;
		f->end[f->n] = end;
	}
	f->n++;
	return f->stop_after && f->n == f->stop_after;
}

/* Every pattern at every space of text, by start then end (patterns are
 * distinct: at one start, each ends elsewhere). */
static void brute(const char *const *pat, const size_t *lens, size_t npat, const char *text,
		  size_t len, struct found_list *f)
{
	size_t at, p, k, first;

	f->n = 0;
	for (at = 0; at < len; at++) {
		if (text[at] != ' ')
			continue;
		first = f->n;
		for (p = 0; p < npat; p++)
			if (at + lens[p] <= len && memcmp(text + at, pat[p], lens[p]) == 0)
				note(p, at + lens[p], f);
		for (p = first + 1; p < f->n && p < 4096; p++) /* by end */
			for (k = p; k > first && f->end[k - 1] > f->end[k]; k--) {
				size_t e = f->end[k], q = f->pattern[k];
				f->end[k] = f->end[k - 1];
				f->pattern[k] = f->pattern[k - 1];
				f->end[k - 1] = e;
				f->pattern[k - 1] = q;
			}
	}
}

static int same(const struct found_list *a, const struct found_list *b)
{
	size_t i;
	if (a->n != b->n)
		return 0;
	for (i = 0; i < a->n && i < 4096; i++)
		if (a->pattern[i] != b->pattern[i] || a->end[i] != b->end[i])
			return 0;
	return 1;
}

void test_matcher_by_hand(void)
{
	static const char *const pat[] = { " cancel", " cancel ", " can ", " the ", " the" };
	static const size_t lens[] = { 7, 8, 5, 5, 4 };
	const char *text = " i can cancel the cancellation ";
	static struct found_list f, g;
	struct matcher *m = matcher_new(pat, lens, 5);
	struct matcher_memo memo = { 0 };
	static const size_t want_pattern[] = { 2, 0, 1, 4, 3, 0 };
	static const size_t want_end[] = { 7, 13, 14, 17, 18, 24 };
	int round;
	size_t k;

	memset(&f, 0, sizeof f);
	matcher_scan(m, text, strlen(text), note, &f);
	/* " can " ends at 7; " cancel" at 13, " cancel " at 14; " the" at 17,
	 * " the " at 18; " cancel" again at 24 (in "cancellation") */
	CHECK_INT(f.n, 6);
	for (k = 0; k < 6; k++) {
		CHECK_INT(f.pattern[k], want_pattern[k]);
		CHECK_INT(f.end[k], want_end[k]);
	}
	for (round = 0; round < 2; round++) { /* walked, then remembered */
		memset(&g, 0, sizeof g);
		matcher_scan_memo(m, &memo, text, strlen(text), note, &g);
		CHECK(same(&f, &g));
	}
	/* found's non-zero stops the scan, through the memo too */
	memset(&g, 0, sizeof g);
	g.stop_after = 3;
	matcher_scan_memo(m, &memo, text, strlen(text), note, &g);
	CHECK_INT(g.n, 3);
	CHECK_INT(g.end[2], 14);
	matcher_memo_release(&memo);
	matcher_free(m);
}

static unsigned next_random(unsigned *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return *seed >> 16;
}

static void random_letters(char *out, size_t n, unsigned *seed)
{
	size_t i;
	for (i = 0; i < n; i++)
		out[i] = "abc"[next_random(seed) % 3];
}

/* A word of 1 to 12 letters of "abc", and one time in 50 a word of
 * 150 letters, longer than the memo keeps. */
static size_t random_word(char *out, unsigned *seed)
{
	size_t n = next_random(seed) % 50 == 0 ? 150 : 1 + next_random(seed) % 12;
	random_letters(out, n, seed);
	return n;
}

/* Random turns against a search of every pattern: with distinct words
 * enough to fill and empty the memo, and, when `phrase` is set, a pattern
 * holding a space (which the memo must leave to the walk). */
static void random_turns(int phrase)
{
	static char pbuf[64][8], text[2048];
	static const char *pat[64];
	static size_t lens[64];
	static struct found_list want, got, walked;
	size_t npat = 0, len, turn;
	unsigned seed = 7;
	struct matcher *m;
	struct matcher_memo memo = { 0 };
	int bad = 0;

	while (npat < 40) { /* " w" stems and " w " words, 1 to 4 letters, distinct */
		size_t n = 1 + next_random(&seed) % 4, k;
		pbuf[npat][0] = ' ';
		random_letters(pbuf[npat] + 1, n, &seed);
		n++;
		if (npat % 2)
			pbuf[npat][n++] = ' ';
		for (k = 0; k < npat; k++)
			if (lens[k] == n && memcmp(pbuf[k], pbuf[npat], n) == 0)
				break;
		if (k < npat)
			continue;
		pat[npat] = pbuf[npat];
		lens[npat++] = n;
	}
	if (phrase) {
		memcpy(pbuf[npat], " ab c ", 6);
		pat[npat] = pbuf[npat];
		lens[npat++] = 6;
	}
	m = matcher_new(pat, lens, npat);
	for (turn = 0; turn < 3000; turn++) { /* some 60,000 words, most of them new */
		size_t words = 1 + turn % 40, w;
		len = 0;
		text[len++] = ' ';
		for (w = 0; w < words && len < 1800; w++) {
			len += random_word(text + len, &seed);
			text[len++] = ' ';
		}
		brute(pat, lens, npat, text, len, &want);
		memset(&walked, 0, sizeof walked);
		matcher_scan(m, text, len, note, &walked);
		memset(&got, 0, sizeof got);
		matcher_scan_memo(m, &memo, text, len, note, &got);
		if (!same(&want, &walked) || !same(&want, &got))
			bad++;
	}
	CHECK_INT(bad, 0);
	matcher_memo_release(&memo);
	matcher_free(m);
}

void test_matcher_random_turns(void)
{
	random_turns(0);
	random_turns(1);
}
