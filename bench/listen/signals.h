/* signals: the friction signals `listen` looks for, by id, in the order
 * every output lists them (DESIGN.md "Transcripts").  The first six are
 * the original set; files written before the last three existed still
 * load in the report, which shows the signals a file has. */
#ifndef CX_SIGNALS_H
#define CX_SIGNALS_H

enum signal { SIG_HUMAN, SIG_REPEAT, SIG_WAITED, SIG_CHURN, SIG_PRIVACY, SIG_PRAISE,
	      SIG_PROMISE, SIG_PASSED, SIG_BOT, NSIGNALS };

/* "human_request", ... "bot_frustration", by enum signal. */
extern const char *const signal_ids[NSIGNALS];
#endif
