package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestShortcodeCalls: a call runs from its opener to the next closer of
// its kind, over lines but not over a blank line; an opener nothing closes
// so is no call.
func TestShortcodeCalls(t *testing.T) {
	calls := func(s string) []string {
		var out []string
		for _, c := range shortcodeCalls([]byte(s)) {
			out = append(out, s[c[0]:c[1]])
		}
		return out
	}
	assert.Equal(t, []string{"{{< a >}}", "{{% b %}}"}, calls("x {{< a >}} y {{% b %}}"))
	assert.Equal(t, []string{"{{< a\nid=\"x\" >}}"}, calls("{{< a\nid=\"x\" >}} z"))
	assert.Empty(t, calls("{{< a\n\n>}}"), "over a blank line")
	assert.Empty(t, calls("{{< a \n \t\n>}}"), "over a line of white space")
	assert.Equal(t, []string{"{{% b %}}"}, calls("{{< a %}} {{% b %}}"), "a closer of the other kind")
	assert.Equal(t, []string{"{{< c >}}"}, calls("{{< a\n\n{{< c >}}"), "an opener closed only after a blank line")
	assert.Empty(t, calls("{{% a {{< b"))
	// many openers, one closer at the end: each is looked at once
	many := strings.Repeat("{{%", 200000) + "\n\n%}}"
	assert.Empty(t, calls(many))
	assert.Len(t, calls(strings.Repeat("{{% x %}}", 1000)), 1000)
}

// TestCommentShortcodes: calls in an attribute value are written in
// Hugo's comment form, once.
func TestCommentShortcodes(t *testing.T) {
	assert.Equal(t, `{title="{{%/* raci */%}} and {{</* x */>}}"}`, commentShortcodes(`{title="{{% raci %}} and {{< x >}}"}`))
	assert.Equal(t, `{{</* x */>}}`, commentShortcodes(`{{</* x */>}}`))
	assert.Equal(t, `{{% open`, commentShortcodes(`{{% open`))
}
