package model

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/mdraci/mdraci/extension/source"
)

// h makes a heading block.
func h(level, line int, text, anchor string) source.Block {
	return source.Block{Kind: source.KindHeading, Heading: &source.Heading{Level: level, Text: text, Anchor: anchor, Pos: source.Pos{Line: line, Col: 1}}}
}

// p makes a paragraph block, one line per string, from line on.
func p(line int, texts ...string) source.Block {
	b := source.Block{Kind: source.KindParagraph}
	for i, t := range texts {
		b.Lines = append(b.Lines, source.Line{Text: t, Pos: source.Pos{Line: line + i, Col: 1}})
	}
	return b
}

// cells makes cells; a "\n" in a cell makes list items.
func cells(line int, texts []string) []source.Cell {
	out := make([]source.Cell, len(texts))
	col := 2
	for i, t := range texts {
		c := source.Cell{Text: t, Raw: t, Pos: source.Pos{Line: line, Col: col + 1}}
		if strings.Contains(t, "\n") {
			c.Items = strings.Split(t, "\n")
			c.Text = strings.Join(c.Items, " ")
		}
		out[i] = c
		col += len(t) + 3
	}
	return out
}

// tbl makes a table: rows[0] is the header, at line; body rows follow the
// delimiter row.
func tbl(line int, rows ...[]string) source.Block {
	t := &source.Table{Header: cells(line, rows[0]), Pos: source.Pos{Line: line, Col: 1}}
	for i, r := range rows[1:] {
		l := line + 2 + i
		t.Rows = append(t.Rows, source.Row{Cells: cells(l, r), Pos: source.Pos{Line: l, Col: 1}})
	}
	return source.Block{Kind: source.KindTable, Table: t}
}

// withTable sets table attributes of a table block.
func withTable(b source.Block, id, caption string) source.Block {
	b.Table.ID, b.Table.Caption = id, caption
	return b
}

// doc makes a document.
func doc(file string, blocks ...source.Block) *source.Document {
	return &source.Document{File: file, Format: "markdown", Blocks: blocks}
}

// row finds a row by activity prefix.
func findRow(d *Document, activity string) *Row {
	for i := range d.Matrices {
		for j := range d.Matrices[i].Rows {
			if strings.HasPrefix(d.Matrices[i].Rows[j].Activity, activity) {
				return &d.Matrices[i].Rows[j]
			}
		}
	}
	return nil
}

// codes lists the diagnostics' codes with their lines ("RACI001@12").
func codes(ds []Diagnostic) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Code+"@"+itoa(d.Line))
	}
	return out
}

func itoa(n int) string { return fmt.Sprint(n) }

// ovhDoc mirrors seed 002: a one-column Roles legend and RACI matrices.
func ovhDoc() *source.Document {
	return doc("ovh.md",
		h(2, 6, "Objective", "objective"),
		tbl(10, []string{"Roles"},
			[]string{"R : Is in charge of carrying out the process"},
			[]string{"A : Accountable for the successful completion of the process"},
			[]string{"C : Is consulted during the process"},
			[]string{"I : Is informed of the results of the process"}),
		h(3, 17, "1. Before subscription", "1-before-subscription"),
		h(4, 19, "1.1. Specify service as needed", "11-specify-service-as-needed"),
		tbl(21, []string{"Activity", "Customer", "OVHcloud"},
			[]string{"Host the service in Gravelines", "I", "RA"},
			[]string{"Choose and upgrade the service plan following needs", "RA", "I"},
			[]string{"Decide which version to use", "A", "IR"}),
		h(5, 40, "3.1.1. Daily operations", "311-daily-operations"),
		tbl(42, []string{"Activity", "Customer", "OVHcloud"},
			[]string{"Generate SSH keys", "RA", ""},
			[]string{"Manage security risks", "", "RA"}),
	)
}

// cegedimDoc mirrors seed 003: legend lines, a Plan table, matrices with
// Plan and Comments, a footnote.
func cegedimDoc() *source.Document {
	return doc("cegedim.txt",
		p(1, "RACI", "Sharing responsibilities"),
		p(6, "To have a common understanding, we use a RACI matrix.",
			"R | Responsible | Assigned to complete the task or deliverable |",
			"A | Accountable | Has final decision-making authority and accountability for completion (only 1 per task) |",
			"C | Consulted | An adviser, stakeholder, or subject matter expert who is consulted before a decision or action |",
			"I | Informed | Must be informed after a decision or action |",
			"There are slight differences according to the plan subscribed by the customer :"),
		tbl(13, []string{"Plan", "Description"},
			[]string{"Self Service", "The customer can create resources directly through ITCare."},
			[]string{"On Request", "Resources are provisioned and delivered by cegedim.cloud on request."}),
		tbl(17, []string{"Actions", "Plan", "cegedim.cloud", "customer", "Comments"},
			[]string{"Use an instance or a cluster", "*", "I", "A / R", "Customer is responsible of the healthy usage of the product."},
			[]string{"Modify configurations", "On request", "A / R", "I", "Certain configuration parameters can be modified."},
			[]string{"Backup and Restoration", "*", "R", "A / I", "Backup policy is defined by customer."},
			[]string{"Version Upgrades", "On Request or Self Service", "R", "A / I / R", "Upgrade can be done by the customer."}),
		tbl(30, []string{"Actions", "Plan", "cegedim.cloud", "customer", "Commentaires"},
			[]string{"Créer une instance", "Self-service", "I", "A / R", "Le client décide."}),
		tbl(40, []string{"Actions", "Plan", "cegedim.cloud", "customer"},
			[]string{"Identify sensitive data to be masked (specifications)", "*", "I", "A / R"},
			[]string{"PDM : Masking plan creation and execution*", "*", "A / R", "I / C"}),
		p(45, "*Each execution includes: prerequisite check, script execution, monitoring of the execution"),
	)
}

// ibmDoc mirrors seeds 001 and 004: prose tables with list cells and
// placeholders.
func ibmDoc() *source.Document {
	return doc("ibm.md",
		h(1, 16, "Shared responsibilities for watsonx Code Assistant", "shared-resp"),
		h(2, 24, "Change management", "change"),
		withTable(tbl(28, []string{"Resource", "IBM Cloud role", "Your role"},
			[]string{"Applications", "Provide major, minor, and patch version updates. Also base model.", "Use the console tools to apply the provided updates."}),
			"", "Table 1: Change management roles and responsibilities"),
		h(2, 50, "Security and regulatory compliance", "sec"),
		tbl(55, []string{"Resource", "IBM Cloud role", "Your role"},
			[]string{"General", "Maintain controls.\nMonitor, isolate, and recover instances.\nIntegrate with IAM.", "Set up and maintain security."},
			[]string{"Encryption", "NEED CONTENT", "The Customer ensures that their connection is encrypted."},
			[]string{"Service recovery", "IBM restores the service.", ""}),
	)
}

// ptcDoc mirrors seed 000: a plain-text table with no headings.
func ptcDoc() *source.Document {
	return doc("ptc.txt",
		p(1, "Shared Responsibility Model", "This topic explains how responsibilities are shared between PTC and customers."),
		tbl(3, []string{"Component", "PTC Responsibilities", "Customer Responsibilities"},
			[]string{"Identity and access management", "Provide documentation for supported roles.", "Create and manage identities."},
			[]string{"Deployment templates", "Provide and maintain reference Terraform modules.", "Customize templates."}),
	)
}

// cellsOf makes one cell with items.
func cellsOf(text string, items []string) source.Cell {
	return source.Cell{Text: text, Raw: text, Items: items}
}

// eq fails the test when got differs from want (testify's assert would
// need go.yaml.in/yaml/v3 in go.sum, which the module does not list yet).
func eq(t testing.TB, want, got any, msg ...any) {
	t.Helper()
	if !reflect.DeepEqual(want, got) {
		t.Errorf("%v: want %#v, got %#v", fmt.Sprint(msg...), want, got)
	}
}

// must fails the test now when cond is false.
func must(t testing.TB, cond bool, msg ...any) {
	t.Helper()
	if !cond {
		t.Fatal(msg...)
	}
}
