/* catalog.c: look-ups, suggestions, value ranges and the optional noise. */
#include "core/catalog.h"
#include "base/msg.h"
#include "io/input.h"
#include "check.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const ids[] = { "asa_seconds", "nps", "enps", "fcr_pct",
	"ces", "csat_pct" };
#define NIDS (sizeof ids / sizeof *ids)

static struct catalog *small_catalog(void)
{
	struct catalog *cat = calloc(1, sizeof *cat);
	size_t i;

	cat->ndims = 2;
	cat->dims = calloc(2, sizeof *cat->dims);
	cat->dims[0].id = strdup("time");
	cat->dims[1].id = strdup("outcome");
	cat->nmetrics = NIDS;
	cat->metrics = calloc(NIDS, sizeof *cat->metrics);
	for (i = 0; i < NIDS; i++) {
		cat->metrics[i].id = strdup(ids[i]);
		cat->metrics[i].dim = i == 0 ? 0 : 1;
	}
	return cat;
}

void test_catalog_lookup(void)
{
	struct catalog *cat = small_catalog();

	CHECK_INT(catalog_metric(cat, "asa_seconds"), 0);
	CHECK_INT(catalog_metric(cat, "csat_pct"), 5);
	CHECK_INT(catalog_metric(cat, "NPS"), -1);   /* ids are case-sensitive */
	CHECK_INT(catalog_metric(cat, "np"), -1);
	CHECK_INT(catalog_metric(cat, ""), -1);
	CHECK_INT(catalog_dimension(cat, "outcome"), 1);
	CHECK_INT(catalog_dimension(cat, "trust"), -1);
	CHECK_STR(metric_kind_name(KIND_PERCENT), "percent");
	CHECK_STR(metric_kind_name(KIND_NPS), "nps");
	CHECK_STR(metric_kind_name(KIND_MEAN), "mean");
	CHECK_STR(metric_kind_name(KIND_SCALE), "scale");
	catalog_free(cat);
	catalog_free(NULL); /* a no-op */
}

void test_catalog_suggest(void)
{
	struct catalog *cat = small_catalog();
	char longid[100];

	/* limit = strlen(id)/3 + 1; Levenshtein distances worked out by hand */
	CHECK_STR(catalog_suggest(cat, "npss"), "nps");          /* limit 2; nps 1 (drop s), enps 2 */
	CHECK_STR(catalog_suggest(cat, "nps"), "nps");           /* 0 */
	CHECK_STR(catalog_suggest(cat, "fcr"), NULL);            /* limit 2; fcr_pct 4, ces 3, nps 3 */
	CHECK_STR(catalog_suggest(cat, "fcr_pc"), "fcr_pct");    /* limit 3; 1 */
	CHECK_STR(catalog_suggest(cat, "fcrpct"), "fcr_pct");    /* limit 3; 1 (insert _) */
	CHECK_STR(catalog_suggest(cat, "pcr_fct"), "fcr_pct");   /* limit 3; 2 (p<->f) */
	CHECK_STR(catalog_suggest(cat, "csat"), NULL);           /* limit 2; csat_pct 4, ces 3 */
	CHECK_STR(catalog_suggest(cat, "csat_pc"), "csat_pct");  /* limit 3; 1 */
	CHECK_STR(catalog_suggest(cat, "asa_second"), "asa_seconds"); /* limit 4; 1 */
	CHECK_STR(catalog_suggest(cat, "asa"), NULL);            /* limit 2; asa_seconds 8, nps 3 */
	CHECK_STR(catalog_suggest(cat, "cse"), "ces");           /* limit 2; 2 (a swap is 2 edits) */
	CHECK_STR(catalog_suggest(cat, "NPS"), NULL);            /* limit 2; nps 3 (case counts) */
	CHECK_STR(catalog_suggest(cat, "xyz"), NULL);            /* limit 2; nps 3, ces 3 */
	CHECK_STR(catalog_suggest(cat, ""), NULL);               /* limit 1; ces 3 */
	memset(longid, 'n', 80);
	longid[80] = '\0';
	CHECK_STR(catalog_suggest(cat, longid), NULL);           /* far from all */
	catalog_free(cat);
}

void test_metric_check_value(void)
{
	struct metric_def m = { 0 };
	char why[160];

	m.id = "csat_pct";
	m.unit = "%";
	m.min = 0;
	m.max = 100;
	CHECK_INT(metric_check_value(&m, 0, why, sizeof why), 0);
	CHECK_INT(metric_check_value(&m, 100, why, sizeof why), 0);
	CHECK_INT(metric_check_value(&m, 55.5, why, sizeof why), 0);
	why[0] = '\0';
	CHECK_INT(metric_check_value(&m, 100.5, why, sizeof why), -1);
	CHECK(strstr(why, "100.5") != NULL);
	CHECK_INT(metric_check_value(&m, -1, why, sizeof why), -1);
	CHECK_INT(metric_check_value(&m, NAN, why, sizeof why), -1);
	m.max = HUGE_VAL;
	m.unit = "seconds";
	CHECK_INT(metric_check_value(&m, 1e9, why, sizeof why), 0);
	CHECK_INT(metric_check_value(&m, -0.5, why, sizeof why), -1);
	CHECK(strstr(why, "at least 0") != NULL);
}

/* A one-metric catalog with `extra` added to the metric's members. */
static int load_with(const char *extra, struct catalog **cat)
{
	char text[1024];
	struct input in;
	int rc;

	snprintf(text, sizeof text, "{\"dimensions\": [{\"id\": \"time\", \"name\": "
		 "\"Speed\"}], \"metrics\": [{\"id\": \"hold_seconds\", \"name\": "
		 "\"Hold\", \"dimension\": \"time\", \"unit\": \"seconds\", "
		 "\"direction\": \"lower\", \"worst\": 300, \"best\": 0, \"kind\": "
		 "\"mean\", \"description\": \"d\"%s}]}", extra);
	CHECK_INT(input_from_memory("(catalog)", text, strlen(text), &in), CX_OK);
	rc = catalog_from_input(&in, cat);
	input_release(&in);
	return rc;
}

void test_catalog_noise(void)
{
	struct catalog *cat = NULL;

	CHECK_INT(load_with(", \"noise\": 10", &cat), CX_OK);
	if (cat)
		CHECK_NEAR(cat->metrics[0].noise, 10, 0);
	catalog_free(cat);
	CHECK_INT(load_with("", &cat), CX_OK);
	if (cat)
		CHECK_NAN(cat->metrics[0].noise); /* optional */
	catalog_free(cat);
	CHECK_INT(load_with(", \"noise\": 0", &cat), CX_OK);
	catalog_free(cat);
	quiet_begin();
	CHECK_INT(load_with(", \"noise\": -1", &cat), CX_EINPUT);
	CHECK(cat == NULL);
	CHECK_INT(load_with(", \"noise\": \"10\"", &cat), CX_EINPUT);
	CHECK(cat == NULL);
	quiet_end();
}
