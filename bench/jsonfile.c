#include "jsonfile.h"
#include "msg.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

int json_parse_input(const struct input *in, cJSON **root)
{
	const char *end = NULL;
	/* cJSON checks for the terminating NUL inside the length it is given;
	 * input_read() guarantees one at data[len] and none before. */
	cJSON *tree = cJSON_ParseWithLengthOpts(in->data, in->len + 1, &end, 1);
	long line, col;

	if (tree) {
		*root = tree;
		return CX_OK;
	}
	input_position(in, end ? (size_t)(end - in->data) : 0, &line, &col);
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
