/* cli: what the subcommands share on the command line: the command table
 * entry type, option values such as --format, and usage errors. */
#ifndef CX_CLI_H
#define CX_CLI_H
#include <stdio.h>

enum format { FMT_TABLE = 1, FMT_JSON = 2, FMT_CSV = 4 };

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
};

/* Options a command may accept (a mask for cli_parse). */
enum { OPT_AGAINST = 1, OPT_PERIOD = 2, OPT_FORMAT = 4, OPT_PROFILE = 8,
       OPT_CATALOG = 16, OPT_OUTPUT = 32, OPT_LANG = 64, OPT_TITLE = 128,
       OPT_LOGO = 256, OPT_PNG_DIR = 512, OPT_SINCE = 1024, OPT_UNTIL = 2048,
       OPT_SIGNALS = 8192,
       OPT_NET = 4096 /* --timeout --max-bytes --allow-http --header --offline --cacert */ };

/* The network options, as getopt_long entries (codes 0x1000 and up), and
 * their handling (fetch_opts); shared by every command's parser. */
#define CLI_NET_OPTIONS \
	{ "timeout", required_argument, NULL, 0x1001 }, \
	{ "max-bytes", required_argument, NULL, 0x1002 }, \
	{ "allow-http", no_argument, NULL, 0x1003 }, \
	{ "header", required_argument, NULL, 0x1004 }, \
	{ "offline", no_argument, NULL, 0x1005 }, \
	{ "cacert", required_argument, NULL, 0x1006 }
int cli_net_option(const char *cmd, int code, const char *arg);
#define CLI_NET_HELP \
	"  --timeout S         network timeout in seconds (default 30)\n" \
	"  --max-bytes N       refuse downloads larger than N bytes (default 200000000)\n" \
	"  --allow-http        allow plain http URLs (https only otherwise)\n" \
	"  --header 'N: V'     an HTTP request header; $VAR reads the environment\n" \
	"  --cacert FILE       trust the certificates in FILE too\n" \
	"  --offline           use downloads already cached, fetch nothing\n"

struct context;

struct cli_opts {
	const char *against, *period;
	enum format format;
	const char *output, *lang, *title, *logo, *png_dir, *since, *until, *signals;
};

/* Parses the options of command `cmd` (those in the `accept` mask; --format
 * among the `formats` mask), adding --profile and --catalog to ctx.  On
 * return optind is the first operand.  CX_OK, CX_EUSAGE after a message,
 * or -1 when -h printed `usage`. */
int cli_parse(const char *cmd, const char *usage, int argc, char **argv,
	      unsigned accept, unsigned formats, struct cli_opts *o,
	      struct context *ctx);
/* Parses a --format value among the `allowed` ones (a mask). */
int cli_format(const char *cmd, const char *arg, unsigned allowed, enum format *out);
/* Prints "cxbench: CMD: message" and a pointer to -h; returns CX_EUSAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Checks that stdout was fully written; CX_OK or CX_EIO. */
int cli_flush(void);
#endif
