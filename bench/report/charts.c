/* charts: the report's charts as gnuplot commands and data files.  Every
 * label goes through gp_field() into a data file or gp_quote() into the
 * script; numbers go into data files in the C locale, and the labels
 * printed on bars are formatted here in the report's language.  Each
 * chart returns CX_OK or CX_EIO (its data file could not be written,
 * after plot.c's message); the first failure ends charts_add(). */
#include "report/report.h"
#include "base/mem.h"
#include "base/msg.h"
#include <math.h>
#include <stdlib.h>
#include <stdio.h>

#define ROW_PX 30
#define WIDTH 860

static void put_num(FILE *f, double v)
{
	if (isnan(v))
		fputs("\tNaN", f);
	else
		fprintf(f, "\t%.10g", v);
}

static void put_label(FILE *f, const char *s)
{
	fputc('\t', f);
	gp_field(f, s);
}

/* One row of a bar chart's data, as bars() reads it: label, low end,
 * high end, colour, the text printed beside the bar. */
static void bar_row(FILE *f, const char *label, double lo, double hi,
		    unsigned color, const char *text)
{
	gp_field(f, label);
	put_num(f, lo);
	put_num(f, hi);
	fprintf(f, "\t%u", color);
	put_label(f, text);
	fputc('\n', f);
}

static unsigned row_color(enum row_kind kind)
{
	return kind == ROW_COMPANY ? 0x1b2f4e : kind == ROW_FRONTIER ? 0x111111 : 0x8fa9c8;
}

/* Horizontal bars, one per row: label, low, high, colour, text; the text
 * goes right of bars that reach right and left of those that reach left
 * (a clause only for a side that has bars: gnuplot warns about empty
 * ones). */
static void bars(struct plot *p, const char *data, size_t rows, double lo,
		 double hi, int left_bars)
{
	FILE *s = p->script;

	fprintf(s, "set yrange [%zu-0.3:-0.7]\nset xrange [%g:%g]\n"
		"set ytics scale 0\nunset grid\nset grid xtics\nset yzeroaxis lt -1 lw 1\n"
		"set lmargin at screen 0.34\nunset key\n", rows, lo, hi);
	fputs("d = ", s);
	gp_quote(s, data);
	fputs("\nplot d using (0):0:2:3:($0-0.34):($0+0.34):4:ytic(1) with boxxyerror "
	      "lc rgb variable", s);
	if (left_bars < (int)rows)
		fputs(", d using ($2 < 0 ? NaN : $3):0:5 with labels left offset char "
		      "0.6,0 tc rgb '#333333' font 'Sans,11'", s);
	if (left_bars > 0)
		fputs(", d using ($2 < 0 ? $2 : NaN):0:5 with labels right offset char "
		      "-0.6,0 tc rgb '#333333' font 'Sans,11'", s);
	fputc('\n', s);
}

/* Closes the data of a bar chart of `rows` rows on the 0..105 scale of
 * indexes and shares, draws it, and frees the data file's path. */
static int scale_bars(struct plot *p, FILE *f, char *path, const char *name,
		      size_t rows)
{
	int rc = plot_data_close(f, path);

	plot_chart(p, name, WIDTH, 70 + (int)rows * ROW_PX);
	bars(p, path, rows, 0, 105, 0);
	plot_end_chart(p, name);
	free(path);
	return rc;
}

static int chart_overall(struct plot *p, const struct report_model *m)
{
	char *path = NULL, num[48];
	FILE *f = plot_data(p, &path);
	size_t i;

	if (!f)
		return CX_EIO;
	for (i = 0; i < m->nranks; i++) {
		const struct rank_row *r = &m->ranks[i];
		bar_row(f, r->label, 0, isnan(r->score) ? 0 : r->score, row_color(r->kind),
			str_num(m->str, num, r->score, 1));
	}
	return scale_bars(p, f, path, "overall", m->nranks);
}

/* Company first, then the frontier, then the brands, as DESIGN.md's
 * colour roles expect (linetype 1 company, 2 frontier). */
static void radar_rows(FILE *f, const struct report_model *m, const size_t *dims,
		       size_t ndims)
{
	const struct gap_report *g = m->gap;
	size_t d, k, pass;

	gp_field(f, m->company->name);
	for (d = 0; d < ndims; d++)
		put_num(f, g->dims[dims[d]].score);
	fputc('\n', f);
	for (pass = 0; pass < 2; pass++) {
		for (k = 0; k < g->nrefs; k++) {
			if (g->refs[k]->is_frontier != (pass == 0))
				continue;
			gp_field(f, report_ref_name(m, g->refs[k]));
			for (d = 0; d < ndims; d++)
				put_num(f, g->dims[dims[d]].ref_scores[k]);
			fputc('\n', f);
		}
	}
}

static int chart_radar(struct plot *p, const struct report_model *m)
{
	const struct gap_report *g = m->gap;
	size_t *dims = NULL, n = 0, d;
	char *path = NULL;
	FILE *f = plot_data(p, &path), *s = p->script;
	int rc;

	if (!f)
		return CX_EIO;
	dims = xcalloc(m->cat->ndims, sizeof *dims);
	for (d = 0; d < m->cat->ndims; d++)
		if (g->dims[d].nmetrics)
			dims[n++] = d;
	radar_rows(f, m, dims, n);
	rc = plot_data_close(f, path);
	plot_chart(p, "radar", WIDTH, 620);
	fprintf(s, "set spiderplot\nset style spiderplot fs transparent solid 0.06 "
		"border lw 1.5\nset grid spiderplot lc rgb '#d0d0d0'\n"
		"set for [i=1:%zu] paxis i range [0:100]\nset for [i=2:%zu] paxis i "
		"tics format ''\nset paxis 1 tics font 'Sans,9'\n"
		"set key outside right top vertical\nunset border\nunset tics\n"
		"set lmargin 16\nset tmargin 2\nset bmargin 2\n", n, n);
	for (d = 0; d < n; d++) {
		fprintf(s, "set paxis %zu label ", d + 1);
		gp_quote(s, str_dimension(m->str, &m->cat->dims[dims[d]]));
		fputs(" font 'Sans,11'\n", s);
	}
	fputs("d = ", s);
	gp_quote(s, path);
	fprintf(s, "\nplot for [i=2:%zu] d using i:key(1)\n", n + 1);
	plot_end_chart(p, "radar");
	free(path);
	free(dims);
	return rc;
}

static int chart_gap(struct plot *p, const struct report_model *m, size_t d,
		     long fk, const char *name)
{
	const struct gap_report *g = m->gap;
	char *path = NULL, num[48];
	FILE *f = plot_data(p, &path);
	double span = 10, v;
	size_t i, rows = 0;
	int left = 0, rc;

	if (!f)
		return CX_EIO;
	for (i = 0; i < g->nmetrics; i++) {
		const struct gap_cell *c = &g->metrics[i].cells[fk];
		if (m->cat->metrics[g->metrics[i].metric].dim != d || !c->present)
			continue;
		v = c->gap_points;
		span = fabs(v) + 12 > span ? fabs(v) + 12 : span;
		bar_row(f, str_metric(m->str, &m->cat->metrics[g->metrics[i].metric]),
			v < 0 ? v : 0, v > 0 ? v : 0, v > 0 ? 0xc0392bu : 0x2e8b57u,
			str_signed(m->str, num, v, 1));
		rows++;
		left += v < 0;
	}
	rc = plot_data_close(f, path);
	plot_chart(p, name, WIDTH, 80 + (int)(rows ? rows : 1) * ROW_PX);
	if (rows)
		bars(p, path, rows, -ceil(span / 10) * 10, ceil(span / 10) * 10, left);
	else
		fputs("unset border\nunset tics\nset xrange [0:1]\nset yrange [0:1]\n"
		      "plot NaN notitle\n", p->script);
	plot_end_chart(p, name);
	free(path);
	return rc;
}

static int chart_timetax(struct plot *p, const struct report_model *m)
{
	static const char *const parts[] = { "tt_wait", "tt_hold", "tt_transfers",
		"tt_repeat" };
	static const char *const colors[] = { "color_wait", "color_hold",
		"color_transfers", "color_repeat" };
	char *path = NULL, num[48];
	FILE *f = plot_data(p, &path), *s = p->script;
	double top = 1;
	size_t i, k;
	int rc;

	if (!f)
		return CX_EIO;
	for (i = 0; i < m->ntaxes; i++) {
		const struct timetax *t = &m->taxes[i].t;
		gp_field(f, m->taxes[i].label);
		put_num(f, t->wait);
		put_num(f, t->wait + t->hold);
		put_num(f, t->wait + t->hold + t->transfers);
		put_num(f, t->total);
		put_label(f, str_num(m->str, num, t->total, 1));
		fputc('\n', f);
		top = t->total > top ? t->total : top;
	}
	rc = plot_data_close(f, path);
	plot_chart(p, "timetax", WIDTH, 110 + (int)m->ntaxes * ROW_PX);
	fprintf(s, "set yrange [%zu-0.3:-0.7]\nset xrange [0:%g]\n"
		"set ytics scale 0\nunset grid\nset grid xtics\nset lmargin at screen 0.34\n"
		"set key outside bottom center horizontal\nd = ", m->ntaxes, ceil(top * 1.15));
	gp_quote(s, path);
	fputs("\nplot ", s);
	for (k = 0; k < 4; k++) {
		char low[16];
		snprintf(low, sizeof low, k ? "%zu" : "(0)", k + 1);
		fprintf(s, "d using (0):0:%s:%zu:($0-0.34):($0+0.34)%s with boxxyerror "
			"lc rgb %s title ", low, k + 2, k ? "" : ":ytic(1)", colors[k]);
		gp_quote(s, str_get(m->str, parts[k]));
		fputs(", ", s);
	}
	fputs("d using 5:0:6 with labels left offset char 0.6,0 tc rgb '#333333' "
	      "font 'Sans,11' notitle\n", s);
	plot_end_chart(p, "timetax");
	free(path);
	return rc;
}

/* Lines over the trend's timeline (gaps stay gaps): one column per
 * series, titled from the data's header row; `dashed` series come after
 * the company's and are drawn as reference lines. */
static FILE *trend_data(struct plot *p, char **path, const char *const *titles,
			size_t ntitles)
{
	FILE *f = plot_data(p, path);
	size_t i;

	if (!f)
		return NULL;
	gp_field(f, "period");
	fputs("\tx", f);
	for (i = 0; i < ntitles; i++)
		put_label(f, titles[i]);
	fputc('\n', f);
	return f;
}

static void trend_row_start(FILE *f, const struct report_model *m, size_t i)
{
	const struct trend *t = m->trend;
	char label[STR_PERIOD_SIZE];
	str_period(m->str, label, t->timeline[i]);
	gp_field(f, label);
	fprintf(f, "\t%zu", i);
}

/* With more periods than TICKS_MAX, every k-th period is labelled and
 * marked with a point: a label and a marker per period would make
 * thousands of SVG elements per chart for a long history. */
#define TICKS_MAX 12

static void trend_plot(struct plot *p, const char *path, const struct report_model *m,
		       size_t nseries, int second_is_reference)
{
	FILE *s = p->script;
	const struct trend *t = m->trend;
	size_t k = (t->nperiods + TICKS_MAX - 1) / TICKS_MAX, i;
	char label[STR_PERIOD_SIZE], every[48] = "";

	fprintf(s, "set yrange [0:100]\nset xrange [-0.3:%zu+0.3]\nset grid ytics\n"
		"set key outside right top vertical autotitle columnheader\n",
		t->nperiods - 1);
	if (k > 1) {
		fputs("set xtics (", s);
		for (i = 0; i < t->nperiods; i += k) {
			str_period(m->str, label, t->timeline[i]);
			fputs(i ? ", " : "", s);
			gp_quote(s, label);
			fprintf(s, " %zu", i);
		}
		fputs(")\n", s);
		snprintf(every, sizeof every, " pointinterval %zu", k);
	}
	fputs("d = ", s);
	gp_quote(s, path);
	fprintf(s, "\nplot d using 2:3%s with linespoints%s lt 1",
		k > 1 ? "" : ":xtic(1)", every);
	if (nseries > 1)
		fprintf(s, ", d using 2:4 with %s%s lt 2", second_is_reference ?
			"lines" : "linespoints", second_is_reference ? "" : every);
	if (nseries > 2)
		fprintf(s, ", for [i=5:%zu] d using 2:i with linespoints%s lt i-2",
			nseries + 2, every);
	fputc('\n', s);
}

/* The overall index, the frontier's (as it stands now) and the scores of
 * the top priorities. */
static int chart_trend(struct plot *p, const struct report_model *m, long fk)
{
	const struct trend *t = m->trend;
	const struct trend_row *overall = trend_overall(t), *r;
	const char *titles[REPORT_TOP + 2];
	size_t i, j, n = 0;
	char *path = NULL;
	FILE *f;
	int rc;

	titles[n++] = str_get(m->str, "overall");
	titles[n++] = str_get(m->str, "frontier");
	for (j = 0; j < m->ntop; j++)
		titles[n++] = str_metric(m->str, &m->cat->metrics[m->top[j]]);
	f = trend_data(p, &path, titles, n);
	if (!f)
		return CX_EIO;
	for (i = 0; i < t->nperiods; i++) {
		trend_row_start(f, m, i);
		put_num(f, overall->scores[i]);
		put_num(f, fk >= 0 ? m->gap->ref_overall[fk] : NAN);
		for (j = 0; j < m->ntop; j++) {
			r = trend_metric(t, m->top[j]);
			put_num(f, r ? r->scores[i] : NAN);
		}
		fputc('\n', f);
	}
	rc = plot_data_close(f, path);
	plot_chart(p, "trend", WIDTH, 480);
	trend_plot(p, path, m, n, 1);
	plot_end_chart(p, "trend");
	free(path);
	return rc;
}

static int chart_trend_dimension(struct plot *p, const struct report_model *m,
				 size_t d, long fk)
{
	const struct trend *t = m->trend;
	const struct trend_row *r = trend_dimension(t, d);
	const char *titles[2] = { m->company->name, str_get(m->str, "frontier") };
	char *path = NULL, name[32];
	FILE *f = trend_data(p, &path, titles, 2);
	size_t i;
	int rc;

	if (!f)
		return CX_EIO;
	for (i = 0; i < t->nperiods; i++) {
		trend_row_start(f, m, i);
		put_num(f, r->scores[i]);
		put_num(f, fk >= 0 ? m->gap->dims[d].ref_scores[fk] : NAN);
		fputc('\n', f);
	}
	rc = plot_data_close(f, path);
	snprintf(name, sizeof name, "trend-%zu", d);
	plot_chart(p, name, WIDTH, 300);
	trend_plot(p, path, m, 2, 1);
	plot_end_chart(p, name);
	free(path);
	return rc;
}

/* The share of conversations showing each signal: praise green, the
 * rest red. */
static int chart_voice(struct plot *p, const struct report_model *m)
{
	char *path = NULL, num[48];
	FILE *f = plot_data(p, &path);
	size_t s;

	if (!f)
		return CX_EIO;
	for (s = 0; s < NSIGNALS; s++) {
		double v = m->voice->signals[s].pct;
		bar_row(f, report_signal_name(m, s), 0, v,
			s == SIG_PRAISE ? 0x2e8b57u : 0xc0392bu, str_num(m->str, num, v, 1));
	}
	return scale_bars(p, f, path, "voice", NSIGNALS); /* shares, as indexes */
}

/* The index over time, then each dimension's. */
static int charts_trend(struct plot *p, const struct report_model *m, long fk)
{
	int rc = chart_trend(p, m, fk);
	size_t d;

	for (d = 0; rc == CX_OK && d < m->cat->ndims; d++)
		if (m->gap->dims[d].nmetrics && trend_dimension(m->trend, d))
			rc = chart_trend_dimension(p, m, d, fk);
	return rc;
}

int charts_add(struct plot *p, const struct report_model *m)
{
	long fk = gap_frontier_index(m->gap);
	char name[32];
	size_t d;
	int rc = chart_overall(p, m);

	if (rc == CX_OK && m->ndims >= 3) /* a spider plot needs three axes */
		rc = chart_radar(p, m);
	for (d = 0; rc == CX_OK && fk >= 0 && d < m->cat->ndims; d++) {
		if (!m->gap->dims[d].nmetrics)
			continue;
		snprintf(name, sizeof name, "gap-%zu", d);
		rc = chart_gap(p, m, d, fk, name);
	}
	if (rc == CX_OK && m->ntaxes > 0)
		rc = chart_timetax(p, m);
	if (rc == CX_OK && m->voice)
		rc = chart_voice(p, m);
	if (rc == CX_OK && m->trend->nperiods > 1)
		rc = charts_trend(p, m, fk);
	return rc;
}
