package attributes

import (
	"bytes"
	"strings"

	"github.com/mdraci/mdraci/extension/diag"
	"github.com/mdraci/mdraci/extension/keyword"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

type transformer struct {
	cfg *Config
}

// NewAttributeListTransformer returns the AST transformer that applies
// attribute lists to their blocks and span elements, and removes the list
// nodes.
func NewAttributeListTransformer(cfg *Config) parser.ASTTransformer {
	return &transformer{cfg: cfg}
}

// Transform implements parser.ASTTransformer.Transform.
func (t *transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	var blocks []*AttributeList
	var spans []*SpanAttributeList
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch v := n.(type) {
		case *AttributeList:
			blocks = append(blocks, v)
		case *SpanAttributeList:
			spans = append(spans, v)
		}
		return ast.WalkContinue, nil
	})
	if len(blocks) == 0 && len(spans) == 0 {
		return
	}
	a := &applier{cfg: t.cfg, pc: pc, src: src, defs: map[string]Line{}}
	for _, b := range blocks {
		for _, it := range b.Items {
			if it.Name != "" {
				a.defs[it.Name] = it
			}
		}
	}
	for i := 0; i < len(blocks); {
		// a run of IAL lines directly after one another acts as one list
		j := i + 1
		for j < len(blocks) && blocks[j].PreviousSibling() == ast.Node(blocks[j-1]) && !blocks[j].IsDefinition() && !blocks[i].IsDefinition() {
			j++
		}
		a.applyBlockGroup(blocks[i:j])
		i = j
	}
	for _, b := range blocks {
		if p := b.Parent(); p != nil {
			p.RemoveChild(p, b)
		}
	}
	for _, s := range spans {
		a.applySpan(s)
	}
}

type applier struct {
	cfg  *Config
	pc   parser.Context
	src  []byte
	defs map[string]Line
}

func (a *applier) applyBlockGroup(group []*AttributeList) {
	first, last := group[0], group[len(group)-1]
	if first.IsDefinition() {
		return
	}
	var list List
	for _, g := range group {
		for _, it := range g.Items {
			list = list.Merge(it.List)
		}
	}
	start := first.Lines().At(0).Start
	stop := last.Lines().At(0).Stop
	var target ast.Node
	if prev := first.PreviousSibling(); prev != nil && prev.Kind() != KindAttributeList {
		if _, end, ok := span(prev, a.src); ok && !blankBetween(a.src, end, start) {
			target = prev
		}
	}
	if target == nil {
		if next := last.NextSibling(); next != nil && next.Kind() != KindAttributeList {
			if begin, _, ok := span(next, a.src); ok && !blankBetween(a.src, stop, begin) {
				target = next
			}
		}
	}
	if target == nil {
		diag.Report(a.pc, a.src, start, diag.Warning, "attributes-unattached",
			"attribute list applies to no block: put it on the line right after (or before) the block")
		return
	}
	a.apply(target, list, start)
}

func (a *applier) applySpan(s *SpanAttributeList) {
	parent := s.Parent()
	if parent == nil {
		return
	}
	prev := s.PreviousSibling()
	switch {
	case prev == nil:
	case prev.Kind() == ast.KindLink, prev.Kind() == ast.KindImage, prev.Kind() == ast.KindEmphasis,
		prev.Kind() == ast.KindCodeSpan, prev.Kind() == ast.KindAutoLink:
		a.apply(prev, s.List, s.Offset)
		parent.RemoveChild(parent, s)
		return
	}
	// nothing to apply it to: keep it visible as text
	diag.Report(a.pc, a.src, s.Offset, diag.Warning, "attributes-unattached",
		"span attribute list follows no link, emphasis, code span or image; it is left as text")
	parent.ReplaceChild(parent, s, ast.NewString(s.Literal))
}

// apply sets list's attributes, references expanded, on n.
func (a *applier) apply(n ast.Node, list List, offset int) {
	full := a.expand(list, offset, nil)
	if full.ID != "" {
		a.set(n, "id", full.ID, offset)
	}
	if len(full.Classes) > 0 {
		classes := full.Classes
		if v, ok := n.AttributeString("class"); ok {
			if s, ok := v.([]byte); ok {
				classes = appendUnique(strings.Fields(string(s)), classes...)
			}
		}
		n.SetAttributeString("class", []byte(strings.Join(classes, " ")))
	}
	for _, p := range full.Pairs {
		a.set(n, p.Key, p.Value, offset)
	}
	if v, ok := n.AttributeString("target"); ok && n.Kind() == ast.KindLink && string(v.([]byte)) == "_blank" {
		if _, has := n.AttributeString("rel"); !has {
			n.SetAttributeString("rel", []byte("noopener noreferrer"))
		}
	}
}

// expand replaces list's references by the attributes of their
// definitions, recursively, reporting unknown and circular references.
func (a *applier) expand(list List, offset int, seen []string) List {
	var out List
	for _, ref := range list.Refs {
		if contains(seen, ref) {
			diag.Report(a.pc, a.src, offset, diag.Warning, "attributes-cycle",
				"attribute definition %q refers to itself (%s)", ref, strings.Join(append(seen, ref), " → "))
			continue
		}
		def, ok := a.defs[ref]
		if !ok {
			diag.Report(a.pc, a.src, offset, diag.Warning, "attributes-unknown-reference",
				"attribute list refers to %q, which no attribute definition defines", ref)
			continue
		}
		out = out.Merge(a.expand(def.List, offset, append(seen, ref)))
	}
	own := list
	own.Refs = nil
	return out.Merge(own)
}

func (a *applier) set(n ast.Node, name, value string, offset int) {
	if a.cfg.Keywords != nil && strings.Contains(value, "{{") {
		value = keyword.Expand(value, func(path string) (string, bool) {
			v, err := a.cfg.Keywords.Resolve(path)
			if err != nil {
				sev := diag.Warning
				if a.cfg.Strict {
					sev = diag.Error
				}
				diag.Report(a.pc, a.src, offset, sev, "keyword-unknown", "%v; it is left as written", err)
				return "", false
			}
			return v, true
		})
	}
	if !allowed(name, n, a.cfg.Unsafe) || !safeValue(value) {
		diag.Report(a.pc, a.src, offset, diag.Warning, "attributes-not-allowed",
			"attribute %s=%q is not allowed on %s and was dropped", name, value, strings.ToLower(n.Kind().String()))
		return
	}
	n.SetAttributeString(name, []byte(value))
}

func contains(list []string, s string) bool {
	for _, t := range list {
		if t == s {
			return true
		}
	}
	return false
}

// span returns the first and last source byte offsets of block n: of its
// own lines, or of its descendants' lines for containers.
func span(n ast.Node, src []byte) (start, stop int, ok bool) {
	start, stop = -1, -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || c.Type() != ast.TypeBlock {
			return ast.WalkContinue, nil
		}
		lines := c.Lines()
		if lines == nil || lines.Len() == 0 {
			return ast.WalkContinue, nil
		}
		if s := lines.At(0).Start; start < 0 || s < start {
			start = s
		}
		if e := lines.At(lines.Len() - 1).Stop; e > stop {
			stop = e
		}
		return ast.WalkContinue, nil
	})
	return start, stop, start >= 0
}

// blankBetween reports whether a blank line separates the block content
// ending at from and the one starting at to.
func blankBetween(src []byte, from, to int) bool {
	if from > to {
		from, to = to, from
	}
	if from < 0 || to > len(src) {
		return true
	}
	pieces := bytes.Split(src[from:to], []byte{'\n'})
	// the last piece is the indentation of the later block's line; the
	// first is the rest of the earlier block's line unless that ended with
	// its line break
	full := pieces[:len(pieces)-1]
	if from == 0 || src[from-1] != '\n' {
		if len(full) == 0 {
			return false
		}
		full = full[1:]
	}
	for _, p := range full {
		if len(bytes.TrimSpace(p)) == 0 {
			return true
		}
	}
	return false
}
