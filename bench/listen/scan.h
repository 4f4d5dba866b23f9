/* scan: the pass over what customers say.  Turns are fed one at a time
 * (from any reader, in any order); a conversation is known by its contact
 * id.  Each turn is split into words (words.h), the lexicon's terms found
 * in one pass (matcher.h), and the queries those terms can set off
 * evaluated (query.h), for the signals that listen to this turn's speaker
 * and are not yet seen in the conversation.  Quotes kept as examples have
 * digit runs and e-mail addresses masked.  Two scans of parts of the same
 * transcripts add up with scan_merge().  Inside the listen folder only
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
	size_t nexamples[NSIGNALS];
	uint64_t turns, customer_turns;
	/* the current turn */
	struct words w;
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
};

void scan_turn(struct scan *S, const struct turn *t);
/* Adds what `from` saw (read after what S saw) to S and empties `from`. */
void scan_merge(struct scan *S, struct scan *from);
enum lang_guess convo_language(const struct convo *c);
/* Masks digit runs (3 or more digits, spaces or dashes between them) and
 * e-mail addresses, and trims to LISTEN_QUOTE characters around [at, at +
 * len); caller frees. */
char *quote_new(const char *text, size_t text_len, size_t at, size_t len);
/* Only the words [at, at + len) of text, masked the same way. */
char *quote_words(const char *text, size_t at, size_t len);
#endif
