/* timetax: the minutes a customer loses per contact to friction: waiting,
 * hold, transfers and repeat contacts.  Two assumptions make it a sum of
 * minutes; the report's methodology states both. */
#ifndef CX_TIMETAX_H
#define CX_TIMETAX_H
#include "core/catalog.h"

/* A transfer costs a second queue and explaining the problem again. */
#define TT_TRANSFER_MINUTES 2.0
/* A repeat contact costs a whole further contact: its wait and hold plus
 * this much handling. */
#define TT_HANDLE_MINUTES 6.0

struct timetax {
	double wait, hold, transfers, repeat, total; /* minutes per contact */
};

/* values: one per catalog metric, NAN where missing.  0 when the four
 * inputs (asa_seconds, hold_seconds, transfers_per_contact,
 * repeat_contact_pct) are all there, -1 otherwise. */
int timetax_compute(const struct catalog *cat, const double *values,
		    struct timetax *t);
#endif
