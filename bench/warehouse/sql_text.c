/* sql_text: the query's growing text, and the quoting of what a user
 * gave: names as identifiers, values as string literals.  What cannot be
 * quoted safely in a dialect is refused, never passed on. */
#include "warehouse/sql_parts.h"
#include "base/mem.h"
#include "base/msg.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sql_put(struct sql_text *t, const char *s)
{
	size_t n = strlen(s);

	if (!t->s || t->n + n + 1 > t->cap) {
		t->cap = (t->n + n + 1) * 2;
		t->s = xrealloc(t->s, t->cap);
	}
	memcpy(t->s + t->n, s, n + 1);
	t->n += n;
}

void sql_putf(struct sql_text *t, const char *fmt, ...)
{
	char small[256], *big;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n >= 0 && (size_t)n < sizeof small) {
		sql_put(t, small);
		return;
	}
	big = xmalloc(n > 0 ? (size_t)n + 1 : 1);
	va_start(ap, fmt);
	(void)vsnprintf(big, n > 0 ? (size_t)n + 1 : 1, fmt, ap);
	va_end(ap);
	sql_put(t, big);
	free(big);
}

void sql_apply(struct sql_text *t, const char *fmt, const char *arg)
{
	const char *at = strstr(fmt, "%s");
	char *head;

	if (!at) {
		sql_put(t, fmt);
		return;
	}
	head = xstrndup(fmt, (size_t)(at - fmt));
	sql_put(t, head);
	free(head);
	sql_put(t, arg);
	sql_apply(t, at + 2, arg);
}

static int control(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 1;
	return 0;
}

static int one_ident(struct sql_text *t, const struct sql_dialect *d, const char *s,
		     size_t n, const char *what)
{
	char q[2] = { d->quote, 0 };
	size_t i;

	if (n == 0 || memchr(s, '\0', n)) {
		msg_error("--emit-sql: %s: an empty name", what);
		return -1;
	}
	for (i = 0; i < n; i++) {
		if (d->quote == '`' && (s[i] == '`' || s[i] == '\\')) {
			msg_error("--emit-sql: %s '%.*s': a name with %s cannot be quoted "
				  "for %s", what, (int)n, s, s[i] == '`' ? "a backtick" :
				  "a backslash", d->name);
			return -1;
		}
	}
	sql_put(t, q);
	for (i = 0; i < n; i++) {
		char c[3] = { s[i], 0, 0 };
		if (s[i] == d->quote) /* doubled: "a""b" */
			c[1] = s[i];
		sql_put(t, c);
	}
	sql_put(t, q);
	return 0;
}

int sql_ident(struct sql_text *t, const struct sql_dialect *d, const char *name,
	      int dotted, const char *what)
{
	const char *p = name, *dot;

	if (control(name)) {
		msg_error("--emit-sql: %s: a name with a control character", what);
		return -1;
	}
	for (;;) {
		dot = dotted ? strchr(p, '.') : NULL;
		if (one_ident(t, d, p, dot ? (size_t)(dot - p) : strlen(p), what) < 0)
			return -1;
		if (!dot)
			return 0;
		sql_put(t, ".");
		p = dot + 1;
	}
}

int sql_literal(struct sql_text *t, const struct sql_dialect *d, const char *s,
		const char *what)
{
	if (control(s)) {
		msg_error("--emit-sql: %s: a value with a control character", what);
		return -1;
	}
	sql_put(t, "'");
	for (; *s; s++) {
		char c[3] = { *s, 0, 0 };
		if (*s == '\'')
			c[1] = '\'';
		else if (*s == '\\' && d->backslash)
			c[1] = '\\';
		sql_put(t, c);
	}
	sql_put(t, "'");
	return 0;
}
