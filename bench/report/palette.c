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

/* The profile's own colour, or 0 when it declares none. */
static unsigned declared(const char *colour)
{
	return colour[0] == '#' ? (unsigned)strtoul(&colour[1], NULL, 16) : 0;
}

unsigned palette_ref(const struct profile *p)
{
	unsigned own = declared(p->colour);

	if (p->is_frontier)
		return PALETTE_FRONTIER;
	if (own || p->colour[0] == '#')
		return own;
	if (p->is_sector)
		return PALETTE_SECTOR;
	return fallback[hash64(p->id, strlen(p->id)) % NFALLBACK];
}
