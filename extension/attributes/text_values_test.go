package attributes_test

import (
	"fmt"
	"testing"

	"github.com/mdraci/mdraci/extension/attributes"
	"github.com/mdraci/mdraci/extension/diag"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	gext "github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// parsedAttributes parses src with the attribute list extension and GFM
// tables, and returns the attributes set on each node kind ("Table",
// "Link" …; the last node of a kind wins) and the diagnostics as
// "line:col code".
func parsedAttributes(t *testing.T, src string) (map[string]map[string]string, []string) {
	t.Helper()
	md := goldmark.New(goldmark.WithExtensions(attributes.New(), gext.Table))
	pc := parser.NewContext()
	doc := md.Parser().Parse(text.NewReader([]byte(src)), parser.WithContext(pc))
	got := map[string]map[string]string{}
	require.NoError(t, ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && len(n.Attributes()) > 0 {
			m := map[string]string{}
			for _, a := range n.Attributes() {
				m[string(a.Name)] = fmt.Sprintf("%s", a.Value)
			}
			got[n.Kind().String()] = m
		}
		return ast.WalkContinue, nil
	}))
	var ds []string
	for _, d := range diag.Get(pc) {
		ds = append(ds, fmt.Sprintf("%d:%d %s", d.Line, d.Col, d.Code))
	}
	return got, ds
}

// TestTextValuesNotURLs: values of attributes that hold text, never a URL
// (caption, title, summary …), are kept when they start as a URL scheme
// would ("Data: how records flow" is no data: URL); attributes a script
// may read as a URL (data-*) still may not hold a script URL.
func TestTextValuesNotURLs(t *testing.T) {
	got, ds := parsedAttributes(t, "| a |\n|---|\n| b |\n"+
		"{: caption=\"Data: how records flow\" summary=\"JavaScript: the call\" title=\"File : layout\" data-href=\"javascript:alert(1)\"}\n\n"+
		"Para\n{: title=\"vbscript: notes\" lang=\"en\" data-u=\" JaVa\tScript:x\" data-ok=\"Data is fine\"}\n\n"+
		"Text [l](/x){: title=\"javascript: a guide\" data-u=\"data:text/html,x\"} and ![i](i.png){: caption=\"File: diagram\" data-src=\"file:///etc/passwd\"} more\n")
	assert.Equal(t, map[string]string{"caption": "Data: how records flow", "summary": "JavaScript: the call", "title": "File : layout"}, got["Table"])
	assert.Equal(t, map[string]string{"title": "vbscript: notes", "lang": "en", "data-ok": "Data is fine"}, got["Paragraph"])
	assert.Equal(t, map[string]string{"title": "javascript: a guide"}, got["Link"])
	assert.Equal(t, map[string]string{"caption": "File: diagram"}, got["Image"])
	assert.Equal(t, []string{"4:90 attributes-not-allowed", "7:38 attributes-not-allowed", "9:44 attributes-not-allowed", "9:113 attributes-not-allowed"}, ds)

	// written escaped
	html, ds := convert(t, "Para\n{: title=\"JavaScript: \\\"x\\\" <y> & z\"}\n")
	assert.Equal(t, "<p title=\"JavaScript: &quot;x&quot; &lt;y&gt; &amp; z\">Para</p>\n", html)
	assert.Empty(t, ds)
}

// TestCaptionSide: caption-side is top or bottom, in any case; other
// values are dropped and reported.
func TestCaptionSide(t *testing.T) {
	for _, c := range []struct {
		side string
		ok   bool
	}{{"top", true}, {"bottom", true}, {"TOP", true}, {"Bottom", true}, {" top ", true},
		{"left", false}, {"", false}, {"middle", false}, {"top bottom", false}, {"topx", false}} {
		got, ds := parsedAttributes(t, "| a |\n|---|\n| b |\n{: caption=\"Table 1\" caption-side=\""+c.side+"\"}\n")
		side, has := got["Table"]["caption-side"]
		if c.ok {
			assert.True(t, has, "%q", c.side)
			assert.Equal(t, c.side, side)
			assert.Empty(t, ds, "%q", c.side)
		} else {
			assert.False(t, has, "%q", c.side)
			assert.Equal(t, []string{"4:22 attributes-not-allowed"}, ds, "%q", c.side)
		}
		assert.Equal(t, "Table 1", got["Table"]["caption"], "%q", c.side)
	}
	// on an image, as on a table
	got, ds := parsedAttributes(t, "![i](i.png){: caption=\"C\" caption-side=\"left\"}\n")
	assert.Equal(t, map[string]string{"caption": "C"}, got["Image"])
	assert.Equal(t, []string{"1:27 attributes-not-allowed"}, ds)
}

// TestIBMTabAttributes: IBM's tabbed tables' tab-title and tab-group are
// set on the table as data-tab-title and data-tab-group (text, which may
// read "Data: …"), not refused; on other blocks they are refused as
// before.
func TestIBMTabAttributes(t *testing.T) {
	got, ds := parsedAttributes(t, "| a |\n|---|\n| b |\n"+
		"{: class=\"simple-tab-table\"}\n{: tab-title=\"Data: classic\" TAB-GROUP=\"flavors\"}\n\n"+
		"Para\n{: tab-title=\"x\"}\n")
	assert.Equal(t, map[string]string{"class": "simple-tab-table", "data-tab-title": "Data: classic", "data-tab-group": "flavors"}, got["Table"])
	assert.Equal(t, []string{"8:4 attributes-not-allowed"}, ds)
}

// TestPandocLinkAttributes: classes and an id in braces right after a
// link or an image, as Pandoc and Grav write them (OVHcloud's
// "{.external}"), are a span list; other braces stay text: apart from the
// link, after other spans, or holding anything but .class and #id.
func TestPandocLinkAttributes(t *testing.T) {
	html, ds := convert(t, "See [docs](https://x.y){.external #d} and ![i](i.png){.wide}.\n\n"+
		"Not: [a](b) {.spaced}, *em*{.x}, [c](d){.x onclick=y}, [e](f){.x key=\"v\"}, [g](h){.}, [i](j){.a\nb}, {.alone}.\n")
	assert.Equal(t, `<p>See <a href="https://x.y" id="d" class="external">docs</a> and <img src="i.png" alt="i" class="wide">.</p>`+"\n"+
		`<p>Not: <a href="b">a</a> {.spaced}, <em>em</em>{.x}, <a href="d">c</a>{.x onclick=y}, <a href="f">e</a>{.x key=&quot;v&quot;}, <a href="h">g</a>{.}, <a href="j">i</a>{.a`+"\n"+`b}, {.alone}.</p>`+"\n", html)
	assert.Empty(t, ds)
}
