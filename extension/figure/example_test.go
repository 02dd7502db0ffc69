package figure_test

import (
	"bytes"
	"fmt"

	"github.com/mdraci/mdraci/extension/attributes"
	"github.com/mdraci/mdraci/extension/figure"
	"github.com/yuin/goldmark"
)

func ExampleExtension() {
	md := goldmark.New(goldmark.WithExtensions(attributes.New(), figure.Extension))
	var out bytes.Buffer
	_ = md.Convert([]byte(`![Who does what](roles.svg)
{: #roles caption="Figure 1. Roles & duties" caption-side="bottom"}
`), &out)
	fmt.Print(out.String())
	// Output:
	// <figure id="roles">
	// <img src="roles.svg" alt="Who does what">
	// <figcaption>Figure 1. Roles &amp; duties</figcaption>
	// </figure>
}
