/* out_agg_table: the metrics document as a table (out_agg_table.h).  It
 * reads the document, not the engine's sums, so that the table and the
 * file can never say different things. */
#include "out/out_agg_table.h"
#include "base/msg.h"
#include "base/textfmt.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define FR_MIN_N 30 /* DESIGN.md's: fewer answers are not compared */

/* A member's number, NAN when missing or null. */
static double num(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
	return cJSON_IsNumber(v) ? v->valuedouble : NAN;
}

static const char *str(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static const cJSON *get(const cJSON *o, const char *key)
{
	return cJSON_GetObjectItemCaseSensitive(o, key);
}

static void put_num(FILE *f, double v, int decimals, size_t width)
{
	char buf[32];
	put_padded(f, fmt_num(buf, v, decimals), width, 1);
}

static void metrics(FILE *f, const cJSON *period)
{
	const cJSON *m;
	size_t w = 6;

	cJSON_ArrayForEach(m, get(period, "metrics"))
		if (text_width(m->string) > w)
			w = text_width(m->string);
	fputs("  ", f);
	put_padded(f, "metric", w, -1);
	fputs("      value          n\n", f);
	cJSON_ArrayForEach(m, get(period, "metrics")) {
		fputs("  ", f);
		put_padded(f, m->string, w, -1);
		put_num(f, num(m, "value"), 1, 11);
		put_num(f, num(m, "n"), 0, 11);
		fputc('\n', f);
	}
}

/* Factors by CSAT points lost, largest first; a factor without them last,
 * in the file's order (qsort is not stable: the index breaks ties). */
struct ranked {
	const cJSON *factor;
	double lost;
	size_t at;
};

static int by_lost(const void *pa, const void *pb)
{
	const struct ranked *a = pa, *b = pb;
	int na = isnan(a->lost), nb = isnan(b->lost);

	if (na != nb)
		return na - nb;
	if (!na && a->lost != b->lost)
		return a->lost < b->lost ? 1 : -1;
	return a->at < b->at ? -1 : a->at > b->at;
}

static void factors(FILE *f, const cJSON *all)
{
	struct ranked r[16];
	const cJSON *x;
	size_t n = 0, i, w = 6;

	cJSON_ArrayForEach(x, all) {
		if (n == sizeof r / sizeof *r)
			break;
		r[n].factor = x;
		r[n].lost = num(get(x, "points_lost"), "csat_pct");
		r[n].at = n;
		if (text_width(x->string) > w)
			w = text_width(x->string);
		n++;
	}
	if (!n) {
		fputs("  none of the factors is in the data\n", f);
		return;
	}
	qsort(r, n, sizeof *r, by_lost);
	fputs("  points lost: how much higher CSAT (NPS) would be had every level\n"
	      "  fared as its factor's best (levels with 30+ answers), largest first\n  ", f);
	put_padded(f, "factor", w, -1);
	fputs("  best level       CSAT pts lost  NPS pts lost\n", f);
	for (i = 0; i < n; i++) {
		const char *best = str(r[i].factor, "best");
		fputs("  ", f);
		put_padded(f, r[i].factor->string, w, -1);
		fputs("  ", f);
		put_padded(f, best ? best : "(too few answers)", 17, -1);
		put_num(f, r[i].lost, 1, 13);
		put_num(f, num(get(r[i].factor, "points_lost"), "nps"), 1, 14);
		fputc('\n', f);
	}
}

/* CSAT at each wait level with its n and interval; under 30 answers
 * said so. */
static void wait_levels(FILE *f, const cJSON *wait)
{
	const cJSON *l;
	char lo[32], hi[32];
	double slope = num(wait, "csat_per_minute");

	if (!wait)
		return;
	fputs("  CSAT by wait   contacts   CSAT %   answers  95 % interval\n", f);
	cJSON_ArrayForEach(l, get(wait, "levels")) {
		const cJSON *c = get(l, "csat_pct");
		double n = num(c, "n");
		fputs("    ", f);
		put_padded(f, str(l, "level") ? str(l, "level") : "?", 11, -1);
		put_num(f, num(l, "contacts"), 0, 10);
		put_num(f, num(c, "value"), 1, 9);
		put_num(f, n, 0, 10);
		if (!(n >= FR_MIN_N))
			fputs("  too few answers", f);
		else
			fprintf(f, "  %s to %s", fmt_num(lo, num(c, "low"), 1),
				fmt_num(hi, num(c, "high"), 1));
		fputc('\n', f);
	}
	if (!isnan(slope))
		fprintf(f, "  each further minute of waiting goes with %s points of CSAT\n",
			fmt_signed(lo, slope, 1));
}

static void time_tax(FILE *f, const cJSON *tax)
{
	char h[32], per[32], front[32];
	double at = num(tax, "at_frontier_per_1000");

	if (!tax || isnan(num(tax, "hours")))
		return;
	fmt_num(h, num(tax, "hours"), 1);
	fmt_num(per, num(tax, "per_1000_contacts"), 1);
	fprintf(f, "  time tax: %s customer-hours waiting, on hold and on repeat contacts,\n"
		"  %s per 1,000 contacts", h, per);
	if (!isnan(at))
		fprintf(f, " (%s at the frontier's values)", fmt_num(front, at, 1));
	fputs("\n", f);
}

/* With --by-channel: each channel's CSAT points lost per factor, the
 * factors in the period's order, one row a channel with a block. */
static void channels(FILE *f, const cJSON *period)
{
	const cJSON *ch, *x, *all = get(get(period, "friction"), "factors");
	char buf[32];
	size_t w = 7;

	cJSON_ArrayForEach(ch, get(period, "channels"))
		if (get(ch, "friction") && text_width(ch->string) > w)
			w = text_width(ch->string);
	if (!all || !get(period, "channels"))
		return;
	fputs("  CSAT points lost by channel (- too few answers at the best level)\n    ", f);
	put_padded(f, "channel", w, -1);
	fputs("  linked", f);
	cJSON_ArrayForEach(x, all)
		fprintf(f, "  %s", x->string);
	fputc('\n', f);
	cJSON_ArrayForEach(ch, get(period, "channels")) {
		const cJSON *fr = get(ch, "friction"), *linked = get(fr, "linked");
		if (!fr)
			continue;
		fputs("    ", f);
		put_padded(f, ch->string, w, -1);
		put_num(f, num(linked, "by_contact_id") + num(linked, "by_customer"), 0, 8);
		cJSON_ArrayForEach(x, all) {
			double lost = num(get(get(get(fr, "factors"), x->string), "points_lost"),
					  "csat_pct");
			fputs("  ", f);
			put_padded(f, isnan(lost) ? "-" : fmt_num(buf, lost, 1),
				   text_width(x->string), 1);
		}
		fputc('\n', f);
	}
}

static void friction(FILE *f, const cJSON *period)
{
	const cJSON *fr = get(period, "friction"), *linked = get(fr, "linked");
	char a[32], b[32], c[32], d[32];

	fprintf(f, "\nFriction: %s answers linked (%s by contact id, %s by customer), "
		"%s not linked\n", fmt_num(a, num(linked, "by_contact_id") +
					   num(linked, "by_customer"), 0),
		fmt_num(b, num(linked, "by_contact_id"), 0),
		fmt_num(c, num(linked, "by_customer"), 0),
		fmt_num(d, num(linked, "unlinked"), 0));
	factors(f, get(fr, "factors"));
	wait_levels(f, get(get(fr, "factors"), "wait"));
	time_tax(f, get(fr, "time_tax"));
	channels(f, period);
	fputs("  associations in this data, not proof of cause\n", f);
}

int agg_table_write(FILE *f, const cJSON *doc)
{
	const cJSON *p, *figures;
	const char *company = str(doc, "company");
	char buf[32];
	int first = 1;

	cJSON_ArrayForEach(p, get(doc, "periods")) {
		figures = get(p, "figures");
		fprintf(f, "%s%s, %s: %s contacts\n", first ? "" : "\n",
			company ? company : "?", str(p, "period") ? str(p, "period") : "?",
			fmt_num(buf, num(figures, "contacts"), 0));
		first = 0;
		metrics(f, p);
		if (get(p, "friction"))
			friction(f, p);
	}
	if (first)
		fprintf(f, "%s: no periods\n", company ? company : "?");
	if (fflush(f) != 0 || ferror(f)) {
		msg_error("aggregate: writing the table failed");
		return CX_EIO;
	}
	return CX_OK;
}
