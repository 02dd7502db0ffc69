package attributes_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/mdraci/mdraci/extension/attributes"
	"github.com/mdraci/mdraci/extension/diag"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/yuin/goldmark"
	gext "github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// convert renders src with the attribute list extension (default keywords)
// and GFM tables, and returns the HTML and the diagnostics as
// "line:col code".
func convert(t *testing.T, src string) (string, []string) {
	t.Helper()
	md := goldmark.New(goldmark.WithExtensions(attributes.New(), gext.Table))
	pc := parser.NewContext()
	doc := md.Parser().Parse(text.NewReader([]byte(src)), parser.WithContext(pc))
	var out bytes.Buffer
	require.NoError(t, md.Renderer().Render(&out, []byte(src), doc))
	var ds []string
	for _, d := range diag.Get(pc) {
		ds = append(ds, fmt.Sprintf("%d:%d %s", d.Line, d.Col, d.Code))
	}
	return out.String(), ds
}

// TestSpanListQuotedBrace checks that a span list with a '}' inside a
// quoted value is read whole, as a block list is, keywords in its values
// resolved as in block lists, with nothing of it left on the page.
func TestSpanListQuotedBrace(t *testing.T) {
	html, ds := convert(t, "Text [link](http://x){: title=\"A {{site.data.keyword.cloud}} B\"} end\n\n"+
		"![img](a.png){: data-cap=\"Cap {{site.data.keyword.cloud}} x\" .pic}\n\n"+
		"[a](b){: title=\"x}y\" .after} and *em*{: title='it\\'s {a}'}\n")
	assert.Contains(t, html, `<a href="http://x" title="A IBM Cloud® B">link</a> end</p>`)
	assert.Contains(t, html, `<img src="a.png" alt="img" class="pic" data-cap="Cap IBM Cloud® x">`)
	assert.Contains(t, html, `<a href="b" class="after" title="x}y">a</a> and <em title="it's {a}">em</em>`)
	assert.NotContains(t, html, "&quot;}")
	assert.NotContains(t, html, "{:")
	assert.Empty(t, ds)

	// the same value in a block list gives the same attribute
	block, ds := convert(t, "Para\n{: title=\"A {{site.data.keyword.cloud}} B\"}\n")
	assert.Contains(t, block, `title="A IBM Cloud® B"`)
	assert.Empty(t, ds)
}

// TestSpanListQuotedBraceUnclosed checks that a span list whose quoted
// value is not closed on its line ends at its first '}' (see
// TestUnclosedQuote), and that lines of many of them are read in linear
// time (a quadratic search would take minutes).
func TestSpanListQuotedBraceUnclosed(t *testing.T) {
	html, ds := convert(t, "[a](b){: title=\"x} y\n")
	assert.Contains(t, html, `<a href="b" title="x">a</a> y`)
	assert.Equal(t, []string{"1:16 attributes-syntax"}, ds)

	for _, piece := range []string{`{: a="`, `{: a="}`, `{: a='x" b="`, `{: a="\\`, `{: a="x} b="`} {
		src := "[x](y)" + strings.Repeat(piece, 100000) + "\n"
		html, _ := convert(t, src)
		assert.NotEmpty(t, html, piece)
	}
}

// TestMergedListPositions checks that a diagnostic about one attribute of
// merged attribute list lines is reported where that attribute is written.
func TestMergedListPositions(t *testing.T) {
	_, ds := convert(t, "| a | b |\n|---|---|\n| x | y |\n{: caption=\"C\"}\n{: #tid}\n{: onclick=\"evil()\"}\n")
	assert.Equal(t, []string{"6:4 attributes-not-allowed"}, ds)

	tests := []struct{ name, src, want string }{
		{"pair", "Para\n{: .a}\n{: title=\"t\"   style=\"x\"}\n", "3:16 attributes-not-allowed"},
		{"later pair wins", "Para\n{: style=\"x\"}\n{: .a style=\"y\"}\n", "3:7 attributes-not-allowed"},
		{"id", "Para\n{: .a}\n{: .b #javascript:x}\n", "3:7 attributes-not-allowed"},
		{"reference", "Para\n{: .a}\n{: .b  nope}\n", "3:8 attributes-unknown-reference"},
		{"second reference", "Para\n{: nope}\n{: .b nope}\n", "2:4 attributes-unknown-reference|3:7 attributes-unknown-reference"},
		{"through a definition", "{:evil: onclick=\"x\"}\n\nPara\n{: .a}\n{: .b evil}\n", "5:7 attributes-not-allowed"},
		{"own pair over a definition", "{:s: style=\"x\"}\n\nPara\n{: s}\n{: style=\"y\"}\n", "5:4 attributes-not-allowed"},
		{"cycle", "{:a: b}\n{:b: a}\n\nPara\n{: .x}\n{: a}\n", "6:4 attributes-cycle"},
		{"keyword in a value", "Para\n{: .a}\n{: title=\"x {{site.data.keyword.nope}}\"}\n", "3:13 keyword-unknown"},
		{"keyword in an escaped value", "Para\n{: .a}\n{: title=\"\\\" {{site.data.keyword.nope}}\"}\n", "3:4 keyword-unknown"},
		{"list before its block", "{: .a}\n{: onclick=\"x\"}\nPara\n", "2:4 attributes-not-allowed"},
		{"indented", "- item\n\n  Para\n  {: .a}\n  {: .b onclick=\"x\"}\n", "5:9 attributes-not-allowed"},
		{"span", "x [a](b){: .c onclick=\"x\"}\n", "1:15 attributes-not-allowed"},
		{"span keyword", "x [a](b){: title=\"{{site.data.keyword.nope}}\"}\n", "1:19 keyword-unknown"},
		{"span reference", "x [a](b){: .c nope}\n", "1:15 attributes-unknown-reference"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ds := convert(t, tt.src)
			assert.Equal(t, tt.want, strings.Join(ds, "|"))
		})
	}
}

// TestUnclosedQuote checks that an attribute list whose quoted value is
// not closed ends at its first '}', in a span as on a line of its own: the
// value up to there applies, a warning says the quote is not closed, and
// what follows the '}' stays text.
func TestUnclosedQuote(t *testing.T) {
	tests := []struct{ name, src, html, diag string }{
		{"span", "[a](b){: title=\"x} more\n",
			"<p><a href=\"b\" title=\"x\">a</a> more</p>\n",
			`<input>:1:16: warning: attribute list: attribute "title": the quoted value is not closed [attributes-syntax]`},
		{"span at the end", "A *b*{: .c title='x}\n",
			"<p>A <em class=\"c\" title=\"x\">b</em></p>\n",
			`<input>:1:18: warning: attribute list: attribute "title": the quoted value is not closed [attributes-syntax]`},
		{"span with a later list", "[a](b){: title=\"x} more [c](d){: .e}\n",
			"<p><a href=\"b\" title=\"x\">a</a> more <a href=\"d\" class=\"e\">c</a></p>\n",
			`<input>:1:16: warning: attribute list: attribute "title": the quoted value is not closed [attributes-syntax]`},
		{"span quoting its brace", "[a](b){: title=\"x}y\" more\n",
			"<p><a href=\"b\" title=\"x\">a</a>y&quot; more</p>\n",
			`<input>:1:16: warning: attribute list: attribute "title": the quoted value is not closed [attributes-syntax]`},
		{"block", "Para\n{: title=\"x}\n",
			"<p title=\"x\">Para</p>\n",
			`<input>:2:10: warning: attribute list: attribute "title": the quoted value is not closed [attributes-syntax]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			md := goldmark.New(goldmark.WithExtensions(attributes.New()))
			pc := parser.NewContext()
			doc := md.Parser().Parse(text.NewReader([]byte(tt.src)), parser.WithContext(pc))
			var out bytes.Buffer
			require.NoError(t, md.Renderer().Render(&out, []byte(tt.src), doc))
			assert.Equal(t, tt.html, out.String())
			var ds []string
			for _, d := range diag.Get(pc) {
				ds = append(ds, d.String())
			}
			assert.Equal(t, []string{tt.diag}, ds)
		})
	}
}
