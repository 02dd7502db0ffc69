package model

import (
	"fmt"
	"sort"
	"strings"
)

// Kinds of Change.
const (
	ChangePartyAdded     = "party-added"
	ChangePartyRemoved   = "party-removed"
	ChangeMatrixAdded    = "matrix-added"
	ChangeMatrixRemoved  = "matrix-removed"
	ChangeRowAdded       = "row-added"
	ChangeRowRemoved     = "row-removed"
	ChangeRoles          = "roles"
	ChangeDuties         = "duties"
	ChangeStatus         = "status"
	ChangeQualifiers     = "qualifiers"
	ChangeComment        = "comment"
	ChangeMatrixCaption  = "caption"
	ChangeMatrixRowOrder = "row-order"
)

// Change is one difference between two models of a document (two versions
// of a page): who does what changed in a row, or a row, matrix or party
// came or went.
type Change struct {
	// Kind is one of the Change* constants.
	Kind string `json:"kind"`
	// OldFile and NewFile are the files of the two models.
	OldFile string `json:"old_file"`
	NewFile string `json:"new_file"`
	// Matrix is the matrix id; Row the row id and Activity its text (row
	// and assignment changes); Party the party id (assignment and party
	// changes).
	Matrix   string `json:"matrix,omitempty"`
	Row      string `json:"row,omitempty"`
	Activity string `json:"activity,omitempty"`
	Party    string `json:"party,omitempty"`
	// Old and New are the values before and after: roles as "R A", duties
	// one per line, a status, a caption, a party's name.
	Old string `json:"old,omitempty"`
	New string `json:"new,omitempty"`
	// OldLine and NewLine locate the thing in each file (0 where it is
	// absent).
	OldLine int `json:"old_line,omitempty"`
	NewLine int `json:"new_line,omitempty"`
}

// String tells the change in a line: `"Patch the OS" (ops-patch-the-os):
// customer: roles R A → R`.
func (c Change) String() string {
	row := fmt.Sprintf("%q (%s)", c.Activity, c.Row)
	switch c.Kind {
	case ChangePartyAdded:
		return fmt.Sprintf("party %q (%s) added", c.New, c.Party)
	case ChangePartyRemoved:
		return fmt.Sprintf("party %q (%s) removed", c.Old, c.Party)
	case ChangeMatrixAdded:
		return fmt.Sprintf("matrix %q (%s) added", c.New, c.Matrix)
	case ChangeMatrixRemoved:
		return fmt.Sprintf("matrix %q (%s) removed", c.Old, c.Matrix)
	case ChangeMatrixCaption:
		return fmt.Sprintf("matrix %s: caption %q → %q", c.Matrix, c.Old, c.New)
	case ChangeRowAdded:
		return fmt.Sprintf("row %s added to matrix %s", row, c.Matrix)
	case ChangeRowRemoved:
		return fmt.Sprintf("row %s removed from matrix %s", row, c.Matrix)
	case ChangeMatrixRowOrder:
		return fmt.Sprintf("matrix %s: rows reordered", c.Matrix)
	case ChangeQualifiers, ChangeComment:
		return fmt.Sprintf("%s: %s %s → %s", row, c.Kind, shown(c.Old), shown(c.New))
	}
	return fmt.Sprintf("%s: %s: %s %s → %s", row, c.Party, c.Kind, shown(c.Old), shown(c.New))
}

// shown quotes a value for Change.String, "none" when empty; duties'
// lines are joined by "; ".
func shown(v string) string {
	if v == "" {
		return "none"
	}
	return fmt.Sprintf("%q", strings.ReplaceAll(v, "\n", "; "))
}

// Diff returns the changes from old to new, two models of one document:
// parties added or removed; then, matrix by matrix in new's order (those
// only in old after), matrices added or removed, captions changed, rows
// added or removed, and per row the parties whose roles, duties or status
// changed, and changed qualifiers and comments. Matrices are matched by
// id, rows by id (section and activity: a row whose activity is reworded
// is removed and added), assignments by party id. Nil when nothing
// changed.
func Diff(old, new *Document) []Change {
	d := differ{old: old, new: new}
	d.parties()
	oldM := make(map[string]*Matrix, len(old.Matrices))
	for i := range old.Matrices {
		oldM[old.Matrices[i].ID] = &old.Matrices[i]
	}
	seen := make(map[string]bool, len(new.Matrices))
	for i := range new.Matrices {
		nm := &new.Matrices[i]
		seen[nm.ID] = true
		om := oldM[nm.ID]
		if om == nil {
			d.add(Change{Kind: ChangeMatrixAdded, Matrix: nm.ID, New: nm.Caption, NewLine: nm.Line})
			continue
		}
		d.matrix(om, nm)
	}
	for i := range old.Matrices {
		if om := &old.Matrices[i]; !seen[om.ID] {
			d.add(Change{Kind: ChangeMatrixRemoved, Matrix: om.ID, Old: om.Caption, OldLine: om.Line})
		}
	}
	return d.out
}

// differ collects the changes of one Diff.
type differ struct {
	old, new *Document
	out      []Change
}

func (d *differ) add(c Change) {
	c.OldFile, c.NewFile = d.old.File, d.new.File
	d.out = append(d.out, c)
}

// parties reports the parties added and removed.
func (d *differ) parties() {
	had := make(map[string]bool, len(d.old.Parties))
	for _, p := range d.old.Parties {
		had[p.ID] = true
	}
	has := make(map[string]bool, len(d.new.Parties))
	for _, p := range d.new.Parties {
		has[p.ID] = true
		if !had[p.ID] {
			d.add(Change{Kind: ChangePartyAdded, Party: p.ID, New: p.Name, NewLine: p.line})
		}
	}
	for _, p := range d.old.Parties {
		if !has[p.ID] {
			d.add(Change{Kind: ChangePartyRemoved, Party: p.ID, Old: p.Name, OldLine: p.line})
		}
	}
}

// matrix reports the changes between two versions of a matrix.
func (d *differ) matrix(om, nm *Matrix) {
	if om.Caption != nm.Caption {
		d.add(Change{Kind: ChangeMatrixCaption, Matrix: nm.ID, Old: om.Caption, New: nm.Caption, OldLine: om.Line, NewLine: nm.Line})
	}
	oldR := make(map[string]*Row, len(om.Rows))
	for i := range om.Rows {
		oldR[om.Rows[i].ID] = &om.Rows[i]
	}
	seen := make(map[string]bool, len(nm.Rows))
	var kept []string // the rows in both, in new's order
	for i := range nm.Rows {
		nr := &nm.Rows[i]
		seen[nr.ID] = true
		or := oldR[nr.ID]
		if or == nil {
			d.add(Change{Kind: ChangeRowAdded, Matrix: nm.ID, Row: nr.ID, Activity: nr.Activity, NewLine: nr.Line})
			continue
		}
		kept = append(kept, nr.ID)
		d.row(nm, or, nr)
	}
	var oldOrder []string
	for i := range om.Rows {
		or := &om.Rows[i]
		if !seen[or.ID] {
			d.add(Change{Kind: ChangeRowRemoved, Matrix: om.ID, Row: or.ID, Activity: or.Activity, OldLine: or.Line})
			continue
		}
		oldOrder = append(oldOrder, or.ID)
	}
	if strings.Join(oldOrder, "\n") != strings.Join(kept, "\n") {
		d.add(Change{Kind: ChangeMatrixRowOrder, Matrix: nm.ID, OldLine: om.Line, NewLine: nm.Line})
	}
}

// row reports the changes between two versions of a row of matrix m.
func (d *differ) row(m *Matrix, or, nr *Row) {
	c := Change{Matrix: m.ID, Row: nr.ID, Activity: nr.Activity, OldLine: or.Line, NewLine: nr.Line}
	for _, id := range unionParties(m, or, nr) {
		oa, na := or.Assignments[id], nr.Assignments[id]
		c.Party = id
		if o, n := rolesOf(oa), rolesOf(na); o != n {
			c.Kind, c.Old, c.New = ChangeRoles, o, n
			d.add(c)
		}
		if o, n := dutiesOf(oa), dutiesOf(na); o != n {
			c.Kind, c.Old, c.New = ChangeDuties, o, n
			d.add(c)
		}
		if o, n := statusOf(oa), statusOf(na); o != n {
			c.Kind, c.Old, c.New = ChangeStatus, o, n
			d.add(c)
		}
	}
	c.Party = ""
	if o, n := qualifierList(or.Qualifiers), qualifierList(nr.Qualifiers); o != n {
		c.Kind, c.Old, c.New = ChangeQualifiers, o, n
		d.add(c)
	}
	if or.Comment != nr.Comment {
		c.Kind, c.Old, c.New = ChangeComment, or.Comment, nr.Comment
		d.add(c)
	}
}

// unionParties returns the party ids assigned in either row: m's party
// columns in order, then the others by id.
func unionParties(m *Matrix, or, nr *Row) []string {
	var ids []string
	seen := map[string]bool{}
	for _, c := range m.Columns {
		if c.Role == ColParty && !seen[c.Party] {
			ids = append(ids, c.Party)
			seen[c.Party] = true
		}
	}
	from := len(ids)
	for _, r := range []*Row{or, nr} {
		for id := range r.Assignments {
			if !seen[id] {
				ids = append(ids, id)
				seen[id] = true
			}
		}
	}
	sort.Strings(ids[from:])
	return ids
}

func rolesOf(a *Assignment) string {
	if a == nil {
		return ""
	}
	return strings.Join(a.Roles, " ")
}

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
