package keyword

import (
	"bytes"
	"errors"
	"fmt"

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
	if !bytes.HasPrefix(line, open) {
		return nil
	}
	if !bytes.HasPrefix(bytes.TrimLeft(line[2:], " "), site) {
		if end, _ := findClose(pc, line, seg.Start); end >= 0 {
			p.reportInclude(pc, block, line, seg.Start, end) // see include.go
		}
		return nil
	}
	end, again := findClose(pc, line, seg.Start)
	if end < 0 {
		if !again { // one report per line, not one per reference
			diag.Report(pc, block.Source(), seg.Start, diag.Warning, "keyword-unterminated",
				"keyword reference is not closed with \"}}\"; it is left as written")
		}
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
	if n.Resolved {
		if ok, first := Spend(pc, len(block.Source()), len(n.Value)); !ok {
			n.Value, n.Resolved = "", false
			if first {
				p.report(pc, block.Source(), seg.Start, fmt.Errorf("%w: this document's keyword values add up to more than %d bytes from %s on",
					ErrTooLarge, Budget(len(block.Source())), diag.Clip(path, 200)))
			}
		}
	}
	block.Advance(end + 2)
	return n
}

// Budget is how many bytes of keyword values a document of n bytes may
// bring in: a few times the document, and at least MaxValue. A short
// document referring many times to a long value cannot blow the output up.
func Budget(n int) int { return 4*n + MaxValue }

// budgetKey keeps, per parse, how many bytes of keyword values the document
// may still bring in, and whether it ran out.
var budgetKey = parser.NewContextKey()

type budget struct {
	left int
	out  bool
}

// Spend takes n bytes of keyword values from the budget of the document (of
// srcLen bytes) being parsed with pc, which inline references and raw HTML
// share. ok is false when they are not there, and from then on; first is
// set the first time, for the one diagnostic.
func Spend(pc parser.Context, srcLen, n int) (ok, first bool) {
	b, _ := pc.Get(budgetKey).(*budget)
	if b == nil {
		b = &budget{left: Budget(srcLen)}
		pc.Set(budgetKey, b)
	}
	switch {
	case b.out:
		return false, false
	case n > b.left:
		b.out = true
		return false, true
	}
	b.left -= n
	return true, false
}

func (p *keywordParser) report(pc parser.Context, src []byte, offset int, err error) {
	Report(pc, src, offset, p.cfg.Strict, err)
}

// Codes are the diagnostic codes the keyword and include readers report;
// their findings are errors with WithStrict.
var Codes = []diag.Code{
	{Code: "keyword-unknown", Severity: diag.Warning, Summary: "a keyword reference the data does not define"},
	{Code: "keyword-cycle", Severity: diag.Warning, Summary: "a keyword whose value refers back to itself"},
	{Code: "keyword-not-value", Severity: diag.Warning, Summary: "a keyword reference naming a group of values, not a value"},
	{Code: "keyword-too-large", Severity: diag.Warning, Summary: "keyword values adding up to more than the document's budget"},
	{Code: "keyword-unterminated", Severity: diag.Warning, Summary: "a keyword reference not closed with \"}}\""},
	{Code: "include-unresolved", Severity: diag.Warning, Summary: "an include reference ({{../repo/file.md#id}}), which mdraci does not read"},
}

// Report records, in pc, that a reference at offset in src could not be
// resolved (err from Data.Resolve): a warning, an error when strict, coded
// keyword-unknown, keyword-cycle, keyword-not-value or keyword-too-large.
// Every reader of references (inline text, attribute values, raw HTML)
// reports through it.
func Report(pc parser.Context, src []byte, offset int, strict bool, err error) {
	sev := diag.Warning
	if strict {
		sev = diag.Error
	}
	code := "keyword-unknown"
	switch {
	case errors.Is(err, ErrCycle):
		code = "keyword-cycle"
	case errors.Is(err, ErrNotValue):
		code = "keyword-not-value"
	case errors.Is(err, ErrTooLarge):
		code = "keyword-too-large"
	}
	diag.Report(pc, src, offset, sev, code, "%s; it is left as written", diag.Clip(err.Error(), 200))
}

// findClose returns the index in line of the "}}" closing the reference at
// line[0], or -1; again is set when an earlier search on this line already
// found none. It remembers where searches ended so that the total work per
// line stays linear.
func findClose(pc parser.Context, line []byte, start int) (end int, again bool) {
	m, _ := pc.Get(closeKey).(*closeMemo)
	if m == nil {
		// the context holds a pointer, set once, updated in place: a
		// memo stored by value would be boxed again at every search
		m = &closeMemo{from: -1, at: -1}
		pc.Set(closeKey, m)
	} else if start > m.from && start < m.at {
		// the closest "}}" after the last search start is also the closest
		// after this one
		if !m.found {
			return -1, true
		}
		return m.at - start, false
	}
	i := bytes.Index(line[2:], close)
	at := start + len(line) // none on this line
	if i >= 0 {
		at = start + 2 + i
	}
	*m = closeMemo{from: start, at: at, found: i >= 0}
	if i < 0 {
		return -1, false
	}
	return 2 + i, false
}
