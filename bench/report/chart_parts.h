/* chart_parts: what the chart files of bench/report share (charts.c,
 * chart_radar.c, chart_gap.c, chart_trend.c); nothing else includes it. */
#ifndef CX_CHART_PARTS_H
#define CX_CHART_PARTS_H
#include "report/charts.h"
#include "report/palette.h"
#include <stdio.h>

#define LINE_PX 25 /* a line of chart text at PLOT_FONT, as gnuplot spaces them */
/* The widest character of chart text, as a share of PLOT_FONT (Cyrillic
 * capitals in DejaVu Sans); wrapping on it keeps every line inside. */
#define CHAR_EM 0.62

/* A number field of a data file (NaN for a gap), after a tab. */
void put_num(FILE *f, double v);
/* A label field, after a tab. */
void put_label(FILE *f, const char *s);
/* Characters of chart text that fit in px. */
size_t chart_chars(double px);
/* rgb '#rrggbb' */
void gp_colour(FILE *s, unsigned c);
#define TOP_PX 12          /* above the plot */
#define AXIS_PX (2 * LINE_PX) /* the x axis's numbers under the plot */

/* gnuplot drops the legend entries that outnumber the lines the plot's
 * own height holds: the height a plot of content_px needs for key_rows. */
int chart_plot_px(int content_px, int key_rows);
/* The px a legend of `rows` lines takes. */
int chart_key_px(int rows);
/* The plot between TOP_PX and, under it, axis_px for the x axis and the
 * legend of key_rows lines (none: 0), in a chart `height` px high; the
 * legend starts at the chart's left edge, whatever the plot's margin, one
 * entry a line with its sample left of the text. */
void chart_frame(FILE *s, int key_rows, int axis_px, int height);
/* Adds a legend entry (a clause that draws nothing) with sample `style`,
 * its text wrapped to the chart's width: the lines after the first have
 * no sample.  `first` is 1 for the plot command's first clause.  Returns
 * the lines it takes. */
int chart_key_entry(struct plot *p, const char *style, const char *title, int first);
/* The lines chart_key_entry() gives `title`. */
int chart_key_lines(const char *title);
/* The current chart's description: string `key` with {company} and the
 * pairs of vars (NULL-terminated; may be NULL) filled in. */
void chart_describe(struct plot *p, const struct report_model *m, const char *key,
		    const char *const *vars);
/* A reference value's basis for a label: "Amazon, reported 2019",
 * "Amazon, modeled", "..., (dated)"; caller frees. */
char *chart_basis(const struct report_model *m, const struct ref_value *v,
		  const char *brand, int age);

int chart_radar(struct plot *p, const struct report_model *m,
		const struct chart_opts *o);
int chart_gap(struct plot *p, const struct report_model *m, size_t d, long fk,
	      const char *name);
int charts_trend(struct plot *p, const struct report_model *m, long fk);
/* chart_friction.c: CSAT by wait level with its intervals ("friction-wait"). */
int chart_friction_wait(struct plot *p, const struct report_model *m,
			const struct fr_factor *w);
#endif
