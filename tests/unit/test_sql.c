/* Unit tests for --emit-sql's pieces: quoting (what a user gave never
 * reaches a query as SQL), the dialect table's fragments, and the query's
 * shape in the four dialects the tests cannot run (spark, trino,
 * bigquery, snowflake).  Expected texts written out by hand. */
#include "check.h"
#include "warehouse/sql_parts.h"
#include <stdlib.h>
#include <string.h>

static char *ident(const char *dialect, const char *name, int dotted)
{
	struct sql_text t = { 0 };
	int rc;
	quiet_begin();
	rc = sql_ident(&t, sql_dialect_find(dialect), name, dotted, "a test name");
	quiet_end();
	if (rc < 0) {
		free(t.s);
		return NULL;
	}
	return t.s;
}

static char *literal(const char *dialect, const char *s)
{
	struct sql_text t = { 0 };
	int rc;
	quiet_begin();
	rc = sql_literal(&t, sql_dialect_find(dialect), s, "a test value");
	quiet_end();
	if (rc < 0) {
		free(t.s);
		return NULL;
	}
	return t.s;
}

#define CHECK_IDENT(d, name, dotted, want) do { \
	char *got_ = ident(d, name, dotted); \
	CHECK_STR(got_, want); \
	free(got_); \
} while (0)
#define CHECK_LITERAL(d, s, want) do { \
	char *got_ = literal(d, s); \
	CHECK_STR(got_, want); \
	free(got_); \
} while (0)

void test_sql_ident(void)
{
	/* double quotes doubled inside: the name stays one identifier */
	CHECK_IDENT("postgres", "contacts\"; DROP TABLE x; --", 0,
		    "\"contacts\"\"; DROP TABLE x; --\"");
	CHECK_IDENT("snowflake", "CALL ID", 0, "\"CALL ID\"");
	CHECK_IDENT("trino", "hive.cx.contacts", 1, "\"hive\".\"cx\".\"contacts\"");
	CHECK_IDENT("duckdb", "a.b", 0, "\"a.b\"");
	CHECK_IDENT("bigquery", "proj.ds.contacts", 1, "`proj`.`ds`.`contacts`");
	CHECK_IDENT("spark", "queue wait", 0, "`queue wait`");
	CHECK_IDENT("clickhouse", "x\"y", 0, "`x\"y`");
	/* refused: a backtick or a backslash in a backtick dialect, control
	 * characters, empty parts */
	CHECK_IDENT("clickhouse", "a`b", 0, NULL);
	CHECK_IDENT("spark", "a\\b", 0, NULL);
	CHECK_IDENT("bigquery", "x`; DROP TABLE y; --", 1, NULL);
	CHECK_IDENT("postgres", "a\nb", 0, NULL);
	CHECK_IDENT("postgres", "db..t", 1, NULL);
	CHECK_IDENT("postgres", "", 0, NULL);
}

void test_sql_literal(void)
{
	/* standard strings: a quote doubled, a backslash as it is */
	CHECK_LITERAL("postgres", "O'Brien \\ Co; --", "'O''Brien \\ Co; --'");
	CHECK_LITERAL("trino", "it's", "'it''s'");
	/* backslash dialects: a backslash doubled too, or '\' would end it */
	CHECK_LITERAL("clickhouse", "a\\'; DROP", "'a\\\\''; DROP'");
	CHECK_LITERAL("snowflake", "x\\", "'x\\\\'");
	CHECK_LITERAL("bigquery", "x\\", "'x\\\\'");
	CHECK_LITERAL("spark", "x\\", "'x\\\\'");
	CHECK_LITERAL("postgres", "tab\there", NULL);
	CHECK_LITERAL("duckdb", "Ацме", "'Ацме'");
}

void test_sql_dialects(void)
{
	static const char *const names[] = { "clickhouse", "postgres", "duckdb", "spark",
		"trino", "bigquery", "snowflake" };
	static const char *const epochs[] = { "toInt64(toUInt32(t))",
		"FLOOR(EXTRACT(EPOCH FROM t))", "FLOOR(epoch(t))", "unix_timestamp(t)",
		"FLOOR(to_unixtime(t))", "UNIX_SECONDS(t)", "DATE_PART(EPOCH_SECOND, t)" };
	static const char *const quarters[] = { "toQuarter(t)",
		"CAST(EXTRACT(QUARTER FROM t) AS INTEGER)", "quarter(t)", "quarter(t)",
		"quarter(t)", "CAST(EXTRACT(QUARTER FROM t) AS INTEGER)", "QUARTER(t)" };
	size_t i;

	for (i = 0; i < sizeof names / sizeof *names; i++) {
		const struct sql_dialect *d = sql_dialect_find(names[i]);
		struct sql_text e = { 0 }, q = { 0 };
		CHECK(d != NULL);
		if (!d)
			continue;
		CHECK_STR(d->name, names[i]);
		CHECK(strstr(sql_dialect_names(), names[i]) != NULL);
		sql_apply(&e, d->epoch, "t");
		sql_apply(&q, d->quarter, "t");
		CHECK_STR(e.s, epochs[i]);
		CHECK_STR(q.s, quarters[i]);
		/* only ClickHouse goes without window functions */
		CHECK_INT(d->arrays, i == 0);
		free(e.s);
		free(q.s);
	}
	CHECK(sql_dialect_find("mysql") == NULL);
	CHECK(sql_dialect_find("") == NULL);
}

static char *query(const char *dialect, const char *company, enum granularity gran)
{
	struct sql_request r;
	memset(&r, 0, sizeof r);
	r.dialect = sql_dialect_find(dialect);
	r.table = "cx.contacts";
	r.company = company;
	r.order_by = "row_no";
	r.gran = gran;
	r.sl_seconds = 30;
	r.repeat_seconds = (int64_t)3 * 86400;
	return sql_query_new(&r);
}

static int has(const char *q, const char *part)
{
	if (q && strstr(q, part))
		return 1;
	fprintf(stderr, "  missing: %s\n", part);
	return 0;
}

void test_sql_query_unrun_dialects(void)
{
	char *spark = query("spark", "Acme \\ Co", GRAN_QUARTER);
	char *trino = query("trino", "Acme's", GRAN_MONTH);
	char *bq = query("bigquery", "Acme", GRAN_QUARTER);
	char *snow = query("snowflake", "a\\b", GRAN_YEAR);

	/* the next contact of a customer, by time then the order column,
	 * within 3 days = 259200 s */
	CHECK(has(spark, "LEAD(cx_t) OVER (PARTITION BY cx_cust ORDER BY cx_t, cx_ord) - cx_t "
		  "<= 259200"));
	CHECK(has(spark, "FROM `cx`.`contacts`"));
	CHECK(has(spark, "unix_timestamp(`started_at`) AS cx_t"));
	CHECK(has(spark, "`row_no` AS cx_ord"));
	CHECK(has(spark, "30 AS cx_sl"));
	CHECK(has(spark, "'Acme \\\\ Co' AS company"));
	CHECK(has(spark, "concat(CAST(year(`started_at`) AS STRING), '-Q', "
		  "CAST(quarter(`started_at`) AS STRING)) AS cx_period"));
	/* months: zero-padded */
	CHECK(has(trino, "'-', CASE WHEN month(\"started_at\") < 10 THEN '0' ELSE '' END, "
		  "CAST(month(\"started_at\") AS VARCHAR)"));
	CHECK(has(trino, "'Acme''s' AS company"));
	CHECK(has(trino, "FROM \"cx\".\"contacts\""));
	CHECK(has(bq, "CAST(100 * CAST(sl_ok AS FLOAT64) / sl_n AS FLOAT64) AS value, "
		  "CAST(sl_n AS INT64) AS n"));
	CHECK(has(bq, "UNIX_SECONDS(`started_at`)"));
	/* a year: the year alone */
	CHECK(has(snow, "CAST(YEAR(\"started_at\") AS VARCHAR) AS cx_period"));
	CHECK(has(snow, "'a\\\\b' AS company"));
	/* every dialect: the twelve metrics, the NPS shares, sorted */
	CHECK(has(snow, "'time_to_human_seconds' AS metric"));
	CHECK(has(snow, "100 * CAST(nps_pro AS DOUBLE) / nps_n AS promoters_pct"));
	CHECK(has(snow, "ORDER BY period, cx_k"));
	free(spark);
	free(trino);
	free(bq);
	free(snow);
}

void test_sql_query_refuses(void)
{
	struct sql_request r;
	char *q;

	memset(&r, 0, sizeof r);
	r.dialect = sql_dialect_find("bigquery");
	r.table = "ds.t`; DROP TABLE x; --";
	r.company = "Acme";
	r.sl_seconds = 20;
	r.repeat_seconds = 604800;
	quiet_begin();
	q = sql_query_new(&r);
	quiet_end();
	CHECK(q == NULL);
	r.table = "ds.t";
	r.company = "bad\ncompany";
	quiet_begin();
	q = sql_query_new(&r);
	quiet_end();
	CHECK(q == NULL);
}
