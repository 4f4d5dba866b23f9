#include "report/timetax.h"
#include <math.h>

static double value_of(const struct catalog *cat, const double *values, const char *id)
{
	long m = catalog_metric(cat, id);
	return m < 0 ? NAN : values[m];
}

int timetax_compute(const struct catalog *cat, const double *values,
		    struct timetax *t)
{
	double asa = value_of(cat, values, "asa_seconds");
	double hold = value_of(cat, values, "hold_seconds");
	double transfers = value_of(cat, values, "transfers_per_contact");
	double repeat = value_of(cat, values, "repeat_contact_pct");

	if (isnan(asa) || isnan(hold) || isnan(transfers) || isnan(repeat))
		return -1;
	t->wait = asa / 60;
	t->hold = hold / 60;
	t->transfers = transfers * TT_TRANSFER_MINUTES;
	t->repeat = repeat / 100 * (t->wait + t->hold + TT_HANDLE_MINUTES);
	t->total = t->wait + t->hold + t->transfers + t->repeat;
	return 0;
}
