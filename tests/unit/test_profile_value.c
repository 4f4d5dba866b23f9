/* Unit tests for quote_holds (profile_value.c): does a source's quote
 * hold the number a profile gives? */
#include "check.h"
#include "core/profile.h"

void test_profile_quote_holds(void)
{
	CHECK(quote_holds("an average score of 4.5 out of 5", 4.5));
	CHECK(!quote_holds("an average score of 14.5 out of 5", 4.5));
	/* the thousands grouped as a source writes them */
	CHECK(quote_holds("rated 1,254 times", 1254));
	CHECK(quote_holds("12,500,000 calls a year", 12500000));
	CHECK(!quote_holds("12,500,001 calls a year", 12500000));
	/* too large for a long long: only the plain form, and no overflow
	 * (the fuzz harness found 1.2e20 converted out of range) */
	CHECK(!quote_holds("about 120,333,000,000,000,000,000", 1.20333e20));
	CHECK(quote_holds("about 1.20333e+20 of them", 1.20333e20));
}
