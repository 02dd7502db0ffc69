package attributes_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestAttributeValues: where HTML says what a value holds (a list's start
// and type, dir, a link's target), other values are dropped and reported.
func TestAttributeValues(t *testing.T) {
	html, ds := convert(t, "1. a\n{: start=\"1 onclick=alert(1)\" dir=\"sideways\"}\n\n"+
		"1. b\n{: start=\"-3\" type=\"a\" reversed=\"\" dir=\"RTL\"}\n\n"+
		"[c](d){: target=\"_blank x\"} [e](f){: target=\"help\"}\n")
	assert.Contains(t, html, "<ol>\n<li>a</li>")
	assert.Contains(t, html, `<ol start="-3" type="a" reversed="" dir="RTL">`)
	assert.Contains(t, html, `<a href="d">c</a> <a href="f" target="help">e</a>`)
	assert.Equal(t, []string{"2:4 attributes-not-allowed", "2:31 attributes-not-allowed", "7:10 attributes-not-allowed"}, ds)
}

// TestAttributeIDValues: an id of no character or holding white space is
// dropped and reported.
func TestAttributeIDValues(t *testing.T) {
	html, ds := convert(t, "# Title\n{: id=\"a b\"}\n\nPara\n{: id=\"\"}\n\nText\n{: id=\"   \"}\n\nTab\n{: id=\"t\tab\"}\n\nOK\n{: id=\"ok-1\"}\n")
	assert.Contains(t, html, "<h1>Title</h1>")
	assert.Contains(t, html, "<p>Para</p>\n<p>Text</p>\n<p>Tab</p>\n")
	assert.Contains(t, html, `<p id="ok-1">OK</p>`)
	assert.Equal(t, []string{"2:4 attributes-not-allowed", "5:4 attributes-not-allowed", "8:4 attributes-not-allowed", "11:4 attributes-not-allowed"}, ds)
}
