/* report_spark: the summary's sparkline of the index, period by period,
 * drawn here as inline SVG with libxml2's tree API (a few points need no
 * gnuplot) and scaled to its own range, so that the shape of the change
 * shows; its title and aria-label say in words what it shows. */
#include "report/report_parts.h"
#include "base/mem.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SPARK_W 120
#define SPARK_H 32
#define SPARK_PAD 3
#define SPARK_XY 32 /* room for one "x,y" */

struct spark {
	const double *y;
	size_t n;
	double lo, hi;
};

static void spark_xy(const struct spark *sp, size_t i, char *buf, size_t size)
{
	double x = SPARK_PAD + (double)i * (SPARK_W - 2 * SPARK_PAD) / (double)(sp->n - 1);
	double y = sp->hi > sp->lo ? SPARK_H - SPARK_PAD - (sp->y[i] - sp->lo) /
		(sp->hi - sp->lo) * (SPARK_H - 2 * SPARK_PAD) : SPARK_H / 2.0;
	snprintf(buf, size, "%.1f,%.1f", x, y);
}

/* One polyline per run of periods with an index; returns the slot after
 * the run. */
static size_t spark_run(xmlNodePtr svg, const struct spark *sp, size_t i)
{
	size_t size = sp->n * SPARK_XY + 1, len = 0;
	char *pts = xmalloc(size);

	pts[0] = '\0';
	for (; i < sp->n && !isnan(sp->y[i]); i++) {
		if (len)
			pts[len++] = ' ';
		spark_xy(sp, i, pts + len, size - len);
		len += strlen(pts + len);
	}
	h_attr(h_el(svg, "polyline", NULL), "points", pts);
	free(pts);
	return i;
}

static void spark_end(xmlNodePtr svg, const struct spark *sp, size_t last)
{
	xmlNodePtr dot = h_el(svg, "circle", NULL);
	char xy[SPARK_XY], *comma;

	spark_xy(sp, last, xy, sizeof xy);
	comma = strchr(xy, ',');
	*comma = '\0';
	h_attr(dot, "cx", xy);
	h_attr(dot, "cy", comma + 1);
	h_attr(dot, "r", "2.5");
}

static void spark_title(xmlNodePtr svg, const struct report_model *m,
			const struct trend_row *r)
{
	char period[STR_PERIOD_SIZE], now[STR_PERIOD_SIZE], first[48], last[48], *text;
	const char *vars[] = { "first", first, "first_period", period, "last", last,
		"last_period", str_period(m->str, now, m->gap->period->key), NULL };

	str_period(m->str, period, m->trend->timeline[r->first]);
	str_num(m->str, first, r->scores[r->first], 1);
	str_num(m->str, last, r->scores[r->last], 1);
	text = str_fill(m->str, "spark_title", vars);
	h_attr(svg, "role", "img");
	h_attr(svg, "aria-label", text);
	h_text(svg, "title", NULL, text);
	free(text);
}

/* The index period by period as a small line, drawn here with the tree
 * API (a few points need no gnuplot); a period without an index breaks
 * the line, and the last one is a dot. */
void part_sparkline(xmlNodePtr parent, const struct report_model *m)
{
	const struct trend *t = m->trend;
	const struct trend_row *r = trend_overall(t);
	struct spark sp = { r->scores, t->nperiods, HUGE_VAL, -HUGE_VAL };
	xmlNodePtr svg;
	char box[48];
	size_t i;

	if (t->nperiods < 2 || r->first < 0 || r->last <= r->first)
		return;
	for (i = 0; i < sp.n; i++)
		if (!isnan(sp.y[i])) {
			sp.lo = fmin(sp.lo, sp.y[i]);
			sp.hi = fmax(sp.hi, sp.y[i]);
		}
	svg = h_el(parent, "svg", "spark");
	snprintf(box, sizeof box, "0 0 %d %d", SPARK_W, SPARK_H);
	h_attr(svg, "viewBox", box);
	spark_title(svg, m, r);
	for (i = 0; i < sp.n; i++)
		if (!isnan(sp.y[i]))
			i = spark_run(svg, &sp, i);
	spark_end(svg, &sp, (size_t)r->last);
}
