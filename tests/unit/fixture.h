/* fixture: building catalogs and profiles in memory for the unit tests
 * (the strings are strdup'd, so catalog_free and profile_free can free
 * them). */
#ifndef CX_TEST_FIXTURE_H
#define CX_TEST_FIXTURE_H
#include "core/catalog.h"
#include "core/company.h"
#include "core/profile.h"

void set_dim(struct dimension *d, const char *id, double weight);
void set_metric(struct metric_def *m, const char *id, size_t dim, int higher,
		double worst, double best, enum metric_kind kind);
struct profile *new_profile(const struct catalog *cat, const char *id);
void set_value(struct profile *p, size_t m, double v);
/* Stores an observation in the period, checking that the loader's rules
 * accept it. */
void put(const struct catalog *cat, struct company *c, struct period_data *pd,
	 long m, double value, double n, double p, double d);
#endif
