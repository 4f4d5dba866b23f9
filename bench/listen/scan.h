/* scan: the pass over what customers say.  Turns are fed one at a time
 * (from any reader, in any order); a conversation is known by its contact
 * id.  Only the customer's turns count.  A phrase matches on whole words,
 * case-insensitively; quotes kept as examples have digit runs and e-mail
 * addresses masked.  Inside the listen folder only (listen.h is the
 * door).  The state is owned by the caller (scan_free(), NULL is a
 * no-op). */
#ifndef CX_SCAN_H
#define CX_SCAN_H
#include <stddef.h>
#include <stdint.h>
#include "base/strmap.h"
#include "listen/lexicon.h"
#include "listen/matcher.h"

#define LISTEN_EXAMPLES 3
#define LISTEN_QUOTE 160 /* characters of a quote at most */

enum lang_guess { LANG_EN, LANG_UK, LANG_RU, NLANGS };

struct convo {
	char *customer, *channel;
	unsigned signals;        /* bit per enum signal */
	uint32_t latin, cyr, uk, ru; /* letters seen, for the language guess */
};

struct scan {
	const struct lexicon *lx;
	struct matcher *m;
	struct convo *convos;
	size_t n, cap;
	struct strmap ids;       /* contact id -> index in convos */
	char *examples[NSIGNALS][LISTEN_EXAMPLES];
	size_t nexamples[NSIGNALS];
	uint64_t turns, customer_turns;
	char *scratch;           /* the folded copy of the current turn */
	size_t scratch_cap;
};

struct scan *scan_new(const struct lexicon *lx);
void scan_free(struct scan *S);
/* One turn of a conversation, as a reader found it; every string but
 * contact and text may be NULL or empty.  period: the period its time
 * falls in, when the transcripts have times. */
struct turn {
	const char *contact, *customer, *channel, *speaker, *period;
	const char *text;
	size_t len;
};

void scan_turn(struct scan *S, const struct turn *t);
enum lang_guess convo_language(const struct convo *c);
/* Masks digit runs (3 or more digits, spaces or dashes between them) and
 * e-mail addresses, and trims to LISTEN_QUOTE characters around [at, at +
 * len); caller frees. */
char *quote_new(const char *text, size_t text_len, size_t at, size_t len);
#endif
