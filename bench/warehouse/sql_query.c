/* sql_query: the query.  Each row of the table becomes cx_ columns (the
 * fields, its period, its time in seconds); a contact is "followed" when
 * the same customer's next contact, by time and then the order column,
 * starts within the repeat window; the sums of DESIGN.md's "Raw data"
 * table are taken per period; each metric with a sample becomes one row
 * of the company CSV.  Engines with window functions find the next
 * contact with LEAD(); ClickHouse (whose 18.16 has none) sorts each
 * customer's contacts in an array, which also keeps the work of a
 * customer on the shard that holds it. */
#include "warehouse/sql_parts.h"
#include "base/mem.h"
#include "base/msg.h"
#include <stdlib.h>
#include <string.h>

/* The sums per period, over the cx_ columns. */
static const struct {
	const char *name, *expr;
	int repeat; /* needs cx_fol: ClickHouse takes these from the arrays */
} sums[] = {
	{ "offered", "COUNT(*)", 0 },
	{ "abandoned", "SUM(cx_ab)", 0 },
	{ "answered", "SUM(1 - cx_ab)", 0 },
	{ "sl_n", "COUNT(cx_wait)", 0 },
	{ "sl_ok", "SUM(CASE WHEN cx_ab = 0 AND cx_wait <= cx_sl THEN 1 ELSE 0 END)", 0 },
	{ "wait_n", "SUM(CASE WHEN cx_ab = 0 AND cx_wait IS NOT NULL THEN 1 ELSE 0 END)", 0 },
	{ "wait_sum", "SUM(CASE WHEN cx_ab = 0 THEN cx_wait END)", 0 },
	{ "hold_n", "SUM(CASE WHEN cx_ab = 0 AND cx_hold IS NOT NULL THEN 1 ELSE 0 END)", 0 },
	{ "hold_sum", "SUM(CASE WHEN cx_ab = 0 THEN cx_hold END)", 0 },
	{ "tr_n", "SUM(CASE WHEN cx_ab = 0 AND cx_tr IS NOT NULL THEN 1 ELSE 0 END)", 0 },
	{ "tr_sum", "SUM(CASE WHEN cx_ab = 0 THEN cx_tr END)", 0 },
	{ "human_n", "SUM(CASE WHEN cx_esc = 1 AND cx_hw IS NOT NULL THEN 1 ELSE 0 END)", 0 },
	{ "human_sum", "SUM(CASE WHEN cx_esc = 1 THEN cx_hw END)", 0 },
	{ "ai_n", "SUM(CASE WHEN cx_ab = 0 AND cx_ai = 1 THEN 1 ELSE 0 END)", 0 },
	{ "csat_n", "COUNT(cx_csat)", 0 },
	{ "csat_ok", "SUM(CASE WHEN cx_csat >= 4 THEN 1 ELSE 0 END)", 0 },
	{ "nps_n", "COUNT(cx_nps)", 0 },
	{ "nps_pro", "SUM(CASE WHEN cx_nps >= 9 THEN 1 ELSE 0 END)", 0 },
	{ "nps_det", "SUM(CASE WHEN cx_nps <= 6 THEN 1 ELSE 0 END)", 0 },
	{ "ces_n", "COUNT(cx_ces)", 0 },
	{ "ces_sum", "SUM(cx_ces)", 0 },
	{ "followed", "SUM(cx_fol)", 1 },
	{ "fcr_ok", "SUM(CASE WHEN cx_ab = 0 AND cx_res = 1 AND cx_fol = 0 THEN 1 ELSE 0 END)", 1 },
	{ "ai_ok", "SUM(CASE WHEN cx_ab = 0 AND cx_ai = 1 AND cx_res = 1 AND cx_esc = 0 "
	  "AND cx_fol = 0 THEN 1 ELSE 0 END)", 1 },
};
#define NSUMS (sizeof sums / sizeof *sums)

/* The metrics, in aggregate's order; %D is the double type. */
enum { NEEDS_CUSTOMER = 1, NEEDS_ABANDONED = 2, NEEDS_RESOLVED = 4 };
static const struct {
	const char *id, *value, *n;
	unsigned needs;
} metrics[] = {
	{ "asa_seconds", "wait_sum / wait_n", "wait_n", 0 },
	{ "service_level_pct", "100 * CAST(sl_ok AS %D) / sl_n", "sl_n", 0 },
	{ "abandonment_pct", "100 * CAST(abandoned AS %D) / offered", "offered",
	  NEEDS_ABANDONED },
	{ "hold_seconds", "hold_sum / hold_n", "hold_n", 0 },
	{ "transfers_per_contact", "tr_sum / tr_n", "tr_n", 0 },
	{ "repeat_contact_pct", "100 * CAST(followed AS %D) / offered", "offered",
	  NEEDS_CUSTOMER },
	{ "fcr_pct", "100 * CAST(fcr_ok AS %D) / answered", "answered",
	  NEEDS_CUSTOMER | NEEDS_RESOLVED },
	{ "ai_resolution_pct", "100 * CAST(ai_ok AS %D) / ai_n", "ai_n", NEEDS_CUSTOMER },
	{ "csat_pct", "100 * CAST(csat_ok AS %D) / csat_n", "csat_n", 0 },
	{ "nps", "100 * (CAST(nps_pro AS %D) - CAST(nps_det AS %D)) / nps_n", "nps_n", 0 },
	{ "ces", "ces_sum / ces_n", "ces_n", 0 },
	{ "time_to_human_seconds", "human_sum / human_n", "human_n", 0 },
};
#define NMETRICS (sizeof metrics / sizeof *metrics)
#define NPS 9

/* `fmt` with each %D as the dialect's double type. */
static void put_typed(struct sql_text *t, const struct sql_dialect *d, const char *fmt)
{
	const char *at;
	while ((at = strstr(fmt, "%D")) != NULL) {
		char *head = xstrndup(fmt, (size_t)(at - fmt));
		sql_put(t, head);
		free(head);
		sql_put(t, d->dbl);
		fmt = at + 2;
	}
	sql_put(t, fmt);
}

struct build {
	const struct sql_request *r;
	const struct sql_dialect *d;
	struct sql_fields f;
	struct sql_text table, company;
	unsigned has; /* NEEDS_* the table can give */
	struct sql_text q;
};

/* The period's text of cx_start: "2026-Q1", "2026-03" or "2026". */
static void period_expr(struct build *b, const char *ts)
{
	struct sql_text y = { 0 }, s = { 0 };

	sql_apply(&y, b->d->year, ts);
	if (b->r->gran == GRAN_YEAR) {
		sql_putf(&b->q, "CAST(%s AS %s)", y.s, b->d->text);
	} else {
		sql_apply(&s, b->r->gran == GRAN_MONTH ? b->d->month : b->d->quarter, ts);
		sql_putf(&b->q, "concat(CAST(%s AS %s), ", y.s, b->d->text);
		if (b->r->gran == GRAN_MONTH)
			sql_putf(&b->q, "'-', CASE WHEN %s < 10 THEN '0' ELSE '' END, ", s.s);
		else
			sql_put(&b->q, "'-Q', ");
		sql_putf(&b->q, "CAST(%s AS %s))", s.s, b->d->text);
	}
	free(y.s);
	free(s.s);
}

/* The field, or what stands for it when the table has none. */
static const char *field(struct build *b, enum sql_field f, const char *none)
{
	return b->f.expr[f] ? b->f.expr[f] : none;
}

/* The cx_ columns of one row, as "expr AS cx_name" items. */
static void row_columns(struct build *b)
{
	struct sql_text nul = { 0 };
	static const struct { const char *as; enum sql_field f; int flag; } cols[] = {
		{ "cx_wait", SF_WAIT, 0 }, { "cx_hold", SF_HOLD, 0 },
		{ "cx_tr", SF_TRANSFERS, 0 }, { "cx_hw", SF_HUMAN_WAIT, 0 },
		{ "cx_csat", SF_CSAT, 0 }, { "cx_nps", SF_NPS, 0 }, { "cx_ces", SF_CES, 0 },
		{ "cx_ab", SF_ABANDONED, 1 }, { "cx_res", SF_RESOLVED, 1 },
		{ "cx_ai", SF_AI, 1 }, { "cx_esc", SF_ESCALATED, 1 },
	};
	size_t i;

	sql_apply(&nul, b->d->num, "NULL");
	period_expr(b, b->f.expr[SF_STARTED]);
	sql_put(&b->q, " AS cx_period,\n    ");
	sql_apply(&b->q, b->d->epoch, b->f.expr[SF_STARTED]);
	sql_putf(&b->q, " AS cx_t,\n    %s AS cx_cust,\n    %s AS cx_ord",
		 field(b, SF_CUSTOMER, "NULL"), field(b, SF_ORDER, "0"));
	for (i = 0; i < sizeof cols / sizeof *cols; i++)
		sql_putf(&b->q, ",\n    %s AS %s", field(b, cols[i].f, cols[i].flag ? "0" : nul.s),
			 cols[i].as);
	sql_putf(&b->q, ",\n    %.17g AS cx_sl", b->r->sl_seconds);
	free(nul.s);
}

static void where(struct build *b)
{
	sql_putf(&b->q, "\n  WHERE %s IS NOT NULL", b->f.expr[SF_STARTED]);
	if (b->f.where)
		sql_putf(&b->q, " AND %s", b->f.where);
}

static void sums_list(struct build *b, int repeat, const char *suffix)
{
	size_t i;
	for (i = 0; i < NSUMS; i++)
		if (sums[i].repeat == repeat)
			sql_putf(&b->q, ",\n    %s AS %s%s", sums[i].expr, sums[i].name, suffix);
}

/* --period P: only its rows (the other periods' contacts still count as
 * the next contact of one in P). */
static void period_filter(struct build *b, const char *joiner)
{
	char p[16];

	if (!b->r->has_period)
		return;
	period_format(b->r->period, p);
	sql_putf(&b->q, "%s period = '%s'", joiner, p);
}

/* ---- engines with window functions ---- */

static void standard(struct build *b)
{
	size_t i;
	int first = 1;

	sql_put(&b->q, "WITH cx_rows AS (\n  SELECT\n    ");
	row_columns(b);
	sql_put(&b->q, "\n  FROM ");
	sql_put(&b->q, b->table.s);
	where(b);
	sql_put(&b->q, "\n), cx_marked AS (\n  SELECT cx_rows.*,\n    ");
	if (b->has & NEEDS_CUSTOMER)
		sql_putf(&b->q, "CASE WHEN cx_cust IS NOT NULL AND LEAD(cx_t) OVER (PARTITION BY "
			 "cx_cust ORDER BY cx_t, cx_ord) - cx_t <= %lld THEN 1 ELSE 0 END AS cx_fol",
			 (long long)b->r->repeat_seconds);
	else
		sql_put(&b->q, "0 AS cx_fol");
	sql_put(&b->q, "\n  FROM cx_rows\n), cx_sums AS (\n  SELECT cx_period");
	sums_list(b, 0, "");
	sums_list(b, 1, "");
	sql_put(&b->q, "\n  FROM cx_marked\n  GROUP BY cx_period\n)\n");
	sql_put(&b->q, "SELECT company, period, metric, value, n, promoters_pct, detractors_pct\n"
		"FROM (\n");
	for (i = 0; i < NMETRICS; i++) {
		if ((metrics[i].needs & b->has) != metrics[i].needs)
			continue;
		sql_putf(&b->q, "  %sSELECT %s AS company, %u AS cx_k, cx_period AS period, '%s' AS "
			 "metric,\n    CAST(", first ? "" : "UNION ALL\n  ", b->company.s,
			 (unsigned)i, metrics[i].id);
		put_typed(&b->q, b->d, metrics[i].value);
		sql_putf(&b->q, " AS %s) AS value, CAST(%s AS %s) AS n,\n    ", b->d->dbl,
			 metrics[i].n, b->d->big);
		if (i == NPS)
			put_typed(&b->q, b->d, "100 * CAST(nps_pro AS %D) / nps_n AS promoters_pct, "
				  "100 * CAST(nps_det AS %D) / nps_n AS detractors_pct");
		else
			put_typed(&b->q, b->d, "CAST(NULL AS %D) AS promoters_pct, "
				  "CAST(NULL AS %D) AS detractors_pct");
		sql_putf(&b->q, "\n  FROM cx_sums WHERE %s > 0\n", metrics[i].n);
		first = 0;
	}
	sql_put(&b->q, ") cx_metrics\n");
	period_filter(b, "WHERE");
	sql_put(&b->q, "\nORDER BY period, cx_k\n");
}

/* ---- ClickHouse: arrays ---- */

static void clickhouse(struct build *b)
{
	size_t i;
	int first = 1;

	/* per period, all but the repeats, each shard its own rows */
	sql_putf(&b->q, "SELECT %s AS company, cx_period AS period, cx_m.2 AS metric, "
		 "cx_m.3 AS value,\n  cx_m.4 AS n, cx_m.5 AS promoters_pct, cx_m.6 AS "
		 "detractors_pct\nFROM (\nSELECT cx_period", b->company.s);
	for (i = 0; i < NSUMS; i++)
		if (!sums[i].repeat)
			sql_putf(&b->q, ", %s", sums[i].name);
	sql_put(&b->q, ", fcr_ok0 + fcr_ok1 AS fcr_ok, ai_ok0 + ai_ok1 AS ai_ok, followed\nFROM (\n"
		"  SELECT cx_period");
	for (i = 0; i < NSUMS; i++)
		if (!sums[i].repeat)
			sql_putf(&b->q, ", sum(%s_s) AS %s", sums[i].name, sums[i].name);
	sql_put(&b->q, ", sum(fcr_ok0_s) AS fcr_ok0, sum(ai_ok0_s) AS ai_ok0\n  FROM (\n"
		"  WITH\n    ");
	row_columns(b);
	sql_put(&b->q, ",\n    0 AS cx_fol\n  SELECT cx_period");
	sums_list(b, 0, "_s");
	/* a contact without a customer follows nothing and is followed by nothing */
	sql_put(&b->q, ",\n    SUM(CASE WHEN cx_cust IS NULL AND cx_ab = 0 AND cx_res = 1 THEN 1 "
		"ELSE 0 END) AS fcr_ok0_s,\n    SUM(CASE WHEN cx_cust IS NULL AND cx_ab = 0 AND "
		"cx_ai = 1 AND cx_res = 1 AND cx_esc = 0 THEN 1 ELSE 0 END) AS ai_ok0_s\n  FROM ");
	sql_put(&b->q, b->table.s);
	where(b);
	sql_put(&b->q, "\n  GROUP BY cx_period)\n  GROUP BY cx_period\n) ANY LEFT JOIN (\n");
	/* the repeats: each customer's contacts sorted by (time, order) */
	sql_put(&b->q, "  SELECT cx_e.1 AS cx_period, sum(cx_e.2) AS followed,\n"
		"    sum(cx_e.3 = 0 AND cx_e.4 = 1 AND cx_e.2 = 0) AS fcr_ok1,\n"
		"    sum(cx_e.3 = 0 AND cx_e.5 = 1 AND cx_e.4 = 1 AND cx_e.6 = 0 AND cx_e.2 = 0) "
		"AS ai_ok1\n  FROM (\n");
	sql_putf(&b->q, "    SELECT arrayJoin(arrayMap((cx_x, cx_next) -> (cx_x.3, "
		 "toUInt8(cx_next - cx_x.1 <= %lld), cx_x.4, cx_x.5, cx_x.6, cx_x.7),\n"
		 "      cx_a, arrayPushBack(arrayPopFront(arrayMap(cx_x -> cx_x.1, cx_a)), "
		 "toInt64(4000000000000000000)))) AS cx_e\n    FROM (\n      WITH\n    ",
		 (long long)b->r->repeat_seconds);
	row_columns(b);
	sql_put(&b->q, "\n      SELECT arraySort(groupArray((cx_t, cx_ord, cx_period, cx_ab, "
		"cx_res, cx_ai, cx_esc))) AS cx_a\n      FROM ");
	sql_put(&b->q, b->table.s);
	where(b);
	sql_put(&b->q, " AND cx_cust IS NOT NULL\n      GROUP BY assumeNotNull(cx_cust)))\n"
		"  GROUP BY cx_period\n) USING cx_period\n) ARRAY JOIN [\n");
	for (i = 0; i < NMETRICS; i++) {
		if ((metrics[i].needs & b->has) != metrics[i].needs)
			continue;
		sql_putf(&b->q, "  %s(%u, '%s', toFloat64(", first ? "" : ",", (unsigned)i,
			 metrics[i].id);
		put_typed(&b->q, b->d, metrics[i].value);
		sql_putf(&b->q, "), toUInt64(%s),\n    ", metrics[i].n);
		/* text: 18.16 writes a NULL as \N in CSV, which no CSV reader
		 * takes for an empty cell */
		if (i == NPS)
			sql_put(&b->q, "toString(100 * toFloat64(nps_pro) / nps_n), "
				"toString(100 * toFloat64(nps_det) / nps_n))\n");
		else
			sql_put(&b->q, "'', '')\n");
		first = 0;
	}
	sql_putf(&b->q, "] AS cx_m\nWHERE cx_m.4 > 0");
	period_filter(b, " AND");
	sql_put(&b->q, "\nORDER BY period, cx_m.1\n");
	if (b->r->sharded_by_customer)
		sql_put(&b->q, "SETTINGS distributed_group_by_no_merge = 1\n");
}

char *sql_query_new(const struct sql_request *r)
{
	struct build b;

	memset(&b, 0, sizeof b);
	b.r = r;
	b.d = r->dialect;
	if (sql_fields_build(r, &b.f) < 0)
		return NULL;
	if (!b.f.expr[SF_STARTED]) {
		msg_error("--emit-sql: no started_at column: the periods need the contacts' times");
		sql_fields_release(&b.f);
		return NULL;
	}
	if (sql_ident(&b.table, b.d, r->table, 1, "--table") < 0 ||
	    sql_literal(&b.company, b.d, r->company, "--company") < 0) {
		free(b.table.s);
		free(b.company.s);
		sql_fields_release(&b.f);
		return NULL;
	}
	b.has = (b.f.expr[SF_CUSTOMER] ? NEEDS_CUSTOMER : 0) |
		(b.f.expr[SF_ABANDONED] || !r->profile ? NEEDS_ABANDONED : 0) |
		(b.f.expr[SF_RESOLVED] || !r->profile ? NEEDS_RESOLVED : 0);
	if (b.d->arrays) {
		clickhouse(&b);
	} else {
		standard(&b);
	}
	free(b.table.s);
	free(b.company.s);
	sql_fields_release(&b.f);
	return b.q.s;
}
