#include "core/profile_pack.h"
#include "base/atomic.h"
#include "base/json_out.h"
#include "base/mem.h"
#include "base/msg.h"
#include "io/input.h"
#include "io/jsonfile.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* A pack is written only when every profile in it is valid and none
 * takes the id of a bundled one (pulling again updates earlier pulls). */
static int check_pack(const struct context *ctx, const char *name, const cJSON *root,
		      struct profile_set *pack)
{
	const cJSON *item;
	char *where;
	size_t i = 0, k;
	int rc = CX_OK, one;

	if (!cJSON_IsArray(root) || !root->child) {
		msg_at(name, 0, "expected a JSON list of profiles");
		return CX_EINPUT;
	}
	cJSON_ArrayForEach(item, root) {
		where = xasprintf("%s[%zu]", name, i++);
		one = profile_from_json(ctx->cat, where, item, pack);
		rc = one > rc ? one : rc;
		free(where);
	}
	for (k = 0; rc == CX_OK && k < pack->n; k++) {
		const struct profile *old = profile_find(&ctx->profiles, pack->items[k]->id);
		char *mine = user_profile_dir();
		if (old && strncmp(old->origin, mine, strlen(mine)) != 0) {
			msg_at(pack->items[k]->origin, 0, "id: profile '%s' is already "
			       "defined by '%s'", old->id, old->origin);
			rc = CX_EINPUT;
		}
		free(mine);
	}
	return rc;
}

static int write_pack(const cJSON *root, const struct profile_set *pack, FILE *written)
{
	char *dir = user_profile_dir(), *path;
	const cJSON *item = root->child;
	size_t k;
	int rc = make_dirs(dir) < 0 ? CX_EIO : CX_OK;

	if (rc != CX_OK)
		msg_at(dir, 0, "cannot create the profile directory: %s", strerror(errno));
	for (k = 0; rc == CX_OK && k < pack->n; k++, item = item->next) {
		path = xasprintf("%s/%s.json", dir, pack->items[k]->id);
		rc = json_save(item, path);
		if (rc == CX_OK)
			fprintf(written, "%s: %s (%s)\n", path, pack->items[k]->id,
				pack->items[k]->brand);
		free(path);
	}
	free(dir);
	return rc;
}

int profile_pack_pull(struct context *ctx, const char *source, FILE *written)
{
	struct profile_set pack = { 0 };
	struct input in;
	cJSON *root = NULL;
	int rc = context_load(ctx, 1);

	memset(&in, 0, sizeof in);
	if (rc == CX_OK)
		rc = input_read(source, &in);
	if (rc == CX_OK)
		rc = json_parse_input(&in, &root);
	if (rc == CX_OK)
		rc = check_pack(ctx, in.name, root, &pack);
	if (rc == CX_OK)
		rc = write_pack(root, &pack, written);
	profile_set_release(&pack);
	cJSON_Delete(root);
	input_release(&in);
	return rc;
}
