/* load_xml: the XML form of a company metrics file (DESIGN.md "Files"):
 *
 *   <metrics company="Acme Telecom" industry="telecom">
 *     <period id="2026-Q3">
 *       <metric id="nps" value="12" n="1500" promoters_pct="38" detractors_pct="30"/>
 *     </period>
 *   </metrics>
 *
 * or, for a single period, <metrics company=".." period="2026-Q3"> holding
 * the <metric> elements.  Values are attributes, read as the CSV form reads
 * its cells (an empty optional attribute is absent), and the messages are
 * the CSV loader's, naming the element's line.  Blanks, comments and
 * processing instructions are ignored; any other element, attribute or
 * text is an error.  Every problem is reported; the count decides. */
#include "load/loaders.h"
#include "io/csv.h"
#include "base/mem.h"
#include "base/msg.h"
#include "io/xmlsafe.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const root_attrs[] = { "company", "industry", "period", NULL };
static const char *const period_attrs[] = { "id", NULL };
static const char *const metric_attrs[] = { "id", "value", "n", "promoters_pct",
	"detractors_pct", "clock", NULL };

static int named(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

/* Attributes must be among `allowed`; those in a namespace (xsi:..,
 * xml:lang) belong to other vocabularies and are left alone.  Returns the
 * number of errors. */
static int check_attrs(const char *file, const xmlNode *el, const char *const *allowed)
{
	const xmlAttr *a;
	char expected[120];
	size_t i, len = 0;
	int bad = 0, known;

	for (i = 0; allowed[i]; i++)
		len += (size_t)snprintf(expected + len, sizeof expected - len, "%s%s",
					i ? ", " : "", allowed[i]);
	for (a = el->properties; a; a = a->next) {
		if (a->ns)
			continue;
		for (known = 0, i = 0; allowed[i]; i++)
			known |= strcmp((const char *)a->name, allowed[i]) == 0;
		if (!known) {
			msg_at(file, xml_line(el), "unknown attribute '%.60s' on <%s> "
			       "(expected %s)", (const char *)a->name,
			       (const char *)el->name, expected);
			bad++;
		}
	}
	return bad;
}

/* Text that is not only blanks: its first line is reported.  libxml2
 * gives a short text node the line where it ends. */
static int stray_text(const char *file, const xmlNode *parent, const xmlNode *n)
{
	const char *s = (const char *)n->content, *p;
	long line = xml_line(n);
	int len;

	while (s && *s && strchr(" \t\r\n", *s))
		s++;
	if (!s || !*s)
		return 0;
	for (p = s; *p; p++)
		line -= *p == '\n';
	len = (int)strcspn(s, "\r\n");
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	msg_at(file, line > 0 ? line : xml_line(parent), "unexpected text in <%s>: "
	       "'%.*s'", (const char *)parent->name, len > 40 ? 40 : len, s);
	return 1;
}

/* A child that is neither a `want` element (NULL: none) nor ignorable:
 * report it.  Returns 1 when it was reported. */
static int stray(const char *file, const xmlNode *parent, const xmlNode *n,
		 const char *want)
{
	switch (n->type) {
	case XML_ELEMENT_NODE:
		msg_at(file, xml_line(n), "unknown element <%.60s> in <%s>%s%s%s",
		       (const char *)n->name, (const char *)parent->name,
		       want ? " (expected <" : "", want ? want : "", want ? ">)" : "");
		return 1;
	case XML_TEXT_NODE:
	case XML_CDATA_SECTION_NODE:
		return stray_text(file, parent, n);
	case XML_COMMENT_NODE:
	case XML_PI_NODE:
		return 0;
	default:
		msg_at(file, xml_line(n), "unexpected content in <%s>",
		       (const char *)parent->name);
		return 1;
	}
}

/* An optional number: absent or empty means `fallback`. */
static int opt_number(const char *file, const xmlNode *el, const char *name,
		      double fallback, double *out, int *given)
{
	char *s = xml_attr(el, name);
	int rc = 0;

	*out = fallback;
	if (given)
		*given = s && *s;
	if (s && *s)
		rc = csv_number(s, out);
	if (rc < 0) {
		msg_at(file, xml_line(el), "%s: '%.40s' is %s", name, s,
		       rc == -2 ? "out of range" : "not a number");
		rc = -1;
	}
	free(s);
	return rc;
}

static int read_metric(const struct catalog *cat, struct company *c,
		       struct period_data *pd, const xmlNode *el)
{
	char *id = xml_attr(el, "id"), *value = xml_attr(el, "value"), why[120];
	char *clock = xml_attr(el, "clock");
	const char *hint;
	const xmlNode *n;
	struct obs o;
	long m = -1, line = xml_line(el);
	int bad = check_attrs(c->origin, el, metric_attrs), has_n = 0, rc = -1;

	for (n = el->children; n; n = n->next)
		bad += stray(c->origin, el, n, NULL);
	memset(&o, 0, sizeof o);
	o.line = line;
	if (!id || !*id) {
		msg_at(c->origin, line, "missing attribute 'id' on <metric>");
		goto out;
	}
	m = catalog_metric(cat, id);
	if (m < 0) {
		hint = catalog_suggest(cat, id);
		msg_at(c->origin, line, "metric: unknown metric '%.100s'%s%s%s", id,
		       hint ? " (did you mean '" : "", hint ? hint : "", hint ? "'?)" : "");
		goto out;
	}
	if (!value || !*value) {
		msg_at(c->origin, line, "value: missing for metric '%s'", id);
		goto out;
	}
	bad += opt_number(c->origin, el, "value", 0, &o.value, NULL) < 0;
	bad += opt_number(c->origin, el, "n", 0, &o.n, &has_n) < 0;
	bad += opt_number(c->origin, el, "promoters_pct", NAN, &o.promoters, NULL) < 0;
	bad += opt_number(c->origin, el, "detractors_pct", NAN, &o.detractors, NULL) < 0;
	if (!bad && has_n && sample_size_check(o.n, why, sizeof why) < 0) {
		msg_at(c->origin, line, "n: %s", why);
		bad++;
	}
	if (!bad && clock && clock_parse(clock, &o.business_clock, why, sizeof why) < 0) {
		msg_at(c->origin, line, "%s", why);
		bad++;
	}
	if (!bad)
		rc = company_put(cat, c, pd, m, &o, id);
out:
	free(id);
	free(value);
	free(clock);
	return rc;
}

/* The line of an earlier <period> sibling with the same key, or 0. */
static long earlier_period(const xmlNode *el, struct period key)
{
	const xmlNode *p;
	struct period k;
	char *id;
	long line = 0;

	for (p = el->prev; p; p = p->prev) {
		if (!named(p, "period"))
			continue;
		id = xml_attr(p, "id");
		if (id && period_parse(id, &k) == 0 && period_cmp(k, key) == 0)
			line = xml_line(p);
		free(id);
	}
	return line;
}

/* The <metric> children of `holder` (a <period>, or <metrics> itself in
 * the single-period form), into the period labelled `label`. */
static int read_period(const struct catalog *cat, struct company *c,
		       const xmlNode *holder, const char *label)
{
	const xmlNode *n;
	struct period key;
	struct period_data *pd;
	size_t before = c->nperiods;
	long line = xml_line(holder), first;
	int bad = 0, metrics = 0;

	if (period_parse(label, &key) < 0) {
		msg_at(c->origin, line, "period: '%.40s' is not a period (YYYY-Qn, "
		       "YYYY-MM or YYYY)", label);
		return -1;
	}
	pd = company_add_period(c, key, line);
	if (!pd)
		return -1;
	if (c->nperiods == before) {
		first = earlier_period(holder, key);
		if (first > 0)
			msg_at(c->origin, line, "period %s appears twice (first on line %ld)",
			       pd->label, first);
		else
			msg_at(c->origin, line, "period %s appears twice", pd->label);
		return -1;
	}
	for (n = holder->children; n; n = n->next) {
		if (named(n, "metric")) {
			metrics++;
			bad += read_metric(cat, c, pd, n) < 0;
		} else {
			bad += stray(c->origin, holder, n, "metric");
		}
	}
	if (!metrics && !bad) {
		msg_at(c->origin, line, "period %s: no <metric> elements", pd->label);
		bad++;
	}
	return bad ? -1 : 0;
}

static int read_periods(const struct catalog *cat, struct company *c,
			const xmlNode *root)
{
	const xmlNode *n;
	char *label = xml_attr(root, "period"), *id;
	int bad = 0, periods = 0;

	for (n = root->children; n; n = n->next)
		periods += named(n, "period");
	if (label && periods) {
		msg_at(c->origin, xml_line(root), "use either <period> elements or a "
		       "period attribute on <metrics>, not both");
		bad++;
	} else if (label) {
		bad += read_period(cat, c, root, label) < 0;
	} else if (!periods) {
		msg_at(c->origin, xml_line(root), "no <period> elements in <metrics> "
		       "(and no period attribute)");
		bad++;
	}
	for (n = root->children; !label && n; n = n->next) {
		if (!named(n, "period")) {
			bad += stray(c->origin, root, n, "period");
			continue;
		}
		if (check_attrs(c->origin, n, period_attrs)) {
			bad++;
			continue;
		}
		id = xml_attr(n, "id");
		if (!id)
			msg_at(c->origin, xml_line(n), "missing attribute 'id' on <period>");
		bad += !id || read_period(cat, c, n, id) < 0;
		free(id);
	}
	free(label);
	return bad ? -1 : 0;
}

int load_company_xml(const struct catalog *cat, const struct input *in,
		     struct company *c)
{
	xmlDoc *doc = NULL;
	const xmlNode *root;
	char *name = NULL, *industry = NULL, why[80];
	int bad = 0, rc;

	rc = xml_parse_input(in, &doc);
	if (rc != CX_OK)
		return rc;
	root = xmlDocGetRootElement(doc);
	if (!named(root, "metrics")) {
		msg_at(c->origin, xml_line(root), "expected a <metrics> root element, "
		       "got <%.60s>", (const char *)root->name);
		bad++;
		goto out;
	}
	bad += check_attrs(c->origin, root, root_attrs);
	name = xml_attr(root, "company");
	industry = xml_attr(root, "industry");
	if (!name) {
		msg_at(c->origin, xml_line(root), "missing attribute 'company' on <metrics>");
		bad++;
	} else if (company_name_check(name, why, sizeof why) < 0) {
		msg_at(c->origin, xml_line(root), "company: %s", why);
		bad++;
	}
	if (!bad) {
		c->name = xstrdup(name);
		c->industry = industry && *industry ? xstrdup(industry) : NULL;
		bad += read_periods(cat, c, root) < 0;
	}
out:
	free(name);
	free(industry);
	xmlFreeDoc(doc);
	return bad ? CX_EINPUT : CX_OK;
}
