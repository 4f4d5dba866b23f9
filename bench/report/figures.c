/* figures: reading gnuplot's SVGs and dressing them for the report:
 * gnuplot's own words ("Gnuplot", "Produced by GNUPLOT", "gnuplot_plot_3")
 * give way to the chart's description and the names of its series, and
 * the chart gets a largest width at which its text stays the size it was
 * drawn (plot.h: PLOT_FONT at PLOT_WIDTH). */
#include "report/figures.h"
#include "base/mem.h"
#include "base/msg.h"
#include "report/html.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The chart may grow this much past its drawn width on a wide page: its
 * text then reads about as large as the report's headings. */
#define MAX_GROWTH 1.2

static xmlNodePtr child(xmlNodePtr n, const char *name)
{
	for (n = n->children; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, BAD_CAST name) == 0)
			return n;
	return NULL;
}

static void set_text(xmlNodePtr n, const char *text)
{
	xmlNodeSetContent(n, NULL);
	xmlNodeAddContent(n, BAD_CAST text);
}

/* gnuplot names the group of plot clause N "gnuplot_plot_N" and, for a
 * clause without a key title, titles it the same: the name charts.c gave
 * that clause replaces both. */
static void name_series(xmlNodePtr g, const struct plot_chart *c, const char *id)
{
	xmlNodePtr title = child(g, "title");
	xmlChar *text = title ? xmlNodeGetContent(title) : NULL;
	long n = strtol(id + strlen("gnuplot_plot_"), NULL, 10);
	char buf[32];

	if (title && n >= 1 && (size_t)n <= c->nseries &&
	    (!text || xmlStrcmp(text, BAD_CAST id) == 0 || !*text))
		set_text(title, c->series[n - 1]);
	else if (title && text && xmlStrcmp(text, BAD_CAST id) == 0)
		set_text(title, c->desc ? c->desc : "");
	xmlFree(text);
	snprintf(buf, sizeof buf, "series-%ld", n);
	xmlSetProp(g, BAD_CAST "id", BAD_CAST buf);
}

static void dress_ids(xmlNodePtr n, const struct plot_chart *c)
{
	xmlChar *id;

	for (n = n->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		id = xmlGetProp(n, BAD_CAST "id");
		if (id && xmlStrncmp(id, BAD_CAST "gnuplot_plot_", 13) == 0)
			name_series(n, c, (const char *)id);
		else if (id && xmlStrncmp(id, BAD_CAST "gnuplot_", 8) == 0)
			xmlSetProp(n, BAD_CAST "id", id + 8);
		xmlFree(id);
		dress_ids(n, c);
	}
}

static void dress(xmlDocPtr svg, const struct plot_chart *c)
{
	xmlNodePtr root = xmlDocGetRootElement(svg), desc = child(root, "desc");
	xmlNodePtr title = child(root, "title");
	char style[64];

	if (!desc)
		desc = xmlNewChild(root, NULL, BAD_CAST "desc", NULL);
	set_text(desc, c->desc ? c->desc : "");
	if (title) /* the report puts the figure's caption here */
		set_text(title, c->desc ? c->desc : "");
	dress_ids(root, c);
	snprintf(style, sizeof style, "max-width:%dpx", (int)(PLOT_WIDTH * MAX_GROWTH));
	xmlSetProp(root, BAD_CAST "style", BAD_CAST style);
}

int figures_read(struct figures *f, const struct plot *p)
{
	char *path;
	size_t i;
	int rc = CX_OK;

	memset(f, 0, sizeof *f);
	f->charts = p->charts;
	/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
	f->svgs = xcalloc(p->ncharts + 1, sizeof *f->svgs);
	f->n = p->ncharts;
	for (i = 0; rc == CX_OK && i < f->n; i++) {
		path = plot_file(p, f->charts[i].name, "svg");
		rc = h_svg_read(path, &f->svgs[i]) < 0 ? CX_EIO : CX_OK;
		if (rc == CX_OK)
			dress(f->svgs[i], &f->charts[i]);
		free(path);
	}
	return rc;
}

xmlDocPtr figures_take(struct figures *f, const char *name)
{
	xmlDocPtr svg;
	size_t i;

	for (i = 0; i < f->n; i++) {
		if (f->svgs[i] && strcmp(f->charts[i].name, name) == 0) {
			svg = f->svgs[i];
			f->svgs[i] = NULL;
			return svg;
		}
	}
	return NULL;
}

void figures_release(struct figures *f)
{
	size_t i;

	for (i = 0; f->svgs && i < f->n; i++)
		xmlFreeDoc(f->svgs[i]);
	free(f->svgs);
	memset(f, 0, sizeof *f);
}
