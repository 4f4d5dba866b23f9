#include "listen/words.h"
#include "base/mem.h"
#include <stdlib.h>
#include <string.h>

/* Lower case of the two-byte letter at o (which has room for both). */
static inline void fold_pair(unsigned char *o)
{
	unsigned char c = o[1];

	if (o[0] == 0xD0) {
		if (c >= 0x90 && c <= 0x9F) {          /* А-П -> а-п */
			o[1] = c + 0x20;
		} else if (c >= 0xA0 && c <= 0xAF) {   /* Р-Я -> р-я */
			o[0] = 0xD1;
			o[1] = c - 0x20;
		} else if (c >= 0x80 && c <= 0x8F) {   /* Ѐ-Џ (Ё Є І Ї ...) */
			o[0] = 0xD1;
			o[1] = c + 0x10;
		}
	} else if (o[0] == 0xD2 && c == 0x90) {       /* Ґ -> ґ */
		o[1] = 0x91;
	}
}

void text_fold(char *s, size_t len)
{
	unsigned char *p = (unsigned char *)s, *end = p + len;

	for (; p < end; p++) {
		if (*p >= 'A' && *p <= 'Z') {
			*p += 32;
		} else if (p + 1 < end && (*p == 0xD0 || (*p == 0xD2 && p[1] == 0x90))) {
			fold_pair(p);
			p++;
		}
	}
}

/* What the character at s (of `left` bytes) is for splitting, and its
 * length in *len. */
enum kind { SEPARATOR, LETTER, APOSTROPHE };

static enum kind kind_of(const unsigned char *s, size_t left, size_t *len)
{
	unsigned char c = *s;

	*len = 1;
	if (c < 0x80) {
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '_')
			return LETTER;
		return c == '\'' || c == '`' ? APOSTROPHE : SEPARATOR;
	}
	if (c < 0xC2 || c >= 0xF8) /* a stray continuation or invalid byte */
		return SEPARATOR;
	*len = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
	if (*len > left || (s[1] & 0xC0) != 0x80 ||
	    (*len > 2 && (s[2] & 0xC0) != 0x80) || (*len > 3 && (s[3] & 0xC0) != 0x80)) {
		*len = 1; /* not UTF-8: a byte that separates */
		return SEPARATOR;
	}
	if (c == 0xCA && s[1] == 0xBC) /* ʼ */
		return APOSTROPHE;
	if (c == 0xE2 && s[1] == 0x80 && (s[2] == 0x98 || s[2] == 0x99)) /* ‘ ’ */
		return APOSTROPHE;
	/* C2: Latin-1 punctuation (« », no-break space); E2 and above:
	 * punctuation, symbols, emoji; the rest are letters of some script */
	return c == 0xC2 || c >= 0xE2 ? SEPARATOR : LETTER;
}

static void reserve(struct words *w, size_t len)
{
	if (len + 3 > w->cap) {
		w->cap = (len + 3) * 2;
		w->norm = xrealloc(w->norm, w->cap);
		w->before = xrealloc(w->before, w->cap * sizeof *w->before);
	}
}

static void add_word(struct words *w, size_t at, size_t from)
{
	if (w->n == w->wcap) {
		w->wcap = w->wcap ? w->wcap * 2 : 64;
		w->at = xrealloc(w->at, w->wcap * sizeof *w->at);
		w->from = xrealloc(w->from, w->wcap * sizeof *w->from);
		w->to = xrealloc(w->to, w->wcap * sizeof *w->to);
	}
	w->at[w->n] = (uint32_t)at;
	w->before[at - 1] = (uint32_t)w->n;
	w->from[w->n] = (uint32_t)from;
	w->n++;
}

/* Appends the letter at s (n bytes), lower case, ё as е. */
static inline void put_letter(struct words *w, const unsigned char *s, size_t n)
{
	unsigned char *o = (unsigned char *)w->norm + w->len;

	w->len += n;
	if (n != 2) {
		memcpy(o, s, n);
		return;
	}
	o[0] = s[0];
	o[1] = s[1];
	fold_pair(o);
	if (o[0] == 0xD1 && o[1] == 0x91) { /* ё -> е */
		o[0] = 0xD0;
		o[1] = 0xB5;
	}
}

/* Whether s starts a letter of the Cyrillic block's first half (U+0400 to
 * U+047F: Russian and Ukrainian letters), the usual non-ASCII case, which
 * then skips kind_of(). */
static inline int cyrillic(const unsigned char *s, size_t left)
{
	return (s[0] == 0xD0 || s[0] == 0xD1) && left > 1 && (s[1] & 0xC0) == 0x80;
}

/* ASCII letters and digits, lower case; 0 for the rest (most of the text
 * is ASCII: it skips the general path). */
static const unsigned char ascii_word[128] = {
	['0'] = '0', ['1'] = '1', ['2'] = '2', ['3'] = '3', ['4'] = '4', ['5'] = '5',
	['6'] = '6', ['7'] = '7', ['8'] = '8', ['9'] = '9', ['_'] = '_',
	['a'] = 'a', ['b'] = 'b', ['c'] = 'c', ['d'] = 'd', ['e'] = 'e', ['f'] = 'f',
	['g'] = 'g', ['h'] = 'h', ['i'] = 'i', ['j'] = 'j', ['k'] = 'k', ['l'] = 'l',
	['m'] = 'm', ['n'] = 'n', ['o'] = 'o', ['p'] = 'p', ['q'] = 'q', ['r'] = 'r',
	['s'] = 's', ['t'] = 't', ['u'] = 'u', ['v'] = 'v', ['w'] = 'w', ['x'] = 'x',
	['y'] = 'y', ['z'] = 'z',
	['A'] = 'a', ['B'] = 'b', ['C'] = 'c', ['D'] = 'd', ['E'] = 'e', ['F'] = 'f',
	['G'] = 'g', ['H'] = 'h', ['I'] = 'i', ['J'] = 'j', ['K'] = 'k', ['L'] = 'l',
	['M'] = 'm', ['N'] = 'n', ['O'] = 'o', ['P'] = 'p', ['Q'] = 'q', ['R'] = 'r',
	['S'] = 's', ['T'] = 't', ['U'] = 'u', ['V'] = 'v', ['W'] = 'w', ['X'] = 'x',
	['Y'] = 'y', ['Z'] = 'z' };

void words_split(struct words *w, const char *text, size_t len)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0, n, n2, in_word = 0;
	enum kind k;

	reserve(w, len);
	w->n = 0;
	w->len = 0;
	w->norm[w->len++] = ' ';
	while (i < len) {
		if (s[i] < 0x80 && (ascii_word[s[i]] || (s[i] != '\'' && s[i] != '`'))) {
			unsigned char c = ascii_word[s[i]];
			if (c) {
				if (!in_word)
					add_word(w, w->len, i);
				w->norm[w->len++] = (char)c;
				in_word = 1;
			} else if (in_word) {
				w->to[w->n - 1] = (uint32_t)i;
				w->norm[w->len++] = ' ';
				in_word = 0;
			}
			i++;
			continue;
		}
		if (cyrillic(s + i, len - i)) {
			if (!in_word)
				add_word(w, w->len, i);
			put_letter(w, s + i, 2);
			in_word = 1;
			i += 2;
			continue;
		}
		k = kind_of(s + i, len - i, &n);
		if (k == APOSTROPHE && in_word && i + n < len &&
		    kind_of(s + i + n, len - i - n, &n2) == LETTER) {
			w->norm[w->len++] = '\'';
		} else if (k == LETTER) {
			if (!in_word)
				add_word(w, w->len, i);
			put_letter(w, s + i, n);
			in_word = 1;
		} else if (in_word) {
			w->to[w->n - 1] = (uint32_t)i;
			w->norm[w->len++] = ' ';
			in_word = 0;
		}
		i += n;
	}
	if (in_word) {
		w->to[w->n - 1] = (uint32_t)len;
		w->norm[w->len++] = ' ';
	}
	w->norm[w->len] = '\0';
}

void words_release(struct words *w)
{
	free(w->norm);
	free(w->at);
	free(w->before);
	free(w->from);
	free(w->to);
	memset(w, 0, sizeof *w);
}
