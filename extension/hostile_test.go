package extension_test

import (
	"bytes"
	"fmt"
	"runtime/debug"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"github.com/mdraci/mdraci/extension"
	"github.com/mdraci/mdraci/extension/keyword"
	"github.com/mdraci/mdraci/extension/mkdocs"
	"github.com/mdraci/mdraci/extension/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hangDeadline turns a hang into a test failure. It is deliberately
// generous (slow machines, -race): it is not a speed goal; the benchmarks
// are where speed is measured.
const hangDeadline = 2 * time.Minute

// withDeadline runs f and fails t when it has not returned after d, or
// when it panics. A hung f is left running: the test fails either way.
func withDeadline(t *testing.T, d time.Duration, what string, f func()) {
	t.Helper()
	done := make(chan any, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- fmt.Sprintf("panic: %v\n%s", p, debug.Stack())
				return
			}
			done <- nil
		}()
		f()
	}()
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case p := <-done:
		if p != nil {
			t.Fatalf("%s: %v", what, p)
		}
	case <-timer.C:
		t.Fatalf("%s: no result after %v: a hang (or a cost far from linear)", what, d)
	}
}

// hostileResult is what one hostile input gave: the HTML, the parse result,
// and the responsibility model built from it.
type hostileResult struct {
	html  string
	res   *extension.Result
	model *model.Document
}

// hasDiag reports whether r holds a diagnostic with code.
func (r hostileResult) hasDiag(code string) bool {
	for _, d := range r.res.Diagnostics {
		if d.Code == code {
			return true
		}
	}
	return false
}

// convertHostile converts src as file with c, then builds its model, all
// under the hang deadline; it checks what holds for every input: valid
// UTF-8 out, well-formed diagnostics.
func convertHostile(t *testing.T, c *extension.Converter, file string, src []byte) hostileResult {
	t.Helper()
	var r hostileResult
	withDeadline(t, hangDeadline, "convert "+file, func() {
		var out bytes.Buffer
		res, err := c.Convert(file, src, &out)
		if err != nil {
			panic(err)
		}
		r.html, r.res = out.String(), res
	})
	withDeadline(t, hangDeadline, "model "+file, func() {
		r.model = model.Build(r.res.Document())
		_ = r.model.Lint(model.LintConfig{})
		_, err := r.model.MarshalIndent()
		if err != nil {
			panic(err)
		}
	})
	require.True(t, utf8.ValidString(r.html), "the HTML is not valid UTF-8")
	for _, d := range r.res.Diagnostics {
		require.Equal(t, file, d.File)
		require.GreaterOrEqual(t, d.Line, 1, "diagnostic %v", d)
		require.GreaterOrEqual(t, d.Col, 1, "diagnostic %v", d)
		require.NotEmpty(t, d.Code, "diagnostic %v", d)
		require.NotEmpty(t, d.Message, "diagnostic %v", d)
	}
	return r
}

// htmlText returns the text the HTML shows.
func htmlText(t *testing.T, h string) string {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(h))
	require.NoError(t, err)
	return doc.Text()
}

// blockText returns every text of r's source document: headings,
// paragraph lines and table cells.
func blockText(r *extension.Result) string {
	var b strings.Builder
	for _, bl := range r.Document().Blocks {
		switch {
		case bl.Heading != nil:
			b.WriteString(bl.Heading.Text + "\n")
		case bl.Table != nil:
			for _, c := range bl.Table.Header {
				b.WriteString(c.Text + "\n")
			}
			for _, row := range bl.Table.Rows {
				for _, c := range row.Cells {
					b.WriteString(c.Text + "\n")
				}
			}
		default:
			for _, l := range bl.Lines {
				b.WriteString(l.Text + "\n")
			}
		}
	}
	return b.String()
}

// tableOf returns a pipe table of rows body rows with cells "rN-cM".
func tableOf(rows, cols int) []byte {
	var b bytes.Buffer
	b.WriteString("# Responsibilities\n\n|")
	for c := 0; c < cols; c++ {
		fmt.Fprintf(&b, " Head %d |", c)
	}
	b.WriteString("\n|")
	b.WriteString(strings.Repeat(" --- |", cols))
	b.WriteString("\n")
	for r := 0; r < rows; r++ {
		b.WriteString("|")
		for c := 0; c < cols; c++ {
			fmt.Fprintf(&b, " r%d-c%d |", r, c)
		}
		b.WriteString("\n")
	}
	return b.Bytes()
}

func TestHostileInputs(t *testing.T) {
	selfRef := keyword.Default()
	require.NoError(t, selfRef.AddYAML("", []byte(`keyword:
  self: "I am {{site.data.keyword.self}}"
  ping: "ping {{site.data.keyword.pong}}"
  pong: "pong {{site.data.keyword.ping}}"
`)))
	var laughs strings.Builder // each value twice the next: 2^40 bytes if expanded
	laughs.WriteString("keyword:\n")
	for i := 0; i < 40; i++ {
		fmt.Fprintf(&laughs, "  lol%d: \"{{site.data.keyword.lol%d}}{{site.data.keyword.lol%d}}\"\n", i, i+1, i+1)
	}
	laughs.WriteString("  lol40: \"lol\"\n")
	for i := 0; i < 10000; i++ { // a chain 10,000 deep
		fmt.Fprintf(&laughs, "  deep%d: \"{{site.data.keyword.deep%d}}\"\n", i, i+1)
	}
	laughs.WriteString("  deep10000: \"bottom\"\n")
	laughs.WriteString("  big: \"" + strings.Repeat("b", 100<<10) + "\"\n") // 100 KB
	require.NoError(t, selfRef.AddYAML("", []byte(laughs.String())))
	c := extension.NewConverter(extension.WithKeywords(selfRef))
	const mb5 = 5 << 20

	tests := []struct {
		name  string
		file  string
		src   func() []byte
		check func(t *testing.T, r hostileResult)
	}{
		{
			name: "invalid UTF-8",
			file: "in.md",
			src: func() []byte {
				return []byte("# Title \xff\xfe\n\n| Task \xc3 | Who |\n| --- | --- |\n| Patch \xe2\x82 | Provider |\n")
			},
			check: func(t *testing.T, r hostileResult) {
				assert.True(t, r.hasDiag("input-utf8"), "a diagnostic names the invalid UTF-8: %v", r.res.Diagnostics)
				text := htmlText(t, r.html)
				assert.Contains(t, text, "Title \uFFFD\uFFFD")
				assert.Contains(t, text, "Patch \uFFFD\uFFFD", "each invalid byte becomes one U+FFFD")
				assert.Contains(t, text, "Provider")
			},
		},
		{
			name: "invalid UTF-8 text",
			file: "in.txt",
			src:  func() []byte { return []byte("Task\nProvider\nCustomer\nPatch\xff\nYes\nNo\n") },
			check: func(t *testing.T, r hostileResult) {
				assert.True(t, r.hasDiag("input-utf8"), "%v", r.res.Diagnostics)
				assert.Contains(t, r.html, "Patch\uFFFD")
			},
		},
		{
			name: "invalid UTF-8 HTML",
			file: "in.html",
			src: func() []byte {
				return []byte("<table><tr><th>Task</th><th>Who</th></tr><tr><td>Patch\xff</td><td>Provider</td></tr></table>")
			},
			check: func(t *testing.T, r hostileResult) {
				assert.True(t, r.hasDiag("input-utf8"), "%v", r.res.Diagnostics)
				assert.Contains(t, r.html, "Patch\uFFFD")
				assert.Contains(t, htmlText(t, r.html), "Provider")
			},
		},
		{
			name: "NUL bytes",
			file: "in.md",
			src: func() []byte {
				return []byte("# A\x00B\n\npara\x00graph {: #x\x00}\n\n| a\x00 | b |\n|---|---|\n| \x00 | y |\n")
			},
			check: func(t *testing.T, r hostileResult) {
				assert.True(t, r.hasDiag("input-nul"), "%v", r.res.Diagnostics)
				assert.NotContains(t, r.html, "\x00")
				assert.Contains(t, r.html, "A\uFFFDB")
				assert.Contains(t, r.html, "para\uFFFDgraph")
				assert.Contains(t, blockText(r.res), "y\n")
			},
		},
		{
			name: "a 5 MB line",
			file: "in.md",
			src:  func() []byte { return append([]byte("# Big\n\n"), bytes.Repeat([]byte("word "), mb5/5)...) },
			check: func(t *testing.T, r hostileResult) {
				assert.Equal(t, mb5/5, strings.Count(r.html, "word"), "every word of the line is in the HTML")
			},
		},
		{
			name: "a 5 MB table cell",
			file: "in.md",
			src: func() []byte {
				return []byte("| Task | Who |\n|---|---|\n| " + strings.Repeat("x", mb5) + " | RA |\n")
			},
			check: func(t *testing.T, r hostileResult) {
				assert.True(t, strings.Contains(r.html, ">"+strings.Repeat("x", mb5)+"<"), "the 5 MB cell is in the HTML")
				assert.Contains(t, blockText(r.res), "RA\n")
			},
		},
		{
			name: "a 5 MB line of text input",
			file: "in.txt",
			src:  func() []byte { return append(bytes.Repeat([]byte("y"), mb5), "\nTask\nProvider\nCustomer\n"...) },
			check: func(t *testing.T, r hostileResult) {
				assert.True(t, strings.Contains(r.html, strings.Repeat("y", mb5)), "the 5 MB line is in the HTML")
			},
		},
		{
			name: "200,000 {{ in a row",
			file: "in.md",
			src:  func() []byte { return []byte("Text " + strings.Repeat("{{", 200000) + " end\n") },
			check: func(t *testing.T, r hostileResult) {
				assert.Equal(t, 400000, strings.Count(r.html, "{"), "every brace is kept as text")
			},
		},
		{
			name: "200,000 {{ in a row, closed",
			file: "in.md",
			src:  func() []byte { return []byte("Text " + strings.Repeat("{{", 200000) + " end }}\n") },
			check: func(t *testing.T, r hostileResult) {
				assert.Equal(t, 400000, strings.Count(r.html, "{"), "every brace is kept as text")
				assert.Contains(t, r.html, "end }}")
			},
		},
		{
			name: "200,000 unclosed keyword references",
			file: "in.md",
			src:  func() []byte { return []byte(strings.Repeat("{{site.data.keyword.x ", 200000) + "\n") },
			check: func(t *testing.T, r hostileResult) {
				assert.Equal(t, 200000, strings.Count(r.html, "{{site.data.keyword.x"), "every reference is kept as written")
				require.Len(t, r.res.Diagnostics, 1, "one report for the line, not one per reference")
				assert.Equal(t, "keyword-unterminated", r.res.Diagnostics[0].Code)
			},
		},
		{
			// each reference is placed in one pass over the block (it
			// was quadratic: 1 MB took most of a minute)
			name: "200,000 unknown keywords in an HTML block",
			file: "in.md",
			src: func() []byte {
				return []byte("<div>" + strings.Repeat("{{site.data.keyword.nope}}", 200000) + "\n<!-- " + strings.Repeat("{{site.data.keyword.nope}}", 200000) + " --></div>\n")
			},
			check: func(t *testing.T, r hostileResult) {
				assert.Equal(t, 200000, strings.Count(r.html, "{{site.data.keyword.nope}}"), "every reference is kept as written (the comment is dropped)")
				require.Len(t, r.res.Diagnostics, 200000, "one report per reference outside the comment")
				last := r.res.Diagnostics[len(r.res.Diagnostics)-1]
				assert.Equal(t, [2]int{1, 6 + 26*199999}, [2]int{last.Line, last.Col})
			},
		},
		{
			name: "200,000 {{ on a line of its own",
			file: "in.md",
			src:  func() []byte { return []byte(strings.Repeat("{{", 200000) + "}}\n") },
			check: func(t *testing.T, r hostileResult) {
				assert.Equal(t, 400000, strings.Count(r.html, "{"))
			},
		},
		{
			name: "200,000 {: in a row",
			file: "in.md",
			src:  func() []byte { return []byte("Text " + strings.Repeat("{:", 200000) + " end\n") },
			check: func(t *testing.T, r hostileResult) {
				assert.Equal(t, 200000, strings.Count(r.html, "{:"), "every {: is kept as text")
			},
		},
		{
			name: "200,000 {: in a row, closed",
			file: "in.md",
			src:  func() []byte { return []byte("*Text* " + strings.Repeat("{:", 200000) + " end}\n") },
			check: func(t *testing.T, r hostileResult) {
				assert.Equal(t, 200000, strings.Count(r.html, "{:"), "every {: is kept as text")
			},
		},
		{
			name: "200,000 {: on a line of its own",
			file: "in.md",
			src:  func() []byte { return []byte("Para\n" + strings.Repeat("{:", 200000) + "}\n") },
			check: func(t *testing.T, r hostileResult) {
				// the line is an attribute list whose one reference has
				// an invalid name: reported, briefly, and dropped
				assert.Contains(t, r.html, "<p>Para</p>")
				require.True(t, r.hasDiag("attributes-syntax"), "%v", r.res.Diagnostics)
				for _, d := range r.res.Diagnostics {
					assert.Less(t, len(d.Message), 300, "the message quotes a clipped name")
				}
			},
		},
		{
			name: "20,000 nested blockquotes",
			file: "in.md",
			src:  func() []byte { return []byte(strings.Repeat("> ", 20000) + "deep\n") },
			check: func(t *testing.T, r hostileResult) {
				assert.Contains(t, r.html, "deep")
				assert.Equal(t, strings.Count(r.html, "<blockquote>"), strings.Count(r.html, "</blockquote>"))
			},
		},
		{
			name: "200,000 unclosed Pandoc lists after links",
			file: "in.md",
			src:  func() []byte { return []byte(strings.Repeat("[a](b){.", 200000) + "\n") },
			check: func(t *testing.T, r hostileResult) {
				// no list closes: each stays text after its link
				assert.Equal(t, 200000, strings.Count(r.html, `<a href="b">a</a>{.`))
			},
		},
		{
			name: "1,500 nested MkDocs containers",
			file: "in.md",
			src: func() []byte {
				var b strings.Builder
				for i := 0; i < 1500; i++ {
					b.WriteString(strings.Repeat(" ", 4*i) + "!!! note\n")
				}
				b.WriteString(strings.Repeat(" ", 4*1500) + "deep\n")
				return []byte(b.String())
			},
			check: func(t *testing.T, r hostileResult) {
				// mkdocs.MaxDepth containers, the markers deeper are text
				assert.Contains(t, r.html, "deep")
				assert.Equal(t, mkdocs.MaxDepth, strings.Count(r.html, `<div class="admonition note">`))
				assert.Equal(t, strings.Count(r.html, "<div"), strings.Count(r.html, "</div>"))
			},
		},
		{
			name: "20,000 nested lists",
			file: "in.md",
			src: func() []byte {
				var b strings.Builder
				for i := 0; i < 20000; i++ {
					b.WriteString(strings.Repeat(" ", 2*i%200) + "- ")
				}
				b.WriteString("deep\n")
				return []byte(b.String())
			},
			check: func(t *testing.T, r hostileResult) {
				assert.Contains(t, r.html, "deep")
			},
		},
		{
			name: "an IAL with 20,000 classes",
			file: "in.md",
			src: func() []byte {
				var b strings.Builder
				b.WriteString("# Heading\n{:")
				for i := 0; i < 20000; i++ {
					fmt.Fprintf(&b, " .c%d", i)
				}
				b.WriteString("}\n")
				return []byte(b.String())
			},
			check: func(t *testing.T, r hostileResult) {
				assert.Contains(t, r.html, ` class="c0 c1 c2 `)
				assert.Contains(t, r.html, ` c19999"`)
				assert.NotContains(t, htmlText(t, r.html), "{:")
			},
		},
		{
			name: "an IAL with 20,000 repeated classes and attributes",
			file: "in.md",
			src: func() []byte {
				return []byte("Para\n{:" + strings.Repeat(" .c", 20000) + strings.Repeat(` data-x="1"`, 20000) + "}\n")
			},
			check: func(t *testing.T, r hostileResult) {
				assert.Contains(t, r.html, `<p class="c" data-x="1">Para</p>`)
			},
		},
		{
			name: "ALD cycle",
			file: "in.md",
			src:  func() []byte { return []byte("{:a: b .from-a}\n{:b: a .from-b}\n\nPara\n{: a}\n") },
			check: func(t *testing.T, r hostileResult) {
				assert.True(t, r.hasDiag("attributes-cycle"), "%v", r.res.Diagnostics)
				assert.Contains(t, r.html, "Para</p>")
				assert.Contains(t, r.html, "from-a")
				assert.Contains(t, r.html, "from-b")
			},
		},
		{
			name: "ALD self reference",
			file: "in.md",
			src:  func() []byte { return []byte("{:a: a .x}\n\nPara\n{: a}\n") },
			check: func(t *testing.T, r hostileResult) {
				assert.True(t, r.hasDiag("attributes-cycle"), "%v", r.res.Diagnostics)
				assert.Contains(t, r.html, `<p class="x">Para</p>`)
			},
		},
		{
			name: "ALD doubling chain (a billion laughs)",
			file: "in.md",
			src: func() []byte {
				var b strings.Builder
				// 30 levels (within the nesting limit), each used twice:
				// 2^30 expansions unless each definition expands once
				for i := 0; i < 30; i++ {
					fmt.Fprintf(&b, "{:d%d: d%d d%d .c%d}\n", i, i+1, i+1, i)
				}
				b.WriteString("{:d30: .last}\n\nPara\n{: d0}\n")
				return []byte(b.String())
			},
			check: func(t *testing.T, r hostileResult) {
				assert.Contains(t, r.html, ` c0"`)
				assert.Contains(t, r.html, "last")
				assert.Contains(t, r.html, "Para</p>")
			},
		},
		{
			name: "a keyword whose value refers to itself",
			file: "in.md",
			src:  func() []byte { return []byte("# {{site.data.keyword.self}}\n\nSay {{site.data.keyword.ping}}.\n") },
			check: func(t *testing.T, r hostileResult) {
				assert.True(t, r.hasDiag("keyword-cycle"), "%v", r.res.Diagnostics)
				assert.Contains(t, r.html, "{{site.data.keyword.self}}")
				assert.Contains(t, r.html, "{{site.data.keyword.ping}}")
			},
		},
		{
			name: "a keyword doubling 40 times (a billion laughs)",
			file: "in.md",
			src:  func() []byte { return []byte("Say {{site.data.keyword.lol0}}.\n\nSay {{site.data.keyword.lol10}}.\n") },
			check: func(t *testing.T, r hostileResult) {
				assert.True(t, r.hasDiag("keyword-too-large"), "%v", r.res.Diagnostics)
				assert.Contains(t, r.html, "Say {{site.data.keyword.lol0}}.")
				assert.Less(t, len(r.html), 4*keyword.MaxValue)
				// lol10 is 2^30 × "lol": too large as well
				assert.Contains(t, r.html, "Say {{site.data.keyword.lol10}}.")
			},
		},
		{
			name: "a keyword within bounds of the doubling chain",
			file: "in.md",
			src:  func() []byte { return []byte("Say {{site.data.keyword.lol36}}.\n") },
			check: func(t *testing.T, r hostileResult) {
				assert.Empty(t, r.res.Diagnostics)
				assert.Contains(t, r.html, "Say "+strings.Repeat("lol", 16)+".")
			},
		},
		{
			name: "keyword references nested 10,000 deep",
			file: "in.md",
			src:  func() []byte { return []byte("Say {{site.data.keyword.deep0}}, {{site.data.keyword.deep5000}}.\n") },
			check: func(t *testing.T, r hostileResult) {
				assert.Empty(t, r.res.Diagnostics)
				assert.Contains(t, r.html, "Say bottom, bottom.")
			},
		},
		{
			name: "a 5 MB keyword path",
			file: "in.md",
			src:  func() []byte { return []byte("Say {{site.data.keyword." + strings.Repeat("k", mb5) + "}}.\n") },
			check: func(t *testing.T, r hostileResult) {
				require.True(t, r.hasDiag("keyword-unknown"), "%v", len(r.res.Diagnostics))
				for _, d := range r.res.Diagnostics {
					assert.Less(t, len(d.Message), 300, "the message quotes a clipped path")
				}
				assert.True(t, strings.Contains(r.html, strings.Repeat("k", mb5)), "the reference stays as written")
			},
		},
		{
			name: "a 100 KB keyword used 2,000 times",
			file: "in.md",
			src:  func() []byte { return bytes.Repeat([]byte("Say {{site.data.keyword.big}}.\n\n"), 2000) },
			check: func(t *testing.T, r hostileResult) {
				// 200 MB if every reference were resolved
				require.Len(t, r.res.Diagnostics, 1, "reported once")
				assert.Equal(t, "keyword-too-large", r.res.Diagnostics[0].Code)
				assert.Less(t, len(r.html), keyword.Budget(len(r.res.Source))+200_000)
				assert.Greater(t, strings.Count(r.html, strings.Repeat("b", 100<<10)), 5, "the first references are resolved")
				assert.Contains(t, r.html, "<p>Say {{site.data.keyword.big}}.</p>", "the later ones are left as written")
			},
		},
		{
			name: "a 100 KB keyword used 2,000 times in attribute values",
			file: "in.md",
			src: func() []byte {
				return bytes.Repeat([]byte("Para\n{: title=\""+strings.Repeat("{{site.data.keyword.big}}", 20)+"\"}\n\n"), 100)
			},
			check: func(t *testing.T, r hostileResult) {
				assert.True(t, r.hasDiag("attributes-too-large"), "%v", r.res.Diagnostics)
				assert.Less(t, len(r.html), 4*len(r.res.Source)+(64<<10)+200_000)
				assert.Equal(t, 100, strings.Count(r.html, ">Para</p>"))
			},
		},
		{
			name: "an IAL with 20,000 attributes",
			file: "in.md",
			src: func() []byte {
				var b strings.Builder
				b.WriteString("Para\n{:")
				for i := 0; i < 20000; i++ {
					fmt.Fprintf(&b, " data-a%d=\"%d\" onclick%d=\"x()\"", i, i, i)
				}
				b.WriteString("}\n")
				return []byte(b.String())
			},
			check: func(t *testing.T, r hostileResult) {
				assert.Contains(t, r.html, ` data-a0="0" `)
				assert.Contains(t, r.html, ` data-a127="127">Para</p>`, "the first 256 attributes are applied (or dropped)")
				assert.NotContains(t, r.html, "onclick")
				assert.True(t, r.hasDiag("attributes-not-allowed"))
				assert.True(t, r.hasDiag("attributes-too-many"))
			},
		},
		{
			name: "an ALD chain 20,000 deep",
			file: "in.md",
			src: func() []byte {
				var b strings.Builder
				for i := 0; i < 20000; i++ {
					fmt.Fprintf(&b, "{:d%d: d%d .c%d}\n", i, i+1, i)
				}
				b.WriteString("{:d20000: d0}\n\nPara\n{: d0}\n")
				return []byte(b.String())
			},
			check: func(t *testing.T, r hostileResult) {
				assert.True(t, r.hasDiag("attributes-too-deep"), "%v", r.res.Diagnostics)
				assert.Contains(t, r.html, `<p class="c31 c30 `, "the first 32 levels apply")
				assert.NotContains(t, r.html, `c32`)
				for _, d := range r.res.Diagnostics {
					assert.Less(t, len(d.Message), 300, "the message shows a clipped chain")
				}
			},
		},
		{
			name: "a large attribute definition used 20,000 times",
			file: "in.md",
			src: func() []byte {
				var b strings.Builder
				b.WriteString("{:big: .c" + strings.Repeat("x", 10000) + "}\n\n")
				for i := 0; i < 20000; i++ {
					b.WriteString("P\n{: big}\n\n")
				}
				return []byte(b.String())
			},
			check: func(t *testing.T, r hostileResult) {
				assert.True(t, r.hasDiag("attributes-too-large"), "%v", r.res.Diagnostics)
				assert.Less(t, len(r.html), 10*len(strings.Repeat("x", 10000)+strings.Repeat("P\n{: big}\n\n", 20000)),
					"the output stays within a few times the input")
				assert.Equal(t, 20000, strings.Count(r.html, ">P</p>"))
			},
		},
		{
			name: "a cycle of ALDs that double",
			file: "in.md",
			src: func() []byte {
				var b strings.Builder
				for i := 0; i < 40; i++ {
					fmt.Fprintf(&b, "{:e%d: e%d e%d .c%d}\n", i, (i+1)%40, (i+1)%40, i)
				}
				b.WriteString("\nPara\n{: e0}\n")
				return []byte(b.String())
			},
			check: func(t *testing.T, r hostileResult) {
				assert.True(t, r.hasDiag("attributes-too-deep") || r.hasDiag("attributes-cycle"), "%v", r.res.Diagnostics)
				assert.Contains(t, r.html, "Para</p>")
			},
		},
		{
			name: "50,000 nested brackets",
			file: "in.md",
			src:  func() []byte { return []byte(strings.Repeat("[", 50000) + "a" + strings.Repeat("]", 50000) + "\n") },
			check: func(t *testing.T, r hostileResult) {
				assert.Equal(t, 50000, strings.Count(r.html, "["))
			},
		},
		{
			name: "50,000 unclosed emphasis runs",
			file: "in.md",
			src:  func() []byte { return []byte(strings.Repeat("*a **a ", 50000) + "\n") },
			check: func(t *testing.T, r hostileResult) {
				assert.Contains(t, r.html, "a")
			},
		},
		{
			name: "50,000 links in brackets",
			file: "in.md",
			src:  func() []byte { return []byte(strings.Repeat("[a](b) ", 50000) + "\n") },
			check: func(t *testing.T, r hostileResult) {
				assert.Equal(t, 50000, strings.Count(r.html, `<a href="b">a</a>`))
			},
		},
		{
			name: "50,000 raw HTML tags",
			file: "in.md",
			src:  func() []byte { return []byte("Text " + strings.Repeat("<b>x", 50000) + "\n") },
			check: func(t *testing.T, r hostileResult) {
				assert.Equal(t, 50000, strings.Count(r.html, "<b>x"))
			},
		},
		{
			name: "a table of 20,000 rows",
			file: "in.md",
			src:  func() []byte { return tableOf(20000, 3) },
			check: func(t *testing.T, r hostileResult) {
				assert.Equal(t, 20001, strings.Count(r.html, "<tr>"))
				assert.Contains(t, r.html, "<td>r19999-c2</td>")
				doc := r.res.Document()
				var rows int
				for _, b := range doc.Blocks {
					if b.Table != nil {
						rows += len(b.Table.Rows)
					}
				}
				assert.Equal(t, 20000, rows, "every row reaches the source document")
			},
		},
		{
			name: "a text table of 20,000 rows",
			file: "in.txt",
			src: func() []byte {
				var b strings.Builder
				b.WriteString("Task\nProvider responsibilities\nCustomer responsibilities\n")
				for i := 0; i < 20000; i++ {
					fmt.Fprintf(&b, "Task %d\nThe provider runs %d.\nThe customer uses %d.\n", i, i, i)
				}
				return []byte(b.String())
			},
			check: func(t *testing.T, r hostileResult) {
				assert.Contains(t, r.html, "Task 19999")
				assert.Contains(t, r.html, "The customer uses 19999.")
			},
		},
		{
			name: "an HTML table of 20,000 rows",
			file: "in.html",
			src: func() []byte {
				var b strings.Builder
				b.WriteString("<table><tr><th>Task</th><th>Provider</th><th>Customer</th></tr>")
				for i := 0; i < 20000; i++ {
					fmt.Fprintf(&b, "<tr><td>Task %d</td><td>R</td><td>A</td></tr>", i)
				}
				b.WriteString("</table>")
				return []byte(b.String())
			},
			check: func(t *testing.T, r hostileResult) {
				assert.Contains(t, r.html, "Task 19999")
				var rows int
				for _, b := range r.res.Document().Blocks {
					if b.Table != nil {
						rows += len(b.Table.Rows)
					}
				}
				assert.Equal(t, 20000, rows)
			},
		},
		{
			name: "20,000 nested HTML elements",
			file: "in.html",
			src: func() []byte {
				return []byte(strings.Repeat("<div>", 20000) + "<table><tr><td>deep</td><td>cell</td></tr></table>" + strings.Repeat("</div>", 20000))
			},
			check: func(t *testing.T, r hostileResult) {
				assert.True(t, r.hasDiag("html-too-deep"), "%v", r.res.Diagnostics)
				assert.Contains(t, blockText(r.res), "deep")
				assert.Contains(t, blockText(r.res), "cell")
				assert.Contains(t, r.html, "<td>deep</td>")
			},
		},
		{
			name: "20,000 nested tables",
			file: "in.html",
			src: func() []byte {
				return []byte(strings.Repeat("<table><tr><td>", 20000) + "deep" + strings.Repeat("</td></tr></table>", 20000))
			},
			check: func(t *testing.T, r hostileResult) {
				assert.True(t, r.hasDiag("html-too-deep"), "%v", r.res.Diagnostics)
				assert.Contains(t, blockText(r.res), "deep")
			},
		},
		{
			name: "a table with 20,000 columns",
			file: "in.md",
			src:  func() []byte { return tableOf(3, 20000) },
			check: func(t *testing.T, r hostileResult) {
				assert.Contains(t, r.html, "<td>r2-c19999</td>")
			},
		},
		{
			name: "20,000 headings with one name",
			file: "in.md",
			src:  func() []byte { return bytes.Repeat([]byte("## Same\n\n"), 20000) },
			check: func(t *testing.T, r hostileResult) {
				assert.Contains(t, r.html, `id="same-20000"`)
			},
		},
		{
			// each "]" closes no "[": finding the span's "[" must not read
			// the line back each time
			name: "200,000 span lists after unmatched brackets",
			file: "in.md",
			src:  func() []byte { return bytes.Repeat([]byte("x]{: .c} "), 200000) },
			check: func(t *testing.T, r hostileResult) {
				assert.Equal(t, 200000, strings.Count(r.html, "x]{: .c}"), "each left as text")
			},
		},
		{
			name: "100,000 bracketed spans",
			file: "in.md",
			src:  func() []byte { return bytes.Repeat([]byte("[x]{: .c} "), 100000) },
			check: func(t *testing.T, r hostileResult) {
				assert.Equal(t, 100000, strings.Count(r.html, `<span class="c">x</span>`))
			},
		},
		{
			name: "200,000 footnote-like marks in a cell",
			file: "in.md",
			src: func() []byte {
				return []byte("| Task | Provider | Customer |\n|---|---|---|\n| Patch | R" + strings.Repeat(" (1)", 200000) + " | A |\n")
			},
			check: func(t *testing.T, r hostileResult) {
				assert.Contains(t, blockText(r.res), "A\n")
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := convertHostile(t, c, tt.file, tt.src())
			tt.check(t, r)
			if n := len(r.res.Diagnostics); n > 0 {
				t.Logf("%d diagnostics, first: %v", n, r.res.Diagnostics[0])
			}
		})
	}
}

// Keyword references in raw HTML, blocks and inline tags, share the
// document's budget of keyword values with inline references: a 60 KB page
// naming a 100 KB value 2,000 times stays small, says why, and keeps the
// references it did not expand as written.
func TestRawHTMLKeywordBudget(t *testing.T) {
	data := keyword.Default()
	require.NoError(t, data.AddYAML("", []byte("keyword:\n  big: \""+strings.Repeat("b", 100<<10)+"\"\n")))
	var src strings.Builder
	for i := 0; i < 1000; i++ {
		src.WriteString("<div title=\"{{site.data.keyword.big}}\">block</div>\n\n")
		src.WriteString("Text <span title=\"{{site.data.keyword.big}}\">inline</span>.\n\n")
	}
	c := extension.NewConverter(extension.WithKeywords(data))
	var out bytes.Buffer
	res, err := c.Convert("big.md", []byte(src.String()), &out)
	require.NoError(t, err)
	assert.Less(t, out.Len(), keyword.Budget(src.Len())+4*src.Len(), "the output stays within the budget")
	assert.Contains(t, out.String(), "{{site.data.keyword.big}}", "what was not expanded stays as written")
	found := false
	for _, d := range res.Diagnostics {
		found = found || d.Code == "keyword-too-large"
	}
	assert.True(t, found, "a keyword-too-large diagnostic says why")
}
