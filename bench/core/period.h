/* period: reporting periods "YYYY-Qn", "YYYY-MM" and "YYYY", their order
 * and arithmetic.  A period is a small value type; nothing to free. */
#ifndef CX_PERIOD_H
#define CX_PERIOD_H

enum granularity { GRAN_YEAR, GRAN_QUARTER, GRAN_MONTH };

struct period {
	enum granularity gran;
	int year;
	int sub; /* quarter 1-4, month 1-12, 0 for a year */
};

/* 0 on success; -1 when the text is not a period of one of the forms. */
int period_parse(const char *text, struct period *p);
/* Writes the canonical text ("2026-Q3") into buf (at least 16 bytes). */
void period_format(struct period p, char *buf);
/* Index on one line: periods of one granularity differ by their distance. */
long period_index(struct period p);
struct period period_from_index(enum granularity gran, long index);
/* The period of granularity gran that holds the month (1-12) of year. */
struct period period_of_month(enum granularity gran, int year, int month);
int period_cmp(struct period a, struct period b);
const char *granularity_name(enum granularity g);
#endif
