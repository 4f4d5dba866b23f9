/* charts: the bar charts (overall index, time tax, voice), what every
 * chart file shares (chart_parts.h), and charts_add(), which draws them
 * all.  Every label goes through gp_field() into a data file or
 * gp_quote() into the script; numbers go into data files in the C
 * locale, and the labels printed on bars are formatted here in the
 * report's language.  Each chart returns CX_OK or CX_EIO (its data file
 * could not be written, after plot.c's message); the first failure ends
 * charts_add(). */
#include "report/chart_parts.h"
#include "base/mem.h"
#include "base/msg.h"
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

/* Bar charts: the labels take the left LABEL_FRAC of the width, the plot
 * ends at PLOT_END, the values are printed right of their bar. */
#define LABEL_FRAC 0.40
#define PLOT_END 0.86
#define KEY_SAMPLE_PX 60 /* a legend entry's sample and the gaps around it */

void put_num(FILE *f, double v)
{
	if (isnan(v))
		fputs("\tNaN", f);
	else
		fprintf(f, "\t%.10g", v);
}

void put_label(FILE *f, const char *s)
{
	fputc('\t', f);
	gp_field(f, s);
}

size_t chart_chars(double px)
{
	double n = px / (PLOT_FONT * CHAR_EM);
	return n < 8 ? 8 : (size_t)n;
}

void gp_colour(FILE *s, unsigned c)
{
	fprintf(s, "rgb '#%06x'", c & 0xffffffu);
}

int chart_plot_px(int content_px, int key_rows)
{
	int need = (key_rows + 2) * LINE_PX;
	return content_px > need ? content_px : need;
}

int chart_key_px(int rows)
{
	return rows > 0 ? rows * LINE_PX + 10 : 0;
}

void chart_frame(FILE *s, int key_rows, int axis_px, int height)
{
	int key_px = chart_key_px(key_rows);

	fprintf(s, "set tmargin at screen %g\nset bmargin at screen %g\n",
		1 - (double)TOP_PX / height, (double)(key_px + axis_px) / height);
	if (key_rows == 0) {
		fputs("unset key\n", s);
		return;
	}
	fprintf(s, "set key at screen 0.01, screen %g left top Left reverse vertical "
		"maxcols 1 samplen 2 spacing 1 width 0 textcolor rgb '#333333'\n",
		(double)(key_px - 4) / height);
}

static size_t key_chars(void)
{
	return chart_chars(PLOT_WIDTH - KEY_SAMPLE_PX);
}

int chart_key_lines(const char *title)
{
	char **lines;
	size_t n = text_wrap(title, key_chars(), &lines), i;

	for (i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
	return n ? (int)n : 1;
}

int chart_key_entry(struct plot *p, const char *style, const char *title, int first)
{
	char **lines;
	size_t n = text_wrap(title, key_chars(), &lines), i;

	for (i = 0; i < n; i++) {
		fputs(first && i == 0 ? "plot " : ", ", p->script);
		fprintf(p->script, "NaN %s title ", i == 0 ? style :
			"with lines lc rgb '#ffffff'");
		gp_quote(p->script, lines[i]);
		plot_series(p, lines[i]);
		free(lines[i]);
	}
	free(lines);
	return n ? (int)n : 1;
}

void chart_describe(struct plot *p, const struct report_model *m, const char *key,
		    const char *const *vars)
{
	const char *all[16] = { "company", m->company->name };
	size_t n = 2, i;
	char *text;

	for (i = 0; vars && vars[i] && n + 2 < sizeof all / sizeof *all; i += 2) {
		all[n++] = vars[i];
		all[n++] = vars[i + 1];
	}
	all[n] = NULL;
	text = str_fill(m->str, key, all);
	plot_describe(p, text);
	free(text);
}

char *chart_basis(const struct report_model *m, const struct ref_value *v,
		  const char *brand, int age)
{
	char year[16];
	const char *vars[] = { "brand", brand, "year", year, NULL };

	snprintf(year, sizeof year, "%d", v->year);
	if (!v->reported || v->year <= 0)
		return str_fill(m->str, v->reported ? "chart_reported" : "chart_modeled", vars);
	return str_fill(m->str, age > PROFILE_DATED_YEARS ? "chart_dated" :
			"chart_reported", vars);
}

/* One bar of a bar chart: its label (and an optional second line under
 * it), its ends, colour, whether it is drawn lighter (hatched: mostly
 * modeled), the text beside it and its tooltip. */
struct bar {
	const char *label, *note;
	double lo, hi;
	unsigned colour;
	int hatched;
	const char *text;
	char *series; /* owned */
};

/* Data: label, row, low end, high end, text; returns the most lines a
 * label takes. */
static int bars_data(FILE *f, const struct bar *b, size_t n)
{
	size_t chars = chart_chars(PLOT_WIDTH * LABEL_FRAC - 14), i;
	int most = 1, lines;

	for (i = 0; i < n; i++) {
		lines = gp_field_wrap(f, b[i].label, chars);
		if (b[i].note) {
			fputs("\\n", f);
			lines += gp_field_wrap(f, b[i].note, chars);
		}
		fprintf(f, "\t%zu", i);
		put_num(f, b[i].lo);
		put_num(f, b[i].hi);
		put_label(f, b[i].text);
		fputc('\n', f);
		most = lines > most ? lines : most;
	}
	return most;
}

/* A bar's clause: solid, or hatched in its colour with a full outline. */
static void bar_clause(struct plot *p, const char *d, const struct bar *b, size_t i)
{
	FILE *s = p->script;

	fprintf(s, ", %s every ::%zu::%zu using (0):2:3:4:($2-0.32):($2+0.32) with "
		"boxxyerror ", d, i, i);
	if (b->hatched) {
		fputs("fs pattern 5 border lc ", s);
		gp_colour(s, b->colour);
		fputs(" fc ", s);
		gp_colour(s, b->colour);
		fputs(" lw 1.5", s);
	} else {
		fputs("fs solid 1 noborder lc ", s);
		gp_colour(s, b->colour);
	}
	fputs(" notitle", s);
	plot_series(p, b->series);
}

/* Starts a chart of n bars on [lo, hi], whose legend takes key_rows
 * lines, with its data in path: the axes, the labels and the bars; the
 * caller adds its legend entries and ends the plot command. */
static void bars_plot(struct plot *p, const struct report_model *m, const char *name,
		      const char *path, const struct bar *b, size_t n, double lo,
		      double hi, int label_lines, int key_rows)
{
	FILE *s = p->script;
	int row_px = label_lines * LINE_PX + 12;
	int height = TOP_PX + chart_plot_px((int)n * row_px, key_rows) + AXIS_PX +
		chart_key_px(key_rows);
	size_t i;

	plot_chart(p, name, PLOT_WIDTH, height);
	fprintf(s, "set yrange [%zu-0.5:-0.5]\nset xrange [%g:%g]\nset ytics scale 0\n"
		"unset grid\nset grid xtics\nset xtics nomirror\nset border 1\n"
		"set lmargin at screen %g\nset rmargin at screen %g\n",
		n, lo, hi, LABEL_FRAC, PLOT_END);
	chart_frame(s, key_rows, AXIS_PX, height);
	fputs("d = ", s);
	gp_quote(s, path);
	fputs("\nplot d using (0):2:ytic(1) with points ps 0 notitle", s);
	plot_series(p, str_get(m->str, "chart_s_grid"));
	for (i = 0; i < n; i++)
		bar_clause(p, "d", &b[i], i);
	fputs(", d using 4:2:5 with labels left offset char 0.5,0 tc rgb '#333333' "
	      "notitle", s);
	plot_series(p, str_get(m->str, "chart_s_values"));
}

static void bars_free(struct bar *b, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++) {
		free(b[i].series);
		free((char *)b[i].text);
		free((char *)b[i].note);
	}
	free(b);
}

static char *series_text(const char *label, const char *value)
{
	return xasprintf("%s: %s", label, value);
}

/* How many of the company's metrics reference k has, and how many of
 * those are reported. */
static size_t reported_share(const struct gap_report *g, size_t k, size_t *covered)
{
	size_t i, n = 0;

	*covered = 0;
	for (i = 0; i < g->nmetrics; i++) {
		const struct gap_cell *c = &g->metrics[i].cells[k];
		if (!c->present)
			continue;
		(*covered)++;
		n += g->refs[k]->values[g->metrics[i].metric].reported;
	}
	return n;
}

static void overall_bar(const struct report_model *m, const struct rank_row *r,
			struct bar *b)
{
	char num[48], nbuf[16], mbuf[16];
	const char *vars[] = { "n", nbuf, "m", mbuf, NULL };
	const struct profile *ref = r->kind == ROW_COMPANY ? NULL : m->gap->refs[r->ref];
	size_t covered = 0, reported = ref ? reported_share(m->gap, r->ref, &covered) : 0;

	b->label = r->label;
	b->lo = 0;
	b->hi = isnan(r->score) ? 0 : r->score;
	b->colour = ref ? palette_ref(ref) : PALETTE_COMPANY;
	b->text = xstrdup(str_num(m->str, num, r->score, 1));
	b->series = series_text(r->label, num);
	if (!ref || ref->is_frontier)
		return; /* the frontier's basis is shown metric by metric */
	snprintf(nbuf, sizeof nbuf, "%zu", reported);
	snprintf(mbuf, sizeof mbuf, "%zu", covered);
	b->note = str_fill(m->str, "chart_n_reported", vars);
	b->hatched = 2 * reported < covered;
}

static int chart_overall(struct plot *p, const struct report_model *m)
{
	struct bar *b = xcalloc(m->nranks, sizeof *b);
	const char *k_rep = str_get(m->str, "chart_key_mostly_reported");
	const char *k_mod = str_get(m->str, "chart_key_mostly_modeled");
	char *path = NULL;
	FILE *f = plot_data(p, &path);
	size_t i;
	int rc, lines, keys = chart_key_lines(m->company->name) + chart_key_lines(k_rep) +
		chart_key_lines(k_mod);

	if (!f) {
		free(b);
		return CX_EIO;
	}
	for (i = 0; i < m->nranks; i++)
		overall_bar(m, &m->ranks[i], &b[i]);
	lines = bars_data(f, b, m->nranks);
	rc = plot_data_close(f, path);
	bars_plot(p, m, "overall", path, b, m->nranks, 0, 100, lines, keys);
	chart_describe(p, m, "chart_desc_overall", NULL);
	fputs(", NaN with boxes fs solid 1 noborder lc ", p->script);
	gp_colour(p->script, PALETTE_COMPANY);
	fputs(" title ", p->script);
	gp_quote(p->script, m->company->name);
	plot_series(p, m->company->name);
	chart_key_entry(p, "with boxes fs solid 1 noborder lc rgb '#555555'", k_rep, 0);
	chart_key_entry(p, "with boxes fs pattern 5 border lc rgb '#555555' "
			"fc rgb '#555555'", k_mod, 0);
	fputc('\n', p->script);
	plot_end_chart(p, "overall");
	bars_free(b, m->nranks);
	free(path);
	return rc;
}

/* A reference's total says how many of its four inputs are reported:
 * a time tax built on modeled values must not read as measured. */
static void put_tax_label(FILE *f, const struct report_model *m,
			  const struct tax_row *row, const char *total)
{
	char n[16], *text;
	const char *vars[] = { "total", total, "reported", n, NULL };

	if (row->reported < 0) {
		put_label(f, total);
		return;
	}
	snprintf(n, sizeof n, "%d", row->reported);
	text = str_fill(m->str, "tax_basis", vars);
	put_label(f, text);
	free(text);
}

static int chart_timetax(struct plot *p, const struct report_model *m)
{
	static const char *const parts[] = { "tt_wait", "tt_hold", "tt_transfers",
		"tt_repeat" };
	/* four tones unlike each other, each >= 3:1 on white */
	static const unsigned colours[] = { 0x2f6aa0, 0xb35c00, 0xb8323f, 0x2a7f78 };
	char *path = NULL, num[48];
	FILE *f = plot_data(p, &path), *s = p->script;
	double top = 1;
	size_t i, k, chars = chart_chars(PLOT_WIDTH * LABEL_FRAC - 14);
	int rc, lines = 1, keys = 0, l, height;

	if (!f)
		return CX_EIO;
	for (i = 0; i < m->ntaxes; i++) {
		const struct timetax *t = &m->taxes[i].t;
		l = gp_field_wrap(f, m->taxes[i].label, chars);
		lines = l > lines ? l : lines;
		fprintf(f, "\t%zu", i);
		put_num(f, t->wait);
		put_num(f, t->wait + t->hold);
		put_num(f, t->wait + t->hold + t->transfers);
		put_num(f, t->total);
		put_tax_label(f, m, &m->taxes[i], str_num(m->str, num, t->total, 1));
		fputc('\n', f);
		top = t->total > top ? t->total : top;
	}
	rc = plot_data_close(f, path);
	for (k = 0; k < 4; k++)
		keys += chart_key_lines(str_get(m->str, parts[k]));
	height = TOP_PX + chart_plot_px((int)m->ntaxes * (lines * LINE_PX + 12), keys) + AXIS_PX +
		chart_key_px(keys);
	plot_chart(p, "timetax", PLOT_WIDTH, height);
	chart_describe(p, m, "chart_desc_timetax", NULL);
	fprintf(s, "set yrange [%zu-0.5:-0.5]\nset xrange [0:%g]\nset ytics scale 0\n"
		"unset grid\nset grid xtics\nset xtics nomirror\nset border 1\n"
		"set lmargin at screen %g\nset rmargin at screen %g\n",
		m->ntaxes, ceil(top * 1.05), LABEL_FRAC, PLOT_END);
	chart_frame(s, keys, AXIS_PX, height);
	fputs("d = ", s);
	gp_quote(s, path);
	fputs("\nplot d using (0):2:ytic(1) with points ps 0 notitle", s);
	plot_series(p, str_get(m->str, "chart_s_grid"));
	for (k = 0; k < 4; k++) {
		char low[8];
		snprintf(low, sizeof low, k ? "%zu" : "(0)", k + 2);
		fprintf(s, ", d using (0):2:%s:%zu:($2-0.32):($2+0.32) with boxxyerror "
			"fs solid 1 noborder lc ", low, k + 3);
		gp_colour(s, colours[k]);
		fputs(" title ", s);
		gp_quote(s, str_get(m->str, parts[k]));
		plot_series(p, str_get(m->str, parts[k]));
	}
	fputs(", d using 6:2:7 with labels left offset char 0.5,0 tc rgb '#333333' "
	      "notitle\n", s);
	plot_series(p, str_get(m->str, "chart_s_values"));
	plot_end_chart(p, "timetax");
	free(path);
	return rc;
}

/* The share of conversations showing each signal: praise green, the
 * rest red. */
static int chart_voice(struct plot *p, const struct report_model *m)
{
	struct bar b[NSIGNALS];
	char *path = NULL, num[48];
	FILE *f = plot_data(p, &path);
	size_t s, n = 0;
	int rc, lines;

	if (!f)
		return CX_EIO;
	memset(b, 0, sizeof b);
	for (s = 0; s < NSIGNALS; s++) {
		double v = m->voice->signals[s].pct;
		if (!m->voice->signals[s].present)
			continue;
		b[n].label = report_signal_name(m, s);
		b[n].hi = v;
		b[n].colour = s == SIG_PRAISE ? PALETTE_AHEAD : PALETTE_BEHIND;
		b[n].text = xstrdup(str_num(m->str, num, v, 1));
		b[n].series = series_text(b[n].label, num);
		n++;
	}
	lines = bars_data(f, b, n);
	rc = plot_data_close(f, path);
	bars_plot(p, m, "voice", path, b, n, 0, 100, lines, 0);
	chart_describe(p, m, "chart_desc_voice", NULL);
	fputc('\n', p->script);
	plot_end_chart(p, "voice");
	for (s = 0; s < n; s++) {
		free(b[s].series);
		free((char *)b[s].text);
	}
	free(path);
	return rc;
}

int charts_add(struct plot *p, const struct report_model *m,
	       const struct chart_opts *o)
{
	long fk = gap_frontier_index(m->gap);
	char name[32];
	size_t d;
	int rc = chart_overall(p, m);

	if (rc == CX_OK && m->ndims >= 3) /* a radar needs three axes */
		rc = chart_radar(p, m, o);
	for (d = 0; rc == CX_OK && fk >= 0 && d < m->cat->ndims; d++) {
		if (!m->gap->dims[d].nmetrics)
			continue;
		snprintf(name, sizeof name, "gap-%zu", d);
		rc = chart_gap(p, m, d, fk, name);
	}
	if (rc == CX_OK && m->ntaxes > 0)
		rc = chart_timetax(p, m);
	if (rc == CX_OK && m->friction) {
		const struct fr_factor *w = friction_factor(m->friction, "wait");
		if (w && report_fr_charted(w))
			rc = chart_friction_wait(p, m, w);
	}
	if (rc == CX_OK && m->voice)
		rc = chart_voice(p, m);
	if (rc == CX_OK && m->trend->nperiods > 1)
		rc = charts_trend(p, m, fk);
	return rc;
}
