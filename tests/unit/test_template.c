/* template.c: which rows a template has (every metric, or those of the
 * dimensions named), the two forms, and the dimension list's errors. */
#include "check.h"
#include "base/mem.h"
#include "base/msg.h"
#include "core/catalog.h"
#include "out/template.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char catalog_json[] =
	"{ \"dimensions\": [ { \"id\": \"speed\", \"name\": \"Speed\" },\n"
	"                  { \"id\": \"outcome\", \"name\": \"Outcome\" },\n"
	"                  { \"id\": \"trust\", \"name\": \"Trust\" } ],\n"
	"  \"metrics\": [\n"
	"    { \"id\": \"wait_seconds\", \"name\": \"Wait\", \"dimension\": \"speed\",\n"
	"      \"unit\": \"seconds\", \"direction\": \"lower\", \"worst\": 300, \"best\": 0,\n"
	"      \"kind\": \"mean\", \"description\": \"Mean wait, answered contacts.\",\n"
	"      \"measured\": \"ACD report: \\\"wait\\\" / answered\" },\n"
	"    { \"id\": \"nps\", \"name\": \"NPS\", \"dimension\": \"outcome\",\n"
	"      \"unit\": \"points\", \"direction\": \"higher\", \"worst\": -30, \"best\": 90,\n"
	"      \"kind\": \"nps\", \"description\": \"Promoters minus detractors.\" },\n"
	"    { \"id\": \"csat_pct\", \"name\": \"CSAT\", \"dimension\": \"outcome\",\n"
	"      \"unit\": \"%\", \"direction\": \"higher\", \"worst\": 50, \"best\": 100,\n"
	"      \"kind\": \"percent\", \"description\": \"Satisfied answers.\",\n"
	"      \"measured\": \"Survey\" } ] }\n";

static struct catalog *load(char **dir)
{
	char *path;
	struct catalog *cat = NULL;

	*dir = temp_dir_new();
	path = write_file(*dir, "catalog.json", catalog_json);
	CHECK_INT(catalog_load(path, &cat), CX_OK);
	free(path);
	return cat;
}

void test_template_dimensions(void)
{
	char *dir = NULL;
	struct catalog *cat = load(&dir);
	unsigned char keep[3];
	struct template_spec t = { cat, "Acme", "2026-Q4", NULL };

	if (!cat)
		goto out;
	CHECK_INT(template_rows(&t), 3);
	CHECK_INT(template_dimensions(cat, "outcome", keep), CX_OK);
	CHECK(!keep[0] && keep[1] && !keep[2]);
	t.dims = keep;
	CHECK_INT(template_rows(&t), 2);
	CHECK_INT(template_dimensions(cat, "trust,speed,speed", keep), CX_OK);
	CHECK(keep[0] && !keep[1] && keep[2]);
	CHECK_INT(template_rows(&t), 1); /* trust has no metric */
	quiet_begin();
	CHECK_INT(template_dimensions(cat, "outcom", keep), CX_EUSAGE);
	CHECK_INT(template_dimensions(cat, "speed,nowhere", keep), CX_EUSAGE);
	CHECK_INT(template_dimensions(cat, ",", keep), CX_EUSAGE);
	CHECK_INT(template_dimensions(cat, "", keep), CX_EUSAGE);
	quiet_end();
	CHECK_STR(catalog_suggest_dimension(cat, "outcom"), "outcome");
	CHECK_STR(catalog_suggest_dimension(cat, "spede"), "speed");
	CHECK(catalog_suggest_dimension(cat, "nowhere") == NULL);
out:
	catalog_free(cat);
	remove_tree(dir);
	free(dir);
}

void test_template_forms(void)
{
	char *dir = NULL, *text = NULL, *json = NULL;
	size_t len = 0;
	struct catalog *cat = load(&dir);
	struct template_spec t = { cat, "Acme, \"Inc\"", "2026-Q4", NULL };
	FILE *f = NULL;
	cJSON *root = NULL;

	if (!cat)
		goto out;
	f = open_memstream(&text, &len);
	if (!CHECK(f != NULL))
		goto out;
	template_csv(f, &t);
	CHECK_INT(fclose(f), 0);
	CHECK_STR(text,
		  "company,period,metric,value,n,name,unit,direction,definition,measured\n"
		  "\"Acme, \"\"Inc\"\"\",2026-Q4,wait_seconds,,,Wait,seconds,lower is better,"
		  "\"Mean wait, answered contacts.\",\"ACD report: \"\"wait\"\" / answered\"\n"
		  "\"Acme, \"\"Inc\"\"\",2026-Q4,nps,,,NPS,points,higher is better,"
		  "Promoters minus detractors.,\n"
		  "\"Acme, \"\"Inc\"\"\",2026-Q4,csat_pct,,,CSAT,%,higher is better,"
		  "Satisfied answers.,Survey\n");
	root = template_json_new(&t);
	json = cJSON_PrintUnformatted(root);
	CHECK_STR(json,
		  "{\"company\":\"Acme, \\\"Inc\\\"\",\"period\":\"2026-Q4\",\"metrics\":{"
		  "\"wait_seconds\":{\"value\":null,\"n\":null,\"name\":\"Wait\","
		  "\"unit\":\"seconds\",\"direction\":\"lower is better\","
		  "\"definition\":\"Mean wait, answered contacts.\","
		  "\"measured\":\"ACD report: \\\"wait\\\" / answered\"},"
		  "\"nps\":{\"value\":null,\"n\":null,\"name\":\"NPS\",\"unit\":\"points\","
		  "\"direction\":\"higher is better\","
		  "\"definition\":\"Promoters minus detractors.\",\"measured\":\"\"},"
		  "\"csat_pct\":{\"value\":null,\"n\":null,\"name\":\"CSAT\",\"unit\":\"%\","
		  "\"direction\":\"higher is better\",\"definition\":\"Satisfied answers.\","
		  "\"measured\":\"Survey\"}}}");
out:
	free(json);
	cJSON_Delete(root);
	free(text);
	catalog_free(cat);
	remove_tree(dir);
	free(dir);
}
