/* voice_load: `listen` output into a struct voice.  Every member the
 * report shows is required and checked here, so that a hand-edited or
 * truncated file is refused with its path named instead of showing up
 * as dashes in the report.  The first problem ends the load: one line. */
#include "report/voice.h"
#include "base/mem.h"
#include "base/msg.h"
#include "io/jsonfile.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A whole number, 0 or more: a count of conversations. */
static int count(const char *file, const char *path, const cJSON *obj,
		 const char *key, double *out)
{
	if (json_number(file, path, obj, key, 1, out) != 0)
		return -1;
	if (*out >= 0 && *out == floor(*out))
		return 0;
	msg_at(file, 0, "%s%s%s: expected a count of conversations (a whole "
	       "number, 0 or more), got %g", path, *path ? "." : "", key, *out);
	return -1;
}

static int share(const char *file, const char *path, const cJSON *obj,
		 double *out)
{
	if (json_number(file, path, obj, "pct", 1, out) != 0)
		return -1;
	if (*out >= 0 && *out <= 100)
		return 0;
	msg_at(file, 0, "%s.pct: expected a share from 0 to 100, got %g", path, *out);
	return -1;
}

static int examples(const char *file, const char *path, const cJSON *obj,
		    struct voice_signal *vs)
{
	const cJSON *list = cJSON_GetObjectItemCaseSensitive(obj, "examples"), *q;

	if (!cJSON_IsArray(list)) {
		msg_at(file, 0, "%s.examples: %s%s", path, list ?
		       "expected an array of quotes, got " : "missing (an array of "
		       "quotes is required)", list ? json_type_name(list) : "");
		return -1;
	}
	vs->examples = xcalloc((size_t)cJSON_GetArraySize(list), sizeof *vs->examples);
	cJSON_ArrayForEach(q, list) {
		if (!cJSON_IsString(q)) {
			msg_at(file, 0, "%s.examples[%zu]: expected a string, got %s",
			       path, vs->nexamples, json_type_name(q));
			return -1;
		}
		vs->examples[vs->nexamples++] = xstrdup(q->valuestring);
	}
	return 0;
}

static int load_signal(const char *file, const cJSON *signals, size_t s,
		       double conversations, struct voice_signal *vs)
{
	const cJSON *one = cJSON_GetObjectItemCaseSensitive(signals, signal_ids[s]);
	char path[64];

	snprintf(path, sizeof path, "signals.%s", signal_ids[s]);
	if (!one && s >= SIG_PROMISE)
		return 0;
	if (!cJSON_IsObject(one)) {
		msg_at(file, 0, "%s: %s%s", path, one ? "expected an object, got " :
		       "missing (every signal of `cxbench listen` is required)",
		       one ? json_type_name(one) : "");
		return -1;
	}
	if (share(file, path, one, &vs->pct) < 0 || count(file, path, one, "n", &vs->n) < 0)
		return -1;
	if (vs->n > conversations) {
		msg_at(file, 0, "%s.n: %g conversations, more than the %g in the file",
		       path, vs->n, conversations);
		return -1;
	}
	vs->present = 1;
	return examples(file, path, one, vs);
}

static int from_json(const char *file, const cJSON *root, struct voice *v)
{
	const cJSON *signals = cJSON_GetObjectItemCaseSensitive(root, "signals");
	size_t s;

	if (!cJSON_IsObject(signals)) {
		msg_at(file, 0, "not the output of `cxbench listen` (no signals)");
		return -1;
	}
	if (count(file, "", root, "conversations", &v->conversations) < 0)
		return -1;
	for (s = 0; s < NSIGNALS; s++)
		if (load_signal(file, signals, s, v->conversations, &v->signals[s]) < 0)
			return -1;
	return 0;
}

int voice_load(const char *path, struct voice **out)
{
	struct input in;
	struct voice *v = NULL;
	cJSON *root = NULL;
	int rc = input_read(path, &in);

	*out = NULL;
	if (rc == CX_OK)
		rc = json_parse_input(&in, &root);
	if (rc == CX_OK) {
		v = xcalloc(1, sizeof *v);
		rc = from_json(in.name, root, v) < 0 ? CX_EINPUT : CX_OK;
	}
	if (rc == CX_OK)
		*out = v;
	else
		voice_free(v);
	cJSON_Delete(root);
	input_release(&in);
	return rc;
}

void voice_free(struct voice *v)
{
	size_t s, i;

	if (!v)
		return;
	for (s = 0; s < NSIGNALS; s++) {
		for (i = 0; i < v->signals[s].nexamples; i++)
			free(v->signals[s].examples[i]);
		free(v->signals[s].examples);
	}
	free(v);
}
