package attributes_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mdraci/mdraci/extension/attributes"
	"github.com/mdraci/mdraci/extension/diag"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"golang.org/x/net/html"
)

// listSeeds returns pieces of real Markdown around attribute lists: each
// "{:" line with the two lines before it, from the case files, the seeds
// and, when present, the corpus.
func listSeeds(tb testing.TB) []string {
	tb.Helper()
	var files []string
	for _, pat := range []string{"../../testdata/cases/*.txt", "../../testdata/seeds/*", "../../../shared/corpus/*/*.md"} {
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
		lines := strings.Split(string(b), "\n")
		for i, l := range lines {
			if !strings.Contains(l, "{:") || seen[l] {
				continue
			}
			seen[l] = true
			out = append(out, strings.Join(lines[max(i-2, 0):i+1], "\n")+"\n")
		}
		if len(out) > 300 {
			break
		}
	}
	return out
}

// textAttribute are the attributes whose values are text, never followed
// as URLs: they may say "javascript: the call" (a link's title, an
// image's alt text).
var textAttribute = map[string]bool{"title": true, "alt": true, "lang": true, "dir": true, "summary": true,
	"caption": true, "caption-side": true, "aria-label": true, "target": true, "rel": true, "start": true, "type": true, "reversed": true}

// FuzzAttributeLists converts arbitrary Markdown with the attribute list
// extension: no panic; valid UTF-8 out of valid UTF-8 in; no event handler,
// style attribute or script URL in the HTML, whatever the lists say;
// diagnostics inside the input.
func FuzzAttributeLists(f *testing.F) {
	for _, s := range listSeeds(f) {
		f.Add(s)
	}
	f.Add("{:a: b .x onclick=\"y\"}\n{:b: a style=\"z\"}\n\nPara\n{: a #i data-x=\"javascript:1\"}\n")
	f.Add("[x](javascript:alert(1)){: .c target=\"_blank\"} ![i](data:image/png;base64,AA){: .d}\n")
	md := goldmark.New(goldmark.WithExtensions(attributes.New()))
	f.Fuzz(func(t *testing.T, src string) {
		pc := parser.NewContext()
		doc := md.Parser().Parse(text.NewReader([]byte(src)), parser.WithContext(pc))
		var out bytes.Buffer
		if err := md.Renderer().Render(&out, []byte(src), doc); err != nil {
			t.Fatal(err)
		}
		if utf8.ValidString(src) && !utf8.Valid(out.Bytes()) {
			t.Fatalf("output is not valid UTF-8:\n%q", out.Bytes())
		}
		nodes, err := html.ParseFragment(bytes.NewReader(out.Bytes()), nil)
		if err != nil {
			t.Fatal(err)
		}
		var walk func(n *html.Node)
		walk = func(n *html.Node) {
			for _, a := range n.Attr {
				if strings.HasPrefix(a.Key, "on") || a.Key == "style" || !textAttribute[a.Key] && !attributes.SafeURL(a.Val) {
					t.Fatalf("unsafe attribute %s=%q in\n%s\ninput: %q", a.Key, a.Val, out.Bytes(), src)
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		for _, n := range nodes {
			walk(n)
		}
		lines := strings.Count(src, "\n") + 1
		for _, d := range diag.Get(pc) {
			if d.Line < 1 || d.Line > lines || d.Col < 1 || d.Message == "" || d.Code == "" {
				t.Fatalf("diagnostic %+v outside the input (%d lines)", d, lines)
			}
		}
	})
}

// TestSafeURL lists how script URLs are spelled to get past filters.
func TestSafeURL(t *testing.T) {
	for _, u := range []string{
		"javascript:alert(1)", "JavaScript:alert(1)", " javascript:x", "\tjava\nscript:x", "java\x00script:x",
		"\x01javascript:x", "vbscript:x", "data:text/html,x", "DATA:image/svg+xml,x", "data:image/png;base64,AA", "file:///etc/passwd",
	} {
		if attributes.SafeURL(u) {
			t.Errorf("SafeURL(%q) = true", u)
		}
	}
	for _, u := range []string{
		"https://example.com/javascript:x", "/docs/x", "#id", "mailto:a@b.c", "javascript", "./data:x", "x", "", "tel:123",
	} {
		if !attributes.SafeURL(u) {
			t.Errorf("SafeURL(%q) = false", u)
		}
	}
}

// mergeNaive is List.Merge as first written: scans, quadratic.
func mergeNaive(l, m attributes.List) attributes.List {
	out := attributes.List{ID: l.ID}
	if m.ID != "" {
		out.ID = m.ID
	}
	add := func(list []string, s string) []string {
		for _, t := range list {
			if t == s {
				return list
			}
		}
		return append(list, s)
	}
	out.Classes = append([]string(nil), l.Classes...)
	for _, c := range m.Classes {
		out.Classes = add(out.Classes, c)
	}
	out.Refs = append(append([]string(nil), l.Refs...), m.Refs...)
	out.Pairs = append([]attributes.Pair(nil), l.Pairs...)
next:
	for _, p := range m.Pairs {
		for i := range out.Pairs {
			if out.Pairs[i].Key == p.Key {
				out.Pairs[i].Value = p.Value
				continue next
			}
		}
		out.Pairs = append(out.Pairs, p)
	}
	return out
}

// TestMergeLarge checks that Merge gives what the plain scan gives, below
// and above the size where it switches to maps.
func TestMergeLarge(t *testing.T) {
	list := func(n, mod int, tag string) attributes.List {
		var l attributes.List
		for i := 0; i < n; i++ {
			l.Classes = append(l.Classes, fmt.Sprintf("c%d", i%mod))
			l.Pairs = append(l.Pairs, attributes.Pair{Key: fmt.Sprintf("k%d", i%mod), Value: fmt.Sprintf("%s%d", tag, i)})
		}
		return l
	}
	for _, n := range []int{0, 1, 5, 16, 17, 40, 300} {
		for _, mod := range []int{1, 3, 1000} {
			l, m := list(n, mod, "l"), list(n/2+1, mod+1, "m")
			l.ID, l.Refs = "a", []string{"r"}
			got, want := l.Merge(m), mergeNaive(l, m)
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Fatalf("n=%d mod=%d:\n got %v\nwant %v", n, mod, got, want)
			}
		}
	}
}
