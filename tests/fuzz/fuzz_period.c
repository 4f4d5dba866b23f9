/* fuzz_period: period text ("2026-Q3", "2026-07", "2026"), as --period,
 * --since and --until give it and every company file holds it.  Checks
 * what period.h promises: a parsed period formats back to text that parses
 * to the same period, and its index maps back to it; then the text is used
 * as `compare --period` and `trend --since`/`--until` use it, on the
 * example company. */
#include "fuzz.h"
#include "core/company.h"
#include "load/load.h"
#include "load/history.h"

static struct input example; /* examples/acme-telecom.json */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char *dir = fuzz_data_dir();
	char *path = xasprintf("%s/examples/acme-telecom.json", dir);

	(void)argc;
	(void)argv;
	if (input_read(path, &example) != CX_OK)
		exit(1);
	free(path);
	free(dir);
	fuzz_setup(0);
	return 0;
}

static void check_period(const char *text)
{
	struct period p, q;
	char label[16];

	if (period_parse(text, &p) < 0)
		return;
	period_format(p, label);
	if (period_parse(label, &q) < 0 || period_cmp(p, q) != 0 ||
	    p.gran != q.gran || p.year != q.year || p.sub != q.sub)
		abort(); /* "2026-Q3" and its own canonical text differ */
	q = period_from_index(p.gran, period_index(p));
	if (period_cmp(p, q) != 0 || p.sub != q.sub)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = xstrndup((const char *)data, size);
	struct company *c = NULL;
	size_t at;

	check_period(text);
	if (company_from_input(fuzz_cat, &example, &c) == CX_OK) {
		history_pick(c, text, &at);
		history_window(c, size % 2 ? text : NULL, size % 2 ? NULL : text);
	}
	company_free(c);
	free(text);
	return 0;
}
