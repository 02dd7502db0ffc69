package source

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"github.com/mdraci/mdraci/extension/diag"
	"github.com/mdraci/mdraci/extension/internal/plain"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Diagnostic codes reported by FromHTML.
const (
	codeHTMLSpan         = "html-span-expanded"
	codeHTMLSpanBudget   = "html-span-budget"
	codeHTMLBoldHeader   = "html-bold-header"
	codeHTMLHeaderRows   = "html-header-rows-combined"
	codeHTMLTitleRow     = "html-title-row"
	codeHTMLNestedTable  = "html-nested-table"
	codeHTMLParseFailure = "html-parse-failure"
	codeHTMLTooDeep      = "html-too-deep"
)

// Codes are the diagnostic codes the readers report.
var Codes = []diag.Code{
	{Code: codeTextIncompleteRow, Severity: diag.Warning, Summary: "plain text: a table's last row has fewer cells than its header"},
	{Code: codeTextInvalidUTF8, Severity: diag.Warning, Summary: "plain text: a line of invalid UTF-8"},
	{Code: codeHTMLParseFailure, Severity: diag.Error, Summary: "HTML: the page could not be parsed"},
	{Code: codeHTMLTooDeep, Severity: diag.Warning, Summary: "HTML: elements nested too deep; the deepest tags are ignored, their text kept"},
	{Code: codeHTMLSpan, Severity: diag.Info, Summary: "HTML: cells spanning several columns or rows, repeated to fill the grid"},
	{Code: codeHTMLSpanBudget, Severity: diag.Warning, Summary: "HTML: spans too large to expand; they are ignored"},
	{Code: codeHTMLBoldHeader, Severity: diag.Info, Summary: "HTML: a first row of bold cells taken as the header"},
	{Code: codeHTMLHeaderRows, Severity: diag.Info, Summary: "HTML: several header rows combined into one"},
	{Code: codeHTMLTitleRow, Severity: diag.Info, Summary: "HTML: a first row spanning the table, read as its caption"},
	{Code: codeHTMLNestedTable, Severity: diag.Info, Summary: "HTML: tables nested in a table, read as separate tables"},
}

// maxHTMLDepth is the element depth beyond which FromHTML ignores tags when
// the HTML parser refuses a document for nesting too deep (its limit is 512
// open elements).
const maxHTMLDepth = 128

// flattenDeep returns src with the start and end tags nested deeper than
// limit replaced by spaces (line breaks kept, so positions stay right), and
// how many tags it replaced. Depth is counted naively (no implied end tags),
// which is enough to bring a document the parser refused under its limit.
func flattenDeep(src []byte, limit int) ([]byte, int) {
	out := append([]byte(nil), src...)
	z := html.NewTokenizer(bytes.NewReader(src))
	depth, n, off := 0, 0, 0
	blank := func(raw []byte) {
		for i, c := range raw {
			if c != '\n' && c != '\r' {
				out[off+i] = ' '
			}
		}
		n++
	}
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out, n
		}
		raw := z.Raw()
		switch tt {
		case html.StartTagToken:
			name, _ := z.TagName()
			if !voidElements[string(name)] {
				depth++
				if depth > limit {
					blank(raw)
				}
			}
		case html.EndTagToken:
			if depth > limit {
				blank(raw)
			}
			depth = max(depth-1, 0)
		}
		off += len(raw)
	}
}

// voidElements are the elements without content or end tag.
var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true,
}

// FromHTML reads a saved web page or an HTML fragment (no <html> or <body>
// needed). Headings h1 to h6 become headings (Anchor is the id attribute);
// paragraphs, list items and loose text become paragraph lines; every
// <table> becomes a table:
//
//   - the header row comes from <thead>, else from leading rows of <th>
//     cells, else from a first row whose cells are all bold; several header
//     rows are combined column by column; a first row of one cell spanning
//     the table above a header row is its title, read as its caption
//     (after the <caption> it has);
//   - a <sup> holding digits or a mark reads as plain text writes it
//     ("Replace disks¹", "¹ Within 24 hours."), so that footnote marks
//     and their definitions read as the model reads them;
//   - Cell.Text is the cell's text with white space collapsed, Cell.Items one
//     piece per <li>, per <br>-separated piece, per block (<p>, <div>) or per
//     Markdown bullet line ("-   SAP") when the cell has several, and
//     Cell.Raw the cell's inner HTML;
//   - colspan and rowspan are expanded by repeating the cell, so that every
//     slot of the grid holds a cell (reported as an info diagnostic),
//     except in a body row of one cell spanning the table: the name of the
//     group of rows below it, kept as one cell; a rowspan ends with its row
//     group (<thead>, <tbody>, <tfoot>);
//   - a table nested in a cell is read as a table of its own, placed after
//     the table holding it; the outer cell's Text leaves it out (its Raw
//     keeps it);
//   - ID is the id attribute, Caption the <caption> text, Summary the text
//     of the aria-describedby targets or else the summary attribute, Attrs
//     the other attributes.
//
// The title is the <title> text, else the first level-1 heading. Positions
// are those of the elements' start tags (1-based line, byte column), found by
// matching the parsed elements against the tokenized source in order; they
// are approximate where the parser moved or invented elements (for example
// content misplaced inside a table). FromHTML never fails.
func FromHTML(file string, src []byte) (*Document, []diag.Diagnostic) {
	return fromHTML(file, src, nil)
}

// FromHTMLLines is FromHTML for a cleaned copy of a file in which some
// characters are longer than the byte of the file each stands for, as the
// U+FFFD replacing an invalid byte: lines is the line index of src with
// those characters marked (diag.Lines.Widen), and columns count the bytes
// of the file. A nil lines is FromHTML.
func FromHTMLLines(file string, src []byte, lines *diag.Lines) (*Document, []diag.Diagnostic) {
	var excess func(from, to int) int
	if lines != nil && lines.Excess(0, len(src)) > 0 {
		excess = lines.Excess
	}
	return fromHTML(file, src, excess)
}

// fromHTML is FromHTML; excess, when not nil, returns how many bytes src
// holds more than the file in offsets [from, to) (diag.Lines.Excess), for
// the columns to count the bytes of the file.
func fromHTML(file string, src []byte, excess func(from, to int) int) (*Document, []diag.Diagnostic) {
	r := &htmlReader{
		doc:       &Document{File: file, Format: "html"},
		src:       src,
		excess:    excess,
		listIdx:   -1,
		described: make(map[*html.Node]string),
	}
	gq, err := goquery.NewDocumentFromReader(bytes.NewReader(src))
	if err != nil {
		// the parser refuses elements nested over 512 deep: read the
		// document again with the deepest tags blanked out, their text kept
		if flat, n := flattenDeep(src, maxHTMLDepth); n > 0 {
			if gq, err = goquery.NewDocumentFromReader(bytes.NewReader(flat)); err == nil {
				r.diag(diag.Warning, fmt.Sprintf("elements nest deeper than %d; %d tags below that depth were ignored, their text kept",
					maxHTMLDepth, n), Pos{Line: 1, Col: 1}, codeHTMLTooDeep)
			}
		}
	}
	if err != nil || gq == nil || len(gq.Nodes) == 0 {
		msg := "cannot parse HTML"
		if err != nil {
			msg += ": " + err.Error()
		}
		r.diag(diag.Error, msg, Pos{Line: 1, Col: 1}, codeHTMLParseFailure)
		return r.doc, r.diags
	}
	root := gq.Nodes[0]
	r.locate(root)
	r.visitChildren(root, htmlCtx{})
	r.flush(htmlCtx{})
	gq.Find("title").EachWithBreak(func(_ int, t *goquery.Selection) bool {
		if t.Nodes[0].Namespace != "" { // an SVG or MathML title
			return true
		}
		r.doc.Title = cleanText(t.Text())
		return false
	})
	if r.doc.Title == "" {
		for _, b := range r.doc.Blocks {
			if b.Kind == KindHeading && b.Heading.Level == 1 {
				r.doc.Title = b.Heading.Text
				break
			}
		}
	}
	return r.doc, r.diags
}

type htmlReader struct {
	doc   *Document
	diags []diag.Diagnostic
	src   []byte

	// excess counts the bytes src holds more than the file (see
	// fromHTML); nil when src is the file's bytes
	excess func(from, to int) int

	lineStarts []int                 // byte offsets of the starts of lines
	pos        map[*html.Node]Pos    // start tag (or text) positions
	ids        map[string]*html.Node // elements by id
	described  map[*html.Node]string // text of aria-describedby targets read so far

	runs    []htmlRun // inline content waiting for a block boundary
	listIdx int       // index in doc.Blocks of the open list paragraph, -1 for none
}

// htmlRun is a piece of inline content: text or a line break.
type htmlRun struct {
	text string
	pos  Pos // position of the text node, zero when unknown
	br   bool
}

// htmlCtx is the block context of the content being walked.
type htmlCtx struct {
	leaf   *html.Node // innermost paragraph-like element, nil for loose text
	inList bool       // inside li, dd or dt
	lists  int        // depth of ul/ol/dl/menu
}

func (r *htmlReader) diag(sev diag.Severity, msg string, p Pos, code string) {
	r.diags = append(r.diags, newDiag(r.doc.File, sev, msg, p, code))
}

// ---------------------------------------------------------------------------
// Positions

// posTag is one start tag or non-blank text token of the source.
type posTag struct {
	name   string // tag name, "" for text
	prefix string // for text: the first bytes of the trimmed unescaped text
	off    int
	used   bool
}

// locatedTags are the elements whose start tags are searched for.
var locatedTags = map[string]bool{
	"table": true, "caption": true, "tr": true, "td": true, "th": true,
	"p": true, "li": true, "dd": true, "dt": true, "pre": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"title": true, "blockquote": true, "figcaption": true, "summary": true,
}

// posWindow is how many tokens forward (or back) an element's start tag is
// looked for; it bounds the work when the parser invented elements.
const posWindow = 64

const prefixLen = 12

// locate computes the position of every located element and non-blank text
// node of the tree rooted at root, and indexes elements by id.
func (r *htmlReader) locate(root *html.Node) {
	// Lines end at "\n", "\r\n" or a lone "\r", as in FromText (and as the
	// HTML tokenizer normalizes them).
	r.lineStarts = []int{0}
	for i, c := range r.src {
		if c == '\n' || c == '\r' && (i+1 == len(r.src) || r.src[i+1] != '\n') {
			r.lineStarts = append(r.lineStarts, i+1)
		}
	}
	var toks []posTag
	z := html.NewTokenizer(bytes.NewReader(r.src))
	off := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		start := off
		off += len(raw)
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			if locatedTags[string(name)] {
				toks = append(toks, posTag{name: string(name), off: start})
			}
		case html.TextToken:
			lead := len(raw) - len(bytes.TrimLeft(raw, " \t\r\n\f"))
			if lead == len(raw) {
				continue
			}
			t := strings.TrimLeft(string(z.Text()), " \t\r\n\f")
			if len(t) > prefixLen {
				t = t[:prefixLen]
			}
			// the text's position is its first non-blank byte's: the
			// parser drops leading white space in places (before <html>)
			toks = append(toks, posTag{prefix: t, off: start + lead})
		}
	}
	r.pos = make(map[*html.Node]Pos)
	r.ids = make(map[string]*html.Node)
	ci := 0
	match := func(n *html.Node, name, text string) {
		ok := func(t *posTag) bool {
			if t.used || t.name != name {
				return false
			}
			if name == "" {
				return strings.HasPrefix(text, t.prefix) || strings.HasPrefix(t.prefix, text)
			}
			return true
		}
		found := -1
		for j := ci; j < len(toks) && j < ci+posWindow; j++ {
			if ok(&toks[j]) {
				found = j
				break
			}
			// A cell before any <tr>: the parser invented the row.
			if name == "tr" && !toks[j].used && (toks[j].name == "td" || toks[j].name == "th") {
				break
			}
		}
		if found < 0 {
			for j := max(0, ci-posWindow); j < ci && j < len(toks); j++ {
				if ok(&toks[j]) {
					found = j
					break
				}
			}
		}
		if found < 0 {
			return
		}
		toks[found].used = true
		r.pos[n] = r.posAt(toks[found].off)
		if found >= ci {
			ci = found + 1
		}
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.ElementNode:
			if locatedTags[n.Data] && n.Namespace == "" {
				match(n, n.Data, "")
			}
			if id := attr(n, "id"); id != "" {
				if _, dup := r.ids[id]; !dup {
					r.ids[id] = n
				}
			}
		case html.TextNode:
			t := strings.TrimLeft(n.Data, " \t\r\n\f")
			if t != "" {
				if len(t) > prefixLen {
					t = t[:prefixLen]
				}
				match(n, "", t)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
}

// posAt converts a byte offset to a Pos, its column counting the bytes of
// the file (see fromHTML).
func (r *htmlReader) posAt(off int) Pos {
	i := sort.Search(len(r.lineStarts), func(i int) bool { return r.lineStarts[i] > off }) - 1
	if i < 0 {
		i = 0
	}
	col := off - r.lineStarts[i] + 1
	if r.excess != nil {
		col -= r.excess(r.lineStarts[i], off)
	}
	return Pos{Line: i + 1, Col: col}
}

// ---------------------------------------------------------------------------
// Blocks

// skippedTags hold no document text.
var skippedTags = map[string]bool{
	"head": true, "script": true, "style": true, "noscript": true, "template": true,
	"svg": true, "math": true, "iframe": true, "object": true, "embed": true,
	"canvas": true, "audio": true, "video": true, "select": true, "button": true,
	"input": true, "textarea": true, "title": true,
}

// leafTags are paragraph-like elements: their text is one paragraph line
// (or several, split at <br>).
var leafTags = map[string]bool{
	"p": true, "li": true, "dd": true, "dt": true, "pre": true, "figcaption": true,
	"summary": true, "address": true, "legend": true, "caption": true,
}

// listTags hold list items.
var listTags = map[string]bool{"ul": true, "ol": true, "dl": true, "menu": true}

// blockTags are containers whose boundaries end a paragraph.
var blockTags = map[string]bool{
	"html": true, "body": true, "div": true, "section": true, "article": true,
	"main": true, "header": true, "footer": true, "nav": true, "aside": true,
	"form": true, "figure": true, "blockquote": true, "details": true,
	"fieldset": true, "center": true, "hr": true, "hgroup": true, "dialog": true,
}

func headingLevel(n *html.Node) int {
	switch n.DataAtom {
	case atom.H1:
		return 1
	case atom.H2:
		return 2
	case atom.H3:
		return 3
	case atom.H4:
		return 4
	case atom.H5:
		return 5
	case atom.H6:
		return 6
	}
	return 0
}

func (r *htmlReader) visitChildren(n *html.Node, ctx htmlCtx) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.visit(c, ctx)
	}
}

func (r *htmlReader) visit(n *html.Node, ctx htmlCtx) {
	switch n.Type {
	case html.TextNode:
		r.runs = append(r.runs, htmlRun{text: n.Data, pos: r.pos[n]})
		return
	case html.ElementNode:
	case html.DocumentNode:
		r.visitChildren(n, ctx)
		return
	default:
		return
	}
	if n.Namespace != "" || skippedTags[n.Data] {
		return
	}
	tag := n.Data
	switch {
	case tag == "br":
		r.runs = append(r.runs, htmlRun{br: true})
	case tag == "sup" && supText(n) != "":
		r.runs = append(r.runs, htmlRun{text: supText(n), pos: r.pos[n]})
	case tag == "table":
		r.flush(ctx)
		r.listIdx = -1
		r.table(n)
	case headingLevel(n) > 0:
		r.flush(ctx)
		r.listIdx = -1
		var nested []*html.Node // tables inside the heading, read after it
		r.appendBlock(Block{Kind: KindHeading, Heading: &Heading{
			Level:  headingLevel(n),
			Text:   strings.Join(r.pieces(n, &nested).list, " "),
			Anchor: validUTF8(attr(n, "id")),
			Pos:    r.pos[n],
		}}, false)
		for _, t := range nested {
			r.table(t)
		}
	case leafTags[tag]:
		r.flush(ctx)
		inner := ctx
		inner.leaf = n
		inner.inList = ctx.inList || tag == "li" || tag == "dd" || tag == "dt"
		r.visitChildren(n, inner)
		r.flush(inner)
	case listTags[tag]:
		r.flush(ctx)
		inner := ctx
		inner.lists++
		r.visitChildren(n, inner)
		r.flush(inner)
		if ctx.lists == 0 {
			r.listIdx = -1
		}
	case blockTags[tag]:
		r.flush(ctx)
		r.visitChildren(n, ctx)
		r.flush(ctx)
	default:
		r.visitChildren(n, ctx)
	}
}

// appendBlock appends b; list tells whether b is an open list paragraph that
// following list items may extend.
func (r *htmlReader) appendBlock(b Block, list bool) {
	r.doc.Blocks = append(r.doc.Blocks, b)
	if list {
		r.listIdx = len(r.doc.Blocks) - 1
	} else if r.listIdx >= 0 {
		r.listIdx = -1
	}
}

// flush turns the pending inline runs into paragraph lines.
func (r *htmlReader) flush(ctx htmlCtx) {
	runs := r.runs
	r.runs = r.runs[:0]
	if len(runs) == 0 {
		return
	}
	if ctx.leaf != nil {
		r.flushLeaf(ctx, runs)
		return
	}
	// Loose text: one line per source line, blank lines end paragraphs.
	var lines []Line
	var b strings.Builder
	var cur Pos
	end := func() {
		if t := cleanText(b.String()); t != "" {
			lines = append(lines, Line{Text: t, Pos: cur})
		} else if len(lines) > 0 {
			r.appendBlock(Block{Kind: KindParagraph, Lines: lines}, false)
			lines = nil
		}
		b.Reset()
		cur = Pos{}
	}
	for _, run := range runs {
		if run.br {
			end()
			continue
		}
		parts := strings.Split(run.text, "\n")
		first := firstNonBlank(parts) // the part run.pos is the position of
		for k, part := range parts {
			if k > 0 {
				end()
			}
			if cur.Line == 0 && strings.TrimSpace(part) != "" && run.pos.Line > 0 {
				cur = Pos{Line: min(run.pos.Line+k-first, len(r.lineStarts)), Col: leadCol(part)}
				if k == first {
					cur.Col = run.pos.Col
				}
			}
			b.WriteString(part)
		}
	}
	end()
	if len(lines) > 0 {
		r.appendBlock(Block{Kind: KindParagraph, Lines: lines}, false)
	}
}

// firstNonBlank returns the index of the first part holding more than
// white space, 0 when none does.
func firstNonBlank(parts []string) int {
	for k, p := range parts {
		if strings.TrimSpace(p) != "" {
			return k
		}
	}
	return 0
}

func (r *htmlReader) flushLeaf(ctx htmlCtx, runs []htmlRun) {
	// The first line is at the element's start tag, a line after a <br>
	// at its text; either falls back on the other when unknown.
	var lines []Line
	var b strings.Builder
	leaf := r.pos[ctx.leaf]
	var text Pos // position of the current line's first text
	end := func() {
		if t := cleanText(b.String()); t != "" {
			p := text
			if len(lines) == 0 && leaf.Line > 0 || p.Line == 0 {
				p = leaf
			}
			lines = append(lines, Line{Text: t, Pos: p})
			if leaf.Line == 0 {
				leaf = p
			}
		}
		b.Reset()
		text = Pos{}
	}
	for _, run := range runs {
		if run.br {
			end()
			continue
		}
		if text.Line == 0 && strings.TrimSpace(run.text) != "" {
			text = run.pos
		}
		b.WriteString(run.text)
	}
	end()
	if len(lines) == 0 {
		return
	}
	if ctx.inList && r.listIdx >= 0 && r.listIdx == len(r.doc.Blocks)-1 {
		last := &r.doc.Blocks[r.listIdx]
		last.Lines = append(last.Lines, lines...)
		return
	}
	r.appendBlock(Block{Kind: KindParagraph, Lines: lines}, ctx.inList)
}

// ---------------------------------------------------------------------------
// Tables

// maxSpan caps colspan and rowspan (HTML caps colspan at 1000).
const maxSpan = 1000

// htmlRow is a table row before span expansion.
type htmlRow struct {
	node  *html.Node
	head  bool // in <thead>
	cells []*html.Node
	// group numbers the row group (<thead>, <tbody>, <tfoot>) holding
	// the row: a rowspan ends with its group
	group int
}

func (r *htmlReader) table(n *html.Node) {
	t := &Table{ID: validUTF8(attr(n, "id")), Pos: r.pos[n]}
	for _, a := range n.Attr {
		if a.Namespace != "" || a.Key == "id" || a.Key == "summary" {
			continue
		}
		if t.Attrs == nil {
			t.Attrs = make(map[string]string)
		}
		t.Attrs[validUTF8(a.Key)] = validUTF8(a.Val)
	}
	var nested []*html.Node
	rows := r.tableRows(n, t, &nested)
	t.Summary = r.summary(n)
	if len(rows) > 1 && sectionRow(rows[0]) && spanAttr(rows[0].cells[0], "rowspan", 1) == 1 && headerRow(rows[1]) {
		// a title row, one cell across the table above its header row:
		// the table's caption (after the one it has), not a part of
		// every column's name. (Above body rows, it is the header.)
		c := r.cell(rows[0].cells[0], &nested)
		if c.Text != "" && c.Text != t.Caption {
			t.Caption = strings.TrimSpace(t.Caption + " " + c.Text)
		}
		r.diag(diag.Info, "first table row spans the table: read as its caption", c.Pos, codeHTMLTitleRow)
		rows = rows[1:]
	}

	// Header rows: <thead>, else leading rows of <th>, else a bold first row.
	nh := 0
	for nh < len(rows) && rows[nh].head {
		nh++
	}
	if nh == 0 {
		for nh < len(rows) && len(rows[nh].cells) > 0 && allTH(rows[nh].cells) &&
			(nh == 0 || !sectionRow(rows[nh])) {
			nh++
		}
		if nh == len(rows) && nh > 1 {
			nh = 1 // a table of <th> only: its first row is the header
		}
	}
	bold := nh == 0 && len(rows) > 1 && boldRow(rows[0].cells)
	if bold {
		nh = 1
	}

	grid, spans, firstSpan := r.expand(rows, nh, &nested)
	if spans > 0 {
		r.diag(diag.Info, fmt.Sprintf("%d cell(s) spanning several columns or rows were repeated to fill the grid", spans),
			firstSpan, codeHTMLSpan)
	}
	if bold {
		r.diag(diag.Info, "first table row taken as the header: all its cells are bold",
			grid[0].Pos, codeHTMLBoldHeader)
	}
	if nh > 0 {
		t.Header = combineHeader(grid[:nh])
		if nh > 1 {
			r.diag(diag.Info, fmt.Sprintf("%d header rows combined into one", nh), grid[0].Pos, codeHTMLHeaderRows)
		}
		if t.Header == nil {
			t.Header = []Cell{}
		}
	}
	t.Rows = grid[nh:]
	if len(grid) > 0 && grid[0].Pos.Line > 0 {
		t.Pos = grid[0].Pos
	}
	r.appendBlock(Block{Kind: KindTable, Table: t}, false)
	if len(nested) > 0 {
		r.diag(diag.Info, fmt.Sprintf("%d nested table(s) read as separate tables", len(nested)), t.Pos, codeHTMLNestedTable)
	}
	for _, c := range nested {
		r.table(c)
	}
}

// tableRows returns the rows of the table n in the order a browser shows
// them: <tfoot> rows last, wherever the <tfoot> is written. It sets the
// table's caption; the text of a second <caption> (which the parser keeps)
// is added to the first's.
func (r *htmlReader) tableRows(n *html.Node, t *Table, nested *[]*html.Node) []htmlRow {
	var rows, foot []htmlRow
	group := 0
	addRow := func(to *[]htmlRow, tr *html.Node, head bool) {
		row := htmlRow{node: tr, head: head, group: group}
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && (c.DataAtom == atom.Td || c.DataAtom == atom.Th) {
				row.cells = append(row.cells, c)
			}
		}
		*to = append(*to, row)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.DataAtom {
		case atom.Caption:
			if s := strings.Join(r.pieces(c, nested).list, " "); s != "" {
				t.Caption = strings.TrimSpace(t.Caption + " " + s)
			}
		case atom.Thead, atom.Tbody, atom.Tfoot:
			to := &rows
			if c.DataAtom == atom.Tfoot {
				to = &foot
			}
			group++
			for tr := c.FirstChild; tr != nil; tr = tr.NextSibling {
				if tr.Type == html.ElementNode && tr.DataAtom == atom.Tr {
					addRow(to, tr, c.DataAtom == atom.Thead)
				}
			}
			group++
		case atom.Tr:
			addRow(&rows, c, false)
		}
	}
	return append(rows, foot...)
}

// summary returns the text of the aria-describedby targets of the table n,
// else its summary attribute.
func (r *htmlReader) summary(n *html.Node) string {
	var parts []string
	seen := make(map[*html.Node]bool)
	for _, id := range strings.Fields(attr(n, "aria-describedby")) {
		if target := r.ids[id]; target != nil && target != n && !seen[target] {
			seen[target] = true
			s, ok := r.described[target]
			if !ok {
				s = r.plain(target)
				r.described[target] = s
			}
			if s != "" {
				parts = append(parts, s)
			}
		}
	}
	if len(parts) > 0 {
		return strings.Join(parts, " ")
	}
	return cleanText(attr(n, "summary"))
}

// expand reads the cells of rows and expands colspan and rowspan so that
// every slot of the grid holds a cell. It returns the rows, the number of
// spanning cells and the position of the first. A section row after the
// nh header rows (one cell across the table, naming the group of rows
// below it) stays one cell: repeated, its name would read as every
// party's assignment.
func (r *htmlReader) expand(rows []htmlRow, nh int, nested *[]*html.Node) (grid []Row, spans int, first Pos) {
	var pending []carry // by column
	total := 0
	for _, hr := range rows {
		total += len(hr.cells)
	}
	budget := 10*total + 10000 // cells the expansion may add
	budgetHit := false
	groupEnd := len(rows) // the end of the row group of the row being read
	for ri, hr := range rows {
		row := Row{Pos: r.pos[hr.node]}
		if ri == 0 || hr.group != rows[ri-1].group {
			// a new row group: the spans of the last one end there
			pending = pending[:0]
			groupEnd = ri + 1
			for groupEnd < len(rows) && rows[groupEnd].group == hr.group {
				groupEnd++
			}
		}
		if ri >= nh && sectionRow(hr) && spanAttr(hr.cells[0], "rowspan", 1) == 1 && !carrying(pending) {
			c := r.cell(hr.cells[0], nested)
			if row.Pos.Line == 0 {
				row.Pos = c.Pos
			}
			row.Cells = []Cell{c}
			grid = append(grid, row)
			continue
		}
		col := 0
		fill := func() {
			for col < len(pending) && pending[col].left > 0 {
				row.Cells = append(row.Cells, pending[col].cell)
				pending[col].left--
				col++
			}
		}
		for _, td := range hr.cells {
			fill()
			c := r.cell(td, nested)
			if row.Pos.Line == 0 {
				row.Pos = c.Pos
			}
			cs := spanAttr(td, "colspan", 1)
			rs := spanAttr(td, "rowspan", 1)
			if rs == 0 { // to the end of its row group
				rs = groupEnd - ri
			}
			rs = min(rs, groupEnd-ri)
			if cs > 1 || rs > 1 {
				if spans == 0 {
					first = c.Pos
				}
				spans++
			}
			if extra := (cs - 1) + (cs * (rs - 1)); extra > budget {
				if !budgetHit {
					r.diag(diag.Warning, "table spans too large to expand; spans ignored from here", c.Pos, codeHTMLSpanBudget)
					budgetHit = true
				}
				cs, rs = 1, 1
			} else {
				budget -= extra
			}
			for k := 0; k < cs; k++ {
				row.Cells = append(row.Cells, c)
				if rs > 1 {
					for len(pending) <= col {
						pending = append(pending, carry{})
					}
					pending[col] = carry{cell: c, left: rs - 1}
				}
				col++
			}
		}
		// Cells carried down from rows above, after the row's own cells;
		// a gap before a carried cell becomes an empty cell.
		for col < len(pending) {
			if pending[col].left > 0 {
				fill()
				continue
			}
			more := false
			for _, p := range pending[col:] {
				if p.left > 0 {
					more = true
					break
				}
			}
			if !more {
				break
			}
			row.Cells = append(row.Cells, Cell{Pos: row.Pos})
			col++
		}
		grid = append(grid, row)
	}
	return grid, spans, first
}

// carry is a cell spanning rows, carried down to the rows below: left
// more of them.
type carry struct {
	cell Cell
	left int
}

// carrying reports whether a cell of a row above spans into the next row.
func carrying(pending []carry) bool {
	for _, p := range pending {
		if p.left > 0 {
			return true
		}
	}
	return false
}

// spanAttr returns the colspan or rowspan of a cell, def when absent or
// invalid, capped at maxSpan.
func spanAttr(n *html.Node, key string, def int) int {
	v := strings.TrimSpace(attr(n, key))
	if v == "" {
		return def
	}
	// Browsers read the leading digits.
	end := 0
	for end < len(v) && v[end] >= '0' && v[end] <= '9' {
		end++
	}
	k, err := strconv.Atoi(v[:end])
	if err != nil || k < 0 {
		return def
	}
	if k == 0 && key == "colspan" {
		return 1
	}
	return min(k, maxSpan)
}

// combineHeader merges header rows column by column: distinct texts of a
// column are joined by a space.
func combineHeader(rows []Row) []Cell {
	if len(rows) == 1 {
		return rows[0].Cells
	}
	width := 0
	for _, row := range rows {
		width = max(width, len(row.Cells))
	}
	out := make([]Cell, width)
	for col := range out {
		var texts, raws []string
		for _, row := range rows {
			if col >= len(row.Cells) {
				continue
			}
			c := row.Cells[col]
			if out[col].Pos.Line == 0 {
				out[col].Pos = c.Pos
			}
			if c.Text != "" && (len(texts) == 0 || texts[len(texts)-1] != c.Text) {
				texts = append(texts, c.Text)
				raws = append(raws, c.Raw)
			}
		}
		out[col].Text = strings.Join(texts, " ")
		out[col].Raw = strings.Join(raws, "\n")
	}
	return out
}

// sectionRow tells whether a row is one cell spanning several columns, as
// the row naming a group of the rows below it ("Compute", "Storage"): after
// a header row of <th> cells, such a row of one <th> is a body row, not a
// second header row.
func sectionRow(hr htmlRow) bool {
	return len(hr.cells) == 1 && spanAttr(hr.cells[0], "colspan", 1) > 1
}

// headerRow reports whether a row reads as a header row of several
// columns: in <thead>, of <th> cells, or of bold ones.
func headerRow(hr htmlRow) bool {
	return len(hr.cells) > 1 && (hr.head || allTH(hr.cells) || boldRow(hr.cells))
}

func allTH(cells []*html.Node) bool {
	for _, c := range cells {
		if c.DataAtom != atom.Th {
			return false
		}
	}
	return true
}

// boldRow tells whether a row has at least two cells and all its non-empty
// cells hold only bold text (<strong>, <b>).
func boldRow(cells []*html.Node) bool {
	if len(cells) < 2 {
		return false
	}
	bold := 0
	for _, c := range cells {
		switch isBold(c, false) {
		case 0:
			return false
		case 2:
			bold++
		}
	}
	return bold > 0
}

// isBold returns 0 when n holds text outside bold elements, 1 when it holds
// no text, 2 when all its text is bold.
func isBold(n *html.Node, in bool) int {
	res := 1
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			if strings.TrimSpace(c.Data) != "" {
				if !in {
					return 0
				}
				res = 2
			}
		case html.ElementNode:
			b := in || c.DataAtom == atom.Strong || c.DataAtom == atom.B
			switch isBold(c, b) {
			case 0:
				return 0
			case 2:
				res = 2
			}
		}
	}
	return res
}

// cell reads one td or th.
func (r *htmlReader) cell(n *html.Node, nested *[]*html.Node) Cell {
	pc := r.pieces(n, nested)
	c := Cell{Text: strings.Join(pc.list, " "), Pos: r.pos[n]}
	if len(pc.list) > 1 || (pc.isList && len(pc.list) > 0) {
		c.Items = pc.list
	}
	var b bytes.Buffer
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		_ = html.Render(&b, k)
	}
	c.Raw = validUTF8(b.String())
	return c
}

// cellPieces is the text of an element cut into pieces.
type cellPieces struct {
	list   []string
	isList bool // the pieces are list items (<li> or bullet lines)
	cur    *strings.Builder
	filled bool // cur holds more than white space
}

// supText returns the text of a <sup> holding a footnote mark or a
// number as plain text writes it (plain.Mark: "<sup>1</sup>",
// "<sup><a href="#fn1">1</a></sup>": "¹"); "" for anything else, read as
// ordinary text. A mark so written ends a cell as Markdown's do, and the
// model lifts it.
func supText(n *html.Node) string {
	var b strings.Builder
	var collect func(n *html.Node) bool
	collect = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil && b.Len() <= 16; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				b.WriteString(c.Data)
			case html.ElementNode:
				if c.Namespace != "" || skippedTags[c.Data] || !collect(c) {
					return false
				}
			}
		}
		return b.Len() <= 16 // longer: no mark
	}
	if !collect(n) {
		return ""
	}
	return plain.Mark(b.String())
}

// plain returns the text of n with white space collapsed, nested tables left
// out.
func (r *htmlReader) plain(n *html.Node) string {
	return strings.Join(r.pieces(n, nil).list, " ")
}

func (p *cellPieces) end() {
	if t := cleanText(p.cur.String()); t != "" {
		p.list = append(p.list, t)
	}
	p.cur.Reset()
	p.filled = false
}

// pieces cuts the text of n into pieces at <br>, list items, blocks and
// Markdown bullet lines. Nested tables are left out and appended to nested
// (when nested is nil they are skipped).
func (r *htmlReader) pieces(n *html.Node, nested *[]*html.Node) cellPieces {
	p := cellPieces{cur: new(strings.Builder)}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				p.text(c.Data)
			case html.ElementNode:
				if c.Namespace != "" || skippedTags[c.Data] {
					continue
				}
				switch {
				case c.DataAtom == atom.Table:
					p.end()
					if nested != nil {
						*nested = append(*nested, c)
					}
				case c.DataAtom == atom.Br:
					p.end()
				case c.DataAtom == atom.Sup && supText(c) != "":
					p.write(supText(c)) // "Replace disks¹": a mark the model lifts
				case c.DataAtom == atom.Li:
					p.isList = true
					p.end()
					walk(c)
					p.end()
				case leafTags[c.Data] || listTags[c.Data] || blockTags[c.Data] || headingLevel(c) > 0:
					p.end()
					walk(c)
					p.end()
				default:
					walk(c)
				}
			}
		}
	}
	walk(n)
	p.end()
	return p
}

// text adds the text of a text node, starting a new piece at every line
// that starts with a bullet ("- ", "* ", "+ ", "• ").
func (p *cellPieces) text(s string) {
	if !strings.ContainsAny(s, "-*+•") {
		p.write(s)
		return
	}
	for k, line := range strings.Split(s, "\n") {
		if k > 0 {
			p.cur.WriteByte('\n')
		}
		if rest, ok := cutBullet(line); ok && (k > 0 || !p.filled) {
			p.end()
			p.isList = true
			line = rest
		}
		p.write(line)
	}
}

func (p *cellPieces) write(s string) {
	p.cur.WriteString(s)
	if !p.filled && strings.TrimSpace(s) != "" {
		p.filled = true
	}
}

// cutBullet removes a leading list marker followed by white space.
func cutBullet(line string) (string, bool) {
	t := strings.TrimLeft(line, " \t")
	for _, m := range []string{"-", "*", "+", "•"} {
		if rest, ok := strings.CutPrefix(t, m); ok && rest != "" && (rest[0] == ' ' || rest[0] == '\t') {
			return rest, true
		}
	}
	return line, false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

func validUTF8(s string) string {
	return strings.ToValidUTF8(s, "\uFFFD")
}
