/* pool: scanning on every core.  The reader stays one thread (it parses
 * the file in order); each turn it gives scan_turn() is copied into a
 * batch for one of the workers, chosen by its conversation id, so that a
 * conversation is scanned by one worker in its own order, exactly as one
 * scan would.  At the end the workers' conversations and examples are
 * put back into the reader's scan in the order one scan would have found
 * them (by each turn's place in the file), so the output is the same on
 * any number of threads.  Inside the listen folder only.  A pool is owned
 * by the scan it was started for (scan_pool_finish() ends it). */
#ifndef CX_POOL_H
#define CX_POOL_H
#include "listen/scan.h"

struct pool;

/* Starts `workers` threads (1 or more), each with a scan of lx: NULL
 * when they cannot all be started (then the scan stays single). */
struct pool *pool_start(const struct lexicon *lx, int keep_quotes, int workers);
/* Hands a turn, numbered seq (1-based, in the reader's order), to its
 * worker. */
void pool_turn(struct pool *p, const struct turn *t, uint64_t seq);
/* Waits for the workers, moves what they found into S and frees p. */
void pool_finish(struct pool *p, struct scan *S);
#endif
