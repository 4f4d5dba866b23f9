#include "base/textfmt.h"
#include <math.h>
#include <string.h>

const char *fmt_num(char *buf, double v, int decimals)
{
	char *dot, *end;

	if (isnan(v))
		return strcpy(buf, "-");
	snprintf(buf, 32, "%.*f", decimals, v);
	dot = strchr(buf, '.');
	if (dot) {
		end = buf + strlen(buf) - 1;
		while (end > dot && *end == '0')
			*end-- = '\0';
		if (end == dot)
			*end = '\0';
	}
	if (strcmp(buf, "-0") == 0)
		strcpy(buf, "0");
	return buf;
}

const char *fmt_signed(char *buf, double v, int decimals)
{
	fmt_num(buf + 1, v, decimals);
	if (isnan(v) || buf[1] == '-' || strcmp(buf + 1, "0") == 0)
		return buf + 1;
	buf[0] = '+';
	return buf;
}

size_t text_width(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

void put_padded(FILE *f, const char *s, size_t width, int align)
{
	size_t w = text_width(s);
	size_t pad = w < width ? width - w : 0;

	if (align > 0)
		fprintf(f, "%*s", (int)pad, "");
	fputs(s, f);
	if (align < 0)
		fprintf(f, "%*s", (int)pad, "");
}
