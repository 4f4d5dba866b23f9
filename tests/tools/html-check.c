/* html-check: parses an HTML file with libxml2's HTML parser and prints one
 * JSON object summarising it, for the report tests:
 *
 *   build/html-check FILE.html
 *
 * Fields: errors (parser messages with their line, except "Tag X invalid"
 * for the HTML5 and SVG elements listed below, which libxml2's HTML4-era
 * parser does not know), lang, title, h1, h2, sections (section ids in
 * order), svgs, svg_in_figures, figcaptions, figures (per figure: caption,
 * svgs inside it, whether a table comes right after it), svg_text (per
 * svg: the text of its <text> elements), svg_titles, tables (each an
 * array of rows, each an array of cell texts), scripts, event_attributes
 * (attributes named on*), unsafe_elements (names of elements that run or
 * load something), external (resource references that are neither
 * #fragments nor data: URIs, from src/href/xlink:href and similar
 * attributes and CSS url()/@import), images (src of img elements, cut to
 * 40 bytes).  All texts are whitespace-normalised.
 *
 * Exit status: 0 when the file parsed (whatever the errors), 1 when it did
 * not, 2 on a usage error. */
#include <cJSON.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlversion.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#if LIBXML_VERSION >= 21200
typedef const xmlError *err_ptr;
#else
typedef xmlErrorPtr err_ptr;
#endif

/* Elements libxml2 2.9 reports as "Tag X invalid" that a report may
 * legitimately contain (it lowercases names: clipPath is "clippath").
 * Deliberately absent: image, foreignobject, script, iframe, a (in SVG),
 * animate/set (they can change attributes such as href). */
static const char *const allowed_tags[] = {
	/* HTML5 */
	"article", "aside", "header", "footer", "main", "nav", "section",
	"figure", "figcaption", "mark", "time", "details", "summary",
	/* SVG structure and shapes */
	"svg", "g", "defs", "desc", "symbol", "use", "path", "rect", "circle",
	"ellipse", "line", "polyline", "polygon", "text", "tspan", "textpath",
	"clippath", "mask", "marker", "pattern", "lineargradient",
	"radialgradient", "stop", "metadata",
	/* SVG filters */
	"filter", "feflood", "fecomposite", "feoffset", "feblend",
	"fegaussianblur", "femerge", "femergenode", "fecolormatrix",
	"femorphology", "fedropshadow",
	NULL
};

static const char *const unsafe_tags[] = {
	"script", "iframe", "frame", "frameset", "object", "embed", "applet",
	"foreignobject", "image", "base", "link", "form", "audio", "video",
	"source", "animate", "set", "handler", "listener", NULL
};

/* Attributes whose value names a resource to load or a link to follow. */
static const char *const url_attrs[] = {
	"src", "href", "xlink:href", "srcset", "action", "formaction", "poster",
	"background", "data", "codebase", "cite", "longdesc", "manifest", "ping",
	"lowsrc", "dynsrc", NULL
};

static cJSON *errors;

static int in_list(const char *const *list, const char *name)
{
	for (; *list; list++)
		if (strcasecmp(*list, name) == 0)
			return 1;
	return 0;
}

/* "Tag X invalid" for an allowed X is libxml2 not knowing HTML5/SVG. */
static int allowed_error(const char *msg)
{
	char tag[64];
	size_t n;
	const char *end;

	if (strncmp(msg, "Tag ", 4) != 0)
		return 0;
	end = strstr(msg + 4, " invalid");
	if (!end || strspn(end + 8, "\r\n") != strlen(end + 8))
		return 0;
	n = (size_t)(end - (msg + 4));
	if (n == 0 || n >= sizeof tag)
		return 0;
	memcpy(tag, msg + 4, n);
	tag[n] = '\0';
	return in_list(allowed_tags, tag);
}

static void on_error(void *data, err_ptr e)
{
	char *msg;
	size_t n;
	cJSON *o;

	(void)data;
	if (!e || !e->message)
		return;
	msg = strdup(e->message);
	if (!msg)
		return;
	n = strlen(msg);
	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == '\r'))
		msg[--n] = '\0';
	if (!allowed_error(msg)) {
		o = cJSON_CreateObject();
		cJSON_AddNumberToObject(o, "line", e->line);
		cJSON_AddStringToObject(o, "level", e->level == XML_ERR_WARNING ?
					"warning" : e->level == XML_ERR_FATAL ? "fatal" : "error");
		cJSON_AddStringToObject(o, "message", msg);
		cJSON_AddItemToArray(errors, o);
	}
	free(msg);
}

/* Collapses runs of ASCII whitespace into one space and trims; frees s. */
static char *normalise(xmlChar *s)
{
	char *out, *o;
	const char *p;
	int space = 0;

	if (!s)
		return strdup("");
	out = malloc(strlen((const char *)s) + 1);
	if (!out) {
		xmlFree(s);
		return NULL;
	}
	o = out;
	for (p = (const char *)s; *p; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f') {
			space = o != out;
			continue;
		}
		if (space)
			*o++ = ' ';
		space = 0;
		*o++ = *p;
	}
	*o = '\0';
	xmlFree(s);
	return out;
}

static void add_text(cJSON *array, xmlNodePtr n)
{
	char *t = normalise(xmlNodeGetContent(n));
	cJSON_AddItemToArray(array, cJSON_CreateString(t ? t : ""));
	free(t);
}

static int is_el(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE &&
	       xmlStrcasecmp(n->name, BAD_CAST name) == 0;
}

static int has_ancestor(xmlNodePtr n, const char *name)
{
	for (n = n->parent; n; n = n->parent)
		if (is_el(n, name))
			return 1;
	return 0;
}

static xmlNodePtr next_element(xmlNodePtr n)
{
	for (n = n->next; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			return n;
	return NULL;
}

/* The first table of n itself or inside it (a div.table-wrap). */
static int is_or_wraps_table(xmlNodePtr n)
{
	xmlNodePtr c;

	if (!n)
		return 0;
	if (is_el(n, "table"))
		return 1;
	if (!is_el(n, "div"))
		return 0;
	for (c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			return is_el(c, "table");
	return 0;
}

struct summary {
	cJSON *root, *h1, *h2, *sections, *figcaptions, *figures, *svg_text,
	      *svg_titles, *tables, *external, *images, *unsafe;
	int svgs, svg_in_figures, scripts, events;
	char *title;
};

static void add_external(struct summary *s, const char *v)
{
	while (*v && isspace((unsigned char)*v))
		v++;
	if (*v == '\0' || *v == '#' || strncasecmp(v, "data:", 5) == 0)
		return;
	cJSON_AddItemToArray(s->external, cJSON_CreateString(v));
}

/* url(...) and @import "..." in a piece of CSS. */
static void scan_css(struct summary *s, const char *css)
{
	const char *p = css, *q, *end;
	char *v;
	size_t n;

	for (; *p; p++) {
		if (strncasecmp(p, "url(", 4) == 0) {
			q = p + 4;
			end = strchr(q, ')');
			if (!end)
				end = q + strlen(q);
		} else if (strncasecmp(p, "@import", 7) == 0) {
			q = p + 7;
			while (*q && isspace((unsigned char)*q))
				q++;
			if (strncasecmp(q, "url(", 4) == 0)
				continue; /* the url( case takes it */
			end = q + strcspn(q, ";\n");
		} else {
			continue;
		}
		while (q < end && (isspace((unsigned char)*q) || *q == '"' || *q == '\''))
			q++;
		n = (size_t)(end - q);
		while (n > 0 && (isspace((unsigned char)q[n - 1]) || q[n - 1] == '"' ||
				 q[n - 1] == '\''))
			n--;
		v = malloc(n + 1);
		if (!v)
			return;
		memcpy(v, q, n);
		v[n] = '\0';
		add_external(s, v);
		free(v);
		p = end > p ? end - 1 : p;
		if (!*p)
			break;
	}
}

static const char *attr_name(xmlAttrPtr a, char *buf, size_t size)
{
	if (a->ns && a->ns->prefix)
		snprintf(buf, size, "%s:%s", (const char *)a->ns->prefix,
			 (const char *)a->name);
	else
		snprintf(buf, size, "%s", (const char *)a->name);
	return buf;
}

static void check_attrs(struct summary *s, xmlNodePtr n)
{
	xmlAttrPtr a;
	xmlChar *v;
	char name[128];

	for (a = n->properties; a; a = a->next) {
		attr_name(a, name, sizeof name);
		v = xmlNodeGetContent((xmlNodePtr)a);
		if (strncasecmp((const char *)a->name, "on", 2) == 0)
			s->events++;
		if (v && in_list(url_attrs, name))
			add_external(s, (const char *)v);
		if (v && strcasecmp(name, "style") == 0)
			scan_css(s, (const char *)v);
		if (v && is_el(n, "meta") && strcasecmp(name, "content") == 0) {
			xmlChar *equiv = xmlGetProp(n, BAD_CAST "http-equiv");
			if (equiv && xmlStrcasecmp(equiv, BAD_CAST "refresh") == 0)
				add_external(s, (const char *)v);
			xmlFree(equiv);
		}
		xmlFree(v);
	}
}

static void table_rows(xmlNodePtr table, xmlNodePtr n, cJSON *rows)
{
	xmlNodePtr c, cell;
	cJSON *row;

	for (c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || is_el(c, "table"))
			continue;
		if (is_el(c, "tr")) {
			row = cJSON_CreateArray();
			for (cell = c->children; cell; cell = cell->next)
				if (is_el(cell, "td") || is_el(cell, "th"))
					add_text(row, cell);
			cJSON_AddItemToArray(rows, row);
		} else {
			table_rows(table, c, rows);
		}
	}
}

static void svg_texts(xmlNodePtr n, cJSON *texts)
{
	xmlNodePtr c;
	for (c = n->children; c; c = c->next) {
		if (is_el(c, "text"))
			add_text(texts, c);
		else if (c->type == XML_ELEMENT_NODE)
			svg_texts(c, texts);
	}
}

static void svg_title(xmlNodePtr svg, cJSON *titles)
{
	xmlNodePtr c;
	for (c = svg->children; c; c = c->next) {
		if (is_el(c, "title")) {
			add_text(titles, c);
			return;
		}
	}
	cJSON_AddItemToArray(titles, cJSON_CreateNull());
}

static void figure(struct summary *s, xmlNodePtr fig)
{
	cJSON *o = cJSON_CreateObject();
	xmlNodePtr c;
	int svgs = 0;
	char *cap = NULL;

	for (c = fig->children; c; c = c->next) {
		if (is_el(c, "svg"))
			svgs++;
		if (is_el(c, "figcaption") && !cap)
			cap = normalise(xmlNodeGetContent(c));
	}
	if (cap)
		cJSON_AddStringToObject(o, "caption", cap);
	else
		cJSON_AddNullToObject(o, "caption");
	cJSON_AddNumberToObject(o, "svgs", svgs);
	cJSON_AddBoolToObject(o, "table_follows", is_or_wraps_table(next_element(fig)));
	cJSON_AddItemToArray(s->figures, o);
	free(cap);
}

static void walk(struct summary *s, xmlNodePtr n)
{
	xmlNodePtr c;
	xmlChar *v;

	for (c = n; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		check_attrs(s, c);
		if (in_list(unsafe_tags, (const char *)c->name))
			cJSON_AddItemToArray(s->unsafe, cJSON_CreateString((const char *)c->name));
		if (is_el(c, "script"))
			s->scripts++;
		if (is_el(c, "h1"))
			add_text(s->h1, c);
		if (is_el(c, "h2"))
			add_text(s->h2, c);
		if (is_el(c, "figcaption"))
			add_text(s->figcaptions, c);
		if (is_el(c, "figure"))
			figure(s, c);
		if (is_el(c, "title") && !s->title && !has_ancestor(c, "svg"))
			s->title = normalise(xmlNodeGetContent(c));
		if (is_el(c, "section")) {
			v = xmlGetProp(c, BAD_CAST "id");
			if (v)
				cJSON_AddItemToArray(s->sections, cJSON_CreateString((const char *)v));
			else
				cJSON_AddItemToArray(s->sections, cJSON_CreateNull());
			xmlFree(v);
		}
		if (is_el(c, "svg")) {
			cJSON *texts = cJSON_CreateArray();
			s->svgs++;
			s->svg_in_figures += has_ancestor(c, "figure");
			svg_texts(c, texts);
			cJSON_AddItemToArray(s->svg_text, texts);
			svg_title(c, s->svg_titles);
		}
		if (is_el(c, "table")) {
			cJSON *rows = cJSON_CreateArray();
			table_rows(c, c, rows);
			cJSON_AddItemToArray(s->tables, rows);
		}
		if (is_el(c, "style")) {
			v = xmlNodeGetContent(c);
			if (v)
				scan_css(s, (const char *)v);
			xmlFree(v);
		}
		if (is_el(c, "img")) {
			char buf[41];
			size_t len;
			v = xmlGetProp(c, BAD_CAST "src");
			snprintf(buf, sizeof buf, "%s", v ? (const char *)v : "");
			len = strlen(buf);
			while (len > 0 && ((unsigned char)buf[len - 1] & 0xC0) == 0x80)
				buf[--len] = '\0'; /* no cut UTF-8 sequence */
			if (len > 0 && (unsigned char)buf[len - 1] >= 0xC0)
				buf[--len] = '\0';
			cJSON_AddItemToArray(s->images, cJSON_CreateString(buf));
			xmlFree(v);
		}
		walk(s, c->children);
	}
}

int main(int argc, char **argv)
{
	struct summary s;
	xmlDocPtr doc;
	xmlNodePtr root;
	xmlChar *lang = NULL;
	char *out;

	if (argc != 2 || argv[1][0] == '-') {
		fprintf(stderr, "usage: html-check FILE.html\n");
		return 2;
	}
	LIBXML_TEST_VERSION
	errors = cJSON_CreateArray();
	xmlSetStructuredErrorFunc(NULL, on_error);
	doc = htmlReadFile(argv[1], NULL, HTML_PARSE_NONET);
	memset(&s, 0, sizeof s);
	s.root = cJSON_CreateObject();
	cJSON_AddBoolToObject(s.root, "parsed", doc != NULL);
	cJSON_AddItemToObject(s.root, "errors", errors);
	if (!doc) {
		out = cJSON_Print(s.root);
		printf("%s\n", out ? out : "{}");
		free(out);
		cJSON_Delete(s.root);
		xmlCleanupParser();
		return 1;
	}
	s.h1 = cJSON_CreateArray();
	s.h2 = cJSON_CreateArray();
	s.sections = cJSON_CreateArray();
	s.figcaptions = cJSON_CreateArray();
	s.figures = cJSON_CreateArray();
	s.svg_text = cJSON_CreateArray();
	s.svg_titles = cJSON_CreateArray();
	s.tables = cJSON_CreateArray();
	s.external = cJSON_CreateArray();
	s.images = cJSON_CreateArray();
	s.unsafe = cJSON_CreateArray();
	root = xmlDocGetRootElement(doc);
	walk(&s, root);
	if (root && is_el(root, "html"))
		lang = xmlGetProp(root, BAD_CAST "lang");
	if (lang)
		cJSON_AddStringToObject(s.root, "lang", (const char *)lang);
	else
		cJSON_AddNullToObject(s.root, "lang");
	xmlFree(lang);
	if (s.title)
		cJSON_AddStringToObject(s.root, "title", s.title);
	else
		cJSON_AddNullToObject(s.root, "title");
	free(s.title);
	cJSON_AddStringToObject(s.root, "encoding",
				doc->encoding ? (const char *)doc->encoding : "");
	cJSON_AddItemToObject(s.root, "h1", s.h1);
	cJSON_AddItemToObject(s.root, "h2", s.h2);
	cJSON_AddItemToObject(s.root, "sections", s.sections);
	cJSON_AddNumberToObject(s.root, "svgs", s.svgs);
	cJSON_AddNumberToObject(s.root, "svg_in_figures", s.svg_in_figures);
	cJSON_AddItemToObject(s.root, "figcaptions", s.figcaptions);
	cJSON_AddItemToObject(s.root, "figures", s.figures);
	cJSON_AddItemToObject(s.root, "svg_titles", s.svg_titles);
	cJSON_AddItemToObject(s.root, "svg_text", s.svg_text);
	cJSON_AddItemToObject(s.root, "tables", s.tables);
	cJSON_AddNumberToObject(s.root, "scripts", s.scripts);
	cJSON_AddNumberToObject(s.root, "event_attributes", s.events);
	cJSON_AddItemToObject(s.root, "unsafe_elements", s.unsafe);
	cJSON_AddItemToObject(s.root, "external", s.external);
	cJSON_AddItemToObject(s.root, "images", s.images);
	out = cJSON_Print(s.root);
	if (!out) {
		fprintf(stderr, "html-check: out of memory\n");
		cJSON_Delete(s.root);
		xmlFreeDoc(doc);
		return 1;
	}
	printf("%s\n", out);
	free(out);
	cJSON_Delete(s.root);
	xmlFreeDoc(doc);
	xmlCleanupParser();
	return 0;
}
