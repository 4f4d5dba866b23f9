"""checks: the counting every Python test script here shares.  `check` is
called with a name, a condition and what to show when it fails; it prints
one "FAIL name: detail" line per failure and returns the condition, and
`check.summary("report")` prints "report: N passed, N failed" and gives
the exit status."""


class Checks:
    def __init__(self, limit=None):
        self.passed = 0
        self.failed = 0
        self.limit = limit  # cut the detail to this many characters

    def __call__(self, name, cond, detail=""):
        if cond:
            self.passed += 1
        else:
            self.failed += 1
            text = ": " + str(detail) if detail != "" else ""
            print("FAIL %s%s" % (name, text[:self.limit] if self.limit else text))
        return cond

    def summary(self, label, extra=""):
        print("%s: %d passed, %d failed%s" % (label, self.passed, self.failed, extra))
        return 1 if self.failed else 0
