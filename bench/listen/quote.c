/* Quotes: a match in its context, masked, as examples and records show it. */
#include "listen/scan.h"
#include "base/mem.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static size_t mask_digits(const char *t, size_t i, size_t end, char *out, size_t *o)
{
	size_t j = i, digits = 0;
	while (j < end && (isdigit((unsigned char)t[j]) ||
			   ((t[j] == ' ' || t[j] == '-') && j + 1 < end &&
			    isdigit((unsigned char)t[j + 1]) && digits)))
		digits += isdigit((unsigned char)t[j++]) != 0;
	if (digits < 3)
		return 0;
	/* NOLINTNEXTLINE(bugprone-not-null-terminated-result): quote_new ends it */
	memcpy(out + *o, "###", 3);
	*o += 3;
	return j - i;
}

static size_t mask_email(const char *t, size_t i, size_t end, char *out, size_t *o)
{
	size_t a = i, j;
	const char *ok = "._%+-";

	while (a < end && (isalnum((unsigned char)t[a]) || strchr(ok, t[a])))
		a++;
	if (a == i || a >= end || t[a] != '@')
		return 0;
	for (j = a + 1; j < end && (isalnum((unsigned char)t[j]) || t[j] == '.' ||
				    t[j] == '-'); j++)
		;
	while (j > a + 1 && t[j - 1] == '.') /* a full stop after the address */
		j--;
	if (j == a + 1 || !memchr(t + a + 1, '.', j - a - 1))
		return 0;
	/* NOLINTNEXTLINE(bugprone-not-null-terminated-result): quote_new ends it */
	memcpy(out + *o, "[email]", 7);
	*o += 7;
	return j - i;
}

/* The text [at, at + len) with `around` bytes of context each side. */
static char *quote_with(const char *text, size_t text_len, size_t at, size_t len,
			size_t around)
{
	size_t from = at > around ? at - around : 0;
	size_t to = at + len + around < text_len ? at + len + around : text_len;
	/* masking can lengthen the text by 3/4 ("a@.b" becomes "[email]"); 16
	 * for the ends: "..." twice, the '\0' and the rest of a UTF-8 character */
	char *out = xmalloc(2 * (to - from) + 16), *p;
	size_t i, o = 0, used;

	while (from > 0 && ((unsigned char)text[from] & 0xC0) == 0x80)
		from--;
	while (to < text_len && ((unsigned char)text[to] & 0xC0) == 0x80)
		to++;
	if (from > 0)
		memcpy(out, "...", 3), o = 3;
	for (i = from; i < to; i += used ? used : 1) {
		int start_of_word = i == from || !isalnum((unsigned char)text[i - 1]);
		used = start_of_word ? mask_email(text, i, to, out, &o) : 0;
		if (!used && (i == from || !isalnum((unsigned char)text[i - 1])))
			used = mask_digits(text, i, to, out, &o);
		if (!used && (text[i] == '\n' || text[i] == '\r' || text[i] == '\t'))
			out[o++] = ' ';
		else if (!used)
			out[o++] = text[i];
	}
	if (to < text_len)
		memcpy(out + o, "...", 3), o += 3;
	out[o] = '\0';
	p = xstrdup(out);
	free(out);
	return p;
}

char *quote_new(const char *text, size_t text_len, size_t at, size_t len)
{
	return quote_with(text, text_len, at, len, LISTEN_QUOTE / 2);
}

char *quote_words(const char *text, size_t at, size_t len)
{
	return quote_with(text + at, len, 0, len, 0);
}
