/* profile_pack: `profiles pull`.  A pack is a JSON list of profiles (a
 * path, - or an http(s) URL); it is written into the user's profile
 * directory (user_profile_dir()) only when every profile in it is valid
 * and none takes the id of a bundled one, so pulling again updates an
 * earlier pull and never shadows the bundled references. */
#ifndef CX_PROFILE_PACK_H
#define CX_PROFILE_PACK_H
#include <stdio.h>
#include "core/context.h"

/* Loads ctx's catalog and profiles, checks the pack and writes one file
 * per profile, naming each on `written`; CX_OK or an error status after
 * a message. */
int profile_pack_pull(struct context *ctx, const char *source, FILE *written);
#endif
