/* fuzz_company_xml: a company file in XML (cxbench compare FILE.xml). */
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
	return fuzz_company("fuzz.xml", data, size);
}
