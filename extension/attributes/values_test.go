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
