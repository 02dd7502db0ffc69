package attributes

import (
	"bytes"
	"sync"

	"github.com/mdraci/mdraci/extension/diag"
	"github.com/mdraci/mdraci/extension/keyword"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

type blockParser struct {
	cfg *Config

	// defs remembers, per keyword value, the attribute lists it holds
	// (nil: none): pages repeat IBM's long definition list keyword.
	mu   sync.RWMutex
	defs map[string][]Line
}

// maxDefs and maxDefLen bound blockParser.defs: at most maxDefs values of
// at most maxDefLen bytes.
const (
	maxDefs   = 64
	maxDefLen = 64 << 10
)

// NewAttributeListParser returns a block parser for lines holding an
// attribute list ({: …}, {:ref}, {:name: …}), or a keyword reference whose
// value is a list of them ({{site.data.keyword.attribute-definition-list}}).
// It interrupts paragraphs, so such a line never joins a paragraph or a
// table.
func NewAttributeListParser(cfg *Config) parser.BlockParser {
	return &blockParser{cfg: cfg}
}

// Trigger implements parser.BlockParser.Trigger.
func (p *blockParser) Trigger() []byte { return []byte{'{'} }

// Open implements parser.BlockParser.Open.
func (p *blockParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 {
		return nil, parser.NoChildren
	}
	trimmed := bytes.TrimRight(line[pos:], " \t\r\n")
	start := seg.Start + pos
	var (
		items []Line
		one   *Line // the line's one list, when it is one list
	)
	switch {
	case bytes.HasPrefix(trimmed, []byte("{:")):
		l, problems, ok := ParseLine(string(trimmed))
		if !ok {
			if !bytes.HasPrefix(trimmed, []byte("{::")) && bytes.IndexByte(trimmed, '}') < 0 {
				diag.Report(pc, reader.Source(), start, diag.Warning, "attributes-unclosed",
					"attribute list is not closed with \"}\"; it is left as text")
			}
			return nil, parser.NoChildren
		}
		for _, pr := range problems {
			diag.Report(pc, reader.Source(), start+pr.Offset, diag.Warning, "attributes-syntax",
				"attribute list: %s", pr.Message)
		}
		one = &l
	case bytes.HasPrefix(trimmed, []byte("{{")) && bytes.HasSuffix(trimmed, []byte("}}")):
		items = p.keywordDefinitions(trimmed[2 : len(trimmed)-2])
		if items == nil {
			return nil, parser.NoChildren
		}
	default:
		return nil, parser.NoChildren
	}
	n := NewAttributeList(items...)
	if one != nil {
		n.one[0] = *one
		n.Items = n.one[:]
	}
	n.Lines().Append(text.NewSegment(start, start+len(trimmed)))
	reader.Advance(seg.Len() - 1)
	made := madeIn(pc)
	made.blocks = append(made.blocks, n)
	return n, parser.NoChildren
}

// madeKey keeps, per parse, the attribute list nodes the parsers made, in
// document order, so that the transformer finds them without walking the
// whole document.
var madeKey = parser.NewContextKey()

type made struct {
	blocks []*AttributeList
	spans  []*SpanAttributeList
}

func madeIn(pc parser.Context) *made {
	m, _ := pc.Get(madeKey).(*made)
	if m == nil {
		m = &made{}
		pc.Set(madeKey, m)
	}
	return m
}

// keywordDefinitions returns the attribute lists a keyword-only line stands
// for, or nil when the keyword is not a list of attribute lists.
func (p *blockParser) keywordDefinitions(ref []byte) []Line {
	ref = bytes.TrimSpace(ref)
	if p.cfg.Keywords == nil || !bytes.HasPrefix(ref, []byte("site.data.")) {
		return nil
	}
	v, err := p.cfg.Keywords.ResolveRaw(keyword.TrimPrefix(string(ref)))
	if err != nil || v == "" {
		return nil
	}
	p.mu.RLock()
	items, ok := p.defs[v]
	p.mu.RUnlock()
	if !ok {
		items = parseDefinitions(v)
		p.mu.Lock()
		if p.defs == nil {
			p.defs = map[string][]Line{}
		}
		if len(p.defs) < maxDefs && len(v) <= maxDefLen {
			p.defs[v] = items
		}
		p.mu.Unlock()
	}
	// the cached lists themselves, shared by the documents that use the
	// value (nothing writes to a node's Items; capped, so that an append
	// to one copies); a copy per page was the attribute lists' largest
	// allocation
	return items[:len(items):len(items)]
}

// parseDefinitions returns the attribute lists of a keyword value, one per
// line, or nil when a line is not one.
func parseDefinitions(v string) []Line {
	var items []Line
	for _, l := range bytes.Split([]byte(v), []byte{'\n'}) {
		l = bytes.TrimSpace(l)
		if len(l) == 0 {
			continue
		}
		item, _, ok := ParseLine(string(l))
		if !ok {
			return nil
		}
		items = append(items, item)
	}
	return items
}

// Continue implements parser.BlockParser.Continue.
func (p *blockParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	return parser.Close
}

// Close implements parser.BlockParser.Close.
func (p *blockParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {}

// CanInterruptParagraph implements parser.BlockParser.CanInterruptParagraph.
func (p *blockParser) CanInterruptParagraph() bool { return true }

// CanAcceptIndentedLine implements parser.BlockParser.CanAcceptIndentedLine.
func (p *blockParser) CanAcceptIndentedLine() bool { return false }

type spanParser struct{}

// NewSpanAttributeListParser returns an inline parser for span IALs: {: …}
// right after a link, emphasis, code span or image.
func NewSpanAttributeListParser() parser.InlineParser {
	return &spanParser{}
}

// Trigger implements parser.InlineParser.Trigger.
func (p *spanParser) Trigger() []byte { return []byte{'{'} }

// Parse implements parser.InlineParser.Parse.
func (p *spanParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if len(line) >= 3 && (line[1] == '.' || line[1] == '#') {
		return pandocLinkList(parent, block, pc, line, seg.Start)
	}
	if len(line) < 3 || line[1] != ':' || line[2] == ':' {
		return nil
	}
	end := closingBrace(pc, line, seg.Start, len(block.Source()))
	if end < 0 {
		return nil
	}
	l, problems, ok := ParseLine(string(line[:end+1]))
	if !ok || l.Name != "" {
		return nil
	}
	for _, pr := range problems {
		diag.Report(pc, block.Source(), seg.Start+pr.Offset, diag.Warning, "attributes-syntax",
			"attribute list: %s", pr.Message)
	}
	block.Advance(end + 1)
	n := &SpanAttributeList{List: l.List, Literal: line[:end+1], Offset: seg.Start}
	made := madeIn(pc)
	made.spans = append(made.spans, n)
	return n
}

// pandocLinkList reads the classes and id written right after a link or
// an image as Pandoc and Grav write them, "[docs](https://…){.external}"
// (OVHcloud's pages), into a span list, as if written "{: .external}":
// only ".class" and "#id" names, no other attribute, and nothing between
// the link and the brace. Other text in braces stays text.
func pandocLinkList(parent ast.Node, block text.Reader, pc parser.Context, line []byte, start int) ast.Node {
	switch parent.LastChild().(type) {
	case *ast.Link, *ast.Image:
	default:
		return nil
	}
	// the list ends at the first byte no class or id holds: "}" when it
	// is one (looking no further, so that many "{." on a line cost
	// linear time)
	end := 1
	for end < len(line) && (line[end] == ' ' || line[end] == '\t' || line[end] == '.' || line[end] == '#' || className(line[end:end+1])) {
		end++
	}
	if end >= len(line) || line[end] != '}' {
		return nil
	}
	for _, name := range bytes.Fields(line[1:end]) {
		if len(name) < 2 || name[0] != '.' && name[0] != '#' || !className(name[1:]) {
			return nil
		}
	}
	l, problems, ok := ParseLine("{: " + string(line[1:end+1]))
	if !ok || l.Name != "" || len(problems) > 0 || len(l.List.Refs) > 0 || len(l.List.Pairs) > 0 {
		return nil
	}
	block.Advance(end + 1)
	n := &SpanAttributeList{List: l.List, Literal: line[:end+1], Offset: start}
	made := madeIn(pc)
	made.spans = append(made.spans, n)
	return n
}

// className reports whether name can be a class or an id written after
// "." or "#": letters, digits, "-", "_", ":", nothing else.
func className(name []byte) bool {
	for _, c := range name {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == ':') {
			return false
		}
	}
	return true
}

// braceKey keeps, per parse, where the last search for the '}' closing a
// span list ended, and how much searching the document has cost, so that
// a line of many unclosed span lists is not scanned once per list.
var braceKey = parser.NewContextKey()

type braceMemo struct {
	// from is where the last search started, at where it ended (its '}',
	// or the end of the line), found whether it found one.
	from, at int
	found    bool
	// plain is where the last search first entered a quoted value (at
	// when it did not): a search starting before plain reads what it read.
	plain int
	// spent is how many bytes searches that could not use the memo have
	// read in this document.
	spent int
}

// closingBrace returns the index in line (which starts at source offset
// start of a document of srcLen bytes, with "{:") of the '}' closing the
// span list there, or -1. As ParseLine does, it skips quoted values
// (key="…}…"); when no '}' outside quoted values closes the list before
// the end of the line (a quoted value is not closed, or quotes a '}' that
// was meant to close the list), the first '}' closes it, as it did before
// lists were read quote-aware, and ParseLine reports the quote.
// Searches that start inside a quoted value an earlier search read cannot
// reuse its result; once those have read several times the document,
// closingBrace takes the first '}', quoted or not, so that the work stays
// linear.
func closingBrace(pc parser.Context, line []byte, start, srcLen int) int {
	m, _ := pc.Get(braceKey).(*braceMemo)
	if m == nil {
		m = &braceMemo{from: -1}
		pc.Set(braceKey, m)
	}
	if start > m.from && start < m.plain {
		if !m.found {
			return -1
		}
		return m.at - start
	}
	i, quoted := -1, len(line)
	if m.spent <= 4*srcLen+64<<10 {
		i, quoted = closeOf(line)
		if i < 0 && quoted < len(line) {
			// no '}' outside quotes: the list ends at the first '}'
			// (there is none before the first quote)
			m.spent += len(line)
			i = bytes.IndexByte(line[quoted:], '}')
			if i >= 0 {
				i += quoted
			}
		}
		if i >= 0 {
			m.spent += i + 1
		} else {
			m.spent += len(line)
		}
	} else {
		i = bytes.IndexByte(line, '}') // read as if nothing were quoted
	}
	m.from, m.at, m.found = start, start+len(line), i >= 0
	if i >= 0 {
		m.at = start + i
	}
	m.plain = min(m.at, start+quoted)
	return i
}
