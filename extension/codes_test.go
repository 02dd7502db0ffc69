package extension_test

import (
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/mdraci/mdraci/extension"
	"github.com/mdraci/mdraci/extension/diag"
	"github.com/mdraci/mdraci/extension/internal/corpus"
)

// codeLiteral finds, on lines about diagnostic codes, the string literals
// that look like one: "keyword-unknown", "RACI001".
var codeLiteral = regexp.MustCompile(`"([a-z]+(?:-[a-z0-9]+)+|[A-Z]+[0-9]{3})"`)

// TestCodesListed: every code the extension's sources report is listed by
// Codes, once; a code added without a listing fails here.
func TestCodesListed(t *testing.T) {
	known := knownCodes(t)
	_, here, _, _ := runtime.Caller(0)
	found := 0
	err := filepath.WalkDir(filepath.Dir(here), func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for n, line := range strings.Split(string(src), "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), "//") ||
				!strings.Contains(line, "diag.Report(") && !strings.Contains(line, "code") && !strings.Contains(line, "Code") {
				continue
			}
			for _, m := range codeLiteral.FindAllStringSubmatch(line, -1) {
				found++
				if _, ok := known[m[1]]; !ok {
					t.Errorf("%s:%d: code %q is not listed by extension.Codes", path, n+1, m[1])
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if found < len(known) {
		t.Errorf("found %d code literals in the sources, fewer than the %d codes listed", found, len(known))
	}
}

// knownCodes returns Codes by code, failing on a code listed twice or
// without a summary.
func knownCodes(t *testing.T) map[string]diag.Code {
	t.Helper()
	known := map[string]diag.Code{}
	for _, c := range extension.Codes() {
		if _, dup := known[c.Code]; dup {
			t.Errorf("code %q listed twice", c.Code)
		}
		if c.Summary == "" {
			t.Errorf("code %q has no summary", c.Code)
		}
		known[c.Code] = c
	}
	return known
}

// checkCodes fails when a diagnostic's code is not listed by Codes, or,
// unless strict, has another severity than listed.
func checkCodes(t *testing.T, known map[string]diag.Code, ds []diag.Diagnostic, strict bool) {
	t.Helper()
	for _, d := range ds {
		c, ok := known[d.Code]
		switch {
		case !ok:
			t.Errorf("%s: code not listed by extension.Codes", d)
		case !strict && c.Severity != d.Severity:
			t.Errorf("%s: listed as %s", d, c.Severity)
		}
	}
}

// TestCodesCorpus: the diagnostics of every corpus page, its readers' and
// its model's, carry listed codes at their listed severities.
func TestCodesCorpus(t *testing.T) {
	known := knownCodes(t)
	c := extension.NewConverter(extension.WithKeywords(corpusKeywords(t)))
	for _, p := range corpus.Pages(t, ".md", ".txt", ".html", ".htm") {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		res := c.Parse(p, src, extension.DetectFormat(p, src))
		checkCodes(t, known, res.Diagnostics, false)
		checkCodes(t, known, res.Model().Diagnostics, false)
	}
}
