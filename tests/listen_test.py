"""Checks `cxbench listen` on the conversations in tests/listen/ (36, in
en, uk and ru, labelled by hand in conversations.jsonl's `expected`):
the three input forms give the same result; what the queries find agrees
with the labels as far as the labelled corpus says it should (printed:
tests/listen_corpus.py is the measure); quotes are masked; the metrics,
coverage and silent dissatisfied are the arithmetic of what was found;
the call-back list (--records) holds exactly the conversations with a
signal, the silent customers first; any number of threads gives the
same bytes; periods come from an export's times.
Usage: python3 tests/listen_test.py BINARY (from the repository root)."""
import csv
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile

from checks import Checks

BIN = os.path.abspath(sys.argv[1])
HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "listen")
check = Checks()


def run(*args, env=None):
    e = dict(os.environ, **(env or {}))
    return subprocess.run([BIN, "listen", *args], capture_output=True, text=True, env=e)


def listen(*args, env=None):
    out = run(*args, "--format", "json", env=env)
    if out.returncode != 0:
        return None, out.stderr
    return json.loads(out.stdout), out.stderr


def records(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f]


convs = [json.loads(l) for l in open(os.path.join(HERE, "conversations.jsonl"),
                                     encoding="utf-8")]
labels = {c["contact_id"]: set(c["expected"]) for c in convs}

# the three forms of the same conversations give the same result
docs = {}
for source in ["conversations.jsonl", "conversations.csv", "texts"]:
    doc, err = listen(os.path.join(HERE, source))
    check("%s runs" % source, doc is not None, err.strip())
    if doc is None:
        continue
    docs[source] = doc
    check(source + " conversations", doc["conversations"] == len(convs))
    check(source + " languages", doc["languages"] == {"en": 12, "uk": 12, "ru": 12},
          doc["languages"])
    for sig, s in doc["signals"].items():
        check("%s %s: n and pct agree" % (source, sig),
              abs(s["pct"] - 100.0 * s["n"] / len(convs)) < 1e-6, s)
        for q in s["examples"]:
            check("%s: digits masked" % sig, not re.search(r"\d[\d -]{2,}\d", q), q)
            check("%s: e-mail masked" % sig, "@" not in q, q)
counts = {src: {k: v["n"] for k, v in d["signals"].items()} for src, d in docs.items()}
check("the three forms agree", len(set(json.dumps(c, sort_keys=True)
                                       for c in counts.values())) == 1, counts)

with tempfile.TemporaryDirectory() as tmp:
    # what each conversation shows, from the call-back list
    rec_path = os.path.join(tmp, "records.jsonl")
    r = run(os.path.join(HERE, "conversations.csv"), "--records", rec_path)
    check("--records runs", r.returncode == 0, r.stderr)
    recs = records(rec_path)
    found = {x["conversation_id"]: set(x["signals"]) for x in recs}
    doc = docs.get("conversations.csv")
    for sig in doc["signals"] if doc else []:
        check("records agree with the count of " + sig,
              sum(sig in s for s in found.values()) == doc["signals"][sig]["n"])
    check("records: only conversations with a signal", all(found.values()))
    for x in recs:
        for sig, m in x["matches"].items():
            check("the words are in their context", m["words"] in m["context"], m)
            check("a match for each signal", sig in x["signals"], x)
            check("records masked", "@" not in m["context"] and
                  not re.search(r"\d[\d -]{2,}\d", m["context"]), m)
    tp = sum(len(found.get(c, set()) & l) for c, l in labels.items())
    fp = sum(len(found.get(c, set()) - l) for c, l in labels.items())
    fn = sum(len(l - found.get(c, set())) for c, l in labels.items())
    print("listen: the 36 hand-labelled conversations: %d signals found as labelled, "
          "%d found but not labelled, %d labelled but not found" % (tp, fp, fn))

    # the metrics form: compare can read it, and it is the shares found
    out = os.path.join(tmp, "signals.json")
    r = run(os.path.join(HERE, "conversations.csv"), "--company", "Listen Co",
            "--period", "2026-Q3", "-o", out)
    check("listen -o", r.returncode == 0 and r.stdout == "", r.stderr.strip())
    m = json.load(open(out))
    for sig in ["human_request", "churn_signal", "bot_frustration"]:
        n = sum(sig in s for s in found.values())
        check(sig + "_pct is its share", abs(m["metrics"][sig + "_pct"]["value"] -
                                              round(100.0 * n / 36, 6)) < 1e-6)
    r = subprocess.run([BIN, "compare", out, "--against", "frontier", "--format", "json"],
                       capture_output=True, text=True)
    check("compare reads listen's output", r.returncode == 0, r.stderr.strip())

    # coverage, the silent dissatisfied and the silent first in the list
    friction = {x["customer_id"] for x in recs if set(x["signals"]) - {"praise"}}
    answered = sorted({c["customer_id"] for c in convs})[::3]
    contacts = os.path.join(tmp, "contacts.csv")
    with open(contacts, "w") as f:
        f.write("contact_id,customer_id,started_at\n")
        for i in range(72):
            f.write("k%d,x%d,2026-07-01T00:00:00Z\n" % (i, i))
    surveys = os.path.join(tmp, "surveys.csv")
    with open(surveys, "w") as f:
        f.write("customer_id,csat\n" + "".join("%s,4\n" % c for c in answered))
    r = run(os.path.join(HERE, "conversations.csv"), "--company", "Listen Co",
            "--period", "2026-Q3", "--contacts", contacts, "--surveys", surveys,
            "--format", "json", "--records", rec_path)
    doc = json.loads(r.stdout)
    check("coverage 36 of 72 contacts = 50 %",
          abs(doc["metrics"]["unsolicited_coverage_pct"]["value"] - 50.0) < 1e-9)
    silent = doc["silent_dissatisfied"]
    check("customers with friction", silent["customers_with_friction"] == len(friction),
          (silent, len(friction)))
    check("silent", silent["never_answered_a_survey"] == len(friction - set(answered)),
          (silent, len(friction - set(answered))))
    recs2 = records(rec_path)
    flags = [x["answered_survey"] for x in recs2]
    check("answered_survey as the surveys say", all(
        x["answered_survey"] == (x["customer_id"] in answered) for x in recs2))
    check("the silent come first", flags == sorted(flags), flags)
    check("the same conversations", sorted(x["conversation_id"] for x in recs2) ==
          sorted(found))

    # transcripts without customer ids (the text files): the contact
    # records say who each conversation's customer is
    with open(contacts, "w") as f:
        f.write("contact_id,customer_id\n")
        for c in convs:
            f.write("%s,%s\n" % (c["contact_id"], c["customer_id"]))
    r = run(os.path.join(HERE, "texts"), "--contacts", contacts, "--surveys", surveys,
            "--records", rec_path)
    recs3 = records(rec_path)
    who = {c["contact_id"]: c["customer_id"] for c in convs}
    check("customers from the contact records", recs3 and all(
        x["customer_id"] == who[x["conversation_id"]] for x in recs3), recs3[:2])
    check("and whether they answered", all(
        x["answered_survey"] == (who[x["conversation_id"]] in answered) for x in recs3))

    # threads: the corpus, all of it, on one thread and on three
    corpus = os.path.join(HERE, "corpus")
    big = os.path.join(tmp, "big.csv")
    with open(big, "w", encoding="utf-8") as out_f:
        out_f.write("contact_id,customer_id,channel,speaker,text\n")
        for name in sorted(n for n in os.listdir(corpus) if n.endswith(".csv")):
            with open(os.path.join(corpus, name), encoding="utf-8") as f:
                for row in csv.DictReader(f):
                    out_f.write('%s,%s,%s,%s,"%s"\n' % (
                        row["contact_id"], row["customer_id"], row["channel"],
                        row["speaker"], row["text"].replace('"', '""')))
    outs = []
    for threads in ["1", "2", "3"]:
        rec = os.path.join(tmp, "t%s.jsonl" % threads)
        r = run(big, "--format", "json", "--records", rec, "--threads", threads,
                env={"CXBENCH_LISTEN_SPLIT": "0"})
        outs.append((r.stdout, open(rec, encoding="utf-8").read()))
    check("threads: the same document", outs[0][0] == outs[1][0] == outs[2][0])
    check("threads: the same records", outs[0][1] == outs[1][1] == outs[2][1])
    check("threads: records written", outs[0][1].count("\n") > 1000)

    # periods from an export's times, one per month, each with its
    # conversations as the fixture's dates say
    log = os.path.join(HERE, "imports", "complaint-log", "export.csv")
    months = {}
    with open(log, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["Customer Complaint"].strip():
                d = datetime.datetime.strptime(row["Date_month_year"], "%d-%b-%y")
                months[d.strftime("%Y-%m")] = months.get(d.strftime("%Y-%m"), 0) + 1
    doc, err = listen(log, "--company", "Acme", "--by", "month")
    got = {p["period"]: p["metrics"]["churn_signal_pct"]["n"] for p in doc["periods"]}
    check("periods by month", got == months, (got, months))
    check("periods in order", [p["period"] for p in doc["periods"]] == sorted(months))
    r = run(log, "--company", "Acme")
    check("no --period, no times: said", run(os.path.join(HERE, "conversations.csv"),
                                             "--company", "Acme").returncode == 1)

sys.exit(check.summary("listen"))
