/* report_voice: the "what customers say without being asked" section:
 * the signals `listen` found in transcripts (voice.h, given with
 * --signals), their shares as a chart and a table, and the masked example
 * quotes.  Shown only with --signals (report.c's table). */
#include "report/report_parts.h"
#include "base/mem.h"
#include <stdio.h>
#include <stdlib.h>

static void quotes(xmlNodePtr s, const struct report_model *m)
{
	const struct voice_signal *vs;
	xmlNodePtr ul;
	size_t k, i;

	h_text(s, "h3", NULL, str_get(m->str, "quotes_h"));
	for (k = 0; k < NSIGNALS; k++) {
		vs = &m->voice->signals[k];
		if (!vs->nexamples)
			continue;
		h_text(s, "h4", NULL, report_signal_name(m, k));
		ul = h_el(s, "ul", "quotes");
		for (i = 0; i < vs->nexamples; i++)
			h_text(ul, "li", NULL, vs->examples[i]);
	}
}

int part_voice(xmlNodePtr s, const struct report_model *m, struct figures *p)
{
	xmlNodePtr t, tr;
	char conv[48], *text;
	const char *vars[] = { "conversations", conv, NULL };
	size_t k;
	int rc;

	str_num(m->str, conv, m->voice->conversations, 0);
	text = str_fill(m->str, "voice_intro", vars);
	h_text(s, "p", NULL, text);
	free(text);
	rc = part_figure(s, p, "voice", str_get(m->str, "chart_voice"));
	t = h_table(s, str_get(m->str, "chart_voice"));
	tr = h_el(t, "tr", NULL);
	h_cell(tr, 1, str_get(m->str, "col_signal"), NULL);
	h_cell(tr, 1, str_get(m->str, "col_share"), "num");
	h_cell(tr, 1, str_get(m->str, "col_conversations"), "num");
	for (k = 0; k < NSIGNALS; k++) {
		if (!m->voice->signals[k].present)
			continue;
		tr = h_el(t, "tr", NULL);
		h_cell(tr, 0, report_signal_name(m, k), NULL);
		part_num(m, tr, m->voice->signals[k].pct, 1, 0);
		part_num(m, tr, m->voice->signals[k].n, 0, 0);
	}
	quotes(s, m);
	return rc;
}
