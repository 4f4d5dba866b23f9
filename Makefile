# cxbench: build, test, install.  `make demo` and `make check` first install
# any missing Debian packages (install-deps.sh), then build.
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share/cxbench
MANDIR ?= $(PREFIX)/share/man/man1
CC ?= cc
CFLAGS ?= -O2 -g
PKGS = libcjson libxml-2.0 libcurl
SANITIZE_FLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

# The flags cxbench needs whatever CFLAGS the user gives.
CX_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Wall -Wextra -Werror \
	-MMD -MP -Ibench -DCX_DATADIR='"$(DATADIR)"' $(shell pkg-config --cflags $(PKGS))
CX_LIBS = $(shell pkg-config --libs $(PKGS)) -lm -pthread

SRC = $(wildcard bench/*/*.c)
LIB_SRC = $(filter-out bench/cmd/main.c,$(SRC))
UNIT_SRC = $(wildcard tests/unit/*.c)

OBJ = $(SRC:bench/%.c=build/%.o)
LIB_OBJ = $(LIB_SRC:bench/%.c=build/%.o)
ASAN_OBJ = $(SRC:bench/%.c=build/asan/%.o)
ASAN_LIB_OBJ = $(LIB_SRC:bench/%.c=build/asan/%.o)

all: cxbench

cxbench: $(OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(OBJ) $(CX_LIBS)

build/%.o: bench/%.c
	@mkdir -p $(@D)
	$(CC) $(CX_CFLAGS) $(CFLAGS) -c -o $@ $<

build/asan/%.o: bench/%.c
	@mkdir -p $(@D)
	$(CC) $(CX_CFLAGS) -O1 -g $(SANITIZE_FLAGS) -c -o $@ $<

build build/asan:
	mkdir -p $@

# ASan+UBSan build of the program and the unit tests.
asan: build/asan/cxbench build/asan/unit-tests

build/asan/cxbench: $(ASAN_OBJ)
	$(CC) $(SANITIZE_FLAGS) -o $@ $(ASAN_OBJ) $(CX_LIBS)

build/asan/unit-tests: $(UNIT_SRC) $(ASAN_LIB_OBJ) tests/unit/check.h
	$(CC) $(CX_CFLAGS) -O1 -g $(SANITIZE_FLAGS) -Ibench -o $@ $(UNIT_SRC) $(ASAN_LIB_OBJ) $(CX_LIBS)

build/unit-tests: $(UNIT_SRC) $(LIB_OBJ) tests/unit/check.h
	$(CC) $(CX_CFLAGS) $(CFLAGS) -Ibench -o $@ $(UNIT_SRC) $(LIB_OBJ) $(CX_LIBS)

# A libxml2-based checker the report tests use to inspect HTML output.
build/html-check: tests/tools/html-check.c | build
	$(CC) $(CX_CFLAGS) $(CFLAGS) -o $@ $< $(CX_LIBS)

deps:
	@sh ./install-deps.sh

# The set-up promise: these two work on a fresh Debian/Ubuntu machine.
demo: deps
	@$(MAKE) --no-print-directory cxbench
	./cxbench compare examples/acme-telecom.json --against costco,amazon,apple,usaa,contact-center-median,frontier
	@mkdir -p reports/demo
	@./cxbench report examples/acme-telecom.json -o reports/demo/acme-telecom.html > /dev/null
	@echo "report written to reports/demo/acme-telecom.html"

check: deps
	@$(MAKE) --no-print-directory test

# Runs every test: unit tests and command-line cases, then the same under
# ASan+UBSan (which also reports leaks).  The tests get their own cache and
# pulled-profile directories, whatever the user has in theirs.
test: export XDG_CACHE_HOME = $(CURDIR)/build/test-home/cache
test: export XDG_DATA_HOME = $(CURDIR)/build/test-home/data
test: export CXBENCH_DATA = $(CURDIR)
test: cxbench build/unit-tests asan build/html-check
	./build/unit-tests
	sh tests/run-cases.sh ./cxbench
	CXBENCH_DATA=. python3 tests/recompute.py ./cxbench
	CXBENCH_DATA=. python3 tests/report_test.py ./cxbench
	sh tests/browser-test.sh ./cxbench
	python3 tests/listen_test.py ./cxbench
	sh tests/aggregate-output-test.sh ./cxbench
	sh tests/aggregate-split-test.sh ./cxbench
	sh tests/aggregate-sqlite-test.sh ./cxbench
	sh tests/net-test.sh ./cxbench
	sh tests/fault-test.sh ./cxbench
	sh tests/limits-test.sh ./cxbench
	ASAN_OPTIONS=detect_leaks=1 ./build/asan/unit-tests
	ASAN_OPTIONS=detect_leaks=1 sh tests/run-cases.sh ./build/asan/cxbench
	ASAN_OPTIONS=detect_leaks=1 CXBENCH_DATA=. python3 tests/report_test.py ./build/asan/cxbench
	ASAN_OPTIONS=detect_leaks=1 python3 tests/listen_test.py ./build/asan/cxbench
	ASAN_OPTIONS=detect_leaks=1 sh tests/net-test.sh ./build/asan/cxbench

bench: deps
	@$(MAKE) --no-print-directory cxbench
	sh tests/perf/bench-compare.sh ./cxbench
	sh tests/perf/bench-report.sh ./cxbench
	sh tests/perf/bench-aggregate.sh ./cxbench
	sh tests/perf/bench-listen.sh ./cxbench

install: cxbench
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/profiles \
		$(DESTDIR)$(DATADIR)/reports/strings $(DESTDIR)$(MANDIR)
	install -m 755 cxbench $(DESTDIR)$(BINDIR)/cxbench
	install -m 644 profiles/*.json $(DESTDIR)$(DATADIR)/profiles/
	install -m 644 reports/theme.css reports/chart-style.gp $(DESTDIR)$(DATADIR)/reports/
	install -m 644 reports/strings/*.json $(DESTDIR)$(DATADIR)/reports/strings/
	install -m 644 cxbench.1 $(DESTDIR)$(MANDIR)/cxbench.1

clean:
	rm -rf build cxbench

.PHONY: all asan deps demo check test bench install clean
-include $(OBJ:.o=.d) $(ASAN_OBJ:.o=.d)

# Fuzz harnesses (tests/fuzz/, one per input path): libFuzzer with
# ASan+UBSan, built with Debian's clang into build/fuzz/.  `make fuzz` runs
# each for FUZZ_SECONDS on a scratch copy of its seed corpus and fails if
# any crashes (tests/fuzz/run.sh).
FUZZ_SECONDS ?= 60
FUZZ_CC = clang
FUZZ_FLAGS = -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
FUZZ_CFLAGS = $(filter-out -Werror,$(CX_CFLAGS))
FUZZ_NAMES = company_json company_csv company_xml contacts_csv xml_records profile catalog period
FUZZ_BIN = $(FUZZ_NAMES:%=build/fuzz/fuzz_%)
FUZZ_LIB_OBJ = $(LIB_SRC:bench/%.c=build/fuzz/obj/%.o)

fuzz: fuzz-deps
	@$(MAKE) --no-print-directory fuzz-build
	sh tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_NAMES)

fuzz-deps:
	@sh ./install-deps.sh clang libclang-rt-dev

fuzz-build: $(FUZZ_BIN)

build/fuzz/obj:
	mkdir -p $@

build/fuzz/obj/%.o: bench/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_FLAGS) -c -o $@ $<

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h tests/fuzz/fuzz_company.h $(FUZZ_LIB_OBJ)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_FLAGS) -Ibench -o $@ $< $(FUZZ_LIB_OBJ) $(CX_LIBS)

.PHONY: fuzz fuzz-deps fuzz-build
-include $(FUZZ_LIB_OBJ:.o=.d) $(FUZZ_BIN:=.d)

# Static analysis: cppcheck and clang-tidy (its checks and why: .clang-tidy)
# over the program, the unit tests and the test tools; any finding fails.
# Deliberate exceptions are .cppcheck-suppressions and NOLINT /
# cppcheck-suppress comments in the code, each with its reason.
LINT_SRC = $(SRC) $(UNIT_SRC) $(wildcard tests/tools/*.c tests/perf/*.c)
# -iquote keeps the project headers out of the way of system ones
LINT_CFLAGS = $(filter-out -MMD -MP -Werror,$(CX_CFLAGS)) -iquote bench
CPPCHECK_FLAGS = --enable=warning,style,performance,portability --inline-suppr \
	--error-exitcode=1 --std=c11 -q --library=posix \
	--suppressions-list=.cppcheck-suppressions \
	-D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Ibench \
	$(shell pkg-config --cflags-only-I $(PKGS))

# clang-tidy runs once per file, as many at once as there are CPUs; its
# "N warnings generated" (about library headers, never shown) is dropped.
lint: deps
	cppcheck $(CPPCHECK_FLAGS) -j "$$(nproc)" bench tests/unit tests/tools tests/perf
	@echo "clang-tidy $(words $(LINT_SRC)) files"
	@printf '%s\n' $(LINT_SRC) | xargs -P "$$(nproc)" -I{} sh -c \
		'out=$$(clang-tidy --quiet "$$0" -- "$$@" 2>&1); rc=$$?; \
		[ -z "$$out" ] || printf "%s\n" "$$out" | grep -v "^[0-9].* generated\.$$"; \
		exit $$rc' \
		{} $(LINT_CFLAGS)

.PHONY: lint
