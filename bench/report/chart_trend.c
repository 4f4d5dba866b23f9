/* chart_trend: lines over the trend's timeline (gaps stay gaps): the
 * overall index with the scores of the top priorities, then each
 * dimension's score; the frontier as it stands now is a dashed line.
 * The legend stands below the plot, whatever the length of the names. */
#include "report/chart_parts.h"
#include "base/mem.h"
#include "base/msg.h"
#include <math.h>
#include <stdlib.h>

/* With more periods than TICKS_MAX, every k-th period is labelled and
 * marked with a point: a label and a marker per period would make
 * thousands of SVG elements per chart for a long history. */
#define TICKS_MAX 8

/* The top priorities' lines: unlike the company's navy, the frontier's
 * black and each other, each >= 3:1 on white. */
static const unsigned metric_colours[REPORT_TOP] = { 0xb35c00, 0x2a7f78, 0xa0407a,
	0x3d8139, 0x6a5acd };

static void row_start(FILE *f, const struct report_model *m, size_t i)
{
	char label[STR_PERIOD_SIZE];
	str_period(m->str, label, m->trend->timeline[i]);
	gp_field(f, label);
	fprintf(f, "\t%zu", i);
}

#define PLOT_PX 240
#define TICK_PX (3 * LINE_PX) /* the periods, slanted */

static void axes(struct plot *p, const struct report_model *m, int key_rows, int height,
		 size_t *every)
{
	FILE *s = p->script;
	const struct trend *t = m->trend;
	size_t k = (t->nperiods + TICKS_MAX - 1) / TICKS_MAX, i;
	char label[STR_PERIOD_SIZE];

	fprintf(s, "set yrange [0:100]\nset xrange [-0.3:%zu+0.3]\nset grid ytics\n"
		"set xtics nomirror rotate by -35\nset ytics nomirror\nset border 3\n"
		"set lmargin 5\nset rmargin 7\n", t->nperiods - 1);
	chart_frame(s, key_rows, TICK_PX, height);
	fputs("set xtics (", s);
	for (i = 0; i < t->nperiods; i += k) {
		str_period(m->str, label, t->timeline[i]);
		fputs(i ? ", " : "", s);
		gp_quote(s, label);
		fprintf(s, " %zu", i);
	}
	fputs(")\n", s);
	*every = k;
}

/* Column `col` of path as a titled line. */
static void series(struct plot *p, const char *path, size_t col, const char *title,
		   unsigned colour, const char *style, size_t every, int first)
{
	FILE *s = p->script;

	fputs(first ? "plot " : ", ", s);
	gp_quote(s, path);
	fprintf(s, " using 2:%zu with %s pointinterval %zu lc ", col, style, every);
	gp_colour(s, colour);
	fputs(" title ", s);
	gp_quote(s, title);
	plot_series(p, title);
}

static int key_rows(const char *const *titles, size_t n)
{
	size_t i;
	int rows = 0;

	for (i = 0; i < n; i++)
		rows += chart_key_lines(titles[i]);
	return rows;
}

static int trend_height(const char *const *titles, size_t n)
{
	int rows = key_rows(titles, n);

	return TOP_PX + chart_plot_px(PLOT_PX, rows) + TICK_PX + chart_key_px(rows);
}

static void lines(struct plot *p, const char *path, const struct report_model *m,
		  const char *const *titles, size_t n)
{
	size_t every, j;

	axes(p, m, key_rows(titles, n), trend_height(titles, n), &every);
	series(p, path, 3, titles[0], PALETTE_COMPANY, "linespoints lw 3.5 pt 7 ps 0.7",
	       every, 1);
	series(p, path, 4, titles[1], PALETTE_FRONTIER, "lines dt 2 lw 2", every, 0);
	for (j = 2; j < n; j++)
		series(p, path, j + 3, titles[j], metric_colours[(j - 2) % REPORT_TOP],
		       "linespoints lw 2 pt 9 ps 0.8", every, 0);
	fputc('\n', p->script);
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
	FILE *f = plot_data(p, &path);
	int rc;

	if (!f)
		return CX_EIO;
	titles[n++] = str_get(m->str, "overall");
	titles[n++] = str_get(m->str, "frontier");
	for (j = 0; j < m->ntop; j++)
		titles[n++] = str_metric(m->str, &m->cat->metrics[m->top[j]]);
	for (i = 0; i < t->nperiods; i++) {
		row_start(f, m, i);
		put_num(f, overall->scores[i]);
		put_num(f, fk >= 0 ? m->gap->ref_overall[fk] : NAN);
		for (j = 0; j < m->ntop; j++) {
			r = trend_metric(t, m->top[j]);
			put_num(f, r ? r->scores[i] : NAN);
		}
		fputc('\n', f);
	}
	rc = plot_data_close(f, path);
	plot_chart(p, "trend", PLOT_WIDTH, trend_height(titles, n));
	chart_describe(p, m, "chart_desc_trend", NULL);
	lines(p, path, m, titles, n);
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
	const char *vars[] = { "dimension", str_dimension(m->str, &m->cat->dims[d]), NULL };
	char *path = NULL, name[32];
	FILE *f = plot_data(p, &path);
	size_t i;
	int rc;

	if (!f)
		return CX_EIO;
	for (i = 0; i < t->nperiods; i++) {
		row_start(f, m, i);
		put_num(f, r->scores[i]);
		put_num(f, fk >= 0 ? m->gap->dims[d].ref_scores[fk] : NAN);
		fputc('\n', f);
	}
	rc = plot_data_close(f, path);
	snprintf(name, sizeof name, "trend-%zu", d);
	plot_chart(p, name, PLOT_WIDTH, trend_height(titles, 2));
	chart_describe(p, m, "chart_desc_trend_dim", vars);
	lines(p, path, m, titles, 2);
	plot_end_chart(p, name);
	free(path);
	return rc;
}

/* The index over time, then each dimension's. */
int charts_trend(struct plot *p, const struct report_model *m, long fk)
{
	int rc = chart_trend(p, m, fk);
	size_t d;

	for (d = 0; rc == CX_OK && d < m->cat->ndims; d++)
		if (m->gap->dims[d].nmetrics && trend_dimension(m->trend, d))
			rc = chart_trend_dimension(p, m, d, fk);
	return rc;
}
