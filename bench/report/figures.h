/* figures: the charts gnuplot drew, read into memory and checked as soon
 * as it has run, so that laying out the report reads no file; each SVG
 * gets its description and the names of its series instead of gnuplot's
 * (figures.c).  The set owns each SVG until part_figure() takes it into
 * the document. */
#ifndef CX_FIGURES_H
#define CX_FIGURES_H
#include <stddef.h>
#include <libxml/tree.h>
#include "report/plot.h"

struct figures {
	const struct plot_chart *charts; /* borrowed from the plot */
	xmlDocPtr *svgs; /* NULL once taken */
	size_t n;
};

/* Reads every chart of p: CX_OK, or CX_EIO after one message (the first
 * chart gnuplot did not draw). */
int figures_read(struct figures *f, const struct plot *p);
/* The SVG of chart `name`, now the caller's; NULL when there is none. */
xmlDocPtr figures_take(struct figures *f, const char *name);
void figures_release(struct figures *f);
#endif
