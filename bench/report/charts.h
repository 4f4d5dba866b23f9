/* charts: the report's charts as gnuplot commands and data files
 * (charts.c: the bar charts; chart_radar.c, chart_gap.c, chart_trend.c).
 * What a chart shows is the model's; how it is drawn follows a few rules:
 * each brand in its own colour (palette.h), the company on top, every
 * reference mark telling reported from modeled, legends below the plot,
 * text that stays readable on a phone (plot.h), and a description and
 * series names in the report's language (figures.c puts them in the SVG). */
#ifndef CX_CHARTS_H
#define CX_CHARTS_H
#include "report/report.h"

#define CHARTS_HIGHLIGHT_MAX 3

struct chart_opts {
	/* the references the radar draws besides the company and the
	 * frontier: indexes into the model's gap->refs */
	size_t highlight[CHARTS_HIGHLIGHT_MAX];
	size_t nhighlight;
};

/* Picks the radar's references: the profile ids in `list` (comma
 * separated; NULL for the default, the three brands whose overall index
 * is nearest the company's).  NULL, or a message to show as a usage
 * error (caller frees). */
char *charts_highlight(const struct report_model *m, const char *list,
		       struct chart_opts *o);
/* Adds every chart of the model to the gnuplot script: CX_OK, or CX_EIO
 * after a message when a data file cannot be written. */
int charts_add(struct plot *p, const struct report_model *m,
	       const struct chart_opts *o);
#endif
