package extension_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/mdraci/mdraci/extension"
	"github.com/mdraci/mdraci/extension/keyword"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// attack is one entry of testdata/security/attacks.txt.
type attack struct{ name, file, src string }

// loadAttacks reads testdata/security/attacks.txt: inputs that try to get
// script into the HTML, each converted in the format its file name gives.
// The CLI test (cmd/mdraci) reads the same list.
func loadAttacks(tb testing.TB) []attack {
	tb.Helper()
	b, err := os.ReadFile("../testdata/security/attacks.txt")
	require.NoError(tb, err)
	var list []attack
	for _, l := range strings.SplitAfter(string(b), "\n") {
		if name, ok := strings.CutPrefix(l, "=== "); ok {
			f := strings.Fields(name)
			require.Len(tb, f, 2, "entry line %q", l)
			list = append(list, attack{name: f[0], file: f[1]})
			continue
		}
		if len(list) > 0 {
			list[len(list)-1].src += l
		}
	}
	require.NotEmpty(tb, list)
	return list
}

// attackKeywords returns the default keywords with
// testdata/security/keywords.yaml on top.
func attackKeywords(tb testing.TB) *keyword.Data {
	tb.Helper()
	data := keyword.Default()
	require.NoError(tb, data.Load("../testdata/security/keywords.yaml"))
	return data
}

// scriptURL reports whether an attribute value is a URL that runs script
// or carries a document: javascript:, vbscript:, data: (after the
// normalization browsers apply: entities decoded by the parser, control
// characters and spaces dropped, any case).
func scriptURL(v string) bool {
	var b strings.Builder
	for _, r := range strings.ToLower(v) {
		if r > ' ' {
			b.WriteRune(r)
		}
	}
	s := b.String()
	return strings.HasPrefix(s, "javascript:") || strings.HasPrefix(s, "vbscript:") || strings.HasPrefix(s, "data:")
}

// urlAttrs are the attributes whose value is a URL a browser loads or
// follows.
var urlAttrs = map[string]bool{
	"href": true, "src": true, "action": true, "formaction": true, "background": true, "poster": true,
	"data": true, "codebase": true, "cite": true, "longdesc": true, "xlink:href": true, "srcset": true,
	"ping": true, "manifest": true, "icon": true, "dynsrc": true, "lowsrc": true,
}

// dangerousElements are elements that must not appear in safe output.
var dangerousElements = map[string]bool{
	"script": true, "iframe": true, "frame": true, "frameset": true, "object": true, "embed": true,
	"applet": true, "form": true, "base": true, "meta": true, "link": true, "style": true,
	"svg": true, "math": true, "noscript": true, "template": true, "portal": true,
}

// unsafeParts returns what in h could run script: dangerous elements, event
// handler and style attributes, srcdoc, and script URLs. It parses h as a
// browser would (as body content).
func unsafeParts(t *testing.T, h string) []string {
	t.Helper()
	nodes, err := html.ParseFragment(strings.NewReader(h), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	require.NoError(t, err)
	var found []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if dangerousElements[n.Data] {
				found = append(found, "<"+n.Data+">")
			}
			for _, a := range n.Attr {
				k := strings.ToLower(a.Key)
				if a.Namespace != "" {
					k = a.Namespace + ":" + k
				}
				switch {
				case strings.HasPrefix(k, "on"), k == "style", k == "srcdoc":
					found = append(found, k+"="+a.Val)
				case urlAttrs[k] && scriptURL(a.Val), strings.HasPrefix(k, "data-") && scriptURL(a.Val):
					found = append(found, k+"="+a.Val)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	return found
}

// TestAttacks converts every attack in the default mode: nothing
// executable survives, and the visible text of text-only attacks is kept.
func TestAttacks(t *testing.T) {
	c := extension.NewConverter(extension.WithKeywords(attackKeywords(t)))
	for _, a := range loadAttacks(t) {
		t.Run(a.name, func(t *testing.T) {
			var out bytes.Buffer
			_, err := c.Convert(a.file, []byte(a.src), &out)
			require.NoError(t, err)
			assert.Empty(t, unsafeParts(t, out.String()), "input:\n%s\noutput:\n%s", a.src, out.String())
		})
	}
}

// TestAttacksCheckerWorks makes sure the checker above finds what it looks
// for: with the sanitizer off (--unsafe) the raw HTML attacks come through.
func TestAttacksCheckerWorks(t *testing.T) {
	c := extension.NewConverter(extension.WithUnsafe(true))
	for _, a := range []struct{ src, want string }{
		{"<script>alert(1)</script>\n", "<script>"},
		{"<img src=x onerror=alert(1)>\n", "onerror=alert(1)"},
		{"Para\n{: style=\"color:red\"}\n", "style=color:red"},
		{`Text <a href="&#x6A;avascript&#58;alert(1)">x</a>.` + "\n", "href=javascript:alert(1)"},
		{"<svg onload=alert(1)></svg>\n", "<svg>"},
		{"[x](javascript:alert(1))\n", "href=javascript:alert(1)"},
		{"<javascript:alert(1)>\n", "href=javascript:alert(1)"},
	} {
		var out bytes.Buffer
		_, err := c.Convert("a.md", []byte(a.src), &out)
		require.NoError(t, err)
		assert.Contains(t, unsafeParts(t, out.String()), a.want, "unsafe output of %q: %s", a.src, out.String())
	}
	// and most attacks of the list do get through without the sanitizer
	// and the URL checks: the list tests what it means to
	var through []string
	unsafe := extension.NewConverter(extension.WithUnsafe(true), extension.WithKeywords(attackKeywords(t)))
	for _, a := range loadAttacks(t) {
		var out bytes.Buffer
		_, err := unsafe.Convert(a.file, []byte(a.src), &out)
		require.NoError(t, err)
		if a.file == "a.md" && len(unsafeParts(t, out.String())) > 0 {
			through = append(through, a.name)
		}
	}
	t.Logf("%d attacks get through with --unsafe: %v", len(through), through)
	assert.GreaterOrEqual(t, len(through), 35)
}

// TestEscapedAsText checks that keyword values, captions, summaries and
// attribute values show as the text they are, markup escaped, not dropped.
func TestEscapedAsText(t *testing.T) {
	c := extension.NewConverter(extension.WithKeywords(attackKeywords(t)))
	tests := []struct{ src, want string }{
		{"Hello {{site.data.keyword.evil}}.\n", "<p>Hello &lt;script&gt;alert('kw')&lt;/script&gt;.</p>"},
		{"| a | b |\n|---|---|\n| 1 | 2 |\n{: caption=\"<b>x</b> & y\"}\n", "&lt;b&gt;x&lt;/b&gt; &amp; y</caption>"},
		{"| a | b |\n|---|---|\n| 1 | 2 |\n{: caption=\"{{site.data.keyword.evil}}\"}\n", "&lt;script&gt;alert('kw')&lt;/script&gt;</caption>"},
		{"Para\n{: title=\"{{site.data.keyword.evil_attr}}\"}\n", `title="&quot; onmouseover=&quot;alert('kw')"`},
	}
	for _, tt := range tests {
		var out bytes.Buffer
		_, err := c.Convert("a.md", []byte(tt.src), &out)
		require.NoError(t, err)
		assert.Contains(t, out.String(), tt.want, "input %q", tt.src)
	}
}

// TestDocsHTMLKept checks that the sanitizer keeps the raw HTML IBM pages
// use in Markdown: line breaks, lists and whole tables in cells.
func TestDocsHTMLKept(t *testing.T) {
	c := extension.NewConverter()
	tests := []struct{ src, want string }{
		{"| a | b |\n|---|---|\n| one<br>two | <ul><li>x</li><li>y</li></ul> |\n", "<ul><li>x</li><li>y</li></ul>"},
		{"| a | b |\n|---|---|\n| one<br>two | z |\n", "one<br>two"},
		{"<table id=\"t\" class=\"c\"><caption>Cap</caption><thead><tr><th scope=\"col\" colspan=\"2\">H</th></tr></thead><tbody><tr><td rowspan=\"2\">1</td><td>2</td></tr></tbody></table>\n",
			`<table id="t" class="c"><caption>Cap</caption><thead><tr><th scope="col" colspan="2">H</th></tr></thead><tbody><tr><td rowspan="2">1</td><td>2</td></tr></tbody></table>`},
		{"Text <a href=\"https://example.com/x\" title=\"t\">link</a>.\n", `<a href="https://example.com/x" title="t">link</a>`},
		{"<details><summary>More</summary>Hidden <code>x</code></details>\n", "<details><summary>More</summary>Hidden <code>x</code></details>"},
		{"Para\n{: #p1 .note lang=\"fr\" dir=\"ltr\" title=\"T\" data-hd-programlang=\"go\"}\n", `<p id="p1" class="note" lang="fr" dir="ltr" title="T" data-hd-programlang="go">Para</p>`},
		{"[x](https://example.com){: target=\"_blank\"}\n", `target="_blank"`},
	}
	for _, tt := range tests {
		var out bytes.Buffer
		_, err := c.Convert("a.md", []byte(tt.src), &out)
		require.NoError(t, err)
		assert.Contains(t, out.String(), tt.want, "input %q", tt.src)
	}
}

// TestUnsafeOptIn checks that --unsafe (WithUnsafe) passes style and raw
// HTML through for trusted input, and that event handlers still never come
// from attribute lists.
func TestUnsafeOptIn(t *testing.T) {
	c := extension.NewConverter(extension.WithUnsafe(true))
	var out bytes.Buffer
	_, err := c.Convert("a.md", []byte("Para\n{: style=\"color:red\" onclick=\"x()\"}\n\n<div style=\"color:blue\">d</div>\n"), &out)
	require.NoError(t, err)
	assert.Contains(t, out.String(), `<p style="color:red">Para</p>`)
	assert.Contains(t, out.String(), `<div style="color:blue">d</div>`)
	assert.NotContains(t, out.String(), "onclick")
}
