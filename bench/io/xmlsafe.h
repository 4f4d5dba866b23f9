/* xmlsafe: XML input from untrusted files, parsed with libxml2 so that it
 * can do no harm, and libxml2's messages turned into ours.
 *
 * xml_parse_input() refuses any document type declaration (DOCTYPE) when
 * the parser meets it, before either subset is read: without a DTD there
 * is no external entity, no external DTD and no entity to expand, so XXE,
 * remote DTDs and entity bombs ("billion laughs") cannot happen; any other
 * entity reference than the five predefined ones is then a well-formedness
 * error.  The parser also gets XML_PARSE_NONET, never XML_PARSE_NOENT,
 * XML_PARSE_DTDLOAD or XML_PARSE_HUGE, and an external entity loader that
 * refuses everything while it runs (libxml2's other users in the program
 * keep the default); depth stays within libxml2's default (256 levels),
 * and the tree within CX_XML_MAX_NODES elements and attributes (the text
 * is already within CX_INPUT_MAX).  Every problem is one line of ours,
 * "cxbench: FILE:LINE: what is wrong"; libxml2 itself prints nothing.
 *
 * Parsing is not thread-safe (libxml2's error handler is global state). */
#ifndef CX_XMLSAFE_H
#define CX_XMLSAFE_H
#include <libxml/tree.h>
#include "io/input.h"

/* Elements and attributes in one document: at most about 1 GB of tree. */
#define CX_XML_MAX_NODES 5000000UL

/* 1 when the text starts like XML ('<' after blanks). */
int looks_like_xml(const struct input *in);
/* CX_OK with *out set (the caller frees it with xmlFreeDoc), or CX_EINPUT
 * after one message naming the file and line (CX_EIO when libxml2 cannot
 * set up a parser). */
int xml_parse_input(const struct input *in, xmlDoc **out);
/* libxml2's last message since xml_error_reset(), e.g. why an XPath did
 * not compile ("invalid expression"), and where (its int1, a character
 * offset for XPath); "" when there was none.  Not owned by the caller. */
void xml_error_reset(void);
const char *xml_error_text(int *offset);
/* The text of a node's text children, never expanding an entity
 * reference (the parser leaves none; this holds even if it did).  The
 * caller frees it with free(). */
char *xml_attr(const xmlNode *el, const char *name);
/* A node's line (for an element, the line where its start tag ends), also
 * past line 65535, where libxml2's own count for elements stops. */
long xml_line(const xmlNode *n);
/* Frees libxml2's global state if it was set up; at the end of main. */
void xml_cleanup(void);
#endif
