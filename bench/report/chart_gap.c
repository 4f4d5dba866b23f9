/* chart_gap: one chart per dimension, every one on the same 0..100 score
 * scale: for each metric, largest gap first, the company's score (a navy
 * dot, on top) and the frontier's (the other end of a bar in the colour
 * of the brand it comes from, ended by a square: filled for a reported
 * value, hollow for a modeled one).  The bar is solid when that value is
 * reported and hatched when it is modeled; the line under the metric's
 * name gives the gap, the brand, and the year of a reported value (dated
 * when older than PROFILE_DATED_YEARS).  The names stand above their bars,
 * across the whole width, so that long names in any language fit. */
#include "report/chart_parts.h"
#include "base/mem.h"
#include "base/msg.h"
#include <math.h>
#include <stdlib.h>

#define PLOT_LEFT 0.03
#define PLOT_END 0.96
#define BAR_PX 22
#define ROW_GAP_PX 14

struct gap_row {
	const struct gap_metric *gm;
	const struct gap_cell *c;
	const struct ref_value *fr;
	char *basis; /* "Amazon, reported 2019" */
};

static int by_gap(const void *a, const void *b)
{
	const struct gap_row *x = a, *y = b;
	if (x->c->gap_points != y->c->gap_points)
		return x->c->gap_points > y->c->gap_points ? -1 : 1;
	return x->gm->metric < y->gm->metric ? -1 : x->gm->metric > y->gm->metric;
}

static size_t gap_rows(const struct report_model *m, size_t d, long fk,
		       struct gap_row *rows)
{
	const struct gap_report *g = m->gap;
	const struct profile *f = g->refs[fk];
	size_t i, n = 0;

	for (i = 0; i < g->nmetrics; i++) {
		const struct gap_metric *gm = &g->metrics[i];
		struct gap_row *r = &rows[n];
		if (m->cat->metrics[gm->metric].dim != d || !gm->cells[fk].present)
			continue;
		r->gm = gm;
		r->c = &gm->cells[fk];
		r->fr = &f->values[gm->metric];
		r->basis = chart_basis(m, r->fr, r->fr->from ? str_brand(m->str, r->fr->from) :
				       report_ref_name(m, f), r->c->age);
		n++;
	}
	qsort(rows, n, sizeof *rows, by_gap);
	return n;
}

static unsigned row_colour(const struct gap_row *r)
{
	return r->fr->from ? palette_ref(r->fr->from) : PALETTE_FRONTIER;
}

/* One row a metric, in px from the top of the plot: its label (name,
 * then "+22.0 · basis") across the whole width, the bar under it.
 * Columns: label, label's middle, low end, high end, company, frontier,
 * reported (1/0), colour, bar's middle.  Returns the plot's height. */
static int gap_data(FILE *f, const struct report_model *m, const struct gap_row *rows,
		    size_t n)
{
	size_t chars = chart_chars(PLOT_WIDTH * (PLOT_END - PLOT_LEFT) - 8), i;
	char num[48], *line;
	int y = 0, lines;

	for (i = 0; i < n; i++) {
		const struct gap_row *r = &rows[i];
		double a = r->gm->score, b = r->c->score;
		lines = gp_field_wrap(f, str_metric(m->str, &m->cat->metrics[r->gm->metric]),
				      chars);
		line = xasprintf("%s · %s", str_signed(m->str, num, r->c->gap_points, 1),
				 r->basis);
		fputs("\\n", f);
		lines += gp_field_wrap(f, line, chars);
		free(line);
		fprintf(f, "\t%g", y + 4 + LINE_PX / 2.0); /* gnuplot hangs the lines from the first */
		put_num(f, a < b ? a : b);
		put_num(f, a < b ? b : a);
		put_num(f, a);
		put_num(f, b);
		fprintf(f, "\t%d\t%u\t%d\n", r->fr->reported, row_colour(r),
			y + 4 + lines * LINE_PX + BAR_PX / 2);
		y += 4 + lines * LINE_PX + BAR_PX + ROW_GAP_PX;
	}
	return y;
}

static void bar(struct plot *p, const struct report_model *m, const struct gap_row *r,
		size_t i)
{
	FILE *s = p->script;
	char *name = xasprintf("%s: %s", str_metric(m->str, &m->cat->metrics[r->gm->metric]),
			       r->basis);

	fprintf(s, ", d every ::%zu::%zu using (0):9:3:4:($9-%g):($9+%g) with "
		"boxxyerror ", i, i, BAR_PX * 0.36, BAR_PX * 0.36);
	if (r->fr->reported)
		fputs("fs solid 1 noborder lc ", s);
	else
		fputs("fs pattern 5 border lw 1.5 lc ", s);
	gp_colour(s, row_colour(r));
	if (!r->fr->reported) {
		fputs(" fc ", s);
		gp_colour(s, row_colour(r));
	}
	fputs(" notitle", s);
	plot_series(p, name);
	free(name);
}

static void gap_plot(struct plot *p, const struct report_model *m, const char *name,
		     const char *path, const struct gap_row *rows, size_t n, int plot_px)
{
	FILE *s = p->script;
	const char *k_rep = str_get(m->str, "chart_key_reported");
	const char *k_mod = str_get(m->str, "chart_key_modeled");
	int keys = chart_key_lines(m->company->name) + chart_key_lines(k_rep) +
		chart_key_lines(k_mod);
	int height;
	size_t i;

	plot_px = chart_plot_px(plot_px ? plot_px : LINE_PX, n ? keys : 0);
	height = TOP_PX + plot_px + AXIS_PX + chart_key_px(n ? keys : 0);
	plot_chart(p, name, PLOT_WIDTH, height);
	fprintf(s, "set yrange [%d:0]\nset xrange [0:100]\nset xtics 0,20,100 "
		"nomirror\nunset ytics\nunset grid\nset grid xtics\nset border 1\n"
		"set lmargin at screen %g\nset rmargin at screen %g\n",
		plot_px, PLOT_LEFT, PLOT_END);
	chart_frame(s, n ? keys : 0, AXIS_PX, height);
	if (n == 0) { /* no reference has a metric of this dimension */
		fputs("plot NaN notitle\n", s);
		plot_series(p, str_get(m->str, "chart_s_grid"));
		return;
	}
	fputs("d = ", s);
	gp_quote(s, path);
	fputs("\nplot d using (0):2:1 with labels left tc rgb '#1d2433' notitle", s);
	plot_series(p, str_get(m->str, "chart_s_labels_metrics"));
	for (i = 0; i < n; i++)
		bar(p, m, &rows[i], i);
	fprintf(s, ", d using 6:($7 > 0 ? $9 : NaN):8 with points pt 5 ps 0.8 lc rgb "
		"variable notitle, d using 6:($7 > 0 ? NaN : $9):8 with points pt 4 ps 0.8 "
		"lw 2 lc rgb variable notitle, d using 5:9 with points pt 7 ps 1.3 lc rgb "
		"'#%06x' notitle", PALETTE_COMPANY);
	plot_series(p, k_rep);
	plot_series(p, k_mod);
	plot_series(p, m->company->name);
	fprintf(s, ", NaN with points pt 7 ps 1.3 lc rgb '#%06x' title ", PALETTE_COMPANY);
	gp_quote(s, m->company->name);
	plot_series(p, m->company->name);
	chart_key_entry(p, "with boxes fs solid 1 noborder lc rgb '#555555'", k_rep, 0);
	chart_key_entry(p, "with boxes fs pattern 5 border lc rgb '#555555' "
			"fc rgb '#555555'", k_mod, 0);
	fputc('\n', s);
}

int chart_gap(struct plot *p, const struct report_model *m, size_t d, long fk,
	      const char *name)
{
	const char *vars[] = { "dimension", str_dimension(m->str, &m->cat->dims[d]), NULL };
	struct gap_row *rows = xcalloc(m->gap->nmetrics + 1, sizeof *rows);
	char *path = NULL;
	FILE *f = plot_data(p, &path);
	size_t n = 0, i;
	int rc = CX_EIO, plot_px;

	if (f) {
		n = gap_rows(m, d, fk, rows);
		plot_px = gap_data(f, m, rows, n);
		rc = plot_data_close(f, path);
		gap_plot(p, m, name, path, rows, n, plot_px);
		chart_describe(p, m, "chart_desc_gap", vars);
		plot_end_chart(p, name);
	}
	for (i = 0; i < n; i++)
		free(rows[i].basis);
	free(rows);
	free(path);
	return rc;
}
