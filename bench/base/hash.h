/* hash: the one string hash, 64 bits, shared by the aggregate engine (customer
 * keys of repeat detection) and the hash tables (strmap.h). */
#ifndef CX_HASH_H
#define CX_HASH_H
#include <stddef.h>
#include <stdint.h>

uint64_t hash64(const char *s, size_t len);
#endif
