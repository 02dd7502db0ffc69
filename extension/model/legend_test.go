package model

import (
	"testing"

	"github.com/mdraci/mdraci/extension/source"
)

func TestLegendDetection(t *testing.T) {
	tests := []struct {
		name    string
		doc     *source.Document
		letters string
		roles   []string
		labels  []string
		derived bool
	}{
		{
			name:    "ovh one-column roles table",
			doc:     ovhDoc(),
			letters: "RACI", roles: []string{"responsible", "accountable", "consulted", "informed"},
			labels: []string{"Is in charge of carrying out the process", "Accountable for the successful completion of the process",
				"Is consulted during the process", "Is informed of the results of the process"},
		},
		{
			name:    "ovh french",
			doc:     doc("fr.md", tbl(1, []string{"Rôles"}, []string{"R : Est en charge de la Réalisation du processus"}, []string{"A : Est gArant de la bonne fin du processus"}, []string{"C : Est Consulté pendant le processus"}, []string{"I : est Informé des résultats  du processus"})),
			letters: "RACI", roles: []string{"responsible", "accountable", "consulted", "informed"},
		},
		{
			name:    "cegedim paragraph lines",
			doc:     cegedimDoc(),
			letters: "RACI", roles: []string{"responsible", "accountable", "consulted", "informed"},
			labels: []string{"Responsible", "Accountable", "Consulted", "Informed"},
		},
		{
			name:    "cloud temple two-column table",
			doc:     doc("ct.md", tbl(13, []string{"Rôle", "Description"}, []string{"(R) Réalise", "Réalise le processus"}, []string{"(A) Approuve", "Approuve la réalisation du processus"}, []string{"(C) Consulte", "Consulté pendant le processus"}, []string{"(I) Informé", "Informé des résultats"})),
			letters: "RACI", roles: []string{"responsible", "accountable", "consulted", "informed"},
			labels: []string{"Réalise", "Approuve", "Consulte", "Informé"},
		},
		{
			name:    "letter meaning table with S and V",
			doc:     doc("sv.md", tbl(1, []string{"Letter", "Meaning"}, []string{"R", "Responsible"}, []string{"S", "Supports the work"}, []string{"V", "Verifies the result"})),
			letters: "RSV", roles: []string{"responsible", "support", "verifier"},
		},
		{
			name: "definition list with O",
			doc: doc("gw.md", p(20, "Responsible (R)", ": Has the duty to do the work.", "Accountable (A)", ": Has the authority to decide.",
				"Consulted (C)", ": Must be allowed to influence plans before finalization by the \"Responsible\" party.", "Informed (I)", ": Is informed.", "Order (O)", ": Has the ability to place an order.")),
			letters: "RACIO", roles: []string{"responsible", "accountable", "consulted", "informed", "orderer"},
		},
		{
			name:    "none: plain RACI, derived",
			doc:     ibmDoc(),
			letters: "RACI", roles: []string{"responsible", "accountable", "consulted", "informed"}, derived: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Build(tt.doc)
			letters := ""
			var roles, labels []string
			for _, e := range d.Legend {
				letters += e.Letter
				roles = append(roles, e.Role)
				labels = append(labels, e.Label)
				eq(t, tt.derived, e.Derived, "derived")
			}
			eq(t, tt.letters, letters)
			eq(t, tt.roles, roles)
			if tt.labels != nil {
				eq(t, tt.labels, labels)
			}
			eq(t, 0, countKind(d, "legend"), "a legend table is no matrix")
		})
	}
}

func countKind(d *Document, kind string) int {
	n := 0
	for _, m := range d.Matrices {
		if m.Kind == kind {
			n++
		}
	}
	return n
}

func TestLegendDescription(t *testing.T) {
	d := Build(cegedimDoc())
	eq(t, "Assigned to complete the task or deliverable", d.Legend[0].Description)
	eq(t, 7, d.Legend[0].Line)
}

func TestLegendNotFromProse(t *testing.T) {
	d := Build(doc("x.md", p(1, "A customer can create resources.", "I think so.")))
	eq(t, true, d.Legend[0].Derived)
}

// TestLegendRoleWords: a legend label's role is read from the keyword a
// word starts with that comes first, never from one inside a word.
func TestLegendRoleWords(t *testing.T) {
	for _, c := range []struct{ letter, label, role string }{
		{"R", "Responsible for the work assigned", "responsible"},              // not "sign" in "assigned"
		{"A", "Est Approbateur de la réalisation du processus", "accountable"}, // OVHcloud's French legend
		{"R", "Est en charge de la Réalisation du processus", "responsible"},
		{"A", "Accountable: approves the work of the Responsible", "accountable"},
		{"S", "Signs the contract", "signatory"},
		{"C", "Consulted before the accountable decides", "consulted"},
		{"X", "Unassigned", "other"},
	} {
		eq(t, c.role, roleFor(c.letter, c.label, ""), c.label)
	}
}

// TestLegendNotFromFAQ: "Q: …" "A: …" lines of prose name no role: they
// define no legend, and the letter matrix stays one, linted.
func TestLegendNotFromFAQ(t *testing.T) {
	d := Build(doc("faq.md",
		tbl(1, []string{"Activity", "Customer", "Provider"},
			[]string{"Backups", "RA", "C"},
			[]string{"Scans", "R", "C"}),
		p(6, "Q: Who restores my data?", "A: You do.")))
	eq(t, true, d.Legend[0].Derived, "no legend from the FAQ")
	must(t, len(d.Matrices) == 1, d.Matrices)
	eq(t, MatrixRACI, d.Matrices[0].Kind)
	eq(t, []string{"R", "A"}, d.Matrices[0].Rows[0].Assignments["customer"].Roles)
	eq(t, true, hasCode(d.Diagnostics, CodeNoAccountable), "Scans has no A")
	// questions and answers that name roles are no legend either
	d = Build(doc("faq2.md",
		tbl(1, []string{"Activity", "Provider", "Customer"}, []string{"Backups", "R", "A"}),
		p(5, "Q: Who is responsible for backups?", "A: The provider is responsible, the customer is accountable.")))
	eq(t, true, d.Legend[0].Derived, "no legend from a FAQ naming roles")
	eq(t, false, hasCode(d.Diagnostics, CodeUndefinedLetter), d.Diagnostics)
	// a legend written as lines still counts
	d = Build(doc("legend.md",
		p(1, "R: Responsible", "A: Accountable", "C: Consulted", "I: Informed"),
		tbl(6, []string{"Activity", "Customer", "Provider"}, []string{"Backups", "RA", "C"})))
	eq(t, false, d.Legend[0].Derived, "the legend lines")
}
