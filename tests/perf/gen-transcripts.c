/* gen-transcripts: writes synthetic call and chat transcripts as CSV, one
 * row per turn (contact_id, customer_id, channel, speaker, text), about
 * BYTES bytes, deterministically: everyday lines in English, Ukrainian and
 * Russian, some with friction signals.  Usage: gen-transcripts BYTES */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t state = 0x9E3779B97F4A7C15ULL;

static unsigned pick(unsigned n)
{
	state ^= state << 13;
	state ^= state >> 7;
	state ^= state << 17;
	return (unsigned)((state >> 16) % n);
}

static const char *const customer[3][12] = {
	{ "Hi, my internet has been down since this morning",
	  "I already told you my account number twice",
	  "Can I speak to a human please?",
	  "I waited on hold for forty minutes",
	  "If this is not fixed I will cancel my contract",
	  "Who has access to my personal data?",
	  "Thanks, that was really helpful",
	  "The bill is higher than last month and I do not understand why",
	  "The router light keeps blinking orange",
	  "Could you check the order status, reference 4481-2290?",
	  "I am thinking of switching to another provider",
	  "Please delete my account and all my data" },
	{ "Добрий день, у мене не працює інтернет з ранку",
	  "Я вже казав вам номер договору двічі",
	  "З'єднайте мене з живою людиною, будь ласка",
	  "Я чекав на лінії сорок хвилин",
	  "Якщо не виправите, я хочу скасувати договір",
	  "Хто має доступ до моїх персональних даних?",
	  "Дякую, ви дуже допомогли",
	  "Рахунок більший, ніж минулого місяця",
	  "Роутер блимає помаранчевим",
	  "Перевірте статус замовлення, будь ласка",
	  "Думаю перейти до іншого провайдера",
	  "Видаліть мій акаунт і всі дані" },
	{ "Здравствуйте, у меня не работает интернет с утра",
	  "Я уже говорил вам номер договора дважды",
	  "Соедините меня с живым человеком, пожалуйста",
	  "Я ждал на линии сорок минут",
	  "Если не исправите, я хочу отказаться от услуг",
	  "Кто имеет доступ к моим персональным данным?",
	  "Спасибо, вы очень помогли",
	  "Счет больше, чем в прошлом месяце",
	  "Роутер мигает оранжевым",
	  "Проверьте статус заказа, пожалуйста",
	  "Думаю перейти к другому провайдеру",
	  "Удалите мой аккаунт и все данные" } };

static const char *const agent[3][4] = {
	{ "Thank you for calling, how can I help?", "Let me check that for you",
	  "I can transfer you to a specialist", "Is there anything else?" },
	{ "Дякуємо за звернення, чим можу допомогти?", "Зараз перевірю",
	  "Можу перевести вас до фахівця", "Чи можу ще чимось допомогти?" },
	{ "Спасибо за обращение, чем могу помочь?", "Сейчас проверю",
	  "Могу перевести вас к специалисту", "Могу еще чем-то помочь?" } };

int main(int argc, char **argv)
{
	static const char *const channels[] = { "phone", "chat", "email" };
	long long bytes = argc > 1 ? strtoll(argv[1], NULL, 10) : 1000000, written = 0;
	long contact = 0;

	written += printf("contact_id,customer_id,channel,speaker,text\n");
	while (written < bytes) {
		unsigned lang = pick(10) < 6 ? 0 : 1 + pick(2), turns = 4 + pick(5), t;
		const char *channel = channels[pick(3)];
		unsigned long cust = pick(400000);
		contact++;
		for (t = 0; t < turns; t++) {
			const char *text = t % 2 ? customer[lang][pick(12) < 8 ? 7 + pick(3) :
							   pick(12)] : agent[lang][pick(4)];
			written += printf("K%ld,U%lu,%s,%s,\"%s\"\n", contact, cust, channel,
					  t % 2 ? "customer" : "agent", text);
		}
	}
	return fflush(stdout) != 0;
}
