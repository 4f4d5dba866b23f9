/* gen-contacts: writes N synthetic contact records with the columns of
 * DESIGN.md's "Raw data", deterministically (the same N gives the same
 * file): times spread over 2025-2026 in no order, about one customer per
 * three contacts, some empty cells.  Usage: gen-contacts N > contacts.csv */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t state = 0x2545F4914F6CDD1DULL;

static uint32_t next(void)
{
	state ^= state << 13;
	state ^= state >> 7;
	state ^= state << 17;
	return (uint32_t)(state >> 16);
}

static unsigned pick(unsigned n)
{
	return next() % n;
}

static void date(char *buf, size_t size)
{
	/* 2025-01-01T00:00:00Z plus up to two years, as a calendar date */
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	unsigned day = pick(730), secs = pick(86400), y = 2025, m = 0;

	if (day >= 365) {
		y = 2026;
		day -= 365;
	}
	while (day >= (unsigned)mdays[m])
		day -= (unsigned)mdays[m++];
	snprintf(buf, size, "%u-%02u-%02uT%02u:%02u:%02uZ", y, m + 1, day + 1,
		 secs / 3600, secs / 60 % 60, secs % 60);
}

static void opt_num(unsigned value, unsigned empty_pct)
{
	if (pick(100) >= empty_pct)
		printf("%u", value);
}

int main(int argc, char **argv)
{
	static const char *const channels[] = { "phone", "chat", "email", "app" };
	long n = argc > 1 ? strtol(argv[1], NULL, 10) : 1000, i;
	char when[32];

	puts("contact_id,customer_id,channel,started_at,wait_seconds,handle_seconds,"
	     "hold_seconds,transfers,abandoned,resolved,proactive,ai_handled,"
	     "escalated,human_wait_seconds,csat,nps,ces");
	for (i = 1; i <= n; i++) {
		int abandoned = pick(100) < 6, ai = pick(100) < 25;
		int escalated = ai && pick(100) < 40;
		date(when, sizeof when);
		printf("K%08ld,CU%07lu,%s,%s,", i, (unsigned long)pick((unsigned)(n / 3 + 1)),
		       channels[pick(4)], when);
		opt_num(pick(300), 3);
		putchar(',');
		opt_num(abandoned ? 0 : 60 + pick(900), 2);
		putchar(',');
		opt_num(pick(100) < 70 ? 0 : pick(240), 10);
		printf(",%u,%d,%d,%d,%d,%d,", pick(100) < 80 ? 0 : 1 + pick(2), abandoned,
		       !abandoned && pick(100) < 72, pick(100) < 5, ai, escalated);
		if (escalated)
			opt_num(pick(200), 10);
		putchar(',');
		opt_num(1 + pick(5), 80);
		putchar(',');
		opt_num(pick(11), 85);
		putchar(',');
		opt_num(1 + pick(7), 90);
		putchar('\n');
	}
	return fflush(stdout) != 0;
}
