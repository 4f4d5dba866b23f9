#!/usr/bin/env python3
"""gen: contact records and survey answers with planted friction effects,
for tests/friction_test.py.  Seeded, so the same seed gives the same files.

Usage: gen.py DIR [SEED]; writes DIR/contacts.csv, DIR/surveys.csv and
DIR/contacts-nohold.csv (the same contacts without the hold_seconds
column: the hold factor is then missing).

What is planted, so the numbers mean something and every rule is used:
- the chance of a top-two CSAT (4 or 5) falls with each wait level, with
  each transfer, with a hold over a minute and when the contact was itself
  a repeat; promoters fall and detractors rise the same way;
- the rows are shuffled, so "latest contact" must come from the times, not
  from the file order;
- no wait over 10 minutes in 2026-Q2: an empty `10min+` level there; few
  email contacts, so per channel many levels stay under 30 answers;
- waits of exactly 20, 60, 180 and 600 seconds (level edges) and holds of
  exactly 0 and 60;
- answers linked by contact_id (with and without a customer_id), by
  customer_id and answered_at only, by customer after a contact_id the
  contacts file does not hold, and not at all;
- the edge rows below (EDGE_*), each written for one linking rule.
Abandoned contacts have no hold, transfers or handle time (0) and are not
AI-handled; ai_handled contacts that are neither resolved nor escalated
exist (they belong to no `ai` level)."""
import csv
import os
import random
import sys
import time

START = 1767225600          # 2026-01-01 00:00:00 UTC
HALF_YEAR = 181 * 86400     # to 2026-06-30 23:59:59
Q2 = 1775001600             # 2026-04-01 00:00:00 UTC
DAY = 86400
CHANNELS = ["phone"] * 6 + ["chat"] * 3 + ["email"]
CONTACT_COLS = ["contact_id", "customer_id", "channel", "started_at", "wait_seconds",
                "handle_seconds", "hold_seconds", "transfers", "abandoned", "resolved",
                "ai_handled", "escalated", "human_wait_seconds"]
SURVEY_COLS = ["answer_id", "contact_id", "customer_id", "answered_at", "csat", "nps"]


def stamp(t):
    return time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(t))


def wait_level(w):
    return 0 if w <= 20 else 1 if w <= 60 else 2 if w <= 180 else 3 if w <= 600 else 4


def draw_wait(rng, t):
    edge = rng.random()
    if edge < 0.03:  # exactly on an edge: the level below it
        return rng.choice([20, 60, 180, 600])
    lvl = rng.choices(range(5), [30, 25, 20, 15, 10])[0]
    if t >= Q2 and lvl == 4:
        lvl = 3  # the empty level of 2026-Q2
    lo, hi = [(0, 20), (21, 60), (61, 180), (181, 600), (601, 1500)][lvl]
    return rng.randint(lo, hi)


def contact(rng, cid, cust, t, channel=None):
    """One contact row (a dict of CSV cells) and its friction for the answer."""
    ch = channel or rng.choice(CHANNELS)
    w = draw_wait(rng, t)
    aband = rng.random() < 0.02 + 0.02 * wait_level(w)
    row = {"contact_id": cid, "customer_id": cust, "channel": ch, "started_at": stamp(t),
           "wait_seconds": w, "abandoned": int(aband), "human_wait_seconds": ""}
    if rng.random() < 0.02:
        row["wait_seconds"] = ""  # no wait recorded: in no wait level
    if aband:
        row.update(handle_seconds=0, hold_seconds="", transfers="", resolved=0,
                   ai_handled=0, escalated=0)
        return row
    r = rng.random()
    hold = "" if r < 0.03 else 0 if r < 0.5 else rng.choice([60, rng.randint(1, 60)]) \
        if r < 0.8 else rng.randint(61, 400)
    r = rng.random()
    tr = "" if r < 0.03 else 0 if r < 0.7 else 1 if r < 0.9 else rng.choice([2, 2, 3])
    ai = rng.random() < 0.3
    esc = ai and rng.random() < 0.4
    res = rng.random() < (0.85 if esc else 0.7 if ai else 0.8)
    row.update(handle_seconds=rng.randint(60, 1200), hold_seconds=hold, transfers=tr,
               resolved=int(res), ai_handled=int(ai), escalated=int(esc))
    if esc:
        row["human_wait_seconds"] = rng.choice([rng.randint(0, 60), rng.randint(61, 180),
                                                rng.randint(181, 600), rng.randint(601, 1200)])
    return row


def scores(rng, row, repeat):
    """A csat (1-5) and an nps (0-10) whose chances carry the planted effects."""
    w = row["wait_seconds"]
    lvl = wait_level(w) if w != "" else 1
    tr = min(row["transfers"], 2) if row["transfers"] != "" else 0
    hold = row["hold_seconds"]
    long_hold = hold != "" and hold > 60
    top = 0.93 - 0.08 * lvl - 0.12 * tr - 0.08 * long_hold - 0.10 * repeat
    csat = rng.choice([4, 5]) if rng.random() < top else rng.choice([1, 2, 3])
    promo = max(0.05, 0.60 - 0.09 * lvl - 0.12 * tr - 0.05 * repeat)
    detr = min(0.80, 0.10 + 0.07 * lvl + 0.10 * tr + 0.05 * repeat)
    r = rng.random()
    nps = rng.randint(9, 10) if r < promo else rng.randint(0, 6) if r < promo + detr \
        else rng.randint(7, 8)
    return csat, nps


def main():
    out = sys.argv[1]
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 16)
    contacts, answers = [], []
    n = 0

    def new_id():
        nonlocal n
        n += 1
        return "C%06d" % n

    # ordinary customers: one to five contacts, some in quick succession
    for k in range(3000):
        cust = "K%05d" % k
        t = START + rng.randrange(HALF_YEAR - 20 * DAY)
        prev = None
        for _ in range(rng.choices([1, 2, 3, 4, 5], [40, 30, 15, 10, 5])[0]):
            row = contact(rng, new_id(), cust, t)
            repeat = prev is not None and t - prev <= 7 * DAY
            contacts.append(row)
            if rng.random() < 0.5:
                answers.append(answer(rng, row, t, repeat))
            prev = t
            t += rng.choice([rng.randint(600, 3 * DAY), rng.randint(3 * DAY, 40 * DAY)])
            if t >= START + HALF_YEAR - 14 * DAY:
                break  # so that every answer falls in the half year too
    rng.shuffle(contacts)
    rng.shuffle(answers)
    edges(contacts, answers, new_id)
    for i, a in enumerate(answers):
        a["answer_id"] = "A%06d" % (i + 1)

    os.makedirs(out, exist_ok=True)
    write(os.path.join(out, "contacts.csv"), CONTACT_COLS, contacts)
    write(os.path.join(out, "contacts-nohold.csv"),
          [c for c in CONTACT_COLS if c != "hold_seconds"], contacts)
    write(os.path.join(out, "surveys.csv"), SURVEY_COLS, answers)


def answer(rng, row, t, repeat):
    """An answer to `row`, sent within two days of its end (a few much later),
    linked by contact_id, by customer only, or after an id the file lacks."""
    csat, nps = scores(rng, row, repeat)
    r = rng.random()
    if r < 0.08:
        csat = ""
    elif r < 0.16:
        nps = ""
    late = rng.random() < 0.05
    at = t + int(row["handle_seconds"] or 0) + (rng.randint(8 * DAY, 12 * DAY) if late
                                                else rng.randint(60, 2 * DAY))
    a = {"contact_id": row["contact_id"], "customer_id": row["customer_id"],
         "answered_at": stamp(at), "csat": csat, "nps": nps}
    r = rng.random()
    if r < 0.15:
        a["customer_id"] = ""        # by contact_id alone
    elif r < 0.50:
        a["contact_id"] = ""         # by customer and time only
    elif r < 0.55:
        a["contact_id"] = "X" + row["contact_id"][1:]  # an id the file lacks
    return a


def edges(contacts, answers, new_id):
    """Rows for the linking rules, put among the shuffled ones (the answers
    say in their customer id which rule they are for)."""
    def c(cust, t, wait, transfers, channel="phone", at=None):
        row = {"contact_id": new_id(), "customer_id": cust, "channel": channel,
               "started_at": stamp(t), "wait_seconds": wait, "handle_seconds": 300,
               "hold_seconds": 0, "transfers": transfers, "abandoned": 0,
               "resolved": 1, "ai_handled": 0, "escalated": 0, "human_wait_seconds": ""}
        contacts.insert(len(contacts) // 2 if at is None else at, row)
        return row

    def a(cust, t, csat=5, nps=10, cid=""):
        answers.insert(len(answers) // 3, {"contact_id": cid, "customer_id": cust,
                                            "answered_at": stamp(t), "csat": csat, "nps": nps})
    t = START + 40 * DAY
    # a tie: two contacts at the same second; the later row in the file wins
    # (written adjacent, then the same pair the other way round)
    c("EDGE_TIE1", t, 5, 0, at=100)
    c("EDGE_TIE1", t, 500, 2, at=101)
    a("EDGE_TIE1", t + 3600, csat=1, nps=0)
    c("EDGE_TIE2", t, 500, 2, at=200)
    c("EDGE_TIE2", t, 5, 0, at=201)
    a("EDGE_TIE2", t + 3600, csat=5, nps=10)
    # an answer before the customer's only contact: not linked (no contact before)
    c("EDGE_BEFORE", t + DAY, 30, 0)
    a("EDGE_BEFORE", t + DAY - 1)
    # a customer the contacts file does not know: no contact before
    a("EDGE_UNKNOWN", t)
    # at most 7 days: 604800 s is inside, 604801 s outside the window
    c("EDGE_WINDOW_IN", t, 30, 1)
    a("EDGE_WINDOW_IN", t + 7 * DAY, csat=2, nps=3)
    c("EDGE_WINDOW_OUT", t, 30, 1)
    a("EDGE_WINDOW_OUT", t + 7 * DAY + 1)
    # answered at the very second the contact started: at or before, linked
    c("EDGE_SAME_SECOND", t, 700, 0)
    a("EDGE_SAME_SECOND", t, csat=3, nps=6)
    # the latest contact before the answer, not a later one, not an earlier one
    c("EDGE_LATEST", t, 10, 0)
    c("EDGE_LATEST", t + 2 * DAY, 100, 1)
    c("EDGE_LATEST", t + 4 * DAY, 10, 0)
    a("EDGE_LATEST", t + 3 * DAY, csat=2, nps=5)
    # a contact_id the file lacks and no customer: not linked
    a("", t, cid="CNOSUCH")
    a("", t)
    # a contact_id that wins over the customer and over the window
    late = c("EDGE_BYID", t, 250, 0)
    a("EDGE_OTHER", t + 30 * DAY, csat=1, nps=2, cid=late["contact_id"])
    # a contact late on 31 March answered on 1 April: counts in 2026-Q1
    c("EDGE_QUARTER", Q2 - 600, 45, 0, channel="chat")
    a("EDGE_QUARTER", Q2 + 600, csat=4, nps=9)


def write(path, cols, rows):
    with open(path, "w", newline="") as f:
        w = csv.DictWriter(f, cols, extrasaction="ignore", lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


if __name__ == "__main__":
    main()
