/* agg_xml: contact records and survey answers from any XML export, so a
 * survey platform's or a contact-center platform's report is aggregated
 * as it is.  The record XPath (--record, --survey-record) selects one
 * element per record; each mapped field is the string value of an XPath
 * evaluated relative to that element (--map FIELD=XPATH), blanks around it
 * removed.  The values are laid out as a CSV record's fields, one per
 * mapped field, and go through the CSV scan's own per-record logic
 * (agg_job_record), so both formats give the same numbers and the same
 * messages; here they name the record element's line.
 *
 * The document is parsed whole by xmlsafe.c (no DTD, bounded size and
 * depth) and read on one thread, in document order.  Namespace prefixes
 * declared on the root element can be used in the XPaths. */
#include "aggregate/agg_internal.h"
#include "base/mem.h"
#include "base/msg.h"
#include "io/xmlsafe.h"
#include <ctype.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct xml_reader {
	const char *file;
	const struct agg_xml *x;
	xmlXPathContextPtr ctx;
	xmlXPathCompExprPtr comp[NFIELDS];
	struct csv_field fields[NFIELDS];
	struct csv_reader r;
	size_t at[NFIELDS];
	char *buf; /* this record's values, each NUL-terminated */
	size_t cap;
};

static const char *record_opt(int survey)
{
	return survey ? "--survey-record" : "--record";
}

static const char *map_opt(int survey)
{
	return survey ? "--survey-map" : "--map";
}

/* A mistake in the options: the message goes back to the caller, who
 * knows how to show a usage error; *why is new. */
static int option_error(char **why, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static int option_error(char **why, const char *fmt, ...)
{
	va_list ap;
	size_t size;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	size = n > 0 ? (size_t)n + 1 : 1;
	*why = xmalloc(size);
	(*why)[0] = '\0';
	va_start(ap, fmt);
	vsnprintf(*why, size, fmt, ap);
	va_end(ap);
	return CX_EUSAGE;
}

/* Options that agg_xml_check() would have refused, met during a scan:
 * said as plainly as the scan can. */
static int show_option_error(char *why)
{
	msg_error("%s", why);
	free(why);
	return CX_EUSAGE;
}

/* Field f is at position i of the record: the order of the mapping. */
static int build_map(const struct agg_xml *x, int survey, struct column_map *map,
		     char **why)
{
	size_t i;
	long f;
	enum field a, b;

	column_map_init(map, x->nfields);
	for (i = 0; i < x->nfields; i++) {
		f = field_of(x->fields[i].field);
		if (f < 0)
			return option_error(why, "%s: '%s' is not a field", map_opt(survey),
				     x->fields[i].field);
		if (map->col[f] >= 0)
			return option_error(why, "%s: '%s' is mapped twice", map_opt(survey),
				     field_names[f]);
		map->col[f] = (long)i;
	}
	if (column_map_twice(map, &a, &b))
		return option_error(why, "%s: '%s' and '%s' give the same duration twice; "
			     "map one", map_opt(survey), field_names[a], field_names[b]);
	return CX_OK;
}

/* libxml2's XPath messages ("Invalid expression") in our case. */
static const char *xpath_why(int *offset)
{
	static char why[120];
	const char *text = xml_error_text(offset);

	snprintf(why, sizeof why, "%s", *text ? text : "invalid expression");
	why[0] = (char)tolower((unsigned char)why[0]);
	return why;
}

static int compile(const char *opt, const char *field, const char *expr,
		   xmlXPathCompExprPtr *out, char **why)
{
	const char *problem;
	int at = 0;

	xml_error_reset();
	*out = xmlXPathCompile((const xmlChar *)expr);
	if (*out)
		return CX_OK;
	problem = xpath_why(&at);
	return option_error(why, "%s%s%s: '%s' is not an XPath (%s at character %d)", opt,
		     field ? " " : "", field ? field : "", expr, problem, at + 1);
}

/* The fields a kind of record cannot do without. */
static int needs(const struct column_map *map, int survey, char **why)
{
	if (!survey && map->col[F_STARTED_AT] < 0)
		return option_error(why, "--map: no XPath for 'started_at' "
			     "(add --map started_at=XPATH)");
	if (survey && map->col[F_CSAT] < 0 && map->col[F_NPS] < 0 &&
	    map->col[F_CES] < 0)
		return option_error(why, "--survey-map: no XPath for 'csat', "
			     "'nps' or 'ces' (add --survey-map csat=XPATH)");
	return CX_OK;
}

static void release_reader(struct xml_reader *xr)
{
	size_t i;
	for (i = 0; i < NFIELDS; i++)
		xmlXPathFreeCompExpr(xr->comp[i]);
	xmlXPathFreeContext(xr->ctx);
	free(xr->buf);
	memset(xr, 0, sizeof *xr);
}

/* Compiles the field XPaths into xr->comp, in mapping order. */
static int compile_fields(struct xml_reader *xr, int survey, char **why)
{
	size_t i;
	int rc = CX_OK;

	for (i = 0; rc == CX_OK && i < xr->x->nfields; i++)
		rc = compile(map_opt(survey), xr->x->fields[i].field,
			     xr->x->fields[i].column, &xr->comp[i], why);
	return rc;
}

int agg_xml_check(const struct agg_xml *x, int survey, char **why)
{
	struct xml_reader xr;
	struct column_map map;
	xmlXPathCompExprPtr rec = NULL;
	int rc;

	memset(&xr, 0, sizeof xr);
	xr.x = x;
	*why = NULL;
	rc = build_map(x, survey, &map, why);
	if (rc == CX_OK)
		rc = needs(&map, survey, why);
	if (rc == CX_OK)
		rc = compile(record_opt(survey), NULL, x->record, &rec, why);
	if (rc == CX_OK)
		rc = compile_fields(&xr, survey, why);
	xmlXPathFreeCompExpr(rec);
	release_reader(&xr);
	return rc;
}

/* The prefixes declared on the root element, for the XPaths. */
static void register_namespaces(xmlXPathContextPtr ctx, const xmlNode *root)
{
	const xmlNs *ns;
	for (ns = root->nsDef; ns; ns = ns->next)
		if (ns->prefix && ns->href)
			xmlXPathRegisterNs(ctx, ns->prefix, ns->href);
}

static const char *node_kind(const xmlNode *n)
{
	return n->type == XML_ATTRIBUTE_NODE ? "attributes" :
		n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE ? "text" :
		n->type == XML_DOCUMENT_NODE ? "the document" : "other nodes";
}

/* The record elements, in document order. */
static int select_records(struct xml_reader *xr, int survey, xmlDoc *doc,
			  xmlXPathObjectPtr *out)
{
	const xmlNode *root = xmlDocGetRootElement(doc);
	xmlXPathCompExprPtr comp = NULL;
	xmlXPathObjectPtr set = NULL;
	const char *opt = record_opt(survey);
	char *why = NULL;
	int rc = compile(opt, NULL, xr->x->record, &comp, &why), i, at = 0;

	*out = NULL;
	if (rc != CX_OK)
		return show_option_error(why);
	xml_error_reset();
	xr->ctx->node = (xmlNodePtr)doc;
	set = xmlXPathCompiledEval(comp, xr->ctx);
	xmlXPathFreeCompExpr(comp);
	if (!set) {
		msg_at(xr->file, 0, "%s '%s' cannot be evaluated: %s", opt, xr->x->record,
		       xpath_why(&at));
		return CX_EUSAGE;
	}
	if (set->type != XPATH_NODESET) {
		msg_at(xr->file, 0, "%s '%s' gives a value, not elements", opt,
		       xr->x->record);
		rc = CX_EUSAGE;
	} else if (!set->nodesetval || set->nodesetval->nodeNr == 0) {
		msg_at(xr->file, 0, "%s '%s' selects no element%s", opt, xr->x->record,
		       root->ns && !root->ns->prefix ? " (the document has a default "
		       "namespace: match names with *[local-name()='NAME'])" : "");
		rc = CX_EINPUT;
	}
	for (i = 0; rc == CX_OK && i < set->nodesetval->nodeNr; i++) {
		if (set->nodesetval->nodeTab[i]->type != XML_ELEMENT_NODE) {
			msg_at(xr->file, 0, "%s '%s' selects %s, not elements", opt,
			       xr->x->record, node_kind(set->nodesetval->nodeTab[i]));
			rc = CX_EUSAGE;
		}
	}
	if (rc != CX_OK) {
		xmlXPathFreeObject(set);
		return rc;
	}
	*out = set;
	return CX_OK;
}

static int is_blank(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Appends the value, blanks around it removed, to xr->buf. */
static void keep_value(struct xml_reader *xr, size_t i, const char *s, size_t *len)
{
	size_t n;

	while (is_blank((unsigned char)*s))
		s++;
	n = strlen(s);
	while (n > 0 && is_blank((unsigned char)s[n - 1]))
		n--;
	if (!xr->buf || *len + n + 1 > xr->cap) {
		xr->cap = (*len + n + 1) * 2;
		xr->buf = xrealloc(xr->buf, xr->cap);
	}
	memcpy(xr->buf + *len, s, n);
	xr->buf[*len + n] = '\0';
	xr->at[i] = *len;
	xr->fields[i].len = n;
	*len += n + 1;
}

/* Fills xr->r with the fields of one record: CX_OK, or an error status
 * after a message naming the record's line. */
static int read_record(struct xml_reader *xr, xmlNodePtr rec, long line)
{
	const struct rename *f;
	xmlXPathObjectPtr v;
	xmlChar *s;
	size_t i, len = 0;
	int at = 0;

	for (i = 0; i < xr->x->nfields; i++) {
		f = &xr->x->fields[i];
		xml_error_reset();
		xr->ctx->node = rec;
		v = xmlXPathCompiledEval(xr->comp[i], xr->ctx);
		if (!v) {
			msg_at(xr->file, line, "%s: the XPath '%s' cannot be evaluated: %s",
			       f->field, f->column, xpath_why(&at));
			return CX_EUSAGE;
		}
		if (v->type == XPATH_NODESET && v->nodesetval &&
		    v->nodesetval->nodeNr > 1) {
			msg_at(xr->file, line, "%s: the XPath '%s' selects %d nodes in "
			       "this record; make it select one", f->field, f->column,
			       v->nodesetval->nodeNr);
			xmlXPathFreeObject(v);
			return CX_EINPUT;
		}
		s = xmlXPathCastToString(v);
		keep_value(xr, i, s ? (const char *)s : "", &len);
		xmlFree(s);
		xmlXPathFreeObject(v);
	}
	for (i = 0; i < xr->x->nfields; i++)
		xr->fields[i].s = xr->buf + xr->at[i];
	xr->r.fields = xr->fields;
	xr->r.nfields = xr->x->nfields;
	xr->r.line = line;
	return CX_OK;
}

static int read_records(struct xml_reader *xr, xmlNodeSetPtr set,
			struct scan_job *job)
{
	const char *why = NULL;
	long line;
	int i, rc = CX_OK;

	for (i = 0; rc == CX_OK && i < set->nodeNr; i++) {
		line = xml_line(set->nodeTab[i]);
		rc = read_record(xr, set->nodeTab[i], line);
		if (rc == CX_OK && agg_job_record(job, &xr->r, line, i, &why) < 0) {
			msg_at(xr->file, line, "%s", why);
			rc = CX_EINPUT;
		}
	}
	return rc;
}

int agg_xml_scan(const char *source, int survey, const struct agg_options *o,
		 struct agg_result *res, struct agg_part *parts, int *nparts)
{
	struct xml_reader xr;
	struct column_map map;
	struct input in;
	struct scan_job *job = NULL;
	xmlDoc *doc = NULL;
	xmlXPathObjectPtr set = NULL;
	char *why = NULL;
	int rc;

	memset(&xr, 0, sizeof xr);
	xr.x = survey ? o->surveys_xml : o->contacts_xml;
	if (build_map(xr.x, survey, &map, &why) != CX_OK)
		return show_option_error(why);
	rc = input_read(source, &in);
	xr.file = in.name;
	if (rc == CX_OK)
		rc = xml_parse_input(&in, &doc);
	if (rc == CX_OK) {
		xr.ctx = xmlXPathNewContext(doc);
		xmlXPathContextSetCache(xr.ctx, 1, -1, 0); /* fewer allocations */
		register_namespaces(xr.ctx, xmlDocGetRootElement(doc));
		if (compile_fields(&xr, survey, &why) != CX_OK)
			rc = show_option_error(why);
	}
	if (rc == CX_OK)
		rc = select_records(&xr, survey, doc, &set);
	if (rc == CX_OK) {
		job = agg_job_new(in.name, survey, o, &map, res);
		rc = read_records(&xr, set->nodesetval, job);
		agg_job_finish(job, rc == CX_OK, res, parts, nparts);
	}
	xmlXPathFreeObject(set);
	release_reader(&xr);
	xmlFreeDoc(doc);
	input_release(&in);
	return rc;
}
