/* gen-contacts: writes N synthetic contact records with the columns of
 * DESIGN.md's "Raw data", deterministically (the same N gives the same
 * file): times spread over 2025-2026 in no order, about one customer per
 * three contacts, some empty cells.
 *
 * With --export, the same records (same seed, same values) shaped like a
 * call-centre export, as tests/perf/export-profile.json reads them: other
 * column names, the start split into DATE (dd/mm/yyyy) and TIME (H:MM:SS,
 * no leading zero on the hour), durations as h:mm:ss, abandoned written
 * as ANSWERED Y/N (inverted) and the other flags as Y/N.
 *
 * With --surveys, survey answers about the same records instead: one for
 * every fifth contact (N / 5 answers), answered later the same day, with
 * the contact's customer_id and, for seven in ten, its contact_id (the
 * others are linked by customer and time), a csat and an nps.
 *
 * Usage: gen-contacts N [--export | --surveys] > FILE.csv */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* One record; a number of -1 is an empty cell. */
struct rec {
	unsigned long customer;
	unsigned channel, year, month, day, secs;
	long wait, handle, hold, human_wait, csat, nps, ces;
	unsigned transfers;
	int abandoned, resolved, proactive, ai, escalated;
};

/* value, or -1 (empty) for about empty_pct in 100 */
static long opt(unsigned value, unsigned empty_pct)
{
	return pick(100) >= empty_pct ? (long)value : -1;
}

/* The draws, one after another in a fixed order (the order the first
 * version's printf arguments were evaluated in, so its files are
 * unchanged). */
static void draw(struct rec *r, long n)
{
	/* 2025-01-01T00:00:00Z plus up to two years, as a calendar date */
	static const unsigned mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	unsigned day, m = 0;

	r->abandoned = pick(100) < 6;
	r->ai = pick(100) < 25;
	r->escalated = r->ai && pick(100) < 40;
	day = pick(730);
	r->secs = pick(86400);
	r->year = 2025;
	if (day >= 365) {
		r->year = 2026;
		day -= 365;
	}
	while (day >= mdays[m])
		day -= mdays[m++];
	r->month = m + 1;
	r->day = day + 1;
	r->channel = pick(4);
	r->customer = pick((unsigned)(n / 3 + 1));
	r->wait = opt(pick(300), 3);
	r->handle = opt(r->abandoned ? 0 : 60 + pick(900), 2);
	r->hold = opt(pick(100) < 70 ? 0 : pick(240), 10);
	r->proactive = pick(100) < 5;
	r->resolved = !r->abandoned && pick(100) < 72;
	r->transfers = pick(100) < 80 ? 0 : 1 + pick(2);
	r->human_wait = r->escalated ? opt(pick(200), 10) : -1;
	r->csat = opt(1 + pick(5), 80);
	r->nps = opt(pick(11), 85);
	r->ces = opt(1 + pick(7), 90);
}

static const char *const channels[] = { "phone", "chat", "email", "app" };

static void canonical(long i, const struct rec *r)
{
	const long nums[] = { r->wait, r->handle, r->hold };
	const long scores[] = { r->human_wait, r->csat, r->nps, r->ces };
	size_t k;

	printf("K%08ld,CU%07lu,%s,%u-%02u-%02uT%02u:%02u:%02uZ,", i, r->customer,
	       channels[r->channel], r->year, r->month, r->day, r->secs / 3600,
	       r->secs / 60 % 60, r->secs % 60);
	for (k = 0; k < 3; k++)
		if (nums[k] >= 0)
			printf("%ld,", nums[k]);
		else
			putchar(',');
	printf("%u,%d,%d,%d,%d,%d", r->transfers, r->abandoned, r->resolved, r->proactive,
	       r->ai, r->escalated);
	for (k = 0; k < 4; k++)
		if (scores[k] >= 0)
			printf(",%ld", scores[k]);
		else
			putchar(',');
	putchar('\n');
}

/* a duration as h:mm:ss, or nothing */
static void hms(long secs)
{
	putchar(',');
	if (secs >= 0)
		printf("%ld:%02ld:%02ld", secs / 3600, secs / 60 % 60, secs % 60);
}

static void yes_no(int v)
{
	printf(",%c", v ? 'Y' : 'N');
}

static void export(long i, const struct rec *r)
{
	const long scores[] = { r->csat, r->nps, r->ces };
	size_t k;

	printf("K%08ld,CU%07lu,%s,%02u/%02u/%u,%u:%02u:%02u", i, r->customer,
	       channels[r->channel], r->day, r->month, r->year, r->secs / 3600,
	       r->secs / 60 % 60, r->secs % 60);
	hms(r->wait);
	hms(r->handle);
	hms(r->hold);
	printf(",%u", r->transfers);
	yes_no(!r->abandoned);
	yes_no(r->resolved);
	yes_no(r->proactive);
	yes_no(r->ai);
	yes_no(r->escalated);
	hms(r->human_wait);
	for (k = 0; k < 3; k++)
		if (scores[k] >= 0)
			printf(",%ld", scores[k]);
		else
			putchar(',');
	putchar('\n');
}

/* An answer about record i (every fifth), from a generator of its own so
 * the records' draws stay those of the other two shapes. */
static void survey(long i, const struct rec *r)
{
	static uint64_t s2 = 0x9E3779B97F4A7C15ULL;
	unsigned later, u;

	if (i % 5)
		return;
	s2 ^= s2 << 13;
	s2 ^= s2 >> 7;
	s2 ^= s2 << 17;
	u = (unsigned)(s2 >> 20);
	later = r->secs + u % (86400 - r->secs);
	if (u % 10 < 7)
		printf("K%08ld", i);
	printf(",CU%07lu,%u-%02u-%02uT%02u:%02u:%02uZ,%u,%u\n", r->customer, r->year,
	       r->month, r->day, later / 3600, later / 60 % 60, later % 60,
	       1 + (u >> 8) % 5, (u >> 12) % 11);
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? strtol(argv[1], NULL, 10) : 1000, i;
	int as_export = argc > 2 && strcmp(argv[2], "--export") == 0;
	int as_surveys = argc > 2 && strcmp(argv[2], "--surveys") == 0;
	struct rec r;

	if (argc > 3 || (argc > 2 && !as_export && !as_surveys)) {
		fputs("usage: gen-contacts N [--export | --surveys]\n", stderr);
		return 2;
	}
	if (as_surveys)
		puts("contact_id,customer_id,answered_at,csat,nps");
	else if (as_export)
		puts("CALL ID,CUSTOMER,CHANNEL,DATE,TIME,QUEUE WAIT,TALK TIME,HOLD TIME,"
		     "TRANSFERS,ANSWERED,RESOLVED,PROACTIVE,BOT HANDLED,ESCALATED,"
		     "AGENT WAIT,CSAT,NPS,CES");
	else
		puts("contact_id,customer_id,channel,started_at,wait_seconds,handle_seconds,"
		     "hold_seconds,transfers,abandoned,resolved,proactive,ai_handled,"
		     "escalated,human_wait_seconds,csat,nps,ces");
	for (i = 1; i <= n; i++) {
		draw(&r, n);
		if (as_surveys)
			survey(i, &r);
		else if (as_export)
			export(i, &r);
		else
			canonical(i, &r);
	}
	return fflush(stdout) != 0;
}
