/* listen's category queries (query.h), run the way listen runs them: a
 * one-signal lexicon, a scan, one turn; and their parse errors. */
#include "check.h"
#include "listen/lexicon.h"
#include "listen/query.h"
#include "listen/scan.h"
#include <stdio.h>
#include <string.h>

/* The words a query matches in a turn of `speaker` (NULL: the customer),
 * "" when it matches none; scope is the signal's "speaker". */
static const char *match_lang(const char *lang, const char *query, const char *scope,
			      const char *speaker, const char *text)
{
	static char words[200];
	char json[600];
	struct lexicon *lx = NULL;
	struct scan *S;
	struct turn t = { 0 };

	snprintf(json, sizeof json, "{\"signals\": {\"churn_signal\": {\"speaker\": \"%s\","
		 " \"queries\": [\"%s\"]}}}", scope, query);
	if (lexicon_from_text("q.json", lang, json, strlen(json), &lx) != 0)
		return "(parse error)";
	S = scan_new(lx, 1);
	t.contact = "c1";
	t.speaker = speaker ? speaker : "customer";
	t.text = text;
	t.len = strlen(text);
	scan_turn(S, &t);
	snprintf(words, sizeof words, "%s", S->convos[0].quotes ?
		 S->convos[0].quotes[SIG_CHURN].words : "");
	scan_free(S);
	lexicon_free(lx);
	return words;
}

static const char *match_as(const char *query, const char *scope, const char *speaker,
			    const char *text)
{
	return match_lang("xx", query, scope, speaker, text);
}

static const char *match(const char *query, const char *text)
{
	return match_as(query, "customer", NULL, text);
}

void test_query_words_and_stems(void)
{
	/* whole words, any case, punctuation between words ignored */
	CHECK_STR(match("speak to a human", "Can I SPEAK to a human, please?"),
		  "SPEAK to a human");
	CHECK_STR(match("speak to a human", "speak... to a -- human"), "speak... to a -- human");
	CHECK_STR(match("speak to a human", "speak to human"), "");
	CHECK_STR(match("again", "I am against it"), "");
	CHECK_STR(match("cancel*", "they precancelled it"), "");
	CHECK_STR(match("cancel*", "Cancelling now"), "Cancelling");
	/* stems across Cyrillic case forms, capitals folded */
	CHECK_STR(match("чека*", "Я ЧЕКАЮ вже годину"), "ЧЕКАЮ");
	CHECK_STR(match("чека*", "ми чекали"), "чекали");
	CHECK_STR(match("чека*", "очікування"), "");
	CHECK_STR(match("ждал*", "Ждала, ждала"), "Ждала");
	CHECK_STR(match("ждал*", "ожидал"), "");
	CHECK_STR(match("годин*", "пів ГОДИНИ"), "ГОДИНИ");
	/* ё is е, both ways */
	CHECK_STR(match("ещё", "еще раз"), "еще");
	CHECK_STR(match("еще", "ЕЩЁ раз"), "ЕЩЁ");
	/* an apostrophe inside a word, in any of its forms */
	CHECK_STR(match("don't", "I DON’T know"), "DON’T");
	CHECK_STR(match("з'єднайте", "зʼєднайте мене"), "зʼєднайте");
	CHECK_STR(match("don't", "I dont know"), "");
	/* alternatives, a row of groups, quotes */
	CHECK_STR(match("(talk | speak) to (a human | someone)", "let me talk to someone"),
		  "talk to someone");
	CHECK_STR(match("bot OR robot", "a robot"), "robot");
	CHECK_STR(match("\\\"real person\\\"", "a REAL person"), "REAL person");
}

void test_query_windows(void)
{
	/* NEAR/n: within n words, either order; n 3 reaches the third word */
	CHECK_STR(match("waited NEAR/3 hour*", "waited for an hour"), "waited for an hour");
	CHECK_STR(match("waited NEAR/3 hour*", "waited for nearly an hour"), "");
	CHECK_STR(match("waited NEAR/3 hour*", "an hour I waited"), "hour I waited");
	CHECK_STR(match("чека* NEAR/6 (годин* | пів)", "Я чекаю на лінії вже пів години"),
		  "чекаю на лінії вже пів");
	/* BEFORE/n keeps the order, AFTER/n the other one */
	CHECK_STR(match("cancel* BEFORE/2 contract", "cancel the contract"),
		  "cancel the contract");
	CHECK_STR(match("cancel* BEFORE/2 contract", "the contract, cancel it"), "");
	CHECK_STR(match("cancel* AFTER/2 contract", "the contract, cancel it"),
		  "contract, cancel");
	CHECK_STR(match("cancel* AFTER/2 contract", "cancel the contract"), "");
	/* a word never pairs with itself */
	CHECK_STR(match("hold NEAR/2 hold", "on hold"), "");
	CHECK_STR(match("hold NEAR/2 hold", "hold, hold on"), "hold, hold");
}

void test_query_negation(void)
{
	const char *churn = "cancel* NOT AFTER/3 (don't | not | never)";

	/* the negation just before, within the window */
	CHECK_STR(match(churn, "I don't want to cancel"), "");
	CHECK_STR(match(churn, "I don't know, I will cancel"), "cancel");
	CHECK_STR(match(churn, "I will cancel, not kidding"), "cancel");
	/* only the negated occurrence is dropped */
	CHECK_STR(match(churn, "not to cancel? no: cancel it"), "cancel");
	/* NOT BEFORE/n: another meaning right after */
	CHECK_STR(match("cancel* NOT BEFORE/2 order*", "cancel my order"), "");
	CHECK_STR(match("cancel* NOT BEFORE/2 order*", "cancel my plan"), "cancel");
	/* NOT NEAR/n: either side, or the same word */
	CHECK_STR(match("data NOT NEAR/2 plan", "my data plan"), "");
	CHECK_STR(match("data NOT NEAR/2 plan", "plan my data"), "");
	CHECK_STR(match("data NOT NEAR/2 plan", "plan for my data"), "data");
	/* AND and NOT: the whole turn */
	CHECK_STR(match("refund AND week*", "a refund? weeks now"), "refund");
	CHECK_STR(match("refund AND week*", "a refund"), "");
	CHECK_STR(match("refund NOT thanks", "a refund, thanks"), "");
	CHECK_STR(match("refund NOT thanks", "a refund"), "refund");
}

void test_query_speaker_scope(void)
{
	CHECK_STR(match_as("cancel*", "customer", "agent", "you can cancel anytime"), "");
	CHECK_STR(match_as("cancel*", "customer", "Caller", "I cancel"), "cancel");
	CHECK_STR(match_as("cancel*", "agent", "agent", "you can cancel anytime"), "cancel");
	CHECK_STR(match_as("cancel*", "agent", "customer", "I cancel"), "");
	CHECK_STR(match_as("cancel*", "any", "agent", "you can cancel"), "cancel");
	CHECK_STR(match_as("cancel*", "any", "customer", "I cancel"), "cancel");
}

static const char *parse_error(const char *src, size_t *at)
{
	struct terms ts = { 0 };
	struct query q;
	const char *err = NULL;

	*at = 99;
	if (query_parse(src, &ts, &q, &err, at) == 0) {
		query_release(&q);
		err = NULL;
	}
	terms_release(&ts);
	return err;
}

void test_query_parse_errors(void)
{
	size_t at;

	CHECK(parse_error("(a | b", &at) != NULL);
	CHECK_INT(at, 0);
	CHECK(parse_error("a | b)", &at) != NULL);
	CHECK_INT(at, 5);
	CHECK(parse_error("a NEAR/0 b", &at) != NULL);
	CHECK(parse_error("a NEAR/51 b", &at) != NULL);
	CHECK(parse_error("a NEAR/50 b", &at) == NULL);
	CHECK(parse_error("a NEAR/x b", &at) != NULL);
	CHECK(parse_error("ab*", &at) != NULL);
	CHECK(parse_error("abc*", &at) == NULL);
	CHECK(parse_error("жда*", &at) == NULL); /* three letters, six bytes */
	CHECK(parse_error("*", &at) != NULL);
	CHECK(parse_error("a*b", &at) != NULL);
	CHECK(parse_error("\"\"", &at) != NULL);
	CHECK(parse_error("\"open", &at) != NULL);
	CHECK(parse_error("a NEAR/2", &at) != NULL);
	CHECK(parse_error("a AND", &at) != NULL);
	CHECK(parse_error("NOT a", &at) != NULL);
	CHECK(parse_error("", &at) != NULL);
	CHECK(parse_error("!!!", &at) != NULL);
	CHECK_INT(at, 0);
	CHECK(parse_error("a NOT NEAR/3 b NOT c", &at) == NULL);
}

void test_query_triggers(void)
{
	struct terms ts = { 0 };
	struct query q;
	const char *err;
	size_t at;

	/* a row is tried where its rarest part is: the longer words */
	CHECK_INT(query_parse("to (a human | a person)", &ts, &q, &err, &at), 0);
	CHECK_INT(q.ntrigger, 2);
	CHECK_STR(ts.pattern[q.trigger[0]], " human ");
	CHECK_STR(ts.pattern[q.trigger[1]], " person ");
	query_release(&q);
	/* a negation's right side never triggers */
	CHECK_INT(query_parse("cancel* NOT AFTER/3 understand", &ts, &q, &err, &at), 0);
	CHECK_INT(q.ntrigger, 1);
	CHECK_STR(ts.pattern[q.trigger[0]], " cancel");
	query_release(&q);
	terms_release(&ts);
}

void test_query_numbers(void)
{
	CHECK_STR(match("# (minutes | hours)", "for 40 minutes now"), "40 minutes");
	CHECK_STR(match("# (minutes | hours)", "for forty minutes"), "");
	CHECK_STR(match("# (minutes | hours)", "for 4o minutes"), "");
	CHECK_STR(match("waited NEAR/3 #", "waited 2 days"), "waited 2");
}

void test_query_languages(void)
{
	/* a language's queries apply to turns written in it */
	CHECK_STR(match_lang("uk", "оператор*", "customer", NULL, "дайте оператора"),
		  "оператора");
	CHECK_STR(match_lang("ru", "оператор*", "customer", NULL, "дайте оператора"),
		  "оператора");
	/* Ukrainian and Russian told apart by their own letters */
	CHECK_STR(match_lang("uk", "оператор*", "customer", NULL, "оператора, быстро"), "");
	CHECK_STR(match_lang("ru", "оператор*", "customer", NULL, "оператора, будь ласка, "
			     "з'єднайте"), "");
	CHECK_STR(match_lang("ru", "оператор*", "customer", NULL, "оператора, быстро"),
		  "оператора");
	/* Latin and Cyrillic */
	CHECK_STR(match_lang("en", "operator*", "customer", NULL, "operator please"),
		  "operator");
	CHECK_STR(match_lang("en", "bot", "customer", NULL, "цей bot нічого не розуміє"), "");
	CHECK_STR(match_lang("uk", "бот*", "customer", NULL, "the бот is useless"), "");
}
