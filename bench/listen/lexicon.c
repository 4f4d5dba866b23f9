#include "listen/lexicon.h"
#include "io/input.h"
#include "io/jsonfile.h"
#include "base/mem.h"
#include "base/msg.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const signal_ids[NSIGNALS] = { "human_request", "repeat_yourself",
	"waited", "churn_signal", "privacy_concern", "praise",
	"broken_promise", "passed_around", "bot_frustration" };

void text_fold(char *s, size_t len)
{
	unsigned char *p = (unsigned char *)s, *end = p + len;

	for (; p < end; p++) {
		if (*p >= 'A' && *p <= 'Z') {
			*p += 32;
		} else if (*p == 0xD0 && p + 1 < end) {
			unsigned char c = p[1];
			if (c >= 0x90 && c <= 0x9F) {          /* А-П -> а-п */
				p[1] = c + 0x20;
			} else if (c >= 0xA0 && c <= 0xAF) {   /* Р-Я -> р-я */
				p[0] = 0xD1;
				p[1] = c - 0x20;
			} else if (c >= 0x80 && c <= 0x8F) {   /* Ѐ-Џ (Ё Є І Ї ...) */
				p[0] = 0xD1;
				p[1] = c + 0x10;
			}
			p++;
		} else if (*p == 0xD2 && p + 1 < end && p[1] == 0x90) { /* Ґ -> ґ */
			p[1] = 0x91;
			p++;
		}
	}
}

int is_word_char(const unsigned char *s, size_t left)
{
	if (left == 0)
		return 0;
	if (*s < 0x80)
		return isalnum(*s) || *s == '_';
	/* C2: Latin-1 punctuation (« », no-break space); E2: general
	 * punctuation and quotes; other letters of any script count */
	return *s >= 0xC3 && *s != 0xE2;
}

static void add(struct lexicon *lx, const char *text, size_t len, enum signal sig,
		int lang)
{
	struct pattern *p;
	int open_end = len > 0 && text[len - 1] == '*';

	len -= (size_t)open_end;
	if (len == 0)
		return;
	xgrow((void **)&lx->patterns, &lx->cap, lx->n, sizeof *lx->patterns);
	p = &lx->patterns[lx->n++];
	p->text = xstrndup(text, len);
	text_fold(p->text, len);
	p->len = len;
	p->sig = sig;
	p->open_end = open_end;
	p->lang = lang;
}

/* Adds the phrase, and the phrase with ’ for ', when it has one. */
static void add_forms(struct lexicon *lx, const char *text, enum signal sig, int lang)
{
	const char *q = strchr(text, '\'');
	char *curly;

	add(lx, text, strlen(text), sig, lang);
	if (!q)
		return;
	curly = xasprintf("%.*s\xE2\x80\x99%s", (int)(q - text), text, q + 1);
	add_forms(lx, curly, sig, lang); /* the next ' too */
	free(curly);
}

/* Expands the first "(a|b)" group of a phrase, recursively. */
static int expand(struct lexicon *lx, const char *phrase, enum signal sig, int lang,
		  int depth)
{
	const char *open = strchr(phrase, '('), *close, *alt, *bar;
	int depth_in = 0;

	if (!open) {
		add_forms(lx, phrase, sig, lang);
		return 0;
	}
	if (depth > 8)
		return -1;
	for (close = open; *close; close++) {
		depth_in += *close == '(' ? 1 : *close == ')' ? -1 : 0;
		if (depth_in == 0)
			break;
	}
	if (!*close)
		return -1;
	for (alt = open + 1; alt <= close; alt = bar + 1) {
		int d = 0;
		char *one;
		for (bar = alt; bar < close && !(*bar == '|' && d == 0); bar++)
			d += *bar == '(' ? 1 : *bar == ')' ? -1 : 0;
		one = xasprintf("%.*s%.*s%s", (int)(open - phrase), phrase,
				(int)(bar - alt), alt, close + 1);
		if (expand(lx, one, sig, lang, depth + 1) < 0) {
			free(one);
			return -1;
		}
		free(one);
	}
	return 0;
}

static int load_signals(struct lexicon *lx, const char *file, const cJSON *signals,
			int lang)
{
	const cJSON *list, *item;
	size_t s;
	int bad = 0;

	for (s = 0; s < NSIGNALS; s++) {
		list = cJSON_GetObjectItemCaseSensitive(signals, signal_ids[s]);
		if (!cJSON_IsArray(list)) {
			msg_at(file, 0, "signals.%s: expected a list of phrases", signal_ids[s]);
			bad++;
			continue;
		}
		cJSON_ArrayForEach(item, list) {
			if (!cJSON_IsString(item) || expand(lx, item->valuestring,
							   (enum signal)s, lang, 0) < 0) {
				msg_at(file, 0, "signals.%s: '%.60s' is not a phrase (words, "
				       "(a|b) groups, a * ending a word)", signal_ids[s],
				       cJSON_IsString(item) ? item->valuestring : "?");
				bad++;
			}
		}
	}
	return bad ? -1 : 0;
}

static int load_one(struct lexicon *lx, const char *datadir, const char *lang)
{
	char *path = xasprintf("%s/profiles/lexicons/%s.json", datadir, lang);
	struct input in;
	cJSON *root = NULL;
	int rc = input_read(path, &in);

	free(path);
	if (rc == CX_OK)
		rc = json_parse_input(&in, &root);
	if (rc == CX_OK && load_signals(lx, in.name, cJSON_GetObjectItemCaseSensitive(
					 root, "signals"), lx->nlangs) < 0)
		rc = CX_EINPUT;
	if (rc == CX_OK)
		strcpy(lx->langs[lx->nlangs++], lang);
	cJSON_Delete(root);
	input_release(&in);
	return rc;
}

int lexicon_load(const char *datadir, const char *lang, struct lexicon **out)
{
	static const char *const all[] = { "en", "uk", "ru" };
	struct lexicon *lx = xcalloc(1, sizeof *lx);
	int rc = CX_OK;
	size_t i;

	*out = NULL;
	if (strcmp(lang, "auto") != 0 && strcmp(lang, "en") != 0 &&
	    strcmp(lang, "uk") != 0 && strcmp(lang, "ru") != 0) {
		msg_error("--lang: '%s' is not auto, en, uk or ru", lang);
		free(lx);
		return CX_EUSAGE;
	}
	for (i = 0; rc == CX_OK && i < 3; i++)
		if (strcmp(lang, "auto") == 0 || strcmp(lang, all[i]) == 0)
			rc = load_one(lx, datadir, all[i]);
	if (rc != CX_OK) {
		lexicon_free(lx);
		return rc;
	}
	*out = lx;
	return CX_OK;
}

void lexicon_free(struct lexicon *lx)
{
	size_t i;
	if (!lx)
		return;
	for (i = 0; i < lx->n; i++)
		free(lx->patterns[i].text);
	free(lx->patterns);
	free(lx);
}

void lexicon_print(FILE *f, const struct lexicon *lx)
{
	size_t i;
	for (i = 0; i < lx->n; i++) {
		const struct pattern *p = &lx->patterns[i];
		fprintf(f, "%s\t%s\t%.*s%s\n", signal_ids[p->sig], lx->langs[p->lang],
			(int)p->len, p->text, p->open_end ? "*" : "");
	}
}
