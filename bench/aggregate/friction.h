/* friction: what waiting, holds, transfers, repeats and AI cost in
 * satisfaction (DESIGN.md, "Friction").  Survey answers are linked to
 * the contacts they are about (friction_link.c), each linked answer
 * counts at its contact's level of every factor (friction_sums.c), and
 * the block per period is the levels' CSAT and NPS with their intervals
 * (friction_stats.c for the arithmetic, friction_doc.c for the JSON,
 * friction_table.c for the table), beside the time tax (friction_tax.c).
 * Inside the aggregate engine: agg_internal.h includes this. */
#ifndef CX_FRICTION_H
#define CX_FRICTION_H
#include <stddef.h>
#include <stdint.h>

struct contact;

/* The factors, each a run of levels in fr_level_names.  repeat and
 * follows_earlier need customer ids; the others a column of their own. */
enum fr_factor { FR_WAIT, FR_HOLD, FR_TRANSFERS, FR_REPEAT, FR_FOLLOWS, FR_AI, FR_TTH,
		 FR_NFACTORS };
#define FR_WAIT_MAX 9   /* wait levels: up to 8 edges (--wait-edges) */
#define FR_LEVELS 26     /* FR_WAIT_MAX wait slots, then the others' */
#define FR_MIN_ANSWERS 30 /* fewer: shown with n, never significant or best */

struct fr_factor_def {
	const char *name;
	unsigned first, n; /* its levels: fr_level_names[first .. first + n) */
	unsigned shift;    /* its level + 1 in a contact's level word (0: none) */
	unsigned mask;     /* of its bits there, shifted down */
};
extern const struct fr_factor_def fr_factors[FR_NFACTORS];
/* The names of the levels; wait's slots are NULL (struct fr_wait has
 * them, as the run's edges make them). */
extern const char *const fr_level_names[FR_LEVELS];

/* The wait levels of a run: ascending upper edges in whole seconds
 * (inclusive), n = edges + 1 levels, each named as DESIGN.md names the
 * default ones (0-20s, 21-60s, 1-3min, 3-10min, 10min+). */
struct fr_wait {
	double edge[FR_WAIT_MAX - 1];
	unsigned n;
	char label[FR_WAIT_MAX][24];
};
/* The levels of nedges edges (ascending, whole seconds, 1 to 8), or of
 * DESIGN.md's 20, 60, 180, 600 when nedges is 0. */
void fr_wait_init(struct fr_wait *w, const double *edges, unsigned nedges);
/* The name of a factor's level i, and how many levels it has. */
const char *fr_level_name(const struct fr_wait *w, enum fr_factor f, unsigned i);
unsigned fr_nlevels(const struct fr_wait *w, enum fr_factor f);

/* The level word: 4 bits for wait, 3 for each other factor, each the
 * level + 1 (0: not at any level of it). */
typedef uint32_t fr_levels;
static inline unsigned fr_level(fr_levels w, enum fr_factor f)
{
	return (w >> fr_factors[f].shift) & fr_factors[f].mask;
}
static inline fr_levels fr_set(fr_levels w, enum fr_factor f, unsigned level)
{
	return (w & ~(fr_factors[f].mask << fr_factors[f].shift)) |
		(level + 1) << fr_factors[f].shift;
}

/* Sums per level, per (period, channel) group (in struct agg_stats). */
struct fr_level_sums {
	uint64_t contacts, csat_n, csat_ok, nps_n, nps_pro, nps_det;
	double wait_sum; /* of the level's contacts with a wait (wait levels) */
};

struct fr_sums {
	struct fr_level_sums lv[FR_LEVELS];
	uint64_t by_id, by_customer, unlinked;
	/* the time tax, in seconds: waits and holds of every contact with
	 * one, and the time of contacts that follow an earlier one */
	double tax_wait, tax_hold, tax_repeat;
	uint64_t repeats;
};
void fr_sums_add(struct fr_sums *a, const struct fr_sums *b);
/* The levels of a level word as indexes into fr_sums.lv, one per factor
 * it has a level of: worked out once for the two groups (its channel's
 * and all channels') that a contact or an answer counts in. */
struct fr_slots {
	unsigned n;
	unsigned char slot[FR_NFACTORS];
};
void fr_slots_of(fr_levels w, struct fr_slots *out);
/* The levels of the factors a contact's own fields give (not the repeat
 * ones, which the pass over each customer's contacts adds), as a word
 * and as slots. */
fr_levels fr_levels_of(const struct contact *c, const struct fr_wait *wait,
		       struct fr_slots *l);
/* A contact at its own levels (the scan's: no repeat ones yet) and its
 * waits and holds for the tax. */
void fr_add_contact(struct fr_sums *s, const struct contact *c, const struct fr_slots *l);
/* An answer (csat 1-5, nps 0-10, -1 for none) at every level of l. */
void fr_add_answer(struct fr_sums *s, const struct fr_slots *l, int csat, int nps);

/* ---- the arithmetic (friction_stats.c) ---- */

/* A proportion's 95 % Wilson interval, in percent: k of n (n > 0). */
void fr_wilson(uint64_t k, uint64_t n, double *low, double *high);
/* The standard error of a CSAT (top-two-box %) of k in n, in points:
 * 100 sqrt(p (1 - p) / n). */
double fr_csat_se(uint64_t k, uint64_t n);
/* NPS in points and its standard error: 100 sqrt((P + D - (P - D)^2) / n). */
double fr_nps(uint64_t pro, uint64_t det, uint64_t n);
double fr_nps_se(uint64_t pro, uint64_t det, uint64_t n);
/* A difference is significant when both sides have at least 30 answers
 * and |diff| > 1.96 sqrt(se1^2 + se2^2). */
int fr_significant(double diff, double se1, uint64_t n1, double se2, uint64_t n2);

/* One measure (CSAT or NPS) over a factor's levels, worked out. */
struct fr_cell {
	uint64_t n;
	double value, low, high, se; /* NAN when n is 0 */
	double diff;                 /* value - value at best; NAN without */
	int significant;
};

struct fr_measure {
	struct fr_cell cell[FR_WAIT_MAX]; /* the most levels of a factor */
	double points_lost, lost_low, lost_high; /* NAN without a best */
};

/* A factor's levels (n of them, from lv), worked out: csat and nps per
 * level, *best the level with the highest CSAT among those with at least
 * 30 CSAT answers (the first of equals; -1 when none), diffs, significance
 * and points lost; *slope the CSAT change per minute of mean wait (wait
 * only, else NAN). */
void fr_factor_work(const struct fr_level_sums *lv, unsigned n, int is_wait,
		    struct fr_measure *csat, struct fr_measure *nps, int *best,
		    double *slope);
#endif
