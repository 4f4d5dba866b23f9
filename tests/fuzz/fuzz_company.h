/* fuzz_company.h: the company harnesses (JSON, CSV, XML) share this: the
 * text goes through input_from_memory() as a file would through
 * input_read(), then company_from_input(), which picks the loader by the
 * name's extension; a company that loads is then compared and trended
 * against every bundled profile and the frontier and rendered in every
 * format, as `compare` and `trend` would, so that whatever a loader lets
 * through also meets the arithmetic and the output code. */
#ifndef CX_FUZZ_COMPANY_H
#define CX_FUZZ_COMPANY_H
#include "fuzz.h"
#include "core/company.h"
#include "core/gap.h"
#include "out/out_csv.h"
#include "out/out_json.h"
#include "out/out_table.h"
#include "out/out_trend.h"
#include "core/trend.h"

/* What compare and trend do with a company: every number, every format. */
static inline void fuzz_use_company(const struct catalog *cat, const struct company *c,
			     const struct profile *const *refs, size_t nrefs,
			     const struct profile *frontier)
{
	struct gap_report *r = gap_compute(cat, c, c->nperiods - 1, refs, nrefs,
					   frontier);
	struct trend *t = trend_compute(cat, c, c->nperiods, refs, nrefs, frontier);

	gap_table(fuzz_null, r, 1);
	gap_csv(fuzz_null, r);
	(void)json_write(gap_json_new(r), NULL); /* to stdout, which is fuzz_null; frees the tree */
	trend_table(fuzz_null, t, 1);
	trend_csv(fuzz_null, t);
	(void)json_write(trend_json_new(t), NULL); /* to stdout, which is fuzz_null; frees the tree */
	trend_free(t);
	gap_free(r);
}

static inline int fuzz_company(const char *name, const uint8_t *data, size_t size)
{
	struct input in;
	struct company *c = NULL;

	if (input_from_memory(name, (const char *)data, size, &in) == CX_OK &&
	    company_from_input(fuzz_cat, &in, &c) == CX_OK)
		fuzz_use_company(fuzz_cat, c, fuzz_sel.refs, fuzz_sel.n, fuzz_sel.frontier);
	company_free(c);
	input_release(&in);
	return 0;
}
#endif
