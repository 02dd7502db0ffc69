# mdraci: make help lists the targets.
.DEFAULT_GOAL := help
GO      ?= go
OUT     ?= out
FUZZTIME ?= 20s
AXE_VERSION ?= 4.14.1

.PHONY: help demo build test vet fmt-check bench bench-peers fuzz cover clean browser-deps

help: ## list the targets
	@awk -v vars='OUT=$(OUT) AXE_VERSION=$(AXE_VERSION) FUZZTIME=$(FUZZTIME) HUGO_VERSION=$(HUGO_VERSION) SITE=$(SITE)' \
	  'BEGIN {FS = ":.*## "; n = split(vars, kv, " ")} \
	   /^[a-zA-Z_-]+:.*## / {t = $$2; for (i = 1; i <= n; i++) {eq = index(kv[i], "="); gsub("\\$$\\(" substr(kv[i], 1, eq - 1) "\\)", substr(kv[i], eq + 1), t)}; printf "  %-13s %s\n", $$1, t}' $(MAKEFILE_LIST)

demo: build ## convert the bundled seeds into $(OUT)/demo (HTML pages, JSON models, CSV records) and say where to look
	@rm -rf $(OUT)/demo
	@bin/mdraci convert --page -o $(OUT)/demo testdata/seeds
	@bin/mdraci model -o $(OUT)/demo testdata/seeds
	@bin/mdraci model --format csv -o $(OUT)/demo testdata/seeds
	@echo "mdraci: converted the 5 seed documents in testdata/seeds into $(OUT)/demo/:"
	@ls $(OUT)/demo | sed 's|^|  $(OUT)/demo/|'
	@echo "Open an .html page in a browser (e.g. $(OUT)/demo/004_ibm-code-engine.html);"
	@echo "the .json files are the responsibility models, the .csv files their rows for a spreadsheet."
	@echo "Findings: bin/mdraci lint testdata/seeds"

build: ## build bin/mdraci
	$(GO) build -o bin/mdraci ./cmd/mdraci

test: vet fmt-check browser-deps ## run every test
	$(GO) test ./...

# The browser tests (cmd/mdraci/browser*_test.go) need a Chrome-like browser and axe-core; they skip
# without them. Nothing here fails: no root, no apt-get, no npm or no network gives a message.
browser-deps: ## install what the browser tests lack: chromium (apt-get), axe-core $(AXE_VERSION) (npm, into bin/npm)
	@mkdir -p bin
	@if [ -n "$$CHROME_PATH" ] || command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 \
	  || command -v google-chrome >/dev/null 2>&1; then :; \
	elif ! command -v apt-get >/dev/null 2>&1; then \
	  echo "browser-deps: no chromium and no apt-get: install chromium or set CHROME_PATH; the browser tests will skip"; \
	else \
	  if [ "$$(id -u)" = 0 ]; then as=""; elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then as="sudo -n"; \
	  else as=none; fi; \
	  if [ "$$as" = none ]; then \
	    echo "browser-deps: chromium missing, and not root: run 'apt-get install chromium' as root; the browser tests will skip"; \
	  else \
	    echo "browser-deps: installing chromium with apt-get (log: bin/apt.log)"; \
	    { $$as apt-get update -qq && $$as env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >bin/apt.log 2>&1 \
	      || { tail -n 3 bin/apt.log; echo "browser-deps: apt-get install chromium failed (no network?); the browser tests will skip"; }; \
	  fi; \
	fi
	@if grep -qs '"version": "$(AXE_VERSION)"' bin/npm/node_modules/axe-core/package.json \
	  && [ -f bin/npm/node_modules/axe-core/axe.min.js ]; then :; \
	elif ! command -v npm >/dev/null 2>&1; then \
	  echo "browser-deps: no npm to install axe-core with; the accessibility audit will skip"; \
	else \
	  echo "browser-deps: installing axe-core@$(AXE_VERSION) with npm into bin/npm (log: bin/npm.log)"; \
	  npm install --prefix bin/npm --no-audit --no-fund --loglevel=error axe-core@$(AXE_VERSION) >bin/npm.log 2>&1 \
	    || { tail -n 3 bin/npm.log; echo "browser-deps: npm install axe-core failed (no network?); the accessibility audit will skip"; }; \
	fi

vet: ## go vet
	$(GO) vet ./...

fmt-check: ## fail when a Go file is not gofmt-formatted
	@files=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$files" ]; then echo "gofmt needed: $$files"; exit 1; fi

bench: ## speed and memory on ../shared/corpus: mdraci against plain goldmark (one core), the CLI on 1 and all cores, 1x/10x/100x, peak memory
	$(GO) test -run '^$$' -bench . -benchmem -cpu 1 ./extension/...
	$(GO) test -run '^$$' -bench . -benchtime 1x ./cmd/mdraci

PEERS       ?= $(OUT)/peers
PEERS_TOOLS ?= ../shared/tools/peers

bench-peers: ## mdraci against IBM's marked-it (npm, installed into out/peers) and plain goldmark on ../shared/corpus, per core
	@command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || \
	  { echo "make bench-peers: needs Node.js and npm to install and run marked-it (e.g. apt-get install nodejs npm)" >&2; exit 1; }
	@test -f $(PEERS_TOOLS)/markedit-bench.js && test -d ../shared/corpus || \
	  { echo "make bench-peers: needs $(PEERS_TOOLS)/markedit-bench.js and ../shared/corpus (the shared folder next to the repository)" >&2; exit 1; }
	@test -d $(PEERS)/node_modules/marked-it-core || \
	  { echo "installing marked-it-core into $(PEERS)"; mkdir -p $(PEERS) && cd $(PEERS) && npm init -y >/dev/null && \
	    npm install --no-audit --no-fund marked-it-core highlight.js@11.1.0; }
	MARKEDIT_NODE_MODULES=$(abspath $(PEERS))/node_modules MARKEDIT_BENCH=$(abspath $(PEERS_TOOLS))/markedit-bench.js \
	  $(GO) test -run '^$$' -bench '^BenchmarkPeers$$' -benchtime 1x -cpu 1 ./cmd/mdraci

fuzz: ## run each fuzz target for $(FUZZTIME)
	@for pkg in $$($(GO) list ./...); do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "fuzz $$pkg $$f"; $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

cover: ## test coverage report in $(OUT)/cover.html
	@mkdir -p $(OUT)
	$(GO) test -coverprofile=$(OUT)/cover.out -coverpkg=./... ./...
	$(GO) tool cover -html=$(OUT)/cover.out -o $(OUT)/cover.html

clean: ## remove build output
	rm -rf $(OUT) bin

# The Hugo theme (hugo.toml, layouts/, shortcodes/) and its example site.
HUGO_VERSION ?= v0.165.0
SITE         ?= site-example

.PHONY: hugo site

hugo: ## make bin/hugo the pinned Hugo $(HUGO_VERSION): the one on PATH if it is that version, else go install it
	@mkdir -p bin
	@if bin/hugo version 2>/dev/null | grep -q 'hugo $(HUGO_VERSION)[-+ ]'; then :; \
	elif hugo version 2>/dev/null | grep -q 'hugo $(HUGO_VERSION)[-+ ]'; then ln -sf "$$(command -v hugo)" bin/hugo; \
	else echo "hugo: installing Hugo $(HUGO_VERSION) into bin/ with go install (a few minutes the first time)"; \
	  rm -f bin/hugo; GOBIN="$(CURDIR)/bin" $(GO) install github.com/gohugoio/hugo@$(HUGO_VERSION); fi

# Hugo resolves the theme module with the go command: GOMODCACHE shares Go's module cache (where
# `make build` put mdraci's dependencies) and HUGO_MODULE_PROXY uses Go's proxy, not "direct".
site: build hugo ## build the example Hugo site: the seeds through `mdraci hugo`, then Hugo, into $(SITE)/public
	bin/mdraci hugo -o $(SITE)/content/seeds testdata/seeds
	GOMODCACHE="$$($(GO) env GOMODCACHE)" HUGO_MODULE_PROXY="$$($(GO) env GOPROXY)" \
	  bin/hugo --panicOnWarning --cleanDestinationDir -s $(SITE) -d public
	@echo "site: built $(SITE)/public (open $(SITE)/public/index.html)"
