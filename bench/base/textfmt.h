/* textfmt: small helpers for human-readable text output: numbers without
 * noise digits, and padding that counts characters, not UTF-8 bytes. */
#ifndef CX_TEXTFMT_H
#define CX_TEXTFMT_H
#include <stdio.h>
#include <stddef.h>

/* At most `decimals` decimals, trailing zeros dropped; "-" for NAN.
 * buf needs 32 bytes. */
const char *fmt_num(char *buf, double v, int decimals);
/* Same with an explicit sign ("+3.2", "-1", "0"); buf needs 33 bytes. */
const char *fmt_signed(char *buf, double v, int decimals);
size_t text_width(const char *s);
/* Prints s left- (align < 0) or right-aligned in `width` characters. */
void put_padded(FILE *f, const char *s, size_t width, int align);
#endif
