#include "report/strtab.h"
#include "io/input.h"
#include "io/jsonfile.h"
#include "base/mem.h"
#include "base/msg.h"
#include "base/textfmt.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct strings {
	char *lang;
	cJSON *table, *english;
};

static int load_table(const char *datadir, const char *lang, cJSON **out)
{
	char *path = xasprintf("%s/reports/strings/%s.json", datadir, lang);
	struct input in;
	int rc = input_read(path, &in);
	const cJSON *item, *table;

	free(path);
	if (rc == CX_OK)
		rc = json_parse_input(&in, out);
	if (rc == CX_OK && !cJSON_IsObject(*out)) {
		msg_at(in.name, 0, "expected an object of strings");
		rc = CX_EINPUT;
	}
	table = rc == CX_OK ? *out : NULL;
	cJSON_ArrayForEach(item, table) {
		if (!cJSON_IsString(item)) {
			msg_at(in.name, 0, "%s: expected a string", item->string);
			rc = CX_EINPUT;
		}
	}
	if (rc != CX_OK) {
		cJSON_Delete(*out);
		*out = NULL;
	}
	input_release(&in);
	return rc;
}

int strings_load(const char *datadir, const char *lang, struct strings **out)
{
	struct strings *s = xcalloc(1, sizeof *s);
	int rc;

	*out = NULL;
	if (strcmp(lang, "en") != 0 && strcmp(lang, "uk") != 0 && strcmp(lang, "ru") != 0) {
		msg_error("--lang: '%s' is not en, uk or ru", lang);
		free(s);
		return CX_EUSAGE;
	}
	s->lang = xstrdup(lang);
	rc = load_table(datadir, "en", &s->english);
	if (rc == CX_OK && strcmp(lang, "en") != 0)
		rc = load_table(datadir, lang, &s->table);
	if (rc != CX_OK) {
		strings_free(s);
		return rc;
	}
	*out = s;
	return CX_OK;
}

void strings_free(struct strings *s)
{
	if (!s)
		return;
	cJSON_Delete(s->table);
	cJSON_Delete(s->english);
	free(s->lang);
	free(s);
}

const char *strings_lang(const struct strings *s)
{
	return s->lang;
}

static const char *lookup(const struct strings *s, const char *key)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(s->table, key);
	if (!cJSON_IsString(item))
		item = cJSON_GetObjectItemCaseSensitive(s->english, key);
	return cJSON_IsString(item) ? item->valuestring : NULL;
}

const char *str_get(const struct strings *s, const char *key)
{
	const char *text = lookup(s, key);
	return text ? text : key;
}

static const char *var_value(const char *const *vars, const char *name, size_t len)
{
	for (; vars && vars[0] && vars[1]; vars += 2)
		if (strlen(vars[0]) == len && memcmp(vars[0], name, len) == 0)
			return vars[1];
	return NULL;
}

char *str_fill(const struct strings *s, const char *key, const char *const *vars)
{
	const char *t = str_get(s, key), *close, *v;
	size_t cap = strlen(t) + 64, n = 0, add;
	char *out = xmalloc(cap);

	while (*t) {
		close = *t == '{' ? strchr(t, '}') : NULL;
		v = close ? var_value(vars, t + 1, (size_t)(close - t - 1)) : NULL;
		add = v ? strlen(v) : 1;
		if (n + add + 1 > cap) {
			cap = (n + add + 1) * 2;
			out = xrealloc(out, cap);
		}
		memcpy(out + n, v ? v : t, add);
		n += add;
		t = v ? close + 1 : t + 1;
	}
	out[n] = '\0';
	return out;
}

/* Groups the integer digits of a plain number ("-12345.6") in place. */
static void group(char *buf, size_t size, const char *sep, const char *point)
{
	char tmp[48], *dot;
	size_t i, len, digits, start = buf[0] == '-' ? 1 : 0, o = 0;

	snprintf(tmp, sizeof tmp, "%s", buf);
	dot = strchr(tmp, '.');
	digits = (dot ? (size_t)(dot - tmp) : strlen(tmp)) - start;
	if (start)
		buf[o++] = '-';
	for (i = 0; i < digits && o + 8 < size; i++) {
		if (i > 0 && (digits - i) % 3 == 0 && digits > 4)
			for (len = 0; sep[len]; len++)
				buf[o++] = sep[len];
		buf[o++] = tmp[start + i];
	}
	if (dot)
		o += (size_t)snprintf(buf + o, size - o, "%s%s", point, dot + 1);
	buf[o] = '\0';
}

const char *str_num(const struct strings *s, char *buf, double v, int decimals)
{
	if (isnan(v))
		return strcpy(buf, "–");
	fmt_num(buf, v, decimals);
	group(buf, 48, str_get(s, "thousands_sep"), str_get(s, "decimal_point"));
	return buf;
}

const char *str_signed(const struct strings *s, char *buf, double v, int decimals)
{
	str_num(s, buf + 1, v, decimals);
	if (isnan(v) || buf[1] == '-' || strcmp(buf + 1, "0") == 0)
		return buf + 1;
	buf[0] = '+';
	return buf;
}

static const char *named(const struct strings *s, const char *prefix,
			 const char *id, const char *fallback)
{
	char key[128];
	const char *text;

	snprintf(key, sizeof key, "%s.%s", prefix, id);
	text = lookup(s, key);
	return text ? text : fallback;
}

const char *str_metric(const struct strings *s, const struct metric_def *m)
{
	return named(s, "metric", m->id, m->name);
}

const char *str_unit(const struct strings *s, const struct metric_def *m)
{
	return named(s, "unit", m->id, m->unit);
}

const char *str_dimension(const struct strings *s, const struct dimension *d)
{
	return named(s, "dimension", d->id, d->name);
}

const char *str_brand(const struct strings *s, const struct profile *p)
{
	return named(s, "brand", p->id, p->brand);
}

/* A string table is data: a long text is cut at a character boundary, so
 * that what reaches the document stays valid UTF-8. */
static void copy_chars(char *buf, size_t size, const char *text)
{
	size_t n = strlen(text);

	if (n >= size) {
		n = size - 1;
		while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(buf, text, n);
	buf[n] = '\0';
}

const char *str_period(const struct strings *s, char *buf, struct period p)
{
	char year[16], sub[16], key[16], *text;
	const char *vars[] = { "year", year, "quarter", sub, "mm", sub, "month",
		NULL, NULL };

	snprintf(year, sizeof year, "%d", p.year);
	if (p.gran == GRAN_YEAR)
		return strcpy(buf, year);
	snprintf(sub, sizeof sub, p.gran == GRAN_MONTH ? "%02d" : "%d", p.sub);
	snprintf(key, sizeof key, "month.%d", p.sub);
	vars[7] = str_get(s, key);
	text = str_fill(s, p.gran == GRAN_QUARTER ? "period_quarter" : "period_month",
			vars);
	copy_chars(buf, STR_PERIOD_SIZE, text);
	free(text);
	return buf;
}
