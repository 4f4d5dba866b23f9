/* friction_tax: the time tax, in customer-hours: waiting (every contact's
 * wait_seconds, abandoned ones too: they waited), on hold (hold_seconds)
 * and on repeat contacts (a contact that follows an earlier one costs its
 * handle_seconds, or its wait + hold when it has no handle time), in total
 * and per 1,000 contacts; and per 1,000 contacts at the frontier: every
 * contact waiting the frontier's asa_seconds and holding its
 * hold_seconds, and its repeat_contact_pct of contacts taking this
 * period's mean repeat-contact time.  A component the contacts file has
 * no column for is left out on both sides. */
#include "aggregate/agg_internal.h"
#include <math.h>

static cJSON *num4(double v)
{
	return isfinite(v) ? cJSON_CreateNumber(round(v * 1e4) / 1e4 + 0.0) :
		cJSON_CreateNull();
}

void fr_tax_work(const struct fr_state *fr, const struct agg_stats *s,
		 const struct fr_tax_frontier *tf, struct fr_tax *t)
{
	double n = (double)s->offered, mean_repeat;

	t->wait = (fr->factors & (1u << FR_WAIT)) ? s->fr.tax_wait / 3600 : 0;
	t->hold = (fr->factors & (1u << FR_HOLD)) ? s->fr.tax_hold / 3600 : 0;
	t->repeat = (fr->factors & (1u << FR_REPEAT)) ? s->fr.tax_repeat / 3600 : 0;
	t->hours = t->wait + t->hold + t->repeat;
	t->per_1000 = n > 0 ? 1000 * t->hours / n : NAN;
	t->at_frontier = NAN;
	if (!tf || !(n > 0))
		return;
	mean_repeat = s->fr.repeats ? s->fr.tax_repeat / (double)s->fr.repeats : 0;
	t->at_frontier = 1000 * (((fr->factors & (1u << FR_WAIT)) ? tf->asa : 0) +
				 ((fr->factors & (1u << FR_HOLD)) ? tf->hold : 0) +
				 ((fr->factors & (1u << FR_REPEAT)) ?
				  tf->repeat_pct / 100 * mean_repeat : 0)) / 3600;
}

cJSON *fr_tax_json(const struct fr_state *fr, const struct agg_stats *s,
		   const struct fr_tax_frontier *tf)
{
	cJSON *o = cJSON_CreateObject(), *parts;
	struct fr_tax t;

	fr_tax_work(fr, s, tf, &t);
	cJSON_AddItemToObject(o, "hours", num4(t.hours));
	cJSON_AddItemToObject(o, "per_1000_contacts", num4(t.per_1000));
	cJSON_AddItemToObject(o, "at_frontier_per_1000", num4(t.at_frontier));
	parts = cJSON_AddObjectToObject(o, "hours_by");
	if (fr->factors & (1u << FR_WAIT))
		cJSON_AddItemToObject(parts, "waiting", num4(t.wait));
	if (fr->factors & (1u << FR_HOLD))
		cJSON_AddItemToObject(parts, "on_hold", num4(t.hold));
	if (fr->factors & (1u << FR_REPEAT))
		cJSON_AddItemToObject(parts, "repeat_contacts", num4(t.repeat));
	cJSON_AddStringToObject(o, "repeat_time", fr->handle ?
				"handle_seconds, else wait + hold" : "wait + hold");
	return o;
}
