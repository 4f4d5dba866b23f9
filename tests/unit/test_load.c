/* The loaders: catalog, profiles and company metrics (JSON and CSV) from
 * files in a temporary directory, then a gap report over what was loaded;
 * and the errors they must refuse. */
#include "core/catalog.h"
#include "check.h"
#include "core/company.h"
#include "load/load.h"
#include "core/gap.h"
#include "base/msg.h"
#include "base/mem.h"
#include "core/profile.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char catalog_json[] =
	"{ \"version\": 1,\n"
	"  \"dimensions\": [ { \"id\": \"speed\", \"name\": \"Speed\", \"weight\": 2 },\n"
	"                  { \"id\": \"outcome\", \"name\": \"Outcome\" } ],\n"
	"  \"metrics\": [\n"
	"    { \"id\": \"wait_seconds\", \"name\": \"Wait\", \"dimension\": \"speed\",\n"
	"      \"unit\": \"seconds\", \"direction\": \"lower\", \"worst\": 300, \"best\": 0,\n"
	"      \"kind\": \"mean\", \"description\": \"d\" },\n"
	"    { \"id\": \"nps\", \"name\": \"NPS\", \"dimension\": \"outcome\",\n"
	"      \"unit\": \"points\", \"direction\": \"higher\", \"worst\": -30, \"best\": 90,\n"
	"      \"kind\": \"nps\", \"description\": \"d\" },\n"
	"    { \"id\": \"csat_pct\", \"name\": \"CSAT\", \"dimension\": \"outcome\",\n"
	"      \"unit\": \"%\", \"direction\": \"higher\", \"worst\": 50, \"best\": 100,\n"
	"      \"kind\": \"percent\", \"description\": \"d\" },\n"
	"    { \"id\": \"ces\", \"name\": \"CES\", \"dimension\": \"outcome\",\n"
	"      \"unit\": \"points\", \"direction\": \"higher\", \"worst\": 3, \"best\": 7,\n"
	"      \"kind\": \"scale\", \"min\": 1, \"max\": 7, \"description\": \"d\" } ] }\n";

static const char alpha_json[] =
	"{ \"id\": \"alpha\", \"brand\": \"Alpha\", \"sector\": \"s\", \"summary\": \"x\",\n"
	"  \"metrics\": {\n"
	"    \"wait_seconds\": { \"value\": 30, \"basis\": \"reported\", \"source\": \"S\",\n"
	"                        \"method\": \"M\", \"year\": 2024,\n"
	"                        \"quote\": \"Alpha answers in 30 seconds.\" },\n"
	"    \"nps\": { \"value\": 70, \"basis\": \"modeled\", \"note\": \"why\" } } }\n";

static const char company_json[] =
	"{ \"company\": \"Acme\", \"industry\": \"telecom\", \"periods\": [\n"
	"  { \"period\": \"2026-Q2\", \"metrics\": {\n"
	"      \"nps\": { \"value\": 8, \"n\": 1500, \"promoters_pct\": 38, \"detractors_pct\": 30 },\n"
	"      \"wait_seconds\": 210 } },\n"
	"  { \"period\": \"2026-Q1\", \"metrics\": { \"nps\": 12, \"csat_pct\": { \"value\": 80, \"n\": 200 } } } ] }\n";

static const char company_csv[] =
	"company,period,metric,value,n,promoters_pct,detractors_pct,extra\n"
	"Acme,2026-Q1,nps,12,400,40,28,x\r\n"
	"\"Acme\",2026-Q1,csat_pct,\"80\",,,,\"a,b\"\r\n"
	"\n"
	"Acme,2025-Q4,wait_seconds,\" 95 \",,,,\n";

static struct catalog *load_catalog(const char *dir)
{
	char *path = write_file(dir, "catalog.json", catalog_json);
	struct catalog *cat = NULL;

	CHECK_INT(catalog_load(path, &cat), CX_OK);
	free(path);
	return cat;
}

void test_load_files(void)
{
	char *dir = temp_dir_new(), *path;
	struct catalog *cat = load_catalog(dir);
	struct profile_set set = { 0 };
	struct company *c = NULL;
	struct profile *f;
	const struct profile *refs[2];
	struct gap_report *r;
	const struct obs *o;

	if (!cat) {
		remove_tree(dir);
		free(dir);
		return;
	}
	CHECK_INT(cat->ndims, 2);
	CHECK_NEAR(cat->dims[0].weight, 2, 0);
	CHECK_NEAR(cat->dims[1].weight, 1, 0);         /* default weight */
	CHECK_INT(cat->nmetrics, 4);
	CHECK_INT(cat->metrics[0].higher, 0);
	CHECK_INT(cat->metrics[1].higher, 1);
	CHECK_INT(cat->metrics[1].dim, 1);
	CHECK_INT(cat->metrics[1].kind, KIND_NPS);
	CHECK_NEAR(cat->metrics[0].min, 0, 0);         /* mean: 0 .. open */
	CHECK(isinf(cat->metrics[0].max));
	CHECK_NEAR(cat->metrics[1].min, -100, 0);      /* nps: -100 .. 100 */
	CHECK_NEAR(cat->metrics[1].max, 100, 0);
	CHECK_NEAR(cat->metrics[2].max, 100, 0);       /* percent: 0 .. 100 */
	CHECK_NEAR(cat->metrics[3].min, 1, 0);         /* scale: as given */
	CHECK_NEAR(cat->metrics[3].max, 7, 0);

	/* a profile */
	path = write_file(dir, "alpha.json", alpha_json);
	CHECK_INT(profile_load(cat, path, &set), CX_OK);
	free(path);
	CHECK_INT(set.n, 1);
	CHECK(profile_find(&set, "alpha") != NULL);
	CHECK(profile_find(&set, "beta") == NULL);
	if (set.n == 1) {
		const struct profile *p = set.items[0];
		CHECK_STR(p->brand, "Alpha");
		CHECK(p->values[0].present && p->values[0].reported);
		CHECK_STR(p->values[0].source, "S");
		CHECK_INT(p->values[0].year, 2024);
		CHECK(p->values[1].present && !p->values[1].reported);
		CHECK_STR(p->values[1].note, "why");
		CHECK_STR(p->values[1].source, NULL);
		CHECK(!p->values[2].present);
	}

	/* a company, periods given out of order */
	path = write_file(dir, "acme.json", company_json);
	CHECK_INT(company_load(cat, path, &c), CX_OK);
	free(path);
	if (c && set.n == 1) {
		CHECK_STR(c->name, "Acme");
		CHECK_STR(c->industry, "telecom");
		CHECK_INT(c->nperiods, 2);
		CHECK_STR(c->periods[0].label, "2026-Q1");
		CHECK_INT(company_period(c, "2026-Q2"), 1);
		CHECK_INT(company_period(c, "2026-q2"), 1);
		CHECK_INT(company_period(c, "2026-Q3"), -1);
		CHECK_INT(company_period(c, "junk"), -1);
		CHECK_INT(company_count(c), 4);
		o = &c->periods[1].obs[1]; /* 2026-Q2 nps */
		CHECK(o->present);
		CHECK_NEAR(o->value, 8, 0);
		CHECK_NEAR(o->n, 1500, 0);
		CHECK_NEAR(o->promoters, 38, 0);
		CHECK_NEAR(o->detractors, 30, 0);
		o = &c->periods[0].obs[1]; /* 2026-Q1 nps, a bare number */
		CHECK_NEAR(o->value, 12, 0);
		CHECK_NEAR(o->n, 0, 0);
		CHECK_NAN(o->promoters);
		CHECK_NAN(o->detractors);

		/* 2026-Q2 against alpha and the frontier (= alpha):
		 * wait 210: score 100*(210-300)/(-300) = 30; alpha 30: 90, gap 180, points 60
		 * nps 8: score 100*38/120 = 31.666667, moe 196*sqrt((.38+.30-.08^2)/1500) = 4.153474;
		 *        alpha 70: 83.333333, gap 62 (> 4.15), points 51.666667
		 * overall (2*30 + 31.666667)/3 = 30.555556; alpha (2*90 + 83.333)/3 = 87.777778
		 * priorities: wait 60*2 = 120, nps 51.667*1 */
		f = frontier_new(cat, (const struct profile *const *)set.items, 1);
		refs[0] = set.items[0];
		refs[1] = f;
		r = gap_compute(cat, c, 1, refs, 2, f);
		CHECK_INT(r->nmetrics, 2);
		CHECK_NEAR(r->metrics[0].score, 30, 1e-9);
		CHECK_NEAR(r->metrics[0].cells[0].gap, 180, 1e-9);
		CHECK_NEAR(r->metrics[0].cells[0].gap_points, 60, 1e-9);
		CHECK_NEAR(r->metrics[1].score, 31.666667, 1e-6);
		CHECK_NEAR(r->metrics[1].moe, 4.153474, 1e-6);
		CHECK_NEAR(r->metrics[1].cells[1].gap, 62, 1e-9);
		CHECK_INT(r->metrics[1].cells[1].significant, 1);
		CHECK(r->metrics[1].cells[1].present && f->values[1].from == set.items[0]);
		CHECK_NEAR(r->overall, 30.555556, 1e-6);
		CHECK_NEAR(r->ref_overall[0], 87.777778, 1e-6);
		CHECK_NEAR(r->ref_overall[1], 87.777778, 1e-6);
		CHECK_INT(r->npriorities, 2);
		CHECK_INT(r->priorities[0], 0);
		CHECK_INT(r->nnot_measured, 2);  /* csat_pct, ces */
		CHECK_INT(r->nno_reference, 0);
		gap_free(r);
		profile_free(f);
	}
	company_free(c);

	/* the same content as CSV: extra column, quotes, CRLF, a blank line */
	path = write_file(dir, "acme.csv", company_csv);
	c = NULL;
	CHECK_INT(company_load(cat, path, &c), CX_OK);
	free(path);
	if (c) {
		CHECK_STR(c->name, "Acme");
		CHECK_INT(c->nperiods, 2);
		CHECK_STR(c->periods[0].label, "2025-Q4");
		o = &c->periods[1].obs[1]; /* 2026-Q1 nps */
		CHECK_NEAR(o->value, 12, 0);
		CHECK_NEAR(o->n, 400, 0);
		CHECK_NEAR(o->promoters, 40, 0);
		CHECK_INT(o->line, 2);
		o = &c->periods[1].obs[2]; /* csat_pct, empty n and shares */
		CHECK_NEAR(o->value, 80, 0);
		CHECK_NEAR(o->n, 0, 0);
		CHECK_NAN(o->promoters);
		CHECK_INT(o->line, 3);
		o = &c->periods[0].obs[0];
		CHECK_NEAR(o->value, 95, 0);
		CHECK_INT(o->line, 5);        /* after the blank line 4 */
	}
	company_free(c);

	profile_set_release(&set);
	catalog_free(cat);
	remove_tree(dir);
	free(dir);
}

/* Loads text as a company file named name; returns the status. */
static int company_text(const struct catalog *cat, const char *dir,
			const char *name, const char *text)
{
	char *path = write_file(dir, name, text);
	struct company *c = (struct company *)1;
	int rc;

	quiet_begin();
	rc = company_load(cat, path, &c);
	quiet_end();
	if (rc != CX_OK)
		CHECK(c == NULL);
	company_free(rc == CX_OK ? c : NULL);
	free(path);
	return rc;
}

static int catalog_text(const char *dir, const char *text)
{
	char *path = write_file(dir, "bad-catalog.json", text);
	struct catalog *cat = NULL;
	int rc;

	quiet_begin();
	rc = catalog_load(path, &cat);
	quiet_end();
	catalog_free(cat);
	free(path);
	return rc;
}

#define COMPANY(metrics) \
	"{ \"company\": \"Acme\", \"period\": \"2026-Q1\", \"metrics\": " metrics " }"
#define METRIC(rest)                                                           \
	"{ \"dimensions\": [ { \"id\": \"d\", \"name\": \"D\" } ], \"metrics\": [ " \
	"{ \"id\": \"m\", \"name\": \"M\", \"dimension\": \"d\", \"unit\": \"%\", "  \
	"\"description\": \"x\", " rest " } ] }"

void test_load_errors(void)
{
	char *dir = temp_dir_new(), *path;
	struct catalog *cat = load_catalog(dir);
	struct profile_set set = { 0 };
	struct company *c = NULL;

	if (!cat) {
		remove_tree(dir);
		free(dir);
		return;
	}
	/* company files */
	CHECK_INT(company_text(cat, dir, "ok.json", COMPANY("{ \"nps\": 5 }")), CX_OK);
	CHECK_INT(company_text(cat, dir, "a.json", COMPANY("{ \"npss\": 5 }")), CX_EINPUT);
	CHECK_INT(company_text(cat, dir, "a.json", COMPANY("{ \"nps\": { \"value\": 5, \"n\": 0 } }")), CX_EINPUT);
	CHECK_INT(company_text(cat, dir, "a.json", COMPANY("{ \"nps\": { \"value\": 5, \"n\": 2.5 } }")), CX_EINPUT);
	CHECK_INT(company_text(cat, dir, "a.json", COMPANY("{ \"nps\": { \"value\": 5, \"promoters_pct\": 40 } }")), CX_EINPUT);
	CHECK_INT(company_text(cat, dir, "a.json", COMPANY("{ \"nps\": { \"value\": 20, \"promoters_pct\": 50, \"detractors_pct\": 20 } }")), CX_EINPUT); /* 50-20 = 30, not 20 */
	CHECK_INT(company_text(cat, dir, "a.json", COMPANY("{ \"nps\": { \"value\": 20.5, \"promoters_pct\": 50, \"detractors_pct\": 30 } }")), CX_OK); /* within 1 of 20 */
	CHECK_INT(company_text(cat, dir, "a.json", COMPANY("{ \"csat_pct\": { \"value\": 80, \"promoters_pct\": 80, \"detractors_pct\": 0 } }")), CX_EINPUT); /* shares only for NPS */
	CHECK_INT(company_text(cat, dir, "a.json", COMPANY("{ \"csat_pct\": 120 }")), CX_EINPUT);
	CHECK_INT(company_text(cat, dir, "a.json", COMPANY("{ \"ces\": 0.5 }")), CX_EINPUT);   /* scale 1..7 */
	CHECK_INT(company_text(cat, dir, "a.json", COMPANY("{ \"nps\": \"12\" }")), CX_EINPUT);
	CHECK_INT(company_text(cat, dir, "a.json", COMPANY("{ }")), CX_EINPUT);
	CHECK_INT(company_text(cat, dir, "a.json",
		"{ \"company\": \"Acme\", \"periods\": [ { \"period\": \"2026-Q1\", \"metrics\": { \"nps\": 1 } },"
		" { \"period\": \"2026-03\", \"metrics\": { \"nps\": 2 } } ] }"), CX_EINPUT); /* two granularities */
	CHECK_INT(company_text(cat, dir, "a.json",
		"{ \"company\": \"Acme\", \"periods\": [ { \"period\": \"2026-Q1\", \"metrics\": { \"nps\": 1 } },"
		" { \"period\": \"2026-q1\", \"metrics\": { \"ces\": 2 } } ] }"), CX_EINPUT); /* the same period twice */
	CHECK_INT(company_text(cat, dir, "a.json",
		"{ \"company\": \"Acme\", \"period\": \"2026-Q5\", \"metrics\": { \"nps\": 1 } }"), CX_EINPUT);
	CHECK_INT(company_text(cat, dir, "a.csv",
		"company,period,metric,value\nAcme,2026-Q1,nps,12abc\n"), CX_EINPUT);
	CHECK_INT(company_text(cat, dir, "a.csv",
		"company,period,metric,value\nAcme,2026-Q1,nps,1\nAcme,2026-Q1,nps,2\n"), CX_EINPUT); /* duplicate */
	CHECK_INT(company_text(cat, dir, "a.csv",
		"company,period,metric,value\nAcme,2026-Q1,nps,1\nOther,2026-Q1,ces,2\n"), CX_EINPUT);
	CHECK_INT(company_text(cat, dir, "a.csv",
		"company,period,metric\nAcme,2026-Q1,nps\n"), CX_EINPUT);  /* no value column */
	CHECK_INT(company_text(cat, dir, "a.csv",
		"company,period,metric,value\nAcme,2026-Q1,nps,\"1\n"), CX_EINPUT); /* unterminated */
	CHECK_INT(company_text(cat, dir, "a.csv", "company,period,metric,value\n"), CX_EINPUT); /* no values */
	quiet_begin();
	CHECK_INT(company_load(cat, "/nonexistent/cxbench/acme.json", &c), CX_EIO);
	quiet_end();
	CHECK(c == NULL);

	/* profiles */
	path = write_file(dir, "p1.json", alpha_json);
	CHECK_INT(profile_load(cat, path, &set), CX_OK);
	quiet_begin();
	CHECK_INT(profile_load(cat, path, &set), CX_EINPUT);  /* id already in the set */
	quiet_end();
	free(path);
	CHECK_INT(set.n, 1);
	path = write_file(dir, "p2.json",
		"{ \"id\": \"beta\", \"brand\": \"B\", \"sector\": \"s\", \"summary\": \"x\", "
		"\"metrics\": { \"wait_secs\": { \"value\": 1, \"basis\": \"modeled\", \"note\": \"n\" } } }");
	quiet_begin();
	CHECK_INT(profile_load(cat, path, &set), CX_EINPUT);  /* unknown metric */
	quiet_end();
	free(path);
	path = write_file(dir, "p3.json",
		"{ \"id\": \"gamma\", \"brand\": \"G\", \"sector\": \"s\", \"summary\": \"x\", "
		"\"metrics\": { \"nps\": { \"value\": 1, \"basis\": \"reported\" } } }");
	quiet_begin();
	CHECK_INT(profile_load(cat, path, &set), CX_EINPUT);  /* reported needs a source */
	quiet_end();
	free(path);
	path = write_file(dir, "p4.json",
		"{ \"id\": \"frontier\", \"brand\": \"F\", \"sector\": \"s\", \"summary\": \"x\", "
		"\"metrics\": { \"nps\": { \"value\": 1, \"basis\": \"modeled\", \"note\": \"n\" } } }");
	quiet_begin();
	CHECK_INT(profile_load(cat, path, &set), CX_EINPUT);  /* reserved id */
	quiet_end();
	free(path);
	CHECK_INT(set.n, 1);

	/* a reported value's quote must hold its number; ranges and sectors */
	{
		static const struct { const char *value; int rc; } cases[] = {
			/* 72.5 in the quote, not as part of 172.5 or 72.55 */
			{ "\"value\": 72.5, \"quote\": \"scored 72.5 this year\"", CX_OK },
			{ "\"value\": 72.5, \"quote\": \"scored 172.5 this year\"", CX_EINPUT },
			{ "\"value\": 72.5, \"quote\": \"scored 72.55 this year\"", CX_EINPUT },
			/* 85 ends a sentence, or is grouped in thousands: 1,254 */
			{ "\"value\": 85, \"quote\": \"an ACSI score of 85.\"", CX_OK },
			{ "\"value\": 85, \"quote\": \"up from 1985\"", CX_EINPUT },
			/* p25 and p75: both, in order, in the quote */
			{ "\"value\": 30, \"p25\": 20, \"p75\": 40, \"quote\": \"30 on "
			  "average; 20 to 40 in the middle half\"", CX_OK },
			{ "\"value\": 30, \"p25\": 20, \"p75\": 45, \"quote\": \"30 on "
			  "average; 20 to 40 in the middle half\"", CX_EINPUT },
			{ "\"value\": 30, \"p25\": 40, \"p75\": 20, \"quote\": \"30, 20, 40\"",
			  CX_EINPUT },
			{ "\"value\": 30, \"p25\": 20, \"quote\": \"30, 20\"", CX_EINPUT },
			/* no quote at all */
			{ "\"value\": 30", CX_EINPUT },
		};
		size_t i;
		for (i = 0; i < sizeof cases / sizeof *cases; i++) {
			struct profile_set one = { 0 };
			char *text = xasprintf("{ \"id\": \"q\", \"brand\": \"Q\", \"sector\": "
				"\"s\", \"summary\": \"x\", \"metrics\": { \"nps\": { %s, "
				"\"basis\": \"reported\", \"source\": \"S\", \"method\": \"M\", "
				"\"year\": 2020 } } }", cases[i].value);
			path = write_file(dir, "q.json", text);
			quiet_begin();
			CHECK_INT(profile_load(cat, path, &one), cases[i].rc);
			quiet_end();
			free(path);
			free(text);
			profile_set_release(&one);
		}
	}
	{
		struct profile_set two = { 0 };
		path = write_file(dir, "s.json", "{ \"id\": \"sector-t\", \"kind\": \"sector\", "
			"\"industry\": [\"telecom\", \"isp\"], \"brand\": \"T\", \"sector\": \"s\", "
			"\"summary\": \"x\", \"metrics\": { \"nps\": { \"value\": 1, "
			"\"basis\": \"modeled\", \"note\": \"n\" } } }");
		CHECK_INT(profile_load(cat, path, &two), CX_OK);
		free(path);
		CHECK(two.n == 1 && two.items[0]->is_sector);
		CHECK(profile_sector(&two, "ISP") == two.items[0]); /* any case */
		CHECK(profile_sector(&two, "banking") == NULL);
		CHECK(profile_sector(&two, NULL) == NULL);
		/* a sector without industries, and a brand with them */
		path = write_file(dir, "s2.json", "{ \"id\": \"sector-u\", \"kind\": \"sector\", "
			"\"brand\": \"U\", \"sector\": \"s\", \"summary\": \"x\", \"metrics\": "
			"{ \"nps\": { \"value\": 1, \"basis\": \"modeled\", \"note\": \"n\" } } }");
		quiet_begin();
		CHECK_INT(profile_load(cat, path, &two), CX_EINPUT);
		quiet_end();
		free(path);
		path = write_file(dir, "s3.json", "{ \"id\": \"brand-v\", \"industry\": [\"x\"], "
			"\"brand\": \"V\", \"sector\": \"s\", \"summary\": \"x\", \"metrics\": "
			"{ \"nps\": { \"value\": 1, \"basis\": \"modeled\", \"note\": \"n\" } } }");
		quiet_begin();
		CHECK_INT(profile_load(cat, path, &two), CX_EINPUT);
		quiet_end();
		free(path);
		CHECK_INT(two.n, 1);
		profile_set_release(&two);
	}

	/* catalogs */
	CHECK_INT(catalog_text(dir, METRIC("\"direction\": \"higher\", \"worst\": 0, \"best\": 100, \"kind\": \"percent\"")), CX_OK);
	CHECK_INT(catalog_text(dir, METRIC("\"direction\": \"higher\", \"worst\": 100, \"best\": 0, \"kind\": \"percent\"")), CX_EINPUT);
	CHECK_INT(catalog_text(dir, METRIC("\"direction\": \"lower\", \"worst\": 0, \"best\": 100, \"kind\": \"percent\"")), CX_EINPUT);
	CHECK_INT(catalog_text(dir, METRIC("\"direction\": \"higher\", \"worst\": 5, \"best\": 5, \"kind\": \"percent\"")), CX_EINPUT);
	CHECK_INT(catalog_text(dir, METRIC("\"direction\": \"up\", \"worst\": 0, \"best\": 100, \"kind\": \"percent\"")), CX_EINPUT);
	CHECK_INT(catalog_text(dir, METRIC("\"direction\": \"higher\", \"worst\": 0, \"best\": 100, \"kind\": \"ratio\"")), CX_EINPUT);
	CHECK_INT(catalog_text(dir, METRIC("\"direction\": \"higher\", \"worst\": 1, \"best\": 5, \"kind\": \"scale\"")), CX_EINPUT); /* scale needs min, max */
	CHECK_INT(catalog_text(dir, "{ \"dimensions\": [ { \"id\": \"d\", \"name\": \"D\", \"weight\": 0 } ], \"metrics\": [] }"), CX_EINPUT);

	profile_set_release(&set);
	catalog_free(cat);
	remove_tree(dir);
	free(dir);
}
