package keyword_test

import (
	"bytes"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mdraci/mdraci/extension/keyword"
	"github.com/yuin/goldmark"
	"gopkg.in/yaml.v3"
)

// referenceSeeds returns texts holding keyword references: the Markdown of
// the keyword case file, the seed documents and, when present, the corpus
// keyword files and pages (lines with "{{").
func referenceSeeds(tb testing.TB) []string {
	tb.Helper()
	files := []string{"../../testdata/cases/keywords.txt"}
	for _, pat := range []string{"../../testdata/seeds/*", "../../../shared/corpus/keywords/*", "../../../shared/corpus/ibm/*.md"} {
		m, _ := filepath.Glob(pat) // the corpus is absent on a fresh clone: no seeds from it
		files = append(files, m...)
	}
	seen := map[string]bool{}
	var out []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		for _, l := range strings.Split(string(b), "\n") {
			if strings.Contains(l, "{{") && len(l) < 400 && !seen[l] {
				seen[l] = true
				out = append(out, l)
			}
		}
		if len(out) > 300 {
			break
		}
	}
	return out
}

// dataOf returns keyword data defining keyword.a and keyword.b, and
// whether the values could be stored (YAML holds valid UTF-8 only).
func dataOf(a, b string) (*keyword.Data, bool) {
	y, err := yaml.Marshal(map[string]any{"keyword": map[string]any{"a": a, "b": b, "c": "C&amp;D"}})
	if err != nil {
		return nil, false
	}
	d := keyword.NewData()
	if err := d.AddYAML("", y); err != nil {
		return nil, false
	}
	return d, true
}

// FuzzResolve defines two keywords with arbitrary values that may refer to
// each other and resolves them, and expands and converts an arbitrary text
// with them: no panic or hang, answers that do not change when asked again,
// Resolve equal to ResolveRaw with entities decoded, values bounded, valid
// UTF-8 out of valid UTF-8 in.
func FuzzResolve(f *testing.F) {
	for _, s := range referenceSeeds(f) {
		f.Add("x {{site.data.keyword.b}} y", "&reg; {{site.data.keyword.c}}", s)
	}
	f.Add("{{site.data.keyword.a}}", "{{site.data.keyword.a}}", "{{site.data.keyword.a}} {{site.data.keyword.b}}")
	f.Add("{{site.data.keyword.b}}{{site.data.keyword.b}}", "{{ site.data.keyword.c }}", "{{site.data.keyword.a")
	f.Add("{{site.data.keyword.b}}", "{{site.data.keyword.nope}}", "}}{{site.data.keyword.a}}{{")
	f.Fuzz(func(t *testing.T, a, b, text string) {
		d, ok := dataOf(a, b)
		if !ok {
			t.Skip("values YAML cannot hold")
		}
		for _, k := range []string{"keyword.a", "site.data.keyword.b"} {
			v, err := d.Resolve(k)
			again, err2 := d.Resolve(k)
			if v != again || (err == nil) != (err2 == nil) {
				t.Fatalf("Resolve(%q) changed: %q, %v then %q, %v", k, v, err, again, err2)
			}
			raw, errRaw := d.ResolveRaw(k)
			if (err == nil) != (errRaw == nil) || v != html.UnescapeString(raw) {
				t.Fatalf("Resolve(%q) = %q, %v but ResolveRaw = %q, %v", k, v, err, raw, errRaw)
			}
			if len(raw) > 2*keyword.MaxValue {
				t.Fatalf("Resolve(%q): %d bytes", k, len(raw))
			}
			if utf8.ValidString(a) && utf8.ValidString(b) && !utf8.ValidString(v) {
				t.Fatalf("Resolve(%q) = %q: not valid UTF-8", k, v)
			}
		}

		never := func(string) (string, bool) { return "", false }
		if got := keyword.Expand(text, never); got != text {
			t.Fatalf("Expand(%q) with nothing known = %q", text, got)
		}
		if got := keyword.Expand(text, func(string) (string, bool) { return "", true }); len(got) > len(text) ||
			(!strings.Contains(text, "{{") && got != text) {
			t.Fatalf("Expand(%q) removing every reference = %q", text, got)
		}

		md := goldmark.New(goldmark.WithExtensions(keyword.New(keyword.WithData(d))))
		var out bytes.Buffer
		if err := md.Convert([]byte(text), &out); err != nil {
			t.Fatal(err)
		}
		if utf8.ValidString(a) && utf8.ValidString(b) && utf8.ValidString(text) && !utf8.Valid(out.Bytes()) {
			t.Fatalf("converting %q: output not valid UTF-8: %q", text, out.Bytes())
		}
	})
}
