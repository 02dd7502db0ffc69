package source

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/mdraci/mdraci/extension/diag"
	"github.com/mdraci/mdraci/extension/internal/lower"
	"github.com/mdraci/mdraci/extension/internal/nodes"
	"github.com/mdraci/mdraci/extension/internal/plain"
	"github.com/mdraci/mdraci/extension/keyword"
	"github.com/mdraci/mdraci/extension/table"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// FromMarkdown reads the goldmark AST of a document parsed with mdraci's
// extension (keywords resolved, attribute lists applied, tables read) into
// a Document. meta is the front matter, nil when there is none.
//
// Besides Markdown tables, it reads the <table>s of raw HTML blocks (a saved
// page pasted into Markdown) with the HTML reader, in document order.
// Footnote definitions become paragraph lines "[^1]: text" and footnote
// references in cells the marks " [^1]", numbered as the page shows them.
//
// The AST holds the Markdown's keyword references resolved; those in raw
// HTML tables are resolved by the data WithKeywords gives, else left as
// written.
func FromMarkdown(file string, doc ast.Node, src []byte, meta map[string]any, opts ...Option) *Document {
	r := &mdReader{src: src}
	for _, o := range opts {
		o(r)
	}
	if r.lines == nil {
		r.lines = diag.NewLines(src)
	}
	r.budget = keyword.Budget(len(src))
	// room for a block per child of doc, most of which are one
	d := &Document{File: file, Format: "markdown", Meta: meta, Blocks: make([]Block, 0, doc.ChildCount())}
	if t, ok := meta["title"].(string); ok {
		d.Title = t
	}
	r.blocks(doc, d)
	if len(d.Blocks) == 0 {
		d.Blocks = nil // as without the room made
	}
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

// Option configures FromMarkdown.
type Option func(*mdReader)

// WithKeywords resolves the keyword references in the raw HTML tables of
// a Markdown document from data, as the HTML output shows them: the
// texts of their cells, captions and summaries (a cell's Raw stays as
// written). References data does not know stay as written; so do those
// past the document's keyword budget (keyword.Budget), which its inline
// references do not share here.
func WithKeywords(data *keyword.Data) Option {
	return func(r *mdReader) { r.keywords = data }
}

// WithLines gives the line index of the source (diag.LinesOf), when the
// caller has one already: FromMarkdown makes its own otherwise.
func WithLines(lines *diag.Lines) Option {
	return func(r *mdReader) { r.lines = lines }
}

type mdReader struct {
	src []byte
	// keywords resolves references in raw HTML tables (nil: none), within
	// budget bytes of values
	keywords *keyword.Data
	budget   int
	// text is the source of the table or paragraph being read, copied
	// once as a string, from offset textStart: the texts that are spans of
	// the source (most cells, paragraph lines) are slices of it, not
	// copies of their own
	text      string
	textStart int
	lines     *diag.Lines
	// arena holds the texts of the table being read that are not spans of
	// the source (markup stripped, list items joined): it becomes one
	// string when the table is read, which the cells' texts and items are
	// slices of (texts and bounds say where)
	arena  []byte
	texts  []cellText
	bounds [][2]int
	// piece and scratch are buffers reused for the text of one item and of
	// one node
	piece, scratch []byte
	// lineBuf is room for the lines of the paragraphs to come, allocated
	// together, handed out in turn
	lineBuf []Line
	// headings is room for the page's headings to come, allocated
	// together, handed out in turn
	headings []Heading
	// skip is the source offset up to which blocks were already read as
	// part of an HTML table (the blank lines inside a <table> split it into
	// several HTML blocks and paragraphs)
	skip int
}

func (r *mdReader) pos(offset int) Pos {
	line, col := r.lines.Position(offset)
	return Pos{Line: line, Col: col}
}

// blocks appends the headings, paragraphs and tables below n to d, in
// document order.
func (r *mdReader) blocks(n ast.Node, d *Document) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		r.block(c, d)
	}
}

// block appends c, a block, to d: a heading, paragraph or table, or the
// ones below it.
func (r *mdReader) block(c ast.Node, d *Document) {
	if c.Type() != ast.TypeBlock {
		return
	}
	if v, ok := c.(*ast.HTMLBlock); ok {
		r.htmlTables(v, d)
		return
	}
	if ls := c.Lines(); ls != nil && ls.Len() > 0 && ls.At(0).Start < r.skip {
		return // read as part of an HTML table
	}
	switch v := c.(type) {
	case *ast.Heading:
		h := r.heading()
		*h = Heading{Level: v.Level, Text: r.plainText(v), Anchor: nodes.Attr(v, "id")}
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
	case *east.DefinitionList:
		r.definitions(v, d)
	case *east.Footnote:
		// a footnote definition, as the line "[^1]: text" (the number
		// its references show)
		if p := v.FirstChild(); p != nil && p.Lines() != nil && p.Lines().Len() > 0 {
			text := fmt.Sprintf("[^%d]: %s", v.Index, plain.Text(v, r.src))
			pos := r.pos(p.Lines().At(0).Start)
			d.Blocks = append(d.Blocks, Block{Kind: KindParagraph, Lines: []Line{{Text: text, Pos: Pos{Line: pos.Line, Col: 1}}}})
		}
	default:
		if c.Type() == ast.TypeBlock && c.HasChildren() {
			r.blocks(c, d)
		}
	}
}

// definitions appends a definition list to d as the lines of a paragraph,
// a term's line then its definition's lines, the first after ": " (as
// written: "Responsible (R)" / ": Has the duty…", a legend the model
// reads). Blocks in a definition other than paragraphs (a table, a list)
// are read as such, after the lines before them.
func (r *mdReader) definitions(dl *east.DefinitionList, d *Document) {
	var lines []Line
	flush := func() {
		if len(lines) > 0 {
			d.Blocks = append(d.Blocks, Block{Kind: KindParagraph, Lines: lines})
			lines = nil
		}
	}
	for it := dl.FirstChild(); it != nil; it = it.NextSibling() {
		switch it.(type) {
		case *east.DefinitionTerm:
			lines = append(lines, r.paragraph(it)...)
		case *east.DefinitionDescription:
			first := true
			for c := it.FirstChild(); c != nil; c = c.NextSibling() {
				switch c.Kind() {
				case ast.KindParagraph, ast.KindTextBlock:
					pl := r.paragraph(c)
					if first && len(pl) > 0 {
						pl[0].Text = ": " + pl[0].Text
						first = false
					}
					lines = append(lines, pl...)
				default:
					flush()
					r.block(c, d)
				}
			}
		}
	}
	flush()
}

// htmlTables reads the <table>s that start in an HTML block (a saved web
// page pasted into Markdown) with the HTML reader, up to the matching
// </table>, past the HTML block's end when blank lines split the table.
// Positions are those of the Markdown source. Keyword references are
// resolved as WithKeywords says.
func (r *mdReader) htmlTables(b *ast.HTMLBlock, d *Document) {
	ls := b.Lines()
	if ls.Len() == 0 {
		return
	}
	from, stop := max(ls.At(0).Start, r.skip), ls.At(ls.Len()-1).Stop
	if b.HasClosure() {
		stop = max(stop, b.ClosureLine.Stop)
	}
	for from < stop {
		start := lower.Index(r.src[from:stop], "<table")
		if start < 0 {
			return
		}
		start += from
		end := r.tableEnd(start)
		if end < 0 {
			end = stop // not closed: the HTML block holds the table
		}
		// the rest of the line of </table> belongs to the fragment
		if nl := bytes.IndexByte(r.src[end:], '\n'); nl >= 0 {
			end += nl
		} else {
			end = len(r.src)
		}
		p := r.pos(start)
		// pad the fragment so that the HTML reader's positions are the
		// Markdown source's
		frag := make([]byte, 0, p.Line-1+p.Col-1+end-start)
		frag = append(frag, bytes.Repeat([]byte{'\n'}, p.Line-1)...)
		frag = append(frag, bytes.Repeat([]byte{' '}, p.Col-1)...)
		pad := len(frag) // frag[pad:] is r.src[start:end]
		frag = append(frag, r.src[start:end]...)
		var excess func(from, to int) int
		if r.lines.Excess(start, end) > 0 {
			// the table holds characters longer than the file's bytes
			// (diag.Lines.Widen): count them in its columns, the
			// padding counting those before it already
			shift := start - pad
			excess = func(from, to int) int { return r.lines.Excess(max(from, pad)+shift, to+shift) }
		}
		hd, _ := fromHTML("", frag, excess)
		for _, blk := range hd.Blocks {
			if blk.Kind == KindTable {
				blk.Table.Raw = true
				markdownCells(blk.Table)
				r.resolveKeywords(blk.Table)
				d.Blocks = append(d.Blocks, blk)
			}
		}
		r.skip = max(r.skip, end)
		from = end
	}
}

// markdownCells reads as Markdown the texts of the cells of an HTML table
// in Markdown whose content a blank line parts from their tags: CommonMark
// ends the HTML block there, and the lines after it are Markdown, which
// the page shows as such ("technical \(physical\) resources", "see
// [the guide](…)": SAP's pages). A text holding "<" is left as written:
// the HTML reader has decoded its "&lt;", which Markdown would read as a
// tag.
func markdownCells(t *Table) {
	mapTexts(t, func(c *Cell) bool { return blankLineIn(c.Raw) }, markdownText)
}

// mapTexts replaces the text and the items of each cell of t that only
// reports true for (every cell when only is nil) by what f makes of them.
func mapTexts(t *Table, only func(*Cell) bool, f func(string) string) {
	cells := func(cs []Cell) {
		for i := range cs {
			c := &cs[i]
			if only != nil && !only(c) {
				continue
			}
			c.Text = f(c.Text)
			for j := range c.Items {
				c.Items[j] = f(c.Items[j])
			}
		}
	}
	cells(t.Header)
	for i := range t.Rows {
		cells(t.Rows[i].Cells)
	}
}

// blankLineIn reports whether s holds a blank line: a line break, white
// space, a line break.
func blankLineIn(s string) bool {
	for i := strings.IndexByte(s, '\n'); i >= 0; {
		j := i + 1
		for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r') {
			j++
		}
		if j < len(s) && s[j] == '\n' {
			return true
		}
		k := strings.IndexByte(s[j:], '\n')
		if k < 0 {
			return false
		}
		i = j + k
	}
	return false
}

// cellMarkdown reads the Markdown of cell texts (CommonMark).
var cellMarkdown = goldmark.New()

// markdownText returns the plain text Markdown text s shows: escapes,
// links, emphasis and code spans read. Texts without their characters, or
// holding "<", are returned as they are.
func markdownText(s string) string {
	if !strings.ContainsAny(s, "\\[]*_`") || strings.IndexByte(s, '<') >= 0 {
		return s
	}
	src := []byte(s)
	return plain.Text(cellMarkdown.Parser().Parse(text.NewReader(src)), src)
}

// resolveKeywords resolves the keyword references in the texts of an HTML
// table (see WithKeywords).
func (r *mdReader) resolveKeywords(t *Table) {
	if r.keywords == nil {
		return
	}
	expand := func(s string) string {
		if !strings.Contains(s, "{{") {
			return s
		}
		return keyword.Expand(s, func(path string) (string, bool) {
			v, err := r.keywords.Resolve(path)
			if err != nil || len(v) > r.budget {
				return "", false
			}
			r.budget -= len(v)
			return v, true
		})
	}
	mapTexts(t, nil, expand)
	t.Caption, t.Summary = expand(t.Caption), expand(t.Summary)
}

// tableEnd returns the offset just after the </table> closing the <table>
// at start, nested tables counted; -1 when it is not closed.
func (r *mdReader) tableEnd(start int) int {
	depth := 0
	for i := start; i < len(r.src); {
		lt := bytes.IndexByte(r.src[i:], '<')
		if lt < 0 {
			break
		}
		i += lt
		rest := r.src[i:]
		switch {
		case lower.HasPrefix(rest, "<table"):
			depth++
		case lower.HasPrefix(rest, "</table"):
			depth--
			if depth == 0 {
				if gt := bytes.IndexByte(rest, '>'); gt >= 0 {
					return i + gt + 1
				}
				return -1
			}
		}
		i++
	}
	return -1
}

// paragraph returns the paragraph's source lines, trimmed, with keywords
// shown as the inline parser resolved them.
func (r *mdReader) paragraph(p ast.Node) []Line {
	ls := p.Lines()
	out := r.takeLines(ls.Len())
	if ls.Len() > 0 {
		r.cover(ls.At(0).Start, ls.At(ls.Len()-1).Stop)
	}
	var refs keywordRefs
	collected := false
	for i := 0; i < ls.Len(); i++ {
		seg := ls.At(i)
		// as bytes.TrimSpace(seg.Value(r.src)): a segment's padding and
		// forced newline are blanks at its ends
		text, ok := r.span(seg.Start, seg.Stop)
		if !ok {
			text = string(seg.Value(r.src))
		}
		text = strings.TrimSpace(text)
		if text == "" {
			continue
		}
		if strings.Contains(text, "{{") {
			if !collected {
				refs.collect(p)
				collected = true
			}
			text = refs.resolve(text)
		}
		out = append(out, Line{Text: text, Pos: r.pos(seg.Start)})
	}
	return out
}

// heading returns a new Heading, from r.headings.
func (r *mdReader) heading() *Heading {
	if len(r.headings) == 0 {
		r.headings = make([]Heading, 8)
	}
	h := &r.headings[0]
	r.headings = r.headings[1:]
	return h
}

// takeLines returns an empty slice with room for n lines, from lineBuf:
// the lines of a page's paragraphs are allocated together.
func (r *mdReader) takeLines(n int) []Line {
	if n > len(r.lineBuf) {
		r.lineBuf = make([]Line, max(n, 32))
	}
	out := r.lineBuf[:0:n]
	r.lineBuf = r.lineBuf[n:]
	return out
}

// keywordRefs are the keyword references of a paragraph, in order, and
// how many of them the lines before took.
type keywordRefs struct {
	nodes []*keyword.Node
	next  int
}

// collect lists the keyword references below p.
func (k *keywordRefs) collect(p ast.Node) {
	_ = ast.Walk(p, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if kw, ok := n.(*keyword.Node); entering && ok {
			k.nodes = append(k.nodes, kw)
		}
		return ast.WalkContinue, nil
	})
}

// resolve shows, in a line of the paragraph, the values of the references
// it holds: the next ones in order, as long as the line holds them (the
// unresolved ones stay as written). Each line takes its own references,
// so a paragraph costs linear time however many lines hold references.
func (k *keywordRefs) resolve(line string) string {
	var b strings.Builder
	rest, changed := line, false
	for ; k.next < len(k.nodes); k.next++ {
		kw := k.nodes[k.next]
		i := strings.Index(rest, string(kw.Literal))
		if i < 0 {
			break // the next reference is on a later line
		}
		shown := string(kw.Literal)
		if kw.Resolved {
			shown = kw.Value
		}
		b.WriteString(rest[:i])
		b.WriteString(shown)
		rest, changed = rest[i+len(kw.Literal):], true
	}
	if !changed {
		return line
	}
	b.WriteString(rest)
	return b.String()
}

// table reads a Markdown table. The cells' texts are slices of r.text
// (the table's source) when they are spans of it (most cells), else of one
// string made for the table (r.arena): a table costs a few allocations,
// not some per cell.
func (r *mdReader) table(t *east.Table) *Table {
	out := &Table{
		ID:      nodes.Attr(t, "id"),
		Caption: nodes.Attr(t, "caption"),
		Summary: nodes.Attr(t, "summary"),
	}
	for _, a := range t.Attributes() {
		switch string(a.Name) {
		case "id", "caption", "summary", "aria-describedby":
		default:
			if out.Attrs == nil {
				out.Attrs = map[string]string{}
			}
			out.Attrs[string(a.Name)] = attrString(a.Value)
		}
	}
	if n := t.ChildCount() - 1; n > 0 { // the header and the rows
		out.Rows = make([]Row, 0, n)
	}
	// one array for the cells of all rows, a slice of it per row
	n := 0
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		n += row.ChildCount()
	}
	all := make([]Cell, 0, n)
	// the table's source, copied once for the cells' texts: from its
	// first line to the end of its last row
	r.text, r.textStart = "", 0
	if last := t.LastChild(); last != nil {
		if _, stop := nodes.Span(last, -1, -1); t.Pos() >= 0 {
			r.cover(t.Pos(), stop)
		}
	}
	if r.arena == nil {
		// the page's first table: room for what most tables need, so
		// that the buffers seldom grow
		r.arena, r.texts, r.bounds = make([]byte, 0, 1024), make([]cellText, 0, 32), make([][2]int, 0, 32)
		r.piece, r.scratch = make([]byte, 0, 64), make([]byte, 0, 64)
	}
	r.arena, r.texts, r.bounds = r.arena[:0], r.texts[:0], r.bounds[:0]
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		switch v := row.(type) {
		case *east.TableHeader:
			out.Header, all = r.cells(v, all)
			out.Pos = r.rowPos(v)
		case *east.TableRow:
			var cells []Cell
			cells, all = r.cells(v, all)
			out.Rows = append(out.Rows, Row{Cells: cells, Pos: r.rowPos(v)})
		}
	}
	r.setTexts(all)
	if out.Pos.Line == 0 && len(out.Rows) > 0 {
		out.Pos = out.Rows[0].Pos
	}
	return out
}

// attrString is an attribute value as text, as fmt.Sprintf("%s", v)
// writes it, without fmt for the usual []byte and string values.
func attrString(v any) string {
	switch b := v.(type) {
	case []byte:
		return string(b)
	case string:
		return b
	}
	return fmt.Sprintf("%s", v)
}

// cellText says where the text of the cell all[cell] is in the table's
// arena (start to stop), and how many items of r.bounds, in turn, it has.
type cellText struct{ cell, start, stop, items int }

// setTexts gives the cells of all whose texts were written to the arena
// their texts and items, slices of one string: the arena's.
func (r *mdReader) setTexts(all []Cell) {
	if len(r.texts) == 0 {
		return
	}
	s := string(r.arena)
	var items []string // the items of every cell, a slice of it per cell
	if len(r.bounds) > 0 {
		items = make([]string, len(r.bounds))
	}
	for i, b := range r.bounds {
		items[i] = s[b[0]:b[1]]
	}
	for _, t := range r.texts {
		c := &all[t.cell]
		c.Text = s[t.start:t.stop]
		if t.items > 0 {
			c.Items, items = items[:t.items:t.items], items[t.items:]
		}
	}
}

func (r *mdReader) rowPos(row ast.Node) Pos {
	if c := row.FirstChild(); c != nil {
		p := r.pos(c.Pos())
		return Pos{Line: p.Line, Col: 1}
	}
	return Pos{}
}

// cells reads the cells of row, appending them to all, and returns them
// (nil for a row of no cells) and all. The texts a cell's source span
// does not give are written to the arena, and set by setTexts.
func (r *mdReader) cells(row ast.Node, all []Cell) ([]Cell, []Cell) {
	from := len(all)
	for c := row.FirstChild(); c != nil; c = c.NextSibling() {
		cell := Cell{Pos: r.pos(r.contentStart(c.Pos())), Raw: r.raw(c)}
		start, bounds := len(r.arena), len(r.bounds)
		inArena := r.items(c)
		if !inArena {
			r.arena, r.bounds = r.arena[:start], r.bounds[:bounds]
			var span bool
			if cell.Text, span = r.spanText(c); !span {
				r.scratch = plain.AppendText(r.scratch[:0], c, r.src)
				r.arena = plain.AppendCollapse(r.arena, r.scratch)
				inArena = true
			}
		}
		// the marks of the footnote references: plain text drops them
		if hasFootnoteLinks(c) {
			if !inArena {
				r.arena = append(r.arena, cell.Text...)
				inArena = true
			}
			r.arena = appendFootnoteMarks(r.arena, c)
		}
		if inArena {
			r.texts = append(r.texts, cellText{cell: len(all), start: start, stop: len(r.arena), items: len(r.bounds) - bounds})
		}
		all = append(all, cell)
	}
	if len(all) == from {
		return nil, all
	}
	return all[from:len(all):len(all)], all
}

// plainText is plain.Text(n, r.src), a slice of r.text when n's text is a
// span of the source that needs no collapsing.
func (r *mdReader) plainText(n ast.Node) string {
	if s, ok := r.spanText(n); ok {
		return s
	}
	return plain.Text(n, r.src)
}

// spanText returns plain.Text(n, r.src) as a slice of r.text when n's
// text is a span of the source that needs no collapsing nor showing;
// false otherwise.
func (r *mdReader) spanText(n ast.Node) (string, bool) {
	if start, stop, ok := plain.Span(n); ok {
		if s, ok := r.span(start, stop); ok && plain.Collapsed(s) && !plain.NeedsShowing(s) {
			return s, true
		}
	}
	return "", false
}

// cover makes r.text the source from start to stop (nothing when that is
// not a span of it).
func (r *mdReader) cover(start, stop int) {
	r.text, r.textStart = "", 0
	if start >= 0 && start <= stop && stop <= len(r.src) {
		r.text, r.textStart = string(r.src[start:stop]), start
	}
}

// span returns the source between start and stop as a slice of r.text;
// false when it is not inside it.
func (r *mdReader) span(start, stop int) (string, bool) {
	start, stop = start-r.textStart, stop-r.textStart
	if start < 0 || stop < start || stop > len(r.text) {
		return "", false
	}
	return r.text[start:stop], true
}

// contentStart moves a cell's offset (just after its opening pipe) past
// the blanks before its content, so that positions point at the text; an
// empty cell keeps its offset.
func (r *mdReader) contentStart(offset int) int {
	if offset < 0 {
		return offset
	}
	i := offset
	for i < len(r.src) && (r.src[i] == ' ' || r.src[i] == '\t') {
		i++
	}
	if i == len(r.src) || r.src[i] == '|' || r.src[i] == '\n' || r.src[i] == '\r' {
		return offset
	}
	return i
}

// hasFootnoteLinks reports whether n or one of its descendants is a
// footnote reference (appendFootnoteMarks writes something).
func hasFootnoteLinks(n ast.Node) bool {
	if _, ok := n.(*east.FootnoteLink); ok {
		return true
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if hasFootnoteLinks(c) {
			return true
		}
	}
	return false
}

// appendFootnoteMarks appends the marks of the footnote references in n
// and its descendants, in document order, to b.
func appendFootnoteMarks(b []byte, n ast.Node) []byte {
	if l, ok := n.(*east.FootnoteLink); ok {
		b = append(b, " [^"...)
		b = strconv.AppendInt(b, int64(l.Index), 10)
		b = append(b, ']')
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		b = appendFootnoteMarks(b, c)
	}
	return b
}

// raw returns the cell's source text as written, trimmed: a slice of
// r.text when inside it.
func (r *mdReader) raw(cell ast.Node) string {
	start, stop := nodes.Span(cell, -1, -1)
	if start < 0 || stop > len(r.src) {
		return ""
	}
	// from the first piece to the last, markers and " \n " included
	if begin := cell.Pos(); begin >= 0 && begin <= start {
		start = begin
	}
	raw, ok := r.span(start, stop)
	if !ok {
		raw = string(r.src[start:stop])
	}
	return strings.TrimSpace(raw)
}

// items writes the cell's pieces to the arena, when it holds a list,
// " \n " lines, <br> or <li> items: joined by a space (plain text glues
// the pieces that raw HTML separates, "nodes</li><li>Disable"), each
// piece's bounds appended to r.bounds. It reports whether it did; false
// when the cell is one piece (the caller then drops what it wrote).
func (r *mdReader) items(cell ast.Node) bool {
	if !r.pieces(cell) {
		return false // one piece at most, no list
	}
	n := 0 // the items written
	list := false
	r.piece = r.piece[:0]
	// flush ends the piece being read: an item, unless blank
	flush := func() {
		at := len(r.arena)
		if n > 0 {
			r.arena = append(r.arena, ' ')
		}
		from := len(r.arena)
		r.arena = plain.AppendCollapse(r.arena, r.piece)
		if len(r.arena) == from {
			r.arena = r.arena[:at]
		} else {
			r.bounds = append(r.bounds, [2]int{from, len(r.arena)})
			n++
		}
		r.piece = r.piece[:0]
	}
	r.readPieces(cell, true, flush, &list)
	flush()
	// a list of blank items is read as the cell's text
	return n >= 2 || list && n > 0
}

// readPieces reads the content of n, a cell, a list item or a " \n "
// line, into r.piece, calling flush where an item ends: at each list item
// and line of the cell (top), and at the raw HTML that splits items
// (<br>, <li>…) also inside them ("- Monitor hosts<br>Restart services").
// A list inside a list item stays in its item. list is set when the cell
// holds a list.
func (r *mdReader) readPieces(n ast.Node, top bool, flush func(), list *bool) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch k := c.Kind(); {
		case k == ast.KindList && !top:
			r.scratch = plain.AppendText(r.scratch[:0], c, r.src)
			r.piece = append(plain.AppendCollapse(append(r.piece, ' '), r.scratch), ' ')
		case k == ast.KindList:
			*list = true
			flush()
			for it := c.FirstChild(); it != nil; it = it.NextSibling() {
				r.readPieces(it, false, flush, list)
				flush()
			}
		case k == table.KindCellLine:
			flush()
			r.readPieces(c, false, flush, list)
			flush()
		case k == ast.KindTextBlock || k == ast.KindParagraph:
			// a list item's text: its lines, one piece
			r.piece = append(r.piece, ' ')
			r.readPieces(c, false, flush, list)
		case k == ast.KindRawHTML:
			raw := nodes.RawBytes(c.(*ast.RawHTML), r.src)
			if splitsItems(raw) {
				if lower.HasPrefix(raw, "<li") {
					*list = true
				}
				flush()
			}
		case k == ast.KindText:
			// as written: plain text trims each node, and the spaces
			// between the nodes of a piece are the piece's
			t := c.(*ast.Text)
			r.piece = append(r.piece, t.Value(r.src)...)
			if t.SoftLineBreak() || t.HardLineBreak() {
				r.piece = append(r.piece, ' ')
			}
		default:
			// the node's plain text, collapsed on its own (its ends
			// trimmed)
			r.scratch = plain.AppendText(r.scratch[:0], c, r.src)
			r.piece = plain.AppendCollapse(r.piece, r.scratch)
		}
	}
}

// pieces reports whether the cell has a child that items splits at: a
// list, a " \n " line, <br>, </br>, <li>, </li> or <p>. Without one, items
// returns nil.
func (r *mdReader) pieces(cell ast.Node) bool {
	for c := cell.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.Kind() {
		case ast.KindList, table.KindCellLine:
			return true
		case ast.KindRawHTML:
			if splitsItems(nodes.RawBytes(c.(*ast.RawHTML), r.src)) {
				return true
			}
		}
	}
	return false
}

// splitsItems reports whether raw HTML starts with <br, </br (which
// browsers read as <br>), <li, </li or <p, ignoring case.
func splitsItems(raw []byte) bool {
	return lower.HasPrefix(raw, "<br") || lower.HasPrefix(raw, "</br") || lower.HasPrefix(raw, "<li") ||
		lower.HasPrefix(raw, "</li") || lower.HasPrefix(raw, "<p")
}
