package matrix

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/mdraci/mdraci/extension/internal/escape"
	"github.com/mdraci/mdraci/extension/internal/nodes"
	"github.com/mdraci/mdraci/extension/model"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// MatrixHTMLRenderer renders Matrix, Legend and their parts as HTML.
type MatrixHTMLRenderer struct{}

// NewMatrixHTMLRenderer returns a new MatrixHTMLRenderer.
func NewMatrixHTMLRenderer() renderer.NodeRenderer { return &MatrixHTMLRenderer{} }

// RegisterFuncs implements renderer.NodeRenderer.RegisterFuncs.
func (r *MatrixHTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindMatrix, r.renderMatrix)
	reg.Register(KindMatrixRow, r.renderRow)
	reg.Register(KindMatrixCell, r.renderCell)
	reg.Register(KindDuty, r.renderDuty)
	reg.Register(KindRole, r.renderRole)
	reg.Register(KindLegend, r.renderLegend)
	reg.Register(KindCellText, r.renderCellText)
}

func (r *MatrixHTMLRenderer) renderCellText(bw util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	note := node.(*CellText).Note
	switch {
	case entering && note:
		_, _ = bw.WriteString(`<sup class="raci-note">`)
	case entering:
		_, _ = bw.WriteString(` <span class="raci-cell-text">`)
	case note:
		_, _ = bw.WriteString("</sup>")
	default:
		_, _ = bw.WriteString("</span>")
	}
	return ast.WalkContinue, nil
}

// w is a small helper around util.BufWriter.
type w struct{ util.BufWriter }

func (w w) s(s string) { _, _ = w.WriteString(s) }

// attr writes ` name="value"`, value escaped; nothing when value is "".
func (w w) attr(name, value string) {
	if value == "" {
		return
	}
	w.open(name)
	w.text(value)
	_ = w.WriteByte('"')
}

// open writes ` name="`: the start of an attribute whose value the caller
// writes in pieces, then closes with '"'.
func (w w) open(name string) {
	_ = w.WriteByte(' ')
	w.s(name)
	w.s(`="`)
}

// text writes s escaped as util.EscapeHTML does, without copying it. It
// hands escape.Text the BufWriter itself: w, a struct, would be boxed into
// an interface (an allocation) on every call.
func (w w) text(s string) { escape.Text(w.BufWriter, s) }

// captionID writes the attribute name with the value id + "-caption" (the
// id of a table's caption), as attr does, without building the value.
func (w w) captionID(name, id string) {
	w.open(name)
	w.text(id)
	w.s(`-caption"`)
}

// roleClass writes RoleClass(letter) without building it.
func (w w) roleClass(letter string) {
	for i := 0; i < len(letter); i++ {
		if letter[i] >= utf8.RuneSelf {
			w.s(RoleClass(letter)) // beyond ASCII: RoleClass lowers it
			return
		}
	}
	n := 0
	for i := 0; i < len(letter); i++ {
		c := letter[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		default:
			continue
		}
		_ = w.WriteByte(c)
		n++
	}
	if n == 0 {
		_ = w.WriteByte('x')
	}
}

func (r *MatrixHTMLRenderer) renderMatrix(bw util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*Matrix)
	out := w{bw}
	m := n.Matrix
	if !entering {
		out.s("</tbody>\n</table>\n</div>\n")
		if n.Summary != "" {
			out.s(`<p class="table-summary"`)
			out.attr("id", n.SummaryID)
			out.s(">")
			out.text(n.Summary)
			out.s("</p>\n")
		}
		return ast.WalkContinue, nil
	}
	out.s(`<div class="raci-scroll" role="region"`)
	out.captionID("aria-labelledby", m.ID)
	out.s(` tabindex="0">` + "\n<table")
	out.attr("id", m.ID)
	out.open("class")
	out.s("raci-matrix raci-kind-")
	out.text(m.Kind)
	for _, c := range n.Classes {
		_ = out.WriteByte(' ')
		out.text(c)
	}
	_ = out.WriteByte('"')
	out.attr("data-kind", m.Kind)
	// the source table's other attributes (lang, title, data-*…)
	for _, a := range n.Attributes() {
		out.open(string(a.Name))
		out.text(nodes.Attr(n, string(a.Name)))
		_ = out.WriteByte('"')
	}
	out.attr("aria-describedby", n.SummaryID)
	out.s(">\n<caption")
	out.captionID("id", m.ID)
	out.s(">")
	out.text(m.Caption)
	if n.LegendRef != "" {
		out.s(`<span class="raci-legend-ref"> (<a href="#`)
		out.text(n.LegendRef)
		out.s(`">legend</a>)</span>`)
	}
	out.s("</caption>\n")
	return ast.WalkContinue, nil
}

func (r *MatrixHTMLRenderer) renderRow(bw util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*MatrixRow)
	out := w{bw}
	if n.Row == nil { // the header row
		switch {
		case entering:
			out.s("<thead>\n<tr>\n")
		case isHeading(n.NextSibling()):
			out.s("</tr>\n</thead>\n") // the group opens its own <tbody>
		default:
			out.s("</tr>\n</thead>\n<tbody>\n")
		}
		return ast.WalkContinue, nil
	}
	if !entering {
		out.s("</tr>\n")
		return ast.WalkContinue, nil
	}
	if n.Row.Heading {
		// a group of rows: a <tbody> of its own, headed by this row
		if prev, ok := n.PreviousSibling().(*MatrixRow); !ok || prev.Row != nil {
			out.s("</tbody>\n")
		}
		out.s(`<tbody class="raci-group">` + "\n<tr")
		out.attr("id", n.Row.ID)
		out.s(` class="raci-group-heading">` + "\n")
		return ast.WalkContinue, nil
	}
	out.s("<tr")
	out.attr("id", n.Row.ID)
	out.s(` class="raci-owner-`)
	out.text(n.Row.Ownership)
	_ = out.WriteByte('"')
	out.attr("data-ownership", n.Row.Ownership)
	out.s(">\n")
	return ast.WalkContinue, nil
}

// isHeading reports whether n is the row of a group's heading
// (model.Row.Heading).
func isHeading(n ast.Node) bool {
	r, ok := n.(*MatrixRow)
	return ok && r.Row != nil && r.Row.Heading
}

// columnClass is the class of a header cell, by column role.
var columnClass = map[string]string{
	model.ColActivity:  "raci-activity-col",
	model.ColQualifier: "raci-qualifier-col",
	model.ColComment:   "raci-comment-col",
	model.ColCategory:  "raci-category-col",
	model.ColUnknown:   "raci-other-col",
	CellExtra:          "raci-extra-col",
}

// bodyClass is the class of a body cell, by column role.
var bodyClass = map[string]string{
	model.ColQualifier: "raci-qualifier",
	model.ColComment:   "raci-comment",
	model.ColCategory:  "raci-category",
	model.ColUnknown:   "raci-other",
	CellExtra:          "raci-extra",
}

func (r *MatrixHTMLRenderer) renderCell(bw util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*MatrixCell)
	out := w{bw}
	col := n.Column
	tag := "td"
	if n.Header || col.Role == model.ColActivity {
		tag = "th"
	}
	if !entering {
		switch {
		case n.Header:
		case col.Role == model.ColParty && n.FirstChild() != nil && n.FirstChild().Kind() == KindDuty:
			out.s("</ul>")
		case col.Role == model.ColParty && n.FirstChild() != nil && n.Assignment != nil && n.Assignment.Status == model.StatusPlaceholder:
			out.s("</span>")
		}
		out.s("</")
		out.s(tag)
		out.s(">\n")
		return ast.WalkContinue, nil
	}
	_ = out.WriteByte('<')
	out.s(tag)
	switch {
	case n.Header:
		out.attr("scope", "col")
		if col.Role == model.ColParty {
			out.s(` class="raci-party raci-`)
			out.text(n.PartyKind)
			_ = out.WriteByte('"')
			out.attr("data-party", col.Party)
		} else {
			out.attr("class", columnClass[col.Role])
			out.attr("data-key", col.Key)
		}
		out.s(">")
		if col.Role == model.ColActivity && n.FirstChild() == nil {
			// a header cell needs a name: the activity column's is
			// often left empty
			out.s(`<span class="raci-sr">Activity</span>`)
		}
		return ast.WalkContinue, nil
	case col.Role == model.ColActivity && isHeading(n.Parent()):
		// a group's name, across the row: as many columns as the header
		out.s(` scope="rowgroup" colspan="`)
		cols := 1
		if head := n.Parent().Parent().FirstChild(); head != nil && head.ChildCount() > 1 {
			cols = head.ChildCount()
		}
		out.s(strconv.Itoa(cols))
		out.s(`" class="raci-group-name"`)
	case col.Role == model.ColActivity:
		out.attr("scope", "row")
		out.attr("class", "raci-activity")
	case col.Role == model.ColParty:
		status := model.StatusEmpty
		if n.Assignment != nil {
			status = n.Assignment.Status
		}
		out.s(` class="raci-cell raci-`)
		out.text(n.PartyKind)
		out.s(" raci-")
		out.text(status)
		_ = out.WriteByte('"')
		out.attr("data-party", col.Party)
		out.s(">")
		switch {
		case n.FirstChild() == nil:
			out.s(`<span class="raci-none" aria-hidden="true">–</span><span class="raci-sr">None</span>`)
		case n.FirstChild().Kind() == KindDuty:
			out.s(`<ul class="raci-duties">`)
		case status == model.StatusPlaceholder:
			out.s(`<span class="raci-placeholder-text"><span class="raci-sr">To be written: </span>`)
		}
		return ast.WalkContinue, nil
	default:
		out.attr("class", bodyClass[col.Role])
		if n.Assignment != nil && len(n.Assignment.Parties) > 0 {
			out.open("data-parties")
			for i, p := range n.Assignment.Parties {
				if i > 0 {
					_ = out.WriteByte(' ')
				}
				out.text(p)
			}
			_ = out.WriteByte('"')
		}
	}
	out.s(">")
	return ast.WalkContinue, nil
}

func (r *MatrixHTMLRenderer) renderDuty(bw util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = bw.WriteString("<li>")
	} else {
		_, _ = bw.WriteString("</li>")
	}
	return ast.WalkContinue, nil
}

func (r *MatrixHTMLRenderer) renderRole(bw util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*Role)
	out := w{bw}
	if n.PreviousSibling() != nil && n.PreviousSibling().Kind() == KindRole {
		out.s(" ")
	}
	out.s(`<abbr class="raci-role raci-role-`)
	out.roleClass(n.Letter)
	_ = out.WriteByte('"')
	out.attr("title", n.Label)
	out.s(">")
	out.text(n.Letter)
	out.s("</abbr>")
	return ast.WalkContinue, nil
}

// RoleClass is the class suffix of a role letter ("raci-role-" + it): lower
// case, letters and digits only.
func RoleClass(letter string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(letter) {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			b.WriteRune(c)
		}
	}
	if b.Len() == 0 {
		return "x"
	}
	return b.String()
}

func (r *MatrixHTMLRenderer) renderLegend(bw util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*Legend)
	out := w{bw}
	descriptions := false
	for _, e := range n.Entries {
		descriptions = descriptions || e.Description != ""
	}
	out.s(`<div class="raci-scroll" role="region"`)
	out.captionID("aria-labelledby", n.ID)
	out.s(` tabindex="0">` + "\n<table")
	out.attr("id", n.ID)
	out.s(` class="raci-legend">` + "\n<caption")
	out.captionID("id", n.ID)
	out.s(">Legend</caption>\n<thead>\n<tr>\n")
	out.s(`<th scope="col">Letter</th>` + "\n" + `<th scope="col">Role</th>` + "\n")
	if descriptions {
		out.s(`<th scope="col">Description</th>` + "\n")
	}
	out.s("</tr>\n</thead>\n<tbody>\n")
	for _, e := range n.Entries {
		out.s(`<tr>` + "\n" + `<th scope="row"><abbr class="raci-role raci-role-`)
		out.roleClass(e.Letter)
		_ = out.WriteByte('"')
		out.attr("title", Title(e))
		out.s(">")
		out.text(e.Letter)
		out.s("</abbr></th>\n<td>")
		out.text(e.Label)
		out.s("</td>\n")
		if descriptions {
			out.s("<td>")
			out.text(e.Description)
			out.s("</td>\n")
		}
		out.s("</tr>\n")
	}
	out.s("</tbody>\n</table>\n</div>\n")
	return ast.WalkSkipChildren, nil
}
