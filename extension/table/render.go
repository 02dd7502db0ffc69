package table

import (
	"github.com/mdraci/mdraci/extension/internal/nodes"
	"strings"

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
		if summary := nodes.Attr(n, "summary"); summary != "" {
			_, _ = w.WriteString(`<p class="table-summary" id="`)
			_, _ = w.Write(util.EscapeHTML([]byte(nodes.Attr(n, "aria-describedby"))))
			_, _ = w.WriteString(`">`)
			_, _ = w.Write(util.EscapeHTML([]byte(summary)))
			_, _ = w.WriteString("</p>\n")
		}
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("<table")
	for _, name := range passed {
		writeAttr(w, name, nodes.Attr(n, name))
	}
	classes := strings.Fields(nodes.Attr(n, "class"))
	switch side := strings.ToLower(strings.TrimSpace(nodes.Attr(n, "caption-side"))); side {
	case "top", "bottom":
		classes = append(classes, "caption-"+side)
	}
	writeAttr(w, "class", strings.Join(classes, " "))
	for _, a := range n.Attributes() {
		if name := string(a.Name); strings.HasPrefix(name, "data-") {
			writeAttr(w, name, nodes.Attr(n, name))
		}
	}
	_, _ = w.WriteString(">\n")
	if caption := nodes.Attr(n, "caption"); caption != "" {
		_, _ = w.WriteString("<caption>")
		_, _ = w.Write(util.EscapeHTML([]byte(caption)))
		_, _ = w.WriteString("</caption>\n")
	}
	return ast.WalkContinue, nil
}

func writeAttr(w util.BufWriter, name, value string) {
	if value == "" {
		return
	}
	_ = w.WriteByte(' ')
	_, _ = w.WriteString(name)
	_, _ = w.WriteString(`="`)
	_, _ = w.Write(util.EscapeHTML([]byte(value)))
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
	writeAttr(w, "scope", scope)
	if n.Alignment != east.AlignNone {
		writeAttr(w, "style", "text-align: "+n.Alignment.String())
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
	for _, c := range strings.Fields(nodes.Attr(tbl, "class")) {
		if c == "row-headers" {
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
