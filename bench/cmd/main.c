/* main: dispatch to the command named first (the table is in commands.c;
 * each command lives in its own cmd_NAME.c, see cmds.h to add one). */
#include "cmd/cli.h"
#include "cmd/cmds.h"
#include "net/fetch.h"
#include "base/mem.h"
#include "base/version.h"
#include "base/msg.h"
#include "io/xmlsafe.h"
#include <cJSON.h>
#include <libxml/xmlmemory.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void print_usage(FILE *f)
{
	size_t i;
	fputs("usage: cxbench COMMAND [options]   (cxbench COMMAND -h for its help)\n\n"
	      "Benchmark a company's customer service against best-in-class brands.\n\n",
	      f);
	for (i = 0; commands[i]; i++)
		if (!commands[i]->hidden)
			fprintf(f, "  %-10s %s\n", commands[i]->name, commands[i]->summary);
	fputs("\nExit codes: 0 ok, 1 bad input, 2 usage error, 3 I/O error.\n", f);
}

static void out_of_memory(size_t n)
{
	msg_error("out of memory (allocating %zu bytes)", n);
	exit(CX_EIO);
}

int main(int argc, char **argv)
{
	cJSON_Hooks hooks = { xmalloc, free };
	const struct command *cmd;
	int rc;

	mem_set_failure_handler(out_of_memory);
	cJSON_InitHooks(&hooks);
	/* libxml2 too, before its first allocation: out of memory inside it
	 * ends the run like anywhere else (one message, exit 3), and the
	 * CXBENCH_FAIL_ALLOC test hook covers it. */
	xmlMemSetup(free, xmalloc, xrealloc, xstrdup);
	if (argc < 2) {
		print_usage(stderr);
		return CX_EUSAGE;
	}
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		print_usage(stdout);
		return cli_flush();
	}
	if (strcmp(argv[1], "--version") == 0) {
		puts("cxbench " CX_VERSION);
		return cli_flush();
	}
	cmd = command_find(argv[1]);
	if (!cmd) {
		msg_error("'%s' is not a command (see 'cxbench -h')", argv[1]);
		return CX_EUSAGE;
	}
	rc = cmd->run(argc - 1, argv + 1);
	msg_summary();
	fetch_options_release();
	xml_cleanup(); /* libxml2's global state, for LeakSanitizer */
	return rc;
}
