/* print.c: user text as CSS strings, page counters, and the layout pass
 * that keeps charts with their tables and marks wide tables. */
#include "check.h"
#include "report/html.h"
#include "report/print.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void check_css(const char *in, const char *want)
{
	char *got = css_string(in);
	CHECK_STR(got, want);
	free(got);
}

void test_print_css_string(void)
{
	check_css("", "\"\"");
	check_css("Acme42", "\"Acme42\"");
	check_css("a b", "\"a\\20 b\"");
	/* nothing that could end the string, the rule or the element */
	check_css("\"</style>", "\"\\22 \\3C \\2F style\\3E \"");
	check_css("\\;}", "\"\\5C \\3B \\7D \"");
	check_css("a\nb", "\"a\\A b\"");
	/* a digit after an escape stays a digit: the space ends the escape */
	check_css("-1", "\"\\2D 1\"");
	/* UTF-8 by code point: Cyrillic, and outside the BMP */
	check_css("\xd0\xa2\xd0\xb5\xd1\x81\xd1\x82", "\"\\422 \\435 \\441 \\442 \"");
	check_css("\xf0\x9f\x98\x80", "\"\\1F600 \"");
	/* invalid UTF-8: each byte that starts no valid sequence is U+FFFD */
	check_css("\xff", "\"\\FFFD \"");
	check_css("\xc0\xaf", "\"\\FFFD \\FFFD \"");
	check_css("\xe2\x82", "\"\\FFFD \\FFFD \"");
	check_css("\xed\xa0\x80", "\"\\FFFD \\FFFD \\FFFD \"");
	check_css("\xf4\x90\x80\x80", "\"\\FFFD \\FFFD \\FFFD \\FFFD \"");
}

static void check_content(const char *in, const char *want)
{
	char *got = css_content(in);
	CHECK_STR(got, want);
	free(got);
}

void test_print_css_content(void)
{
	check_content("Page {page} of {pages}",
		      "\"Page\\20 \" counter(page) \"\\20 of\\20 \" counter(pages)");
	check_content("{page}/{pages}", "counter(page) \"\\2F \" counter(pages)");
	check_content("{pages}{page}", "counter(pages) counter(page)");
	check_content("", "\"\"");
	check_content("{pag", "\"\\7B pag\"");
	check_content("\xd0\xa1 {page}", "\"\\421 \\20 \" counter(page)");
}

void test_print_page_css(void)
{
	struct print_page pg = { "letter", "A \"B\"", "x", "{page}" };
	char *css = print_page_css(&pg);

	CHECK_STR(css, "@page { size: letter;\n"
		  "  @top-left { content: \"A\\20 \\22 B\\22 \"; }\n"
		  "  @bottom-left { content: \"x\"; }\n"
		  "  @bottom-right { content: counter(page); } }\n"
		  "@page :first { @top-left { content: none; } }\n");
	free(css);
	pg.paper = "anything else";
	css = print_page_css(&pg);
	CHECK(strncmp(css, "@page { size: A4;", 17) == 0);
	free(css);
}

/* A table of n columns and rows rows (a header row included). */
static xmlNodePtr table_of(xmlNodePtr parent, int n, int rows)
{
	xmlNodePtr t = h_table(parent, "cap"), tr;
	int i, r;

	for (r = 0; r < rows; r++) {
		tr = h_el(t, "tr", NULL);
		for (i = 0; i < n; i++)
			h_cell(tr, r == 0, "x", NULL);
	}
	return t->parent;
}

static const char *attr(xmlNodePtr n, const char *name, char *buf, size_t size)
{
	xmlChar *v = xmlGetProp(n, BAD_CAST name);
	snprintf(buf, size, "%s", v ? (const char *)v : "(none)");
	xmlFree(v);
	return buf;
}

static xmlNodePtr first_caption(xmlNodePtr wrap)
{
	return wrap->children->children; /* div > table > caption */
}

void test_print_layout(void)
{
	xmlNodePtr head, body, fig, narrow, wide, lone, block, hint;
	xmlDocPtr doc = html_new("en", &head, &body);
	char buf[64];

	fig = h_el(body, "figure", "chart");
	narrow = table_of(body, 3, 20);       /* a chart's long, narrow table */
	wide = table_of(h_el(body, "section", NULL), 5, 2); /* alone, nested */
	lone = table_of(body, 4, 2);
	print_layout(body, "scroll");

	block = fig->parent;
	CHECK_STR((const char *)block->name, "div");
	CHECK_STR(attr(block, "class", buf, sizeof buf), "chart-block long");
	CHECK(narrow->parent == block && fig->next == narrow);
	CHECK_STR(attr(narrow, "class", buf, sizeof buf), "table-wrap");
	CHECK_STR(attr(narrow, "tabindex", buf, sizeof buf), "(none)");

	CHECK_STR(attr(wide, "class", buf, sizeof buf), "table-wrap wide");
	CHECK_STR(attr(wide, "tabindex", buf, sizeof buf), "0");
	CHECK_STR(attr(wide, "role", buf, sizeof buf), "region");
	CHECK_STR(attr(wide, "aria-label", buf, sizeof buf), "cap");
	hint = first_caption(wide)->last; /* in the caption, after its text */
	CHECK_STR((const char *)hint->name, "span");
	CHECK_STR((const char *)hint->children->content, "scroll");
	CHECK_STR(attr(hint, "class", buf, sizeof buf), "scroll-hint");
	CHECK_STR(attr(hint, "aria-hidden", buf, sizeof buf), "true");
	CHECK_STR(attr(lone, "class", buf, sizeof buf), "table-wrap");
	/* the header row moved into a thead, the other rows left alone */
	head = lone->children->children->next; /* after the caption */
	CHECK_STR((const char *)head->name, "thead");
	CHECK_STR((const char *)head->children->name, "tr");
	CHECK(head->children->next == NULL);
	CHECK_STR((const char *)head->next->name, "tr");
	xmlFreeDoc(doc);

	/* a short table keeps the whole block together */
	doc = html_new("en", &head, &body);
	fig = h_el(body, "figure", "chart");
	table_of(body, 2, 3);
	print_layout(body, "scroll");
	CHECK_STR(attr(fig->parent, "class", buf, sizeof buf), "chart-block");
	xmlFreeDoc(doc);
}
