#include "listen/scan.h"
#include "base/mem.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct scan *scan_new(const struct lexicon *lx)
{
	struct scan *S = xcalloc(1, sizeof *S);
	const char **texts = xcalloc(lx->n ? lx->n : 1, sizeof *texts);
	size_t *lens = xcalloc(lx->n ? lx->n : 1, sizeof *lens), i;

	for (i = 0; i < lx->n; i++) {
		texts[i] = lx->patterns[i].text;
		lens[i] = lx->patterns[i].len;
	}
	S->lx = lx;
	S->m = matcher_new(texts, lens, lx->n);
	free(texts);
	free(lens);
	return S;
}

void scan_free(struct scan *S)
{
	size_t i, k;

	if (!S)
		return;
	for (i = 0; i < S->n; i++) {
		free(S->convos[i].customer);
		free(S->convos[i].channel);
	}
	for (i = 0; i < NSIGNALS; i++)
		for (k = 0; k < S->nexamples[i]; k++)
			free(S->examples[i][k]);
	matcher_free(S->m);
	free(S->convos);
	strmap_release(&S->ids);
	free(S->scratch);
	free(S);
}

/* The conversation of contact id, new when the id is. */
static struct convo *convo_of(struct scan *S, const char *id, const char *customer,
			      const char *channel)
{
	size_t i;
	struct convo *c;

	if (!strmap_add(&S->ids, id, S->n, &i))
		return &S->convos[i];
	xgrow((void **)&S->convos, &S->cap, S->n, sizeof *S->convos);
	c = &S->convos[S->n++];
	memset(c, 0, sizeof *c);
	c->customer = xstrdup(customer ? customer : "");
	c->channel = xstrdup(channel && *channel ? channel : "(none)");
	return c;
}

/* ---- matching ---- */

static int is_customer(const char *speaker)
{
	static const char *const who[] = { "customer", "client", "caller", "user",
		"клієнт", "клиент", NULL };
	size_t i;
	for (i = 0; speaker && who[i]; i++)
		if (strcasecmp(speaker, who[i]) == 0)
			return 1;
	return 0;
}

/* The start of the UTF-8 character that ends just before p. */
static const unsigned char *char_before(const unsigned char *start, const unsigned char *p)
{
	do
		p--;
	while (p > start && (*p & 0xC0) == 0x80);
	return p;
}

struct hit {
	struct scan *S;
	struct convo *c;
	const char *text, *folded;
	size_t len;
};

static void keep_example(struct scan *S, enum signal sig, const char *text,
			 size_t text_len, size_t at, size_t len)
{
	if (S->nexamples[sig] < LISTEN_EXAMPLES)
		S->examples[sig][S->nexamples[sig]++] = quote_new(text, text_len, at, len);
}

static int on_match(size_t pattern, size_t end, void *arg)
{
	struct hit *s = arg;
	const struct pattern *p = &s->S->lx->patterns[pattern];
	const unsigned char *f = (const unsigned char *)s->folded;
	size_t start = end - p->len;

	if (s->c->signals & (1u << p->sig))
		return 0;
	if (start > 0 && is_word_char(char_before(f, f + start), s->len - start + 1))
		return 0;
	if (!p->open_end && end < s->len && is_word_char(f + end, s->len - end))
		return 0;
	s->c->signals |= 1u << p->sig;
	keep_example(s->S, p->sig, s->text, s->len, start, p->len);
	return 0;
}

static void count_letters(struct convo *c, const unsigned char *s, size_t len)
{
	size_t i;
	for (i = 0; i < len; i++) {
		if (s[i] < 0x80) {
			c->latin += isalpha(s[i]) != 0;
		} else if ((s[i] == 0xD0 || s[i] == 0xD1 || s[i] == 0xD2) && i + 1 < len) {
			unsigned code = ((s[i] & 0x1F) << 6) | (s[i + 1] & 0x3F);
			c->cyr++;
			c->uk += code == 0x456 || code == 0x457 || code == 0x454 || code == 0x491;
			c->ru += code == 0x44B || code == 0x44D || code == 0x44A || code == 0x451;
			i++;
		}
	}
}

enum lang_guess convo_language(const struct convo *c)
{
	if (c->cyr <= c->latin)
		return LANG_EN;
	return c->uk > c->ru ? LANG_UK : LANG_RU;
}

void scan_turn(struct scan *S, const struct turn *t)
{
	struct convo *c = convo_of(S, t->contact, t->customer, t->channel);
	const char *speaker = t->speaker, *text = t->text;
	size_t len = t->len;
	struct hit s;

	S->turns++;
	if (!is_customer(speaker))
		return;
	S->customer_turns++;
	if (len + 1 > S->scratch_cap) {
		S->scratch_cap = (len + 1) * 2;
		S->scratch = xrealloc(S->scratch, S->scratch_cap);
	}
	memcpy(S->scratch, text, len);
	S->scratch[len] = '\0';
	text_fold(S->scratch, len);
	count_letters(c, (const unsigned char *)S->scratch, len);
	s.S = S;
	s.c = c;
	s.text = text;
	s.folded = S->scratch;
	s.len = len;
	matcher_scan(S->m, S->scratch, len, on_match, &s);
}

/* ---- quotes ---- */

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

char *quote_new(const char *text, size_t text_len, size_t at, size_t len)
{
	size_t from = at > LISTEN_QUOTE / 2 ? at - LISTEN_QUOTE / 2 : 0;
	size_t to = at + len + LISTEN_QUOTE / 2 < text_len ? at + len + LISTEN_QUOTE / 2 :
		text_len;
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
