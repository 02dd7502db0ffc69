package extension_test

import (
	"bytes"
	"fmt"
	"os"
	"strings"

	"github.com/mdraci/mdraci/extension"
	"github.com/yuin/goldmark"
)

func ExampleNew() {
	md := goldmark.New(goldmark.WithExtensions(extension.New()))
	src := []byte(`| Task | {{site.data.keyword.IBM_notm}} responsibilities | Your responsibilities |
|------|------|------|
| Patching | - Patch the OS \n - Patch the service | Update apps |
{: caption="Table 1. Responsibilities for patching" caption-side="top"}
{: #patching .simple}
`)
	var out bytes.Buffer
	if err := md.Convert(src, &out); err != nil {
		panic(err)
	}
	fmt.Print(out.String())
	// Output:
	// <div class="raci-scroll" role="region" aria-labelledby="patching-caption" tabindex="0">
	// <table id="patching" class="raci-matrix raci-kind-prose simple caption-top" data-kind="prose">
	// <caption id="patching-caption">Table 1. Responsibilities for patching</caption>
	// <thead>
	// <tr>
	// <th scope="col" class="raci-activity-col">Task</th>
	// <th scope="col" class="raci-party raci-provider" data-party="ibm">IBM responsibilities</th>
	// <th scope="col" class="raci-party raci-customer" data-party="customer">Your responsibilities</th>
	// </tr>
	// </thead>
	// <tbody>
	// <tr id="responsibilities-patching" class="raci-owner-shared" data-ownership="shared">
	// <th scope="row" class="raci-activity">Patching</th>
	// <td class="raci-cell raci-provider raci-filled" data-party="ibm"><ul class="raci-duties"><li>Patch the OS</li><li>Patch the service</li></ul></td>
	// <td class="raci-cell raci-customer raci-filled" data-party="customer"><ul class="raci-duties"><li>Update apps</li></ul></td>
	// </tr>
	// </tbody>
	// </table>
	// </div>
}

func ExampleConverter_Convert() {
	c := extension.NewConverter(extension.WithStrict(true), extension.WithHeadingAnchors(false))
	src := []byte("# Roles\n\nRun on {{site.data.keyword.nope}}.\n{: .x\n")
	res, err := c.Convert("roles.md", src, os.Stdout)
	if err != nil {
		panic(err)
	}
	for _, d := range res.Diagnostics {
		fmt.Println(d)
	}
	// Output:
	// <h1 id="roles">Roles</h1>
	// <p>Run on {{site.data.keyword.nope}}.
	// {: .x</p>
	// roles.md:3:8: error: unknown keyword "site.data.keyword.nope"; it is left as written [keyword-unknown]
	// roles.md:4:1: warning: attribute list is not closed with "}"; it is left as text [attributes-unclosed]
}

// Codes lists what mdraci can report: here the RACI rules, as
// `mdraci lint --codes` prints them.
func ExampleCodes() {
	for _, c := range extension.Codes() {
		if strings.HasPrefix(c.Code, "RACI") {
			fmt.Printf("%s %s: %s\n", c.Code, c.Severity, c.Summary)
		}
	}
	// Output:
	// RACI001 error: no party is Accountable
	// RACI002 error: more than one party is Accountable
	// RACI003 warning: no party is Responsible
	// RACI004 error: a letter the legend does not define
	// RACI005 info: letters not written as the legend writes them ("A / R" reads as RA)
	// RACI006 warning: a letter written twice in a cell
	// RACI008 error: no party has a role in a row
}
