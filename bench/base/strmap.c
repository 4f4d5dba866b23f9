#include "base/strmap.h"
#include "base/hash.h"
#include "base/mem.h"
#include <stdlib.h>
#include <string.h>

#define FIRST_CAP 16

/* The slot holding key, or the empty slot where it goes; m->cap > 0.  The
 * hashes are compared first so that a probe rarely reads a key. */
static struct strmap_slot *slot_of(const struct strmap *m, const char *key, uint64_t h)
{
	size_t i = h & (m->cap - 1);

	while (m->slots[i].key && (m->slots[i].hash != h ||
				   strcmp(m->keys + m->slots[i].key - 1, key) != 0))
		i = (i + 1) & (m->cap - 1);
	return &m->slots[i];
}

/* Doubles the slots; the keys stay where they are in m->keys. */
static void grow(struct strmap *m)
{
	size_t cap = m->cap ? m->cap * 2 : FIRST_CAP, i, k;
	struct strmap_slot *slots = xcalloc(cap, sizeof *slots);

	for (i = 0; i < m->cap; i++) {
		if (!m->slots[i].key)
			continue;
		for (k = m->slots[i].hash & (cap - 1); slots[k].key; k = (k + 1) & (cap - 1))
			;
		slots[k] = m->slots[i];
	}
	free(m->slots);
	m->slots = slots;
	m->cap = cap;
}

int strmap_add(struct strmap *m, const char *key, size_t value, size_t *now)
{
	size_t len = strlen(key);
	uint64_t h = hash64(key, len);
	struct strmap_slot *s;
	int added = 0;

	if (m->n * 2 >= m->cap)
		grow(m);
	s = slot_of(m, key, h);
	if (!s->key) {
		xgrow((void **)&m->keys, &m->keys_cap, m->keys_len + len, 1);
		memcpy(m->keys + m->keys_len, key, len + 1);
		s->hash = h;
		s->key = m->keys_len + 1;
		s->value = value;
		m->keys_len += len + 1;
		m->n++;
		added = 1;
	}
	if (now)
		*now = s->value;
	return added;
}

int strmap_find(const struct strmap *m, const char *key, size_t *value)
{
	const struct strmap_slot *s;

	if (!m->cap)
		return 0;
	s = slot_of(m, key, hash64(key, strlen(key)));
	if (s->key && value)
		*value = s->value;
	return s->key != 0;
}

void strmap_release(struct strmap *m)
{
	free(m->slots);
	free(m->keys);
	memset(m, 0, sizeof *m);
}
