#include "io/xmlsafe.h"
#include "base/mem.h"
#include "base/msg.h"
#include <ctype.h>
#include <limits.h>
#include <stddef.h>
#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <stdio.h>
#include <string.h>

/* libxml2 2.12 made the error handlers' argument const. */
#if LIBXML_VERSION >= 21200
typedef const xmlError *xml_error_arg;
#else
typedef xmlError *xml_error_arg;
#endif

#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_IGNORE_ENC | XML_PARSE_BIG_LINES | \
		       XML_PARSE_COMPACT)

static int initialised;
static int guarding;                         /* inside xml_parse_input */
static xmlExternalEntityLoader other_loader; /* libxml2's, for everyone else */

/* The first error libxml2 reported since xml_error_reset(): what the one
 * message we print is made of. */
static struct {
	int set, code, offset;
	long line, col;
	char text[160], name[64];
} first;

/* ---- routing libxml2's messages ---- */

static void keep_error(void *data, xml_error_arg e)
{
	size_t n;

	(void)data;
	if (!e || e->level < XML_ERR_ERROR || first.set)
		return;
	first.set = 1;
	first.code = e->code;
	first.line = e->line;
	first.col = e->int2;
	first.offset = e->int1;
	snprintf(first.text, sizeof first.text, "%s", e->message ? e->message : "");
	n = strlen(first.text);
	while (n > 0 && isspace((unsigned char)first.text[n - 1]))
		first.text[--n] = '\0';
	snprintf(first.name, sizeof first.name, "%s", e->str1 ? e->str1 : "");
}

/* Some messages bypass the structured handler: they go nowhere. */
static void drop_generic(void *data, const char *fmt, ...)
{
	(void)data;
	(void)fmt;
}

/* During our parse nothing may be loaded: never called there (the DOCTYPE
 * is refused first), and refusing here too means no path inside libxml2
 * can read a file or a URL for an input.  Other users of libxml2 (the
 * report reads gnuplot's SVG files with xmlReadFile) keep the default. */
static xmlParserInputPtr guarded_loader(const char *url, const char *id,
					xmlParserCtxtPtr ctxt)
{
	if (!guarding)
		return other_loader(url, id, ctxt);
	if (ctxt)
		xmlStopParser(ctxt);
	return NULL;
}

static void xml_init(void)
{
	if (initialised)
		return;
	LIBXML_TEST_VERSION
	xmlInitParser();
	xmlSetStructuredErrorFunc(NULL, keep_error);
	xmlSetGenericErrorFunc(NULL, drop_generic);
	other_loader = xmlGetExternalEntityLoader();
	xmlSetExternalEntityLoader(guarded_loader);
	initialised = 1;
}

void xml_cleanup(void)
{
	if (initialised)
		xmlCleanupParser();
	initialised = 0;
}

void xml_error_reset(void)
{
	xml_init();
	memset(&first, 0, sizeof first);
}

const char *xml_error_text(int *offset)
{
	if (offset)
		*offset = first.offset;
	return first.text;
}

/* ---- the guarded parse ---- */

/* What made us stop the parser, for the message. */
enum stop_reason { GOING, STOP_DOCTYPE, STOP_NODES };

struct guard {
	enum stop_reason why;
	long line;
	unsigned long nodes;
};

static void stop(xmlParserCtxtPtr p, enum stop_reason why)
{
	struct guard *g = p->_private;
	if (g->why == GOING) {
		g->why = why;
		g->line = xmlSAX2GetLineNumber(p);
	}
	xmlStopParser(p);
}

/* Called when the parser has read "<!DOCTYPE name ids", before the
 * internal subset or any external DTD. */
static void refuse_doctype(void *ctx, const xmlChar *name, const xmlChar *public_id,
			   const xmlChar *system_id)
{
	(void)name;
	(void)public_id;
	(void)system_id;
	stop(ctx, STOP_DOCTYPE);
}

static void count_element(void *ctx, const xmlChar *localname, const xmlChar *prefix,
			  const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
			  int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
	xmlParserCtxtPtr p = ctx;
	struct guard *g = p->_private;

	g->nodes += 1 + (unsigned long)nb_attributes;
	if (g->nodes > CX_XML_MAX_NODES) {
		stop(p, STOP_NODES);
		return;
	}
	xmlSAX2StartElementNs(ctx, localname, prefix, uri, nb_namespaces, namespaces,
			      nb_attributes, nb_defaulted, attributes);
	/* libxml2 keeps an element's line in 16 bits; the whole line goes in
	 * psvi, which only schema validation would use (see xml_line) */
	if (p->node) /* NOLINTNEXTLINE(performance-no-int-to-ptr): a number, not an address */
		p->node->psvi = (void *)(ptrdiff_t)xmlSAX2GetLineNumber(p);
}

/* libxml2 starts most messages with a capital; ours are lowercase, but
 * names such as "EntityRef" keep theirs. */
static void lower_first(char *s)
{
	size_t i;
	for (i = 1; isalpha((unsigned char)s[i]); i++)
		if (isupper((unsigned char)s[i]))
			return;
	s[0] = (char)tolower((unsigned char)s[0]);
}

static void report(const char *file, const struct guard *g)
{
	if (g->why == STOP_DOCTYPE) {
		msg_at(file, g->line, "DOCTYPE refused: a DTD could read files, reach "
		       "the network or expand entities without bound; remove it");
	} else if (g->why == STOP_NODES) {
		msg_at(file, g->line, "more than %lu elements and attributes (the limit "
		       "for XML input)", CX_XML_MAX_NODES);
	} else if (!first.set) {
		msg_at(file, 0, "invalid XML");
	} else if (first.code == XML_ERR_UNDECLARED_ENTITY ||
		   first.code == XML_WAR_UNDECLARED_ENTITY) {
		msg_at(file, first.line, "undefined entity '&%s;' (only &amp; &lt; &gt; "
		       "&quot; &apos; and character references are allowed)", first.name);
	} else if (strstr(first.text, "Excessive depth")) {
		msg_at(file, first.line, "elements nested more than %u levels deep",
		       xmlParserMaxDepth);
	} else {
		lower_first(first.text);
		msg_at(file, first.line, "invalid XML at column %ld: %s", first.col,
		       first.text);
	}
}

int looks_like_xml(const struct input *in)
{
	const char *s = in->data;
	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	return *s == '<';
}

int xml_parse_input(const struct input *in, xmlDoc **out)
{
	struct guard g = { GOING, 0, 0 };
	xmlParserCtxtPtr p = NULL;
	xmlDoc *doc = NULL;
	int rc = CX_EINPUT;

	*out = NULL;
	xml_error_reset();
	if (in->len > (size_t)INT_MAX) {
		msg_at(in->name, 0, "XML input larger than 2 GiB");
		return CX_EINPUT;
	}
	p = xmlCreateMemoryParserCtxt(in->data, (int)in->len);
	if (!p) {
		msg_at(in->name, 0, "cannot set up the XML parser");
		return CX_EIO;
	}
	xmlCtxtUseOptions(p, PARSE_OPTIONS);
	p->_private = &g;
	p->sax->internalSubset = refuse_doctype;
	p->sax->startElementNs = count_element;
	guarding = 1;
	xmlParseDocument(p);
	guarding = 0;
	doc = p->myDoc;
	p->myDoc = NULL;
	if (g.why == GOING && doc && (doc->intSubset || doc->extSubset))
		g.why = STOP_DOCTYPE; /* cannot happen; be sure */
	if (g.why != GOING || !p->wellFormed || !doc)
		report(in->name, &g);
	else
		rc = CX_OK;
	if (rc == CX_OK) {
		*out = doc;
		doc = NULL;
	}
	xmlFreeDoc(doc);
	xmlFreeParserCtxt(p);
	return rc;
}

long xml_line(const xmlNode *n)
{
	if (n->type == XML_ELEMENT_NODE && n->psvi)
		return (long)(ptrdiff_t)n->psvi;
	return xmlGetLineNo(n);
}

char *xml_attr(const xmlNode *el, const char *name)
{
	const xmlAttr *a;
	const xmlNode *t;
	size_t len = 0;
	char *s;

	for (a = el->properties; a; a = a->next)
		if (!a->ns && strcmp((const char *)a->name, name) == 0)
			break;
	if (!a)
		return NULL;
	for (t = a->children; t; t = t->next)
		if (t->type == XML_TEXT_NODE && t->content)
			len += strlen((const char *)t->content);
	s = xmalloc(len + 1);
	len = 0;
	for (t = a->children; t; t = t->next) {
		if (t->type == XML_TEXT_NODE && t->content) {
			size_t n = strlen((const char *)t->content);
			memcpy(s + len, t->content, n);
			len += n;
		}
	}
	s[len] = '\0';
	return s;
}
