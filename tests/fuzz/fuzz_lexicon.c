/* fuzz_lexicon: a lexicon file of category queries
 * (profiles/lexicons/LANG.json).  The text goes through
 * lexicon_from_text(); a lexicon that loads is run over a few turns
 * customers and agents may say, so that its queries meet real text:
 * Cyrillic, apostrophes, repeated words, long turns, bytes that are not
 * UTF-8. */
#include "fuzz.h"
#include "listen/lexicon.h"
#include "listen/scan.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_setup(0);
	return 0;
}

static void use(const struct lexicon *lx)
{
	static const char *const turns[] = { "", "I don't want to cancel my contract",
		"Я чекаю на лінії вже пів години, з'єднайте з оператором",
		"Жду, жду, ЖДУ ещё час! оператор оператор оператор",
		"hold hold hold hold hold on hold for an hour hour hour",
		"\xff\xfe bad \xd0 bytes \xe2\x80 end", "a b c d e f g h i j k l m n o p" };
	struct scan *S = scan_new(lx, 1);
	struct turn t = { 0 };
	size_t i;

	for (i = 0; i < sizeof turns / sizeof *turns; i++) {
		t.contact = i % 2 ? "c1" : "c2";
		t.speaker = i % 3 ? "customer" : "agent";
		t.text = turns[i];
		t.len = strlen(turns[i]);
		scan_turn(S, &t);
	}
	scan_free(S);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lexicon *lx = NULL;
	char *text = malloc(size + 1);

	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	if (lexicon_from_text("fuzz.json", "xx", text, size, &lx) == CX_OK)
		use(lx);
	lexicon_free(lx);
	free(text);
	return 0;
}
