/* fuzz_company_csv: a company file in CSV (cxbench compare FILE.csv). */
#include "fuzz_company.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_setup(1);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_company("fuzz.csv", data, size);
}
