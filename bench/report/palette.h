/* palette: the colour of everyone a chart draws, the same in every report
 * whatever the order of --against: the company and the frontier have
 * their own, a sector a neutral grey, a brand the colour its profile
 * declares ("colour") or else one of a fallback palette picked by a hash
 * of its id, never by its place in the list.  Every colour here has at
 * least 3:1 contrast on white (WCAG's rule for lines and marks). */
#ifndef CX_PALETTE_H
#define CX_PALETTE_H
#include "core/profile.h"

#define PALETTE_COMPANY 0x1b2f4eu
#define PALETTE_FRONTIER 0x111111u
#define PALETTE_SECTOR 0x8c8c8cu
#define PALETTE_BEHIND 0xc0392bu
#define PALETTE_AHEAD 0x2b7a4bu

/* 0xRRGGBB */
unsigned palette_ref(const struct profile *p);
#endif
