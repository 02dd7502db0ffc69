package extension

import (
	"bytes"
	"regexp"

	"github.com/mdraci/mdraci/extension/diag"
	meta "github.com/yuin/goldmark-meta"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"gopkg.in/yaml.v3"
)

// frontMatterParser reads front matter with goldmark-meta's parser (so
// meta.Get works for callers), but only where there is front matter: a
// first line "---", a closing line, and YAML that is a map between them (or
// that fails to parse but starts like one, "key:"). Anything else, such as
// a thematic break on the first line, is Markdown.
//
// The closing line is the first line after the opening one that is "---"
// or "..." from its first column, trailing blanks allowed (isCloser): the
// rule of Jekyll (its YAML_FRONT_MATTER_REGEXP) and pandoc, and YAML's own
// document end marker "...". Hugo's parser closes on "---" only; mdraci
// hugo writes the page's front matter itself, so its pages do not carry a
// "..." closer. goldmark-meta closes on any line of dashes only (and not
// on "..."), so the parser decides where the front matter ends itself
// (Continue): the block ends exactly where isFrontMatter saw it end, and
// the body after it is always Markdown, never swallowed as YAML.
type frontMatterParser struct {
	parser.BlockParser
}

func newFrontMatterParser() parser.BlockParser {
	return &frontMatterParser{BlockParser: meta.NewParser()}
}

var keyLine = regexp.MustCompile(`^[A-Za-z0-9_-]+:`)

// Open implements parser.BlockParser.Open.
func (p *frontMatterParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	if line, _ := reader.Position(); line != 0 {
		return nil, parser.NoChildren
	}
	if !isFrontMatter(reader.Source()) {
		return nil, parser.NoChildren
	}
	return p.BlockParser.Open(parent, reader, pc)
}

// Continue implements parser.BlockParser.Continue: it adds the lines of
// the front matter up to its closing line (isCloser), which it consumes.
func (p *frontMatterParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	line, segment := reader.PeekLine()
	if isCloser(line) {
		reader.Advance(segment.Len())
		return parser.Close
	}
	node.Lines().Append(segment)
	return parser.Continue | parser.NoChildren
}

// isCloser reports whether line (its line break included or not) closes
// front matter: "---" or "..." from the first column, then only blanks.
func isCloser(line []byte) bool {
	t := string(bytes.TrimRight(line, " \t\r\n"))
	return t == "---" || t == "..."
}

// isFrontMatter reports whether src starts with front matter.
func isFrontMatter(src []byte) bool {
	first, rest, ok := bytes.Cut(src, []byte("\n"))
	if !ok || string(bytes.TrimRight(first, " \t\r")) != "---" {
		return false
	}
	// the body is rest up to the closing line: every line before it ends
	// with its line break
	body, closed := rest, false
	for at := 0; at < len(rest); {
		line, _, _ := bytes.Cut(rest[at:], []byte("\n"))
		if isCloser(line) {
			body, closed = rest[:at], true
			break
		}
		at += len(line) + 1
	}
	if !closed {
		return false
	}
	if startsMap(body) {
		// a "key: …" line first is a YAML map, or YAML that fails to
		// parse but starts like one: front matter either way, without
		// parsing it twice (goldmark-meta parses it)
		return true
	}
	var n yaml.Node
	if err := yaml.Unmarshal(body, &n); err != nil {
		return keyLine.Match(bytes.TrimSpace(body))
	}
	return len(n.Content) == 1 && n.Content[0].Kind == yaml.MappingNode
}

// startsMap reports whether body's first non-blank line is "key:" or
// "key: value" from its first column, key made of ASCII letters, digits,
// '_' and '-' (and not starting with '-').
func startsMap(body []byte) bool {
	// skip blank lines
	for line := body; len(line) > 0; {
		i := 0
		for i < len(line) && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r') {
			i++
		}
		if i == len(line) || line[i] != '\n' {
			break
		}
		line = line[i+1:]
		body = line
	}
	i := 0
	for i < len(body) && (body[i] >= 'a' && body[i] <= 'z' || body[i] >= 'A' && body[i] <= 'Z' ||
		body[i] >= '0' && body[i] <= '9' || body[i] == '_' || body[i] == '-' && i > 0) {
		i++
	}
	if i == 0 || i >= len(body) || body[i] != ':' {
		return false
	}
	rest := body[i+1:]
	return len(rest) == 0 || rest[0] == ' ' || rest[0] == '\n' || rest[0] == '\r' && len(rest) > 1 && rest[1] == '\n'
}

// frontMatterTransformer reports front matter that goldmark-meta could not
// read as a diagnostic and keeps its text visible as a paragraph.
type frontMatterTransformer struct{}

// Transform implements parser.ASTTransformer.Transform.
func (t *frontMatterTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	_, err := meta.TryGet(pc)
	if err == nil {
		return
	}
	src := reader.Source()
	diag.Report(pc, src, 0, diag.Error, "front-matter", "front matter is not valid YAML (%v); it is shown as text", err)
	first, ok := doc.FirstChild().(*ast.TextBlock)
	if !ok {
		return
	}
	p := ast.NewParagraph()
	p.Lines().AppendAll(first.Lines().Sliced(0, first.Lines().Len()))
	if t, ok := first.LastChild().(*ast.Text); ok {
		// the last line's break is not text
		t.Segment = t.Segment.TrimRightSpace(src)
		t.SetSoftLineBreak(false)
	}
	for c := first.FirstChild(); c != nil; {
		next := c.NextSibling()
		p.AppendChild(p, c)
		c = next
	}
	doc.ReplaceChild(doc, first, p)
}
