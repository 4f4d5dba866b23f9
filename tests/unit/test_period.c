/* period.c: parsing, formatting, order and index arithmetic. */
#include "check.h"
#include "core/period.h"
#include <string.h>

static int parses(const char *text)
{
	struct period p;
	return period_parse(text, &p) == 0;
}

static const char *canon(const char *text, char *buf)
{
	struct period p;
	if (period_parse(text, &p) < 0)
		return "(invalid)";
	period_format(p, buf);
	return buf;
}

void test_period_parse(void)
{
	struct period p;
	char buf[16];

	CHECK_INT(period_parse("2026-Q3", &p), 0);
	CHECK_INT(p.gran, GRAN_QUARTER);
	CHECK_INT(p.year, 2026);
	CHECK_INT(p.sub, 3);
	CHECK_INT(period_parse("2026-07", &p), 0);
	CHECK_INT(p.gran, GRAN_MONTH);
	CHECK_INT(p.sub, 7);
	CHECK_INT(period_parse("2026", &p), 0);
	CHECK_INT(p.gran, GRAN_YEAR);
	CHECK_INT(p.sub, 0);
	CHECK(parses("2026-Q1") && parses("2026-Q4"));
	CHECK(parses("2026-01") && parses("2026-12"));

	CHECK_STR(canon("2026-Q3", buf), "2026-Q3");
	CHECK_STR(canon("2026-q3", buf), "2026-Q3"); /* lower-case q is read */
	CHECK_STR(canon("2026-03", buf), "2026-03");
	CHECK_STR(canon("2026", buf), "2026");

	/* invalid forms */
	CHECK(!parses("2026-Q5"));  /* quarter 5 */
	CHECK(!parses("2026-Q0"));
	CHECK(!parses("2026-13"));  /* month 13 */
	CHECK(!parses("2026-00"));  /* month 0 */
	CHECK(!parses("26-Q1"));    /* two-digit year */
	CHECK(!parses("2026-Q1x")); /* trailing text */
	CHECK(!parses("2026-Q"));
	CHECK(!parses("2026-3"));   /* one-digit month */
	CHECK(!parses("2026-003"));
	CHECK(!parses("2026/03"));
	CHECK(!parses("2026-M3"));
	CHECK(!parses("2026-1a"));
	CHECK(!parses("2026 "));
	CHECK(!parses(" 2026"));
	CHECK(!parses("20x6"));
	CHECK(!parses(""));
	CHECK(!parses("202"));
	CHECK(!parses("1899"));     /* outside 1900-2999 */
	CHECK(parses("1900") && parses("2999"));
}

void test_period_order(void)
{
	struct period a, b, c, y, m;
	char buf[16];

	period_parse("2025-Q4", &a);
	period_parse("2026-Q1", &b);
	period_parse("2026-Q3", &c);
	/* index: year*4 + quarter-1 */
	CHECK_INT(period_index(a), 8103);  /* 2025*4 + 3 */
	CHECK_INT(period_index(b), 8104);  /* 2026*4 + 0: next after 2025-Q4 */
	CHECK_INT(period_index(c) - period_index(a), 3); /* Q4 -> Q1, Q2, Q3 */
	CHECK(period_cmp(a, b) < 0);
	CHECK(period_cmp(b, a) > 0);
	CHECK(period_cmp(b, b) == 0);
	CHECK(period_cmp(b, c) < 0);

	period_parse("2026-03", &m);
	CHECK_INT(period_index(m), 24314); /* 2026*12 + 2 */
	period_parse("2025", &y);
	CHECK_INT(period_index(y), 2025);

	/* from index and back */
	period_format(period_from_index(GRAN_QUARTER, 8104), buf);
	CHECK_STR(buf, "2026-Q1");
	period_format(period_from_index(GRAN_QUARTER, 8104 + 5), buf);
	CHECK_STR(buf, "2027-Q2");  /* 8109 = 2027*4 + 1 */
	period_format(period_from_index(GRAN_MONTH, 24314 + 10), buf);
	CHECK_STR(buf, "2027-01");  /* 24324 = 2027*12 + 0 */
	period_format(period_from_index(GRAN_YEAR, 2030), buf);
	CHECK_STR(buf, "2030");
	period_parse("2026-12", &m);
	period_format(period_from_index(GRAN_MONTH, period_index(m) + 1), buf);
	CHECK_STR(buf, "2027-01");

	CHECK_STR(granularity_name(GRAN_QUARTER), "quarter");
	CHECK_STR(granularity_name(GRAN_MONTH), "month");
	CHECK_STR(granularity_name(GRAN_YEAR), "year");
}

/* The period a date falls in: a template's default is today's quarter. */
void test_period_of_month(void)
{
	char buf[16];
	static const int quarter_of[13] = { 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4 };
	int month;

	for (month = 1; month <= 12; month++) {
		struct period q = period_of_month(GRAN_QUARTER, 2026, month);
		CHECK_INT(q.gran, GRAN_QUARTER);
		CHECK_INT(q.year, 2026);
		CHECK_INT(q.sub, quarter_of[month]);
	}
	period_format(period_of_month(GRAN_QUARTER, 2026, 12), buf);
	CHECK_STR(buf, "2026-Q4");
	period_format(period_of_month(GRAN_QUARTER, 2027, 1), buf);
	CHECK_STR(buf, "2027-Q1");
	period_format(period_of_month(GRAN_MONTH, 2026, 3), buf);
	CHECK_STR(buf, "2026-03");
	period_format(period_of_month(GRAN_YEAR, 2026, 9), buf);
	CHECK_STR(buf, "2026");
}
