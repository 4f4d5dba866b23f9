/* lexicon: the category queries `listen` evaluates, per signal and
 * language, from profiles/lexicons/LANG.json (the language: query.h and
 * README "Queries"), compiled once: every term of every query held once
 * (struct terms), and for each term the queries it can set off.  A signal
 * listens to the customer's turns unless its "speaker" says "agent" or
 * "any".  A language's queries apply to the turns written in it (by
 * their letters: Latin for en; Cyrillic for uk and ru, told apart by the
 * letters only one of them has, when there are any).  A lexicon is owned by the caller (lexicon_free(), NULL is a
 * no-op). */
#ifndef CX_LEXICON_H
#define CX_LEXICON_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "listen/matcher.h"
#include "listen/query.h"
#include "listen/signals.h"

enum scope { SCOPE_CUSTOMER, SCOPE_AGENT, SCOPE_ANY };

enum lang_guess { LANG_EN, LANG_UK, LANG_RU, NLANGS };
#define ALL_LANGS ((1u << NLANGS) - 1)

struct lquery {
	struct query q;
	char *text;        /* as written */
	enum signal sig;
	enum scope scope;
	int lang;          /* index into the lexicon's languages */
	unsigned langs;    /* bit per enum lang_guess: the turns it applies to */
};

struct lexicon {
	struct terms terms;
	struct lquery *queries;
	size_t n, cap;
	struct matcher *m; /* every term's pattern, read-only once built */
	/* term t sets off queries by_term[first[t] .. first[t] + count[t]) */
	uint32_t *first, *count, *by_term;
	int agent_turns;   /* some signal listens to turns not the customer's */
	long number_term;  /* the term "#" (any number), or -1 */
	char langs[4][4];  /* "en", "uk", "ru" as loaded */
	int nlangs;
};

/* Loads the lexicons of `lang` ("auto" loads all three) from
 * DATADIR/profiles/lexicons; CX_OK or an error status after a message
 * per bad query naming the file, its JSON path and the position. */
int lexicon_load(const char *datadir, const char *lang, struct lexicon **out);
/* One lexicon file's text, of language `lang` ("en", "uk", "ru", or
 * anything else for queries that apply to every turn): the fuzz harness's
 * and the unit tests' way in. */
int lexicon_from_text(const char *name, const char *lang, const char *text, size_t len,
		      struct lexicon **out);
void lexicon_free(struct lexicon *lx);
/* Plans every query again (query_plan()) by how often each term occurs in
 * `sample` (the start of the text to be read), so that common words set
 * off as few queries as can be; what matches does not change. */
void lexicon_plan(struct lexicon *lx, const char *sample, size_t len);
/* Every query, one a line: signal, language, speaker, query. */
void lexicon_print(FILE *f, const struct lexicon *lx);
#endif
