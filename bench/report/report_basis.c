/* report_basis: a reference value says where it comes from wherever it is
 * shown, not only in the sources: after a number in a table, a mark (m for
 * modeled, the year for a reported figure, a dagger when that year is more
 * than PROFILE_DATED_YEARS before the period); in a sentence, words; and
 * one key that explains the marks. */
#include "report/report_parts.h"
#include "base/mem.h"
#include <stdio.h>
#include <stdlib.h>

enum basis { BASIS_MODELED, BASIS_REPORTED, BASIS_DATED, BASIS_UNDATED };

static enum basis basis_of(const struct report_model *m, const struct ref_value *v,
			   char year[16])
{
	snprintf(year, 16, "%d", v->year);
	if (!v->reported)
		return BASIS_MODELED;
	if (!v->year) /* the loader requires one; a profile made in code may not */
		return BASIS_UNDATED;
	return m->gap->period->key.year - v->year > PROFILE_DATED_YEARS ?
		BASIS_DATED : BASIS_REPORTED;
}

/* Caller frees. */
static char *basis_fill(const struct report_model *m, const struct ref_value *v,
			const char *const keys[4])
{
	char year[16];
	const char *vars[] = { "year", year, NULL };
	return str_fill(m->str, keys[basis_of(m, v, year)], vars);
}

xmlNodePtr part_ref_cell(const struct report_model *m, xmlNodePtr tr,
			 const struct ref_value *v, int decimals)
{
	static const char *const keys[4] = { "mark_modeled", "mark_reported",
		"mark_dated", "basis_reported" };
	static const char *const classes[4] = { "basis modeled", "basis reported",
		"basis dated", "basis reported" };
	char num[48], year[16], *mark;
	xmlNodePtr td;

	if (!v || !v->present)
		return h_cell(tr, 0, "", "num");
	td = h_cell(tr, 0, str_num(m->str, num, v->value, decimals), "num");
	/* a space of its own, so that the text of the cell reads "80 m" */
	xmlNodeAddContent(td, BAD_CAST " ");
	mark = basis_fill(m, v, keys);
	h_text(td, "sup", classes[basis_of(m, v, year)], mark);
	free(mark);
	return td;
}

char *part_basis_words(const struct report_model *m, const struct ref_value *v)
{
	static const char *const keys[4] = { "basis_word_modeled",
		"basis_word_reported", "basis_word_dated", "basis_reported" };
	return basis_fill(m, v, keys);
}

void part_basis_key(xmlNodePtr parent, const struct report_model *m)
{
	h_text(parent, "p", "note basis-key", str_get(m->str, "basis_key"));
}
