/* html: building the report as a libxml2 HTML tree, so that every text is
 * escaped by construction (xmlNewTextChild / xmlNodeAddContent), and
 * bringing gnuplot's SVG into it as parsed nodes.  Nodes belong to their
 * document; html_save() serialises it. */
#ifndef CX_HTML_H
#define CX_HTML_H
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>

/* A new HTML5 document (<!DOCTYPE html>) with <html lang>; caller frees
 * with xmlFreeDoc. */
xmlDocPtr html_new(const char *lang, xmlNodePtr *head, xmlNodePtr *body);
/* A child element, with a class when cls is not NULL. */
xmlNodePtr h_el(xmlNodePtr parent, const char *tag, const char *cls);
/* A child element holding text (escaped). */
xmlNodePtr h_text(xmlNodePtr parent, const char *tag, const char *cls,
		  const char *text);
void h_attr(xmlNodePtr node, const char *name, const char *value);
/* A table with a caption; h_row adds a row of n cells (th when header). */
xmlNodePtr h_table(xmlNodePtr parent, const char *caption);
xmlNodePtr h_row(xmlNodePtr table, const char *const *cells, int n, int header);
/* A cell (td, or th when header) with an optional class. */
xmlNodePtr h_cell(xmlNodePtr tr, int header, const char *text, const char *cls);
/* Parses an SVG file written by gnuplot into *out (the caller's): 0, or
 * -1 after a message. */
int h_svg_read(const char *path, xmlDocPtr *out);
/* Moves the SVG under parent, without scripts, event handlers or external
 * references, with its ids prefixed by `prefix` so that several charts can
 * share a page, and frees what is left of svg. */
void h_svg_adopt(xmlNodePtr parent, xmlDocPtr svg, const char *prefix,
		 const char *title);
/* Serialises the document into a new buffer; caller frees with xmlFree. */
int html_dump(xmlDocPtr doc, xmlChar **buf, int *len);
#endif
