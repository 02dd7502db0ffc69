package attributes_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestRefusedURLs: a link to a script or data URL is its text alone, an
// image its alt text as text, an autolink its text: no element pointing at
// the page itself (href="" or src="").
func TestRefusedURLs(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"[a](javascript:alert(1))", "<p>a</p>\n"},
		{"[*a* b](javascript:alert(1)){: .x}", "<p><em>a</em> b</p>\n"},
		{"![b](data:text/html;base64,xx)", "<p>b</p>\n"},
		{"![b *c* &amp; \\<](data:text/html;base64,xx \"t\")", "<p>b c &amp; &lt;</p>\n"},
		{"![](javascript:x)", "<p></p>\n"},
		{"<javascript:alert(1)>", "<p>javascript:alert(1)</p>\n"},
		{`[c](vbscript:x "title")`, "<p>c</p>\n"},
		{"[d](JaVaScRiPt:x) [e](file:///etc/passwd) [f](<java\tscript:x>)", "<p>d e f</p>\n"},
		// refused once references and escapes are resolved, as goldmark
		// resolves them
		{"[g](&#106;avascript:x) ![h](jav&#x61;script:x)", "<p>g h</p>\n"},
		// not a scheme once escaped: the tab is %09
		{"[i](java&#9;script:x)", "<p><a href=\"java%09script:x\">i</a></p>\n"},
		{"[ok](https://a) ![ok](a.png)", "<p><a href=\"https://a\">ok</a> <img src=\"a.png\" alt=\"ok\"></p>\n"},
		{"![img](data:image/png;base64,AAAA)", "<p>img</p>\n"},
	} {
		got, ds := convert(t, c.src+"\n")
		assert.Equal(t, c.want, got, c.src)
		assert.Empty(t, ds, c.src)
	}
}
