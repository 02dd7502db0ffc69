package attributes

import (
	"bytes"

	"github.com/mdraci/mdraci/extension/diag"
	"github.com/mdraci/mdraci/extension/keyword"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

type blockParser struct {
	cfg *Config
}

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
	var items []Line
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
		items = []Line{l}
	case bytes.HasPrefix(trimmed, []byte("{{")) && bytes.HasSuffix(trimmed, []byte("}}")):
		items = p.keywordDefinitions(string(trimmed[2 : len(trimmed)-2]))
		if items == nil {
			return nil, parser.NoChildren
		}
	default:
		return nil, parser.NoChildren
	}
	n := NewAttributeList(items...)
	n.Lines().Append(text.NewSegment(start, start+len(trimmed)))
	reader.Advance(seg.Len() - 1)
	return n, parser.NoChildren
}

// keywordDefinitions returns the attribute lists a keyword-only line stands
// for, or nil when the keyword is not a list of attribute lists.
func (p *blockParser) keywordDefinitions(ref string) []Line {
	ref = string(bytes.TrimSpace([]byte(ref)))
	if p.cfg.Keywords == nil || !bytes.HasPrefix([]byte(ref), []byte("site.data.")) {
		return nil
	}
	v, err := p.cfg.Keywords.ResolveRaw(keyword.TrimPrefix(ref))
	if err != nil || v == "" {
		return nil
	}
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
	if len(line) < 3 || line[1] != ':' || line[2] == ':' {
		return nil
	}
	end := nextBrace(pc, line, seg.Start)
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
	return &SpanAttributeList{List: l.List, Literal: line[:end+1], Offset: seg.Start}
}

// braceKey keeps, per parse, where the last search for '}' ended, so that a
// line of many unclosed span lists is scanned once, not once per list.
var braceKey = parser.NewContextKey()

type braceMemo struct {
	from, at int
	found    bool
}

// nextBrace returns the index in line of the first '}', or -1.
func nextBrace(pc parser.Context, line []byte, start int) int {
	if m, ok := pc.Get(braceKey).(braceMemo); ok && start > m.from && start < m.at {
		if !m.found {
			return -1
		}
		return m.at - start
	}
	i := bytes.IndexByte(line, '}')
	at := start + len(line)
	if i >= 0 {
		at = start + i
	}
	pc.Set(braceKey, braceMemo{from: start, at: at, found: i >= 0})
	return i
}
