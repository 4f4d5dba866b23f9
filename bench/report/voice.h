/* voice: what the report shows of `listen`'s JSON output (--signals),
 * read and checked before the report is drawn: the number of
 * conversations and, per signal of listen/signals.h, its share, its count
 * and its masked example quotes (the rest of the file, by_channel and
 * languages, is not shown).  Files written before broken_promise,
 * passed_around and bot_frustration existed lack those three and still
 * load: `present` says which signals a file has, and the report shows
 * only those.  A voice is owned by the caller: voice_free() (NULL is a
 * no-op). */
#ifndef CX_VOICE_H
#define CX_VOICE_H
#include <stddef.h>
#include "listen/signals.h"

struct voice_signal {
	double pct;      /* share of the conversations, 0 to 100 */
	double n;        /* conversations showing it, a whole number */
	char **examples; /* masked quotes, as `listen` wrote them */
	size_t nexamples;
	int present;     /* the file has it (the last three are optional) */
};

struct voice {
	double conversations; /* a whole number */
	struct voice_signal signals[NSIGNALS]; /* by enum signal */
};

/* Reads `listen` output from a path, "-" or a URL: CX_OK with *out set,
 * or CX_EIO / CX_EINPUT (*out NULL) after one message naming the file
 * and, for a bad member, its JSON path (signals.waited.pct). */
int voice_load(const char *path, struct voice **out);
void voice_free(struct voice *v);
#endif
