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
// first line "---", a closing "---" or "..." line, and YAML that is a map
// between them (or that fails to parse but starts like one, "key:").
// Anything else, such as a thematic break on the first line, is Markdown.
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

// isFrontMatter reports whether src starts with front matter.
func isFrontMatter(src []byte) bool {
	first, rest, ok := bytes.Cut(src, []byte("\n"))
	if !ok || string(bytes.TrimRight(first, " \t\r")) != "---" {
		return false
	}
	var body []byte
	closed := false
	for len(rest) > 0 {
		var line []byte
		line, rest, _ = bytes.Cut(rest, []byte("\n"))
		if t := string(bytes.TrimRight(line, " \t\r")); t == "---" || t == "..." {
			closed = true
			break
		}
		body = append(append(body, line...), '\n')
	}
	if !closed {
		return false
	}
	var n yaml.Node
	if err := yaml.Unmarshal(body, &n); err != nil {
		return keyLine.Match(bytes.TrimSpace(body))
	}
	return len(n.Content) == 1 && n.Content[0].Kind == yaml.MappingNode
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
