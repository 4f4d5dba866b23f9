/* profile: reference profiles (profiles/ID.json, and sector peers in
 * profiles/sectors/): a brand's or a sector's value for each catalog
 * metric with its basis (reported, with source, method, year and the quote
 * of the source that holds the number; or modeled, with the reasoning),
 * plus published facts that fit no metric.  Loading (profile_value.c)
 * refuses a reported value whose quote does not hold its number.
 * A profile_set owns its profiles; profile_set_release() frees them.  The
 * frontier is built as one more profile whose values name their brand. */
#ifndef CX_PROFILE_H
#define CX_PROFILE_H
#include <stddef.h>
#include "core/catalog.h"
#include <cJSON.h>
#include "io/input.h"

struct profile;

struct ref_value {
	int present;
	int reported;  /* 1 reported, 0 modeled */
	double value;
	char *source, *method, *note, *url, *quote; /* NULL when absent */
	int year;                     /* 0 when absent */
	int has_range;                /* p25 and p75 were published */
	double p25, p75;
	const struct profile *from;   /* frontier: the brand it came from */
};

struct fact {
	char *label, *scale, *source, *note, *url, *quote;
	double value;
	int year;
};

/* A reported value older than this, in years, is marked dated. */
#define PROFILE_DATED_YEARS 5

struct profile {
	char *id, *brand, *sector, *summary, *origin;
	char colour[8];           /* "#rrggbb" (lower case) to draw the brand in
				   * every chart; "" when the profile has none */
	int is_frontier;
	int is_sector;            /* "kind": "sector": context, never a brand */
	char **industries;        /* a sector's: the words a company's industry
				   * may hold, lower case */
	size_t nindustries;
	struct ref_value *values; /* one per catalog metric */
	size_t nvalues;
	struct fact *facts;
	size_t nfacts;
};

struct profile_set {
	struct profile **items;
	size_t n, cap;
	/* Set while loading profiles written for another catalog (the bundled
	 * ones under --catalog): their metrics missing from it are skipped. */
	int skip_unknown;
};

/* Loads one profile file and adds it to the set; CX_OK or an error status
 * after reporting every problem.  A profile id already in the set is an
 * error naming both files. */
int profile_load(const struct catalog *cat, const char *path,
		 struct profile_set *set);
int profile_from_input(const struct catalog *cat, const struct input *in,
		       struct profile_set *set);
/* The same from a parsed JSON object (file names it in messages). */
int profile_from_json(const struct catalog *cat, const char *file,
		      const cJSON *root, struct profile_set *set);
/* Where `profiles pull` keeps profiles: $XDG_DATA_HOME/cxbench/profiles
 * (~/.local/share/...).  Caller frees. */
char *user_profile_dir(void);
/* Loads every *.json file but catalog.json in dir, in id order. */
int profile_load_dir(const struct catalog *cat, const char *dir,
		     struct profile_set *set);
const struct profile *profile_find(const struct profile_set *set, const char *id);
/* The sector profile whose industries hold `industry` (any case), or NULL. */
const struct profile *profile_sector(const struct profile_set *set, const char *industry);
/* 1 when the quote holds the number as a source prints it ("85",
 * "72.5", "1,254"; not inside another number). */
int quote_holds(const char *quote, double value);
/* The best value per metric among `n` profiles; ties go to the earlier. */
struct profile *frontier_new(const struct catalog *cat,
			     const struct profile *const *refs, size_t n);
void profile_free(struct profile *p);
void profile_set_add(struct profile_set *set, struct profile *p);
void profile_set_release(struct profile_set *set);
#endif
