package keyword

import (
	"bytes"
	"errors"

	"github.com/mdraci/mdraci/extension/diag"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

type keywordParser struct {
	cfg *Config
}

// NewKeywordParser returns an inline parser for {{site.data.PATH}}
// references that resolves them from cfg.Data.
func NewKeywordParser(cfg *Config) parser.InlineParser {
	return &keywordParser{cfg: cfg}
}

// Trigger implements parser.InlineParser.Trigger.
func (p *keywordParser) Trigger() []byte { return []byte{'{'} }

var (
	open  = []byte("{{")
	close = []byte("}}")
	site  = []byte("site.data.")
)

// closeKey keeps, per parse, where the last search for "}}" ended, so that
// a line of many unterminated references is scanned once, not once per
// reference.
var closeKey = parser.NewContextKey()

type closeMemo struct {
	from, at int
	found    bool
}

// Parse implements parser.InlineParser.Parse.
func (p *keywordParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if !bytes.HasPrefix(line, open) || !bytes.HasPrefix(bytes.TrimLeft(line[2:], " "), site) {
		return nil
	}
	end := findClose(pc, line, seg.Start)
	if end < 0 {
		diag.Report(pc, block.Source(), seg.Start, diag.Warning, "keyword-unterminated",
			"keyword reference is not closed with \"}}\"; it is left as written")
		return nil
	}
	path := string(bytes.TrimSpace(line[2:end]))
	if !validPath(path) {
		return nil
	}
	n := NewKeyword(path, line[:end+2])
	v, err := p.cfg.Data.Resolve(path)
	switch {
	case err == nil:
		n.Value, n.Resolved = v, true
	case errors.Is(err, ErrUnknown) && p.cfg.Data.Has(path):
		// a reference inside the value is unknown: keep the value, with
		// that reference as written
		n.Value, n.Resolved = v, true
		p.report(pc, block.Source(), seg.Start, err)
	default:
		p.report(pc, block.Source(), seg.Start, err)
	}
	block.Advance(end + 2)
	return n
}

func (p *keywordParser) report(pc parser.Context, src []byte, offset int, err error) {
	sev := diag.Warning
	if p.cfg.Strict {
		sev = diag.Error
	}
	code := "keyword-unknown"
	switch {
	case errors.Is(err, ErrCycle):
		code = "keyword-cycle"
	case errors.Is(err, ErrNotValue):
		code = "keyword-not-value"
	}
	diag.Report(pc, src, offset, sev, code, "%v; it is left as written", err)
}

// findClose returns the index in line of the "}}" closing the reference at
// line[0], or -1. It remembers where searches ended so that the total work
// per line stays linear.
func findClose(pc parser.Context, line []byte, start int) int {
	if m, ok := pc.Get(closeKey).(closeMemo); ok && start > m.from && start < m.at {
		// the closest "}}" after the last search start is also the closest
		// after this one
		if !m.found {
			return -1
		}
		return m.at - start
	}
	i := bytes.Index(line[2:], close)
	at := start + len(line) // none on this line
	if i >= 0 {
		at = start + 2 + i
	}
	pc.Set(closeKey, closeMemo{from: start, at: at, found: i >= 0})
	if i < 0 {
		return -1
	}
	return 2 + i
}
