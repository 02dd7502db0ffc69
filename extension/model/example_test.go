package model_test

import (
	"fmt"
	"os"

	"github.com/mdraci/mdraci/extension/model"
	"github.com/mdraci/mdraci/extension/source"
)

// cells turns texts into cells of one row at line.
func cells(line int, texts ...string) []source.Cell {
	out := make([]source.Cell, len(texts))
	for i, t := range texts {
		out[i] = source.Cell{Text: t, Raw: t, Pos: source.Pos{Line: line, Col: 1 + 10*i}}
	}
	return out
}

// specifyPage is an OVHcloud-like page, raci.md: the heading "1.1.
// Specify service", then a table "Activity | Customer | OVHcloud" on line
// 3 whose rows, from line 5 on, are rows.
func specifyPage(rows ...[]string) *source.Document {
	t := &source.Table{Header: cells(3, "Activity", "Customer", "OVHcloud"), Pos: source.Pos{Line: 3}}
	for i, r := range rows {
		t.Rows = append(t.Rows, source.Row{Cells: cells(5+i, r...), Pos: source.Pos{Line: 5 + i}})
	}
	return &source.Document{File: "raci.md", Blocks: []source.Block{
		{Kind: source.KindHeading, Heading: &source.Heading{Level: 2, Text: "1.1. Specify service", Anchor: "specify"}},
		{Kind: source.KindTable, Table: t},
	}}
}

func ExampleBuild() {
	doc := specifyPage(
		[]string{"Choose the location", "A / R", "I"},
		[]string{"Choose the project", "A", "I"},
	)
	d := model.Build(doc)
	m := d.Matrices[0]
	fmt.Println(m.ID, m.Kind, m.Caption)
	for _, r := range m.Rows {
		fmt.Println(r.ID, r.Assignments["customer"].Roles, r.Assignments["ovhcloud"].Roles, r.Ownership)
	}
	for _, dg := range d.Lint(model.LintConfig{MinSeverity: model.SevWarning}) {
		fmt.Printf("%s:%d: %s %s %s\n", dg.File, dg.Line, dg.Severity, dg.Code, dg.Message)
	}
	// Output:
	// specify-table-1 raci 1.1 Specify service
	// specify-choose-the-location [R A] [I] customer
	// specify-choose-the-project [A] [I] customer
	// raci.md:6: warning RACI003 no party is Responsible for "Choose the project"
}

func ExampleDocument_WriteCSV() {
	doc := specifyPage(
		[]string{"Choose the location", "A / R", "I"},
		[]string{"Project"}, // one cell: the heading of the rows below
		[]string{"=Choose the project", "A", ""},
	)
	if err := model.Build(doc).WriteCSV(os.Stdout, true); err != nil {
		fmt.Println(err)
	}
	// Output:
	// file,matrix,caption,section,row,activity,qualifiers,comment,notes,line,ownership,party,party_name,party_kind,roles,duties,status,group
	// raci.md,specify-table-1,1.1 Specify service,1.1 Specify service,specify-choose-the-location,Choose the location,,,,5,customer,customer,Customer,customer,R A,,filled,
	// raci.md,specify-table-1,1.1 Specify service,1.1 Specify service,specify-choose-the-location,Choose the location,,,,5,customer,ovhcloud,OVHcloud,provider,I,,filled,
	// raci.md,specify-table-1,1.1 Specify service,1.1 Specify service,specify-choose-the-project,'=Choose the project,,,,7,customer,customer,Customer,customer,A,,filled,Project
	// raci.md,specify-table-1,1.1 Specify service,1.1 Specify service,specify-choose-the-project,'=Choose the project,,,,7,customer,ovhcloud,OVHcloud,provider,,,empty,Project
}

func ExampleDiff() {
	before := model.Build(specifyPage(
		[]string{"Choose the location", "A / R", "I"},
		[]string{"Choose the project", "A", "I"},
	))
	after := model.Build(specifyPage(
		[]string{"Choose the location", "R", "A"},
		[]string{"Name the project", "RA", "I"},
	))
	for _, c := range model.Diff(before, after) {
		fmt.Printf("%s:%d: %s\n", c.NewFile, max(c.NewLine, c.OldLine), c)
	}
	// Output:
	// raci.md:5: "Choose the location" (specify-choose-the-location): customer: roles "R A" → "R"
	// raci.md:5: "Choose the location" (specify-choose-the-location): ovhcloud: roles "I" → "A"
	// raci.md:6: row "Choose the project" (specify-choose-the-project) removed from matrix specify-table-1
	// raci.md:6: row "Name the project" (specify-name-the-project) added to matrix specify-table-1
}
