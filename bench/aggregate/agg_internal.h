/* agg_internal: the aggregate engine inside; aggregate.h is its door, and
 * nothing outside bench/aggregate but the tests includes this.  Contact
 * records are read once, in parallel (agg_scan.c); each record updates the
 * sums of its (period, channel) group (agg_stats.c) and leaves a 16-byte
 * trace (customer hash, time, flags) for repeat detection (agg_repeat.c),
 * which sorts the traces by customer and time and marks each contact
 * followed or not.  Memory grows with those traces and the customers'
 * hashes (and, for tickets, 8 bytes per duration given: exact medians
 * need every value), never with whole rows.  agg_xml.c reads XML records, and
 * agg_jsonl.c JSON Lines, into the same scan, agg_run.c puts a run together and agg_doc.c writes the
 * document. */
#ifndef CX_AGG_INTERNAL_H
#define CX_AGG_INTERNAL_H
#include <stddef.h>
#include <stdint.h>
#include "aggregate/aggregate.h"
#include "aggregate/agg_check.h"
#include "aggregate/contacts.h"
#include "core/period.h"

#define AGG_MAX_CHANNELS 64
#define AGG_HIST_FINE 7200   /* 1-second bins up to two hours */
#define AGG_HIST_COARSE 1320 /* then 1-minute bins up to 24 hours */

/* Every value of a duration, kept so that its median and p90 are exact:
 * 8 bytes per contact that has one.  Sorted once the scan is over
 * (agg_table_sort_values). */
struct agg_values {
	double *v;
	size_t n, cap;
};

struct agg_stats {
	uint64_t offered, answered, abandoned, sl_n, sl_ok;
	uint64_t wait_n, hold_n, transfers_n, human_n, csat_n, csat_ok;
	uint64_t nps_n, nps_pro, nps_det, ces_n, ai_n;
	uint64_t followed, fcr_ok, ai_ok; /* from repeat detection */
	double wait_sum, hold_sum, transfers_sum, human_sum, ces_sum;
	uint32_t *hist;      /* waits of answered contacts; NULL until one */
	uint64_t hist_over;  /* waits of 24 hours or more */
	struct agg_values first_response, resolution; /* minutes, hours */
	uint64_t reopens_n, reopened;
};

struct agg_group {
	long period;         /* period_index of the group's period */
	char *channel;       /* "" for all channels together */
	struct agg_stats s;
};

struct agg_table {
	struct agg_group *groups;
	size_t n, cap;
};

/* One trace per contact: sorted by (customer, time) with file order kept
 * for ties, a contact is followed when the next trace has the same
 * customer and starts at most repeat_seconds later. */
struct agg_trace {
	uint64_t customer; /* 64-bit hash of customer_id */
	uint32_t time;     /* epoch seconds */
	uint32_t info;     /* AGG_* flags, channel << 8, period << 16 */
};

enum { AGG_COUNTED = 1, AGG_RESOLVED = 2, AGG_ANSWERED = 4, AGG_AI = 8,
       AGG_ESCALATED = 16 };

#define AGG_PARTS 256 /* traces are partitioned by the hash's top byte */
#define AGG_BLOCK 4096

struct agg_block {
	struct agg_block *next;
	size_t n;
	struct agg_trace t[AGG_BLOCK];
};

struct agg_traces {
	struct agg_block *head[AGG_PARTS], *tail[AGG_PARTS];
};

/* Per-thread results of a scan. */
struct agg_part {
	struct agg_table table;
	struct agg_traces traces;
	char *channels[AGG_MAX_CHANNELS]; /* channel index -> name */
	size_t nchannels;
	uint64_t rows, skipped, survey_rows;
	uint64_t profile_skips[MAP_MAX_SKIPS]; /* rows each skip rule took out */
};

struct agg_result {
	struct agg_table table;   /* merged */
	uint64_t rows, skipped, survey_rows;
	int traced;               /* repeat detection ran */
	/* per file (0 contacts, 1 surveys): the import profile it was read
	 * with (given, or found by its header: then owned here), and the rows
	 * each of its skip rules took out */
	struct import_profile *profile[2];
	struct import_profile *detected[2];
	uint64_t profile_skips[2][MAP_MAX_SKIPS];
	/* contacts read through a profile that names no such column */
	int lacks_abandoned, lacks_resolved;
	struct agg_check *check[2]; /* with o->check: per file */
};

/* agg_stats.c */
struct agg_group *agg_group_get(struct agg_table *t, long period, const char *channel,
				size_t channel_len);
void agg_add_contact(struct agg_stats *s, const struct contact *c,
		     const struct agg_options *o);
void agg_add_survey(struct agg_stats *s, const struct contact *c);
void agg_table_merge(struct agg_table *into, struct agg_table *from);
void agg_table_release(struct agg_table *t);
/* The nearest rank of percentile p (0 < p <= 100) among n values: the
 * 1-based position, in ascending order, of the smallest value with at
 * least p % of the values at or below it: ceil(p / 100 * n), at least 1. */
uint64_t agg_nearest_rank(uint64_t n, unsigned p);
/* Nearest-rank percentile of the waits, in seconds (NAN when none). */
double agg_wait_percentile(const struct agg_stats *s, unsigned p);
/* Sorts every group's stored values; run once, after the last merge. */
void agg_table_sort_values(struct agg_table *t);
/* Nearest-rank percentile of sorted values, exact (NAN when none). */
double agg_values_percentile(const struct agg_values *v, unsigned p);
void agg_sort_groups(struct agg_table *t);

/* agg_repeat.c */
void agg_trace_add(struct agg_traces *tr, const struct agg_trace *t);
void agg_traces_release(struct agg_traces *tr);
/* Every contact counts in its period's group for all channels (channel
 * "") and in the group of its own channel.
 * Marks follow-ups over all parts' traces and adds followed, fcr_ok and
 * ai_ok to the groups of `into`. */
void agg_repeats(struct agg_part *parts, int nparts, struct agg_table *into,
		 int64_t window, int threads);

/* agg_scan.c: reads o->contacts (and o->surveys) into *res, which it
 * clears first; its table is the caller's to release, error or not.
 * CX_OK or an error status after a message naming file and line. */
int agg_scan(const struct agg_options *o, struct agg_result *res);
/* For the records of other readers (agg_xml.c, agg_jsonl.c): a job that reads no file
 * of its own.  agg_job_record() sends one record through the CSV scan's
 * own logic: 0 when it was counted or skipped (--skip-bad), -1 when it is
 * bad, with the reason in *why ("csat: not a score on its scale", valid
 * until the next call).  agg_job_finish() adds the sums to res, hands the
 * repeat traces of contacts with customer ids to parts[0] (setting
 * *nparts) when ok, and frees the job. */
struct scan_job;
struct scan_job *agg_job_new(const char *name, int survey, const struct agg_options *o,
			     const struct column_map *map);
int agg_job_record(struct scan_job *j, const struct csv_reader *r, long line,
		   long offset, const char **why);
void agg_job_finish(struct scan_job *j, int ok, struct agg_result *res,
		    struct agg_part *parts, int *nparts);

/* agg_xml.c: reads an XML source as scan_file() reads a CSV file
 * (o->contacts_xml or o->surveys_xml, by `survey`). */
int agg_xml_scan(const char *source, int survey, const struct agg_options *o,
		 struct agg_result *res, struct agg_part *parts, int *nparts);

/* agg_jsonl.c: JSON Lines, read through an import profile whose columns
 * are dotted paths.  agg_jsonl_wanted(): 1 when the source is JSON Lines
 * (.jsonl or .ndjson; or, with a profile p given, a file whose first
 * byte is '{').  agg_jsonl_scan() reads it as scan_file() reads a CSV
 * file. */
int agg_jsonl_wanted(const char *source, const struct import_profile *p);
int agg_jsonl_scan(const char *source, int survey, const struct agg_options *o,
		   struct agg_result *res, struct agg_part *parts, int *nparts);
/* agg_order.c: settles in p each day/month order its formats leave open,
 * from the records of fd between body and size; CX_OK, or CX_EINPUT after
 * a message naming the line and value when the data cannot settle one. */
int agg_settle_orders(int fd, const char *name, off_t body, off_t size,
		      long header_lines, const struct column_map *map,
		      struct import_profile *p);
/* For readers that cannot read a file twice (JSON Lines): CX_EINPUT after
 * a message when the map has a field whose day/month order is open. */
int agg_orders_refused(const struct column_map *map, const char *name);
#endif
