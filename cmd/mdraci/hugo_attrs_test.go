package main

import (
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/stretchr/testify/assert"
)

// hostileTitlesDoc has links and images whose titles end in what the
// theme's hooks read as an attribute list ("title {…}", as mdraci hugo
// carries a span list's attributes), naming attributes the extension
// never allows, beside span lists whose attributes it does allow.
const hostileTitlesDoc = `# Titles

[a](/a "Link {onerror=\"alert(1)\" style=\"color:red\" .ok #lid data-x=\"1\" lang=\"fr\" href=\"javascript:x\"}") and
![i](i.png "Img {ONERROR=\"alert(1)\" Style=\"x\" .ok #iid data-x=\"1\" src=\"javascript:x\" srcset=\"javascript:x\" formaction=\"javascript:x\" target=\"_blank\" hreflang=\"fr\"}") and
[b](/b 'B {onclick="alert(1)" onmouseover="x" data-="y" data-ok="a\\"><b>" xmlns:x="javascript:x" is="x" .k}') and
![j](j.png (J {onload="x" dir="rtl" hreflang="x"})).

Text ![c](c.png){: caption="Cap {onerror=\"alert(2)\" .cap}"} more.

[l](/x){: .c target="_blank"} and [m](/y){: #mid .d lang="de" data-v="w" hreflang="de" rel="help"} and ![k](k.png){: .e #kid data-z="2"}.
`

// TestHugoTitleAttributes: the theme's link and image hooks keep, of the
// attributes a title carries, only those the extension allows on links
// and images (no event handler, style, src, href …), while span lists
// give the attributes mdraci convert writes.
func TestHugoTitleAttributes(t *testing.T) {
	want, got := hugoOnePage(t, "titles", hostileTitlesDoc)
	is := assert.New(t)

	linkOrImage := map[string]bool{"id": true, "class": true, "lang": true, "dir": true, "title": true}
	// hreflang: the extension allows it on links, but goldmark's link
	// attribute filter drops it, so mdraci convert never writes it. The
	// hooks pass the partial the title alone: it cannot tell a link from
	// an image, so an image's title may give it target and rel, which do
	// nothing on an image.
	linkOnly := map[string]bool{"href": true, "target": true, "rel": true}
	imageOnly := map[string]bool{"src": true, "alt": true, "target": true, "rel": true}
	got.Find("*").Each(func(_ int, e *goquery.Selection) {
		n := e.Nodes[0]
		for _, a := range n.Attr {
			name := strings.ToLower(a.Key)
			switch {
			case strings.HasPrefix(name, "on"), name == "style", name == "srcset", name == "formaction":
				t.Errorf("<%s> has %s=%q", n.Data, a.Key, a.Val)
			}
			switch browserScheme(a.Val) {
			case "javascript", "vbscript", "data", "file":
				t.Errorf("<%s> has %s=%q, a script URL", n.Data, a.Key, a.Val)
			}
			if strings.Contains(a.Val, "alert") && name != "title" {
				t.Errorf("<%s> has %s=%q", n.Data, a.Key, a.Val)
			}
			if n.Data != "a" && n.Data != "img" || e.ParentsFiltered("h1").Length() > 0 {
				continue // the heading's self-link is not from a title
			}
			ok := linkOrImage[name] || strings.HasPrefix(name, "data-") && len(name) > 5 ||
				n.Data == "a" && linkOnly[name] || n.Data == "img" && imageOnly[name]
			if !ok {
				t.Errorf("<%s> has %s=%q, which the extension does not allow there", n.Data, a.Key, a.Val)
			}
		}
	})
	is.Zero(got.Find("script").Length(), "no script element")

	// the allowed attributes of the hostile titles are kept
	a := got.Find(`a[href="/a"]`)
	is.Equal("lid", a.AttrOr("id", ""))
	is.Equal("ok", a.AttrOr("class", ""))
	is.Equal("1", a.AttrOr("data-x", ""))
	is.Equal("fr", a.AttrOr("lang", ""))
	is.Equal("Link", a.AttrOr("title", ""))
	img := got.Find(`img[src="i.png"]`)
	is.Equal("iid", img.AttrOr("id", ""))
	is.Equal("ok", img.AttrOr("class", ""))
	is.Equal("1", img.AttrOr("data-x", ""))
	is.Equal("Img", img.AttrOr("title", ""))
	_, hreflang := img.Attr("hreflang")
	is.False(hreflang, "hreflang is for links (and goldmark writes it on none)")
	b := got.Find(`a[href="/b"]`)
	is.Equal("k", b.AttrOr("class", ""))
	is.Equal(`a"><b>`, b.AttrOr("data-ok", ""), "values stay escaped")
	_, empty := b.Attr("data-")
	is.False(empty, "data- alone is no data attribute")
	j := got.Find(`img[src="j.png"]`)
	is.Equal("rtl", j.AttrOr("dir", ""))
	_, hl := j.Attr("hreflang")
	is.False(hl, "hreflang is for links")

	// span lists: as mdraci convert writes them
	for _, sel := range []string{`a[href="/x"]`, `a[href="/y"]`, `img[src="k.png"]`} {
		w, g := want.Find(sel), got.Find(sel)
		if is.Equal(1, w.Length(), sel) && is.Equal(1, g.Length(), sel) {
			is.Equal(canonical(w), canonical(g), sel)
		}
	}
	x := got.Find(`a[href="/x"]`)
	is.Equal("c", x.AttrOr("class", ""))
	is.Equal("_blank", x.AttrOr("target", ""))
	is.Equal("noopener noreferrer", x.AttrOr("rel", ""))
	y := got.Find(`a[href="/y"]`)
	_, hl = y.Attr("hreflang")
	is.False(hl, "as mdraci convert: goldmark writes no hreflang")
	is.Equal("w", y.AttrOr("data-v", ""))
	is.Equal("help", y.AttrOr("rel", ""))
	is.Equal("mid", y.AttrOr("id", ""))

	// mdraci convert writes the hostile titles as titles, no attributes
	for _, e := range []*goquery.Selection{want.Find(`a[href="/a"]`), want.Find(`img[src="i.png"]`)} {
		_, has := e.Attr("onerror")
		is.False(has)
		is.Contains(strings.ToLower(e.AttrOr("title", "")), "onerror")
	}
}
