/* friction: what a period's `friction` block says (DESIGN.md "Friction"):
 * satisfaction by level of each friction factor, the points lost per
 * factor and the time tax in customer-hours, as `aggregate --surveys`
 * computed them from linked survey answers.  The model keeps the numbers
 * as written (the report shows them, it does not recompute them); a
 * number the block leaves out or writes as null is NAN.  `compare` and
 * `trend` never read it.  A block is owned by its period (company_free()
 * frees it); friction_free(NULL) is a no-op. */
#ifndef CX_FRICTION_H
#define CX_FRICTION_H
#include <stddef.h>

/* A level's answers below this are shown but never called significant. */
#define FRICTION_MIN_ANSWERS 30

/* CSAT (top-two-box %) or NPS of the answers at one level. */
struct fr_stat {
	double value, n, low, high; /* low..high: the 95 % interval */
	double diff;                /* value - value at the factor's best level */
	int significant;            /* 1, or 0 (also when not written) */
};

struct fr_level {
	char *level;     /* "0-20s", "none", "2+", ... */
	double contacts; /* the period's contacts at this level */
	struct fr_stat csat, nps;
};

struct fr_factor {
	char *id;        /* "wait", "hold", "transfers", "repeat", "ai", ... */
	struct fr_level *levels;
	size_t nlevels;
	char *best;      /* a level, or NULL when none has enough answers */
	double lost_csat, lost_nps; /* points_lost */
	double csat_per_minute;     /* wait only; NAN elsewhere */
};

struct friction {
	double by_contact_id, by_customer, unlinked; /* answers; NAN: not said */
	struct fr_factor *factors; /* in the file's order */
	size_t nfactors;
	double tax_hours, tax_per_1000, tax_frontier_per_1000; /* NAN: not said */
};

void friction_free(struct friction *f);
/* The factor with this id, or NULL. */
const struct fr_factor *friction_factor(const struct friction *f, const char *id);
/* Whether a level's statistic rests on enough answers to be compared. */
int fr_enough(const struct fr_stat *s);
#endif
