/* sql_dialect: the one table of what differs between the engines the
 * query is written for.  Everything else in the query is SQL they all
 * read alike. */
#include "warehouse/sql_parts.h"
#include <string.h>

#define STANDARD_DATE_PARTS \
	"CAST(EXTRACT(YEAR FROM %s) AS INTEGER)", \
	"CAST(EXTRACT(QUARTER FROM %s) AS INTEGER)", \
	"CAST(EXTRACT(MONTH FROM %s) AS INTEGER)"

static const struct sql_dialect dialects[] = {
	{ "clickhouse", '`', 1, "Float64", "String", "toInt64(toUInt32(%s))",
	  "toYear(%s)", "toQuarter(%s)", "toMonth(%s)", 1,
	  "replaceRegexpAll(%s, '^[ \\t]+|[ \\t]+$', '')", "UInt64", "Nullable(Float64)",
	  "Nullable(String)", "toFloat64OrNull(toString(%s))" },
	{ "postgres", '"', 0, "DOUBLE PRECISION", "TEXT", "FLOOR(EXTRACT(EPOCH FROM %s))",
	  STANDARD_DATE_PARTS, 0, "trim(%s)", "BIGINT", NULL, NULL, NULL },
	{ "duckdb", '"', 0, "DOUBLE", "VARCHAR", "FLOOR(epoch(%s))",
	  "year(%s)", "quarter(%s)", "month(%s)", 0, "trim(%s)", "BIGINT", NULL, NULL, NULL },
	{ "spark", '`', 1, "DOUBLE", "STRING", "unix_timestamp(%s)",
	  "year(%s)", "quarter(%s)", "month(%s)", 0, "trim(%s)", "BIGINT", NULL, NULL, NULL },
	{ "trino", '"', 0, "DOUBLE", "VARCHAR", "FLOOR(to_unixtime(%s))",
	  "year(%s)", "quarter(%s)", "month(%s)", 0, "trim(%s)", "BIGINT", NULL, NULL, NULL },
	{ "bigquery", '`', 1, "FLOAT64", "STRING", "UNIX_SECONDS(%s)",
	  STANDARD_DATE_PARTS, 0, "trim(%s)", "INT64", NULL, NULL, NULL },
	{ "snowflake", '"', 1, "DOUBLE", "VARCHAR", "DATE_PART(EPOCH_SECOND, %s)",
	  "YEAR(%s)", "QUARTER(%s)", "MONTH(%s)", 0, "trim(%s)", "BIGINT", NULL, NULL, NULL },
};

const struct sql_dialect *sql_dialect_find(const char *name)
{
	size_t i;
	for (i = 0; i < sizeof dialects / sizeof *dialects; i++)
		if (strcmp(dialects[i].name, name) == 0)
			return &dialects[i];
	return NULL;
}

const char *sql_dialect_names(void)
{
	return "clickhouse, postgres, duckdb, spark, trino, bigquery, snowflake";
}
