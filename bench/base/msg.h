/* msg: every message cxbench prints to stderr goes through here, in one
 * format: "cxbench: FILE:LINE: what is wrong".  The status codes are the
 * process exit codes of the command-line contract. */
#ifndef CX_MSG_H
#define CX_MSG_H

enum cx_status { CX_OK = 0, CX_EINPUT = 1, CX_EUSAGE = 2, CX_EIO = 3 };

void msg_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* line <= 0 leaves the line out; file NULL leaves the file out. */
void msg_at(const char *file, long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void msg_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* What cxbench chose for the user ("FILE: read with import profile ..."):
 * one line, never counted among the problems. */
void msg_note(const char *file, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* msg_at() prints the first 20 problems and counts the others; this says
 * how many were not shown, if any (main calls it after the command). */
void msg_summary(void);
#endif
