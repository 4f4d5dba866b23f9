/* words: text as queries see it.  Folded to lower case (Latin and
 * Cyrillic), ё read as е, every apostrophe (' ’ ʼ ‘ `) inside a word read
 * as ', and split into words: runs of letters and digits, an apostrophe
 * between two letters kept inside ("don't", "з'єднайте").  Everything else
 * (spaces, punctuation, hyphens, emoji) only separates words.  The words
 * are written as " w1 w2 ... wn " so that a term " w" or " w " found in
 * it starts and ends on word edges by itself.  Inside the listen folder
 * only.  A struct words is reused turn after turn and released by its
 * owner (words_release()). */
#ifndef CX_WORDS_H
#define CX_WORDS_H
#include <stddef.h>
#include <stdint.h>

struct words {
	char *norm;          /* " w1 w2 ... wn ", '\0'-ended */
	size_t len, cap;
	uint32_t *at;        /* word i starts at norm + at[i] */
	uint32_t *before;    /* before[at[i] - 1] == i: the word after a space */
	uint32_t *from, *to; /* word i is [from[i], to[i]) of the text given */
	size_t n, wcap;
};

/* Splits text (UTF-8, len bytes) into w, replacing what w held. */
void words_split(struct words *w, const char *text, size_t len);
/* The word after the space at norm offset `space` (where a term's
 * pattern starts). */
static inline size_t words_after(const struct words *w, size_t space)
{
	return w->before[space];
}
void words_release(struct words *w);

/* Folds UTF-8 text in place to lower case (A-Z and the Russian and
 * Ukrainian capitals; the length never changes). */
void text_fold(char *s, size_t len);
#endif
