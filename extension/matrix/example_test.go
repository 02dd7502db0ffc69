package matrix_test

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/mdraci/mdraci/extension/matrix"
	"github.com/mdraci/mdraci/extension/model"
	"github.com/mdraci/mdraci/extension/table"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// The matrix part with the table part alone: the RACI table becomes a
// matrix (after the plain RACI legend it inserts), and the model it was
// rendered from is at hand.
func ExampleNew() {
	md := goldmark.New(goldmark.WithExtensions(table.New(), matrix.New()))
	src := []byte("| Activity | Customer | Provider |\n| --- | --- | --- |\n| Patch | I | A/R |\n")
	pc := parser.NewContext()
	doc := md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	var out bytes.Buffer
	if err := md.Renderer().Render(&out, src, doc); err != nil {
		panic(err)
	}
	for _, line := range strings.Split(out.String(), "\n") {
		if strings.Contains(line, `<td class="raci-cell`) {
			fmt.Println(line)
		}
	}
	_, m := matrix.Get(pc)
	fmt.Println(m.Matrices[0].Rows[0].Ownership)
	// Output:
	// <td class="raci-cell raci-provider raci-filled" data-party="provider"><abbr class="raci-role raci-role-r" title="Responsible">R</abbr> <abbr class="raci-role raci-role-a" title="Accountable">A</abbr></td>
	// <td class="raci-cell raci-customer raci-filled" data-party="customer"><abbr class="raci-role raci-role-i" title="Informed">I</abbr></td>
	// provider
}

// Title is what a role letter's tooltip says: the role, and the legend's
// own wording when it says more.
func ExampleTitle() {
	fmt.Println(matrix.Title(model.LegendEntry{Letter: "R", Label: "Responsible", Role: "responsible"}))
	fmt.Println(matrix.Title(model.LegendEntry{Letter: "A", Label: "Is accountable for the result", Role: "accountable"}))
	fmt.Println(matrix.Title(model.LegendEntry{Letter: "V", Label: "Verifies", Role: "other"}))
	// Output:
	// Responsible
	// Accountable: Is accountable for the result
	// Verifies
}
