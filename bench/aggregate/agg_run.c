/* agg_run: one run of the engine: the scan (agg_scan.c), then what makes
 * its sums a result worth writing: untimed survey answers placed, at
 * least one record counted, stored durations sorted for their
 * percentiles, skipped rows owned up to. */
#include "aggregate/agg_internal.h"
#include "imports/import.h"
#include "base/mem.h"
#include "base/msg.h"
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* Survey answers without a time belong to the one period there is; with
 * several, they cannot be placed. */
static int place_untimed(struct agg_table *t, const char *surveys)
{
	struct agg_table moved = { 0 };
	long only = LONG_MIN;
	size_t i, kept = 0;
	int periods = 0;

	for (i = 0; i < t->n; i++) {
		if (t->groups[i].period >= 0 && t->groups[i].period != only) {
			only = t->groups[i].period;
			periods++;
		}
	}
	if (t->n == 0 || t->groups[0].period >= 0)
		return CX_OK;
	if (periods != 1) {
		msg_at(surveys, 0, "answers without a time (answered_at or started_at) "
		       "cannot be placed among %d periods; add one or use --period", periods);
		return CX_EINPUT;
	}
	for (i = 0; i < t->n; i++) {
		if (t->groups[i].period < 0) {
			t->groups[i].period = only;
			agg_group_get(&moved, only, t->groups[i].channel,
				      strlen(t->groups[i].channel))->s = t->groups[i].s;
			free(t->groups[i].channel);
			continue;
		}
		t->groups[kept++] = t->groups[i];
	}
	t->n = kept;
	agg_table_merge(t, &moved);
	agg_table_release(&moved);
	agg_sort_groups(t);
	return CX_OK;
}

/* A document without a period would pass for metrics of nothing. */
static int check_counted(const struct agg_options *o, const struct agg_result *res)
{
	if (res->table.n > 0 || o->check)
		return CX_OK;
	msg_at(o->contacts ? o->contacts : o->surveys, 0, o->has_period ?
	       "no contacts in the period" : o->contacts ? "no contacts" :
	       "no survey answers");
	return CX_EINPUT;
}

int agg_run(const struct agg_options *o, struct agg_result **out)
{
	struct agg_result *res = xcalloc(1, sizeof *res);
	int rc = agg_scan(o, res);

	if (rc == CX_OK)
		rc = place_untimed(&res->table, o->surveys);
	if (rc == CX_OK)
		rc = check_counted(o, res);
	if (rc == CX_OK) /* every merge is done: the percentiles can be read */
		agg_table_sort_values(&res->table);
	if (rc == CX_OK && res->fr)
		fr_note_missing(res->fr, o->contacts);
	if (rc != CX_OK) {
		agg_result_free(res);
		res = NULL;
	} else if (res->skipped) {
		msg_warn("skipped %llu malformed rows of %llu",
			 (unsigned long long)res->skipped,
			 ((unsigned long long)res->rows + res->survey_rows));
	}
	*out = res;
	return rc;
}

void agg_result_free(struct agg_result *res)
{
	if (!res)
		return;
	agg_table_release(&res->table);
	fr_state_free(res->fr);
	import_free(res->detected[0]);
	import_free(res->detected[1]);
	agg_check_release(res->check[0]);
	agg_check_release(res->check[1]);
	free(res->check[0]);
	free(res->check[1]);
	free(res);
}

int agg_check_report(FILE *f, const struct agg_options *o, const struct agg_result *res)
{
	const char *files[2] = { o->contacts, o->surveys };
	int k, bad = 0;

	for (k = 0; k < 2; k++) {
		char *what;
		if (!res->check[k])
			continue;
		what = res->profile[k] ? xasprintf("read with the import profile '%s' (%s)",
						   res->profile[k]->id, res->profile[k]->name) : NULL;
		bad |= agg_check_print(f, res->check[k], files[k], what);
		free(what);
	}
	return bad;
}
