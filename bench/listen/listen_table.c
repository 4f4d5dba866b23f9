/* The listen document as a table, for people at a terminal. */
#include "listen/listen.h"
#include "base/textfmt.h"

/* At most `chars` characters of UTF-8 text, never half of one. */
static void put_cut(FILE *f, const char *s, size_t chars)
{
	const char *p = s;
	size_t n = 0;
	while (*p && n < chars) {
		p++;
		while (((unsigned char)*p & 0xC0) == 0x80)
			p++;
		n++;
	}
	fwrite(s, 1, (size_t)(p - s), f);
	if (*p)
		fputs("...", f);
}

static double number(const cJSON *o, const char *key)
{
	return cJSON_GetObjectItemCaseSensitive(o, key)->valuedouble;
}

void listen_table(FILE *f, const cJSON *doc)
{
	const cJSON *sig = cJSON_GetObjectItemCaseSensitive(doc, "signals"), *s, *ex;
	const cJSON *silent = cJSON_GetObjectItemCaseSensitive(doc, "silent_dissatisfied");
	char num[40];

	fprintf(f, "%.0f conversations, %.0f customer turns\n\n",
		number(doc, "conversations"), number(doc, "customer_turns"));
	fprintf(f, "  %-18s %8s %8s  %s\n", "signal", "share", "n", "example");
	cJSON_ArrayForEach(s, sig) {
		ex = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(s, "examples"), 0);
		fprintf(f, "  %-18s %7s%% %8.0f  ", s->string,
			fmt_num(num, number(s, "pct"), 1), number(s, "n"));
		put_cut(f, ex ? ex->valuestring : "", 70);
		fputc('\n', f);
	}
	if (silent)
		fprintf(f, "\nsilent dissatisfied: %.0f of %.0f customers with friction "
			"never answered a survey\n", number(silent, "never_answered_a_survey"),
			number(silent, "customers_with_friction"));
}
