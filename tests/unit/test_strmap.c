/* strmap.c: the one hash table. */
#include "check.h"
#include "base/strmap.h"
#include <stdio.h>
#include <string.h>

static size_t found(const struct strmap *m, const char *key)
{
	size_t v = (size_t)-1;
	return strmap_find(m, key, &v) ? v : (size_t)-1;
}

void test_strmap_add_find(void)
{
	struct strmap m = STRMAP_INIT;
	size_t now = 99;

	/* an empty map: nothing found, nothing to free */
	CHECK_INT(strmap_find(&m, "a", NULL), 0);
	CHECK_INT(strmap_find(&m, "", &now), 0);
	CHECK_INT(now, 99);
	strmap_release(&m);

	CHECK_INT(strmap_add(&m, "a", 10, &now), 1);
	CHECK_INT(now, 10);
	CHECK_INT(strmap_add(&m, "b", 20, NULL), 1);
	CHECK_INT(m.n, 2);
	CHECK_INT(found(&m, "a"), 10);
	CHECK_INT(found(&m, "b"), 20);
	CHECK(found(&m, "c") == (size_t)-1);

	/* a duplicate keeps the first value and says what it is */
	CHECK_INT(strmap_add(&m, "a", 11, &now), 0);
	CHECK_INT(now, 10);
	CHECK_INT(found(&m, "a"), 10);
	CHECK_INT(m.n, 2);
	CHECK_INT(m.keys_len, 4); /* "a\0b\0": a duplicate stores nothing */

	/* the empty key is a key like any other */
	CHECK_INT(strmap_find(&m, "", NULL), 0);
	CHECK_INT(strmap_add(&m, "", 7, NULL), 1);
	CHECK_INT(strmap_add(&m, "", 8, &now), 0);
	CHECK_INT(now, 7);
	CHECK_INT(found(&m, ""), 7);
	CHECK_INT(m.n, 3);

	/* released: empty again, and usable */
	strmap_release(&m);
	CHECK_INT(m.n, 0);
	CHECK_INT(strmap_find(&m, "a", NULL), 0);
	CHECK_INT(strmap_add(&m, "a", 1, NULL), 1);
	CHECK_INT(found(&m, "a"), 1);
	strmap_release(&m);
}

/* Keys that share a prefix, short ones and ones longer than the 8-byte
 * words hash64 reads, differ only at their end. */
void test_strmap_prefixes(void)
{
	static const char *const keys[] = { "a", "ab", "abc", "abcd", "abcdefgh",
		"abcdefghi", "abcdefgh0", "abcdefgh1", "customer-0001",
		"customer-00010", "customer-0001 ", "Customer-0001" };
	struct strmap m = STRMAP_INIT;
	size_t i, n = sizeof keys / sizeof *keys;

	for (i = 0; i < n; i++)
		CHECK_INT(strmap_add(&m, keys[i], i, NULL), 1);
	CHECK_INT(m.n, 12);
	for (i = 0; i < n; i++)
		CHECK_INT(found(&m, keys[i]), i);
	CHECK(found(&m, "abcdefg") == (size_t)-1);
	CHECK(found(&m, "customer-000") == (size_t)-1);
	CHECK(found(&m, "") == (size_t)-1);
	strmap_release(&m);
}

/* Several thousand keys: every growth keeps every key and value. */
void test_strmap_growth(void)
{
	struct strmap m = STRMAP_INIT;
	char key[32];
	size_t i, now, bad = 0;

	for (i = 0; i < 5000; i++) {
		snprintf(key, sizeof key, "customer-%zu", i);
		bad += strmap_add(&m, key, m.n, &now) != 1 || now != i;
	}
	CHECK_INT(bad, 0);
	CHECK_INT(m.n, 5000);
	/* 16 slots doubled each time 8, 16, ... 4096 keys were there: 16384,
	 * at most half full */
	CHECK_INT(m.cap, 16384);
	/* "customer-" and a '\0' for each, and the digits: 10 keys of one,
	 * 90 of two, 900 of three, 4000 of four */
	CHECK_INT(m.keys_len, 5000 * 10 + 10 + 180 + 2700 + 16000);
	for (i = 0; i < 5000; i++) {
		snprintf(key, sizeof key, "customer-%zu", i);
		bad += found(&m, key) != i;
		bad += strmap_add(&m, key, 123456, &now) != 0 || now != i;
	}
	CHECK_INT(bad, 0);
	CHECK_INT(m.n, 5000);
	CHECK(found(&m, "customer-5000") == (size_t)-1);
	CHECK(found(&m, "customer-") == (size_t)-1);
	CHECK(found(&m, "ustomer-1") == (size_t)-1);
	strmap_release(&m);
}
