/* fuzz.h: what the libFuzzer harnesses in tests/fuzz/ share.  Each
 * harness is one fuzz_NAME.c with its seed corpus in tests/fuzz/NAME/;
 * `make fuzz` builds them into build/fuzz/ and runs each.
 *
 * fuzz_setup() (from LLVMFuzzerInitialize) finds the data directory
 * ($CXBENCH_DATA, or the source tree two levels above the harness,
 * build/fuzz/fuzz_NAME), loads the bundled catalog and, when asked, the
 * bundled profiles once, then silences cxbench's messages: every input
 * that is refused prints one line, and a million of them would drown
 * libFuzzer's output.
 *
 * Silenced how: freopen("/dev/null", "w", stderr) would also silence fd 2,
 * and with it libFuzzer's own lines (it prints to the FILE that was stderr
 * when it started) and the sanitizer reports (written to fd 2).  So stdio's
 * `stderr` variable is pointed at a new FILE on /dev/null instead (glibc
 * lets a program assign it): msg.c, which reads the variable at each call,
 * goes quiet; libFuzzer keeps its FILE and the sanitizers keep fd 2.
 * `stdout` likewise, for the harnesses that run a whole command. */
#ifndef CX_FUZZ_H
#define CX_FUZZ_H
#define _GNU_SOURCE /* memfd_create */
#include "core/catalog.h"
#include "core/context.h"
#include "io/input.h"
#include "base/mem.h"
#include "base/msg.h"
#include "core/profile.h"
#include <cJSON.h>
#include <libxml/xmlmemory.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static struct catalog *fuzz_cat;
static struct context fuzz_ctx;      /* the bundled profiles */
static struct selection fuzz_sel;    /* all of them and the frontier */
static FILE *fuzz_null;              /* output that is made but not kept */

static inline char *fuzz_data_dir(void)
{
	const char *env = getenv("CXBENCH_DATA");
	char exe[PATH_MAX];
	ssize_t len;
	char *slash;
	int up;

	if (env && *env)
		return xstrdup(env);
	len = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (len <= 0)
		return xstrdup(".");
	exe[len] = '\0';
	for (up = 0; up < 3; up++) { /* fuzz_NAME, fuzz/, build/ */
		slash = strrchr(exe, '/');
		if (!slash)
			return xstrdup(".");
		*slash = '\0';
	}
	return xstrdup(exe[0] ? exe : "/");
}

/* Loads what the harness needs and silences cxbench's messages. */
static inline void fuzz_setup(int with_profiles)
{
	cJSON_Hooks hooks = { xmalloc, free };
	char *dir, *path;

	/* main()'s own set-up: both libraries allocate through mem.c */
	cJSON_InitHooks(&hooks);
	xmlMemSetup(free, xmalloc, xrealloc, xstrdup);
	dir = fuzz_data_dir();
	path = xasprintf("%s/profiles/catalog.json", dir);
	if (catalog_load(path, &fuzz_cat) != CX_OK) {
		fprintf(stderr, "fuzz: cannot load %s (set CXBENCH_DATA to the source "
			"tree)\n", path);
		exit(1);
	}
	free(path);
	if (with_profiles) {
		path = xasprintf("%s/profiles", dir);
		fuzz_ctx.cat = fuzz_cat;
		if (profile_load_dir(fuzz_cat, path, &fuzz_ctx.profiles) != CX_OK ||
		    selection_parse(&fuzz_ctx, "all,frontier", NULL, &fuzz_sel) != CX_OK) {
			fprintf(stderr, "fuzz: cannot load the profiles in %s\n", path);
			exit(1);
		}
		free(path);
	}
	free(dir);
	fuzz_null = fopen("/dev/null", "w");
	if (!fuzz_null)
		exit(1);
	stderr = fuzz_null;
	stdout = fuzz_null; /* the commands' output, for those run whole */
}

/* For the harnesses that run a whole command on a file: an in-memory file
 * (memfd) the command opens by its /proc path, refilled per input. */
static int fuzz_fd = -1;
static char fuzz_path[64];

static inline void fuzz_file_setup(void)
{
	fuzz_fd = memfd_create("fuzz-input", 0);
	if (fuzz_fd < 0) {
		perror("fuzz: memfd_create");
		exit(1);
	}
	snprintf(fuzz_path, sizeof fuzz_path, "/proc/self/fd/%d", fuzz_fd);
}

static inline void fuzz_file_fill(const void *data, size_t size)
{
	if (ftruncate(fuzz_fd, 0) != 0 ||
	    (size && pwrite(fuzz_fd, data, size, 0) != (ssize_t)size)) {
		perror("fuzz: writing the input file");
		abort();
	}
}

/* Runs cmd(argc, argv) as main() would, getopt started afresh.  With
 * FUZZ_SHOW_ARGS set, the command line goes to fd 2 first and the
 * command's messages follow it there (to turn a crash into a test case). */
static inline int fuzz_command(int (*cmd)(int, char **), int argc, char **argv)
{
	static FILE *real_stderr;
	int i, rc;

	if (getenv("FUZZ_SHOW_ARGS")) {
		if (!real_stderr) {
			real_stderr = fdopen(dup(2), "w");
			setvbuf(real_stderr, NULL, _IONBF, 0); /* before a crash */
		}
		stderr = real_stderr;
		fputs("fuzz: cxbench", stderr);
		for (i = 0; i < argc; i++)
			fprintf(stderr, " '%s'", argv[i]);
		fputc('\n', stderr);
	}
	optind = 0;
	rc = cmd(argc, argv);
	if (real_stderr) {
		fprintf(real_stderr, "fuzz: exit %d\n", rc);
		fflush(real_stderr);
	}
	return rc;
}
#endif
