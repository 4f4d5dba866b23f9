#include "report/html.h"
#include "base/msg.h"
#include "io/xmlsafe.h"
#include <libxml/parser.h>
#include <string.h>

xmlDocPtr html_new(const char *lang, xmlNodePtr *head, xmlNodePtr *body)
{
	xmlDocPtr doc = htmlNewDocNoDtD(NULL, NULL);
	xmlNodePtr html;

	xmlCreateIntSubset(doc, BAD_CAST "html", NULL, NULL);
	html = xmlNewDocNode(doc, NULL, BAD_CAST "html", NULL);
	xmlDocSetRootElement(doc, html);
	xmlNewProp(html, BAD_CAST "lang", BAD_CAST lang);
	*head = xmlNewChild(html, NULL, BAD_CAST "head", NULL);
	*body = xmlNewChild(html, NULL, BAD_CAST "body", NULL);
	return doc;
}

xmlNodePtr h_el(xmlNodePtr parent, const char *tag, const char *cls)
{
	xmlNodePtr n = xmlNewChild(parent, NULL, BAD_CAST tag, NULL);
	if (cls)
		xmlNewProp(n, BAD_CAST "class", BAD_CAST cls);
	return n;
}

xmlNodePtr h_text(xmlNodePtr parent, const char *tag, const char *cls,
		  const char *text)
{
	xmlNodePtr n = xmlNewTextChild(parent, NULL, BAD_CAST tag, BAD_CAST text);
	if (cls)
		xmlNewProp(n, BAD_CAST "class", BAD_CAST cls);
	return n;
}

void h_attr(xmlNodePtr node, const char *name, const char *value)
{
	xmlSetProp(node, BAD_CAST name, BAD_CAST value);
}

xmlNodePtr h_table(xmlNodePtr parent, const char *caption)
{
	xmlNodePtr t = h_el(h_el(parent, "div", "table-wrap"), "table", NULL);
	if (caption)
		h_text(t, "caption", NULL, caption);
	return t;
}

xmlNodePtr h_cell(xmlNodePtr tr, int header, const char *text, const char *cls)
{
	xmlNodePtr c = h_text(tr, header ? "th" : "td", cls, text ? text : "");
	if (header)
		h_attr(c, "scope", "col");
	return c;
}

xmlNodePtr h_row(xmlNodePtr table, const char *const *cells, int n, int header)
{
	xmlNodePtr tr = h_el(table, "tr", NULL);
	int i;
	for (i = 0; i < n; i++)
		h_cell(tr, header, cells[i], NULL);
	return tr;
}

/* What may not come along from an SVG: scripts, foreign objects and
 * anything that loads or runs something. */
static int unsafe_element(xmlNodePtr n)
{
	static const char *const bad[] = { "script", "foreignObject", "iframe",
		"image", "a", NULL };
	int i;
	for (i = 0; bad[i]; i++)
		if (xmlStrcmp(n->name, BAD_CAST bad[i]) == 0)
			return 1;
	return 0;
}

static void fix_attrs(xmlNodePtr n, const char *prefix)
{
	xmlAttrPtr a = n->properties, next;
	xmlChar *v;
	char buf[256];

	for (; a; a = next) {
		next = a->next;
		v = xmlNodeGetContent((xmlNodePtr)a);
		if (xmlStrncasecmp(a->name, BAD_CAST "on", 2) == 0 ||
		    (xmlStrcmp(a->name, BAD_CAST "href") == 0 && v && v[0] != '#')) {
			xmlRemoveProp(a);
		} else if (xmlStrcmp(a->name, BAD_CAST "id") == 0 && v) {
			snprintf(buf, sizeof buf, "%s-%s", prefix, (const char *)v);
			xmlSetNsProp(n, a->ns, a->name, BAD_CAST buf);
		} else if (xmlStrcmp(a->name, BAD_CAST "href") == 0 && v) {
			snprintf(buf, sizeof buf, "#%s-%s", prefix, (const char *)v + 1);
			xmlSetNsProp(n, a->ns, a->name, BAD_CAST buf);
		} else if (v && xmlStrstr(v, BAD_CAST "url(#")) {
			const char *u = strstr((const char *)v, "url(#");
			snprintf(buf, sizeof buf, "%.*surl(#%s-%s", (int)(u - (const char *)v),
				 (const char *)v, prefix, u + 5);
			xmlSetNsProp(n, a->ns, a->name, BAD_CAST buf);
		}
		xmlFree(v);
	}
}

static void sanitize(xmlNodePtr n, const char *prefix)
{
	xmlNodePtr c, next;
	for (c = n->children; c; c = next) {
		next = c->next;
		if (c->type == XML_ELEMENT_NODE && unsafe_element(c)) {
			xmlUnlinkNode(c);
			xmlFreeNode(c);
			continue;
		}
		if (c->type == XML_COMMENT_NODE || c->type == XML_PI_NODE) {
			xmlUnlinkNode(c);
			xmlFreeNode(c);
			continue;
		}
		if (c->type == XML_ELEMENT_NODE) {
			fix_attrs(c, prefix);
			sanitize(c, prefix);
		}
	}
}

static void set_title(xmlNodePtr svg, const char *title)
{
	xmlNodePtr c;
	for (c = svg->children; c; c = c->next) {
		if (c->type == XML_ELEMENT_NODE && xmlStrcmp(c->name, BAD_CAST "title") == 0) {
			xmlNodeSetContent(c, NULL);
			xmlNodeAddContent(c, BAD_CAST title);
			return;
		}
	}
}

int h_svg_read(const char *path, xmlDocPtr *out)
{
	xmlDocPtr svg = NULL;
	xmlNodePtr root;

	xml_error_reset(); /* libxml2's own messages (a missing file) go to ours */
	/* NODICT: the names are then the nodes' own, so the tree can move
	 * into the report instead of being copied. */
	svg = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOBLANKS | XML_PARSE_NODICT);
	*out = NULL;
	if (!svg || !(root = xmlDocGetRootElement(svg)) ||
	    xmlStrcmp(root->name, BAD_CAST "svg") != 0) {
		msg_at(path, 0, "gnuplot wrote no usable SVG");
		xmlFreeDoc(svg);
		return -1;
	}
	*out = svg;
	return 0;
}

void h_svg_adopt(xmlNodePtr parent, xmlDocPtr svg, const char *prefix,
		 const char *title)
{
	xmlNodePtr root = xmlDocGetRootElement(svg);

	fix_attrs(root, prefix);
	sanitize(root, prefix);
	xmlUnsetProp(root, BAD_CAST "width");
	xmlUnsetProp(root, BAD_CAST "height");
	h_attr(root, "role", "img");
	h_attr(root, "aria-label", title);
	set_title(root, title);
	xmlUnlinkNode(root);
	xmlSetTreeDoc(root, parent->doc);
	xmlAddChild(parent, root);
	xmlFreeDoc(svg);
}

/* Written as UTF-8, so that text in any language stays readable in the
 * file instead of turning into character references. */
int html_dump(xmlDocPtr doc, xmlChar **buf, int *len)
{
	xmlOutputBufferPtr out = xmlAllocOutputBuffer(NULL); /* no conversion: UTF-8 */
	const xmlChar *content;

	*buf = NULL;
	*len = 0;
	if (out) {
		htmlDocContentDumpFormatOutput(out, doc, "UTF-8", 1);
		xmlOutputBufferFlush(out);
		content = xmlOutputBufferGetContent(out);
		*len = (int)xmlOutputBufferGetSize(out);
		*buf = content && *len > 0 ? xmlStrndup(content, *len) : NULL;
		xmlOutputBufferClose(out);
	}
	if (!*buf || *len <= 0) {
		msg_error("cannot serialise the report");
		return -1;
	}
	return 0;
}
