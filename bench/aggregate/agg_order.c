/* agg_order: a day/month order that an import profile leaves open (its
 * formats read 03/04/2026 both ways, "%d/%m/%Y" and "%m/%d/%Y") settled
 * from the file before any record is counted.  The first value that only
 * one order reads (a day above 12) decides; a file where none does is an
 * error asking for a format, never a guess (DESIGN.md, "Import
 * profiles").  Reading stops as soon as every open field is settled, so a
 * file with a day above 12 near its top costs a few lines. */
#include "aggregate/agg_internal.h"
#include "imports/import.h"
#include "io/csv_stream.h"
#include "base/msg.h"
#include <stdio.h>
#include <string.h>

#define DAY (1u << ORDER_DAY_FIRST)
#define MONTH (1u << ORDER_MONTH_FIRST)

struct open_field {
	enum field f;
	struct import_spec *spec;
	long line;          /* the first value both orders read, and where */
	char value[64];
};

struct settle {
	const struct column_map *map;
	struct open_field open[NFIELDS];
	size_t nopen, nsettled;
};

/* 1 once the value settles the field's order. */
static int settle_one(struct open_field *o, const char *text, size_t len, long line)
{
	unsigned orders = import_time_orders(o->spec, text, len);

	if ((orders & DAY) && !(orders & MONTH)) {
		import_settle(o->spec, ORDER_DAY_FIRST);
		return 1;
	}
	if ((orders & MONTH) && !(orders & DAY)) {
		import_settle(o->spec, ORDER_MONTH_FIRST);
		return 1;
	}
	if ((orders & DAY) && !o->line) {
		o->line = line;
		snprintf(o->value, sizeof o->value, "%.*s", len > 60 ? 60 : (int)len, text);
	}
	return 0;
}

static int on_record(const struct csv_reader *r, long line, off_t offset, void *arg)
{
	struct settle *st = arg;
	char buf[256];
	size_t i, len, rule;
	int which;

	(void)offset;
	if (r->nfields != st->map->width || column_map_skip(st->map, r, &rule) >= 0)
		return 0; /* not a record: the scan says so, or counts it */
	for (i = 0; i < st->nopen; i++) {
		struct open_field *o = &st->open[i];
		for (which = 0; o->spec->order == ORDER_ANY && which <= o->spec->elapsed;
		     which++) {
			const char *text = column_map_text(st->map, r, o->f, which, buf,
							   sizeof buf, &len);
			if (text && settle_one(o, text, len, line))
				st->nsettled++;
		}
	}
	return st->nsettled == st->nopen ? -1 : 0;
}

static int unsettled(const struct settle *st, const char *name, long header_lines)
{
	size_t i;
	int bad = 0;

	for (i = 0; i < st->nopen; i++) {
		const struct open_field *o = &st->open[i];
		if (o->spec->order != ORDER_ANY || !o->line)
			continue; /* settled, or no value to read */
		msg_at(name, header_lines + o->line, "%s: '%s' reads day first and month "
		       "first, and no value of the column has a day above 12 to settle "
		       "it: keep the one format the export uses in the import profile",
		       field_names[o->f], o->value);
		bad++;
	}
	return bad ? CX_EINPUT : CX_OK;
}

int agg_settle_orders(int fd, const char *name, off_t body, off_t size,
		      long header_lines, const struct column_map *map,
		      struct import_profile *p)
{
	struct settle st;
	struct csv_stream s;
	size_t f;

	memset(&st, 0, sizeof st);
	st.map = map;
	for (f = 0; p && f < NFIELDS; f++) {
		const struct import_spec *spec = map->spec[f];
		if (!spec || map->col[f] < 0 || !spec->open_order || spec->order != ORDER_ANY)
			continue;
		st.open[st.nopen].f = (enum field)f;
		st.open[st.nopen++].spec = &p->specs[spec - p->specs];
	}
	if (!st.nopen)
		return CX_OK;
	memset(&s, 0, sizeof s);
	s.fd = fd;
	s.begin = body;
	s.end = size;
	s.block = (size_t)8 << 20; /* the scan's: the longest record must fit */
	s.on_record = on_record;
	s.arg = &st;
	s.delimiter = map->delimiter;
	if (csv_stream_run(&s) < 0 && !s.stopped)
		return CX_OK; /* a malformed record: the scan names it */
	return unsettled(&st, name, header_lines);
}

int agg_orders_refused(const struct column_map *map, const char *name)
{
	size_t f;

	for (f = 0; f < NFIELDS; f++) {
		if (map->spec[f] && map->col[f] >= 0 && map->spec[f]->open_order) {
			msg_at(name, 0, "%s: the import profile's formats read day/month "
			       "both ways, which JSON Lines input cannot settle from the data: "
			       "keep the one format the export uses", field_names[f]);
			return CX_EINPUT;
		}
	}
	return CX_OK;
}
