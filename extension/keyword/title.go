package keyword

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/mdraci/mdraci/extension/diag"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Titles
//
// A link's or an image's title ([x](url "T {{site.data.keyword.cloud}}"),
// or a link reference definition's) is not inline text: goldmark reads it
// whole, and the inline parser never sees the references in it. The
// TitleTransformer resolves them as attribute values are: values escaped,
// within the document's keyword budget (Spend), unknown ones reported
// where they are written and left as written.

// TitleTransformer resolves the keyword references in link and image
// titles.
type TitleTransformer struct {
	cfg *Config
}

// NewTitleTransformer returns an AST transformer that resolves the
// references in link and image titles from cfg.Data.
func NewTitleTransformer(cfg *Config) parser.ASTTransformer {
	return &TitleTransformer{cfg: cfg}
}

// Transform implements parser.ASTTransformer.Transform.
func (t *TitleTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	if !bytes.Contains(src, open) {
		return
	}
	// a reference definition's title is shared by its links: reported once
	reported := map[int]bool{}
	var visit func(n ast.Node)
	visit = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch v := c.(type) {
			case *ast.Text:
				continue // the most common node, with no children
			case *ast.Link:
				v.Title = t.resolve(pc, src, v.Title, v.Pos(), reported)
			case *ast.Image:
				v.Title = t.resolve(pc, src, v.Title, v.Pos(), reported)
			}
			if c.HasChildren() {
				visit(c)
			}
		}
	}
	visit(doc)
}

// resolve returns title with its references resolved, each value escaped
// so that goldmark's renderer, which reads backslash escapes and character
// references in a title, shows it as it is. near is where the link is
// written.
func (t *TitleTransformer) resolve(pc parser.Context, src, title []byte, near int, reported map[int]bool) []byte {
	if !bytes.Contains(title, open) {
		return title
	}
	at := titleOffset(src, title, near)
	report := func(i int, err error) {
		if !reported[at+i] {
			reported[at+i] = true
			Report(pc, src, at+i, t.cfg.Strict, err)
		}
	}
	out := ExpandAt(string(title), func(path string, i int) (string, bool) {
		v, err := t.cfg.Data.Resolve(path)
		switch {
		case err == nil:
		case errors.Is(err, ErrUnknown) && t.cfg.Data.Has(path):
			// a reference inside the value is unknown: keep the value,
			// with that reference as written
			report(i, err)
		default:
			report(i, err)
			return "", false
		}
		if ok, first := Spend(pc, len(src), len(v)); !ok {
			if first {
				report(i, fmt.Errorf("%w: this document's keyword values add up to more than %d bytes from %s on",
					ErrTooLarge, Budget(len(src)), diag.Clip("site.data."+path, 200)))
			}
			return "", false
		}
		return titleEscaper.Replace(v), true
	})
	return []byte(out)
}

// titleEscaper escapes the characters goldmark reads in a title: a
// backslash escape or a character reference in a value is text.
var titleEscaper = strings.NewReplacer(`\`, `\\`, `&`, `\&`)

// titleOffset returns the offset in src of title, a link's title, written
// near the link at offset near: the first copy of it after an opening
// quote or parenthesis from near on, else from the start (a reference
// definition's title may be anywhere), else near.
func titleOffset(src, title []byte, near int) int {
	near = max(0, min(near, len(src)))
	if i := quotedIndex(src[near:], title); i >= 0 {
		return near + i
	}
	if i := quotedIndex(src, title); i >= 0 {
		return i
	}
	return near
}

// quotedIndex returns the index in b of the first copy of title after a
// double quote, a single quote or an opening parenthesis, or -1.
func quotedIndex(b, title []byte) int {
	for from := 0; from < len(b); {
		i := bytes.Index(b[from:], title)
		if i < 0 {
			return -1
		}
		i += from
		if i > 0 && (b[i-1] == '"' || b[i-1] == '\'' || b[i-1] == '(') {
			return i
		}
		from = i + 1
	}
	return -1
}
