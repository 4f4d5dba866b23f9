#include "aggregate/contacts.h"
#include "base/msg.h"
#include <math.h>
#include <string.h>
#include <strings.h>

const char *const field_names[NFIELDS] = { "contact_id", "customer_id", "channel",
	"started_at", "wait_seconds", "handle_seconds", "hold_seconds", "transfers",
	"abandoned", "resolved", "proactive", "ai_handled", "escalated",
	"human_wait_seconds", "csat", "nps", "ces", "answered_at", "first_response_at",
	"first_response_minutes", "resolved_at", "resolution_hours", "reopens" };

static const char *const field_list[NFIELDS + 1] = { "contact_id", "customer_id",
	"channel", "started_at", "wait_seconds", "handle_seconds", "hold_seconds",
	"transfers", "abandoned", "resolved", "proactive", "ai_handled", "escalated",
	"human_wait_seconds", "csat", "nps", "ces", "answered_at", "first_response_at",
	"first_response_minutes", "resolved_at", "resolution_hours", "reopens", NULL };
const char *const *const agg_field_list = field_list;

long field_of(const char *name)
{
	size_t f;
	for (f = 0; f < NFIELDS; f++)
		if (strcasecmp(name, field_names[f]) == 0)
			return (long)f;
	return -1;
}

static const char *renamed(const char *column, const struct rename *renames,
			   size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (strcmp(renames[i].column, column) == 0)
			return renames[i].field;
	return column;
}

void column_map_init(struct column_map *map, size_t width)
{
	size_t i;

	memset(map, 0, sizeof *map);
	for (i = 0; i < NFIELDS; i++)
		map->col[i] = map->col2[i] = -1;
	map->width = width;
}

int column_map_build(struct column_map *map, const struct csv_reader *header,
		     const struct rename *renames, size_t nrenames, const char *file)
{
	size_t i;
	long f;
	enum field a, b;

	column_map_init(map, header->nfields);
	for (i = 0; i < nrenames; i++) {
		if (field_of(renames[i].field) < 0) {
			msg_error("--map: '%s' is not a field (see 'cxbench aggregate -h')",
				  renames[i].field);
			return CX_EUSAGE;
		}
	}
	for (i = 0; i < header->nfields; i++) {
		f = field_of(renamed(header->fields[i].s, renames, nrenames));
		if (f < 0)
			continue; /* extra columns are fine */
		if (map->col[f] >= 0) {
			msg_at(file, 1, "two columns give '%s'", field_names[f]);
			return CX_EINPUT;
		}
		map->col[f] = (long)i;
	}
	if (column_map_twice(map, &a, &b)) {
		msg_at(file, 1, "'%s' and '%s' give the same duration twice; keep one column",
		       header->fields[map->col[a]].s, header->fields[map->col[b]].s);
		return CX_EUSAGE;
	}
	return CX_OK;
}

int column_map_twice(const struct column_map *map, enum field *a, enum field *b)
{
	static const enum field pairs[][2] = {
		{ F_FIRST_RESPONSE_AT, F_FIRST_RESPONSE_MIN },
		{ F_RESOLVED_AT, F_RESOLUTION_HOURS } };
	size_t i;

	for (i = 0; i < sizeof pairs / sizeof *pairs; i++) {
		if (map->col[pairs[i][0]] >= 0 && map->col[pairs[i][1]] >= 0) {
			*a = pairs[i][0];
			*b = pairs[i][1];
			return 1;
		}
	}
	return 0;
}

/* A plain non-negative decimal ("12", "3.5"); fast, since it runs for every
 * cell of every record.  Exactly representable inputs give exact values. */
int contact_number(const char *s, size_t len, double *out)
{
	double v = 0, scale = 1;
	size_t i = 0;
	int digits = 0;

	for (; i < len && s[i] >= '0' && s[i] <= '9'; i++, digits++)
		v = v * 10 + (s[i] - '0');
	if (i < len && s[i] == '.') {
		double frac = 0;
		for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++, digits++) {
			frac = frac * 10 + (s[i] - '0');
			scale *= 10;
		}
		v += frac / scale;
	}
	if (i != len || digits == 0)
		return -1;
	*out = v;
	return 0;
}

int contact_flag(const char *s, size_t len, unsigned char *out)
{
	static const char *const yes[] = { "1", "true", "yes", "y", NULL };
	static const char *const no[] = { "0", "false", "no", "n", NULL };
	size_t i;

	if (len == 1 && (s[0] == '0' || s[0] == '1')) { /* the usual case, fast */
		*out = (unsigned char)(s[0] - '0');
		return 0;
	}
	for (i = 0; yes[i]; i++) {
		if (len == strlen(yes[i]) && strncasecmp(s, yes[i], len) == 0) {
			*out = 1;
			return 0;
		}
		if (len == strlen(no[i]) && strncasecmp(s, no[i], len) == 0) {
			*out = 0;
			return 0;
		}
	}
	return -1;
}

static const struct csv_field *cell(const struct column_map *map,
				    const struct csv_reader *r, enum field f)
{
	static const struct csv_field empty = { (char *)"", 0 };
	/* a field an import profile names is read by contacts_import.c */
	return map->col[f] >= 0 && !map->spec[f] ? &r->fields[map->col[f]] : &empty;
}

static int numeric(const struct column_map *map, const struct csv_reader *r,
		   enum field f, double lo, double hi, double *out)
{
	const struct csv_field *c = cell(map, r, f);
	*out = NO_VALUE;
	if (c->len == 0)
		return 0;
	return contact_number(c->s, c->len, out) == 0 && *out >= lo && *out <= hi ? 0 : -1;
}

static int flags(const struct column_map *map, const struct csv_reader *r,
		 struct contact *c, enum field *bad)
{
	static const enum field which[] = { F_ABANDONED, F_RESOLVED, F_PROACTIVE,
		F_AI_HANDLED, F_ESCALATED };
	unsigned char *dst[] = { &c->abandoned, &c->resolved, &c->proactive,
		&c->ai_handled, &c->escalated };
	size_t i;

	for (i = 0; i < sizeof which / sizeof *which; i++) {
		const struct csv_field *f = cell(map, r, which[i]);
		*dst[i] = 0;
		if (f->len && contact_flag(f->s, f->len, dst[i]) < 0) {
			*bad = which[i];
			return -1;
		}
	}
	return 0;
}

/* A duration given as a timestamp (first_response_at, resolved_at): the
 * time since the contact started, in `unit` seconds.  An empty cell leaves
 * *out alone (the number form may have set it); without a start there is
 * nothing to measure from, and the record fails for that elsewhere. */
static int elapsed(const struct column_map *map, const struct csv_reader *r,
		   enum field f, const struct contact *c, double unit, double *out,
		   const char **why)
{
	const struct csv_field *v = cell(map, r, f);
	struct timestamp t;

	if (v->len == 0 || !c->has_time)
		return 0;
	if (timestamp_parse(v->s, v->len, &t) < 0) {
		*why = "not a timestamp (ISO 8601 or YYYY-MM-DD HH:MM:SS)";
		return -1;
	}
	if (t.epoch < c->start.epoch) {
		*why = "before started_at";
		return -1;
	}
	*out = (double)(t.epoch - c->start.epoch) / unit;
	return 0;
}

/* The ticket fields: reopens a whole number, durations from timestamps. */
int contact_tickets(const struct column_map *map, const struct csv_reader *r,
		    struct contact *c, const char **why, enum field *bad)
{
	if (c->reopens >= 0 && c->reopens != floor(c->reopens)) {
		*why = "not a whole number of 0 or more";
		*bad = F_REOPENS;
		return -1;
	}
	*bad = F_FIRST_RESPONSE_AT;
	if (elapsed(map, r, F_FIRST_RESPONSE_AT, c, 60, &c->first_response, why) < 0)
		return -1;
	*bad = F_RESOLVED_AT;
	return elapsed(map, r, F_RESOLVED_AT, c, 3600, &c->resolution, why);
}

/* A record whose numbers, flags and times an import profile reads, every
 * one (contacts_import.c): what the loops below would find is empty cells
 * (no value, no, no time) and no ticket duration to measure. */
static int imported(const struct column_map *map, const struct csv_reader *r,
		    struct contact *c, const char **why, enum field *bad)
{
	c->wait = c->handle = c->hold = c->transfers = c->human_wait = NO_VALUE;
	c->csat = c->nps = c->ces = NO_VALUE;
	c->first_response = c->resolution = c->reopens = NO_VALUE;
	c->abandoned = c->resolved = c->proactive = c->ai_handled = c->escalated = 0;
	c->has_time = 0;
	c->customer = cell(map, r, F_CUSTOMER_ID)->s;
	c->customer_len = cell(map, r, F_CUSTOMER_ID)->len;
	c->channel = cell(map, r, F_CHANNEL)->s;
	c->channel_len = cell(map, r, F_CHANNEL)->len;
	c->id = cell(map, r, F_CONTACT_ID)->s;
	c->id_len = cell(map, r, F_CONTACT_ID)->len;
	/* contact_tickets() after it would measure nothing: the profile reads
	 * the ticket times, and reopens only as whole numbers */
	return contact_parse_import(map, r, c, why, bad);
}

int contact_parse(const struct column_map *map, const struct csv_reader *r,
		  struct contact *c, const char **why, enum field *bad)
{
	static const struct { enum field f; double lo, hi; size_t off; } nums[] = {
		{ F_WAIT, 0, 1e9, offsetof(struct contact, wait) },
		{ F_HANDLE, 0, 1e9, offsetof(struct contact, handle) },
		{ F_HOLD, 0, 1e9, offsetof(struct contact, hold) },
		{ F_TRANSFERS, 0, 1e6, offsetof(struct contact, transfers) },
		{ F_HUMAN_WAIT, 0, 1e9, offsetof(struct contact, human_wait) },
		{ F_CSAT, 1, 5, offsetof(struct contact, csat) },
		{ F_NPS, 0, 10, offsetof(struct contact, nps) },
		{ F_CES, 1, 7, offsetof(struct contact, ces) },
		{ F_FIRST_RESPONSE_MIN, 0, 1e9, offsetof(struct contact, first_response) },
		{ F_RESOLUTION_HOURS, 0, 1e9, offsetof(struct contact, resolution) },
		{ F_REOPENS, 0, 1e6, offsetof(struct contact, reopens) } };
	const struct csv_field *t = cell(map, r, map->col[F_STARTED_AT] >= 0 ?
					 F_STARTED_AT : F_ANSWERED_AT);
	size_t i;

	if (r->nfields != map->width) {
		*why = "wrong number of fields";
		*bad = NFIELDS;
		return -1;
	}
	if (map->imported)
		return imported(map, r, c, why, bad);
	for (i = 0; i < sizeof nums / sizeof *nums; i++) {
		if (numeric(map, r, nums[i].f, nums[i].lo, nums[i].hi,
			    /* cppcheck-suppress invalidPointerCast ; a double member, by offsetof */
			    (double *)((char *)c + nums[i].off)) < 0) {
			*why = nums[i].lo > 0 || nums[i].f == F_NPS ? "not a score on its scale" :
				nums[i].f == F_REOPENS ? "not a whole number of 0 or more" :
				"not a number of 0 or more";
			*bad = nums[i].f;
			return -1;
		}
	}
	if (flags(map, r, c, bad) < 0) {
		*why = "not a yes/no value (0/1, true/false, yes/no)";
		return -1;
	}
	c->has_time = t->len > 0;
	if (c->has_time && timestamp_parse(t->s, t->len, &c->start) < 0) {
		*why = "not a timestamp (ISO 8601 or YYYY-MM-DD HH:MM:SS)";
		*bad = map->col[F_STARTED_AT] >= 0 ? F_STARTED_AT : F_ANSWERED_AT;
		return -1;
	}
	if (contact_tickets(map, r, c, why, bad) < 0)
		return -1;
	c->customer = cell(map, r, F_CUSTOMER_ID)->s;
	c->customer_len = cell(map, r, F_CUSTOMER_ID)->len;
	c->channel = cell(map, r, F_CHANNEL)->s;
	c->channel_len = cell(map, r, F_CHANNEL)->len;
	c->id = cell(map, r, F_CONTACT_ID)->s;
	c->id_len = cell(map, r, F_CONTACT_ID)->len;
	if (!map->profile)
		return 0;
	if (contact_parse_import(map, r, c, why, bad) < 0)
		return -1;
	/* durations from a --map'ed time need the start the profile read */
	return map->spec[F_STARTED_AT] ? contact_tickets(map, r, c, why, bad) : 0;
}

double *contact_number_field(struct contact *c, enum field f)
{
	switch (f) {
	case F_WAIT: return &c->wait;
	case F_HANDLE: return &c->handle;
	case F_HOLD: return &c->hold;
	case F_TRANSFERS: return &c->transfers;
	case F_HUMAN_WAIT: return &c->human_wait;
	case F_CSAT: return &c->csat;
	case F_NPS: return &c->nps;
	case F_CES: return &c->ces;
	case F_FIRST_RESPONSE_MIN: return &c->first_response;
	case F_RESOLUTION_HOURS: return &c->resolution;
	case F_REOPENS: return &c->reopens;
	default: return NULL;
	}
}

unsigned char *contact_flag_field(struct contact *c, enum field f)
{
	switch (f) {
	case F_ABANDONED: return &c->abandoned;
	case F_RESOLVED: return &c->resolved;
	case F_PROACTIVE: return &c->proactive;
	case F_AI_HANDLED: return &c->ai_handled;
	case F_ESCALATED: return &c->escalated;
	default: return NULL;
	}
}
