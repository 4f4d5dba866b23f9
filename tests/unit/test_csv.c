/* csv.c: the RFC 4180 reader and csv_number. */
#include "check.h"
#include "io/csv.h"
#include <stdlib.h>
#include <string.h>

/* A writable copy of text with the NUL after its end that csv_init needs. */
static char *buf_new(const char *text)
{
	size_t len = strlen(text);
	char *buf = malloc(len + 1);
	memcpy(buf, text, len + 1);
	return buf;
}

static const char *field(const struct csv_reader *r, size_t i)
{
	return i < r->nfields ? r->fields[i].s : "(no such field)";
}

void test_csv_basic(void)
{
	char *buf = buf_new("a,b,c\n1,22,333\n");
	struct csv_reader r;

	csv_init(&r, buf, strlen(buf));
	CHECK_INT(csv_next(&r), 1);
	CHECK_INT(r.line, 1);
	CHECK_INT(r.nfields, 3);
	CHECK_STR(field(&r, 0), "a");
	CHECK_STR(field(&r, 2), "c");
	CHECK_INT(csv_next(&r), 1);
	CHECK_INT(r.line, 2);
	CHECK_STR(field(&r, 1), "22");
	CHECK_INT(r.fields[2].len, 3);
	CHECK_INT(csv_next(&r), 0);
	CHECK_INT(csv_next(&r), 0); /* stays at the end */
	csv_release(&r);
	free(buf);

	/* empty fields, including leading and trailing ones */
	buf = buf_new(",a,,\nx,\n");
	csv_init(&r, buf, strlen(buf));
	CHECK_INT(csv_next(&r), 1);
	CHECK_INT(r.nfields, 4);
	CHECK_STR(field(&r, 0), "");
	CHECK_STR(field(&r, 1), "a");
	CHECK_STR(field(&r, 2), "");
	CHECK_STR(field(&r, 3), "");
	CHECK_INT(r.fields[3].len, 0);
	CHECK_INT(csv_next(&r), 1);
	CHECK_INT(r.nfields, 2);
	CHECK_STR(field(&r, 1), "");
	CHECK_INT(csv_next(&r), 0);
	csv_release(&r);
	free(buf);

	/* missing final newline, and a trailing comma at the very end */
	buf = buf_new("a,b\nc,d");
	csv_init(&r, buf, strlen(buf));
	CHECK_INT(csv_next(&r), 1);
	CHECK_INT(csv_next(&r), 1);
	CHECK_INT(r.line, 2);
	CHECK_INT(r.nfields, 2);
	CHECK_STR(field(&r, 1), "d");
	CHECK_INT(r.fields[1].len, 1);
	CHECK_INT(csv_next(&r), 0);
	csv_release(&r);
	free(buf);
	buf = buf_new("x,");
	csv_init(&r, buf, strlen(buf));
	CHECK_INT(csv_next(&r), 1);
	CHECK_INT(r.nfields, 2);
	CHECK_STR(field(&r, 0), "x");
	CHECK_STR(field(&r, 1), "");
	CHECK_INT(csv_next(&r), 0);
	csv_release(&r);
	free(buf);

	/* blank lines are skipped, but counted */
	buf = buf_new("\na\n\n\nb\n\n");
	csv_init(&r, buf, strlen(buf));
	CHECK_INT(csv_next(&r), 1);
	CHECK_INT(r.line, 2);
	CHECK_STR(field(&r, 0), "a");
	CHECK_INT(csv_next(&r), 1);
	CHECK_INT(r.line, 5);
	CHECK_STR(field(&r, 0), "b");
	CHECK_INT(csv_next(&r), 0);
	csv_release(&r);
	free(buf);

	/* nothing at all */
	buf = buf_new("");
	csv_init(&r, buf, 0);
	CHECK_INT(csv_next(&r), 0);
	csv_release(&r);
	free(buf);
	buf = buf_new("\n\r\n\n");
	csv_init(&r, buf, strlen(buf));
	CHECK_INT(csv_next(&r), 0);
	csv_release(&r);
	free(buf);
}

void test_csv_quoted(void)
{
	char *buf = buf_new("\"x,y\",\"he said \"\"hi\"\"\",z,\"\"\n"
			    "1,\"line one\nline two\",\"\"\"\"\n"
			    "2,\"a\n\n\nb\"\n"
			    "3,plain\n");
	struct csv_reader r;

	csv_init(&r, buf, strlen(buf));
	CHECK_INT(csv_next(&r), 1);
	CHECK_INT(r.line, 1);
	CHECK_INT(r.nfields, 4);
	CHECK_STR(field(&r, 0), "x,y");            /* comma inside quotes */
	CHECK_STR(field(&r, 1), "he said \"hi\""); /* doubled quotes */
	CHECK_INT(r.fields[1].len, 12);            /* h e _ s a i d _ " h i " */
	CHECK_STR(field(&r, 2), "z");
	CHECK_STR(field(&r, 3), "");               /* "" is an empty field */
	CHECK_INT(r.fields[3].len, 0);

	CHECK_INT(csv_next(&r), 1);
	CHECK_INT(r.line, 2);
	CHECK_INT(r.nfields, 3);
	CHECK_STR(field(&r, 1), "line one\nline two");
	CHECK_STR(field(&r, 2), "\"");             /* """" is one quote */

	CHECK_INT(csv_next(&r), 1);
	CHECK_INT(r.line, 4);                      /* record 2 took lines 2-3 */
	CHECK_STR(field(&r, 1), "a\n\n\nb");

	CHECK_INT(csv_next(&r), 1);
	CHECK_INT(r.line, 8);                      /* record 3 took lines 4-7 */
	CHECK_STR(field(&r, 0), "3");
	CHECK_STR(field(&r, 1), "plain");
	CHECK_INT(csv_next(&r), 0);
	csv_release(&r);
	free(buf);

	/* a quoted last field without a final newline */
	buf = buf_new("a,\"b c\"");
	csv_init(&r, buf, strlen(buf));
	CHECK_INT(csv_next(&r), 1);
	CHECK_INT(r.nfields, 2);
	CHECK_STR(field(&r, 1), "b c");
	CHECK_INT(csv_next(&r), 0);
	csv_release(&r);
	free(buf);
}

void test_csv_line_endings(void)
{
	char *buf = buf_new("a,b\r\nc,\"d\"\r\n\r\ne,\"x\r\ny\"\r\nlast,f\r\n");
	struct csv_reader r;

	csv_init(&r, buf, strlen(buf));
	CHECK_INT(csv_next(&r), 1);
	CHECK_INT(r.line, 1);
	CHECK_STR(field(&r, 1), "b");            /* no CR left */
	CHECK_INT(r.fields[1].len, 1);
	CHECK_INT(csv_next(&r), 1);
	CHECK_INT(r.line, 2);
	CHECK_STR(field(&r, 1), "d");            /* quoted, then CRLF */
	CHECK_INT(csv_next(&r), 1);
	CHECK_INT(r.line, 4);                    /* a blank CRLF line skipped */
	CHECK_STR(field(&r, 1), "x\r\ny");       /* kept as is inside quotes */
	CHECK_INT(csv_next(&r), 1);
	CHECK_INT(r.line, 6);                    /* the quoted field spanned 4-5 */
	CHECK_STR(field(&r, 0), "last");
	CHECK_STR(field(&r, 1), "f");
	CHECK_INT(csv_next(&r), 0);
	csv_release(&r);
	free(buf);

	/* CRLF file without the final line ending */
	buf = buf_new("a\r\nb,c");
	csv_init(&r, buf, strlen(buf));
	CHECK_INT(csv_next(&r), 1);
	CHECK_STR(field(&r, 0), "a");
	CHECK_INT(csv_next(&r), 1);
	CHECK_INT(r.line, 2);
	CHECK_STR(field(&r, 1), "c");
	CHECK_INT(csv_next(&r), 0);
	csv_release(&r);
	free(buf);

	/* a CR inside a plain field (not before a newline) stays */
	buf = buf_new("a\rb,c\n");
	csv_init(&r, buf, strlen(buf));
	CHECK_INT(csv_next(&r), 1);
	CHECK_STR(field(&r, 0), "a\rb");
	csv_release(&r);
	free(buf);
}

void test_csv_errors(void)
{
	char *buf = buf_new("h1,h2\n\"open,b\nc,d\n");
	struct csv_reader r;

	csv_init(&r, buf, strlen(buf));
	CHECK_INT(csv_next(&r), 1);
	CHECK(r.error == NULL);
	CHECK_INT(csv_next(&r), -1);     /* the quote never closes */
	CHECK(r.error != NULL);
	CHECK_INT(r.line, 2);            /* where the record started */
	csv_release(&r);
	free(buf);

	buf = buf_new("\"abc");
	csv_init(&r, buf, strlen(buf));
	CHECK_INT(csv_next(&r), -1);
	CHECK(r.error != NULL && strstr(r.error, "unterminated") != NULL);
	csv_release(&r);
	free(buf);

	buf = buf_new("ok\n\"a\"b,c\n");
	csv_init(&r, buf, strlen(buf));
	CHECK_INT(csv_next(&r), 1);
	CHECK_INT(csv_next(&r), -1);     /* text after a closing quote */
	CHECK(r.error != NULL);
	CHECK_INT(r.line, 2);
	csv_release(&r);
	free(buf);

	buf = buf_new("\"a\" ,b\n");      /* even a blank */
	csv_init(&r, buf, strlen(buf));
	CHECK_INT(csv_next(&r), -1);
	CHECK(r.error != NULL);
	csv_release(&r);
	free(buf);
}

static int num(const char *s, double *v)
{
	*v = -12345;
	return csv_number(s, v);
}

void test_csv_number(void)
{
	double v;

	CHECK(num("12", &v) == 0 && v == 12);
	CHECK(num("-3.5", &v) == 0 && v == -3.5);
	CHECK(num(" 1e3 ", &v) == 0 && v == 1000);
	CHECK(num("\t7\t", &v) == 0 && v == 7);
	CHECK(num("+5", &v) == 0 && v == 5);
	CHECK(num(".5", &v) == 0 && v == 0.5);
	CHECK(num("-.25", &v) == 0 && v == -0.25);
	CHECK(num("5.", &v) == 0 && v == 5);
	CHECK(num("2.5E-1", &v) == 0 && v == 0.25);
	CHECK(num("1e+2", &v) == 0 && v == 100);
	CHECK(num("0", &v) == 0 && v == 0);

	CHECK(num("nan", &v) < 0);
	CHECK(num("NaN", &v) < 0);
	CHECK(num("inf", &v) < 0);
	CHECK(num("-inf", &v) < 0);
	CHECK(num("Infinity", &v) < 0);
	CHECK(num("0x10", &v) < 0);
	CHECK(num("12abc", &v) < 0);
	CHECK(num("", &v) < 0);
	CHECK(num("   ", &v) < 0);
	CHECK(num("1.2.3", &v) < 0);
	CHECK(num("1e", &v) < 0);
	CHECK(num("1e400", &v) < 0);   /* overflows to infinity */
	CHECK(num("-", &v) < 0);
	CHECK(num(".", &v) < 0);
	CHECK(num("1 2", &v) < 0);
	CHECK(num("1,5", &v) < 0);
	CHECK(num("--1", &v) < 0);
	CHECK(num("1-2", &v) < 0);
	CHECK(num("12%", &v) < 0);
	CHECK(num("12abc", &v) < 0 && v == -12345); /* *out untouched on failure */
}
