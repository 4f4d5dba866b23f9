#include "report/palette.h"
#include "base/hash.h"
#include <stdlib.h>
#include <string.h>

/* For profiles without a colour of their own (pulled or imported ones):
 * darker tones of a categorical palette, each >= 3:1 on white and unlike
 * the company's navy and the frontier's black. */
static const unsigned fallback[] = { 0x3b6ea5, 0xb4561f, 0x3d8139, 0xb8383d,
	0x7b5aa6, 0x2a7f7a, 0x9a6b12, 0xa0407a, 0x5f6f20, 0x6a5acd };
#define NFALLBACK (sizeof fallback / sizeof *fallback)

unsigned palette_ref(const struct profile *p)
{
	if (p->is_frontier)
		return PALETTE_FRONTIER;
	if (p->colour[0] == '#')
		return (unsigned)strtoul(p->colour + 1, NULL, 16);
	if (p->is_sector)
		return PALETTE_SECTOR;
	return fallback[hash64(p->id, strlen(p->id)) % NFALLBACK];
}
