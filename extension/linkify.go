package extension

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	gext "github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// linkify is GFM's autolink extension (goldmark's Linkify) behind an exact
// pre-check. goldmark's parser runs at every space of the text; most of
// its time goes to words that cannot start a link, which it scans for an
// e-mail address's "@".
type linkify struct{}

// Extend implements goldmark.Extender.
func (linkify) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(
		util.Prioritized(&linkifyParser{InlineParser: gext.NewLinkifyParser()}, 999),
	))
}

// linkifyParser hands goldmark's parser only the places mayLink lets
// through, as long as Linkify has its default settings.
type linkifyParser struct {
	parser.InlineParser
	// configured: a Linkify option (allowed protocols, regexps) was set,
	// which mayLink does not know: every place goes to goldmark's parser
	configured bool
}

// SetOption implements parser.SetOptioner: goldmark's Linkify options
// (gext.WithLinkifyAllowedProtocols and the like, given as parser
// options) configure the parser behind the pre-check, and turn the
// pre-check off.
func (p *linkifyParser) SetOption(name parser.OptionName, value any) {
	if so, ok := p.InlineParser.(parser.SetOptioner); ok {
		so.SetOption(name, value)
	}
	if strings.HasPrefix(string(name), "Linkify") {
		p.configured = true
	}
}

// Parse implements parser.InlineParser.Parse.
func (p *linkifyParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	if line, _ := block.PeekLine(); !p.configured && !mayLink(line) {
		return nil
	}
	return p.InlineParser.Parse(parent, block, pc)
}

// mayLink reports whether goldmark's linkify parser (default settings)
// can find a link at the start of line, past the one trigger character it
// skips: it looks there for "http", "https", "ftp" and "www." (all
// starting with h, f or w), and for an e-mail address, whose local part
// of at most 64 characters ends with the "@" it needs.
func mayLink(line []byte) bool {
	if len(line) == 0 {
		return false
	}
	switch line[0] {
	case ' ', '*', '_', '~', '(':
		line = line[1:]
	}
	if len(line) > 0 && (line[0] == 'h' || line[0] == 'f' || line[0] == 'w') {
		return true
	}
	return bytes.IndexByte(line[:min(len(line), 65)], '@') >= 0
}
