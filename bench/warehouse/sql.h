/* sql: `aggregate --emit-sql`: one query that computes the metrics of
 * DESIGN.md's "Raw data" table inside a warehouse, over a table of contact
 * records, and returns them in the company CSV form
 * (company,period,metric,value,n,promoters_pct,detractors_pct).  The
 * definitions are aggregate's own; the dialects differ only where their
 * table (sql_dialect.c) says.  Everything a user gave (table, columns,
 * company, value maps) reaches the query quoted, or is refused. */
#ifndef CX_SQL_H
#define CX_SQL_H
#include "core/period.h"
#include "imports/import.h"
#include <stdint.h>
#include <stdio.h>

struct sql_dialect;

/* The dialect called `name`, or NULL. */
const struct sql_dialect *sql_dialect_find(const char *name);
/* The dialects' names, comma-separated (for messages and help). */
const char *sql_dialect_names(void);

/* --map COL=FIELD: over the profile's column for FIELD. */
struct sql_rename {
	const char *column, *field;
};

struct sql_request {
	const struct sql_dialect *dialect;
	const char *table;                  /* NAME, or parts joined by '.' */
	const char *company;
	const char *order_by;               /* the column that orders equal times; NULL: contact_id's */
	const struct import_profile *profile; /* NULL: the canonical column names */
	const struct sql_rename *renames;
	size_t nrenames;
	enum granularity gran;
	struct period period;               /* with has_period: only this one */
	int has_period;
	double sl_seconds;
	int64_t repeat_seconds;
	int sharded_by_customer;            /* ClickHouse: each shard groups its own customers */
};

/* The query, NUL-terminated, owned by the caller (free()); or NULL after
 * one message naming what cannot be quoted or is not supported. */
char *sql_query_new(const struct sql_request *r);
#endif
