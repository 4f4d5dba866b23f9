/* strmap: the one hash table: string keys to size_t values (an index into
 * the caller's array, a count, or nothing at all for a set).  Open
 * addressing with linear probing over hash64, doubled when half full; the
 * map keeps its own copy of every key, all in one buffer, so adding a key
 * costs no allocation of its own.  Keys are never removed.
 *
 * A map is a plain struct the caller owns: STRMAP_INIT (or all zeros) is
 * an empty map, strmap_release() frees what it holds and leaves it empty. */
#ifndef CX_STRMAP_H
#define CX_STRMAP_H
#include <stddef.h>
#include <stdint.h>

struct strmap_slot {
	uint64_t hash;
	size_t key;   /* offset of the key in keys, plus 1; 0: an empty slot */
	size_t value;
};

struct strmap {
	struct strmap_slot *slots;
	size_t cap, n;  /* slots (a power of two, or 0), keys */
	char *keys;     /* every key with its '\0', one after the other */
	size_t keys_len, keys_cap;
};

#define STRMAP_INIT { NULL, 0, 0, NULL, 0, 0 }

/* Adds key with `value` unless the key is there already: 1 when added, 0
 * when not.  Either way *now (NULL allowed) gets the key's value. */
int strmap_add(struct strmap *m, const char *key, size_t value, size_t *now);
/* 1 and the value in *value (NULL allowed) when key is there, else 0. */
int strmap_find(const struct strmap *m, const char *key, size_t *value);
void strmap_release(struct strmap *m);
#endif
