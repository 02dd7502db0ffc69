package table

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

type paragraphTransformer struct{}

// NewTableParagraphTransformer returns a paragraph transformer that turns
// the pipe tables in a paragraph into Table nodes (goldmark's table AST),
// leaving the lines around them as paragraphs.
func NewTableParagraphTransformer() parser.ParagraphTransformer {
	return &paragraphTransformer{}
}

// Transform implements parser.ParagraphTransformer.Transform.
func (t *paragraphTransformer) Transform(para *ast.Paragraph, reader text.Reader, pc parser.Context) {
	lines := para.Lines()
	n := lines.Len()
	if n < 2 {
		return
	}
	src := reader.Source()
	r := &reading{src: src, lines: lines}
	var out []ast.Node
	paraStart := 0
	for i := 0; i+1 < n; {
		align, header := r.tableAt(i)
		if align == nil {
			i++
			continue
		}
		if p := r.paragraph(paraStart, i); p != nil {
			out = append(out, p)
		}
		tbl := east.NewTable()
		tbl.Alignments = align
		tbl.SetPos(lines.At(i).Start)
		tbl.AppendChild(tbl, east.NewTableHeader(header))
		j := i + 2
		for j < n {
			if a, _ := r.tableAt(j); a != nil {
				break // the next table starts here
			}
			seg, next, ok := r.rowAt(j, len(align))
			if !ok {
				break
			}
			tbl.AppendChild(tbl, r.row(seg, align))
			j = next
		}
		out = append(out, tbl)
		paraStart, i = j, j
	}
	if len(out) == 0 {
		return
	}
	if p := r.paragraph(paraStart, n); p != nil {
		out = append(out, p)
	}
	parent := para.Parent()
	for _, node := range out {
		parent.InsertBefore(parent, para, node)
	}
	parent.RemoveChild(parent, para)
}

type reading struct {
	src   []byte
	lines *text.Segments
}

func (r *reading) value(i int) []byte {
	seg := r.lines.At(i)
	return seg.Value(r.src)
}

// tableAt returns the alignments and header row of a table whose header is
// line i, or nil when none starts there.
func (r *reading) tableAt(i int) ([]east.Alignment, *east.TableRow) {
	if i+1 >= r.lines.Len() {
		return nil, nil
	}
	align := parseDelimiter(r.value(i + 1))
	if align == nil || !bytes.ContainsRune(r.value(i), '|') && !bytes.ContainsRune(r.value(i+1), '|') {
		return nil, nil
	}
	header := r.row(r.lines.At(i), align)
	if header.ChildCount() != len(align) {
		return nil, nil
	}
	return align, header
}

// rowAt returns the source of the body row starting at line i, the line
// after it, and false when line i does not continue the table.
func (r *reading) rowAt(i, columns int) (text.Segment, int, bool) {
	seg := r.lines.At(i)
	line := bytes.TrimSpace(r.value(i))
	hasNext := i+1 < r.lines.Len()
	var next []byte
	if hasNext {
		next = bytes.TrimSpace(r.value(i + 1))
	}
	joined := func() text.Segment { return text.NewSegment(seg.Start, r.lines.At(i+1).Stop) }
	switch {
	case len(line) == 0:
		return seg, i, false
	case splitCount(line) == 0:
		// a line with no pipe ends the table, unless the row goes on on
		// the next line ("cell text\n| more | cells |")
		if hasNext && len(next) > 0 && next[0] == '|' && parseDelimiter(next) == nil {
			return joined(), i + 2, true
		}
		return seg, i, false
	case hasNext && line[len(line)-1] != '|' && bytes.Equal(next, []byte{'|'}):
		// the last cell ended with a line break: "… text\n|"
		return joined(), i + 2, true
	case hasNext && line[len(line)-1] != '|' && len(next) > 0 && next[0] == '|' &&
		parseDelimiter(next) == nil && splitCount(line)+1 < columns:
		return joined(), i + 2, true
	}
	return seg, i + 1, true
}

// paragraph returns a paragraph of lines [from, to), or nil when empty.
func (r *reading) paragraph(from, to int) *ast.Paragraph {
	if from >= to {
		return nil
	}
	p := ast.NewParagraph()
	for k := from; k < to; k++ {
		seg := r.lines.At(k)
		if k == to-1 {
			seg = seg.TrimRightSpace(r.src)
		}
		p.Lines().Append(seg)
	}
	return p
}

// splitCount returns the number of unescaped pipes in line.
func splitCount(line []byte) int {
	n := 0
	for i := 0; i < len(line); i++ {
		if line[i] == '\\' {
			i++
			continue
		}
		if line[i] == '|' {
			n++
		}
	}
	return n
}

// row parses one row from seg. Rows keep every cell they have, even beyond
// the header's width.
func (r *reading) row(seg text.Segment, align []east.Alignment) *east.TableRow {
	row := east.NewTableRow(align)
	row.SetPos(seg.Start)
	seg = trim(seg, r.src)
	line := seg.Value(r.src)
	start, limit := 0, len(line)
	if limit > 0 && line[0] == '|' {
		start = 1
	}
	if limit > start && line[limit-1] == '|' && (limit < 2 || line[limit-2] != '\\') {
		limit--
	}
	// the row's cells, allocated together: one more than the pipes
	// between them, counted fast with the escaped ones (whose cells, rare,
	// are left unused)
	cells := make([]east.TableCell, bytes.Count(line[start:max(start, limit)], []byte{'|'})+1)
	for k := 0; start <= limit; k++ {
		end := cellEnd(line, start, limit)
		cell := &cells[k]
		cell.Alignment = east.AlignNone
		if k < len(align) {
			cell.Alignment = align[k]
		}
		cellSeg := text.NewSegment(seg.Start+start, seg.Start+end)
		cell.SetPos(cellSeg.Start)
		fillCell(cell, cellSeg, r.src)
		row.AppendChild(row, cell)
		if end >= limit {
			break
		}
		start = end + 1
	}
	return row
}

// cellEnd returns the index of the first pipe in line[start:limit] that
// no backslash escapes, or limit when there is none.
func cellEnd(line []byte, start, limit int) int {
	end := start
	for end < limit {
		i := bytes.IndexByte(line[end:limit], '|')
		if i < 0 {
			return limit
		}
		end += i
		if end == 0 || line[end-1] != '\\' {
			return end
		}
		end++
	}
	return limit
}

// parseDelimiter returns the alignments of a delimiter row such as
// "| --- | :-: |", or nil when line is not one.
func parseDelimiter(line []byte) []east.Alignment {
	line, ok := delimiterLine(line)
	if !ok {
		return nil
	}
	// the columns between the pipes, without the blank ones before the
	// first pipe and after the last (line, trimmed, starts and ends with
	// a pipe or with a column that is not blank)
	cols := line
	if cols[0] == '|' {
		cols = cols[1:]
		if len(cols) == 0 {
			return nil // "|": no column
		}
	}
	if cols[len(cols)-1] == '|' {
		cols = cols[:len(cols)-1]
	}
	align := make([]east.Alignment, 0, bytes.Count(cols, []byte{'|'})+1)
	for more := true; more; {
		var c []byte
		c, cols, more = bytes.Cut(cols, []byte{'|'})
		a, ok := columnAlignment(c)
		if !ok {
			return nil
		}
		align = append(align, a)
	}
	return align
}

// delimiterLine returns line trimmed when it may be a delimiter row: it
// holds a '-', nothing but '-', '|', ':' and blanks, is indented less than
// four spaces, and holds a '|' or a ':' (else it is a thematic break or a
// setext underline, not a table).
func delimiterLine(line []byte) ([]byte, bool) {
	line = bytes.TrimSpace(line)
	if len(line) == 0 || !bytes.ContainsRune(line, '-') {
		return nil, false
	}
	if w, _ := util.IndentWidth(line, 0); w > 3 {
		return nil, false
	}
	for _, c := range line {
		if c != '-' && c != '|' && c != ':' && c != ' ' && c != '\t' {
			return nil, false
		}
	}
	if !bytes.ContainsRune(line, '|') && !bytes.ContainsRune(line, ':') {
		return nil, false
	}
	return line, true
}

// columnAlignment reads one column of a delimiter row ("---", ":-:"); ok
// is false when it is none (blank, or colons without dashes).
func columnAlignment(c []byte) (a east.Alignment, ok bool) {
	c = bytes.TrimSpace(c)
	if len(c) == 0 {
		return east.AlignNone, false
	}
	left, right := c[0] == ':', c[len(c)-1] == ':'
	body := bytes.Trim(c, ":")
	if len(body) == 0 || len(bytes.Trim(body, "-")) > 0 {
		return east.AlignNone, false
	}
	switch {
	case left && right:
		return east.AlignCenter, true
	case left:
		return east.AlignLeft, true
	case right:
		return east.AlignRight, true
	}
	return east.AlignNone, true
}
