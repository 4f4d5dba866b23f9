/* friction_doc: a period's (or a channel's) `friction` block and the
 * linking counts of `source`, in the metrics file (DESIGN.md,
 * "Friction").  Numbers to four decimals, as every metric; a value that
 * cannot be known (no answers, no best level) is null. */
#include "aggregate/agg_internal.h"
#include "base/msg.h"
#include <math.h>

static cJSON *num4(double v)
{
	return isfinite(v) ? cJSON_CreateNumber(round(v * 1e4) / 1e4 + 0.0) :
		cJSON_CreateNull();
}

static cJSON *cell_json(const struct fr_cell *c)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddItemToObject(o, "value", num4(c->value));
	cJSON_AddNumberToObject(o, "n", (double)c->n);
	cJSON_AddItemToObject(o, "low", num4(c->low));
	cJSON_AddItemToObject(o, "high", num4(c->high));
	cJSON_AddItemToObject(o, "diff", num4(c->diff));
	cJSON_AddBoolToObject(o, "significant", c->significant);
	return o;
}

static cJSON *factor_json(const struct fr_state *fr, const struct fr_sums *s,
			  enum fr_factor f, int csat, int nps)
{
	const struct fr_factor_def *d = &fr_factors[f];
	unsigned nl = fr_nlevels(&fr->wait, f);
	struct fr_measure mc, mn;
	cJSON *o = cJSON_CreateObject(), *levels = cJSON_AddArrayToObject(o, "levels"), *lost;
	double slope;
	int best;
	unsigned i;

	fr_factor_work(&s->lv[d->first], nl, f == FR_WAIT, &mc, &mn, &best, &slope);
	for (i = 0; i < nl; i++) {
		cJSON *l = cJSON_CreateObject();
		cJSON_AddStringToObject(l, "level", fr_level_name(&fr->wait, f, i));
		cJSON_AddNumberToObject(l, "contacts", (double)s->lv[d->first + i].contacts);
		if (csat)
			cJSON_AddItemToObject(l, "csat_pct", cell_json(&mc.cell[i]));
		if (nps)
			cJSON_AddItemToObject(l, "nps", cell_json(&mn.cell[i]));
		cJSON_AddItemToArray(levels, l);
	}
	if (best >= 0)
		cJSON_AddStringToObject(o, "best", fr_level_name(&fr->wait, f, (unsigned)best));
	else
		cJSON_AddNullToObject(o, "best");
	lost = cJSON_AddObjectToObject(o, "points_lost");
	if (csat)
		cJSON_AddItemToObject(lost, "csat_pct", num4(mc.points_lost));
	if (nps)
		cJSON_AddItemToObject(lost, "nps", num4(mn.points_lost));
	/* the interval of the points lost: beside DESIGN.md's shape */
	lost = cJSON_AddObjectToObject(o, "points_lost_interval");
	if (csat) {
		cJSON *m = cJSON_AddObjectToObject(lost, "csat_pct");
		cJSON_AddItemToObject(m, "low", num4(mc.lost_low));
		cJSON_AddItemToObject(m, "high", num4(mc.lost_high));
	}
	if (nps) {
		cJSON *m = cJSON_AddObjectToObject(lost, "nps");
		cJSON_AddItemToObject(m, "low", num4(mn.lost_low));
		cJSON_AddItemToObject(m, "high", num4(mn.lost_high));
	}
	if (f == FR_WAIT)
		cJSON_AddItemToObject(o, "csat_per_minute", num4(slope));
	return o;
}

cJSON *fr_block_json(const struct fr_state *fr, const struct agg_stats *s,
		     const struct fr_tax_frontier *tf, int channel)
{
	cJSON *b = cJSON_CreateObject(), *linked, *factors;
	unsigned f;

	linked = cJSON_AddObjectToObject(b, "linked");
	cJSON_AddNumberToObject(linked, "by_contact_id", (double)s->fr.by_id);
	cJSON_AddNumberToObject(linked, "by_customer", (double)s->fr.by_customer);
	if (!channel)
		cJSON_AddNumberToObject(linked, "unlinked", (double)s->fr.unlinked);
	factors = cJSON_AddObjectToObject(b, "factors");
	for (f = 0; f < FR_NFACTORS; f++)
		if (fr->factors & (1u << f))
			cJSON_AddItemToObject(factors, fr_factors[f].name,
					      factor_json(fr, &s->fr, (enum fr_factor)f,
							  fr->survey_csat, fr->survey_nps));
	cJSON_AddItemToObject(b, "time_tax", fr_tax_json(fr, s, tf));
	return b;
}

cJSON *fr_source_json(const struct fr_state *fr)
{
	cJSON *o = cJSON_CreateObject(), *why;

	cJSON_AddNumberToObject(o, "by_contact_id", (double)fr->how[FR_HOW_ID]);
	cJSON_AddNumberToObject(o, "by_customer", (double)fr->how[FR_HOW_CUSTOMER]);
	cJSON_AddNumberToObject(o, "unlinked", (double)(fr->n - fr->how[FR_HOW_ID] -
							fr->how[FR_HOW_CUSTOMER]));
	why = cJSON_AddObjectToObject(o, "unlinked_because");
	cJSON_AddNumberToObject(why, "no_id_no_customer",
				(double)fr->how[FR_HOW_NO_ID_NO_CUSTOMER]);
	cJSON_AddNumberToObject(why, "no_contact_before",
				(double)fr->how[FR_HOW_NO_CONTACT_BEFORE]);
	cJSON_AddNumberToObject(why, "outside_window", (double)fr->how[FR_HOW_OUTSIDE_WINDOW]);
	if (fr->how[FR_HOW_NO_TIME])
		cJSON_AddNumberToObject(why, "no_answered_at", (double)fr->how[FR_HOW_NO_TIME]);
	return o;
}

void fr_note_missing(const struct fr_state *fr, const char *contacts)
{
	static const char *const need[FR_NFACTORS] = { "wait_seconds", "hold_seconds",
		"transfers", "customer_id", "customer_id", "ai_handled",
		"ai_handled, escalated and human_wait_seconds" };
	char list[512];
	size_t at = 0;
	unsigned f;

	list[0] = '\0';
	for (f = 0; f < FR_NFACTORS; f++) {
		if (fr->factors & (1u << f) || f == FR_FOLLOWS)
			continue;
		at += (size_t)snprintf(list + at, sizeof list - at, "%s%s (no %s)",
				       at ? ", " : "", f == FR_REPEAT ? "repeat, follows_earlier" :
				       fr_factors[f].name, need[f]);
		if (at >= sizeof list)
			break;
	}
	if (list[0])
		msg_note(contacts, "friction: left out: %s", list);
}
