# cxbench: build, test, install.  `make demo` and `make check` first install
# any missing Debian packages (install-deps.sh), then build.
#
# CFLAGS, CPPFLAGS, LDFLAGS and LDLIBS are the user's (GNU conventions):
# they go on every compile and link line after the project's own flags, so
# `make CPPFLAGS=-I/opt/include LDFLAGS=-L/opt/lib` works.  Warnings are
# errors for the project's builds and CI; `make WERROR=` turns that off
# (a newer compiler may warn about more).
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share/cxbench
MANDIR ?= $(PREFIX)/share/man/man1
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR ?= $(PREFIX)/share/zsh/site-functions
CC ?= cc
CFLAGS ?= -O2 -g
WERROR ?= -Werror
PKG_CONFIG ?= pkg-config
PKGS = libcjson libxml-2.0 libcurl
SANITIZE_FLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

# The flags cxbench needs whatever the user gives: preprocessor, compiler
# and libraries.
CX_CPPFLAGS = -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Ibench \
	-DCX_DATADIR='"$(DATADIR)"' $(shell $(PKG_CONFIG) --cflags $(PKGS))
CX_CFLAGS = -std=c11 -Wall -Wextra $(WERROR) -MMD -MP
CX_LIBS = $(shell $(PKG_CONFIG) --libs $(PKGS)) -lm -pthread

COMPILE = $(CC) $(CX_CPPFLAGS) $(CPPFLAGS) $(CX_CFLAGS) $(CFLAGS)
ASAN_COMPILE = $(CC) $(CX_CPPFLAGS) $(CPPFLAGS) $(CX_CFLAGS) -O1 -g $(SANITIZE_FLAGS)

SRC = $(wildcard bench/*/*.c)
LIB_SRC = $(filter-out bench/cmd/main.c,$(SRC))
# The unit tests: main.c runs every `void test_NAME(void)` found in
# tests/unit/test_*.c (file order, then line order), listed at build time
# in build/tests/unit/test_list.h by tests/unit/list-tests.sh.
UNIT_SRC = $(sort $(wildcard tests/unit/*.c))
UNIT_TEST_SRC = $(sort $(wildcard tests/unit/test_*.c))
UNIT_LIST = build/tests/unit/test_list.h

OBJ = $(SRC:bench/%.c=build/%.o)
LIB_OBJ = $(LIB_SRC:bench/%.c=build/%.o)
UNIT_OBJ = $(UNIT_SRC:%.c=build/%.o)
ASAN_OBJ = $(SRC:bench/%.c=build/asan/%.o)
ASAN_LIB_OBJ = $(LIB_SRC:bench/%.c=build/asan/%.o)
ASAN_UNIT_OBJ = $(UNIT_SRC:%.c=build/asan/%.o)

# The shell completion scripts, written by the program from its option
# tables (`cxbench completion bash|zsh`), so they list what it takes.
COMPLETIONS = build/completion/cxbench build/completion/_cxbench

all: cxbench $(COMPLETIONS)

cxbench: $(OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(OBJ) $(CX_LIBS) $(LDLIBS)

completions: $(COMPLETIONS)

build/completion/cxbench: cxbench
	@mkdir -p $(@D)
	./cxbench completion bash > $@.tmp
	mv -f $@.tmp $@

build/completion/_cxbench: cxbench
	@mkdir -p $(@D)
	./cxbench completion zsh > $@.tmp
	mv -f $@.tmp $@

build/%.o: bench/%.c
	@mkdir -p $(@D)
	$(COMPILE) -c -o $@ $<

build/asan/%.o: bench/%.c
	@mkdir -p $(@D)
	$(ASAN_COMPILE) -c -o $@ $<

# ASan+UBSan build of the program and the unit tests.
asan: build/asan/cxbench build/asan/unit-tests

build/asan/cxbench: $(ASAN_OBJ)
	$(CC) $(SANITIZE_FLAGS) $(LDFLAGS) -o $@ $(ASAN_OBJ) $(CX_LIBS) $(LDLIBS)

# Remade when a test file changes, and when one is added, renamed or
# removed (the directory changes).
$(UNIT_LIST): tests/unit/list-tests.sh $(UNIT_TEST_SRC) tests/unit
	@mkdir -p $(@D)
	sh tests/unit/list-tests.sh $(UNIT_TEST_SRC) > $@.tmp
	mv -f $@.tmp $@

build/tests/unit/main.o build/asan/tests/unit/main.o: $(UNIT_LIST)

build/tests/unit/%.o: tests/unit/%.c
	@mkdir -p $(@D)
	$(COMPILE) -Ibuild/tests/unit -c -o $@ $<

build/asan/tests/unit/%.o: tests/unit/%.c
	@mkdir -p $(@D)
	$(ASAN_COMPILE) -Ibuild/tests/unit -c -o $@ $<

build/unit-tests: $(UNIT_OBJ) $(LIB_OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(UNIT_OBJ) $(LIB_OBJ) $(CX_LIBS) $(LDLIBS)

build/asan/unit-tests: $(ASAN_UNIT_OBJ) $(ASAN_LIB_OBJ)
	$(CC) $(SANITIZE_FLAGS) $(LDFLAGS) -o $@ $(ASAN_UNIT_OBJ) $(ASAN_LIB_OBJ) $(CX_LIBS) $(LDLIBS)

# A libxml2-based checker the report tests use to inspect HTML output.
build/html-check: tests/tools/html-check.c
	@mkdir -p $(@D)
	$(COMPILE) $(LDFLAGS) -o $@ $< $(CX_LIBS) $(LDLIBS)

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
	sh tests/layers-test.sh
	./build/unit-tests
	sh tests/run-cases.sh ./cxbench
	CXBENCH_DATA=. python3 tests/recompute.py ./cxbench
	CXBENCH_DATA=. python3 tests/report_test.py ./cxbench
	CXBENCH_DATA=. python3 tests/lang_test.py ./cxbench
	CXBENCH_DATA=. python3 tests/charts_test.py ./cxbench
	sh tests/browser-test.sh ./cxbench
	python3 tests/listen_test.py ./cxbench
	python3 tests/listen_corpus.py ./cxbench --split test --check
	sh tests/aggregate-output-test.sh ./cxbench
	sh tests/aggregate-split-test.sh ./cxbench
	sh tests/aggregate-sqlite-test.sh ./cxbench
	sh tests/aggregate-import-test.sh ./cxbench
	python3 tests/warehouse_test.py ./cxbench
	python3 tests/imports_test.py ./cxbench
	CXBENCH_DATA=. python3 tests/friction_test.py ./cxbench
	CXBENCH_DATA=. python3 tests/profiles_test.py ./cxbench
	sh tests/net-test.sh ./cxbench
	sh tests/fault-test.sh ./cxbench
	sh tests/limits-test.sh ./cxbench
	CXBENCH_DATA=. python3 tests/template_test.py ./cxbench
	sh tests/completion-test.sh ./cxbench
	sh tests/readme-test.sh ./cxbench
	ASAN_OPTIONS=detect_leaks=1 ./build/asan/unit-tests
	ASAN_OPTIONS=detect_leaks=1 sh tests/run-cases.sh ./build/asan/cxbench
	ASAN_OPTIONS=detect_leaks=1 CXBENCH_DATA=. python3 tests/report_test.py ./build/asan/cxbench
	ASAN_OPTIONS=detect_leaks=1 CXBENCH_DATA=. python3 tests/lang_test.py ./build/asan/cxbench
	ASAN_OPTIONS=detect_leaks=1 CXBENCH_DATA=. python3 tests/charts_test.py ./build/asan/cxbench
	ASAN_OPTIONS=detect_leaks=1 python3 tests/listen_test.py ./build/asan/cxbench
	ASAN_OPTIONS=detect_leaks=1 python3 tests/imports_test.py ./build/asan/cxbench
	ASAN_OPTIONS=detect_leaks=1 CXBENCH_DATA=. python3 tests/friction_test.py ./build/asan/cxbench
	ASAN_OPTIONS=detect_leaks=1 sh tests/net-test.sh ./build/asan/cxbench
	ASAN_OPTIONS=detect_leaks=1 CXBENCH_DATA=. python3 tests/template_test.py ./build/asan/cxbench
	ASAN_OPTIONS=detect_leaks=1 sh tests/completion-test.sh ./build/asan/cxbench
	ASAN_OPTIONS=detect_leaks=1 sh tests/readme-test.sh ./build/asan/cxbench

bench: deps
	@$(MAKE) --no-print-directory cxbench
	sh tests/perf/bench-compare.sh ./cxbench
	sh tests/perf/bench-report.sh ./cxbench
	sh tests/perf/bench-aggregate.sh ./cxbench
	sh tests/perf/bench-listen.sh ./cxbench
	python3 tests/perf/bench-warehouse.py ./cxbench build/bench/contacts-$${ROWS:-10000000}.csv

install: cxbench $(COMPLETIONS)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/profiles/lexicons \
		$(DESTDIR)$(DATADIR)/profiles/imports $(DESTDIR)$(DATADIR)/profiles/sectors \
		$(DESTDIR)$(DATADIR)/reports/strings $(DESTDIR)$(MANDIR) \
		$(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR)
	install -m 755 cxbench $(DESTDIR)$(BINDIR)/cxbench
	install -m 644 profiles/*.json $(DESTDIR)$(DATADIR)/profiles/
	install -m 644 profiles/lexicons/*.json $(DESTDIR)$(DATADIR)/profiles/lexicons/
	install -m 644 profiles/imports/*.json $(DESTDIR)$(DATADIR)/profiles/imports/
	install -m 644 profiles/sectors/*.json $(DESTDIR)$(DATADIR)/profiles/sectors/
	install -m 644 reports/theme.css reports/chart-style.gp $(DESTDIR)$(DATADIR)/reports/
	install -m 644 reports/strings/*.json $(DESTDIR)$(DATADIR)/reports/strings/
	install -m 644 cxbench.1 $(DESTDIR)$(MANDIR)/cxbench.1
	install -m 644 build/completion/cxbench $(DESTDIR)$(BASHCOMPDIR)/cxbench
	install -m 644 build/completion/_cxbench $(DESTDIR)$(ZSHCOMPDIR)/_cxbench

clean:
	rm -rf build cxbench

.PHONY: all asan completions deps demo check test bench install clean
-include $(OBJ:.o=.d) $(ASAN_OBJ:.o=.d) $(UNIT_OBJ:.o=.d) $(ASAN_UNIT_OBJ:.o=.d) \
	build/html-check.d

# Fuzz harnesses (tests/fuzz/, one per input path): libFuzzer with
# ASan+UBSan, built with Debian's clang into build/fuzz/.  `make fuzz` runs
# each for FUZZ_SECONDS on a scratch copy of its seed corpus and fails if
# any crashes (tests/fuzz/run.sh).
FUZZ_SECONDS ?= 60
FUZZ_CC = clang
FUZZ_FLAGS = -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
# clang's warnings are not gcc's: the harnesses do not fail on them.
FUZZ_CFLAGS = $(CX_CPPFLAGS) $(CPPFLAGS) $(filter-out $(WERROR),$(CX_CFLAGS))
FUZZ_NAMES = company_json company_csv company_xml contacts_csv xml_records profile catalog period import lexicon
FUZZ_BIN = $(FUZZ_NAMES:%=build/fuzz/fuzz_%)
FUZZ_LIB_OBJ = $(LIB_SRC:bench/%.c=build/fuzz/obj/%.o)

fuzz: fuzz-deps
	@$(MAKE) --no-print-directory fuzz-build
	sh tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_NAMES)

fuzz-deps:
	@sh ./install-deps.sh clang libclang-rt-dev

fuzz-build: $(FUZZ_BIN)

build/fuzz/obj/%.o: bench/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_FLAGS) -c -o $@ $<

# A static pattern rule, not a pattern rule: the objects it names are then
# real prerequisites, which make keeps, not intermediate files it deletes.
$(FUZZ_BIN): build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h tests/fuzz/fuzz_company.h \
		$(FUZZ_LIB_OBJ)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_FLAGS) $(LDFLAGS) -o $@ $< $(FUZZ_LIB_OBJ) $(CX_LIBS) $(LDLIBS)

.PHONY: fuzz fuzz-deps fuzz-build
-include $(FUZZ_LIB_OBJ:.o=.d) $(FUZZ_BIN:=.d)

# Static analysis: cppcheck and clang-tidy (its checks and why: .clang-tidy)
# over the program, the unit tests and the test tools; any finding fails.
# Deliberate exceptions are .cppcheck-suppressions and NOLINT /
# cppcheck-suppress comments in the code, each with its reason.
LINT_SRC = $(SRC) $(UNIT_SRC) $(wildcard tests/tools/*.c tests/perf/*.c)
# -iquote keeps the project headers out of the way of system ones
LINT_CFLAGS = $(CX_CPPFLAGS) $(filter-out -MMD -MP $(WERROR),$(CX_CFLAGS)) \
	-iquote bench -iquote build/tests/unit
CPPCHECK_FLAGS = --enable=warning,style,performance,portability --inline-suppr \
	--error-exitcode=1 --std=c11 -q --library=posix \
	--suppressions-list=.cppcheck-suppressions \
	-D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Ibench -Ibuild/tests/unit \
	$(shell $(PKG_CONFIG) --cflags-only-I $(PKGS))

# clang-tidy runs once per file, as many at once as there are CPUs; its
# "N warnings generated" (about library headers, never shown) is dropped.
# main.c includes the generated list of unit tests.
lint: deps $(UNIT_LIST)
	cppcheck $(CPPCHECK_FLAGS) -j "$$(nproc)" bench tests/unit tests/tools tests/perf
	@echo "clang-tidy $(words $(LINT_SRC)) files"
	@printf '%s\n' $(LINT_SRC) | xargs -P "$$(nproc)" -I{} sh -c \
		'out=$$(clang-tidy --quiet "$$0" -- "$$@" 2>&1); rc=$$?; \
		[ -z "$$out" ] || printf "%s\n" "$$out" | grep -v "^[0-9].* generated\.$$"; \
		exit $$rc' \
		{} $(LINT_CFLAGS)

.PHONY: lint
