/* check: a tiny assertion framework for the unit tests.  Each CHECK_*
 * macro counts one pass or one failure; a failure prints file:line, the
 * expression and the values.  main.c defines the counters and runs every
 * test function; it ends with "unit: N passed, N failed". */
#ifndef CX_TEST_CHECK_H
#define CX_TEST_CHECK_H
#include <math.h>
#include <stddef.h>

extern int check_passed, check_failed;
extern const char *check_test; /* the test function being run */

int check_true(int ok, const char *expr, const char *file, int line);
int check_near(double a, double b, double tol, const char *ea, const char *eb,
	       const char *file, int line);
int check_nan(double a, const char *ea, const char *file, int line);
int check_str(const char *a, const char *b, const char *ea, const char *eb,
	      const char *file, int line);
int check_long(long a, long b, const char *ea, const char *eb, const char *file,
	       int line);

/* cond must be true. */
#define CHECK(cond) check_true(!!(cond), #cond, __FILE__, __LINE__)
/* |a - b| <= tol; a NaN on either side fails (use CHECK_NAN for NaN). */
#define CHECK_NEAR(a, b, tol) \
	check_near((a), (b), (tol), #a, #b, __FILE__, __LINE__)
/* a is NaN. */
#define CHECK_NAN(a) check_nan((a), #a, __FILE__, __LINE__)
/* Equal strings; NULL equals only NULL. */
#define CHECK_STR(a, b) check_str((a), (b), #a, #b, __FILE__, __LINE__)
/* Equal integers (compared as long), both printed on failure. */
#define CHECK_INT(a, b) check_long((long)(a), (long)(b), #a, #b, __FILE__, __LINE__)

/* Helpers shared by the test files (main.c). */
/* Sends stderr to /dev/null until quiet_end(): for calls expected to fail
 * and print a message. */
void quiet_begin(void);
void quiet_end(void);
/* A fresh temporary directory (caller frees the string; remove_tree
 * deletes it). */
char *temp_dir_new(void);
void remove_tree(const char *dir);
/* Writes text to dir/name; returns the path (caller frees). */
char *write_file(const char *dir, const char *name, const char *text);
#endif
