package attributes

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/mdraci/mdraci/extension/diag"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// manyUnknownRefs are documents with n references no definition defines:
// in a run of list lines, in lists on separate paragraphs, in one block
// list and in one span list. at gives where reference i is written, as
// "line:col".
var manyUnknownRefs = []struct {
	name string
	doc  func(n int) string
	at   func(i int) string
}{
	{"run of lines",
		func(n int) string { return "Para\n" + strings.Repeat("{: nosuch}\n", n) },
		func(i int) string { return fmt.Sprintf("%d:4", i+2) }},
	{"paragraphs",
		func(n int) string { return strings.Repeat("Para\n{: nosuch}\n\n", n) },
		func(i int) string { return fmt.Sprintf("%d:4", 3*i+2) }},
	{"one block list",
		func(n int) string { return "Para\n{: .a " + strings.Repeat("nosuch ", n) + "}\n" },
		func(i int) string { return fmt.Sprintf("2:%d", 7+7*i) }},
	{"one span list",
		func(n int) string { return "[a](b){: .a " + strings.Repeat("nosuch ", n) + "}\n" },
		func(i int) string { return fmt.Sprintf("1:%d", 13+7*i) }},
}

// convertCounting converts src with the attribute list parsers and a
// transformer that counts the work of finding where attributes are
// written, and returns the diagnostics as "line:col code" and that work.
func convertCounting(tb testing.TB, src string) (ds []string, work int) {
	tb.Helper()
	cfg := NewConfig()
	md := goldmark.New(goldmark.WithParserOptions(
		parser.WithBlockParsers(util.Prioritized(NewAttributeListParser(cfg), 150)),
		parser.WithInlineParsers(util.Prioritized(NewSpanAttributeListParser(), 95)),
		parser.WithASTTransformers(util.Prioritized(&transformer{cfg: cfg, done: func(a *applier) { work += a.work }}, 100)),
	))
	pc := parser.NewContext()
	doc := md.Parser().Parse(text.NewReader([]byte(src)), parser.WithContext(pc))
	var out bytes.Buffer
	if err := md.Renderer().Render(&out, []byte(src), doc); err != nil {
		tb.Fatal(err)
	}
	for _, d := range diag.Get(pc) {
		ds = append(ds, fmt.Sprintf("%d:%d %s", d.Line, d.Col, d.Code))
	}
	return ds, work
}

// TestManyUnknownRefsLinear checks that reporting many unknown references
// finds where each is written in linear work (bytes of lists parsed and
// lists stepped over): 4 times the references take not much more than 4
// times the work. A search from the start of the lists per reference
// would take 16 times the work, and minutes for 40000 references.
func TestManyUnknownRefsLinear(t *testing.T) {
	const n = 500
	for _, tt := range manyUnknownRefs {
		t.Run(tt.name, func(t *testing.T) {
			var work [2]int
			for k, size := range []int{n, 4 * n} {
				ds, w := convertCounting(t, tt.doc(size))
				if len(ds) != size {
					t.Fatalf("%d references: %d diagnostics, want %d", size, len(ds), size)
				}
				for i, d := range ds {
					if want := tt.at(i) + " attributes-unknown-reference"; d != want {
						t.Fatalf("%d references: diagnostic %d is %q, want %q", size, i, d, want)
					}
				}
				work[k] = w
			}
			if work[1] >= 5*work[0] {
				t.Errorf("%d references took %d work, %d references %d: not linear", n, work[0], 4*n, work[1])
			}
		})
	}
}

func BenchmarkManyUnknownRefs(b *testing.B) {
	for _, tt := range manyUnknownRefs {
		for _, n := range []int{1000, 4000} {
			src := tt.doc(n)
			b.Run(fmt.Sprintf("%s/%d", tt.name, n), func(b *testing.B) {
				for b.Loop() {
					convertCounting(b, src)
				}
			})
		}
	}
}
