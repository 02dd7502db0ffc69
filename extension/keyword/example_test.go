package keyword_test

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/mdraci/mdraci/extension/keyword"
	"github.com/yuin/goldmark"
)

func ExampleData_Resolve() {
	d := keyword.NewData()
	_ = d.AddYAML("", []byte(`
keyword:
  cloud: "IBM Cloud&reg;"
  ce: "{{site.data.keyword.cloud}} Code Engine"
`))
	v, err := d.Resolve("site.data.keyword.ce")
	fmt.Println(v, err)
	_, err = d.Resolve("keyword.nope")
	fmt.Println(errors.Is(err, keyword.ErrUnknown))
	// Output:
	// IBM Cloud® Code Engine <nil>
	// true
}

func ExampleNew() {
	d := keyword.Default()
	_ = d.AddYAML("", []byte("keyword:\n  mine: My <Service>\n"))
	md := goldmark.New(goldmark.WithExtensions(keyword.New(keyword.WithData(d))))
	var out bytes.Buffer
	_ = md.Convert([]byte("Welcome to {{site.data.keyword.cloud_notm}} and {{ site.data.keyword.mine }}.\n\n`{{site.data.keyword.mine}}` in code stays.\n"), &out)
	fmt.Print(out.String())
	// Output:
	// <p>Welcome to IBM Cloud and My &lt;Service&gt;.</p>
	// <p><code>{{site.data.keyword.mine}}</code> in code stays.</p>
}
