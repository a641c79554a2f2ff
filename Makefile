# kgsh — two commands do all set-up: `make run` and `make test`.
PREFIX ?= /usr/local
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DEB_PACKAGES := libedit-dev libncurses-dev libstdc++-12-dev libsqlite3-dev sqlite3 pkg-config graphviz libcurl4-openssl-dev postgresql

.PHONY: run build test deps install bench clean format fuzz fold-table check-knowledge

## deps: install the system packages kgsh needs (apt-get; sudo when not root).
deps:
	@missing=""; for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; fi

## build: the release binaries at .build/release/kgsh (static Swift runtime: fast start) and
## kgsh-mcp (the MCP server that `kgsh mcp` runs). Every module, GRDB's included, is compiled
## to make generic type metadata through accessor functions rather than from mangled names:
## the runtime then never scans the binary's ~8,900 protocol conformances to check a generic
## requirement (each first use of such a type cost ~0.5M instructions; `kgsh -c 'echo hi'`
## 7.6M -> 5.2M instructions in all). --disable-local-rpath: with the Swift runtime linked in,
## nothing is looked for beside the binary, and without a $ORIGIN run path the loader no longer
## tries ~20 paths under .build/ for libc, libm and libgcc_s at every start.
RELEASE_FLAGS := --static-swift-stdlib --disable-local-rpath -Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors
build: deps
	$(SWIFT) build -c release $(RELEASE_FLAGS) --product kgsh
	$(SWIFT) build -c release $(RELEASE_FLAGS) --product kgsh-mcp

## run: build, then start the shell on the embedded default knowledge base.
run: build
	./.build/release/kgsh

## test: the whole test suite (unit, end-to-end in a pty, golden scripts, TCK).
# The tests' temporary files go to a folder of this run, removed afterwards (pass or fail);
# it is world-readable so the PostgreSQL server the team tests start as postgres reaches its socket.
test: deps
	$(SWIFT) build --build-tests
	scratch=$$(mktemp -d /tmp/kgsh-tests.XXXXXX) && chmod 755 "$$scratch" && trap 'rm -rf "$$scratch"' EXIT \
	  && TMPDIR="$$scratch" $(SWIFT) test --skip-build --disable-swift-testing

## install: kgsh into $(PREFIX)/bin and its knowledge sources into $(PREFIX)/share/kgsh.
install: build
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/kgsh
	install -m 755 .build/release/kgsh $(DESTDIR)$(PREFIX)/bin/kgsh
	install -m 755 .build/release/kgsh-mcp $(DESTDIR)$(PREFIX)/bin/kgsh-mcp
	rm -rf $(DESTDIR)$(PREFIX)/share/kgsh/Knowledge
	cp -R Knowledge $(DESTDIR)$(PREFIX)/share/kgsh/Knowledge

## bench: the side-by-side benchmark (never in CI). SIZE=S|M|L
bench: build
	bash Benchmarks/run.sh $(or $(SIZE),S)

## fuzz: libFuzzer on the command-line, script and query parsers (on demand, never in CI).
## FUZZ_SECONDS=60 per target; findings in Fuzz/findings/, corpus grows in Fuzz/corpus/.
fuzz: deps
	FUZZ_SECONDS=$(or $(FUZZ_SECONDS),60) SWIFT=$(SWIFT) bash Fuzz/run.sh

format:
	$(SWIFT) format --in-place --recursive Sources Plugins Tests Package.swift

clean:
	rm -rf .build

## fold-table: regenerate Sources/KnowledgeGraph/HanziFold.swift from Knowledge/hanzi-fold.tsv.
fold-table:
	python3 Knowledge/tools/fold_table.py

## check-knowledge: check Knowledge/*.tsv after editing them (one row per problem; fails on errors).
check-knowledge:
	$(SWIFT) build --product kgsh
	./.build/debug/kgsh -c 'check-knowledge Knowledge'
