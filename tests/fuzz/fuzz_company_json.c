/* fuzz_company_json: a company file in JSON (cxbench compare FILE.json). */
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
	return fuzz_company("fuzz.json", data, size);
}
