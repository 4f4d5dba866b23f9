/* utf16: text exports written in UTF-16 (Google Play's review reports,
 * spreadsheets saved as "Unicode text") read as the UTF-8 every reader
 * expects.  A file is sniffed by its first bytes; one in UTF-16 is copied,
 * converted, into a temporary file without a name, which its reader then
 * reads like any other (streamed: memory stays one block). */
#ifndef CX_UTF16_H
#define CX_UTF16_H
#include <stddef.h>

enum utf16 { UTF16_NONE, UTF16_LE, UTF16_BE };

/* What the first n bytes say: a byte-order mark, or (without one) a NUL
 * beside each of the first two characters, as ASCII text has in UTF-16. */
enum utf16 utf16_sniff(const unsigned char *p, size_t n);

/* The UTF-8 of the UTF-16 units at in[0..n) into out, which holds at
 * least n / 2 * 3 bytes; *used is how many input bytes were taken (a unit
 * or surrogate pair cut by the end is left for the next call).  The bytes
 * written, or -1 at a unit that is not text (a lone surrogate, a NUL),
 * with *used its offset. */
long utf16_decode(const unsigned char *in, size_t n, enum utf16 order, char *out,
		  size_t *used);

/* Copies fd (read from its start, a byte-order mark left out) into a new
 * temporary file as UTF-8: CX_OK and *out, a descriptor open for reading
 * whose file is already unlinked (closing it frees it); or an error status
 * after a message naming `name` and, for text that is not UTF-16, the
 * byte offset. */
int utf16_to_utf8(int fd, enum utf16 order, const char *name, int *out);
#endif
