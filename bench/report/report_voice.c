/* report_voice: "What customers say without being asked": the signals
 * `listen` found in transcripts (its JSON output, given with --signals),
 * a chart and table of their shares, and the masked example quotes. */
#include "report/report_parts.h"
#include "listen/lexicon.h"
#include "base/mem.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static double number(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
	return cJSON_IsNumber(v) ? v->valuedouble : NAN;
}

static const char *signal_name(const struct report_model *m, size_t s)
{
	char key[64];
	snprintf(key, sizeof key, "signal.%s", signal_ids[s]);
	return str_get(m->str, key);
}

void charts_voice(struct plot *p, const struct report_model *m)
{
	const cJSON *sig = cJSON_GetObjectItemCaseSensitive(m->signals, "signals");
	char *path = NULL, num[48];
	FILE *f = plot_data(p, &path);
	size_t s;

	for (s = 0; s < NSIGNALS; s++) {
		double v = number(cJSON_GetObjectItemCaseSensitive(sig, signal_ids[s]), "pct");
		gp_field(f, signal_name(m, s));
		fprintf(f, "\t0\t%.10g\t%u\t", isnan(v) ? 0 : v,
			s == SIG_PRAISE ? 0x2e8b57u : 0xc0392bu);
		gp_field(f, str_num(m->str, num, v, 1));
		fputc('\n', f);
	}
	if (fclose(f) != 0)
		exit(3);
	plot_chart(p, "voice", 860, 70 + NSIGNALS * 30);
	fputs("set yrange [5.7:-0.7]\nset xrange [0:*]\nset ytics scale 0\nunset grid\n"
	      "set grid xtics\nset lmargin at screen 0.34\nunset key\nd = ", p->script);
	gp_quote(p->script, path);
	fputs("\nplot d using (0):0:2:3:($0-0.34):($0+0.34):4:ytic(1) with boxxyerror "
	      "lc rgb variable, d using 3:0:5 with labels left offset char 0.6,0 "
	      "tc rgb '#333333' font 'Sans,11'\n", p->script);
	plot_end_chart(p, "voice");
	free(path);
}

static void quotes(xmlNodePtr s, const struct report_model *m, const cJSON *sig)
{
	const cJSON *ex, *q;
	xmlNodePtr ul;
	size_t k;

	h_text(s, "h3", NULL, str_get(m->str, "quotes_h"));
	for (k = 0; k < NSIGNALS; k++) {
		ex = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(sig,
			signal_ids[k]), "examples");
		if (!cJSON_GetArraySize(ex))
			continue;
		h_text(s, "h4", NULL, signal_name(m, k));
		ul = h_el(s, "ul", "quotes");
		cJSON_ArrayForEach(q, ex)
			if (cJSON_IsString(q))
				h_text(ul, "li", NULL, q->valuestring);
	}
}

int part_voice(xmlNodePtr body, const struct report_model *m, const struct plot *p)
{
	const cJSON *sig = cJSON_GetObjectItemCaseSensitive(m->signals, "signals");
	xmlNodePtr s, t, tr;
	char conv[32], *text;
	const char *vars[] = { "conversations", conv, NULL };
	size_t k;
	int rc;

	if (!m->signals)
		return 0;
	s = part_section(body, "voice", str_get(m->str, "voice_h"));
	str_num(m->str, conv, number(m->signals, "conversations"), 0);
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
		const cJSON *one = cJSON_GetObjectItemCaseSensitive(sig, signal_ids[k]);
		tr = h_el(t, "tr", NULL);
		h_cell(tr, 0, signal_name(m, k), NULL);
		part_num(m, tr, number(one, "pct"), 1, 0);
		part_num(m, tr, number(one, "n"), 0, 0);
	}
	quotes(s, m, sig);
	return rc;
}
