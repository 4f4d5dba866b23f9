/* chart_radar: the dimension scores as a radar, drawn as lines on a plain
 * x-y plot (gnuplot's spiderplot cannot mark a single vertex): the
 * frontier with the one light fill, at most three references as lines in
 * their colours, the company last, on top.  A reference's vertex is
 * hollow where its score is partial: it rests on fewer of the company's
 * metrics in that dimension than the company has, so it may lie above the
 * frontier, which is scored on all of them; a vertex above the frontier
 * is always hollow, and its legend entry says why. */
#include "report/chart_parts.h"
#include "base/mem.h"
#include "base/msg.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define R_LABEL 106.0 /* where the dimension names stand (scores 0..100) */
#define R_EDGE 178.0  /* the plot spans [-R_EDGE, R_EDGE] across */
#define R_HEIGHT 0.80 /* and this share of it up and down */

static int nearer(const struct report_model *m, size_t a, size_t b)
{
	const struct gap_report *g = m->gap;
	double da = fabs(g->ref_overall[a] - g->overall);
	double db = fabs(g->ref_overall[b] - g->overall);

	if (da != db)
		return da < db;
	return strcmp(g->refs[a]->id, g->refs[b]->id) < 0; /* not --against order */
}

/* The three brands nearest the company's index, nearest first. */
static void highlight_default(const struct report_model *m, struct chart_opts *o)
{
	const struct gap_report *g = m->gap;
	size_t k, i, j;

	o->nhighlight = 0;
	for (k = 0; k < g->nrefs; k++) {
		if (g->refs[k]->is_frontier || g->refs[k]->is_sector ||
		    isnan(g->ref_overall[k]))
			continue;
		for (i = o->nhighlight; i > 0 && nearer(m, k, o->highlight[i - 1]); i--)
			;
		if (i >= CHARTS_HIGHLIGHT_MAX)
			continue;
		j = o->nhighlight < CHARTS_HIGHLIGHT_MAX ? o->nhighlight++ : o->nhighlight - 1;
		for (; j > i; j--)
			o->highlight[j] = o->highlight[j - 1];
		o->highlight[i] = k;
	}
}

static char *highlight_one(const struct report_model *m, const char *id,
			   struct chart_opts *o)
{
	const struct gap_report *g = m->gap;
	size_t k, i;

	if (strcmp(id, "frontier") == 0)
		return xstrdup("--highlight: the frontier is always drawn; name brands");
	for (k = 0; k < g->nrefs; k++)
		if (!g->refs[k]->is_frontier && strcmp(g->refs[k]->id, id) == 0)
			break;
	if (k == g->nrefs)
		return xasprintf("--highlight: '%.64s' is not among the compared "
				 "profiles (see --against)", id);
	for (i = 0; i < o->nhighlight; i++)
		if (o->highlight[i] == k)
			return NULL;
	if (o->nhighlight == CHARTS_HIGHLIGHT_MAX)
		return xasprintf("--highlight: at most %d profiles", CHARTS_HIGHLIGHT_MAX);
	o->highlight[o->nhighlight++] = k;
	return NULL;
}

char *charts_highlight(const struct report_model *m, const char *list,
		       struct chart_opts *o)
{
	char *copy, *save = NULL, *id, *err = NULL;

	memset(o, 0, sizeof *o);
	if (!list) {
		highlight_default(m, o);
		return NULL;
	}
	copy = xstrdup(list);
	for (id = strtok_r(copy, ",", &save); id && !err; id = strtok_r(NULL, ",", &save))
		err = highlight_one(m, id, o);
	free(copy);
	if (!err && o->nhighlight == 0)
		err = xstrdup("--highlight: expected profile ids, e.g. amazon,usaa");
	return err;
}

struct radar {
	const struct report_model *m;
	size_t dims[64], n; /* the dimensions the company reports */
	long fk;
	double edge;
};

static void vertex(const struct radar *r, size_t i, double score, double *x, double *y)
{
	double a = M_PI / 2 - 2 * M_PI * (double)i / (double)r->n;
	*x = score * cos(a);
	*y = score * sin(a);
}

/* s with every word longer than `max` characters broken by a hyphen and
 * a space, so that a name beside the radar wraps inside the chart in any
 * language; caller frees. */
static char *hyphenate(const char *s, size_t max)
{
	char *out = xmalloc(strlen(s) * 3 + 1), *o = out;
	size_t n = 0;

	for (; *s; s++) {
		int starts = ((unsigned char)*s & 0xC0) != 0x80;
		if (*s == ' ') {
			n = 0;
		} else if (starts && n + 1 >= max && s[1] != ' ' && s[1] &&
			   max > 3) {
			*o++ = '-';
			*o++ = ' ';
			n = 0;
		}
		n += starts && *s != ' ';
		*o++ = *s;
	}
	*o = '\0';
	return out;
}

/* Company metrics in dimension d that reference k has. */
static size_t covered(const struct report_model *m, size_t d, size_t k)
{
	const struct gap_report *g = m->gap;
	size_t i, n = 0;

	for (i = 0; i < g->nmetrics; i++)
		n += m->cat->metrics[g->metrics[i].metric].dim == d && g->metrics[i].cells[k].present;
	return n;
}

static double frontier_score(const struct radar *r, size_t d)
{
	return r->fk >= 0 ? r->m->gap->dims[d].ref_scores[r->fk] : NAN;
}

/* Hollow when partial, or above the frontier (a sector is not in it). */
static int hollow(const struct radar *r, size_t d, size_t k)
{
	double s = r->m->gap->dims[d].ref_scores[k], f = frontier_score(r, d);
	return covered(r->m, d, k) < r->m->gap->dims[d].nmetrics ||
	       (!isnan(f) && s > f + 1e-9);
}

/* A closed polygon: x, y, hollow (1) or solid (0), one row a vertex and
 * the first again; k -1 for the company, -2 for the frontier. */
static int polygon(struct plot *p, const struct radar *r, long k, char **path)
{
	FILE *f = plot_data(p, path);
	size_t i, j;
	double s, x, y;

	if (!f)
		return CX_EIO;
	for (j = 0; j <= r->n; j++) {
		i = j % r->n;
		s = k == -1 ? r->m->gap->dims[r->dims[i]].score : k == -2 ?
			frontier_score(r, r->dims[i]) :
			r->m->gap->dims[r->dims[i]].ref_scores[k];
		if (isnan(s))
			continue;
		vertex(r, i, s, &x, &y);
		/* 2: the vertex that closes the line, not marked again */
		fprintf(f, "%.6f\t%.6f\t%d\n", x, y, j == r->n ? 2 :
			k >= 0 && hollow(r, r->dims[i], (size_t)k));
	}
	return plot_data_close(f, *path);
}

/* The rings (every 20 points), the spokes, their numbers, and the
 * dimension names: x, y, text, alignment (-1 right, 0 centre, 1 left). */
static int frame(struct plot *p, const struct radar *r, char **grid, char **labels)
{
	FILE *f = plot_data(p, grid), *l;
	char *name;
	double x, y, scale = PLOT_WIDTH / (2 * r->edge);
	size_t i, ring, chars;
	int rc;

	if (!f)
		return CX_EIO;
	for (ring = 20; ring <= 100; ring += 20, fputc('\n', f))
		for (i = 0; i <= r->n; i++) {
			vertex(r, i % r->n, (double)ring, &x, &y);
			fprintf(f, "%.6f\t%.6f\n", x, y);
		}
	for (i = 0; i < r->n; i++) {
		vertex(r, i, 100, &x, &y);
		fprintf(f, "0\t0\n%.6f\t%.6f\n\n", x, y);
	}
	rc = plot_data_close(f, *grid);
	l = rc == CX_OK ? plot_data(p, labels) : NULL;
	if (!l)
		return CX_EIO;
	for (ring = 20; ring <= 100; ring += 20) { /* left of the first spoke */
		double a = M_PI / 2 + M_PI / (double)r->n;
		fprintf(l, "%.6f\t%.6f\t%zu\t1\n", ring * cos(a), ring * sin(a), ring);
	}
	for (i = 0; i < r->n; i++) {
		int align;
		vertex(r, i, R_LABEL, &x, &y);
		align = x > 20 ? 1 : x < -20 ? -1 : 0;
		chars = chart_chars(align ? (r->edge - fabs(x)) * scale - 6 : 150);
		name = hyphenate(str_dimension(r->m->str, &r->m->cat->dims[r->dims[i]]), chars);
		fprintf(l, "%.6f\t%.6f\t", x, y > 20 ? y + 4 : y < -20 ? y - 4 : y);
		gp_field_wrap(l, name, chars);
		free(name);
		fprintf(l, "\t%d\n", align);
	}
	return plot_data_close(l, *labels);
}

/* "Amazon (partial: People 2 of 4 metrics; ...)". */
static char *ref_title(const struct radar *r, size_t k, int *any_hollow)
{
	const struct report_model *m = r->m;
	const char *name = report_ref_name(m, m->gap->refs[k]);
	char *list = NULL, *part, *joined, *out, nb[16], mb[16];
	const char *vars[] = { "dimension", NULL, "n", nb, "m", mb, NULL }, *lv[3];
	size_t i, d;
	int above = 0;

	for (i = 0; i < r->n; i++) {
		d = r->dims[i];
		if (!hollow(r, d, k) || isnan(m->gap->dims[d].ref_scores[k]))
			continue;
		*any_hollow = 1;
		if (covered(m, d, k) >= m->gap->dims[d].nmetrics) {
			above = 1;
			continue;
		}
		vars[1] = str_dimension(m->str, &m->cat->dims[d]);
		snprintf(nb, sizeof nb, "%zu", covered(m, d, k));
		snprintf(mb, sizeof mb, "%zu", m->gap->dims[d].nmetrics);
		part = str_fill(m->str, "chart_partial_dim", vars);
		joined = list ? xasprintf("%s; %s", list, part) : xstrdup(part);
		free(list);
		free(part);
		list = joined;
	}
	lv[0] = "list";
	lv[1] = list;
	lv[2] = NULL;
	part = list ? str_fill(m->str, "chart_partial", lv) : NULL;
	out = part ? xasprintf("%s (%s%s%s)", name, part, above ? "; " : "",
			       above ? str_get(m->str, "chart_not_frontier") : "") :
		above ? xasprintf("%s (%s)", name, str_get(m->str, "chart_not_frontier")) :
		xstrdup(name);
	free(part);
	free(list);
	return out;
}

static void line_style(FILE *s, unsigned colour, double lw)
{
	fputs("lc ", s);
	gp_colour(s, colour);
	fprintf(s, " lw %g", lw);
}

/* A reference's line, then its solid and its hollow vertices. */
static void ref_clauses(struct plot *p, const char *path, unsigned colour,
			const char *name)
{
	FILE *s = p->script;

	fputs(", ", s);
	gp_quote(s, path);
	fputs(" using 1:2 with lines ", s);
	line_style(s, colour, 2.5);
	fputs(" notitle, '' using 1:($3 == 0 ? $2 : NaN) with points pt 7 ps 0.8 ", s);
	line_style(s, colour, 1);
	fputs(" notitle, '' using 1:($3 == 1 ? $2 : NaN) with points pt 7 ps 1.1 "
	      "lc rgb '#ffffff' notitle, '' using 1:($3 == 1 ? $2 : NaN) with points "
	      "pt 6 ps 1.1 ", s);
	line_style(s, colour, 2);
	fputs(" notitle", s);
	plot_series(p, name);
	plot_series(p, name);
	plot_series(p, name);
	plot_series(p, name);
}

static int key_rows(const struct radar *r, const struct chart_opts *o, char **titles,
		    int *any_hollow)
{
	size_t i;
	int rows = chart_key_lines(r->m->company->name) +
		chart_key_lines(str_get(r->m->str, "frontier"));

	for (i = 0; i < o->nhighlight; i++) {
		titles[i] = ref_title(r, o->highlight[i], any_hollow);
		rows += chart_key_lines(titles[i]);
	}
	if (*any_hollow)
		rows += chart_key_lines(str_get(r->m->str, "chart_partial_note"));
	return rows;
}

static void legend(struct plot *p, const struct radar *r, const struct chart_opts *o,
		   char **titles, int any_hollow)
{
	const struct gap_report *g = r->m->gap;
	char style[96];
	size_t i;

	snprintf(style, sizeof style, "with linespoints pt 7 lw 3.5 lc rgb '#%06x'",
		 PALETTE_COMPANY);
	chart_key_entry(p, style, r->m->company->name, 0);
	snprintf(style, sizeof style, "with filledcurves fs solid 0.12 border lc "
		 "rgb '#%06x' dt 2 lw 2", PALETTE_FRONTIER);
	chart_key_entry(p, style, str_get(r->m->str, "frontier"), 0);
	for (i = 0; i < o->nhighlight; i++) {
		snprintf(style, sizeof style, "with linespoints pt 7 lw 2.5 lc rgb '#%06x'",
			 palette_ref(g->refs[o->highlight[i]]));
		chart_key_entry(p, style, titles[i], 0);
	}
	if (any_hollow)
		chart_key_entry(p, "with points pt 6 ps 1.1 lw 2 lc rgb '#333333'",
				str_get(r->m->str, "chart_partial_note"), 0);
}

static char *brand_list(const struct report_model *m, const struct chart_opts *o)
{
	char *list = xstrdup(""), *next;
	size_t i;

	for (i = 0; i < o->nhighlight; i++) {
		next = xasprintf("%s%s%s", list, i ? ", " : "",
				 report_ref_name(m, m->gap->refs[o->highlight[i]]));
		free(list);
		list = next;
	}
	return list;
}

static void radar_plot(struct plot *p, const struct radar *r, const struct chart_opts *o,
		       char *const *paths, const char *grid, const char *labels, int rows,
		       char **titles, int any_hollow)
{
	FILE *s = p->script;
	char *brands = brand_list(r->m, o);
	const char *vars[] = { "brands", brands, NULL };
	size_t i;

	int height = TOP_PX + chart_plot_px((int)(PLOT_WIDTH * R_HEIGHT), rows) + 8 +
		chart_key_px(rows);

	plot_chart(p, "radar", PLOT_WIDTH, height);
	chart_describe(p, r->m, "chart_desc_radar", vars);
	free(brands);
	fprintf(s, "set size ratio -1\nset xrange [%g:%g]\nset yrange [%g:%g]\n"
		"unset border\nunset tics\nunset grid\nset lmargin 0\nset rmargin 0\n",
		-r->edge, r->edge, -r->edge * R_HEIGHT, r->edge * R_HEIGHT);
	chart_frame(s, rows, 8, height);
	fputs("plot ", s);
	gp_quote(s, grid);
	fputs(" using 1:2 with lines lc rgb '#d0d0d0' lw 1 notitle", s);
	plot_series(p, str_get(r->m->str, "chart_s_grid"));
	fputs(", ", s);
	gp_quote(s, labels);
	fputs(" every ::0::4 using 1:2:3 with labels center tc rgb '#555555' notitle", s);
	plot_series(p, str_get(r->m->str, "chart_s_grid"));
	for (i = 0; i < 3; i++) {
		static const char *const just[] = { "right", "center", "left" };
		fputs(", ", s);
		gp_quote(s, labels);
		fprintf(s, " every ::5 using 1:($4 == %zu - 1 ? $2 : NaN):3 with labels %s "
			"tc rgb '#1d2433' notitle", i, just[i]);
		plot_series(p, str_get(r->m->str, "chart_s_labels"));
	}
	legend(p, r, o, titles, any_hollow);
	fputs(", ", s);
	gp_quote(s, paths[0]);
	fprintf(s, " using 1:2 with filledcurves closed fs solid 0.10 noborder lc "
		"rgb '#%06x' notitle, '' using 1:2 with lines dt 2 lw 2 lc rgb '#%06x' "
		"notitle", PALETTE_FRONTIER, PALETTE_FRONTIER);
	plot_series(p, str_get(r->m->str, "frontier"));
	plot_series(p, str_get(r->m->str, "frontier"));
	for (i = 0; i < o->nhighlight; i++)
		ref_clauses(p, paths[i + 1], palette_ref(r->m->gap->refs[o->highlight[i]]),
			    report_ref_name(r->m, r->m->gap->refs[o->highlight[i]]));
	fputs(", ", s);
	gp_quote(s, paths[o->nhighlight + 1]);
	fprintf(s, " using 1:2 with linespoints pt 7 ps 0.8 lw 3.5 lc rgb '#%06x' "
		"notitle\n", PALETTE_COMPANY);
	plot_series(p, r->m->company->name);
	plot_end_chart(p, "radar");
}

int chart_radar(struct plot *p, const struct report_model *m,
		const struct chart_opts *o)
{
	struct radar r = { m, { 0 }, 0, gap_frontier_index(m->gap), R_EDGE };
	char *paths[CHARTS_HIGHLIGHT_MAX + 2] = { NULL }, *grid = NULL, *labels = NULL;
	char *titles[CHARTS_HIGHLIGHT_MAX] = { NULL };
	size_t d, i;
	int rc = CX_OK, rows, any_hollow = 0;

	for (d = 0; d < m->cat->ndims && r.n < sizeof r.dims / sizeof *r.dims; d++)
		if (m->gap->dims[d].nmetrics)
			r.dims[r.n++] = d;
	if (r.n < 3) /* a radar needs three axes; the report asks for none then */
		return CX_OK;
	rc = frame(p, &r, &grid, &labels);
	if (rc == CX_OK)
		rc = polygon(p, &r, -2, &paths[0]);
	for (i = 0; rc == CX_OK && i < o->nhighlight; i++)
		rc = polygon(p, &r, (long)o->highlight[i], &paths[i + 1]);
	if (rc == CX_OK)
		rc = polygon(p, &r, -1, &paths[o->nhighlight + 1]);
	if (rc == CX_OK) {
		rows = key_rows(&r, o, titles, &any_hollow);
		radar_plot(p, &r, o, paths, grid, labels, rows, titles, any_hollow);
	}
	for (i = 0; i < CHARTS_HIGHLIGHT_MAX + 2; i++)
		free(paths[i]);
	for (i = 0; i < CHARTS_HIGHLIGHT_MAX; i++)
		free(titles[i]);
	free(grid);
	free(labels);
	return rc;
}
