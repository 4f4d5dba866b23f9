/* chart_friction: CSAT at each wait level as bars, each with its 95 %
 * interval as a line across the bar's end, so that a reader sees at once
 * which differences stand out of the noise.  A level with fewer than
 * FRICTION_MIN_ANSWERS answers is drawn hatched: shown, not to be
 * trusted.  The same layout as charts.c's bar charts (labels left, the
 * value printed right of the interval). */
#include "report/chart_parts.h"
#include "base/mem.h"
#include "base/msg.h"
#include <math.h>
#include <stdlib.h>
#include <stdio.h>

#define LABEL_FRAC 0.30
#define PLOT_END 0.86
#define BAR_COLOUR 0x2f6aa0u      /* a lighter blue: the interval reads over it */
#define INTERVAL_COLOUR 0x111111u

static void bar_clause(FILE *s, size_t i, int hatched)
{
	fprintf(s, ", d every ::%zu::%zu using (0):2:(0):3:($2-0.32):($2+0.32) with "
		"boxxyerror ", i, i);
	if (hatched) {
		fputs("fs pattern 5 border lc ", s);
		gp_colour(s, BAR_COLOUR);
		fputs(" fc ", s);
		gp_colour(s, BAR_COLOUR);
		fputs(" lw 1.5", s);
	} else {
		fputs("fs solid 1 noborder lc ", s);
		gp_colour(s, BAR_COLOUR);
	}
	fputs(" notitle", s);
}

int chart_friction_wait(struct plot *p, const struct report_model *m,
			const struct fr_factor *w)
{
	const char *k_ci = str_get(m->str, "chart_key_interval");
	const char *k_few = str_get(m->str, "chart_key_few_answers");
	char *path = NULL, num[48], *series, name[REPORT_FR_LEVEL_SIZE];
	FILE *f = plot_data(p, &path), *s = p->script;
	size_t i, chars = chart_chars(PLOT_WIDTH * LABEL_FRAC - 14), hatched = 0;
	int rc, lines = 1, l, keys, height;

	if (!f)
		return CX_EIO;
	for (i = 0; i < w->nlevels; i++) {
		const struct fr_level *lv = &w->levels[i];
		l = gp_field_wrap(f, report_fr_level(m, w->id, lv->level, name), chars);
		lines = l > lines ? l : lines;
		fprintf(f, "\t%zu", i);
		put_num(f, lv->csat.value);
		put_num(f, lv->csat.low);
		put_num(f, lv->csat.high);
		put_label(f, str_num(m->str, num, lv->csat.value, 1));
		fputc('\n', f);
		hatched += !fr_enough(&lv->csat);
	}
	rc = plot_data_close(f, path);
	keys = chart_key_lines(k_ci) + (hatched ? chart_key_lines(k_few) : 0);
	height = TOP_PX + chart_plot_px((int)w->nlevels * (lines * LINE_PX + 12), keys) +
		AXIS_PX + chart_key_px(keys);
	plot_chart(p, "friction-wait", PLOT_WIDTH, height);
	chart_describe(p, m, "chart_desc_friction_wait", NULL);
	fprintf(s, "set yrange [%zu-0.5:-0.5]\nset xrange [0:100]\nset ytics scale 0\n"
		"unset grid\nset grid xtics\nset xtics nomirror\nset border 1\n"
		"set lmargin at screen %g\nset rmargin at screen %g\n",
		w->nlevels, LABEL_FRAC, PLOT_END);
	chart_frame(s, keys, AXIS_PX, height);
	fputs("d = ", s);
	gp_quote(s, path);
	fputs("\nplot d using (0):2:ytic(1) with points ps 0 notitle", s);
	plot_series(p, str_get(m->str, "chart_s_grid"));
	for (i = 0; i < w->nlevels; i++) {
		const struct fr_level *lv = &w->levels[i];
		bar_clause(s, i, !fr_enough(&lv->csat));
		series = xasprintf("%s: %s", report_fr_level(m, w->id, lv->level, name),
				   str_num(m->str, num, lv->csat.value, 1));
		plot_series(p, series);
		free(series);
	}
	fputs(", d using 3:2:4:5 with xerrorbars ps 0 lw 2 lc ", s);
	gp_colour(s, INTERVAL_COLOUR);
	fputs(" notitle", s);
	plot_series(p, k_ci);
	fputs(", d using 5:2:6 with labels left offset char 0.5,0 tc rgb '#333333' "
	      "notitle", s);
	plot_series(p, str_get(m->str, "chart_s_values"));
	chart_key_entry(p, "with lines lw 2 lc rgb '#111111'", k_ci, 0);
	if (hatched)
		chart_key_entry(p, "with boxes fs pattern 5 border lc rgb '#2f6aa0' "
				"fc rgb '#2f6aa0'", k_few, 0);
	fputc('\n', s);
	plot_end_chart(p, "friction-wait");
	free(path);
	return rc;
}
