/* context: what every command loads before it works: the data directory,
 * the metric catalog, the bundled profiles and any --profile files.  A
 * context owns all of it; context_release() frees it.  Also the parsing of
 * --against into a selection of references and the frontier over them. */
#ifndef CX_CONTEXT_H
#define CX_CONTEXT_H
#include <stddef.h>
#include "core/catalog.h"
#include "core/profile.h"

struct context {
	const char *catalog_path; /* --catalog, or NULL for the bundled one */
	char *const *extra;       /* --profile files (borrowed) */
	size_t nextra;
	char *datadir;            /* where profiles/ and reports/ live */
	struct catalog *cat;
	struct profile_set profiles;
};

struct selection {
	const struct profile **refs; /* in --against order, frontier included */
	size_t n;
	struct profile *frontier;    /* owned; over the selected brands */
};

/* Locates the data directory: $CXBENCH_DATA, next to the executable,
 * ../share/cxbench from it, or the install share directory.  Caller frees. */
char *data_dir_new(void);
/* Loads the catalog, and the profiles when `profiles` is non-zero. */
int context_load(struct context *ctx, int profiles);
void context_release(struct context *ctx);
/* What --against selects when not given. */
#define SELECTION_DEFAULT "all,sector,frontier"
/* "all" (every brand), "sector" (the sector profile of `industry`, the
 * company's), "frontier" and profile ids separated by commas; NULL for
 * SELECTION_DEFAULT.  An unknown id is a usage error with a suggestion. */
int selection_parse(const struct context *ctx, const char *against, const char *industry,
		    struct selection *sel);
void selection_release(struct selection *sel);
#endif
