/* report: the document's skeleton (head, header, contents, footer) and
 * the helpers its sections share. */
#include "report/report_parts.h"
#include "net/fetch.h"
#include "io/input.h"
#include <unistd.h>
#include "base/mem.h"
#include "base/msg.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

xmlNodePtr part_section(xmlNodePtr body, const char *id, const char *heading)
{
	xmlNodePtr s = h_el(body, "section", NULL);
	h_attr(s, "id", id);
	h_text(s, "h2", NULL, heading);
	return s;
}

/* Set when a chart could not be read: gnuplot that exits 0 without
 * drawing makes one message, not one per chart.  report_build() clears it. */
static int figure_failed;

int part_figure(xmlNodePtr parent, const struct plot *p, const char *name,
		const char *caption)
{
	xmlNodePtr fig = h_el(parent, "figure", "chart");
	char *path = NULL;
	int rc;

	if (figure_failed)
		return -1;
	path = plot_file(p, name, "svg");
	h_text(fig, "figcaption", NULL, caption);
	rc = h_svg(fig, path, name, caption);
	figure_failed = rc != 0;
	free(path);
	return rc;
}

char *part_text(const struct report_model *m, const char *key)
{
	const char *vars[] = { "company", m->company->name, "period",
		m->gap->period->label, NULL };
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

const char *part_significance(const struct report_model *m, int significant)
{
	return str_get(m->str, significant < 0 ? "sig_unknown" :
		       significant ? "sig_yes" : "sig_no");
}

static const char b64[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* Base64 of a buffer, for the data: URI of the logo; caller frees. */
static char *base64(const unsigned char *p, size_t n)
{
	char *out = xmalloc((n + 2) / 3 * 4 + 1), *o = out;
	size_t i;

	for (i = 0; i + 2 < n; i += 3, o += 4) {
		o[0] = b64[p[i] >> 2];
		o[1] = b64[((p[i] & 3) << 4) | (p[i + 1] >> 4)];
		o[2] = b64[((p[i + 1] & 15) << 2) | (p[i + 2] >> 6)];
		o[3] = b64[p[i + 2] & 63];
	}
	if (i < n) {
		o[0] = b64[p[i] >> 2];
		o[1] = b64[((p[i] & 3) << 4) | (i + 1 < n ? p[i + 1] >> 4 : 0)];
		o[2] = (char)(i + 1 < n ? b64[(p[i + 1] & 15) << 2] : '=');
		o[3] = '=';
		o += 4;
	}
	*o = '\0';
	return out;
}

#define LOGO_MAX ((size_t)2 << 20)

static int has_svg_tag(const unsigned char *p, size_t n)
{
	size_t i;
	for (i = 0; i + 4 <= n; i++)
		if (memcmp(p + i, "<svg", 4) == 0)
			return 1;
	return 0;
}

static int logo_type(const unsigned char *p, size_t n, const char **mime)
{
	if (n > 8 && memcmp(p, "\x89PNG\r\n\x1a\n", 8) == 0)
		*mime = "image/png";
	else if (n > 3 && memcmp(p, "\xFF\xD8\xFF", 3) == 0)
		*mime = "image/jpeg";
	else if (has_svg_tag(p, n < 4096 ? n : 4096))
		*mime = "image/svg+xml";
	else
		return -1;
	return 0;
}

/* The logo goes in as a data: URI, so the file stays self-contained; an
 * SVG logo shown through <img> cannot run scripts. */
static int add_logo(xmlNodePtr header, const char *path)
{
	unsigned char *buf = NULL;
	const char *mime = NULL;
	char *enc, *uri, *name = NULL;
	size_t n = 0;
	ssize_t got;
	int fd, rc = fetch_open(path, &name, &fd);

	if (rc != CX_OK) {
		free(name);
		return rc;
	}
	buf = xmalloc(LOGO_MAX + 1);
	while (n <= LOGO_MAX && (got = read(fd, buf + n, LOGO_MAX + 1 - n)) > 0)
		n += (size_t)got;
	close(fd);
	if (n > LOGO_MAX || logo_type(buf, n, &mime) < 0) {
		msg_at(name, 0, n > LOGO_MAX ? "logo larger than 2 MiB" :
		       "the logo is not a PNG, JPEG or SVG image");
		free(buf);
		free(name);
		return CX_EINPUT;
	}
	free(name);
	enc = base64(buf, n);
	uri = xasprintf("data:%s;base64,%s", mime, enc);
	h_attr(h_el(header, "img", "logo"), "src", uri);
	xmlSetProp(header->last, BAD_CAST "alt", BAD_CAST "");
	free(uri);
	free(enc);
	free(buf);
	return CX_OK;
}

/* The theme is ours, but it is written raw inside <style>, so refuse one
 * that could close the element. */
static int add_style(xmlNodePtr head, const char *css_path)
{
	struct input in;
	int rc = input_read(css_path, &in);

	if (rc == CX_OK && (strstr(in.data, "</") || strstr(in.data, "<!--"))) {
		msg_at(css_path, 0, "the theme may not contain '</' or '<!--'");
		rc = CX_EINPUT;
	}
	if (rc == CX_OK)
		xmlNodeAddContent(h_el(head, "style", NULL), BAD_CAST in.data);
	input_release(&in);
	return rc;
}

static void add_head(xmlNodePtr head, const char *title)
{
	xmlNodePtr meta = h_el(head, "meta", NULL);
	h_attr(meta, "charset", "utf-8");
	meta = h_el(head, "meta", NULL);
	h_attr(meta, "name", "viewport");
	h_attr(meta, "content", "width=device-width, initial-scale=1");
	h_text(head, "title", NULL, title);
}

static void add_toc(xmlNodePtr body, const struct report_model *m)
{
	static const char *const ids[] = { "summary", "priorities", "dimensions",
		"metrics", "timetax", "trend", "voice", "not-compared", "methodology",
		"sources" };
	static const char *const keys[] = { "summary_h", "priorities_h", "dimensions_h",
		"gaps_h", "timetax_h", "trend_h", "voice_h", "not_compared_h", "method_h",
		"sources_h" };
	xmlNodePtr nav = h_el(body, "nav", "toc"), ol;
	char href[32];
	size_t i;

	h_text(nav, "h2", NULL, str_get(m->str, "contents"));
	ol = h_el(nav, "ol", NULL);
	for (i = 0; i < sizeof ids / sizeof *ids; i++) {
		if ((strcmp(ids[i], "trend") == 0 && m->trend->nperiods < 2) ||
		    (strcmp(ids[i], "voice") == 0 && !m->signals))
			continue;
		snprintf(href, sizeof href, "#%s", ids[i]);
		h_attr(h_text(h_el(ol, "li", NULL), "a", NULL, str_get(m->str, keys[i])),
		       "href", href);
	}
}

static int add_header(xmlNodePtr body, const struct report_model *m,
		      const struct report_look *look, const char *title)
{
	xmlNodePtr header = h_el(body, "header", "report"), text;
	char n[16], *sub;
	const char *vars[] = { "company", m->company->name, "period",
		m->gap->period->label, "n", n, NULL };
	int rc = CX_OK;

	if (look->logo_path)
		rc = add_logo(header, look->logo_path);
	text = h_el(header, "div", NULL);
	h_text(text, "h1", NULL, title);
	snprintf(n, sizeof n, "%zu", m->gap->nrefs - (gap_frontier_index(m->gap) >= 0));
	sub = str_fill(m->str, "subtitle", vars);
	h_text(text, "p", "subtitle", sub);
	free(sub);
	return rc;
}

static void add_footer(xmlNodePtr body, const struct report_model *m,
		       const char *version)
{
	const char *vars[] = { "version", version, NULL };
	char *text = str_fill(m->str, "footer", vars);
	h_text(body, "footer", NULL, text);
	free(text);
}

static int add_body(xmlNodePtr body, const struct report_model *m,
		    const struct plot *p)
{
	int bad = 0;

	bad |= part_summary(body, m, p);
	part_priorities(body, m);
	bad |= part_dimensions(body, m, p);
	bad |= part_metrics(body, m, p);
	bad |= part_timetax(body, m, p);
	bad |= part_trend(body, m, p);
	bad |= part_voice(body, m, p);
	part_not_compared(body, m);
	part_methodology(body, m);
	part_sources(body, m);
	return bad ? CX_EIO : CX_OK;
}

int report_build(const struct report_model *m, const struct plot *p,
		 const struct report_look *look, xmlDocPtr *out)
{
	xmlNodePtr head, body;
	xmlDocPtr doc = html_new(strings_lang(m->str), &head, &body);
	char *title = look->title ? xstrdup(look->title) : part_text(m, "title_default");
	int rc;

	figure_failed = 0;
	add_head(head, title);
	rc = add_style(head, look->css_path);
	if (rc == CX_OK)
		rc = add_header(body, m, look, title);
	if (rc == CX_OK) {
		add_toc(body, m);
		rc = add_body(body, m, p);
	}
	if (rc == CX_OK)
		add_footer(body, m, look->version);
	free(title);
	if (rc != CX_OK) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	*out = doc;
	return rc;
}
