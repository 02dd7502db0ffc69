package matrix

import (
	"github.com/mdraci/mdraci/extension/diag"
	"github.com/mdraci/mdraci/extension/model"
	"github.com/yuin/goldmark/ast"
)

// legendInText finds the paragraph holding the lines the model read its
// legend from ("R | Responsible | Assigned to…", as cegedim.cloud writes
// it) and puts legend in their place: the lines before them stay a
// paragraph, the lines after them become one. It reports whether it did.
// idx is the line index of the Markdown source.
func legendInText(root ast.Node, idx *diag.Lines, md *model.Document, legend *Legend) bool {
	lines := map[int]bool{}
	for _, e := range md.Legend {
		if e.Derived || e.Line == 0 {
			return false
		}
		lines[e.Line] = true
	}
	var para ast.Node
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || para != nil {
			return ast.WalkSkipChildren, nil
		}
		if n.Kind() == ast.KindParagraph {
			ls := n.Lines()
			for i := 0; i < ls.Len(); i++ {
				if line, _ := idx.Position(ls.At(i).Start); lines[line] {
					para = n
					return ast.WalkStop, nil
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	if para == nil {
		return false
	}
	// Sort the paragraph's inline children into before, legend and after
	// by the line they start on.
	var before, after []ast.Node
	seen := false
	for c := para.FirstChild(); c != nil; c = c.NextSibling() {
		line, ok := startLine(c, idx)
		switch {
		case ok && lines[line]:
			seen = true
		case !ok && seen && len(after) == 0:
			// a node without text inside the legend lines: part of them
		case seen:
			after = append(after, c)
		default:
			before = append(before, c)
		}
	}
	if !seen {
		return false
	}
	parent := para.Parent()
	for c := para.FirstChild(); c != nil; {
		next := c.NextSibling()
		para.RemoveChild(para, c)
		c = next
	}
	for _, c := range before {
		para.AppendChild(para, c)
	}
	if t, ok := para.LastChild().(*ast.Text); ok {
		t.SetSoftLineBreak(false) // the paragraph now ends there
	}
	if len(before) > 0 {
		parent.InsertAfter(parent, para, legend)
	} else {
		parent.ReplaceChild(parent, para, legend)
	}
	if len(after) > 0 {
		rest := ast.NewParagraph()
		for _, c := range after {
			rest.AppendChild(rest, c)
		}
		parent.InsertAfter(parent, legend, rest)
	}
	return true
}

// startLine is the source line n's first text starts on.
func startLine(n ast.Node, idx *diag.Lines) (int, bool) {
	if t, ok := n.(*ast.Text); ok {
		line, _ := idx.Position(t.Segment.Start)
		return line, true
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if line, ok := startLine(c, idx); ok {
			return line, true
		}
	}
	return 0, false
}
