/* report_story.c's arithmetic of what the report prints (differences
 * between rounded numbers, the plan's periods, the pace) and the catalog's
 * optional next_step and comparable keys.  Expected values by hand. */
#include "check.h"
#include "fixture.h"
#include "base/msg.h"
#include "core/catalog.h"
#include "report/story.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

void test_story_rounding(void)
{
	struct metric_def up = { .higher = 1 }, down = { .higher = 0 };

	/* printf's rounding, not round()'s: 0.125 is exact in binary and
	 * rounds to even (0.12); 1.015 is stored as 1.01499.. (1.01) */
	CHECK_NEAR(story_shown(0.125, 2), 0.12, 1e-12);
	CHECK_NEAR(story_shown(1.015, 2), 1.01, 1e-12);
	CHECK_NEAR(story_shown(57.166058, 1), 57.2, 1e-12);
	CHECK_NAN(story_shown(NAN, 1));
	/* 80 - 1.015 = 78.985, printed 78.98; between the printed 80 and 1.01
	 * it is 78.99 */
	CHECK_NEAR(story_unit_gap(&up, 80, 1.015), 78.99, 1e-12);
	/* lower is better: 19.2 contacts against a target of 2 is 17.2 behind;
	 * ahead comes out negative */
	CHECK_NEAR(story_unit_gap(&down, 2, 19.2), 17.2, 1e-12);
	CHECK_NEAR(story_unit_gap(&down, 30, 20), -10, 1e-12);
	CHECK_INT(story_per_year(GRAN_QUARTER), 4);
	CHECK_INT(story_per_year(GRAN_MONTH), 12);
	CHECK_INT(story_per_year(GRAN_YEAR), 1);
}

void test_story_significant(void)
{
	struct metric_def up = { .higher = 1 };
	struct gap_metric gm = { .value = 70, .moe = 5 };

	CHECK_INT(story_significant(&up, &gm, 76), 1);  /* 6 > 5 */
	CHECK_INT(story_significant(&up, &gm, 74), 0);  /* 4 within 5 */
	CHECK_INT(story_significant(&up, &gm, 64), 1);  /* ahead by 6 */
	gm.moe = NAN;
	CHECK_INT(story_significant(&up, &gm, 90), -1); /* no margin known */
}

static const char *const catalog_head =
	"{\"dimensions\": [{\"id\": \"time\", \"name\": \"Speed\"}],"
	" \"metrics\": [{\"id\": \"asa_seconds\", \"name\": \"ASA\","
	" \"dimension\": \"time\", \"unit\": \"seconds\", \"direction\": \"lower\","
	" \"worst\": 300, \"best\": 0, \"kind\": \"mean\", \"description\": \"\"";

static int load(const char *dir, const char *extra, struct catalog **cat)
{
	char *text = malloc(strlen(catalog_head) + strlen(extra) + 8), *path;
	int rc;

	strcpy(text, catalog_head);
	strcat(text, extra);
	strcat(text, "}]}");
	path = write_file(dir, "catalog.json", text);
	quiet_begin();
	rc = catalog_load(path, cat);
	quiet_end();
	free(path);
	free(text);
	return rc;
}

void test_catalog_advice(void)
{
	char *dir = temp_dir_new();
	struct catalog *cat = NULL;

	/* neither key: no step, comparable */
	CHECK_INT(load(dir, "", &cat), CX_OK);
	CHECK(cat && cat->metrics[0].next_step == NULL && !cat->metrics[0].not_comparable);
	catalog_free(cat);
	CHECK_INT(load(dir, ", \"next_step\": \"Staff the peaks.\", \"comparable\": false",
		       &cat), CX_OK);
	CHECK_STR(cat ? cat->metrics[0].next_step : NULL, "Staff the peaks.");
	CHECK(cat && cat->metrics[0].not_comparable);
	catalog_free(cat);
	CHECK_INT(load(dir, ", \"comparable\": true", &cat), CX_OK);
	CHECK(cat && !cat->metrics[0].not_comparable);
	catalog_free(cat);
	/* refused: a step that is not a string or is empty, a comparable that
	 * is not a boolean */
	CHECK(load(dir, ", \"next_step\": 3", &cat) != CX_OK && cat == NULL);
	CHECK(load(dir, ", \"next_step\": \"\"", &cat) != CX_OK && cat == NULL);
	CHECK(load(dir, ", \"comparable\": \"no\"", &cat) != CX_OK && cat == NULL);
	remove_tree(dir);
	free(dir);
}
