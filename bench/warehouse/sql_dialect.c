/* sql_dialect: the one table of what differs between the engines the
 * query is written for.  Everything else in the query is SQL they all
 * read alike. */
#include "warehouse/sql_parts.h"
#include <stdio.h>
#include <string.h>

#define STANDARD_DATE_PARTS \
	"CAST(EXTRACT(YEAR FROM %s) AS INTEGER)", \
	"CAST(EXTRACT(QUARTER FROM %s) AS INTEGER)", \
	"CAST(EXTRACT(MONTH FROM %s) AS INTEGER)"

static const struct sql_dialect dialects[] = {
	{ "clickhouse", '`', 1, "Float64", "String", "toInt64(toUInt32(%s))",
	  "toYear(%s)", "toQuarter(%s)", "toMonth(%s)", 1,
	  "replaceRegexpAll(%s, '^[ \\t]+|[ \\t]+$', '')", "UInt64",
	  "CAST(%s AS Nullable(Float64))", "CAST(%s AS Nullable(String))",
	  "toFloat64OrNull(toString(%s))" },
	{ "postgres", '"', 0, "DOUBLE PRECISION", "TEXT", "FLOOR(EXTRACT(EPOCH FROM %s))",
	  STANDARD_DATE_PARTS, 0, "trim(%s)", "BIGINT",
	  "CAST(%s AS DOUBLE PRECISION)", "CAST(%s AS TEXT)", "CAST(%s AS DOUBLE PRECISION)" },
	{ "duckdb", '"', 0, "DOUBLE", "VARCHAR", "FLOOR(epoch(%s))",
	  "year(%s)", "quarter(%s)", "month(%s)", 0, "trim(%s)", "BIGINT",
	  "CAST(%s AS DOUBLE)", "CAST(%s AS VARCHAR)", "CAST(%s AS DOUBLE)" },
	{ "spark", '`', 1, "DOUBLE", "STRING", "unix_timestamp(%s)",
	  "year(%s)", "quarter(%s)", "month(%s)", 0, "trim(%s)", "BIGINT",
	  "CAST(%s AS DOUBLE)", "CAST(%s AS STRING)", "CAST(%s AS DOUBLE)" },
	{ "trino", '"', 0, "DOUBLE", "VARCHAR", "FLOOR(to_unixtime(%s))",
	  "year(%s)", "quarter(%s)", "month(%s)", 0, "trim(%s)", "BIGINT",
	  "CAST(%s AS DOUBLE)", "CAST(%s AS VARCHAR)", "CAST(%s AS DOUBLE)" },
	{ "bigquery", '`', 1, "FLOAT64", "STRING", "UNIX_SECONDS(%s)",
	  STANDARD_DATE_PARTS, 0, "trim(%s)", "INT64",
	  "CAST(%s AS FLOAT64)", "CAST(%s AS STRING)", "CAST(%s AS FLOAT64)" },
	{ "snowflake", '"', 1, "DOUBLE", "VARCHAR", "DATE_PART(EPOCH_SECOND, %s)",
	  "YEAR(%s)", "QUARTER(%s)", "MONTH(%s)", 0, "trim(%s)", "BIGINT",
	  "CAST(%s AS DOUBLE)", "CAST(%s AS VARCHAR)", "CAST(%s AS DOUBLE)" },
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
	static char names[256];
	size_t i;

	if (!names[0])
		for (i = 0; i < sizeof dialects / sizeof *dialects; i++)
			snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s",
				 i ? ", " : "", dialects[i].name);
	return names;
}
