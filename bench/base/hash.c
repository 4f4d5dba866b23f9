#include "base/hash.h"
#include <string.h>

/* A multiply-xorshift mix over 8-byte words: fast on short ids, and its
 * 64 bits make a collision between two customers of one file unlikely
 * enough to use the hash as the key itself. */
uint64_t hash64(const char *s, size_t len)
{
	uint64_t h = 0x9E3779B97F4A7C15ULL ^ len, v;

	while (len >= 8) {
		memcpy(&v, s, 8);
		h = (h ^ v) * 0xBF58476D1CE4E5B9ULL;
		h ^= h >> 31;
		s += 8;
		len -= 8;
	}
	v = 0;
	memcpy(&v, s, len);
	h = (h ^ v) * 0x94D049BB133111EBULL;
	h ^= h >> 29;
	h *= 0xBF58476D1CE4E5B9ULL;
	return h ^ (h >> 32);
}
