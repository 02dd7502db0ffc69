package main

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/mdraci/mdraci/extension"
	"github.com/mdraci/mdraci/extension/attributes"
	"github.com/mdraci/mdraci/extension/diag"
	"github.com/mdraci/mdraci/extension/figure"
	"github.com/mdraci/mdraci/extension/keyword"
	"github.com/mdraci/mdraci/extension/matrix"
	"github.com/mdraci/mdraci/extension/mkdocs"
	"github.com/mdraci/mdraci/extension/model"
	"github.com/mdraci/mdraci/extension/source"
	"github.com/mdraci/mdraci/extension/table"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// This file turns one parsed document into Hugo content: the Markdown body
// (keywords resolved, attribute lists in Hugo's syntax, matrices and the
// legend replaced by shortcodes) and, for each matrix, the cells the
// shortcodes render.

// recorder is a parser AST transformer that runs before the attribute list
// transformer (100), while the attribute list nodes and the tables' cells
// are still in the AST, and remembers where they are in the source.
type recorder struct {
	docs sync.Map // *ast.Document → *recording
}

// recording is what the recorder saw in one document.
type recording struct {
	ials     []text.Segment // block attribute list lines
	spans    []spanRec      // span attribute lists
	keywords []edit         // resolved keyword references, replaced by their values
	tables   []*tableRec    // the tables, in document order
}

// spanRec is a span attribute list and the element it follows.
type spanRec struct {
	at     edit // the list's source, removed
	list   *attributes.SpanAttributeList
	target ast.Node
	title  []byte // the target's title as the source gives it (a link's or image's)
}

// tableRec is one source table: where it is and what its cells hold.
type tableRec struct {
	node        *east.Table
	start, stop int // byte range of the table's lines, line breaks included
	rows        [][]cellRec
	prefix      string // what comes before the table on its first line (indentation, "> ")
	// around are the MkDocs containers the table is in, the innermost
	// first (the matrix part takes the table out of the tree)
	around []*mkdocs.Container
}

// cellRec is one table cell as its source segments: one piece, or pieces
// (IBM's " \n ") read as lines or as a list.
type cellRec struct {
	segs    []text.Segment   // a one-piece cell
	lines   [][]text.Segment // pieces shown as lines
	intro   []text.Segment   // the line before a list
	items   [][]text.Segment // list items
	ordered bool
	start   int
	// markup: as a header, the cell is shown as written
	// (matrix.HeaderKeepsMarkup; read before the matrix takes its nodes)
	markup bool
}

// Transform implements parser.ASTTransformer.Transform: it records, it
// changes nothing.
func (r *recorder) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	rec := &recording{}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch v := n.(type) {
		case *attributes.AttributeList:
			for i := 0; i < v.Lines().Len(); i++ {
				rec.ials = append(rec.ials, v.Lines().At(i))
			}
		case *attributes.SpanAttributeList:
			sp := spanRec{at: edit{start: v.Offset, stop: v.Offset + len(v.Literal)}, list: v, target: v.PreviousSibling()}
			_, sp.title, _ = linkParts(sp.target)
			rec.spans = append(rec.spans, sp)
		case *keyword.Node:
			if v.Resolved && v.Pos() >= 0 {
				rec.keywords = append(rec.keywords, edit{start: v.Pos(), stop: v.Pos() + len(v.Literal), text: v.Value})
			}
		case *east.Table:
			rec.tables = append(rec.tables, recordTable(v, src))
		}
		return ast.WalkContinue, nil
	})
	r.docs.Store(doc, rec)
}

// take returns and forgets what was recorded for doc.
func (r *recorder) take(doc ast.Node) *recording {
	d, ok := doc.(*ast.Document)
	if !ok {
		return nil
	}
	v, ok := r.docs.LoadAndDelete(d)
	if !ok {
		return nil
	}
	return v.(*recording)
}

// recordTable finds the lines of t and the segments of its cells. A table
// is read out of a paragraph: it ends at the first blank line, attribute
// list line or block after it.
func recordTable(t *east.Table, src []byte) *tableRec {
	rec := &tableRec{node: t}
	start := t.Pos()
	if start < 0 {
		start = firstOffset(t)
	}
	if start < 0 {
		return rec
	}
	rec.start = lineStart(src, start)
	rec.prefix = string(src[rec.start:start])
	rec.around = containersAround(t)
	limit := len(src)
	for n := ast.Node(t); n != nil && n.Kind() != ast.KindDocument; n = n.Parent() {
		if next := n.NextSibling(); next != nil {
			if off := firstOffset(next); off >= 0 {
				limit = min(limit, lineStart(src, off))
			}
			break
		}
	}
	stop := lineEnd(src, start)
	for stop < limit {
		end := lineEnd(src, stop)
		line := strings.TrimSpace(string(src[stop:end]))
		line = strings.TrimSpace(strings.TrimLeft(line, "> "))
		if line == "" || strings.HasPrefix(line, "{:") || strings.HasPrefix(line, "{{") {
			break
		}
		stop = end
	}
	rec.stop = stop
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []cellRec
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			cr := recordCell(c)
			// a header (or the first row standing for an empty one): shown
			// as written or as plain text
			cr.markup = len(rec.rows) < 2 && matrix.HeaderKeepsMarkup(c)
			cells = append(cells, cr)
		}
		rec.rows = append(rec.rows, cells)
	}
	return rec
}

// recordCell reads the shape table.fillCell gave a cell.
func recordCell(cell ast.Node) cellRec {
	var c cellRec
	c.segs = segments(cell)
	for k := cell.FirstChild(); k != nil; k = k.NextSibling() {
		switch {
		case k.Kind() == table.KindCellLine:
			c.lines = append(c.lines, segments(k))
		case k.Kind() == ast.KindList:
			l := k.(*ast.List)
			c.ordered, c.start = l.IsOrdered(), l.Start
			for it := l.FirstChild(); it != nil; it = it.NextSibling() {
				var segs []text.Segment
				for b := it.FirstChild(); b != nil; b = b.NextSibling() {
					segs = append(segs, segments(b)...)
				}
				c.items = append(c.items, segs)
			}
		}
	}
	if c.items != nil && len(c.lines) > 0 {
		c.intro, c.lines = c.lines[0], nil
	}
	if c.items != nil || c.lines != nil {
		c.segs = nil
	}
	return c
}

// segments returns n's source lines.
func segments(n ast.Node) []text.Segment {
	var out []text.Segment
	if n.Type() == ast.TypeBlock && n.Lines() != nil {
		for i := 0; i < n.Lines().Len(); i++ {
			out = append(out, n.Lines().At(i))
		}
	}
	return out
}

// firstOffset returns the source offset where n starts, -1 when unknown.
func firstOffset(n ast.Node) int {
	if n.Type() == ast.TypeBlock {
		if n.Lines() != nil && n.Lines().Len() > 0 {
			return n.Lines().At(0).Start
		}
		if n.Pos() >= 0 && n.Kind() != ast.KindList && n.Kind() != ast.KindListItem {
			return n.Pos()
		}
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if off := firstOffset(c); off >= 0 {
			return off
		}
	}
	if t, ok := n.(*ast.Text); ok {
		return t.Segment.Start
	}
	return n.Pos()
}

// lastOffset returns the source offset where n's last line ends, -1 when
// unknown.
func lastOffset(n ast.Node) int {
	end := -1
	if n.Type() == ast.TypeBlock && n.Lines() != nil && n.Lines().Len() > 0 {
		end = n.Lines().At(n.Lines().Len() - 1).Stop
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Type() == ast.TypeBlock {
			end = max(end, lastOffset(c))
		}
	}
	return end
}

func lineStart(src []byte, off int) int {
	off = min(off, len(src))
	return bytes.LastIndexByte(src[:off], '\n') + 1
}

// lineEnd returns the offset after the line break ending the line of off.
func lineEnd(src []byte, off int) int {
	if off >= len(src) {
		return len(src)
	}
	if i := bytes.IndexByte(src[off:], '\n'); i >= 0 {
		return off + i + 1
	}
	return len(src)
}

// edit replaces src[start:stop] with text.
type edit struct {
	start, stop int
	text        string
	depth       int // among insertions at one offset, deeper ones first
}

// edits is a set of edits on one source.
type edits []edit

// sorted returns the edits by position: insertions before replacements
// starting at the same offset, wider replacements before narrower ones.
func (es edits) sorted() edits {
	out := append(edits(nil), es...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.start != b.start {
			return a.start < b.start
		}
		ai, bi := a.start == a.stop, b.start == b.stop
		if ai != bi {
			return ai
		}
		if ai {
			return a.depth > b.depth
		}
		return a.stop > b.stop
	})
	return out
}

// apply returns src[start:stop] with the edits inside it made. An edit
// inside a range another edit replaced is dropped.
func (es edits) apply(src []byte, start, stop int) string {
	var b strings.Builder
	at := start
	for _, e := range es {
		if e.start < at || e.stop > stop || e.start > stop {
			continue // outside, or inside a range already replaced
		}
		b.Write(src[at:e.start])
		b.WriteString(e.text)
		at = e.stop
	}
	b.Write(src[at:stop])
	return b.String()
}

// segText returns the text of segs with the inline edits made, lines
// joined with join.
func segText(src []byte, es edits, segs []text.Segment, join string) string {
	parts := make([]string, 0, len(segs))
	for _, s := range segs {
		parts = append(parts, strings.TrimSpace(es.apply(src, s.Start, s.Stop)))
	}
	return strings.TrimSpace(strings.Join(parts, join))
}

// cellJSON is one source cell as the shortcodes render it: Markdown (md),
// pieces shown as lines, or a list (with the line before it).
type cellJSON struct {
	// LetterText and Mark: what a letter cell shows after its letters
	// (matrix.LetterCellRest): the cell as written, or a footnote mark.
	LetterText bool   `json:"letterText,omitempty"`
	Mark       string `json:"mark,omitempty"`
	// Markup: a header cell the matrix shows as written, not as its plain
	// text (matrix.HeaderKeepsMarkup).
	Markup bool `json:"markup,omitempty"`

	MD      string   `json:"md,omitempty"`
	Lines   []string `json:"lines,omitempty"`
	Intro   string   `json:"intro,omitempty"`
	Items   []string `json:"items,omitempty"`
	Ordered bool     `json:"ordered,omitempty"`
	Start   int      `json:"start,omitempty"`
}

// markdown writes the cell back as one line of a pipe table, pieces
// separated by IBM's " \n ", which the render-table hook reads.
func (c cellJSON) markdown() string {
	switch {
	case c.Lines != nil:
		return strings.Join(c.Lines, ` \n `)
	case c.Items != nil:
		var parts []string
		if c.Intro != "" {
			parts = append(parts, c.Intro)
		}
		for i, it := range c.Items {
			marker := "- "
			if c.Ordered {
				marker = strconv.Itoa(c.Start+i) + ". "
			}
			parts = append(parts, marker+it)
		}
		return strings.Join(parts, ` \n `)
	}
	return c.MD
}

func (r *tableRec) cellJSON(src []byte, es edits, c cellRec) cellJSON {
	var out cellJSON
	switch {
	case c.items != nil:
		out.Intro = inlineOnly(segText(src, es, c.intro, " "))
		out.Ordered, out.Start = c.ordered, c.start
		for _, it := range c.items {
			out.Items = append(out.Items, inlineOnly(segText(src, es, it, " ")))
		}
	case c.lines != nil:
		for _, l := range c.lines {
			out.Lines = append(out.Lines, inlineOnly(segText(src, es, l, " ")))
		}
	default:
		out.MD = inlineOnly(segText(src, es, c.segs, " "))
	}
	return out
}

// blockMarkRE matches the start of a line Markdown reads as a block (list
// item, heading, block quote, thematic break) rather than as text.
var blockMarkRE = regexp.MustCompile(`^([-+*]|#{1,6}|>|\d{1,9}[.)])(\s|$)|^([-*_=])\s*([-*_=]\s*){2,}$`)

// inlineOnly escapes what would make inline Markdown a block when Hugo
// renders it on its own (RenderString): a table cell's "*" stays a "*", as
// the extension reads cells as inline content.
func inlineOnly(md string) string {
	if m := blockMarkRE.FindStringIndex(md); m != nil {
		at := 0
		if md[0] >= '0' && md[0] <= '9' {
			at = strings.IndexAny(md, ".)")
		}
		return md[:at] + "\\" + md[at:]
	}
	return md
}

// matrixRender is what a shortcode needs besides the model to render a
// matrix as the extension does: the source cells (header row first), the
// source table's classes (caption side included), its summary and its
// other attributes.
type matrixRender struct {
	Cells [][]cellJSON `json:"cells,omitempty"`
	// Rests are, for a transposed table (no Cells), what letter cells say
	// besides their letters: by row id, then party id.
	Rests     map[string]map[string]restJSON `json:"rests,omitempty"`
	Classes   []string                       `json:"classes,omitempty"`
	Summary   string                         `json:"summary,omitempty"`
	SummaryID string                         `json:"summaryId,omitempty"`
	// Attrs are the source table's other attributes (lang, title,
	// data-*…), in order.
	Attrs []attributeJSON `json:"attrs,omitempty"`
}

// hugoBody is a document's Hugo Markdown and what its shortcodes need.
type hugoBody struct {
	markdown  string
	render    []matrixRender // one per model matrix
	legendID  string         // "" when the page shows no legend
	footnotes *pageFootnotes // nil unless a matrix cell references a footnote
	figures   []figureJSON   // the raci-figure shortcodes' captions, in order
	// the mdraci-container shortcodes' styles and titles, in order
	containers []containerJSON
}

// markdownBody rewrites a Markdown document for Hugo.
func markdownBody(res *extension.Result, rec *recording, kw *keyword.Data, unsafe bool, md *model.Document, legendID string) (*hugoBody, error) {
	src := res.Source
	if rec == nil {
		return nil, fmt.Errorf("the document was not parsed by mdraci hugo's parser")
	}
	var es edits
	for _, k := range rec.keywords {
		k.text = escapeMarkdown(k.text)
		es = append(es, k)
	}
	es = append(es, spanEdits(src, rec.spans)...)
	es = append(es, referenceEdits(res.Doc, src, rec.spans)...)
	// raw HTML: keywords resolved and sanitized, as the extension does
	es = append(es, rawHTML(res, kw, unsafe)...)
	page, cells := shortcodeEscapes(res.Doc, src)
	inline := append(append(edits(nil), es...), cells...).sorted() // the edits made inside table cells too
	es = append(es, page...)
	for _, seg := range rec.ials {
		// a blank line in its place: like the list, it ends the block above
		at := lineStart(src, seg.Start)
		blank := strings.TrimRight(blankPrefix(string(src[at:seg.Start])), " ") + "\n"
		es = append(es, edit{start: at, stop: lineEnd(src, seg.Stop), text: blank})
	}
	es = append(es, attributeEdits(res.Doc, src)...)
	figEdits, figs := figureEdits(res.Doc, src)
	es = append(es, figEdits...)
	boxEdits, containers, boxes := containerEdits(res.Doc, src)
	es = append(es, boxEdits...)
	fnEdits, fn := footnotes(res.Doc, src, inline)
	es = append(es, fnEdits...)
	tableInline := append(append(edits(nil), inline...), fnEdits...).sorted() // ordinary tables' cells

	out := &hugoBody{render: make([]matrixRender, len(md.Matrices)), legendID: legendID, footnotes: fn, figures: figs, containers: containers}
	byTable := map[int]int{}
	for i, m := range md.Matrices {
		byTable[m.Table] = i
	}
	srcTables := res.Document().Tables()
	// the source table of each table of the AST: raw HTML tables of the
	// Markdown are source tables the AST holds as HTML
	srcIndex := make([]int, 0, len(rec.tables))
	for i, t := range srcTables {
		if !t.Raw {
			srcIndex = append(srcIndex, i)
		}
	}
	inAST := func(si int) bool {
		for _, x := range srcIndex {
			if x == si {
				return true
			}
		}
		return false
	}
	firstLetters := -1 // the first letter matrix the page renders
	for i, m := range md.Matrices {
		if (m.Kind == model.MatrixRACI || m.Kind == model.MatrixCheck) && inAST(m.Table) {
			firstLetters = i
			break
		}
	}
	legendTable := len(md.LegendTables) > 0 && inAST(md.LegendTables[0])
	// a legend written as paragraph lines: the legend takes their place,
	// as the extension's matrix part does
	if !legendTable && firstLetters >= 0 && legendID != "" {
		if from, to, ok := legendLines(md, src); ok {
			es = append(es, edit{start: from, stop: to, text: "\n{{< raci-legend >}}\n\n"})
			legendTable = true
		}
	}
	for ti, t := range rec.tables {
		si := -1
		if ti < len(srcIndex) {
			si = srcIndex[ti]
		}
		if t.stop <= t.start {
			continue
		}
		// blank lines around, so that Hugo reads the table or shortcode
		// as a block of its own; inside a block quote they keep its ">"
		pre := blankPrefix(boxes.dedent(t.prefix, t.around))
		blank := strings.TrimRight(pre, " ") + "\n"
		var text string
		switch mi, isMatrix := byTable[si]; {
		case isMatrix:
			out.render[mi] = t.render(src, inline, srcTables, si, md.Matrices[mi].TitleRow)
			letterRests(&md.Matrices[mi], &out.render[mi])
			if mi == firstLetters && !legendTable && legendID != "" {
				text = pre + "{{< raci-legend >}}\n" + blank
			}
			text += pre + fmt.Sprintf("{{< raci id=%q >}}\n", md.Matrices[mi].ID)
		case len(md.LegendTables) > 0 && md.LegendTables[0] == si:
			text = pre + "{{< raci-legend >}}\n"
		default:
			text = t.pipeTable(src, tableInline, pre)
		}
		es = append(es, edit{start: t.start, stop: t.stop, text: blank + text + blank})
	}
	body := es.sorted().apply(src, frontMatterEnd(src, res.Meta != nil), len(src))
	if fn != nil && len(fn.List) > 0 {
		body = strings.TrimRight(body, "\n") + "\n\n{{< raci-footnotes >}}\n"
	}
	out.markdown = strings.TrimLeft(collapseBlankLines(body), "\n")
	return out, nil
}

// render returns the source cells the raci shortcode renders for the
// matrix read from this table, as the extension's matrix part takes them;
// titled tells that the table's header row is its title, which the model
// made its caption (model.Matrix.TitleRow).
func (t *tableRec) render(src []byte, inline edits, srcTables []*source.Table, ti int, titled bool) matrixRender {
	var r matrixRender
	for _, row := range t.rows {
		cells := make([]cellJSON, 0, len(row))
		for _, c := range row {
			j := t.cellJSON(src, inline, c)
			j.Markup = c.markup
			cells = append(cells, j)
		}
		r.Cells = append(r.Cells, cells)
	}
	if ti < len(srcTables) && len(srcTables[ti].Header) == 0 && len(r.Cells) > 0 && len(r.Cells[0]) == 0 {
		r.Cells = r.Cells[1:] // an empty header row: the model used the first body row
	}
	if titled && len(r.Cells) > 0 {
		r.Cells = r.Cells[1:] // the title, in the caption: the first body row is the header
	}
	return r
}

// pipeTable writes the table as a GFM pipe table, one row per line, every
// row with leading and trailing pipes, followed by its attributes.
func (t *tableRec) pipeTable(src []byte, inline edits, prefix string) string {
	// Hugo's tables drop the cells of rows longer than the header, which
	// the extension keeps: such tables get empty header cells up to the
	// longest row, and the hook the true widths in mdraci-* attributes.
	width, header := 0, 0
	var lengths []string
	for ri, row := range t.rows {
		width = max(width, len(row))
		if ri == 0 {
			header = len(row)
		} else {
			lengths = append(lengths, strconv.Itoa(len(row)))
		}
	}
	var b strings.Builder
	for ri, row := range t.rows {
		b.WriteString(prefix + "|")
		for _, c := range row {
			b.WriteString(" " + strings.ReplaceAll(t.cellJSON(src, inline, c).markdown(), "\n", " ") + " |")
		}
		if ri == 0 {
			b.WriteString(strings.Repeat("  |", width-len(row)))
		}
		b.WriteByte('\n')
		if ri == 0 {
			b.WriteString(prefix + "|")
			for i := 0; i < width; i++ {
				a := east.AlignNone
				if i < len(t.node.Alignments) {
					a = t.node.Alignments[i]
				}
				switch a {
				case east.AlignLeft:
					b.WriteString(" :--- |")
				case east.AlignRight:
					b.WriteString(" ---: |")
				case east.AlignCenter:
					b.WriteString(" :---: |")
				default:
					b.WriteString(" --- |")
				}
			}
			b.WriteByte('\n')
		}
	}
	var extra []string
	if width > header {
		extra = []string{"mdraci-header-cells=" + quoteAttr(strconv.Itoa(header)), "mdraci-row-cells=" + quoteAttr(strings.Join(lengths, " "))}
	}
	if a := hugoAttributes(t.node, extra...); a != "" {
		b.WriteString(prefix + a + "\n")
	}
	return b.String()
}

// attributeEdits puts every block's attributes, as the extension applied
// them, in Hugo's syntax: {#id .class key="value"} at the end of heading
// lines, on the line after other blocks.
func attributeEdits(doc ast.Node, src []byte) edits {
	var es edits
	depth := 0
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if n.Kind() == ast.KindDocument {
			return ast.WalkContinue, nil
		}
		if n.Type() != ast.TypeBlock {
			return ast.WalkSkipChildren, nil
		}
		if !entering {
			depth--
			return ast.WalkContinue, nil
		}
		depth++
		switch n.Kind() {
		case east.KindTable, matrix.KindMatrix, matrix.KindLegend:
			depth--
			return ast.WalkSkipChildren, nil // written with the table
		case figure.KindFigure:
			depth--
			return ast.WalkSkipChildren, nil // written by the raci-figure shortcode
		case ast.KindHeading:
			if n.Lines().Len() > 0 {
				last := n.Lines().At(n.Lines().Len() - 1)
				eol := lineEnd(src, last.Stop)
				if eol > last.Stop && src[eol-1] == '\n' {
					eol--
				}
				if eol > last.Stop && src[eol-1] == '\r' {
					eol--
				}
				es = append(es, edit{start: last.Stop, stop: eol, text: " " + hugoAttributes(n)})
			}
			depth--
			return ast.WalkSkipChildren, nil
		case ast.KindFencedCodeBlock:
			if a := hugoAttributes(n); a != "" && n.Pos() >= 0 {
				eol := lineEnd(src, n.Pos())
				if eol > 0 && src[eol-1] == '\n' {
					eol--
				}
				es = append(es, edit{start: eol, stop: eol, text: " " + a})
			}
			depth--
			return ast.WalkSkipChildren, nil
		}
		if a := hugoAttributes(n); a != "" && n.Kind() != ast.KindListItem {
			if end := lastOffset(n); end >= 0 {
				at := lineEnd(src, max(end-1, 0))
				start := firstOffset(n)
				prefix := ""
				if n.Parent() != nil && n.Parent().Kind() != ast.KindDocument && start >= 0 {
					prefix = blankPrefix(string(src[lineStart(src, start):start]))
				}
				text := prefix + a + "\n"
				if at == len(src) && (at == 0 || src[at-1] != '\n') {
					text = "\n" + text
				}
				es = append(es, edit{start: at, stop: at, text: text, depth: depth})
			}
		}
		return ast.WalkContinue, nil
	})
	return es
}

// spanEdits removes the span attribute lists, which Hugo does not read. The
// attributes of a link or image written [text](url){: …} move into its
// title, as "title {.class key="value"}", where the theme's render-link and
// render-image hooks take them out again. A reference link with attributes
// is written inline, so that it has a title of its own to carry them.
func spanEdits(src []byte, spans []spanRec) edits {
	var es edits
	for _, sp := range spans {
		if span, ok := sp.list.Target.(*attributes.Span); ok {
			// text in brackets ("[New]{: .tag}"), which Hugo does not
			// read: a <span> as raw HTML, its attributes allowlisted by
			// the extension and escaped here
			if span.Close+1 == sp.at.start {
				es = append(es, edit{start: span.Open, stop: spanContent(src, span.Open+1), text: spanTag(span)},
					edit{start: span.Close, stop: sp.at.stop, text: "</span>"})
			}
			continue
		}
		if sp.target == nil {
			continue // the extension shows it as text
		}
		// the title as the extension renders it: a caption may have become it
		_, title, isLink := linkParts(sp.target)
		if !isLink {
			switch sp.target.(type) {
			case *ast.Emphasis, *ast.CodeSpan, *ast.AutoLink:
				es = append(es, sp.at) // Hugo has no way to keep these attributes
			}
			continue // else the extension shows it as text
		}
		es = append(es, sp.at)
		a := hugoAttributes(sp.target)
		end := sp.at.start // where the link ends
		if len(sp.title) == 0 && len(title) == 0 && a == "" {
			continue
		}
		if end == 0 || src[end-1] != ')' {
			t := rawTitle(title) // the definition's, or a caption, as Markdown
			if a != "" {
				t = strings.TrimSpace(t + " " + escapeTitle(a, '"'))
			}
			if e, ok := inlineReference(src, sp.target, end, t); ok {
				es = append(es, e)
			}
			continue
		}
		// the end of the title, or of the destination: before the ")"
		at := end - 1
		for at > 0 && (src[at-1] == ' ' || src[at-1] == '\t' || src[at-1] == '\n' || src[at-1] == '\r') {
			at--
		}
		switch {
		case len(sp.title) > 0 && a != "":
			// after the source's title, before its closing delimiter
			delim := src[at-1]
			if delim == ')' {
				delim = '('
			}
			es = append(es, edit{start: at - 1, stop: at - 1, text: " " + escapeTitle(a, delim)})
		case len(sp.title) > 0:
		case at >= 3 && emptyTitle(src[at-3:at]):
			// an empty title ("", '' or ()): the element's and the attributes in it
			es = append(es, edit{start: at - 2, stop: at, text: `"` + captionTitle(title, a) + `"`})
		default:
			// no title in the source: the one the element was given (an
			// image's caption, see package figure) and the attributes
			es = append(es, edit{start: end - 1, stop: end - 1, text: ` "` + captionTitle(title, a) + `"`})
		}
	}
	return es
}

// spanContent returns where the content of a bracketed span starts, from
// from (just after its "["): there, unless only blanks follow on the line.
// Then the content starts on the next line, after its block quote markers
// and indentation, and the start tag written in place of "[" up to it
// joins the lines: a start tag alone on a line would begin a raw HTML
// block, which Hugo writes out unsanitized and without reading its
// Markdown (code spans, escapes: "<img onerror…>" becomes live).
func spanContent(src []byte, from int) int {
	i := from
	for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	if i == len(src) || src[i] != '\n' && src[i] != '\r' {
		return from
	}
	if src[i] == '\r' && i+1 < len(src) && src[i+1] == '\n' {
		i++
	}
	i++
	for i < len(src) && (src[i] == ' ' || src[i] == '\t' || src[i] == '>') {
		i++
	}
	return i
}

// spanTag writes the start tag of a bracketed span: its attributes' values
// HTML-escaped, a "|" (which would end a table cell) and line breaks as
// character references.
func spanTag(n ast.Node) string {
	var b strings.Builder
	b.WriteString("<span")
	for _, a := range n.Attributes() {
		name := string(a.Name)
		if name == sanitizedAttr || !validAttrName(name) {
			continue
		}
		v := htmlEscaper.Replace(attrString(n, name))
		// "{{" as a reference too: Hugo would run "{{% … %}}" in it
		v = strings.NewReplacer("|", "&#124;", "\n", "&#10;", "\r", "&#13;", "{{", "&#123;{").Replace(v)
		fmt.Fprintf(&b, ` %s="%s"`, name, v)
	}
	b.WriteString(">")
	return b.String()
}

// referenceEdits writes every reference link and image ([text][label],
// [text][] or [label]) without a span attribute list (spanEdits writes
// those) inline: table cells, footnotes and figures are Markdown that
// Hugo renders apart from the page, without its definitions.
func referenceEdits(doc ast.Node, src []byte, spans []spanRec) edits {
	spanned := map[ast.Node]bool{}
	for _, sp := range spans {
		spanned[sp.target] = true
	}
	var es edits
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		_, title, isLink := linkParts(n)
		if !isLink || spanned[n] {
			return ast.WalkContinue, nil
		}
		if end := referenceEnd(n, src); end > 0 {
			if e, ok := inlineReference(src, n, end, rawTitle(title)); ok {
				es = append(es, e)
			}
		}
		return ast.WalkContinue, nil
	})
	return es
}

// linkParts returns the destination and title of n, a link or an image;
// ok is false for other nodes.
func linkParts(n ast.Node) (dest, title []byte, ok bool) {
	switch t := n.(type) {
	case *ast.Link:
		return t.Destination, t.Title, true
	case *ast.Image:
		return t.Destination, t.Title, true
	}
	return nil, nil, false
}

// referenceEnd returns where the source of link n ends when it is a
// reference, 0 when it is inline or where it is is not known: after the
// "]" closing its text, the "[label]" or "[]" that follows, if any.
func referenceEnd(n ast.Node, src []byte) int {
	last := -1 // the end of the text's last text
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			last = t.Segment.Stop
		}
		return ast.WalkContinue, nil
	})
	if last < 0 {
		return 0
	}
	i := last
	for i < len(src) && src[i] != ']' {
		if src[i] == '\\' {
			i++
		}
		i++
	}
	if i+1 >= len(src) {
		return min(i+1, len(src))
	}
	switch src[i+1] {
	case '(':
		return 0 // inline
	case '[':
		for j := i + 2; j < len(src); j++ {
			switch src[j] {
			case '\\':
				j++
			case ']':
				return j + 1
			case '[':
				return 0
			}
		}
		return 0
	}
	return i + 1
}

// captionTitle writes title (Markdown, as package figure makes a caption
// a title) and the Hugo attributes a as a title between double quotes.
func captionTitle(title []byte, a string) string {
	t := rawTitle(title)
	if a != "" {
		t = strings.TrimSpace(t + " " + escapeTitle(a, '"'))
	}
	return t
}

// emptyTitle reports whether b is a blank and an empty link title: two
// double quotes, two single quotes or "()".
func emptyTitle(b []byte) bool {
	if len(b) != 3 || (b[0] != ' ' && b[0] != '\t' && b[0] != '\n') {
		return false
	}
	t := string(b[1:])
	return t == `""` || t == "''" || t == "()"
}

// inlineReference writes a reference link or image n ([text][label],
// [text][] or [label]), whose source ends at end, as an inline one: its
// destination from the definition, and title (written for double quotes,
// "" for none). ok is false when the source does not end with the
// reference.
func inlineReference(src []byte, n ast.Node, end int, title string) (e edit, ok bool) {
	dest, _, isLink := linkParts(n)
	if !isLink || end <= 0 || end > len(src) || src[end-1] != ']' {
		return edit{}, false
	}
	// the label's "[": labels hold no unescaped brackets
	open := end - 2
	for open >= 0 && (src[open] != '[' || open > 0 && src[open-1] == '\\') {
		if src[open] == ']' && (open == 0 || src[open-1] != '\\') || src[open] == '\n' && open > 0 && src[open-1] == '\n' {
			return edit{}, false
		}
		open--
	}
	if open < 0 {
		return edit{}, false
	}
	var b strings.Builder
	b.WriteString("(<")
	writeRaw(&b, dest, func(c byte) string {
		switch c {
		case '\n':
			return "%0A"
		case '<', '>':
			return `\` + string(c)
		}
		return string(c)
	})
	b.WriteString(">")
	if title != "" {
		b.WriteString(` "` + title + `"`)
	}
	b.WriteString(")")
	if open > 0 && src[open-1] == ']' && (open < 2 || src[open-2] != '\\') {
		// [text][label] or [text][]: the label goes
		return edit{start: open, stop: end, text: b.String()}, true
	}
	// [label]: the destination follows it
	return edit{start: end, stop: end, text: b.String()}, true
}

// rawTitle makes a title as the source writes it (backslash escapes kept)
// fit between double quotes, on one line.
func rawTitle(t []byte) string {
	var b strings.Builder
	writeRaw(&b, t, func(c byte) string {
		switch c {
		case '"':
			return `\"`
		case '\n', '\r':
			return " " // in a heading or table cell, not a line break
		}
		return string(c)
	})
	return b.String()
}

// writeRaw writes s, Markdown as the source writes it, to b: its backslash
// escapes kept, a last backslash escaped (it is text), "|" escaped (in a
// table cell it would end the column), other bytes as other writes them.
func writeRaw(b *strings.Builder, s []byte, other func(c byte) string) {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' && i+1 < len(s):
			b.WriteByte(c)
			i++
			b.WriteByte(s[i])
		case c == '\\':
			b.WriteString(`\\`)
		case c == '|':
			b.WriteString(`\|`)
		default:
			b.WriteString(other(c))
		}
	}
}

// escapeTitle escapes s for a link title delimited by delim.
func escapeTitle(s string, delim byte) string {
	r := strings.NewReplacer(`\`, `\\`, string(delim), `\`+string(delim))
	if delim == '(' {
		r = strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`)
	}
	return r.Replace(s)
}

// blankPrefix keeps the block quote markers of a line prefix and blanks
// the rest (list markers become indentation).
func blankPrefix(p string) string {
	b := []byte(p)
	for i, c := range b {
		if c != '>' && c != '\t' {
			b[i] = ' '
		}
	}
	return string(b)
}

// hugoAttributes writes n's attributes as a Hugo attribute list, "" when it
// has none.
func hugoAttributes(n ast.Node, extra ...string) string {
	var parts []string
	if id := attrString(n, "id"); id != "" {
		parts = append(parts, "#"+id)
	}
	for _, c := range strings.Fields(attrString(n, "class")) {
		parts = append(parts, "."+c)
	}
	for _, a := range n.Attributes() {
		name := string(a.Name)
		if name == "id" || name == "class" || name == sanitizedAttr || !validAttrName(name) {
			continue // sanitizedAttr: the extension's own note, not an attribute
		}
		parts = append(parts, name+"="+quoteAttr(attrString(n, name)))
	}
	parts = append(parts, extra...)
	if len(parts) == 0 {
		return ""
	}
	// Hugo reads shortcodes before Markdown, attribute lists included
	return commentShortcodes("{" + strings.Join(parts, " ") + "}")
}

// quoteAttr quotes an attribute value as Hugo's (goldmark's) attribute
// parser reads it.
func quoteAttr(v string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", `\r`, "\t", `\t`).Replace(v) + `"`
}

// validAttrName reports whether Hugo's attribute parser reads name.
func validAttrName(name string) bool {
	if name == "" {
		return false
	}
	for i, c := range name {
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':'
		if !letter && (i == 0 || !(c >= '0' && c <= '9' || c == '.' || c == '-')) {
			return false
		}
	}
	return true
}

func attrString(n ast.Node, name string) string {
	v, ok := n.AttributeString(name)
	if !ok {
		return ""
	}
	switch s := v.(type) {
	case []byte:
		return string(s)
	case string:
		return s
	}
	return fmt.Sprint(v)
}

// rawHTML writes raw HTML as the extension does: keyword references
// resolved (values escaped) and, unless unsafe, sanitized; so a Hugo site
// may render it with markup.goldmark.renderer.unsafe.
func rawHTML(res *extension.Result, kw *keyword.Data, unsafe bool) edits {
	var es edits
	src := res.Source
	expand := func(b []byte) []byte {
		return []byte(keyword.Expand(string(b), func(path string) (string, bool) {
			v, err := kw.Resolve(path)
			return htmlEscaper.Replace(v), err == nil
		}))
	}
	_ = ast.Walk(res.Doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch v := n.(type) {
		case *ast.RawHTML:
			if v.Segments.Len() == 0 {
				return ast.WalkContinue, nil
			}
			start, stop := v.Segments.At(0).Start, v.Segments.At(v.Segments.Len()-1).Stop
			out, ok := v.AttributeString(sanitizedAttr)
			if b, isBytes := out.([]byte); ok && isBytes {
				es = append(es, edit{start: start, stop: stop, text: string(b)})
			} else {
				es = append(es, edit{start: start, stop: stop, text: string(expand(src[start:stop]))})
			}
		case *ast.HTMLBlock:
			var segs []text.Segment
			for i := 0; i < v.Lines().Len(); i++ {
				segs = append(segs, v.Lines().At(i))
			}
			if v.HasClosure() {
				segs = append(segs, v.ClosureLine)
			}
			if len(segs) == 0 {
				return ast.WalkContinue, nil
			}
			if out, ok := v.AttributeString(sanitizedAttr); ok {
				if b, isBytes := out.([]byte); isBytes {
					es = append(es, edit{start: segs[0].Start, stop: segs[len(segs)-1].Stop, text: strings.TrimRight(string(b), "\n") + "\n"})
					return ast.WalkContinue, nil
				}
			}
			var b bytes.Buffer
			for _, seg := range segs {
				b.Write(seg.Value(src))
			}
			out := expand(b.Bytes())
			if !unsafe {
				out = extension.Policy().SanitizeBytes(out)
			}
			es = append(es, edit{start: segs[0].Start, stop: segs[len(segs)-1].Stop, text: strings.TrimRight(string(out), "\n") + "\n"})
		}
		return ast.WalkContinue, nil
	})
	return es
}

// sanitizedAttr is the attribute the extension keeps, on raw HTML nodes
// (inline and blocks) that hold keyword references or were sanitized tag
// by tag, their output in: references resolved within the document's
// budget and, unless unsafe, sanitized.
const sanitizedAttr = "mdraci-sanitized"

var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;")

// shortcodeOpenRE matches what starts a shortcode call for Hugo.
var shortcodeOpenRE = regexp.MustCompile(`\{\{[<%]`)

// shortcodeCalls returns the [start, stop) of each shortcode call of src,
// as Hugo reads them within one block of Markdown: from "{{<" to the next
// ">}}" (from "{{%" to the next "%}}"), over lines but not over a blank
// line. An opener no call closes so is none: Hugo would fail on it (see
// shortcodeEscapes). Linear: the next closer and blank line are looked up
// once for each place they are passed.
func shortcodeCalls(src []byte) [][2]int {
	return callsOf(src, shortcodeOpenRE.FindAllIndex(src, -1))
}

// callsOf is shortcodeCalls given the openers of src (shortcodeOpenRE).
func callsOf(src []byte, opens [][]int) [][2]int {
	if len(opens) == 0 {
		return nil
	}
	blanks := blankLines(src)
	closers := map[byte]int{'<': -1, '%': -1} // the next closer found, by kind
	var out [][2]int
	b, at := 0, 0
	for _, o := range opens {
		start := o[0]
		if start < at {
			continue // inside the call before
		}
		kind := src[start+2]
		from := start + 3
		if c := closers[kind]; c < from && c != len(src) {
			end := ">}}"
			if kind == '%' {
				end = "%}}"
			}
			i := bytes.Index(src[from:], []byte(end))
			if i < 0 {
				closers[kind] = len(src) // none from here on
			} else {
				closers[kind] = from + i
			}
		}
		c := closers[kind]
		for b < len(blanks) && blanks[b] < from {
			b++
		}
		if c == len(src) || b < len(blanks) && blanks[b] < c {
			continue
		}
		at = c + 3
		out = append(out, [2]int{start, at})
	}
	return out
}

// blankLines returns the offsets of the line breaks that end a blank line
// or are followed by one: where a block of Markdown ends.
func blankLines(src []byte) []int {
	var out []int
	for i := bytes.IndexByte(src, '\n'); i >= 0; {
		j := i + 1
		for j < len(src) && (src[j] == ' ' || src[j] == '\t' || src[j] == '\r') {
			j++
		}
		if j < len(src) && src[j] == '\n' {
			out = append(out, i)
		}
		k := bytes.IndexByte(src[i+1:], '\n')
		if k < 0 {
			break
		}
		i += 1 + k
	}
	return out
}

// shortcodeEscapes returns the edits that keep Hugo from reading
// shortcodes (it reads them before Markdown) where the document has none:
// page for the page's Markdown, whose calls it writes in Hugo's comment
// form (code included) and whose openers no call closes it escapes in
// text; cells for the cells Hugo renders with RenderString, where the
// comment form shows as written: every opener in their text escaped.
// Written "{\{", an opener shows as "{{"; in code there is no escape, and
// an opener no call closes is left as written. Both are nil when src has
// no opener.
func shortcodeEscapes(doc ast.Node, src []byte) (page, cells edits) {
	opens := shortcodeOpenRE.FindAllIndex(src, -1)
	if len(opens) == 0 {
		return nil, nil
	}
	calls := callsOf(src, opens)
	for _, m := range calls {
		if call := string(src[m[0]:m[1]]); commented(call) != call {
			page = append(page, edit{start: m[0], stop: m[1], text: commented(call)})
		}
	}
	inText := textOutsideCode(doc)
	c := 0
	for _, o := range opens {
		if !inText(o[0]) || !inText(o[0]+1) {
			continue
		}
		e := edit{start: o[0], stop: o[0] + 2, text: `{\{`}
		cells = append(cells, e)
		for c < len(calls) && calls[c][1] <= o[0] {
			c++
		}
		if c == len(calls) || calls[c][0] > o[0] {
			page = append(page, e) // no call holds it
		}
	}
	return page, cells
}

// textOutsideCode returns whether a byte of src is in the text of doc
// outside code and raw HTML.
func textOutsideCode(doc ast.Node) func(at int) bool {
	var texts [][2]int // the segments of text outside code
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch v := n.(type) {
		case *ast.CodeSpan, *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock, *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if entering {
				texts = append(texts, [2]int{v.Segment.Start, v.Segment.Stop})
			}
		}
		return ast.WalkContinue, nil
	})
	sort.Slice(texts, func(i, j int) bool { return texts[i][0] < texts[j][0] })
	return func(at int) bool {
		i := sort.Search(len(texts), func(i int) bool { return texts[i][1] > at })
		return i < len(texts) && texts[i][0] <= at
	}
}

// commentShortcodes writes every shortcode call in s in Hugo's comment form,
// which Hugo shows as written ({{% x %}} becomes {{%/* x */%}}).
func commentShortcodes(s string) string {
	if !strings.Contains(s, "{{") {
		return s
	}
	var b strings.Builder
	at := 0
	for _, m := range shortcodeCalls([]byte(s)) {
		b.WriteString(s[at:m[0]])
		b.WriteString(commented(s[m[0]:m[1]]))
		at = m[1]
	}
	b.WriteString(s[at:])
	return b.String()
}

// commented returns the shortcode call sc ("{{< x >}}") in Hugo's comment
// form, sc itself when it is in it already.
func commented(sc string) string {
	if len(sc) < 6 {
		return sc
	}
	open, inner, end := sc[:3], sc[3:len(sc)-3], sc[len(sc)-3:]
	if strings.HasPrefix(inner, "/*") && strings.HasSuffix(inner, "*/") {
		return sc
	}
	return open + "/*" + inner + "*/" + end
}

// escapeMarkdown escapes what Markdown (and Hugo's shortcode delimiters)
// would read in text: the value shows as written.
func escapeMarkdown(s string) string {
	var b strings.Builder
	for _, c := range s {
		if c < 128 && strings.ContainsRune("\\`*_{}[]<>#|~&!", c) {
			b.WriteByte('\\')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// frontMatterEnd returns the offset after the front matter, 0 when none.
func frontMatterEnd(src []byte, has bool) int {
	if !has || !bytes.HasPrefix(src, []byte("---")) {
		return 0
	}
	at := lineEnd(src, 0)
	for at < len(src) {
		end := lineEnd(src, at)
		// from the first column, as the extension reads it: an
		// indented "---" is a line of a YAML block scalar
		line := strings.TrimRight(string(src[at:end]), " \t\r\n")
		if line == "---" || line == "..." {
			return end
		}
		at = end
	}
	return 0
}

// collapseBlankLines turns runs of blank lines into one.
func collapseBlankLines(s string) string {
	lines := strings.Split(s, "\n")
	out := lines[:0]
	blank := false
	for _, l := range lines {
		isBlank := strings.TrimSpace(l) == ""
		if isBlank && blank {
			continue
		}
		out = append(out, l)
		blank = isBlank
	}
	return strings.Join(out, "\n")
}

// addRecorder returns c's parser with the recorder added.
func addRecorder(c *extension.Converter) *recorder {
	r := &recorder{}
	c.Markdown().Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(r, 99)))
	return r
}

// legendLines returns the source span of the lines md's legend was read
// from when they are consecutive lines of text ("R | Responsible | …").
func legendLines(md *model.Document, src []byte) (from, to int, ok bool) {
	first, last := 0, 0
	for _, e := range md.Legend {
		if e.Derived || e.Line == 0 {
			return 0, 0, false
		}
		if first == 0 || e.Line < first {
			first = e.Line
		}
		last = max(last, e.Line)
	}
	if first == 0 || last-first+1 != len(md.Legend) {
		return 0, 0, false
	}
	lines := diag.NewLines(src)
	from = lines.Offset(first)
	return from, lineEnd(src, lines.Offset(last)), true
}

// restJSON is what a letter cell of a transposed table says besides its
// letters, as the matrix part shows it: plain text, or a footnote mark.
type restJSON struct {
	Text string `json:"text,omitempty"`
	Mark string `json:"mark,omitempty"`
}

// letterRests marks, in r's source cells, what the matrix part shows after
// a letter cell's letters (matrix.LetterCellRest); for a transposed table,
// which has no source cells, it writes them in r.Rests from the model's
// plain text.
func letterRests(m *model.Matrix, r *matrixRender) {
	if m.Transposed {
		for _, row := range m.Rows {
			for _, c := range m.Columns {
				a := row.Assignments[c.Party]
				if c.Role != model.ColParty || a == nil {
					continue
				}
				var rest restJSON
				rest.Text, rest.Mark = matrix.PlainRest(m.Kind, a)
				if rest == (restJSON{}) {
					continue
				}
				if r.Rests == nil {
					r.Rests = map[string]map[string]restJSON{}
				}
				if r.Rests[row.ID] == nil {
					r.Rests[row.ID] = map[string]restJSON{}
				}
				r.Rests[row.ID][c.Party] = rest
			}
		}
		return
	}
	for ri := range m.Rows {
		if ri+1 >= len(r.Cells) {
			return
		}
		cells := r.Cells[ri+1]
		for _, c := range m.Columns {
			if c.Role != model.ColParty || c.Index >= len(cells) {
				continue
			}
			a := m.Rows[ri].Assignments[c.Party]
			text, mark := matrix.LetterCellRest(m.Kind, a)
			cells[c.Index].LetterText, cells[c.Index].Mark = text, mark
			if text { // less the letters it starts with, drawn before it
				md := cells[c.Index].MD
				cells[c.Index].MD = md[matrix.LetterPrefix(md, a.Roles):]
				// letters on lines ("R \n A (on request)"): the lines of
				// letters go, the first other one loses its letters
				lines := cells[c.Index].Lines
				for len(lines) > 0 {
					n := matrix.LetterPrefix(lines[0], a.Roles)
					if n < len(lines[0]) {
						lines[0] = lines[0][n:]
						break
					}
					lines = lines[1:]
				}
				cells[c.Index].Lines = lines
			}
		}
	}
}
