#include "io/jsonfile.h"
#include "base/msg.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

/* cJSON points one byte past a bad object key (its string parser has
 * already stepped over the byte that should have been a quote); point at
 * that byte instead. */
static size_t error_offset(const struct input *in, const char *end)
{
	size_t off = end ? (size_t)(end - in->data) : 0, k;

	if (off == 0 || off > in->len || in->data[off - 1] == '"' ||
	    strchr(" \t\r\n", in->data[off - 1]))
		return off;
	for (k = off - 1; k > 0 && strchr(" \t\r\n", in->data[k - 1]); k--)
		;
	return k > 0 && (in->data[k - 1] == '{' || in->data[k - 1] == ',') ? off - 1 : off;
}

/* JSON forbids raw control characters inside strings (a line break must
 * be written \n), but cJSON lets them through; escaped ones are fine.  So
 * look at the text itself: where does a string literal hold one?  Returns
 * its offset, or -1. */
static long raw_control_in_string(const struct input *in)
{
	int in_string = 0;
	size_t i;

	for (i = 0; i < in->len; i++) {
		unsigned char c = (unsigned char)in->data[i];
		if (!in_string) {
			in_string = c == '"';
		} else if (c == '\\') {
			i++;
		} else if (c == '"') {
			in_string = 0;
		} else if (c < 0x20) {
			return (long)i;
		}
	}
	return -1;
}

/* cJSON refuses arrays and objects nested deeper than CJSON_NESTING_LIMIT
 * (so that a deep document cannot exhaust the stack); 1 when that is why
 * it stopped at offset `off`, to say so rather than "invalid JSON". */
static int too_deep(const struct input *in, size_t off)
{
	size_t i, depth = 0;
	int in_string = 0;

	for (i = 0; i <= off && i < in->len; i++) {
		char c = in->data[i];
		if (in_string && c == '\\')
			i++;
		else if (in_string)
			in_string = c != '"';
		else if (c == '"')
			in_string = 1;
		else if ((c == '[' || c == '{') && ++depth > CJSON_NESTING_LIMIT)
			return 1;
		else if ((c == ']' || c == '}') && depth > 0)
			depth--;
	}
	return 0;
}

int json_parse_input(const struct input *in, cJSON **root)
{
	const char *end = NULL;
	/* cJSON checks for the terminating NUL inside the length it is given;
	 * input_read() guarantees one at data[len] and none before. */
	cJSON *tree = cJSON_ParseWithLengthOpts(in->data, in->len + 1, &end, 1);
	long bad = tree ? raw_control_in_string(in) : -1, line, col;

	if (tree && bad < 0) {
		*root = tree;
		return CX_OK;
	}
	if (tree) {
		cJSON_Delete(tree);
		input_position(in, (size_t)bad, &line, &col);
		msg_at(in->name, line, "control character in a string at column %ld "
		       "(write it escaped, e.g. \\n)", col);
		return CX_EINPUT;
	}
	input_position(in, error_offset(in, end), &line, &col);
	if (too_deep(in, error_offset(in, end)))
		msg_at(in->name, line, "JSON nested more than %d levels deep at column %ld",
		       CJSON_NESTING_LIMIT, col);
	else
		msg_at(in->name, line, "invalid JSON at column %ld", col);
	return CX_EINPUT;
}

const char *json_type_name(const cJSON *item)
{
	if (cJSON_IsString(item))
		return "a string";
	if (cJSON_IsNumber(item))
		return "a number";
	if (cJSON_IsBool(item))
		return "a boolean";
	if (cJSON_IsNull(item))
		return "null";
	if (cJSON_IsArray(item))
		return "an array";
	if (cJSON_IsObject(item))
		return "an object";
	return "nothing";
}

static const char *sep(const char *path)
{
	return path && *path ? "." : "";
}

int json_string(const char *file, const char *path, const cJSON *obj,
		const char *key, int required, const char **out)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);

	if (!item && !required)
		return 1;
	if (!item) {
		msg_at(file, 0, "%s%s%s: missing (a string is required)", path,
		       sep(path), key);
		return -1;
	}
	if (!cJSON_IsString(item)) {
		msg_at(file, 0, "%s%s%s: expected a string, got %s", path,
		       sep(path), key, json_type_name(item));
		return -1;
	}
	*out = item->valuestring;
	return 0;
}

int json_finite(const char *file, const char *path, const cJSON *item,
		double *out)
{
	if (!cJSON_IsNumber(item)) {
		msg_at(file, 0, "%s: expected a number, got %s", path,
		       json_type_name(item));
		return -1;
	}
	if (!isfinite(item->valuedouble)) {
		msg_at(file, 0, "%s: number out of range", path);
		return -1;
	}
	*out = item->valuedouble;
	return 0;
}

int json_number(const char *file, const char *path, const cJSON *obj,
		const char *key, int required, double *out)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);
	char where[512];

	snprintf(where, sizeof where, "%s%s%s", path, sep(path), key);
	if (!item && !required)
		return 1;
	if (!item) {
		msg_at(file, 0, "%s: missing (a number is required)", where);
		return -1;
	}
	return json_finite(file, where, item, out);
}

/* Which allowed keys were seen is a bit mask, so that an object with
 * 100,000 keys takes 100,000 steps, not 100,000 squared (the lists of
 * allowed keys are short). */
int json_check_keys(const char *file, const char *path, const cJSON *obj,
		    const char *const *allowed)
{
	const cJSON *item;
	unsigned long long seen = 0;
	int errors = 0;
	size_t i;

	cJSON_ArrayForEach(item, obj) {
		for (i = 0; allowed[i] && strcmp(allowed[i], item->string) != 0; i++)
			;
		if (!allowed[i]) {
			msg_at(file, 0, "%s%s%s: unknown field", path, sep(path),
			       item->string);
			errors++;
		} else if (i < 64 && (seen >> i & 1)) {
			msg_at(file, 0, "%s%s%s: duplicate field", path, sep(path),
			       item->string);
			errors++;
		} else if (i < 64) {
			seen |= 1ULL << i;
		}
	}
	return errors;
}
