#include "report/print.h"
#include "report/html.h"
#include "base/mem.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define REPLACEMENT 0xFFFDul
/* The longest escape of one character: backslash, 6 hex digits, space. */
#define ESCAPE_MAX 8

/* The code point at s, *n its length in bytes; a byte that starts no
 * valid sequence (or NUL) is U+FFFD, one byte long. */
static unsigned long next_char(const unsigned char *s, size_t *n)
{
	size_t len = s[0] >= 0xC2 && s[0] <= 0xDF ? 2 : s[0] >= 0xE0 && s[0] <= 0xEF ? 3 :
		s[0] >= 0xF0 && s[0] <= 0xF4 ? 4 : 0;
	unsigned long cp;
	size_t i;

	*n = 1;
	if (s[0] < 0x80)
		return s[0] ? s[0] : REPLACEMENT;
	if (!len)
		return REPLACEMENT;
	cp = s[0] & (0x7Fu >> len);
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return REPLACEMENT;
		cp = cp << 6 | (s[i] & 0x3Fu);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
	    (cp >= 0xD800 && cp <= 0xDFFF))
		return REPLACEMENT;
	*n = len;
	return cp;
}

static int plain(unsigned long c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Appends s's characters, escaped, at out (room for ESCAPE_MAX bytes per
 * byte of s); returns the new end. */
static char *put_escaped(char *out, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	unsigned long c;
	size_t n;

	while (p < end) {
		c = next_char(p, &n);
		p += n;
		/* the space ends the escape, so a digit after it stays a digit */
		out += plain(c) ? sprintf(out, "%c", (int)c) : sprintf(out, "\\%lX ", c);
	}
	return out;
}

static char *put_string(char *out, const char *s, size_t len)
{
	*out++ = '"';
	out = put_escaped(out, s, len);
	*out++ = '"';
	*out = '\0';
	return out;
}

char *css_string(const char *s)
{
	size_t len = strlen(s);
	char *buf = xmalloc(ESCAPE_MAX * len + 3);

	put_string(buf, s, len);
	return buf;
}

/* The counter a placeholder at p names (*skip its length), or NULL. */
static const char *page_counter(const char *p, size_t *skip)
{
	static const char *const names[][2] = { { "{pages}", "counter(pages)" },
		{ "{page}", "counter(page)" } };
	size_t i;

	for (i = 0; i < 2; i++) {
		*skip = strlen(names[i][0]);
		if (strncmp(p, names[i][0], *skip) == 0)
			return names[i][1];
	}
	return NULL;
}

static char *put_sep(char *out, const char *buf)
{
	if (out > buf)
		*out++ = ' ';
	return out;
}

char *css_content(const char *template)
{
	size_t len = strlen(template), skip = 0;
	/* per item (at most len + 1): quotes or a counter's extra, a space */
	char *buf = xmalloc(ESCAPE_MAX * len + 16 * (len + 1)), *out = buf;
	const char *p = template, *run = template, *counter = NULL;

	*out = '\0';
	for (;;) {
		if (*p && !(counter = page_counter(p, &skip))) {
			p++;
			continue;
		}
		if (p > run || (!*p && out == buf))
			out = put_string(put_sep(out, buf), run, (size_t)(p - run));
		if (!*p)
			return buf;
		out = put_sep(out, buf);
		out += sprintf(out, "%s", counter);
		p += skip;
		run = p;
	}
}

char *print_page_css(const struct print_page *pg)
{
	char *header = css_string(pg->header), *footer = css_string(pg->footer);
	char *pages = css_content(pg->page_of);
	char *css = xasprintf("@page { size: %s;\n"
			      "  @top-left { content: %s; }\n"
			      "  @bottom-left { content: %s; }\n"
			      "  @bottom-right { content: %s; } }\n"
			      /* the first page has the report's own header */
			      "@page :first { @top-left { content: none; } }\n",
			      strcmp(pg->paper, "letter") == 0 ? "letter" : "A4",
			      header, footer, pages);
	free(header);
	free(footer);
	free(pages);
	return css;
}

static int is_el(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, BAD_CAST name) == 0;
}

static int has_class(xmlNodePtr n, const char *cls)
{
	xmlChar *v = xmlGetProp(n, BAD_CAST "class");
	const char *p = (const char *)v;
	size_t len = strlen(cls);
	int found = 0;

	while (p && *p && !found) {
		p += strspn(p, " ");
		found = strncmp(p, cls, len) == 0 && (p[len] == ' ' || p[len] == '\0');
		p += strcspn(p, " ");
	}
	xmlFree(v);
	return found;
}

static xmlNodePtr next_el(xmlNodePtr n)
{
	for (n = n->next; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			return n;
	return NULL;
}

static xmlNodePtr first_el(xmlNodePtr n, const char *name)
{
	xmlNodePtr c, found;
	for (c = n->children; c; c = c->next) {
		if (is_el(c, name))
			return c;
		if (c->type == XML_ELEMENT_NODE && (found = first_el(c, name)))
			return found;
	}
	return NULL;
}

/* The columns of a table, from its first row (colspans counted). */
static long columns(xmlNodePtr table)
{
	xmlNodePtr tr = first_el(table, "tr"), c;
	xmlChar *span;
	long n = 0, k;

	for (c = tr ? tr->children : NULL; c; c = c->next) {
		if (!is_el(c, "td") && !is_el(c, "th"))
			continue;
		span = xmlGetProp(c, BAD_CAST "colspan");
		k = span ? strtol((const char *)span, NULL, 10) : 1;
		n += k > 0 ? k : 1;
		xmlFree(span);
	}
	return n;
}

/* A first row of header cells becomes the table's <thead>, which a
 * browser repeats atop every page the table runs over. */
static void add_thead(xmlNodePtr table)
{
	xmlNodePtr tr, c, head;

	for (tr = table->children; tr && (tr->type != XML_ELEMENT_NODE ||
					  is_el(tr, "caption")); tr = tr->next)
		;
	if (!tr || !is_el(tr, "tr"))
		return;
	for (c = tr->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && !is_el(c, "th"))
			return;
	head = xmlNewDocNode(table->doc, NULL, BAD_CAST "thead", NULL);
	xmlAddPrevSibling(tr, head);
	xmlUnlinkNode(tr);
	xmlAddChild(head, tr);
}

/* Every table gets its <thead>; a table a phone scrolls also gets a box
 * that can take the keyboard's focus (so it can be scrolled without a
 * pointer), named by the table's caption. */
static void mark_wide(xmlNodePtr wrap, const char *hint)
{
	xmlNodePtr table = first_el(wrap, "table"), caption, p;
	xmlChar *name;

	if (table)
		add_thead(table);
	if (!table || columns(table) < PRINT_WIDE_COLUMNS)
		return;
	h_attr(wrap, "class", "table-wrap wide");
	h_attr(wrap, "tabindex", "0");
	h_attr(wrap, "role", "region");
	caption = first_el(table, "caption");
	if (caption) {
		name = xmlNodeGetContent(caption);
		h_attr(wrap, "aria-label", (const char *)name);
		xmlFree(name);
	}
	/* in the caption, the hint is seen before the table */
	p = caption ? h_text(caption, "span", "scroll-hint", hint) :
		h_text(wrap, "p", "scroll-hint", hint);
	h_attr(p, "aria-hidden", "true");
}

static long rows(xmlNodePtr n)
{
	xmlNodePtr c;
	long k = 0;

	for (c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			k += is_el(c, "tr") ? 1 : rows(c);
	return k;
}

static void keep_together(xmlNodePtr figure, xmlNodePtr wrap)
{
	xmlNodePtr block = xmlNewDocNode(figure->doc, NULL, BAD_CAST "div", NULL);

	xmlNewProp(block, BAD_CAST "class", BAD_CAST (rows(wrap) > PRINT_KEEP_ROWS ?
		   "chart-block long" : "chart-block"));
	xmlAddPrevSibling(figure, block);
	xmlUnlinkNode(figure);
	xmlAddChild(block, figure);
	xmlUnlinkNode(wrap);
	xmlAddChild(block, wrap);
}

void print_layout(xmlNodePtr n, const char *hint)
{
	xmlNodePtr c, next, wrap;

	for (c = n->children; c; c = next) {
		next = c->next;
		if (c->type != XML_ELEMENT_NODE || is_el(c, "svg"))
			continue;
		if (has_class(c, "table-wrap")) {
			mark_wide(c, hint);
		} else if (is_el(c, "figure") && (wrap = next_el(c)) &&
			   has_class(wrap, "table-wrap")) {
			mark_wide(wrap, hint);
			next = wrap->next;
			keep_together(c, wrap);
		} else {
			print_layout(c, hint);
		}
	}
}
