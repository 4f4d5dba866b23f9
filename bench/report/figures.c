#include "report/figures.h"
#include "base/mem.h"
#include "base/msg.h"
#include "report/html.h"
#include <stdlib.h>
#include <string.h>

int figures_read(struct figures *f, const struct plot *p)
{
	char *path;
	size_t i;
	int rc = CX_OK;

	memset(f, 0, sizeof *f);
	f->names = p->charts;
	/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
	f->svgs = xcalloc(p->ncharts + 1, sizeof *f->svgs);
	f->n = p->ncharts;
	for (i = 0; rc == CX_OK && i < f->n; i++) {
		path = plot_file(p, f->names[i], "svg");
		rc = h_svg_read(path, &f->svgs[i]) < 0 ? CX_EIO : CX_OK;
		free(path);
	}
	return rc;
}

xmlDocPtr figures_take(struct figures *f, const char *name)
{
	xmlDocPtr svg;
	size_t i;

	for (i = 0; i < f->n; i++) {
		if (f->svgs[i] && strcmp(f->names[i], name) == 0) {
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
