#include "jsonfile.h"
#include "msg.h"
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

static int has_control(const char *s)
{
	for (; s && *s; s++)
		if ((unsigned char)*s < 0x20)
			return 1;
	return 0;
}

/* JSON forbids raw control characters in strings (a line break must be
 * written \n); cJSON lets them through, so look for them after parsing. */
static int control_char_free(const char *file, const cJSON *item, const char *path)
{
	const cJSON *child;
	char sub[256];
	size_t i = 0;

	if (has_control(item->valuestring) || has_control(item->string)) {
		msg_at(file, 0, "%s: control character in a string (write it escaped, "
		       "e.g. \\n)", *path ? path : "(top level)");
		return 0;
	}
	cJSON_ArrayForEach(child, item) {
		if (cJSON_IsObject(item))
			snprintf(sub, sizeof sub, "%s%s%.100s", path, *path ? "." : "",
				 has_control(child->string) ? "(key)" : child->string);
		else
			snprintf(sub, sizeof sub, "%.140s[%zu]", path, i);
		i++;
		if (!control_char_free(file, child, sub))
			return 0;
	}
	return 1;
}

int json_parse_input(const struct input *in, cJSON **root)
{
	const char *end = NULL;
	/* cJSON checks for the terminating NUL inside the length it is given;
	 * input_read() guarantees one at data[len] and none before. */
	cJSON *tree = cJSON_ParseWithLengthOpts(in->data, in->len + 1, &end, 1);
	long line, col;

	if (tree && control_char_free(in->name, tree, "")) {
		*root = tree;
		return CX_OK;
	}
	if (tree) {
		cJSON_Delete(tree);
		return CX_EINPUT;
	}
	input_position(in, error_offset(in, end), &line, &col);
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

int json_check_keys(const char *file, const char *path, const cJSON *obj,
		    const char *const *allowed)
{
	const cJSON *item, *prev;
	int errors = 0;
	size_t i;

	cJSON_ArrayForEach(item, obj) {
		int known = 0;
		for (i = 0; allowed[i]; i++)
			known |= strcmp(allowed[i], item->string) == 0;
		if (!known) {
			msg_at(file, 0, "%s%s%s: unknown field", path, sep(path),
			       item->string);
			errors++;
			continue;
		}
		for (prev = obj->child; prev != item; prev = prev->next) {
			if (strcmp(prev->string, item->string) == 0) {
				msg_at(file, 0, "%s%s%s: duplicate field", path,
				       sep(path), item->string);
				errors++;
				break;
			}
		}
	}
	return errors;
}
