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

/* Parses a --format value among the `allowed` ones (a mask). */
int cli_format(const char *cmd, const char *arg, unsigned allowed, enum format *out);
/* Prints "cxbench: CMD: message" and a pointer to -h; returns CX_EUSAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Checks that stdout was fully written; CX_OK or CX_EIO. */
int cli_flush(void);
#endif
