package keyword_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/mdraci/mdraci/extension/attributes"
	"github.com/mdraci/mdraci/extension/diag"
	"github.com/mdraci/mdraci/extension/keyword"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
)

// render converts src with md and returns the HTML and the diagnostics as
// "line:col severity code".
func render(t *testing.T, md goldmark.Markdown, src string) (string, []string) {
	t.Helper()
	pc := parser.NewContext()
	doc := md.Parser().Parse(text.NewReader([]byte(src)), parser.WithContext(pc))
	var out bytes.Buffer
	require.NoError(t, md.Renderer().Render(&out, []byte(src), doc))
	var ds []string
	for _, d := range diag.Get(pc) {
		ds = append(ds, fmt.Sprintf("%d:%d %s %s", d.Line, d.Col, d.Severity, d.Code))
	}
	return out.String(), ds
}

// renderers are the ways images are rendered with keywords: goldmark's
// renderer (keyword alone, safe or unsafe) and mdraci's URL renderer.
func renderers() map[string]goldmark.Markdown {
	return map[string]goldmark.Markdown{
		"keyword":        goldmark.New(goldmark.WithExtensions(keyword.New())),
		"keyword unsafe": goldmark.New(goldmark.WithExtensions(keyword.New()), goldmark.WithRendererOptions(html.WithUnsafe())),
		"keyword xhtml":  goldmark.New(goldmark.WithExtensions(keyword.New()), goldmark.WithRendererOptions(html.WithXHTML())),
		"attributes":     goldmark.New(goldmark.WithExtensions(keyword.New(), attributes.New())),
	}
}

// TestAltKeywords: a keyword in an image's alt text is shown, its value
// escaped, an unknown one as written; an image without keywords renders
// as goldmark renders it.
func TestAltKeywords(t *testing.T) {
	for name, md := range renderers() {
		t.Run(name, func(t *testing.T) {
			end := ">"
			if strings.Contains(name, "xhtml") {
				end = " />"
			}
			got, ds := render(t, md, "![Alt {{site.data.keyword.cloud}} end](a.png)\n")
			assert.Equal(t, `<p><img src="a.png" alt="Alt IBM Cloud® end"`+end+"</p>\n", got)
			assert.Empty(t, ds)

			got, ds = render(t, md, "![Alt *{{site.data.keyword.nope}}* &amp; \\* end](a.png \"t\")\n")
			assert.Equal(t, `<p><img src="a.png" alt="Alt {{site.data.keyword.nope}} &amp; * end" title="t"`+end+"</p>\n", got)
			assert.Equal(t, []string{"1:8 warning keyword-unknown"}, ds)

			got, _ = render(t, md, "![plain *alt*](a.png)\n")
			assert.Equal(t, `<p><img src="a.png" alt="plain alt"`+end+"</p>\n", got)
		})
	}
}

// TestAltKeywordEscaped: a value with markup is escaped in the alt text.
func TestAltKeywordEscaped(t *testing.T) {
	d := keyword.NewData()
	require.NoError(t, d.AddYAML("", []byte("keyword:\n  x: '<b>\"A&amp;B\"</b> \\*'\n")))
	md := goldmark.New(goldmark.WithExtensions(keyword.New(keyword.WithData(d)), attributes.New()))
	got, _ := render(t, md, "![{{site.data.keyword.x}}](a.png)\n")
	assert.Equal(t, `<p><img src="a.png" alt="&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt; \*"></p>`+"\n", got)
}

// TestTitleKeywords: references in link and image titles are resolved,
// escaped; unknown ones are reported where they are and left as written.
func TestTitleKeywords(t *testing.T) {
	d := keyword.Default()
	require.NoError(t, d.AddYAML("", []byte("keyword:\n  odd: 'a\\*b &amp; <c> \"q\"'\n")))
	md := goldmark.New(goldmark.WithExtensions(keyword.New(keyword.WithData(d)), attributes.New()))
	got, ds := render(t, md, "[x](http://a \"T {{site.data.keyword.cloud}}\")\n\n"+
		"![y](b.png 'U {{site.data.keyword.nope}} {{site.data.keyword.odd}}')\n\n"+
		"> [z][ref] and [w][ref]\n\n[ref]: /r (R {{site.data.keyword.nope2}})\n")
	assert.Equal(t, `<p><a href="http://a" title="T IBM Cloud®">x</a></p>`+"\n"+
		`<p><img src="b.png" alt="y" title="U {{site.data.keyword.nope}} a\*b &amp; &lt;c&gt; &quot;q&quot;"></p>`+"\n"+
		"<blockquote>\n"+`<p><a href="/r" title="R {{site.data.keyword.nope2}}">z</a> and <a href="/r" title="R {{site.data.keyword.nope2}}">w</a></p>`+"\n</blockquote>\n", got)
	assert.Equal(t, []string{"3:15 warning keyword-unknown", "7:14 warning keyword-unknown"}, ds)

	// strict: errors
	md = goldmark.New(goldmark.WithExtensions(keyword.New(keyword.WithStrict(true))))
	_, ds = render(t, md, "Text\n[x](/a\n  \"T {{site.data.keyword.nope}}\")\n")
	assert.Equal(t, []string{"3:6 error keyword-unknown"}, ds)
}

// TestTitleKeywordsBudget: title values count in the document's keyword
// budget, which inline references share.
func TestTitleKeywordsBudget(t *testing.T) {
	d := keyword.NewData()
	require.NoError(t, d.AddYAML("", []byte("keyword:\n  big: "+strings.Repeat("x", keyword.MaxValue)+"\n")))
	md := goldmark.New(goldmark.WithExtensions(keyword.New(keyword.WithData(d))))
	src := "[a](/a \"{{site.data.keyword.big}}\") [b](/b \"{{site.data.keyword.big}}\") {{site.data.keyword.big}}\n"
	got, ds := render(t, md, src)
	assert.Less(t, len(got), 2*keyword.MaxValue, "one value, not three: the inline one, read first")
	assert.Contains(t, got, `title="{{site.data.keyword.big}}"`)
	assert.Equal(t, []string{"1:9 warning keyword-too-large"}, ds)
}

// TestAltRefusedImage: an image whose URL is refused is its alt text,
// keywords in.
func TestAltRefusedImage(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(keyword.New(), attributes.New()))
	got, _ := render(t, md, "![b *{{site.data.keyword.cloud}}* {{site.data.keyword.nope}}](javascript:x \"t\")\n")
	assert.Equal(t, "<p>b IBM Cloud® {{site.data.keyword.nope}}</p>\n", got)
}
