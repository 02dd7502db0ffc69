package attributes

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	gext "github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// randomList returns a list of up to n classes, pairs and references drawn
// from few names, so that they repeat.
func randomList(r *rand.Rand, n int) List {
	var l List
	if r.IntN(3) == 0 {
		l.ID = fmt.Sprint("id", r.IntN(3))
	}
	for range r.IntN(n + 1) {
		l.Classes = append(l.Classes, fmt.Sprint("c", r.IntN(n+1)))
	}
	for range r.IntN(n + 1) {
		l.Pairs = append(l.Pairs, Pair{Key: fmt.Sprint("k", r.IntN(n+1)), Value: fmt.Sprint("v", r.IntN(100))})
	}
	for range r.IntN(3) {
		l.Refs = append(l.Refs, fmt.Sprint("r", r.IntN(3)))
	}
	return l
}

// normal makes empty slices nil, so that lists compare by content.
func normal(l List) List {
	if len(l.Classes) == 0 {
		l.Classes = nil
	}
	if len(l.Pairs) == 0 {
		l.Pairs = nil
	}
	if len(l.Refs) == 0 {
		l.Refs = nil
	}
	return l
}

// TestMergerMatchesMerge checks that merger, which scans short lists and
// indexes long ones, merges as List.Merge does, below and above indexFrom.
func TestMergerMatchesMerge(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 2000 {
		var m merger
		var want List
		size := []int{2, 8, 3 * indexFrom}[i%3]
		for range 1 + r.IntN(4) {
			l := randomList(r, size)
			m.add(l)
			want = want.Merge(l)
		}
		if got := normal(m.list); !reflect.DeepEqual(got, normal(want)) {
			t.Fatalf("merger: %+v\nMerge:  %+v", got, normal(want))
		}
	}
}

// TestExpandWithoutRefs checks that expand gives a list without references
// back as merging it would: its classes and pair keys made unique.
func TestExpandWithoutRefs(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	a := &applier{cfg: NewConfig(), defs: map[string]*List{}, expanded: map[string]List{}, active: map[string]bool{}, budget: 1 << 20}
	for i := range 2000 {
		l := randomList(r, []int{2, 6, 2 * indexFrom}[i%3])
		l.Refs = nil
		var m merger
		m.add(l)
		if got, want := normal(a.expand(l, 0, nil)), normal(m.list); !reflect.DeepEqual(got, want) {
			t.Fatalf("expand(%+v) = %+v, want %+v", l, got, want)
		}
	}
}

// walkSpan is the simple version of span, through ast.Walk.
func walkSpan(n ast.Node) (start, stop int, ok bool) {
	start, stop = -1, -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && c.Type() == ast.TypeInline {
			return ast.WalkSkipChildren, nil
		}
		if !entering || c.Type() != ast.TypeBlock {
			return ast.WalkContinue, nil
		}
		lines := c.Lines()
		if lines == nil || lines.Len() == 0 {
			return ast.WalkContinue, nil
		}
		if s := lines.At(0).Start; start < 0 || s < start {
			start = s
		}
		if e := lines.At(lines.Len() - 1).Stop; e > stop {
			stop = e
		}
		return ast.WalkContinue, nil
	})
	return start, stop, start >= 0
}

// TestSpanMatchesWalk checks span against a walk on every node of a
// document of lists, quotes, tables and code.
func TestSpanMatchesWalk(t *testing.T) {
	src := []byte("# Head\n\npara *em*\nline two\n\n- a\n  - b\n\n    code\n\n> quote\n>\n> - x\n\n" +
		"| a | b |\n|---|---|\n| 1 | |\n\n```\nfence\n```\n\n1. one\n\n   two\n\n<div>\nhtml\n</div>\n")
	doc := goldmark.New(goldmark.WithExtensions(gext.GFM)).Parser().Parse(text.NewReader(src))
	checked := 0
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			s1, e1, ok1 := span(n, src)
			s2, e2, ok2 := walkSpan(n)
			if s1 != s2 || e1 != e2 || ok1 != ok2 {
				t.Errorf("span(%s) = %d, %d, %v; a walk finds %d, %d, %v", n.Kind(), s1, e1, ok1, s2, e2, ok2)
			}
			checked++
		}
		return ast.WalkContinue, nil
	})
	if checked < 30 {
		t.Fatalf("only %d nodes checked", checked)
	}
}

// FuzzSafeURLBytes checks that safeURLBytes, which the URL renderer uses on
// destinations held as bytes, agrees with SafeURL.
func FuzzSafeURLBytes(f *testing.F) {
	for _, s := range []string{"https://example.com", "javascript:alert(1)", " J\tava\x00Script:x", "DATA:text/html",
		"\u00a0javascript:", "jav\u0430script:", "file:", "\xffjavascript:", "vbscript", "", "a"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := safeURLBytes(b), SafeURL(string(b)); got != want {
			t.Errorf("safeURLBytes(%q) = %v, SafeURL = %v", b, got, want)
		}
	})
}

// slowParseValue is parseValue as first written: every quoted value
// copied through a builder.
func slowParseValue(s string, i int) (string, int, string) {
	if i >= len(s) {
		return "", i, "missing value"
	}
	q := s[i]
	if q != '"' && q != '\'' {
		j := i
		for j < len(s) && !isSpace(s[j]) {
			j++
		}
		return s[i:j], j, ""
	}
	var b strings.Builder
	for j := i + 1; j < len(s); j++ {
		c := s[j]
		if c == '\\' && j+1 < len(s) && (s[j+1] == q || s[j+1] == '\\' || s[j+1] == '}') {
			b.WriteByte(s[j+1])
			j++
			continue
		}
		if c == q {
			return b.String(), j + 1, ""
		}
		b.WriteByte(c)
	}
	return b.String(), len(s), "the quoted value is not closed"
}

// FuzzParseValue checks parseValue, which returns values without
// backslashes as substrings, against slowParseValue.
func FuzzParseValue(f *testing.F) {
	for _, s := range []string{`"abc" x`, `'a\'b'`, `"a\\"`, `"a\}b"`, `"a\nb"`, `"open`, `bare v`, `""`, `"x'y"`, `'\`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v1, n1, p1 := parseValue(s, 0)
		v2, n2, p2 := slowParseValue(s, 0)
		if v1 != v2 || n1 != n2 || p1 != p2 {
			t.Errorf("parseValue(%q) = %q, %d, %q; want %q, %d, %q", s, v1, n1, p1, v2, n2, p2)
		}
	})
}

// FuzzURLRendererMatchesGoldmark checks that links and images whose
// destination SafeURL and goldmark's own check accept render as goldmark's
// safe renderer renders them, also when URLRenderer skips that check
// (checkedURL), and that a refused destination leaves no element pointing
// at the page itself (href="" or src="").
func FuzzURLRendererMatchesGoldmark(f *testing.F) {
	for _, d := range []string{"https://example.com/a?b=c", "&#106;avascript:x", `\javascript:x`, "java&#115;cript:x",
		"data&#58;text/html", "/docs/x y", "é/ü", "%6Aavascript:x", "file&colon;x", "JAVASCRIPT:x", "\u212Aa", "a\xffb", "&amp;#106;avascript:x", `\\&#106;avascript:x`,
		"http://a.b/&#106;", "https://x.y/a&amp;b", "javascript:alert(1)", "a@b.co", "mailto:a@b.co", "ftp://x.y/\\z"} {
		f.Add(d, "t", false)
		f.Add(d, "", true)
	}
	plain := goldmark.New(goldmark.WithExtensions(gext.Linkify))
	ours := goldmark.New(goldmark.WithExtensions(gext.Linkify),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(NewURLRenderer(), 200))))
	f.Fuzz(func(t *testing.T, dest, title string, image bool) {
		src := fmt.Sprintf("[x](<%s> %q) ![y](<%s>)", dest, title, dest)
		if image {
			// autolinks, and bare URLs linkify links
			src = fmt.Sprintf("![y](<%s> %q)\n\n<%s> %s www.%s", dest, title, dest, dest, dest)
		}
		doc := plain.Parser().Parse(text.NewReader([]byte(src)))
		safe := true
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			switch v := n.(type) {
			case *ast.Link:
				safe = safe && SafeURL(string(v.Destination)) && !html.IsDangerousURL(util.URLEscape(v.Destination, true))
			case *ast.Image:
				safe = safe && SafeURL(string(v.Destination)) && !html.IsDangerousURL(util.URLEscape(v.Destination, true))
			case *ast.AutoLink:
				safe = safe && SafeURL(string(v.URL([]byte(src)))) && !html.IsDangerousURL(util.URLEscape(v.URL([]byte(src)), false))
			}
			return ast.WalkContinue, nil
		})
		if !safe {
			// URLRenderer drops what goldmark may keep, and leaves out
			// the element goldmark writes with an empty URL
			var got bytes.Buffer
			if err := ours.Convert([]byte(src), &got); err != nil {
				t.Fatal(err)
			}
			if strings.Contains(got.String(), `href=""`) || strings.Contains(got.String(), `src=""`) {
				t.Errorf("%q: an empty URL: %s", src, got.String())
			}
			return
		}
		var want, got bytes.Buffer
		if err := plain.Convert([]byte(src), &want); err != nil {
			t.Fatal(err)
		}
		if err := ours.Convert([]byte(src), &got); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%q:\nURLRenderer: %s\ngoldmark:    %s", src, got.String(), want.String())
		}
	})
}

// TestDistinct checks what applyBlockGroup and expand rely on when they
// take a list as it is: merging a distinct list gives it back, and
// distinct finds repeated classes and keys.
func TestDistinct(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	seen := map[bool]int{}
	for i := range 2000 {
		l := randomList(r, []int{2, 6, 2 * indexFrom}[i%3])
		var m merger
		m.add(l)
		same := reflect.DeepEqual(normal(m.list), normal(l))
		d := distinct(l)
		seen[d]++
		switch {
		case d && !same:
			t.Fatalf("distinct(%+v), but merging it gives %+v", l, m.list)
		case !d && same && len(l.Classes) <= indexFrom && len(l.Pairs) <= indexFrom:
			t.Fatalf("distinct(%+v) = false, but merging it changes nothing", l)
		}
	}
	if seen[true] < 100 || seen[false] < 100 {
		t.Fatalf("too few cases: %v", seen)
	}
}

// TestJoinClasses checks joinClasses against strings.Join.
func TestJoinClasses(t *testing.T) {
	for _, classes := range [][]string{nil, {"a"}, {"a", "b"}, {"note", "", "x y"}} {
		if got, want := string(joinClasses(classes)), strings.Join(classes, " "); got != want {
			t.Errorf("joinClasses(%q) = %q, want %q", classes, got, want)
		}
	}
}

// TestDefinition checks that definition finds the last definition of a
// name both while it scans and once it indexes the definitions.
func TestDefinition(t *testing.T) {
	def := func(name, class string) Line { return Line{Name: name, List: List{Classes: []string{class}}} }
	blocks := []*AttributeList{
		NewAttributeList(def("a", "a1"), def("b", "b1")),
		NewAttributeList(Line{List: List{ID: "x"}}),
		NewAttributeList(def("a", "a2"), def("c", "c1")),
	}
	want := map[string]string{"a": "a2", "b": "b1", "c": "c1", "d": "", "": ""}
	a := &applier{blocks: blocks}
	for round := range 3 {
		for _, name := range []string{"a", "b", "c", "d", ""} {
			got := ""
			if l := a.definition(name); l != nil {
				got = l.Classes[0]
			}
			if got != want[name] {
				t.Errorf("round %d (scans %d, indexed %v): definition(%q) has class %q, want %q",
					round, a.scans, a.defs != nil, name, got, want[name])
			}
		}
	}
	if a.defs == nil {
		t.Error("definition never indexed the definitions")
	}
}
