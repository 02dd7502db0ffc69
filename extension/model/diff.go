package model

import (
	"fmt"
	"math/bits"
	"sort"
	"strings"
)

// Kinds of Change.
const (
	ChangeTitle         = "title"
	ChangeLegend        = "legend"
	ChangePartyAdded    = "party-added"
	ChangePartyRemoved  = "party-removed"
	ChangePartyName     = "party-name"
	ChangeMatrixAdded   = "matrix-added"
	ChangeMatrixRemoved = "matrix-removed"
	ChangeMatrixCaption = "caption"
	ChangeMatrixSection = "section"
	ChangeRowAdded      = "row-added"
	ChangeRowRemoved    = "row-removed"
	ChangeRowMoved      = "row-moved"
	ChangeActivity      = "activity"
	ChangeRoles         = "roles"
	ChangeDuties        = "duties"
	ChangeStatus        = "status"
	ChangeCategory      = "category"
	ChangeQualifiers    = "qualifiers"
	ChangeComment       = "comment"
	ChangeNotes         = "notes"
	ChangeGroup         = "group"
)

// Change is one difference between two models of a document (two versions
// of a page): who does what changed in a row, or a row, matrix, party or
// legend entry came, went or changed.
type Change struct {
	// Kind is one of the Change* constants.
	Kind string `json:"kind"`
	// OldFile and NewFile are the files of the two models.
	OldFile string `json:"old_file"`
	NewFile string `json:"new_file"`
	// Matrix is the matrix id (in the new model, else the old); Row the
	// row id and Activity its text (row, assignment and cell changes);
	// Party the party id (assignment and party changes); Column a grid's
	// category key (category changes); Letter a legend letter.
	Matrix   string `json:"matrix,omitempty"`
	Row      string `json:"row,omitempty"`
	Activity string `json:"activity,omitempty"`
	Party    string `json:"party,omitempty"`
	Column   string `json:"column,omitempty"`
	Letter   string `json:"letter,omitempty"`
	// Old and New are the values before and after: roles as "R A", duties
	// and notes one per line, a status, a caption, a name, a label, a grid
	// cell's parties ("ibm, customer").
	Old string `json:"old,omitempty"`
	New string `json:"new,omitempty"`
	// OldLine and NewLine locate the thing in each file (0 where it is
	// absent or unknown).
	OldLine int `json:"old_line,omitempty"`
	NewLine int `json:"new_line,omitempty"`
}

// String tells the change in a line: `"Patch the OS" (ops-patch-the-os):
// customer: roles "R A" → "R"`.
func (c Change) String() string {
	row := fmt.Sprintf("%q (%s)", c.Activity, c.Row)
	switch c.Kind {
	case ChangeTitle:
		return fmt.Sprintf("title %s → %s", shown(c.Old), shown(c.New))
	case ChangeLegend:
		return fmt.Sprintf("legend %s: %s → %s", c.Letter, shown(c.Old), shown(c.New))
	case ChangePartyAdded:
		return fmt.Sprintf("party %q (%s) added", c.New, c.Party)
	case ChangePartyRemoved:
		return fmt.Sprintf("party %q (%s) removed", c.Old, c.Party)
	case ChangePartyName:
		return fmt.Sprintf("party %s: name %s → %s", c.Party, shown(c.Old), shown(c.New))
	case ChangeMatrixAdded:
		return fmt.Sprintf("matrix %q (%s) added", c.New, c.Matrix)
	case ChangeMatrixRemoved:
		return fmt.Sprintf("matrix %q (%s) removed", c.Old, c.Matrix)
	case ChangeMatrixCaption:
		return fmt.Sprintf("matrix %s: caption %s → %s", c.Matrix, shown(c.Old), shown(c.New))
	case ChangeMatrixSection:
		return fmt.Sprintf("matrix %s: moved from section %s to %s", c.Matrix, shown(c.Old), shown(c.New))
	case ChangeRowAdded:
		return fmt.Sprintf("row %s added to matrix %s", row, c.Matrix)
	case ChangeRowRemoved:
		return fmt.Sprintf("row %s removed from matrix %s", row, c.Matrix)
	case ChangeRowMoved:
		return fmt.Sprintf("row %s moved in matrix %s (from old line %d)", row, c.Matrix, c.OldLine)
	case ChangeActivity, ChangeQualifiers, ChangeComment, ChangeNotes, ChangeGroup:
		return fmt.Sprintf("%s: %s %s → %s", row, c.Kind, shown(c.Old), shown(c.New))
	case ChangeCategory:
		return fmt.Sprintf("%s: %s: %s → %s", row, c.Column, shown(c.Old), shown(c.New))
	}
	return fmt.Sprintf("%s: %s: %s %s → %s", row, c.Party, c.Kind, shown(c.Old), shown(c.New))
}

// shown quotes a value for Change.String, "none" when empty; lines are
// joined by "; ".
func shown(v string) string {
	if v == "" {
		return "none"
	}
	return fmt.Sprintf("%q", strings.ReplaceAll(v, "\n", "; "))
}

// Diff returns the changes from old to new, two models of one document:
// the title and legend; parties added, removed or renamed; then matrix by
// matrix, in new's order with those only in old where they were, matrices
// added or removed, captions, rows added or removed, and per row its
// activity's wording, each party's roles, duties and status (a status only
// when roles and duties stayed), a grid's cells, qualifiers, comment and
// notes. Nil when nothing changed.
//
// Matrices are paired by their explicit ids ({: #id}), else within their
// section by the rows they share, else by id, else across sections by
// most of their rows (a section renamed, renumbered or moved); rows by
// their activities, in order (as diff pairs lines): a reworded activity
// is a row removed and a row added, one whose case or punctuation
// changed is an activity change, one taken elsewhere in its matrix a row
// moved. A party renamed under a new id, the only one of its kind gone
// and the only one come, is a party renamed and its rows compared under
// its new id; roles are compared whatever their order.
func Diff(old, new *Document) []Change {
	d := differ{old: old, new: new}
	d.document()
	for _, p := range pairMatrices(old, new) {
		switch {
		case p.old == nil:
			d.add(Change{Kind: ChangeMatrixAdded, Matrix: p.new.ID, New: p.new.Caption, NewLine: p.new.Line})
		case p.new == nil:
			d.add(Change{Kind: ChangeMatrixRemoved, Matrix: p.old.ID, Old: p.old.Caption, OldLine: p.old.Line})
		default:
			d.matrix(p.old, p.new)
		}
	}
	return d.out
}

// differ collects the changes of one Diff.
type differ struct {
	old, new *Document
	out      []Change
	// renamed maps the new ids of the parties renamed to their old ones.
	renamed map[string]string
	// groups map the ids of the group headings of the matrices being
	// compared, old and new, to their names (nil: none)
	oldGroups, newGroups map[string]string
}

func (d *differ) add(c Change) {
	c.OldFile, c.NewFile = d.old.File, d.new.File
	d.out = append(d.out, c)
}

// document reports the changes of title, legend and parties.
func (d *differ) document() {
	if d.old.Title != d.new.Title {
		d.add(Change{Kind: ChangeTitle, Old: d.old.Title, New: d.new.Title})
	}
	labels := func(es []LegendEntry) map[string]LegendEntry {
		m := make(map[string]LegendEntry, len(es))
		for _, e := range es {
			m[e.Letter] = e
		}
		return m
	}
	ol, nl := labels(d.old.Legend), labels(d.new.Legend)
	var letters []string
	for l := range ol {
		letters = append(letters, l)
	}
	for l := range nl {
		if _, ok := ol[l]; !ok {
			letters = append(letters, l)
		}
	}
	sort.Strings(letters)
	for _, l := range letters {
		o, n := ol[l], nl[l]
		if o.Label != n.Label || o.Description != n.Description {
			d.add(Change{Kind: ChangeLegend, Letter: l, Old: legendText(o), New: legendText(n), OldLine: o.Line, NewLine: n.Line})
		}
	}
	d.parties()
}

// parties reports the parties added, removed or renamed. A party of new
// whose id old lacks, the only one of its kind so, pairs with the only
// party of that kind that old has and new lacks: a party renamed
// ("OVHcloud" → "OVHcloud SAS"), whose rows are then compared under its
// new id (renamed).
func (d *differ) parties() {
	had := make(map[string]*Party, len(d.old.Parties))
	for i := range d.old.Parties {
		had[d.old.Parties[i].ID] = &d.old.Parties[i]
	}
	has := make(map[string]bool, len(d.new.Parties))
	for _, p := range d.new.Parties {
		has[p.ID] = true
	}
	d.renamed = renamedParties(d.old.Parties, d.new.Parties, had, has)
	for _, p := range d.new.Parties {
		o := had[p.ID]
		if id, ok := d.renamed[p.ID]; ok {
			o = had[id]
		}
		switch {
		case o == nil:
			d.add(Change{Kind: ChangePartyAdded, Party: p.ID, New: p.Name, NewLine: p.line})
		case o.Name != p.Name:
			d.add(Change{Kind: ChangePartyName, Party: p.ID, Old: o.Name, New: p.Name, OldLine: o.line, NewLine: p.line})
		}
	}
	for _, p := range d.old.Parties {
		if !has[p.ID] && !d.renamedFrom(p.ID) {
			d.add(Change{Kind: ChangePartyRemoved, Party: p.ID, Old: p.Name, OldLine: p.line})
		}
	}
}

// renamedParties returns, new id → old id, the parties renamed: for each
// kind, the party only new has and the party only old has when each side
// has just one such of that kind. had and has index the ids of old and
// new.
func renamedParties(old, new []Party, had map[string]*Party, has map[string]bool) map[string]string {
	added, gone := map[string][]string{}, map[string][]string{} // kind → ids
	for _, p := range new {
		if had[p.ID] == nil {
			added[p.Kind] = append(added[p.Kind], p.ID)
		}
	}
	for _, p := range old {
		if !has[p.ID] {
			gone[p.Kind] = append(gone[p.Kind], p.ID)
		}
	}
	var out map[string]string
	for kind, ids := range added {
		if len(ids) == 1 && len(gone[kind]) == 1 {
			if out == nil {
				out = map[string]string{}
			}
			out[ids[0]] = gone[kind][0]
		}
	}
	return out
}

// renamedFrom reports whether the old party id was renamed.
func (d *differ) renamedFrom(id string) bool {
	for _, o := range d.renamed {
		if o == id {
			return true
		}
	}
	return false
}

// asNew returns the old row with its parties under their new ids (the
// row itself when no party was renamed): its assignments, and the
// parties its grid cells name.
func (d *differ) asNew(r *Row) *Row {
	if len(d.renamed) == 0 {
		return r
	}
	newID := make(map[string]string, len(d.renamed))
	for n, o := range d.renamed {
		newID[o] = n
	}
	rename := func(id string) string {
		if n, ok := newID[id]; ok {
			return n
		}
		return id
	}
	c := *r
	c.Assignments = make(map[string]*Assignment, len(r.Assignments))
	for id, a := range r.Assignments {
		c.Assignments[rename(id)] = a
	}
	if r.Categories != nil {
		c.Categories = make(map[string]*Assignment, len(r.Categories))
		for k, a := range r.Categories {
			if a != nil && len(a.Parties) > 0 {
				ca := *a
				ca.Parties = make([]string, len(a.Parties))
				for i, id := range a.Parties {
					ca.Parties[i] = rename(id)
				}
				a = &ca
			}
			c.Categories[k] = a
		}
	}
	return &c
}

// legendText is a legend entry as a change shows it: "Responsible: Does
// it", "" for none.
func legendText(e LegendEntry) string {
	if e.Description == "" {
		return e.Label
	}
	return e.Label + ": " + e.Description
}

// matrixPair is a matrix in its two versions; nil for the side it is
// missing from.
type matrixPair struct{ old, new *Matrix }

// pairMatrices pairs the matrices of old and new: by explicit id, then
// with the matrix of the same section sharing the most rows, then by id,
// last with the matrix of any section sharing most of their rows (a
// section renamed or renumbered, a table moved). The pairs come in
// new's order, the matrices only in old after the pair before them in
// old.
func pairMatrices(old, new *Document) []matrixPair {
	paired := make([]int, len(new.Matrices)) // new → old index, -1 for none
	taken := make([]bool, len(old.Matrices))
	explicit := map[string][]int{} // explicit id → old matrices, in order
	for i, m := range old.Matrices {
		if m.explicitID {
			explicit[m.ID] = append(explicit[m.ID], i)
		}
	}
	sections := map[string][]int{} // section path → old matrices
	for i := range old.Matrices {
		s := sectionPath(old.Matrices[i].Section)
		sections[s] = append(sections[s], i)
	}
	for j := range new.Matrices {
		paired[j] = -1
		n := &new.Matrices[j]
		if !n.explicitID {
			continue
		}
		for _, i := range explicit[n.ID] {
			if !taken[i] {
				paired[j], taken[i] = i, true
				break
			}
		}
	}
	// then by the rows they share, within a section
	for j := range new.Matrices {
		if paired[j] >= 0 {
			continue
		}
		n := &new.Matrices[j]
		cands := sections[sectionPath(n.Section)]
		if len(cands) > 64 {
			continue // a section of very many tables: by id only
		}
		keys := map[string]bool{}
		for _, r := range n.Rows {
			keys[rowKey(&r)] = true
		}
		best, score := -1, 0
		for _, i := range cands {
			if taken[i] || old.Matrices[i].explicitID && n.explicitID {
				continue
			}
			s := sharedKeys(keys, &old.Matrices[i], n)
			if s > score {
				best, score = i, s
			}
		}
		if best >= 0 {
			paired[j], taken[best] = best, true
		}
	}
	// then by id: a matrix whose rows all changed, or whose section kept
	// its anchor ({: #id}) though its heading changed
	for j := range new.Matrices {
		if paired[j] >= 0 {
			continue
		}
		n := &new.Matrices[j]
		for i := range old.Matrices {
			if o := &old.Matrices[i]; !taken[i] && o.ID == n.ID && !(o.explicitID && n.explicitID) {
				paired[j], taken[i] = i, true
				break
			}
		}
	}
	pairAcrossSections(old, new, paired, taken)
	// new's order; an unpaired old matrix comes after the pair of the old
	// matrix before it
	var out []matrixPair
	next := 0 // old matrices before next are placed
	placeOld := func(upTo int) {
		for ; next < upTo; next++ {
			if !taken[next] {
				out = append(out, matrixPair{old: &old.Matrices[next]})
			}
		}
	}
	for j := range new.Matrices {
		if i := paired[j]; i >= 0 {
			placeOld(i)
			out = append(out, matrixPair{&old.Matrices[i], &new.Matrices[j]})
			continue
		}
		out = append(out, matrixPair{new: &new.Matrices[j]})
	}
	placeOld(len(old.Matrices))
	return out
}

// maxKeyTables bounds how many old matrices holding one row key
// pairAcrossSections reads for it: a key found in more tables than that
// ("Other", "Backups") tells little of which table is which.
const maxKeyTables = 64

// pairAcrossSections pairs the new matrices still unpaired (paired[j] <
// 0) with the unpaired old matrices of any section, the pairs sharing the
// most distinct row keys first: a table whose section was renamed or
// renumbered, or that moved to another section. A pair must share at
// least half the distinct keys of the bigger of its two matrices; two
// matrices with explicit ids are left to them. paired and taken are
// updated.
func pairAcrossSections(old, new *Document, paired []int, taken []bool) {
	holders := map[string][]int{} // row key → unpaired old matrices holding it
	distinct := make([]int, len(old.Matrices))
	for i := range old.Matrices {
		if taken[i] {
			continue
		}
		for k := range matrixKeys(&old.Matrices[i]) {
			holders[k] = append(holders[k], i)
			distinct[i]++
		}
	}
	var cands []acrossPair
	for j := range new.Matrices {
		if paired[j] >= 0 {
			continue
		}
		n := &new.Matrices[j]
		keys := matrixKeys(n)
		shared := map[int]int{} // old matrix → keys shared with n
		for k := range keys {
			if hs := holders[k]; len(hs) <= maxKeyTables {
				for _, i := range hs {
					shared[i]++
				}
			}
		}
		for i, s := range shared {
			if !(old.Matrices[i].explicitID && n.explicitID) && 2*s >= max(distinct[i], len(keys)) {
				cands = append(cands, acrossPair{old: i, new: j, shared: s})
			}
		}
	}
	sort.Slice(cands, func(a, b int) bool {
		x, y := cands[a], cands[b]
		if x.shared != y.shared {
			return x.shared > y.shared
		}
		if x.new != y.new {
			return x.new < y.new
		}
		return x.old < y.old
	})
	for _, c := range cands {
		if paired[c.new] < 0 && !taken[c.old] {
			paired[c.new], taken[c.old] = c.old, true
		}
	}
}

// acrossPair is a candidate pair of pairAcrossSections: the indexes of
// an old and a new matrix, and the distinct row keys they share.
type acrossPair struct{ old, new, shared int }

// matrixKeys returns the set of the row keys of m.
func matrixKeys(m *Matrix) map[string]bool {
	keys := make(map[string]bool, len(m.Rows))
	for i := range m.Rows {
		keys[rowKey(&m.Rows[i])] = true
	}
	return keys
}

// sectionText is a section path as its headings read, without their
// numbers: renumbered sections are the same section.
func sectionText(hs []Heading) string {
	parts := make([]string, len(hs))
	for i, h := range hs {
		parts[i] = h.Text
	}
	return strings.Join(parts, " > ")
}

// sharedKeys scores an old matrix against a new one whose row keys are
// keys: the distinct keys they share, doubled, plus one when the rows are
// the same keys in the same order (the identical table wins).
func sharedKeys(keys map[string]bool, o, n *Matrix) int {
	seen := map[string]bool{}
	for _, r := range o.Rows {
		if k := rowKey(&r); keys[k] {
			seen[k] = true
		}
	}
	s := 2 * len(seen)
	if len(o.Rows) == len(n.Rows) {
		same := true
		for i := range o.Rows {
			if rowKey(&o.Rows[i]) != rowKey(&n.Rows[i]) {
				same = false
				break
			}
		}
		if same {
			s++
		}
	}
	return s
}

// rowKey is what pairs rows: the activity's slug, whole (case, accents,
// punctuation and spacing aside), the dots and apostrophes inside words
// dropped first ("O.S." pairs with "OS", "customer's" with "customers").
func rowKey(r *Row) string {
	return slugAll(strings.Map(func(c rune) rune {
		if c == '.' || c == '\'' || c == '’' {
			return -1
		}
		return c
	}, r.Activity), 0)
}

// matrix reports the changes between two versions of a matrix.
func (d *differ) matrix(om, nm *Matrix) {
	if om.Caption != nm.Caption {
		d.add(Change{Kind: ChangeMatrixCaption, Matrix: nm.ID, Old: om.Caption, New: nm.Caption, OldLine: om.Line, NewLine: nm.Line})
	} else if sectionText(om.Section) != sectionText(nm.Section) {
		// a caption of its own, the same: the move is told apart
		d.add(Change{Kind: ChangeMatrixSection, Matrix: nm.ID, Old: sectionPath(om.Section), New: sectionPath(nm.Section), OldLine: om.Line, NewLine: nm.Line})
	}
	d.oldGroups, d.newGroups = om.GroupNames(), nm.GroupNames()
	for _, p := range pairMoves(alignRows(om.Rows, nm.Rows)) {
		switch {
		case p.moved:
			d.add(Change{Kind: ChangeRowMoved, Matrix: nm.ID, Row: p.new.ID, Activity: p.new.Activity, OldLine: p.old.Line, NewLine: p.new.Line})
			d.row(om, nm, p.old, p.new)
		case p.old == nil:
			d.add(Change{Kind: ChangeRowAdded, Matrix: nm.ID, Row: p.new.ID, Activity: p.new.Activity, NewLine: p.new.Line})
		case p.new == nil:
			d.add(Change{Kind: ChangeRowRemoved, Matrix: nm.ID, Row: p.old.ID, Activity: p.old.Activity, OldLine: p.old.Line})
		default:
			d.row(om, nm, p.old, p.new)
		}
	}
}

// rowPair is a row in its two versions; nil for the side it is missing
// from. moved is set for a row found at another place among the others
// (pairMoves).
type rowPair struct {
	old, new *Row
	moved    bool
}

// pairMoves pairs the rows that alignRows left on one side only though
// their keys match: a row taken elsewhere in its matrix (rows reordered)
// is one row moved, compared with itself, not a row removed and another
// added. The k-th row removed of a key pairs with the k-th added of it;
// the pair stands where the row now is, and the rows of one side only
// stay where they stood.
func pairMoves(ps []rowPair) []rowPair {
	removed := map[string][]int{} // key → positions in ps of rows removed
	for i, p := range ps {
		if p.new == nil {
			k := rowKey(p.old)
			removed[k] = append(removed[k], i)
		}
	}
	if len(removed) == 0 {
		return ps
	}
	gone := make([]bool, len(ps)) // rows removed now paired
	for i := range ps {
		if ps[i].old != nil {
			continue
		}
		k := rowKey(ps[i].new)
		if at := removed[k]; len(at) > 0 {
			ps[i] = rowPair{old: ps[at[0]].old, new: ps[i].new, moved: true}
			gone[at[0]], removed[k] = true, at[1:]
		}
	}
	out := ps[:0]
	for i, p := range ps {
		if !gone[i] {
			out = append(out, p)
		}
	}
	return out
}

// maxAlign bounds the table of the longest common subsequence of rows
// (cells): past it, rows are paired around the rows whose key is unique
// on both sides (patience diff), and greedily, in order, where there are
// none.
const maxAlign = 1 << 20

// alignRows pairs the rows of two versions of a matrix by their keys, as
// diff pairs lines (the longest common subsequence): the result lists
// them in order, rows of one side only where they stand.
func alignRows(old, new []Row) []rowPair {
	a, b := make([]string, len(old)), make([]string, len(new))
	for i := range old {
		a[i] = rowKey(&old[i])
	}
	for j := range new {
		b[j] = rowKey(&new[j])
	}
	var out []rowPair
	// the common head and tail, then the middle
	head := 0
	for head < len(a) && head < len(b) && a[head] == b[head] {
		head++
	}
	tail := 0
	for tail < len(a)-head && tail < len(b)-head && a[len(a)-1-tail] == b[len(b)-1-tail] {
		tail++
	}
	for k := 0; k < head; k++ {
		out = append(out, rowPair{old: &old[k], new: &new[k]})
	}
	ma, mb := a[head:len(a)-tail], b[head:len(b)-tail]
	for _, m := range matchKeys(ma, mb) {
		switch {
		case m.i < 0:
			out = append(out, rowPair{new: &new[head+m.j]})
		case m.j < 0:
			out = append(out, rowPair{old: &old[head+m.i]})
		default:
			out = append(out, rowPair{old: &old[head+m.i], new: &new[head+m.j]})
		}
	}
	for k := tail; k > 0; k-- {
		out = append(out, rowPair{old: &old[len(a)-k], new: &new[len(b)-k]})
	}
	return out
}

// match is a step of an alignment: i and j index the two sides, -1 for
// none.
type match struct{ i, j int }

// matchKeys aligns a and b: the longest common subsequence when the table
// it takes is small enough. Past that, the keys found once on each side
// anchor the alignment (their longest run in the same order, as patience
// diff does) and the stretches between anchors are aligned in turn; a
// stretch without such keys, or met once the searches for anchors have
// read their budget of keys (about (n+m)·log₂(n+m)), is paired greedily,
// in order. Removals come before the additions they stand beside.
func matchKeys(a, b []string) []match {
	return newAligner(len(a), len(b)).match(a, b)
}

// anchorBudget is how many keys, per key of the two sides and per level
// of a balanced alignment, the searches for anchors may read in all.
const anchorBudget = 4

// aligner is one matchKeys.
type aligner struct {
	// budget is how many keys the searches for anchors may still read:
	// a stretch past it is paired greedily. Each level of the alignment
	// reads each key once at most, but the levels may be as many as the
	// keys: those whose every stretch holds a couple of anchors only,
	// each level peeling them off (keys found once in the stretch though
	// twice on a side, the other one outside).
	budget int
	// work counts the steps taken (for the tests): the keys read by
	// uniqueAnchors and greedy, the cells of lcsKeys' tables.
	work int
}

// newAligner returns the aligner of sides of n and m keys: a budget of
// about (n+m)·log₂(n+m) keys read, as a balanced alignment would.
func newAligner(n, m int) *aligner {
	return &aligner{budget: anchorBudget * (n + m) * bits.Len(uint(n+m))}
}

// match is matchKeys.
func (al *aligner) match(a, b []string) []match {
	return al.appendMatch(nil, a, b, 0, 0)
}

// appendMatch appends to out the alignment of a and b, which start at
// positions i0 and j0 of the sides aligned: the stretches between anchors
// are appended in place, not copied level after level.
func (al *aligner) appendMatch(out []match, a, b []string, i0, j0 int) []match {
	n, m := len(a), len(b)
	var ms []match
	switch {
	case n*m <= maxAlign:
		al.work += n * m
		ms = lcsKeys(a, b)
	case al.budget < n+m:
		ms = al.greedy(a, b)
	default:
		al.budget -= n + m
		al.work += n + m
		anchors := uniqueAnchors(a, b)
		if len(anchors) == 0 {
			ms = al.greedy(a, b)
			break
		}
		pi, pj := 0, 0
		for _, an := range anchors {
			out = al.appendMatch(out, a[pi:an.i], b[pj:an.j], i0+pi, j0+pj)
			out = append(out, match{i0 + an.i, j0 + an.j})
			pi, pj = an.i+1, an.j+1
		}
		return al.appendMatch(out, a[pi:], b[pj:], i0+pi, j0+pj)
	}
	if out == nil && i0 == 0 && j0 == 0 {
		return ms // the whole alignment: no need to copy it
	}
	for _, x := range ms {
		if x.i >= 0 {
			x.i += i0
		}
		if x.j >= 0 {
			x.j += j0
		}
		out = append(out, x)
	}
	return out
}

// uniqueAnchors returns the pairs of positions of the keys found exactly
// once in a and once in b that keep their order on both sides: the longest
// such run (patience sorting), in order.
func uniqueAnchors(a, b []string) []match {
	type seen struct{ i, j, na, nb int }
	at := make(map[string]*seen, len(a))
	for i, k := range a {
		s := at[k]
		if s == nil {
			s = &seen{i: i, j: -1}
			at[k] = s
		}
		s.na++
	}
	for j, k := range b {
		if s := at[k]; s != nil {
			s.nb++
			s.j = j
		}
	}
	var cands []match // by position in a
	for i, k := range a {
		if s := at[k]; s.na == 1 && s.nb == 1 && s.i == i {
			cands = append(cands, match{i, s.j})
		}
	}
	// the longest increasing run of j: tops[k] is the candidate ending
	// the best run of length k+1 found so far
	var tops []int
	prev := make([]int, len(cands))
	for c, x := range cands {
		k := sort.Search(len(tops), func(k int) bool { return cands[tops[k]].j >= x.j })
		prev[c] = -1
		if k > 0 {
			prev[c] = tops[k-1]
		}
		if k == len(tops) {
			tops = append(tops, c)
		} else {
			tops[k] = c
		}
	}
	if len(tops) == 0 {
		return nil
	}
	out := make([]match, len(tops))
	for k, c := len(tops)-1, tops[len(tops)-1]; k >= 0; k, c = k-1, prev[c] {
		out[k] = cands[c]
	}
	return out
}

// greedy pairs each key of b with the next key of a that equals it.
func (al *aligner) greedy(a, b []string) []match {
	var out []match
	at := map[string][]int{}
	for i, k := range a {
		at[k] = append(at[k], i)
	}
	al.work += len(a)
	next := 0
	for j, k := range b {
		al.work++
		is := at[k]
		for len(is) > 0 && is[0] < next {
			al.work++
			is = is[1:]
		}
		at[k] = is // what is behind next is for no later key either
		if len(is) == 0 {
			out = append(out, match{-1, j})
			continue
		}
		for ; next < is[0]; next++ {
			out = append(out, match{next, -1})
		}
		out = append(out, match{is[0], j})
		next = is[0] + 1
		at[k] = is[1:]
	}
	for ; next < len(a); next++ {
		out = append(out, match{next, -1})
	}
	return out
}

// lcsKeys aligns a and b by their longest common subsequence.
func lcsKeys(a, b []string) []match {
	n, m := len(a), len(b)
	var out []match
	// lcs[i][j]: the longest common subsequence of a[i:] and b[j:]
	lcs := make([]int32, (n+1)*(m+1))
	at := func(i, j int) int32 { return lcs[i*(m+1)+j] }
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			switch {
			case a[i] == b[j]:
				lcs[i*(m+1)+j] = at(i+1, j+1) + 1
			default:
				lcs[i*(m+1)+j] = max(at(i+1, j), at(i, j+1))
			}
		}
	}
	i, j := 0, 0
	for i < n && j < m {
		switch {
		case a[i] == b[j]:
			out = append(out, match{i, j})
			i, j = i+1, j+1
		case at(i+1, j) >= at(i, j+1):
			out = append(out, match{i, -1})
			i++
		default:
			out = append(out, match{-1, j})
			j++
		}
	}
	for ; i < n; i++ {
		out = append(out, match{i, -1})
	}
	for ; j < m; j++ {
		out = append(out, match{-1, j})
	}
	return out
}

// row reports the changes between two versions of a row.
func (d *differ) row(om, nm *Matrix, or, nr *Row) {
	or = d.asNew(or)
	c := Change{Matrix: nm.ID, Row: nr.ID, Activity: nr.Activity, OldLine: or.Line, NewLine: nr.Line}
	emit := func(kind, o, n string) {
		if o != n {
			c.Kind, c.Old, c.New = kind, o, n
			d.add(c)
		}
	}
	emit(ChangeActivity, or.Activity, nr.Activity)
	grid := om.Kind == MatrixGrid || nm.Kind == MatrixGrid
	for _, id := range rowParties(nm, or, nr) {
		oa, na := or.Assignments[id], nr.Assignments[id]
		c.Party = id
		roles, duties := !sameRoles(oa, na), false
		if roles {
			emit(ChangeRoles, rolesOf(oa), rolesOf(na))
		}
		if !grid { // a grid's duties are its categories: compared cell by cell below
			duties = dutiesOf(oa) != dutiesOf(na)
			emit(ChangeDuties, dutiesOf(oa), dutiesOf(na))
		}
		if !roles && !duties {
			emit(ChangeStatus, statusOf(oa), statusOf(na))
		}
	}
	c.Party = ""
	for _, key := range unionCategories(or, nr) {
		c.Column = key
		emit(ChangeCategory, categoryText(or.Categories[key]), categoryText(nr.Categories[key]))
	}
	c.Column = ""
	emit(ChangeQualifiers, qualifierList(or.Qualifiers), qualifierList(nr.Qualifiers))
	emit(ChangeComment, or.Comment, nr.Comment)
	emit(ChangeNotes, noteList(or.Notes, "\n"), noteList(nr.Notes, "\n"))
	emit(ChangeGroup, d.oldGroups[or.Group], d.newGroups[nr.Group])
}

// unionCategories returns the grid category keys of either row, by key
// (a grid's columns may move: the keys stay).
func unionCategories(or, nr *Row) []string {
	seen := map[string]bool{}
	var keys []string
	for _, r := range []*Row{or, nr} {
		for k := range r.Categories {
			if !seen[k] {
				keys = append(keys, k)
				seen[k] = true
			}
		}
	}
	sort.Strings(keys)
	return keys
}

// categoryText is a grid cell as a change shows it: the parties it names
// ("sap, customer"), with its remark; else its text; else its status.
func categoryText(a *Assignment) string {
	if a == nil {
		return ""
	}
	parties := strings.Join(a.Parties, ", ")
	duties := strings.Join(a.Duties, "\n")
	switch {
	case parties != "" && duties != "":
		return parties + " (" + duties + ")"
	case parties != "":
		return parties
	case duties != "":
		return duties
	}
	return a.Status
}

// sameRoles reports whether two assignments give the same roles, in
// whatever order: the letters of a cell are listed in the legend's order,
// and a legend reordered changes no one's roles.
func sameRoles(a, b *Assignment) bool {
	return sortedRoles(a) == sortedRoles(b)
}

// sortedRoles is an assignment's roles, sorted, as one string.
func sortedRoles(a *Assignment) string {
	if a == nil {
		return ""
	}
	rs := append([]string(nil), a.Roles...)
	sort.Strings(rs)
	return strings.Join(rs, " ")
}

// rolesOf is an assignment's roles as a change shows them: "R A".
func rolesOf(a *Assignment) string {
	if a == nil {
		return ""
	}
	return strings.Join(a.Roles, " ")
}

// dutiesOf is an assignment's duties, one per line.
func dutiesOf(a *Assignment) string {
	if a == nil {
		return ""
	}
	return strings.Join(a.Duties, "\n")
}

// statusOf is an assignment's status; a missing assignment reads as empty.
func statusOf(a *Assignment) string {
	if a == nil {
		return StatusEmpty
	}
	return a.Status
}
