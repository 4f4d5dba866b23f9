/* cli: the command line, declared as data.  A command is one struct
 * command (name, entry point, help) with its options as one table of
 * struct cli_option: name, value, help line, and where the value goes (a
 * field of the command's own arguments struct, or a function that takes
 * it).  cli_parse() walks the table (through getopt_long, so long options
 * may be abbreviated and come after the operands) and cli_help() prints
 * it, so the help cannot drift from the parser and two options cannot
 * share a destination by accident.  Options shared by several commands
 * are macros (their field differs from command to command) or sub-tables
 * (the network options, which all go to fetch_opts).  Each option also
 * says what its value is (a file, one of some words, profile ids...), and
 * each command what its operands are, so that the shell completion
 * (`cxbench completion`, cmd/completion.h) is written from the same
 * tables. */
#ifndef CX_CLI_H
#define CX_CLI_H
#include <stddef.h>
#include <stdio.h>

enum format { FMT_TABLE = 1, FMT_JSON = 2, FMT_CSV = 4 };

enum cli_kind {
	CLI_END,    /* ends a table */
	CLI_GROUP,  /* the options of another table */
	CLI_FLAG,   /* an int set to 1 */
	CLI_STRING, /* a const char * set to the value (borrowed from argv) */
	CLI_LIST,   /* a struct cli_list the value is added to (repeatable) */
	CLI_CALL    /* take(): checks the value and stores it */
};

/* What an option's value, or a command's operand, is: what the shell
 * completion offers for it. */
enum cli_value {
	CLI_VALUE_TEXT,        /* anything: nothing to offer (the default) */
	CLI_VALUE_FILE,        /* a path */
	CLI_VALUE_DIR,         /* a directory */
	CLI_VALUE_WORDS,       /* one of `words` (separated by spaces) */
	CLI_VALUE_FORMAT,      /* one of the formats in `limit` */
	CLI_VALUE_PROFILES,    /* profile ids, comma-separated, and `words` */
	CLI_VALUE_DIMENSIONS,  /* the catalog's dimension ids, comma-separated */
	CLI_VALUE_IMPORT,      /* a built-in contacts or surveys import profile, or a file */
	CLI_VALUE_TEXT_IMPORT  /* a built-in transcripts import profile, or a file */
};

struct cli_option;

/* Takes the value of `opt` into `field` (the option's field in the
 * command's arguments, or NULL for an option with no field): CX_OK, or
 * CX_EUSAGE after cli_usage_error(). */
typedef int cli_take_fn(const char *cmd, const struct cli_option *opt,
			const char *arg, void *field);

struct cli_option {
	const char *name;   /* the long name without "--" */
	const char *value;  /* what the help calls the value ("FILE"); NULL: none */
	const char *help;   /* lines separated by '\n' */
	size_t offset;      /* of the field in the command's arguments */
	size_t size;        /* of the field; 0: the option has no field */
	cli_take_fn *take;  /* CLI_CALL */
	double limit;       /* for take: a maximum, or a mask of formats */
	const struct cli_option *group; /* CLI_GROUP */
	enum cli_kind kind;
	char short_name;    /* '-o', or 0 */
	enum cli_value values; /* what the value is, for completion */
	const char *words;  /* CLI_VALUE_WORDS, CLI_VALUE_PROFILES: the words */
};

/* Repeatable options: the values in order, borrowed from argv. */
struct cli_list {
	char **items;
	size_t n, cap;
};
void cli_list_release(struct cli_list *l);

#define CLI_FIELD(type, field) \
	.offset = offsetof(type, field), .size = sizeof(((type *)0)->field)
#define CLI_OPT_FLAG(n, h, type, field) \
	{ .kind = CLI_FLAG, .name = (n), .help = (h), CLI_FIELD(type, field) }
#define CLI_OPT_STRING(n, v, h, type, field) \
	{ .kind = CLI_STRING, .name = (n), .value = (v), .help = (h), CLI_FIELD(type, field) }
#define CLI_OPT_LIST(n, v, h, type, field) \
	{ .kind = CLI_LIST, .name = (n), .value = (v), .help = (h), CLI_FIELD(type, field) }
#define CLI_OPT_CALL(n, v, h, type, field, fn, max) \
	{ .kind = CLI_CALL, .name = (n), .value = (v), .help = (h), CLI_FIELD(type, field), \
	  .take = (fn), .limit = (max) }
#define CLI_OPT_GROUP(table) { .kind = CLI_GROUP, .group = (table) }
#define CLI_OPT_END { .kind = CLI_END }
/* The same with what the value is (enum cli_value), for completion. */
#define CLI_OPT_STRING_AS(n, v, h, type, field, what, w) \
	{ .kind = CLI_STRING, .name = (n), .value = (v), .help = (h), CLI_FIELD(type, field), \
	  .values = (what), .words = (w) }
#define CLI_OPT_LIST_AS(n, v, h, type, field, what) \
	{ .kind = CLI_LIST, .name = (n), .value = (v), .help = (h), CLI_FIELD(type, field), \
	  .values = (what) }
#define CLI_OPT_CALL_AS(n, v, h, type, field, fn, max, what, w) \
	{ .kind = CLI_CALL, .name = (n), .value = (v), .help = (h), CLI_FIELD(type, field), \
	  .take = (fn), .limit = (max), .values = (what), .words = (w) }
/* A path, a directory, one of some words (separated by spaces) */
#define CLI_OPT_FILE(n, v, h, type, field) \
	CLI_OPT_STRING_AS(n, v, h, type, field, CLI_VALUE_FILE, NULL)
#define CLI_OPT_DIR(n, v, h, type, field) \
	CLI_OPT_STRING_AS(n, v, h, type, field, CLI_VALUE_DIR, NULL)
#define CLI_OPT_WORDS(n, v, h, type, field, w) \
	CLI_OPT_STRING_AS(n, v, h, type, field, CLI_VALUE_WORDS, w)

/* -o FILE, --output FILE */
#define CLI_OPT_OUTPUT(h, type, field) \
	{ .kind = CLI_STRING, .name = "output", .short_name = 'o', .value = "FILE", \
	  .help = (h), CLI_FIELD(type, field), .values = CLI_VALUE_FILE }
/* --format among `formats` (a mask of enum format) */
#define CLI_OPT_FORMAT(h, type, field, formats) \
	CLI_OPT_CALL_AS("format", "F", h, type, field, cli_take_format, formats, \
			CLI_VALUE_FORMAT, NULL)
/* The names of the formats in a mask of enum format, in order, separated
 * by spaces ("table json"), or as a message lists them ("table or json"). */
const char *cli_format_words(unsigned formats, char *buf, size_t size);
const char *cli_format_list(unsigned formats, char *buf, size_t size);
/* --against: the references to compare with */
#define CLI_AGAINST_WORDS "all sector frontier"
#define CLI_OPT_AGAINST(type, field) \
	CLI_OPT_STRING_AS("against", "LIST", "profile ids, 'all', 'sector' (the company's " \
			  "industry)\nand 'frontier', comma-separated (default: " \
			  "all,sector,frontier)", type, field, CLI_VALUE_PROFILES, \
			  CLI_AGAINST_WORDS)
/* --profile FILE (repeatable) and --catalog FILE, into the member `refs`
 * (a struct cli_refs) of the arguments struct `type` */
struct cli_refs {
	struct cli_list profiles;
	const char *catalog;
};
#define CLI_OPT_PROFILE(type) \
	CLI_OPT_LIST_AS("profile", "FILE", "an extra reference profile (repeatable)", \
			type, refs.profiles, CLI_VALUE_FILE)
#define CLI_OPT_CATALOG(type) \
	CLI_OPT_FILE("catalog", "FILE", "a metric catalog other than the bundled one", \
		     type, refs.catalog)
#define CLI_OPT_REFERENCES(type) CLI_OPT_PROFILE(type), CLI_OPT_CATALOG(type)
struct context;
/* Points the context at the catalog and profile files given (borrowed). */
void cli_refs_apply(const struct cli_refs *refs, struct context *ctx);
/* --company NAME, checked as a company name */
#define CLI_OPT_COMPANY(h, type, field) \
	CLI_OPT_CALL("company", "NAME", h, type, field, cli_take_company, 0)

/* The network options (--timeout, --max-bytes, --allow-http, --header,
 * --cacert, --offline): every command that reads inputs takes them. */
extern const struct cli_option cli_net_options[];

/* Take functions for CLI_OPT_CALL.  The field of each: */
cli_take_fn cli_take_format;   /* enum format, among the mask in limit */
cli_take_fn cli_take_company;  /* const char *, a usable company name */
cli_take_fn cli_take_period;   /* const char *, a period (2026-Q1, 2026-03, 2026) */
cli_take_fn cli_take_positive; /* double, above 0 and at most limit */
/* The threads a --threads option asks for (0: not given): as given, or
 * one per CPU, at most 8. */
int cli_threads(double given);
cli_take_fn cli_take_by;       /* const char *, quarter or month (--by) */

/* A word a command takes first (`profiles show`), and what its operands
 * are; a table of them ends with a NULL name. */
struct cli_subcommand {
	const char *name;
	enum cli_value operands;
	const char *words;                 /* CLI_VALUE_WORDS */
};

struct command {
	const char *name;
	int (*run)(int argc, char **argv); /* argv[0] is the command's name */
	const char *summary;               /* one line, for `cxbench -h` */
	const char *usage;                 /* synopsis and description */
	const char *footer;                /* after the options, or NULL */
	const struct cli_option *options;
	size_t args_size;                  /* of the arguments struct */
	/* what the operands are, for completion: each of them, or, when
	 * subcommands is set, the first is one of those and says the rest */
	enum cli_value operands;
	const struct cli_subcommand *subcommands;
	int hidden;                        /* left out of `cxbench -h` */
};

/* Every command, in the order `cxbench -h` lists them; NULL-terminated. */
extern const struct command *const commands[];
const struct command *command_find(const char *name);
/* The subcommand of cmd named `name`, or NULL. */
const struct cli_subcommand *command_subcommand(const struct command *cmd,
						const char *name);

/* The operands left after the options, in order (pointers into argv). */
struct cli_operands {
	char **v;
	size_t n;
};

#define CLI_HELP (-1) /* cli_parse printed the help */

/* Parses argv (argv[0] is the command's name) by cmd's table into `args`
 * (the command's arguments struct) and the operands: CX_OK, CX_EUSAGE after
 * a message, or CLI_HELP after printing the help on stdout.  ops->v is
 * owned by the caller (free()). */
int cli_parse(const struct command *cmd, int argc, char **argv, void *args,
	      struct cli_operands *ops);
/* Frees the lists that parsing filled in `args`. */
void cli_args_release(const struct command *cmd, void *args);
/* Prints the command's usage, its options (from the table) and footer. */
void cli_help(FILE *f, const struct command *cmd);
/* Calls fn for every option of the table, groups expanded, in order. */
void cli_each_option(const struct cli_option *table,
		     void (*fn)(const struct cli_option *opt, void *arg), void *arg);

/* Prints "cxbench: CMD: message (see 'cxbench CMD -h')"; returns CX_EUSAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Checks that stdout was fully written; CX_OK or CX_EIO. */
int cli_flush(void);
/* The end of every command: releases what cli_parse() filled (ops may be
 * NULL) and returns the exit code: an error as it is (its message is
 * out); done or CLI_HELP, the result of flushing stdout (a full disk or a
 * closed pipe is an error, not a silent truncation). */
int cli_done(const struct command *cmd, void *args, struct cli_operands *ops, int rc);
#endif
