/* print: what the report needs to read well on paper and on a phone,
 * beyond the theme's CSS.  The running header and footer of printed pages
 * carry the company, the period, --footer and page numbers: user text that
 * CSS can show only as strings, so it is written with hex escapes alone
 * (no character but an ASCII letter or digit is written as itself), and
 * cannot end a string, a rule or the <style> element.  A pass over the
 * built document keeps each chart with its table on one page and marks
 * the tables a phone has to scroll. */
#ifndef CX_PRINT_H
#define CX_PRINT_H
#include <libxml/tree.h>

/* s as a CSS string, quotes included, every character that is not an
 * ASCII letter or digit as a hex escape; invalid UTF-8 and NUL become
 * U+FFFD.  Caller frees. */
char *css_string(const char *s);
/* A CSS `content` value for a template in which {page} and {pages} are
 * the page counters and everything else is text.  Caller frees. */
char *css_content(const char *template);

struct print_page {
	const char *paper;  /* a CSS page size: "A4" or "letter" */
	const char *header; /* top of every page but the first */
	const char *footer; /* bottom left */
	const char *page_of; /* bottom right, a template with {page}, {pages} */
};

/* The @page rule that sizes the page and fills its margin boxes (the
 * theme styles them).  Caller frees. */
char *print_page_css(const struct print_page *pg);

/* Tables with this many columns or more get a scroll cue on a phone. */
#define PRINT_WIDE_COLUMNS 5

/* A chart and a table of more rows than this would leave too much of a
 * page blank when moved whole to the next: the table may then go on over
 * the page, as long as it starts under its chart. */
#define PRINT_KEEP_ROWS 12

/* Wraps every chart and the table right after it in a div.chart-block
 * (kept on one page; "chart-block long" past PRINT_KEEP_ROWS); marks every div.table-wrap whose table has
 * PRINT_WIDE_COLUMNS columns or more as "wide" and adds `hint` to its
 * table's caption, or after the table (shown on narrow screens only); a table's first row, when all header
 * cells, goes into a <thead> (repeated on every printed page). */
void print_layout(xmlNodePtr n, const char *hint);
#endif
