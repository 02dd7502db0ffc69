package table

import (
	"bytes"
	"strings"

	"github.com/mdraci/mdraci/extension/internal/nodes"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// TableHTMLRenderer renders tables as accessible HTML: <caption>, scope on
// header cells, row headers, summary as a linked description.
type TableHTMLRenderer struct {
	html.Config
}

// NewTableHTMLRenderer returns a new TableHTMLRenderer.
func NewTableHTMLRenderer(opts ...html.Option) renderer.NodeRenderer {
	r := &TableHTMLRenderer{Config: html.NewConfig()}
	for _, o := range opts {
		o.SetHTMLOption(&r.Config)
	}
	return r
}

// RegisterFuncs implements renderer.NodeRenderer.RegisterFuncs.
func (r *TableHTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(east.KindTable, r.renderTable)
	reg.Register(east.KindTableHeader, r.renderHeader)
	reg.Register(east.KindTableRow, r.renderRow)
	reg.Register(east.KindTableCell, r.renderCell)
	reg.Register(KindCellLine, r.renderCellLine)
}

// passed are the table attributes written as they are; caption,
// caption-side, summary and row-headers are consumed.
var passed = []string{"id", "lang", "dir", "title", "aria-describedby"}

func (r *TableHTMLRenderer) renderTable(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</tbody>\n</table>\n")
		if summary := nodes.AttrBytes(n, "summary"); len(summary) > 0 {
			_, _ = w.WriteString(`<p class="table-summary" id="`)
			_, _ = w.Write(util.EscapeHTML(nodes.AttrBytes(n, "aria-describedby")))
			_, _ = w.WriteString(`">`)
			_, _ = w.Write(util.EscapeHTML(summary))
			_, _ = w.WriteString("</p>\n")
		}
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("<table")
	for _, name := range passed {
		writeAttr(w, name, nodes.AttrBytes(n, name))
	}
	classes := strings.Fields(nodes.Attr(n, "class"))
	switch side := strings.ToLower(strings.TrimSpace(nodes.Attr(n, "caption-side"))); side {
	case "top", "bottom":
		classes = append(classes, "caption-"+side)
	}
	writeAttr(w, "class", []byte(strings.Join(classes, " ")))
	for _, a := range n.Attributes() {
		if bytes.HasPrefix(a.Name, []byte("data-")) {
			name := string(a.Name)
			writeAttr(w, name, nodes.AttrBytes(n, name))
		}
	}
	_, _ = w.WriteString(">\n")
	if caption := nodes.AttrBytes(n, "caption"); len(caption) > 0 {
		_, _ = w.WriteString("<caption>")
		_, _ = w.Write(util.EscapeHTML(caption))
		_, _ = w.WriteString("</caption>\n")
	}
	return ast.WalkContinue, nil
}

// writeAttr writes the attribute name="value", value escaped, unless
// value is empty.
func writeAttr(w util.BufWriter, name string, value []byte) {
	if len(value) == 0 {
		return
	}
	_ = w.WriteByte(' ')
	_, _ = w.WriteString(name)
	_, _ = w.WriteString(`="`)
	_, _ = w.Write(util.EscapeHTML(value))
	_ = w.WriteByte('"')
}

func (r *TableHTMLRenderer) renderHeader(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString("<thead>\n<tr>\n")
		return ast.WalkContinue, nil
	}
	r.padRow(w, n, "th")
	_, _ = w.WriteString("</tr>\n</thead>\n<tbody>\n")
	return ast.WalkContinue, nil
}

func (r *TableHTMLRenderer) renderRow(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString("<tr>\n")
		return ast.WalkContinue, nil
	}
	r.padRow(w, n, "td")
	_, _ = w.WriteString("</tr>\n")
	return ast.WalkContinue, nil
}

// padRow writes empty cells for the columns a short row lacks.
func (r *TableHTMLRenderer) padRow(w util.BufWriter, row ast.Node, tag string) {
	tbl, ok := row.Parent().(*east.Table)
	if !ok {
		return
	}
	for i := row.ChildCount(); i < len(tbl.Alignments); i++ {
		if tag == "th" {
			_, _ = w.WriteString(`<th scope="col"></th>` + "\n")
		} else {
			_, _ = w.WriteString("<td></td>\n")
		}
	}
}

func (r *TableHTMLRenderer) renderCell(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*east.TableCell)
	tag, scope := "td", ""
	switch {
	case n.Parent().Kind() == east.KindTableHeader:
		tag, scope = "th", "col"
	case n.PreviousSibling() == nil && rowHeaders(n.Parent().Parent()):
		tag, scope = "th", "row"
	}
	if !entering {
		_, _ = w.WriteString("</")
		_, _ = w.WriteString(tag)
		_, _ = w.WriteString(">\n")
		return ast.WalkContinue, nil
	}
	_ = w.WriteByte('<')
	_, _ = w.WriteString(tag)
	if scope != "" {
		_, _ = w.WriteString(` scope="`)
		_, _ = w.WriteString(scope)
		_ = w.WriteByte('"')
	}
	if n.Alignment != east.AlignNone {
		// the alignment names need no escaping
		_, _ = w.WriteString(` style="text-align: `)
		_, _ = w.WriteString(n.Alignment.String())
		_ = w.WriteByte('"')
	}
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}

// rowHeaders reports whether the table's first column holds row headers:
// the row-headers attribute or class, as IBM's {: row-headers} sets.
func rowHeaders(tbl ast.Node) bool {
	if tbl == nil {
		return false
	}
	if _, ok := tbl.AttributeString("row-headers"); ok {
		return true
	}
	for c := range bytes.FieldsSeq(nodes.AttrBytes(tbl, "class")) {
		if string(c) == "row-headers" {
			return true
		}
	}
	return false
}

func (r *TableHTMLRenderer) renderCellLine(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		if next := n.NextSibling(); next != nil && next.Kind() == KindCellLine {
			_, _ = w.WriteString("<br>\n")
		}
	}
	return ast.WalkContinue, nil
}
