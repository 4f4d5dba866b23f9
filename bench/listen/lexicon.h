/* lexicon: the phrases `listen` looks for, per signal and language, from
 * profiles/lexicons/LANG.json.  A phrase is lower case, with "(a|b)"
 * alternatives (expanded here) and a "*" ending a word for any further
 * letters ("cancel*" = cancel, cancelled, ...); a phrase with ' also
 * stands for the same with ’.  Also the text folding both sides share:
 * lower case for Latin and Cyrillic.  A lexicon is owned by the caller
 * (lexicon_free(), NULL is a no-op). */
#ifndef CX_LEXICON_H
#define CX_LEXICON_H
#include <stddef.h>
#include <stdio.h>
#include "listen/signals.h"


struct pattern {
	char *text;      /* folded bytes, without the trailing '*' */
	size_t len;
	enum signal sig;
	int open_end;    /* the last word may go on ("*") */
	int lang;        /* index into the lexicon's languages */
};

struct lexicon {
	struct pattern *patterns;
	size_t n, cap;
	char langs[4][4]; /* "en", "uk", "ru" as loaded */
	int nlangs;
};

/* Loads the lexicons of `lang` ("auto" loads all three) from
 * DATADIR/profiles/lexicons; CX_OK or an error status after a message. */
int lexicon_load(const char *datadir, const char *lang, struct lexicon **out);
void lexicon_free(struct lexicon *lx);
/* Every phrase, one a line: signal, language, phrase ("*" for any ending;
 * its alternatives each on a line of their own). */
void lexicon_print(FILE *f, const struct lexicon *lx);
/* Folds UTF-8 text in place to lower case (A-Z and the Russian and
 * Ukrainian capitals; the length never changes). */
void text_fold(char *s, size_t len);
/* 1 when the UTF-8 character at s is a letter or digit (for word edges). */
int is_word_char(const unsigned char *s, size_t left);
#endif
