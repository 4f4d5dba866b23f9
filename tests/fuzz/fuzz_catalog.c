/* fuzz_catalog: a metric catalog (--catalog FILE).  The text goes through
 * input_from_memory() and catalog_from_input(); a catalog that loads is
 * used as `compare --catalog FILE` uses it: listed (metrics table and
 * JSON), the bundled profiles loaded against it (metrics it lacks
 * skipped), the example company loaded against it, then compared and
 * trended against those profiles and their frontier. */
#include "fuzz_company.h"
#include <dirent.h>

static struct input fixed[32]; /* the bundled profiles' texts */
static size_t nfixed;
static struct input example;   /* examples/acme-telecom.json */

static void read_fixed(void)
{
	char *dir = fuzz_data_dir(), *path;
	struct dirent *e;
	DIR *d;

	path = xasprintf("%s/profiles", dir);
	d = opendir(path);
	free(path);
	while (d && (e = readdir(d)) && nfixed < sizeof fixed / sizeof *fixed) {
		const char *ext = input_ext(e->d_name);
		if (strcmp(ext, "json") != 0 || strcmp(e->d_name, "catalog.json") == 0)
			continue;
		path = xasprintf("%s/profiles/%s", dir, e->d_name);
		if (input_read(path, &fixed[nfixed]) == CX_OK)
			nfixed++;
		free(path);
	}
	if (d)
		closedir(d);
	path = xasprintf("%s/examples/acme-telecom.json", dir);
	if (nfixed == 0 || input_read(path, &example) != CX_OK) {
		fprintf(stderr, "fuzz: cannot read the profiles and %s\n", path);
		exit(1);
	}
	free(path);
	free(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	read_fixed();
	fuzz_setup(0);
	return 0;
}

static void use_catalog(const struct catalog *cat)
{
	struct profile_set set;
	struct profile *frontier = NULL;
	const struct profile **refs = NULL;
	struct company *c = NULL;
	size_t i;
	char why[160];

	catalog_table(fuzz_null, cat);
	(void)json_write(catalog_json_new(cat), NULL); /* to stdout, which is fuzz_null; frees the tree */
	for (i = 0; i < cat->nmetrics; i++)
		metric_check_value(&cat->metrics[i], cat->metrics[i].best, why, sizeof why);
	catalog_suggest(cat, "npss");
	memset(&set, 0, sizeof set);
	set.skip_unknown = 1;
	for (i = 0; i < nfixed; i++)
		profile_from_input(cat, &fixed[i], &set);
	profiles_table(fuzz_null, cat, &set);
	if (company_from_input(cat, &example, &c) == CX_OK) {
		frontier = frontier_new(cat, (const struct profile *const *)set.items, set.n);
		refs = xcalloc(set.n + 1, sizeof *refs);
		for (i = 0; i < set.n; i++)
			refs[i] = set.items[i];
		refs[set.n] = frontier;
		fuzz_use_company(cat, c, refs, set.n + 1, frontier);
	}
	free(refs);
	profile_free(frontier);
	company_free(c);
	profile_set_release(&set);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct input in;
	struct catalog *cat = NULL;

	if (input_from_memory("fuzz.json", (const char *)data, size, &in) == CX_OK &&
	    catalog_from_input(&in, &cat) == CX_OK)
		use_catalog(cat);
	catalog_free(cat);
	input_release(&in);
	return 0;
}
