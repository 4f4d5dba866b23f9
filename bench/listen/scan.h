/* scan: the pass over what customers say.  Turns are fed one at a time
 * (from any reader, in any order); a conversation is known by its contact
 * id.  Each turn is split into words (words.h), the lexicon's terms found
 * at each word (matcher.h, through the scan's own memo of the words it
 * met), and the queries those terms can set off
 * evaluated (query.h), for the signals that listen to this turn's speaker
 * and are not yet seen in the conversation.  Quotes kept as examples have
 * digit runs and e-mail addresses masked.  scan_parallel() spreads the
 * scanning over threads (pool.h) with the same results.  Inside the listen folder only
 * (listen.h is the door).  The state is owned by the caller (scan_free(),
 * NULL is a no-op). */
#ifndef CX_SCAN_H
#define CX_SCAN_H
#include <stddef.h>
#include <stdint.h>
#include "base/strmap.h"
#include "listen/lexicon.h"
#include "listen/matcher.h"
#include "listen/query.h"
#include "listen/words.h"

#define LISTEN_EXAMPLES 3
#define LISTEN_QUOTE 160 /* characters of a quote at most */

/* Letters seen, for the language guess. */
struct letters {
	uint32_t latin, cyr, uk, ru; /* uk: і ї є ґ; ru: ы э ъ ё */
};

/* A match as records show it, masked: the words and their context. */
struct match {
	char *words, *context;
};

struct convo {
	char *id, *customer, *channel;
	uint64_t first;              /* its first turn's place in the file */
	uint32_t period;             /* index into the scan's periods, or NO_PERIOD */
	unsigned signals;            /* bit per enum signal */
	struct match *quotes;        /* with keep_quotes: per signal, its first match */
	struct letters seen;         /* in the customer's turns */
};

#define NO_PERIOD UINT32_MAX

struct scan {
	const struct lexicon *lx;    /* shared by the scans of one run */
	int keep_quotes;             /* each conversation keeps its matches */
	struct convo *convos;
	size_t n, cap;
	struct strmap ids;           /* contact id -> index in convos */
	struct strmap periods;       /* period -> index in period_names */
	char **period_names;
	size_t nperiods, periods_cap;
	char *examples[NSIGNALS][LISTEN_EXAMPLES];
	uint64_t example_at[NSIGNALS][LISTEN_EXAMPLES]; /* their turns' places */
	size_t nexamples[NSIGNALS];
	uint64_t seq;                /* turns numbered so far */
	struct pool *pool;           /* scan_parallel()'s workers, or NULL */
	uint64_t turns, customer_turns;
	/* the current turn */
	struct words w;
	struct matcher_memo memo;
	struct turn_hits hits;
	uint32_t *qstamp;            /* per query: the turn it was last queued */
	uint32_t *queued;            /* queries to evaluate in this turn */
	size_t nqueued;
};

/* A scan; several scans of one run share the lexicon, which is read-only
 * while they run. */
struct scan *scan_new(const struct lexicon *lx, int keep_quotes);
void scan_free(struct scan *S);

/* One turn of a conversation, as a reader found it; every string but
 * contact and text may be NULL or empty.  period: the period its time
 * falls in, when the transcripts have times. */
struct turn {
	const char *contact, *customer, *channel, *speaker, *period;
	const char *text;
	size_t len;
	uint64_t seq; /* its place in the file (1-based), or 0: the next */
};

void scan_turn(struct scan *S, const struct turn *t);
/* From now on, turns go to `threads` worker threads (when they start;
 * the reader, which only parses, is one more);
 * scan_finish() waits for them and gathers what they found into S.
 * Either way, what S holds after scan_finish() is what one scan finds. */
void scan_parallel(struct scan *S, int threads);
void scan_finish(struct scan *S);
/* Moves the conversations and examples of n scans of parts of one
 * transcripts (each conversation in one part) into S, in the order of
 * their turns' places (pool.c). */
void scan_gather(struct scan *S, struct scan **parts, size_t n);
enum lang_guess convo_language(const struct convo *c);
/* Masks digit runs (3 or more digits, spaces or dashes between them) and
 * e-mail addresses, and trims to LISTEN_QUOTE characters around [at, at +
 * len); caller frees. */
char *quote_new(const char *text, size_t text_len, size_t at, size_t len);
/* Only the words [at, at + len) of text, masked the same way. */
char *quote_words(const char *text, size_t at, size_t len);
#endif
