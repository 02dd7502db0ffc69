package mkdocs_test

import (
	"bytes"
	"fmt"

	"github.com/mdraci/mdraci/extension/mkdocs"
	"github.com/yuin/goldmark"
)

// A content tab and an admonition of MkDocs Material: their content is
// Markdown, not an indented code block.
func Example() {
	md := goldmark.New(goldmark.WithExtensions(mkdocs.Extension))
	var out bytes.Buffer
	src := "=== \"Logging\"\n\n    Stakater *aggregates* the logs.\n\n!!! note\n    You read them.\n"
	if err := md.Convert([]byte(src), &out); err != nil {
		panic(err)
	}
	fmt.Print(out.String())
	// Output:
	// <div class="tabbed-block">
	// <p class="tabbed-title">Logging</p>
	// <p>Stakater <em>aggregates</em> the logs.</p>
	// </div>
	// <div class="admonition note">
	// <p class="admonition-title">Note</p>
	// <p>You read them.</p>
	// </div>
}
