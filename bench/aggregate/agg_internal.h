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
#include "aggregate/friction.h"
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
	struct fr_sums fr;   /* with linked survey answers (friction.h) */
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

/* With survey answers to link (friction), each contact leaves this in
 * place of its trace: its levels, and what it costs a customer to come
 * again (handle time, else wait + hold).  24 bytes, a half more than a
 * trace: the records are most of the memory a linked run takes.  A
 * contact that answers name by id (FR_SIDE) has its cost in its side
 * entry, and here the index of that entry. */
struct fr_rec {
	struct agg_trace t;
	fr_levels levels;  /* FR_CUSTOMER: it has a customer id */
	union {
		float cost;
		uint32_t side; /* with FR_SIDE: its entry in its part's side list */
	} u;
};
#define FR_CUSTOMER 0x80000000u
#define FR_SIDE 0x40000000u
/* In a side entry's levels: the way of its id in the answers' table
 * (friction_link.c), so that the pass can give each way's entries to one
 * thread: all answers of one id are in one way. */
#define FR_WAY 0x20000000u
#define FR_WAYS 2
#define FR_BLOCK 2048

struct fr_block {
	struct fr_block *next;
	size_t n; /* of a partition's last block, set by fr_recs_close() */
	struct fr_rec r[FR_BLOCK];
};

/* The blocks come from chunks of FR_CHUNK blocks, given to the kernel as
 * huge pages where it takes them: a 10-million-contact file's records
 * then cost a few hundred page faults, not sixty thousand. */
#define FR_CHUNK 640
struct fr_recs {
	struct fr_block *head[AGG_PARTS], *tail[AGG_PARTS];
	/* where the next record of each partition goes, and the end of its
	 * block: kept here, together, so that storing a record reads no
	 * block's header (256 more cache lines in use) */
	struct fr_rec *at[AGG_PARTS], *end[AGG_PARTS];
	struct fr_block **chunks; /* owned, each freed with free() */
	size_t nchunks, chunks_cap, left; /* blocks left in the last chunk */
};

/* A contact that answers name by contact_id, as the scan found it. */
struct fr_side {
	uint64_t offset;   /* its place in the file: of two, the later wins */
	uint32_t answer;   /* 1 + the first answer naming it */
	uint32_t info;
	fr_levels levels;  /* with repeat levels once the pass has run */
	float cost;        /* as fr_rec's */
};

/* The scan looks each contact id up in the answers' table a few records
 * after it reads it: the filter word is fetched while later records are
 * parsed, and the table's slot while still later ones are, so that a
 * lookup seldom waits for memory.  A contact waiting for its lookup. */
struct fr_pending {
	uint64_t id, offset;
	struct fr_rec *rec;
};
#define FR_AHEAD 32 /* a power of two */

/* One survey answer to link.  48 bytes. */
struct fr_answer {
	uint64_t id, customer;  /* hashes; 0 when none */
	union {
		uint64_t slot;   /* with an id, until the pass: its slot */
		uint64_t offset; /* linked by id: the contact's place */
	} at;
	uint32_t time, info;    /* answered_at; the linked contact's info */
	uint32_t next;          /* 1 + the next answer with the same id */
	fr_levels levels;       /* the linked contact's */
	int32_t period;         /* its own (answered_at), -1 none or not kept */
	int8_t csat, nps;
	uint8_t has_time, how;  /* how: FR_HOW_* */
};
/* An answer to link by customer, as the pass sorts them. */
struct fr_key {
	uint64_t customer;
	uint32_t time, answer; /* answered_at; its index in fr_state.a */
};
/* FR_HOW_FOUND: the contacts file holds its id (the pass's first step;
 * FR_HOW_ID once linked, so never counted) */
enum { FR_HOW_NONE, FR_HOW_ID, FR_HOW_CUSTOMER, FR_HOW_NO_ID_NO_CUSTOMER,
       FR_HOW_NO_CONTACT_BEFORE, FR_HOW_OUTSIDE_WINDOW, FR_HOW_NO_TIME, FR_NHOW,
       FR_HOW_FOUND = FR_NHOW };
/* Per-thread results of a scan. */
struct agg_part {
	struct agg_table table;
	struct agg_traces traces;
	struct fr_recs fr;          /* friction: contacts, in place of traces */
	struct fr_side *side;
	size_t nside, side_cap;
	struct fr_answer *answers;  /* friction: the survey file's answers */
	size_t nanswers, answers_cap;
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
	struct fr_state *fr;        /* linking answers to contacts, or NULL */
};

struct fr_slot {
	uint64_t id;
	uint32_t answer; /* 1 + the first answer with this id; 0: empty */
	uint32_t found;  /* a contact has the id (set by the scan's threads) */
};

/* Friction: the answers of the survey file, found by contact id and by
 * customer, and what the linking found. */
struct fr_state {
	struct fr_answer *a;
	size_t n;
	struct fr_slot *slots;      /* contact id -> 1 + first answer; NULL: none */
	size_t mask;
	/* most contacts are named by no answer: a filter of 2 bits per id
	 * in one 64-bit word, small enough to stay in the cache, turns
	 * them away before the table's cache miss */
	uint64_t *filter;
	size_t filter_mask;
	int64_t link_seconds, repeat_seconds;
	int survey_id, survey_customer;          /* the survey file has them */
	int contact_id, contact_customer, timed; /* the contacts file has them */
	unsigned factors;           /* 1 << factor for each the contacts allow */
	uint64_t how[FR_NHOW];      /* answers by how they were linked */
	int handle;                 /* the contacts file has handle_seconds */
	int survey_csat, survey_nps;
	struct fr_wait wait;        /* the wait levels (--wait-edges) */
};

/* The frontier's values for the time tax (friction_tax.c). */
struct fr_tax_frontier {
	double asa, hold, repeat_pct;
};
struct fr_tax {
	double wait, hold, repeat, hours, per_1000, at_frontier; /* hours */
};
void fr_tax_work(const struct fr_state *fr, const struct agg_stats *s,
		 const struct fr_tax_frontier *tf, struct fr_tax *t);
cJSON *fr_tax_json(const struct fr_state *fr, const struct agg_stats *s,
		   const struct fr_tax_frontier *tf);
/* friction_doc.c: a group's friction block (a channel's has no
 * `unlinked`: an answer linked to no contact has no channel); the linking
 * of `source`; the one note naming the factors the contacts cannot give. */
cJSON *fr_block_json(const struct fr_state *fr, const struct agg_stats *s,
		     const struct fr_tax_frontier *tf, int channel);
cJSON *fr_source_json(const struct fr_state *fr);
void fr_note_missing(const struct fr_state *fr, const char *contacts);

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
/* (part, channel, period) -> group index, a small direct-mapped cache */
struct agg_group_cache {
	uint32_t key[1024];
	long group[1024];
};
/* The group of a trace's info word: its period and channel (all: every
 * channel), channel names from parts[its part]. */
struct agg_group *agg_trace_group(struct agg_table *t, struct agg_group_cache *c,
				  const struct agg_part *parts, uint32_t info, int all);
/* A counted contact's repeat metrics (followed, fcr_ok, ai_ok), in one
 * group's stats or in both of its groups. */
void agg_repeat_add(struct agg_stats *s, uint32_t info, int followed);
void agg_repeat_count(struct agg_table *t, struct agg_group_cache *c,
		      const struct agg_part *parts, uint32_t info, int followed);
void agg_trace_add(struct agg_traces *tr, const struct agg_trace *t);

/* AGG_SORT_BY_CUSTOMER(name, type, AT) defines
 *   static type *name(type *a, type *tmp, size_t n)
 * a stable sort of one partition by (customer, time), where AT(x) names
 * the part of element x that has the members customer and time: a
 * counting sort on the 12 hash bits below the partition's byte into tmp
 * leaves buckets of a few elements, which an insertion sort finishes.
 * Both steps keep file order among equals.  Returns tmp, which holds the
 * result.  A macro, not a function taking a comparator: it runs once per
 * contact in the hottest loop of a run. */
#define AGG_SUB_BITS 12
#define AGG_SUB_OF(customer) \
	((size_t)((customer) >> (56 - AGG_SUB_BITS)) & (((size_t)1 << AGG_SUB_BITS) - 1))
/* NOLINTBEGIN(bugprone-macro-parentheses): a type cannot be parenthesized */
#define AGG_SORT_BY_CUSTOMER(name, type, AT) \
static type *name(type *a, type *tmp, size_t n) \
{ \
	static __thread size_t start[((size_t)1 << AGG_SUB_BITS) + 1]; \
	size_t i, k, b; \
	memset(start, 0, sizeof start); \
	for (i = 0; i < n; i++) \
		start[AGG_SUB_OF(AT(a[i]).customer) + 1]++; \
	for (b = 1; b <= (size_t)1 << AGG_SUB_BITS; b++) \
		start[b] += start[b - 1]; \
	for (i = 0; i < n; i++) \
		tmp[start[AGG_SUB_OF(AT(a[i]).customer)]++] = a[i]; \
	for (i = 1; i < n; i++) { \
		type t_ = tmp[i]; \
		for (k = i; k > 0 && (AT(t_).customer < AT(tmp[k - 1]).customer || \
				      (AT(t_).customer == AT(tmp[k - 1]).customer && \
				       AT(t_).time < AT(tmp[k - 1]).time)); k--) \
			tmp[k] = tmp[k - 1]; \
		tmp[k] = t_; \
	} \
	return tmp; \
}
/* NOLINTEND(bugprone-macro-parentheses) */
/* worker(each of the n jobs, `size` bytes apart): the first here, the
 * others on threads; one whose thread cannot start runs here after. */
void agg_run_jobs(void *(*worker)(void *), void *jobs, size_t size, int n);
/* What every job of a pass over the parts' records begins with: the
 * parts, its share of the partitions (first, first + step, ...) and the
 * groups it adds to. */
struct agg_pass {
	struct agg_part *parts;
	int nparts, first, step;
	struct agg_table table;
	struct agg_group_cache cache;
};
/* agg_run_jobs() for n such jobs, each given the parts and share i of n
 * first; their groups are then merged into `into`. */
void agg_run_pass(void *(*worker)(void *), void *jobs, size_t size, int n,
		  struct agg_part *parts, int nparts, struct agg_table *into);
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
			     const struct column_map *map, struct agg_result *res);
int agg_job_record(struct scan_job *j, const struct csv_reader *r, long line,
		   long offset, const char **why);
void agg_job_finish(struct scan_job *j, int ok, struct agg_result *res,
		    struct agg_part *parts, int *nparts);

/* friction_link.c */
struct fr_state *fr_state_new(const struct agg_options *o);
void fr_state_free(struct fr_state *fr);
/* The answers a part of the survey scan read, moved to the end of fr's
 * (parts in file order keep the file's order); then fr_index() builds the
 * contact id table (when the answers have ids). */
void fr_answers_take(struct fr_state *fr, struct agg_part *part);
void fr_index(struct fr_state *fr, int threads);
/* Which factors and links the columns of the contacts file allow. */
void fr_columns(struct fr_state *fr, const struct column_map *map);
/* After a file's scan: its columns, for fr_columns() (contacts) or the
 * survey file's ids; nothing without res->fr. */
void fr_note_map(struct agg_result *res, const struct column_map *map, int survey);
/* Stores a contact's record; where it is stays put until released.
 * Inline, as it runs once a contact: only a new block is a call.  After
 * the last, fr_recs_close() sets the count of each last block. */
void fr_block_next(struct fr_recs *r, size_t p);
static inline struct fr_rec *fr_rec_add(struct fr_recs *r, const struct fr_rec *rec)
{
	size_t p = rec->t.customer >> 56;

	if (r->at[p] == r->end[p])
		fr_block_next(r, p);
	*r->at[p] = *rec;
	return r->at[p]++;
}
void fr_recs_close(struct fr_recs *r);
/* The contacts waiting for their id lookups (struct fr_pending), per scan
 * thread, in a ring: fr_lookup() queues one, checks the filter for the
 * one queued FR_AHEAD / 2 before it (an id the filter turns away is
 * zeroed) and looks up in the table the one queued FR_AHEAD before (a
 * side entry in part for each id that answers name);
 * fr_lookups_flush() finishes them all (at the end of a scan). */
struct fr_lookups {
	struct fr_pending q[FR_AHEAD];
	size_t n; /* queued so far */
};
void fr_lookup(const struct fr_state *fr, struct fr_lookups *q, struct agg_part *part,
	       const struct fr_pending *p);
void fr_lookups_flush(const struct fr_state *fr, struct fr_lookups *q,
		      struct agg_part *part);
void fr_recs_release(struct fr_recs *r);
/* friction_pass.c: repeats, the repeat factors, linking and the answers'
 * sums, into the groups of `into`, from the contacts of every part.
 * The repeat metrics and friction sums of contacts and answers go to
 * their channel's group only (half the work); fr_roll_up(), once every
 * pass is merged, adds each channel's to its period's all-channels group
 * (which holds only its unlinked answers until then). */
void fr_pass(struct agg_part *parts, int nparts, struct agg_table *into,
	     struct fr_state *fr, int threads);
void fr_roll_up(struct agg_table *t);

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
