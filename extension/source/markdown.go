package source

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/mdraci/mdraci/extension/diag"
	"github.com/mdraci/mdraci/extension/internal/plain"
	"github.com/mdraci/mdraci/extension/keyword"
	"github.com/mdraci/mdraci/extension/table"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// FromMarkdown reads the goldmark AST of a document parsed with mdraci's
// extension (keywords resolved, attribute lists applied, tables read) into
// a Document. meta is the front matter, nil when there is none.
func FromMarkdown(file string, doc ast.Node, src []byte, meta map[string]any) *Document {
	r := &mdReader{src: src, lines: diag.NewLines(src)}
	d := &Document{File: file, Format: "markdown", Meta: meta}
	if t, ok := meta["title"].(string); ok {
		d.Title = t
	}
	r.blocks(doc, d)
	if d.Title == "" {
		for _, b := range d.Blocks {
			if b.Kind == KindHeading && b.Heading.Level == 1 {
				d.Title = b.Heading.Text
				break
			}
		}
	}
	return d
}

type mdReader struct {
	src   []byte
	lines *diag.Lines
}

func (r *mdReader) pos(offset int) Pos {
	line, col := r.lines.Position(offset)
	return Pos{Line: line, Col: col}
}

// blocks appends the headings, paragraphs and tables below n to d, in
// document order.
func (r *mdReader) blocks(n ast.Node, d *Document) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch v := c.(type) {
		case *ast.Heading:
			h := &Heading{Level: v.Level, Text: plain.Text(v, r.src), Anchor: nodeAttr(v, "id")}
			if v.Lines().Len() > 0 {
				h.Pos = r.pos(v.Lines().At(0).Start)
			}
			d.Blocks = append(d.Blocks, Block{Kind: KindHeading, Heading: h})
		case *ast.Paragraph, *ast.TextBlock:
			if lines := r.paragraph(c); len(lines) > 0 {
				d.Blocks = append(d.Blocks, Block{Kind: KindParagraph, Lines: lines})
			}
		case *east.Table:
			d.Blocks = append(d.Blocks, Block{Kind: KindTable, Table: r.table(v)})
		default:
			if c.Type() == ast.TypeBlock && c.HasChildren() {
				r.blocks(c, d)
			}
		}
	}
}

// paragraph returns the paragraph's source lines, trimmed, with keywords
// shown as the inline parser resolved them.
func (r *mdReader) paragraph(p ast.Node) []Line {
	ls := p.Lines()
	out := make([]Line, 0, ls.Len())
	for i := 0; i < ls.Len(); i++ {
		seg := ls.At(i)
		text := strings.TrimSpace(string(seg.Value(r.src)))
		if text == "" {
			continue
		}
		out = append(out, Line{Text: r.keywords(p, seg.Start, seg.Stop, text), Pos: r.pos(seg.Start)})
	}
	return out
}

// keywords replaces, in text (the source between start and stop), each
// keyword reference the parser resolved inside p with its value.
func (r *mdReader) keywords(p ast.Node, start, stop int, text string) string {
	if !strings.Contains(text, "{{") {
		return text
	}
	_ = ast.Walk(p, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if k, ok := n.(*keyword.Node); entering && ok && k.Resolved {
			text = strings.Replace(text, string(k.Literal), k.Value, 1)
		}
		return ast.WalkContinue, nil
	})
	return text
}

func (r *mdReader) table(t *east.Table) *Table {
	out := &Table{
		ID:      nodeAttr(t, "id"),
		Caption: nodeAttr(t, "caption"),
		Summary: nodeAttr(t, "summary"),
	}
	for _, a := range t.Attributes() {
		switch name := string(a.Name); name {
		case "id", "caption", "summary", "aria-describedby":
		default:
			if out.Attrs == nil {
				out.Attrs = map[string]string{}
			}
			out.Attrs[name] = fmt.Sprintf("%s", a.Value)
		}
	}
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		switch v := row.(type) {
		case *east.TableHeader:
			out.Header = r.cells(v)
			out.Pos = r.rowPos(v)
		case *east.TableRow:
			out.Rows = append(out.Rows, Row{Cells: r.cells(v), Pos: r.rowPos(v)})
		}
	}
	if out.Pos.Line == 0 && len(out.Rows) > 0 {
		out.Pos = out.Rows[0].Pos
	}
	return out
}

func (r *mdReader) rowPos(row ast.Node) Pos {
	if c := row.FirstChild(); c != nil {
		p := r.pos(c.Pos())
		return Pos{Line: p.Line, Col: 1}
	}
	return Pos{}
}

func (r *mdReader) cells(row ast.Node) []Cell {
	var cells []Cell
	for c := row.FirstChild(); c != nil; c = c.NextSibling() {
		cell := Cell{Text: plain.Text(c, r.src), Raw: r.raw(c), Pos: r.pos(c.Pos())}
		cell.Items = r.items(c)
		cells = append(cells, cell)
	}
	return cells
}

// raw returns the cell's source text as written.
func (r *mdReader) raw(cell ast.Node) string {
	start, stop := -1, -1
	_ = ast.Walk(cell, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Type() != ast.TypeBlock || n.Lines() == nil {
			return ast.WalkContinue, nil
		}
		for i := 0; i < n.Lines().Len(); i++ {
			seg := n.Lines().At(i)
			if start < 0 || seg.Start < start {
				start = seg.Start
			}
			stop = max(stop, seg.Stop)
		}
		return ast.WalkContinue, nil
	})
	if start < 0 {
		return ""
	}
	if stop <= len(r.src) {
		// from the first piece to the last, markers and " \n " included
		if begin := cell.Pos(); begin >= 0 && begin <= start {
			start = begin
		}
		return strings.TrimSpace(string(r.src[start:stop]))
	}
	return ""
}

// items returns the cell's pieces when it holds a list, " \n " lines,
// <br> or <li> items; nil when it is one piece.
func (r *mdReader) items(cell ast.Node) []string {
	var items []string
	list := false
	var cur bytes.Buffer
	flush := func() {
		if t := strings.Join(strings.Fields(cur.String()), " "); t != "" {
			items = append(items, t)
		}
		cur.Reset()
	}
	for c := cell.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.Kind() {
		case ast.KindList:
			list = true
			flush()
			for it := c.FirstChild(); it != nil; it = it.NextSibling() {
				cur.WriteString(plain.Text(it, r.src))
				flush()
			}
		case table.KindCellLine:
			flush()
			cur.WriteString(plain.Text(c, r.src))
			flush()
		case ast.KindRawHTML:
			raw := bytes.ToLower(rawHTML(c.(*ast.RawHTML), r.src))
			if bytes.HasPrefix(raw, []byte("<br")) || bytes.HasPrefix(raw, []byte("<li")) ||
				bytes.HasPrefix(raw, []byte("</li")) || bytes.HasPrefix(raw, []byte("<p")) {
				if bytes.HasPrefix(raw, []byte("<li")) {
					list = true
				}
				flush()
			}
		default:
			cur.WriteString(plain.Text(c, r.src))
			if t, ok := c.(*ast.Text); ok && t.SoftLineBreak() {
				cur.WriteByte(' ')
			}
		}
	}
	flush()
	if len(items) < 2 && !list {
		return nil
	}
	return items
}

func rawHTML(n *ast.RawHTML, src []byte) []byte {
	var b bytes.Buffer
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		b.Write(seg.Value(src))
	}
	return b.Bytes()
}

// nodeAttr returns n's attribute name as text, "" when unset.
func nodeAttr(n ast.Node, name string) string {
	v, ok := n.AttributeString(name)
	if !ok {
		return ""
	}
	switch b := v.(type) {
	case []byte:
		return string(b)
	case string:
		return b
	}
	return fmt.Sprint(v)
}
