/* fuzz_import: an import profile (--import FILE).  The text goes through
 * input_from_memory() and import_from_input(); a profile that loads has
 * every field's conversions run on a few cells an export may hold, so its
 * formats, value maps, durations and scales meet real text; a transcripts
 * profile is also mapped onto a header of its own column names and reads
 * rows of those cells as turns (listen/export.h). */
#include "fuzz.h"
#include "aggregate/aggregate.h"
#include "imports/import.h"
#include "listen/export.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_setup(0);
	return 0;
}

static const char *const cells[] = { "", "0", "12", "N/A", "Y", "good",
	"3/7/2026 9:05 PM", "2026-03-31T23:30:00-05:00", "1:02:03", "45658.5",
	"1767225600000", "31.12.25", "07 Mar 2026 12:00", "-1" };

static void use_spec(const struct import_profile *p, const struct import_spec *s)
{
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

/* One CSV field, quoted, into buf at *n (cap bytes). */
static void put_field(char *buf, size_t cap, size_t *n, const char *s, char sep)
{
	if (*n + 1 < cap)
		buf[(*n)++] = '"';
	for (; *s && *n + 3 < cap; s++) {
		if (*s == '"')
			buf[(*n)++] = '"';
		buf[(*n)++] = *s;
	}
	if (*n + 2 < cap) {
		buf[(*n)++] = '"';
		buf[(*n)++] = sep;
	}
}

/* The header: every column the profile names, then each cell in all. */
static void use_transcripts(struct import_profile *p, enum granularity gran)
{
	static char buf[65536];
	const char *names[64];
	struct listen_options o;
	struct export_map m;
	struct csv_reader r;
	struct turn t;
	const char *why;
	size_t i, k, n = 0, nnames = 0;

	for (i = 0; i < p->nspecs; i++)
		for (k = 0; k < p->specs[i].ncolumns && nnames < 64; k++)
			names[nnames++] = p->specs[i].columns[k];
	for (i = 0; i < p->nskips && nnames < 64; i++)
		names[nnames++] = p->skips[i].column;
	if (!nnames)
		return;
	for (k = 0; k <= sizeof cells / sizeof *cells; k++)
		for (i = 0; i < nnames; i++)
			put_field(buf, sizeof buf, &n, k ? cells[k - 1] : names[i],
				  i + 1 < nnames ? ',' : '\n');
	buf[n < sizeof buf ? n : sizeof buf - 1] = '\0';
	memset(&o, 0, sizeof o);
	o.gran = gran;
	memset(&m, 0, sizeof m);
	csv_init(&r, buf, strlen(buf));
	if (csv_next(&r) > 0 && export_map_init(&m, p, &r, &o, "fuzz.csv", 1) == CX_OK)
		while (csv_next(&r) > 0)
			(void)export_row(&m, &r, r.line, &t, &why);
	export_map_release(&m);
	csv_release(&r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct import_profile *p = NULL;
	struct input in;
	size_t i;

	if (input_from_memory("fuzz.json", (const char *)data, size, &in) == CX_OK &&
	    import_from_input(&in, agg_field_list, &p) == CX_OK) {
		for (i = 0; i < p->nspecs; i++)
			use_spec(p, &p->specs[i]);
		if (p->kind == IMPORT_TRANSCRIPTS)
			use_transcripts(p, size & 1 ? GRAN_MONTH : GRAN_QUARTER);
	}
	import_free(p);
	input_release(&in);
	return 0;
}
