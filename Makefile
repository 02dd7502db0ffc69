# mdraci: make help lists the targets.
.DEFAULT_GOAL := help
GO      ?= go
OUT     ?= out
FUZZTIME ?= 20s

.PHONY: help demo build test vet fmt-check bench fuzz cover clean

help: ## list the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

demo: build ## convert the bundled seeds into $(OUT)/demo (HTML pages and JSON models) and say where to look
	@rm -rf $(OUT)/demo
	@bin/mdraci convert --page -o $(OUT)/demo testdata/seeds
	@bin/mdraci model -o $(OUT)/demo testdata/seeds
	@echo "mdraci: converted the 5 seed documents in testdata/seeds into $(OUT)/demo/:"
	@ls $(OUT)/demo | sed 's|^|  $(OUT)/demo/|'
	@echo "Open an .html page in a browser (e.g. $(OUT)/demo/004_ibm-code-engine.html);"
	@echo "the .json files are the responsibility models. Findings: bin/mdraci lint testdata/seeds"

build: ## build bin/mdraci
	$(GO) build -o bin/mdraci ./cmd/mdraci

test: vet fmt-check ## run every test
	$(GO) test ./...

vet: ## go vet
	$(GO) vet ./...

fmt-check: ## fail when a Go file is not gofmt-formatted
	@files=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$files" ]; then echo "gofmt needed: $$files"; exit 1; fi

bench: ## speed and memory: mdraci against plain goldmark on the corpus
	$(GO) test -run '^$$' -bench . -benchmem ./...

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
