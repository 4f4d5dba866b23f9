/* strtab: the report's fixed texts, from reports/strings/LANG.json, with
 * English as the fallback for any key a language lacks; "{name}"
 * placeholders filled from name/value pairs (never a printf format, since
 * the tables are data); numbers written the language's way.  A table is
 * owned by the caller: strings_free() (NULL is a no-op). */
#ifndef CX_STRTAB_H
#define CX_STRTAB_H
#include <stddef.h>
#include "core/catalog.h"
#include "core/period.h"
#include "core/profile.h"

struct strings;

/* Loads LANG (en, uk, ru) from DATADIR/reports/strings; CX_OK or an error
 * status after a message. */
int strings_load(const char *datadir, const char *lang, struct strings **out);
void strings_free(struct strings *s);
const char *strings_lang(const struct strings *s);
/* The text for key; the key itself when no table has it. */
const char *str_get(const struct strings *s, const char *key);
/* The text with "{name}" replaced from vars: name, value, ..., NULL.
 * Caller frees. */
char *str_fill(const struct strings *s, const char *key, const char *const *vars);
/* A number with `decimals` decimals (trailing zeros dropped) and the
 * language's separators; "–" for NAN.  buf needs 48 bytes. */
const char *str_num(const struct strings *s, char *buf, double v, int decimals);
/* Same, with a sign for positive values; buf needs 49 bytes. */
const char *str_signed(const struct strings *s, char *buf, double v, int decimals);
/* The metric's or dimension's name in the language, else the catalog's. */
const char *str_metric(const struct strings *s, const struct metric_def *m);
const char *str_dimension(const struct strings *s, const struct dimension *d);
const char *str_unit(const struct strings *s, const struct metric_def *m);
/* A reference's brand in the language ("brand.ID", for the profiles whose
 * brand is a description rather than a proper name), else the profile's. */
const char *str_brand(const struct strings *s, const struct profile *p);

#define STR_PERIOD_SIZE 64
/* A period as the language writes it ("period_quarter", "period_month"
 * with "month.N": "3 кв. 2026", "березень 2026"; a year is its number);
 * English keeps the canonical "2026-Q3".  buf needs STR_PERIOD_SIZE
 * bytes; returns buf. */
const char *str_period(const struct strings *s, char *buf, struct period p);
#endif
