package model

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/mdraci/mdraci/extension/source"
)

// opsDoc is a page of two RACI tables; edit changes its parts.
func opsDoc(edit func(rows1, rows2 *[][]string, header1 *[]string, caption *string)) *source.Document {
	header1 := []string{"Activity", "Customer", "OVHcloud"}
	rows1 := [][]string{
		{"Host the service", "I", "RA"},
		{"Choose the plan", "RA", "I"},
		{"Decide the version", "A", "R"},
	}
	rows2 := [][]string{{"Generate SSH keys", "RA", ""}, {"Manage security risks", "", "RA"}}
	caption := ""
	if edit != nil {
		edit(&rows1, &rows2, &header1, &caption)
	}
	blocks := []source.Block{h(2, 1, "1. Before subscription", "before"), withTable(tbl(3, append([][]string{header1}, rows1...)...), "", caption)}
	if rows2 != nil {
		blocks = append(blocks, h(2, 20, "2. Daily operations", "daily"), tbl(22, append([][]string{{"Activity", "Customer", "OVHcloud"}}, rows2...)...))
	}
	return doc("ops.md", blocks...)
}

// kinds lists the changes as "kind party row".
func kinds(cs []Change) []string {
	var out []string
	for _, c := range cs {
		out = append(out, strings.TrimSpace(c.Kind+" "+c.Party+" "+c.Row))
	}
	return out
}

// TestDiff: each kind of edit to a page gives its change, and the same
// page gives none.
func TestDiff(t *testing.T) {
	base := Build(opsDoc(nil))
	eq(t, 0, len(Diff(base, Build(opsDoc(nil)))), "the same page")

	for _, c := range []struct {
		name string
		edit func(rows1, rows2 *[][]string, header1 *[]string, caption *string)
		want []string
	}{
		{"roles", func(r1, _ *[][]string, _ *[]string, _ *string) { (*r1)[0][1] = "C" },
			[]string{"roles customer before-host-the-service"}},
		{"row added and removed", func(r1, _ *[][]string, _ *[]string, _ *string) {
			(*r1)[2] = []string{"Pick the region", "A", "R"}
		}, []string{"row-removed  before-decide-the-version", "row-added  before-pick-the-region"}},
		{"row moved", func(r1, _ *[][]string, _ *[]string, _ *string) { (*r1)[0], (*r1)[1] = (*r1)[1], (*r1)[0] },
			[]string{"row-moved  before-host-the-service"}},
		{"activity recased", func(r1, _ *[][]string, _ *[]string, _ *string) { (*r1)[1][0] = "Choose the Plan." },
			[]string{"activity  before-choose-the-plan"}},
		{"matrix removed", func(_, r2 *[][]string, _ *[]string, _ *string) { *r2 = nil },
			[]string{"matrix-removed"}},
		{"caption", func(_, _ *[][]string, _ *[]string, c *string) { *c = "Table 1. Before" },
			[]string{"caption"}},
		{"party added", func(r1, _ *[][]string, h1 *[]string, _ *string) {
			*h1 = append(*h1, "Partner")
			for i := range *r1 {
				(*r1)[i] = append((*r1)[i], "I")
			}
		}, []string{"party-added partner", "roles partner before-host-the-service",
			"roles partner before-choose-the-plan", "roles partner before-decide-the-version"}},
	} {
		got := Diff(base, Build(opsDoc(c.edit)))
		eq(t, c.want, kinds(got), c.name)
	}

	// the first of two rows of one activity removed: that row, not the
	// second one's letters
	twice := func(rows ...[]string) *Document {
		return Build(opsDoc(func(r1, _ *[][]string, _ *[]string, _ *string) { *r1 = rows }))
	}
	cs := Diff(twice([]string{"Patch", "RA", "I"}, []string{"Scan", "I", "RA"}, []string{"Patch", "I", "RA"}),
		twice([]string{"Scan", "I", "RA"}, []string{"Patch", "I", "RA"}))
	eq(t, []string{"row-removed  before-patch"}, kinds(cs))

	// dots and apostrophes inside words: the same row, reworded
	cs = Diff(twice([]string{"Patch the customer's OS", "RA", "I"}, []string{"Scan", "I", "RA"}),
		twice([]string{"Patch the customers’ O.S.", "RA", "I"}, []string{"Scan", "I", "RA"}))
	eq(t, []string{"activity  before-patch-the-customers-o-s"}, kinds(cs))

	// a table inserted above another of the same section: the other one
	// keeps its pair though its id moved
	inserted := Build(doc("ops.md", h(2, 1, "1. Before subscription", "before"),
		tbl(3, []string{"Activity", "Customer", "OVHcloud"}, []string{"Sign the contract", "RA", "I"}),
		tbl(8, append([][]string{{"Activity", "Customer", "OVHcloud"}}, [][]string{
			{"Host the service", "I", "RA"}, {"Choose the plan", "RA", "I"}, {"Decide the version", "A", "R"}}...)...),
		h(2, 20, "2. Daily operations", "daily"),
		tbl(22, []string{"Activity", "Customer", "OVHcloud"}, []string{"Generate SSH keys", "RA", ""}, []string{"Manage security risks", "", "RA"})))
	cs = Diff(base, inserted)
	eq(t, []string{"matrix-added"}, kinds(cs))
	eq(t, "before-table-1", cs[0].Matrix)

	// the other way round, and what the changes say
	removed := Build(opsDoc(func(_, r2 *[][]string, _ *[]string, _ *string) { *r2 = nil }))
	cs = Diff(removed, base)
	eq(t, []string{"matrix-added"}, kinds(cs))
	eq(t, `matrix "2 Daily operations" (daily-table-1) added`, cs[0].String())
	eq(t, 22, cs[0].NewLine)
	cs = Diff(base, Build(opsDoc(func(r1, _ *[][]string, _ *[]string, _ *string) { (*r1)[0][1] = "" })))
	eq(t, []string{"roles customer before-host-the-service"}, kinds(cs))
	eq(t, `"Host the service" (before-host-the-service): customer: roles "I" → none`, cs[0].String())
	eq(t, "ops.md", cs[0].OldFile)
}

// TestDiffDuties: prose cells whose items change.
func TestDiffDuties(t *testing.T) {
	old := Build(ibmDoc())
	edited := ibmDoc()
	for _, b := range edited.Blocks {
		if b.Table != nil && len(b.Table.Rows) == 3 {
			b.Table.Rows[0].Cells[2] = cellsOf("Set up security. Rotate keys.", []string{"Set up security.", "Rotate keys."})
		}
	}
	cs := Diff(old, Build(edited))
	eq(t, []string{"duties customer sec-general"}, kinds(cs))
	eq(t, "Set up security.\nRotate keys.", cs[0].New)
	eq(t, `"General" (sec-general): customer: duties "Set up and maintain security." → "Set up security.; Rotate keys."`, cs[0].String())
}

// TestDiffGridsNotesLegend: a grid's moved columns change nothing, its
// cells' changes are reported cell by cell; notes, legend labels, party
// names and the title are compared too.
func TestDiffGridsNotesLegend(t *testing.T) {
	grid := func(header []string, rows ...[]string) *Document {
		return Build(doc("g.md", tbl(1, append([][]string{header}, rows...)...)))
	}
	scan := []string{"Scan", "IBM", "IBM"}
	old := grid([]string{"Task", "IaaS", "PaaS"}, []string{"Patch", "IBM", "Customer"}, []string{"Back up", "N/A", "Shared"}, scan)
	eq(t, 0, len(Diff(old, grid([]string{"Task", "PaaS", "IaaS"}, []string{"Patch", "Customer", "IBM"}, []string{"Back up", "Shared", "N/A"},
		[]string{"Scan", "IBM", "IBM"}))), "columns swapped")
	cs := Diff(old, grid([]string{"Task", "IaaS", "PaaS"}, []string{"Patch", "IBM", "Customer"}, []string{"Back up", "", "Shared"}, scan))
	eq(t, []string{"category  responsibilities-back-up"}, kinds(cs))
	eq(t, `"Back up" (responsibilities-back-up): iaas: "not-applicable" → "empty"`, cs[0].String())
	cs = Diff(old, grid([]string{"Task", "IaaS", "PaaS"}, []string{"Patch", "Customer", "Customer"}, []string{"Back up", "N/A", "Shared"}, scan))
	eq(t, []string{"roles ibm responsibilities-patch", "category  responsibilities-patch"}, kinds(cs))
	eq(t, `"Patch" (responsibilities-patch): iaas: "ibm" → "customer"`, cs[1].String())

	notes := func(cell, note string) *Document {
		return Build(doc("n.md", tbl(1, []string{"Activity", "Customer", "Provider"}, []string{"Patch", cell, "I"}), p(5, note)))
	}
	cs = Diff(notes("RA", "*Only on request."), notes("RA*", "*Only on request."))
	eq(t, []string{"notes  responsibilities-patch"}, kinds(cs))
	eq(t, "*: Only on request.", cs[0].New)

	legend := func(label, party, title string) *Document {
		d := doc("l.md", h(1, 1, title, "t"), tbl(3, []string{"Roles"}, []string{"R : " + label}, []string{"A : Answers"}),
			tbl(9, []string{"Activity", party, "OVHcloud"}, []string{"Patch", "RA", "I"}))
		d.Title = title
		return Build(d)
	}
	cs = Diff(legend("Does it", "Customer", "Ops"), legend("Carries it out", "customer", "Operations"))
	eq(t, []string{"title", "legend", "party-name customer", "caption"}, kinds(cs))
	eq(t, `legend R: "Does it" → "Carries it out"`, cs[1].String())
}

// TestDiffLargeTables: tables of 20,000 rows, alike but one row, then in
// reverse order (past the alignment table's bound: paired greedily).
func TestDiffLargeTables(t *testing.T) {
	rows := func(reverse bool, edit int, move ...int) *Document {
		order := make([]int, 0, 20000)
		for i := range 20000 {
			k := i
			if reverse {
				k = 19999 - i
			}
			order = append(order, k)
		}
		if len(move) == 2 { // the row at move[0] taken to move[1]
			k := order[move[0]]
			order = append(order[:move[0]], order[move[0]+1:]...)
			order = append(order[:move[1]], append([]int{k}, order[move[1]:]...)...)
		}
		b := [][]string{{"Activity", "Customer", "Provider"}}
		for _, k := range order {
			letters := "RA"
			if k == edit {
				letters = "R"
			}
			b = append(b, []string{"Task " + itoa(k), letters, "I"})
		}
		return Build(doc("big.md", tbl(1, b...)), WithLint(false))
	}
	old := rows(false, -1)
	eq(t, []string{"roles customer responsibilities-task-12345"}, kinds(Diff(old, rows(false, 12345))))
	cs := Diff(old, rows(true, -1))
	eq(t, 19999, len(cs), "one row kept in place, the others moved")
	// a row moved far: the rest stay paired, though the table is past
	// the exact alignment's bound
	eq(t, []string{"row-moved  responsibilities-task-100"}, kinds(Diff(old, rows(false, -1, 100, 15000))))
	eq(t, []string{"row-moved  responsibilities-task-15000"}, kinds(Diff(old, rows(false, -1, 15000, 100))))
}

// TestMatchKeys: past the exact alignment's bound, the alignment is still
// a common subsequence that keeps every position once and in order, and
// as long as the exact one where the keys found once on each side show
// the way.
func TestMatchKeys(t *testing.T) {
	valid := func(a, b []string, ms []match) int {
		t.Helper()
		ni, nj, pairs := 0, 0, 0
		for _, m := range ms {
			if m.i >= 0 {
				must(t, m.i == ni, "old position out of order", ms)
				ni++
			}
			if m.j >= 0 {
				must(t, m.j == nj, "new position out of order", ms)
				nj++
			}
			if m.i >= 0 && m.j >= 0 {
				must(t, a[m.i] == b[m.j], "paired keys differ")
				pairs++
			}
		}
		must(t, ni == len(a) && nj == len(b), "a position is missing")
		return pairs
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 200 {
		n, m := 1100+rng.IntN(200), 1100+rng.IntN(200)
		keys := 5 + rng.IntN(3000) // few keys: repeats; many: mostly unique
		gen := func(l int) []string {
			out := make([]string, l)
			for i := range out {
				out[i] = itoa(rng.IntN(keys))
			}
			return out
		}
		a := gen(n)
		b := append([]string{}, a...)
		for range rng.IntN(20) { // edits: change, insert, remove
			i := rng.IntN(len(b))
			switch rng.IntN(3) {
			case 0:
				b[i] = itoa(rng.IntN(keys))
			case 1:
				b = append(b[:i], append([]string{itoa(rng.IntN(keys))}, b[i:]...)...)
			default:
				b = append(b[:i], b[i+1:]...)
			}
		}
		b = append(b, gen(m-min(m, len(b)))...)
		must(t, len(a)*len(b) > maxAlign, "the inputs must be past the bound")
		got := valid(a, b, matchKeys(a, b))
		if round%20 == 0 { // the exact alignment, for comparison
			exact := valid(a, b, lcsKeys(a, b))
			must(t, got <= exact, "longer than the longest common subsequence?")
			if keys > 2000 {
				must(t, got*100 >= exact*95, "alignment ", got, " far below the exact ", exact)
			}
		}
	}
}

// TestDiffSameTwice: a page compared with itself gives nothing, though
// two tables share an explicit id or one table's rows are a part of a
// bigger one's.
func TestDiffSameTwice(t *testing.T) {
	page := func() *Document {
		return Build(doc("s.md", h(2, 1, "S", "s"),
			withTable(tbl(3, []string{"Activity", "Customer", "Provider"}, []string{"Patch", "R", "A"}, []string{"Backup", "A", "R"}), "t1", ""),
			withTable(tbl(9, []string{"Activity", "Customer", "Provider"}, []string{"Patch", "A", "R"}, []string{"Patch", "A", "R"}, []string{"Backup", "R", "A"}), "t1", ""),
			tbl(15, []string{"Activity", "Customer", "Provider"}, []string{"Patch", "R", "A"}, []string{"Backup", "A", "R"}),
			tbl(21, []string{"Activity", "Customer", "Provider"}, []string{"Patch", "A", "R"}, []string{"Patch", "A", "R"}, []string{"Backup", "R", "A"}),
		))
	}
	eq(t, []string(nil), kinds(Diff(page(), page())))
}
