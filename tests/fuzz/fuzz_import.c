/* fuzz_import: an import profile (--import FILE).  The text goes through
 * input_from_memory() and import_from_input(); a profile that loads has
 * every field's conversions run on a few cells an export may hold, so its
 * formats, value maps, durations and scales meet real text. */
#include "fuzz.h"
#include "aggregate/aggregate.h"
#include "imports/import.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_setup(0);
	return 0;
}

static void use_spec(const struct import_profile *p, const struct import_spec *s)
{
	static const char *const cells[] = { "", "0", "12", "N/A", "Y", "good",
		"3/7/2026 9:05 PM", "2026-03-31T23:30:00-05:00", "1:02:03", "45658.5",
		"1767225600000", "31.12.25", "07 Mar 2026 12:00", "-1" };
	struct import_time t;
	double v;
	int is_null;
	size_t i;

	for (i = 0; i < sizeof cells / sizeof *cells; i++) {
		const char *c = cells[i];
		size_t len = strlen(c);
		(void)import_is_missing(p, s, c, len);
		(void)import_map(s, c, len, &v, &is_null);
		(void)import_duration_seconds(s->duration, c, len, &v);
		(void)import_time_parse(s, c, len, &t);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct import_profile *p = NULL;
	struct input in;
	size_t i;

	if (input_from_memory("fuzz.json", (const char *)data, size, &in) == CX_OK &&
	    import_from_input(&in, agg_field_list, &p) == CX_OK)
		for (i = 0; i < p->nspecs; i++)
			use_spec(p, &p->specs[i]);
	import_free(p);
	input_release(&in);
	return 0;
}
