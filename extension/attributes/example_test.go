package attributes_test

import (
	"bytes"
	"fmt"

	"github.com/mdraci/mdraci/extension/attributes"
	"github.com/yuin/goldmark"
)

func ExampleParseLine() {
	l, problems, ok := attributes.ParseLine(`{: #roles .simple caption="Table 1. Roles" shortdesc}`)
	fmt.Println(ok, len(problems))
	fmt.Println(l.List.ID, l.List.Classes, l.List.Pairs, l.List.Refs)

	def, _, _ := attributes.ParseLine(`{:c#: .ph data-hd-programlang="c#"}`)
	fmt.Println(def.Name, def.List.Classes, def.List.Pairs)

	_, problems, _ = attributes.ParseLine(`{: title="open}`)
	fmt.Println(problems[0].Offset, problems[0])
	// Output:
	// true 0
	// roles [simple] [{caption Table 1. Roles}] [shortdesc]
	// c# [ph] [{data-hd-programlang c#}]
	// 9 attribute "title": the quoted value is not closed
}

func ExampleNew() {
	md := goldmark.New(goldmark.WithExtensions(attributes.New()))
	var out bytes.Buffer
	_ = md.Convert([]byte(`{:note: .note data-kind="tip"}

Read this first.
{: #first note onclick="evil()"}

A [link](https://example.com){: target="_blank"} here.
`), &out)
	fmt.Print(out.String())
	// Output:
	// <p id="first" class="note" data-kind="tip">Read this first.</p>
	// <p>A <a href="https://example.com" target="_blank" rel="noopener noreferrer">link</a> here.</p>
}
