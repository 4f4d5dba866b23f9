/* fuzz_profile: a reference profile (--profile FILE, profiles validate).
 * The text goes through input_from_memory() and profile_from_input() into
 * a set that already holds the bundled profiles, as --profile's would (so
 * an id clash is checked too); a profile that loads is shown as `profiles
 * show` shows it (table and JSON) and joins the frontier. */
#include "fuzz.h"
#include "out/out_json.h"
#include "out/out_table.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_setup(1);
	return 0;
}

static void use_profile(const struct profile_set *set)
{
	const struct profile *p = set->items[set->n - 1];
	struct profile *frontier;

	profile_table(fuzz_null, fuzz_cat, p);
	(void)json_write(profile_json_new(fuzz_cat, p), NULL); /* to stdout, which is fuzz_null; frees the tree */
	profiles_table(fuzz_null, fuzz_cat, set);
	frontier = frontier_new(fuzz_cat, (const struct profile *const *)set->items,
				set->n);
	profile_table(fuzz_null, fuzz_cat, frontier);
	profile_free(frontier);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct profile_set *bundled = &fuzz_ctx.profiles;
	struct profile_set set;
	struct input in;
	size_t i;

	memset(&set, 0, sizeof set);
	for (i = 0; i < bundled->n; i++)
		profile_set_add(&set, bundled->items[i]);
	if (input_from_memory("fuzz.json", (const char *)data, size, &in) == CX_OK &&
	    profile_from_input(fuzz_cat, &in, &set) == CX_OK)
		use_profile(&set);
	for (i = bundled->n; i < set.n; i++) /* the set borrows the bundled ones */
		profile_free(set.items[i]);
	free(set.items);
	input_release(&in);
	return 0;
}
