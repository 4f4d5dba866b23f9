#include "out/out_table.h"
#include "core/stats.h"
#include "base/textfmt.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define RED "\033[31m"
#define GREEN "\033[32m"
#define BOLD "\033[1m"
#define RESET "\033[0m"

int use_color(FILE *f)
{
	const char *no = getenv("NO_COLOR");
	return isatty(fileno(f)) && !(no && *no);
}

static void heading(FILE *f, const char *title, int color)
{
	fprintf(f, "\n%s%s%s\n", color ? BOLD : "", title, color ? RESET : "");
}

/* Gap points right-aligned, red when behind and green when ahead. */
static void put_points(FILE *f, double pts, size_t width, int color)
{
	char buf[40];
	const char *on = !color || isnan(pts) || fabs(pts) < 0.05 ? "" :
		pts > 0 ? RED : GREEN;
	fputs(on, f);
	put_padded(f, fmt_signed(buf, pts, 1), width, 1);
	fputs(*on ? RESET : "", f);
}

/* Reference columns are headed by the profile id, cut to keep tables
 * within a terminal; the "against" line above gives the full ids. */
#define REF_COL 10

static size_t ref_width(const struct profile *p)
{
	size_t w = text_width(p->id);
	return w < 7 ? 7 : w > REF_COL ? REF_COL : w;
}

static void put_ref_id(FILE *f, const struct profile *p)
{
	char cut[REF_COL * 4 + 8];
	size_t i, chars = 0;

	if (text_width(p->id) <= REF_COL) {
		put_padded(f, p->id, ref_width(p), 1);
		return;
	}
	for (i = 0; p->id[i] && chars < REF_COL - 1; i++)
		chars += ((unsigned char)p->id[i] & 0xC0) != 0x80;
	while (((unsigned char)p->id[i] & 0xC0) == 0x80)
		i++;
	snprintf(cut, sizeof cut, "%.*s~", (int)i, p->id);
	put_padded(f, cut, REF_COL, 1);
}

static void overall_section(FILE *f, const struct gap_report *r, int color)
{
	char buf[32];
	size_t k, w = text_width(r->company->name);

	for (k = 0; k < r->nrefs; k++)
		if (text_width(r->refs[k]->brand) > w)
			w = text_width(r->refs[k]->brand);
	heading(f, "Overall index (0-100; gap in points, positive = behind)", color);
	fputs("  ", f);
	put_padded(f, r->company->name, w, -1);
	fprintf(f, "  %6s\n", fmt_num(buf, r->overall, 1));
	for (k = 0; k < r->nrefs; k++) {
		fputs("  ", f);
		put_padded(f, r->refs[k]->brand, w, -1);
		fprintf(f, "  %6s  ", fmt_num(buf, r->ref_overall[k], 1));
		put_points(f, r->ref_overall[k] - r->overall, 6, color);
		fputc('\n', f);
	}
}

static void ref_header(FILE *f, const struct gap_report *r, const char *first,
		       size_t w)
{
	size_t k;
	if (w)
		fputs("  ", f);
	put_padded(f, first, w, -1);
	for (k = 0; k < r->nrefs; k++) {
		fputs("  ", f);
		put_ref_id(f, r->refs[k]);
	}
	fputc('\n', f);
}

static void dims_section(FILE *f, const struct gap_report *r, int color)
{
	char buf[32];
	size_t d, k, w = 9;

	for (d = 0; d < r->cat->ndims; d++)
		if (r->dims[d].nmetrics && text_width(r->cat->dims[d].name) + 7 > w)
			w = text_width(r->cat->dims[d].name) + 7;
	heading(f, "Dimensions (company score; reference columns: gap points)", color);
	fputs("  ", f);
	put_padded(f, "dimension", w - 7, -1);
	fprintf(f, " %6s", "score");
	ref_header(f, r, "", 0);
	for (d = 0; d < r->cat->ndims; d++) {
		const struct gap_dim *gd = &r->dims[d];
		if (!gd->nmetrics)
			continue;
		fputs("  ", f);
		put_padded(f, r->cat->dims[d].name, w - 7, -1);
		fprintf(f, " %6s", fmt_num(buf, gd->score, 1));
		for (k = 0; k < r->nrefs; k++) {
			fputs("  ", f);
			put_points(f, gd->ref_scores[k] - gd->score, ref_width(r->refs[k]),
				   color);
		}
		fputc('\n', f);
	}
}

static const char *value_with_moe(char *buf, const struct gap_metric *gm)
{
	char v[32], m[32];
	if (isnan(gm->moe))
		return fmt_num(buf, gm->value, 2);
	snprintf(buf, 64, "%s ±%s", fmt_num(v, gm->value, 2), fmt_num(m, gm->moe, 1));
	return buf;
}

static void metric_row(FILE *f, const struct gap_report *r,
		       const struct gap_metric *gm, size_t w, int color)
{
	char buf[64], s[32];
	size_t k;

	fputs("  ", f);
	put_padded(f, r->cat->metrics[gm->metric].id, w, -1);
	fputs("  ", f);
	put_padded(f, value_with_moe(buf, gm), 14, 1);
	fprintf(f, " %6s", fmt_num(s, gm->score, 1));
	fprintf(f, " %8s%s", fmt_signed(buf, gm->change, 2),
		gm->change_significant > 0 ? "*" : " ");
	for (k = 0; k < r->nrefs; k++) {
		fputs("  ", f);
		if (gm->cells[k].present)
			put_points(f, gm->cells[k].gap_points, ref_width(r->refs[k]), color);
		else
			put_padded(f, "-", ref_width(r->refs[k]), 1);
	}
	fputc('\n', f);
}

static int business_clock(const struct gap_report *r, const struct gap_metric *gm)
{
	return r->period->obs[gm->metric].business_clock;
}

/* Which company values count business hours only, said once under the
 * table, since the references count calendar time. */
static void clock_note(FILE *f, const struct gap_report *r)
{
	size_t i, n = 0;

	for (i = 0; i < r->nmetrics; i++)
		if (business_clock(r, &r->metrics[i]))
			fprintf(f, "%s%s", n++ ? ", " : "  business hours only: ",
				r->cat->metrics[r->metrics[i].metric].id);
	if (n)
		fputs(" (the company's value; references count calendar time)\n", f);
}

static void metrics_section(FILE *f, const struct gap_report *r, int color)
{
	size_t i, w = 6;
	const char *last = NULL;

	for (i = 0; i < r->nmetrics; i++)
		if (strlen(r->cat->metrics[r->metrics[i].metric].id) > w)
			w = strlen(r->cat->metrics[r->metrics[i].metric].id);
	heading(f, "Metrics (value ±95% margin, score, change since the previous "
		"period (* significant); reference columns: gap points)", color);
	fputs("  ", f);
	put_padded(f, "metric", w, -1);
	fprintf(f, "  %14s %6s %9s", "value", "score", "change");
	ref_header(f, r, "", 0);
	for (i = 0; i < r->nmetrics; i++) {
		const struct dimension *d =
			&r->cat->dims[r->cat->metrics[r->metrics[i].metric].dim];
		if (d->name != last)
			fprintf(f, "  [%s]\n", d->name);
		last = d->name;
		metric_row(f, r, &r->metrics[i], w, color);
	}
	clock_note(f, r);
}

#define TOP_PRIORITIES 10

static void priorities_section(FILE *f, const struct gap_report *r, int color)
{
	char v[32], fv[32], pts[40], gap[40];
	size_t i;

	heading(f, "Priorities (gap to the frontier x dimension weight)", color);
	if (!r->npriorities)
		fputs("  none: at or ahead of the frontier on every compared metric\n", f);
	for (i = 0; i < r->npriorities && i < TOP_PRIORITIES; i++) {
		const struct gap_metric *gm = &r->metrics[r->priorities[i]];
		const struct metric_def *def = &r->cat->metrics[gm->metric];
		const struct ref_value *fr = &r->frontier->values[gm->metric];
		double g = metric_gap(def, fr->value, gm->value);
		const char *sig = isnan(gm->moe) ? "" : fabs(g) > gm->moe ?
			", significant" : ", within the margin";

		fprintf(f, "  %2zu. %s (%s): %s%s vs %s %s (%s); gap %s, %s points%s\n",
			i + 1, def->name, def->id, fmt_num(v, gm->value, 2),
			business_clock(r, gm) ? " (business hours)" : "",
			fmt_num(fv, fr->value, 2), def->unit, fr->from->brand,
			fmt_signed(gap, g, 2),
			fmt_signed(pts, metric_score(def, fr->value) - gm->score, 1), sig);
	}
	if (r->npriorities > TOP_PRIORITIES)
		fprintf(f, "  ... and %zu more (all of them with --format json or csv)\n",
			r->npriorities - TOP_PRIORITIES);
}

/* Where the company stands in each published range (a sector's
 * quartiles): one line per metric and reference that has one. */
static void quartiles_section(FILE *f, const struct gap_report *r, int color)
{
	char lo[32], mid[32], hi[32];
	size_t i, k;
	int shown = 0;

	for (i = 0; i < r->nmetrics; i++) {
		const struct gap_metric *gm = &r->metrics[i];
		for (k = 0; k < r->nrefs; k++) {
			const struct ref_value *v = &r->refs[k]->values[gm->metric];
			if (!gm->cells[k].present || !gm->cells[k].quartile)
				continue;
			if (!shown++)
				heading(f, "Published ranges (the company's quartile, best "
					"first)", color);
			fprintf(f, "  %s: %s quartile of %s (p25 %s, typical %s, p75 %s)\n",
				r->cat->metrics[gm->metric].id,
				gap_quartile_name(gm->cells[k].quartile), r->refs[k]->brand,
				fmt_num(lo, v->p25, 2), fmt_num(mid, v->value, 2),
				fmt_num(hi, v->p75, 2));
		}
	}
}

static void not_compared_section(FILE *f, const struct gap_report *r, int color)
{
	size_t i;

	if (!r->nnot_measured && !r->nno_reference)
		return;
	heading(f, "Not compared", color);
	for (i = 0; i < r->nnot_measured; i++)
		fprintf(f, "  %s: no company value in %s\n",
			r->cat->metrics[r->not_measured[i]].id, r->period->label);
	for (i = 0; i < r->nno_reference; i++)
		fprintf(f, "  %s: no selected reference has a value\n",
			r->cat->metrics[r->no_reference[i]].id);
}

void gap_table(FILE *f, const struct gap_report *r, int color)
{
	size_t k;

	fprintf(f, "%s%s%s, %s: %zu of %zu catalog metrics\n", color ? BOLD : "",
		r->company->name, color ? RESET : "", r->period->label, r->nmetrics,
		r->cat->nmetrics);
	fputs("against:", f);
	for (k = 0; k < r->nrefs; k++)
		fprintf(f, " %s (%zu)", r->refs[k]->id, r->ref_covered[k]);
	fputs("  [metrics compared]\n", f);
	overall_section(f, r, color);
	dims_section(f, r, color);
	metrics_section(f, r, color);
	quartiles_section(f, r, color);
	priorities_section(f, r, color);
	not_compared_section(f, r, color);
}

void catalog_table(FILE *f, const struct catalog *cat)
{
	char w[32], b[32];
	size_t d, i;

	for (d = 0; d < cat->ndims; d++) {
		fprintf(f, "%s (%s, weight %s)\n", cat->dims[d].name, cat->dims[d].id,
			fmt_num(w, cat->dims[d].weight, 2));
		for (i = 0; i < cat->nmetrics; i++) {
			const struct metric_def *m = &cat->metrics[i];
			if (m->dim != d)
				continue;
			fprintf(f, "  %-28s %-7s %-6s %8s..%-8s %s\n", m->id,
				metric_kind_name(m->kind), m->higher ? "higher" : "lower",
				fmt_num(w, m->worst, 2), fmt_num(b, m->best, 2), m->unit);
		}
	}
}

/* How many values are reported and modeled, and the year of the oldest
 * reported one (0 when none is). */
static void count_basis(const struct catalog *cat, const struct profile *p,
			size_t *reported, size_t *modeled, int *oldest)
{
	size_t i;
	*reported = *modeled = 0;
	*oldest = 0;
	for (i = 0; i < cat->nmetrics; i++) {
		const struct ref_value *v = &p->values[i];
		if (!v->present)
			continue;
		if (!v->reported) {
			++*modeled;
			continue;
		}
		++*reported;
		if (v->year && (!*oldest || v->year < *oldest))
			*oldest = v->year;
	}
}

void profiles_table(FILE *f, const struct catalog *cat,
		    const struct profile_set *set)
{
	char year[16];
	size_t i, rep, mod;
	int oldest;

	fprintf(f, "%-24s %-6s %-30s %8s %8s %6s  %s\n", "id", "kind", "brand",
		"reported", "modeled", "oldest", "sector");
	for (i = 0; i < set->n; i++) {
		const struct profile *p = set->items[i];
		count_basis(cat, p, &rep, &mod, &oldest);
		snprintf(year, sizeof year, "%d", oldest);
		fprintf(f, "%-24s %-6s ", p->id, p->is_sector ? "sector" : "brand");
		put_padded(f, p->brand, 30, -1);
		fprintf(f, " %8zu %8zu %6s  %s\n", rep, mod, oldest ? year : "-", p->sector);
	}
}

void profile_table(FILE *f, const struct catalog *cat, const struct profile *p)
{
	char v[32];
	size_t i;

	fprintf(f, "%s (%s): %s\n%s\n", p->brand, p->id, p->sector, p->summary);
	for (i = 0; i < p->nindustries; i++)
		fprintf(f, "%s%s", i ? ", " : "sector profile for the industries: ",
			p->industries[i]);
	fputs(p->nindustries ? "\n\n" : "\n", f);
	for (i = 0; i < cat->nmetrics; i++) {
		const struct ref_value *rv = &p->values[i];
		char lo[32], hi[32];
		if (!rv->present)
			continue;
		fprintf(f, "  %-28s %10s  ", cat->metrics[i].id, fmt_num(v, rv->value, 2));
		if (rv->has_range)
			fprintf(f, "(p25 %s, p75 %s) ", fmt_num(lo, rv->p25, 2),
				fmt_num(hi, rv->p75, 2));
		if (!rv->reported) {
			fprintf(f, "modeled: %s\n", rv->note);
			continue;
		}
		fprintf(f, "reported: %s, %s, %d\n", rv->source, rv->method, rv->year);
		fprintf(f, "  %-28s %10s  \"%s\"%s%s\n", "", "", rv->quote,
			rv->url ? " " : "", rv->url ? rv->url : "");
	}
	for (i = 0; i < p->nfacts; i++)
		fprintf(f, "  fact: %s = %s (%s; %s, %d)\n", p->facts[i].label,
			fmt_num(v, p->facts[i].value, 2), p->facts[i].scale,
			p->facts[i].source, p->facts[i].year);
}

static void source_lines(FILE *f, const char *source, const char *method,
			 const char *url, const char *quote)
{
	fprintf(f, "    %s%s%s%s\n", source, method ? " (" : "", method ? method : "",
		method ? ")" : "");
	if (url)
		fprintf(f, "    %s\n", url);
	fprintf(f, "    \"%s\"\n", quote ? quote : "(no quote)");
}

void sources_checklist(FILE *f, const struct catalog *cat, const struct profile_set *set)
{
	char v[32];
	size_t i, k, nvalues = 0, nfacts = 0;

	for (i = 0; i < set->n; i++) {
		const struct profile *p = set->items[i];
		for (k = 0; k < cat->nmetrics; k++) {
			const struct ref_value *rv = &p->values[k];
			if (!rv->present || !rv->reported)
				continue;
			fprintf(f, "[ ] %s: %s = %s (%d)\n", p->id, cat->metrics[k].id,
				fmt_num(v, rv->value, 2), rv->year);
			source_lines(f, rv->source, rv->method, rv->url, rv->quote);
			nvalues++;
		}
		for (k = 0; k < p->nfacts; k++) {
			const struct fact *fa = &p->facts[k];
			fprintf(f, "[ ] %s: fact: %s = %s %s (%d)\n", p->id, fa->label,
				fmt_num(v, fa->value, 2), fa->scale, fa->year);
			source_lines(f, fa->source, NULL, fa->url, fa->quote);
			nfacts++;
		}
	}
	fprintf(f, "%zu reported values and %zu facts: open each source and find its "
		"quote, with the number in it.\n", nvalues, nfacts);
}
