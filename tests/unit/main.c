/* The unit-test runner: the counters and helpers of check.h, and main(),
 * which runs every test function and prints one summary line. */
#include "check.h"
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int check_passed, check_failed;
const char *check_test = "";

static int report(int ok, const char *file, int line)
{
	if (ok) {
		check_passed++;
		return 1;
	}
	check_failed++;
	fprintf(stderr, "%s:%d: FAIL in %s: ", file, line, check_test);
	return 0;
}

int check_true(int ok, const char *expr, const char *file, int line)
{
	if (report(ok, file, line))
		return 1;
	fprintf(stderr, "CHECK(%s)\n", expr);
	return 0;
}

int check_near(double a, double b, double tol, const char *ea, const char *eb,
	       const char *file, int line)
{
	int ok = !isnan(a) && !isnan(b) && fabs(a - b) <= tol;
	if (report(ok, file, line))
		return 1;
	fprintf(stderr, "CHECK_NEAR(%s, %s, %g): %.10g vs %.10g (diff %.3g)\n", ea,
		eb, tol, a, b, a - b);
	return 0;
}

int check_nan(double a, const char *ea, const char *file, int line)
{
	if (report(isnan(a), file, line))
		return 1;
	fprintf(stderr, "CHECK_NAN(%s): %.10g is not NaN\n", ea, a);
	return 0;
}

int check_str(const char *a, const char *b, const char *ea, const char *eb,
	      const char *file, int line)
{
	int ok = (!a && !b) || (a && b && strcmp(a, b) == 0);
	if (report(ok, file, line))
		return 1;
	fprintf(stderr, "CHECK_STR(%s, %s): %s%s%s vs %s%s%s\n", ea, eb,
		a ? "\"" : "", a ? a : "NULL", a ? "\"" : "",
		b ? "\"" : "", b ? b : "NULL", b ? "\"" : "");
	return 0;
}

int check_long(long a, long b, const char *ea, const char *eb, const char *file,
	       int line)
{
	if (report(a == b, file, line))
		return 1;
	fprintf(stderr, "CHECK_INT(%s, %s): %ld vs %ld\n", ea, eb, a, b);
	return 0;
}

static int saved_stderr = -1;

void quiet_begin(void)
{
	int null = open("/dev/null", O_WRONLY);
	(void)fflush(stderr); /* stderr is unbuffered: nothing to lose */
	saved_stderr = dup(2);
	if (null >= 0) {
		dup2(null, 2);
		close(null);
	}
}

void quiet_end(void)
{
	(void)fflush(stderr); /* stderr is unbuffered: nothing to lose */
	if (saved_stderr >= 0) {
		dup2(saved_stderr, 2);
		close(saved_stderr);
		saved_stderr = -1;
	}
}

char *temp_dir_new(void)
{
	const char *tmp = getenv("TMPDIR");
	char *dir = malloc(4096);
	snprintf(dir, 4096, "%s/cxbench-unit.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		exit(2);
	}
	return dir;
}

void remove_tree(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[4096];

	if (!d)
		return;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		unlink(path);
	}
	closedir(d);
	rmdir(dir);
}

char *write_file(const char *dir, const char *name, const char *text)
{
	char *path = malloc(4096);
	FILE *f;

	snprintf(path, 4096, "%s/%s", dir, name);
	f = fopen(path, "wb");
	if (!f || fputs(text, f) == EOF || fclose(f) != 0) {
		perror(path);
		exit(2);
	}
	return path;
}

/* Every test function, in the order they run. */
#define TESTS(X)                      \
	X(test_metric_score)          \
	X(test_metric_gap)            \
	X(test_metric_moe)            \
	X(test_gap_compute)           \
	X(test_gap_partial_reference) \
	X(test_gap_frontier_unselected) \
	X(test_frontier_ties)         \
	X(test_period_parse)          \
	X(test_period_order)          \
	X(test_csv_basic)             \
	X(test_csv_quoted)            \
	X(test_csv_line_endings)      \
	X(test_csv_errors)            \
	X(test_csv_number)            \
	X(test_catalog_lookup)        \
	X(test_catalog_suggest)       \
	X(test_metric_check_value)    \
	X(test_load_files)            \
	X(test_load_errors)           \
	X(test_gap_priority_float_tie) \
	X(test_lsq_slope)             \
	X(test_obs_change_moe)        \
	X(test_trend_history)         \
	X(test_trend_upto)            \
	X(test_trend_projection)      \
	X(test_trend_change_moe)      \
	X(test_history_window)        \
	X(test_history_load)          \
	X(test_timestamp_parse)       \
	X(test_agg_percentile)        \
	X(test_agg_stats_sums)        \
	X(test_strmap_add_find)       \
	X(test_strmap_prefixes)       \
	X(test_strmap_growth)

#define DECLARE(name) void name(void);
TESTS(DECLARE)

int main(void)
{
#define RUN(name)            \
	check_test = #name;  \
	name();
	TESTS(RUN)
	printf("unit: %d passed, %d failed\n", check_passed, check_failed);
	return check_failed ? 1 : 0;
}
