/* report: the document's skeleton (head, header, contents, sections,
 * footer) and the helpers its sections share.  The sections are one
 * table: the contents and the body both walk it. */
#include "report/report_parts.h"
#include "report/print.h"
#include "base/mem.h"
#include "base/msg.h"
#include <math.h>
#include <stdlib.h>
#include <stdio.h>

int part_figure(xmlNodePtr parent, struct figures *figs, const char *name,
		const char *caption)
{
	xmlNodePtr fig = h_el(parent, "figure", "chart");
	xmlDocPtr svg = figures_take(figs, name);

	if (!svg) { /* a section and its chart that disagree: our mistake */
		msg_error("report: no chart '%s' was drawn", name);
		return -1;
	}
	h_text(fig, "figcaption", NULL, caption);
	h_svg_adopt(fig, svg, name, caption);
	return 0;
}

char *part_text(const struct report_model *m, const char *key)
{
	char per[STR_PERIOD_SIZE];
	const char *vars[] = { "company", m->company->name, "period",
		str_period(m->str, per, m->gap->period->key), NULL };
	return str_fill(m->str, key, vars);
}

void part_num(const struct report_model *m, xmlNodePtr tr, double v,
	      int decimals, int signed_)
{
	char buf[49];
	const char *cls = !signed_ || isnan(v) || fabs(v) < 0.05 ? "num" :
		v > 0 ? "num behind" : "num ahead";
	h_cell(tr, 0, signed_ ? str_signed(m->str, buf, v, decimals) :
	       str_num(m->str, buf, v, decimals), cls);
}

void part_head(xmlNodePtr table, const struct report_model *m,
	       const char *const *keys, size_t n)
{
	xmlNodePtr tr = h_el(table, "tr", NULL);
	char *text;
	size_t i;

	for (i = 0; i < n; i++) {
		text = part_text(m, keys[i]);
		h_cell(tr, 1, text, NULL);
		free(text);
	}
}

const char *part_significance(const struct report_model *m, int significant)
{
	return str_get(m->str, significant < 0 ? "sig_unknown" :
		       significant ? "sig_yes" : "sig_no");
}

/* The logo is already a data: URI (assets.h), so the file stays
 * self-contained. */
static void add_logo(xmlNodePtr header, const char *uri)
{
	xmlNodePtr img = h_el(header, "img", "logo");
	h_attr(img, "src", uri);
	h_attr(img, "alt", "");
}

/* The theme was checked when loaded (assets.h): written raw inside
 * <style>, it cannot close the element.  The page's own rules (print.h)
 * hold user text as escapes only. */
static void add_head(xmlNodePtr head, const char *title, const char *css,
		     const char *page_css)
{
	xmlNodePtr meta = h_el(head, "meta", NULL);
	h_attr(meta, "charset", "utf-8");
	meta = h_el(head, "meta", NULL);
	h_attr(meta, "name", "viewport");
	h_attr(meta, "content", "width=device-width, initial-scale=1");
	h_text(head, "title", NULL, title);
	xmlNodeAddContent(h_el(head, "style", NULL), BAD_CAST css);
	xmlNodeAddContent(h_el(head, "style", NULL), BAD_CAST page_css);
}

/* What the foot of every printed page says: --footer and the date. */
static char *page_footer(const struct report_model *m, const struct report_look *look)
{
	const char *vars[] = { "date", look->date, NULL };
	char *date = str_fill(m->str, "generated", vars), *text;

	if (!look->footer)
		return date;
	text = xasprintf("%s \u00b7 %s", look->footer, date);
	free(date);
	return text;
}

static char *page_css(const struct report_model *m, const struct report_look *look)
{
	char *header = xasprintf("%s \u00b7 %s", m->company->name, m->gap->period->label);
	char *footer = page_footer(m, look), *css;
	struct print_page pg = { look->paper, header, footer,
		str_get(m->str, "page_of") };

	css = print_page_css(&pg);
	free(header);
	free(footer);
	return css;
}

static int has_trend(const struct report_model *m)
{
	return m->trend->nperiods >= 2;
}

static int has_friction(const struct report_model *m)
{
	return m->friction != NULL;
}

static int has_voice(const struct report_model *m)
{
	return m->voice != NULL;
}

/* The report's sections, in order: id (the anchor), the string key of
 * the heading, what fills it, and when it is shown (NULL: always). */
static const struct section {
	const char *id;
	const char *heading;
	int (*build)(xmlNodePtr s, const struct report_model *m, struct figures *p);
	int (*shown)(const struct report_model *m);
} sections[] = {
	{ "summary", "summary_h", part_summary, NULL },
	{ "priorities", "priorities_h", part_priorities, NULL },
	{ "dimensions", "dimensions_h", part_dimensions, NULL },
	{ "metrics", "gaps_h", part_metrics, NULL },
	{ "timetax", "timetax_h", part_timetax, NULL },
	{ "friction", "friction_h", part_friction, has_friction },
	{ "trend", "trend_h", part_trend, has_trend },
	{ "voice", "voice_h", part_voice, has_voice },
	{ "not-compared", "not_compared_h", part_not_compared, NULL },
	{ "methodology", "method_h", part_methodology, NULL },
	{ "sources", "sources_h", part_sources, NULL },
};
#define NSECTIONS (sizeof sections / sizeof *sections)

static int shown(const struct section *sec, const struct report_model *m)
{
	return !sec->shown || sec->shown(m);
}

static void add_toc(xmlNodePtr body, const struct report_model *m)
{
	xmlNodePtr nav = h_el(body, "nav", "toc"), ol;
	char href[32];
	size_t i;

	h_text(nav, "h2", NULL, str_get(m->str, "contents"));
	ol = h_el(nav, "ol", NULL);
	for (i = 0; i < NSECTIONS; i++) {
		if (!shown(&sections[i], m))
			continue;
		snprintf(href, sizeof href, "#%s", sections[i].id);
		h_attr(h_text(h_el(ol, "li", NULL), "a", NULL,
			      str_get(m->str, sections[i].heading)), "href", href);
	}
}

/* Every section is laid out even after a chart failed: the one message
 * has been printed, the report will not be written. */
static int add_body(xmlNodePtr body, const struct report_model *m,
		    struct figures *p)
{
	xmlNodePtr main = h_el(body, "main", NULL), s;
	size_t i;
	int bad = 0;

	for (i = 0; i < NSECTIONS; i++) {
		if (!shown(&sections[i], m))
			continue;
		s = h_el(main, "section", NULL);
		h_attr(s, "id", sections[i].id);
		h_text(s, "h2", NULL, str_get(m->str, sections[i].heading));
		bad |= sections[i].build(s, m, p) != 0;
	}
	return bad ? CX_EIO : CX_OK;
}

static void add_header(xmlNodePtr body, const struct report_model *m,
		       const struct report_look *look, const char *title)
{
	xmlNodePtr header = h_el(body, "header", "report"), text;
	char n[16], *sub, per[STR_PERIOD_SIZE];
	const char *vars[] = { "company", m->company->name, "period",
		str_period(m->str, per, m->gap->period->key), "n", n, NULL };

	if (look->assets->logo_uri)
		add_logo(header, look->assets->logo_uri);
	text = h_el(header, "div", NULL);
	h_text(text, "h1", NULL, title);
	snprintf(n, sizeof n, "%zu", m->gap->nrefs - (gap_frontier_index(m->gap) >= 0));
	sub = str_fill(m->str, "subtitle", vars);
	h_text(text, "p", "subtitle", sub);
	free(sub);
}

static void add_footer(xmlNodePtr body, const struct report_model *m,
		       const struct report_look *look)
{
	const char *vars[] = { "version", look->version, "date", look->date, NULL };
	xmlNodePtr footer = h_el(body, "footer", NULL);
	char *text;

	if (look->footer)
		h_text(footer, "p", "footer-text", look->footer);
	text = str_fill(m->str, "footer", vars);
	h_text(footer, "p", NULL, text);
	free(text);
	text = str_fill(m->str, "generated", vars);
	h_text(footer, "p", NULL, text);
	free(text);
}

/* The list of every source value (report_appendix.c) is closed and left
 * out of print unless asked for. */
static void open_full_sources(xmlNodePtr n)
{
	xmlNodePtr c;
	xmlChar *id;

	for (c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		id = xmlGetProp(c, BAD_CAST "id");
		if (id && xmlStrcmp(id, BAD_CAST SOURCES_ALL_ID) == 0) {
			h_attr(c, "open", "open");
			h_attr(c, "class", "all-sources print");
		} else if (xmlStrcmp(c->name, BAD_CAST "svg") != 0) {
			open_full_sources(c);
		}
		xmlFree(id);
	}
}

int report_build(const struct report_model *m, struct figures *p,
		 const struct report_look *look, xmlDocPtr *out)
{
	xmlNodePtr head, body;
	xmlDocPtr doc = html_new(strings_lang(m->str), &head, &body);
	char *title = look->title ? xstrdup(look->title) : part_text(m, "title_default");
	char *css = page_css(m, look);
	int rc;

	add_head(head, title, look->assets->css, css);
	add_header(body, m, look, title);
	add_toc(body, m);
	rc = add_body(body, m, p);
	if (rc == CX_OK) {
		add_footer(body, m, look);
		print_layout(body, str_get(m->str, "scroll_hint"));
		if (look->full_sources)
			open_full_sources(body);
	}
	free(css);
	free(title);
	if (rc != CX_OK) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	*out = doc;
	return rc;
}
