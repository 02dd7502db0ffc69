package extension

import (
	"bytes"

	"github.com/mdraci/mdraci/extension/diag"
	"github.com/mdraci/mdraci/extension/table"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
)

// rawPiece is one inline raw HTML node as the sanitizer left it.
type rawPiece struct {
	node *ast.RawHTML
	// name is its element name, lower case ("" when no tag), closing
	// whether it is a closing tag
	name    string
	closing bool
	// kept is set for a tag that is still in the output
	kept bool
	// at is the node's offset in the source
	at int
}

// voidElements are the elements that have no closing tag.
var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true, "input": true,
	"link": true, "meta": true, "source": true, "track": true, "wbr": true,
}

// tableParts are the elements that belong inside a <table>: outside one,
// a browser reads them as the end of the cell or row they are in.
var tableParts = map[string]bool{
	"caption": true, "colgroup": true, "col": true, "thead": true, "tbody": true, "tfoot": true, "tr": true, "td": true, "th": true,
}

// balance pairs the tags of the inline raw HTML of each paragraph,
// heading, table cell or cell line (" \n "): a closing tag with no opening
// tag there is dropped ("</div>" would close the page's own elements, "</table>"
// the matrix), tags left open are closed at its end (an "<a>" would make
// the rest of the page a link), a closing tag closes the tags opened after
// its own, and table parts (<tr>, <td>…) outside a <table> opened there are
// dropped (they would split the row they are in). Each change is reported
// as html-unbalanced. HTML blocks, whose elements may span Markdown
// blocks, are left to the sanitizer.
func balance(pc parser.Context, src []byte, pieces []rawPiece) {
	var open []string // the open elements of the current group
	var group ast.Node
	var last *rawPiece
	closeGroup := func() {
		if len(open) == 0 || group == nil {
			open = open[:0]
			return
		}
		var b bytes.Buffer
		for i := len(open) - 1; i >= 0; i-- {
			b.WriteString("</" + open[i] + ">")
		}
		diag.Report(pc, src, last.at, diag.Warning, "html-unbalanced",
			"raw HTML <%s> is not closed in its %s; closed at its end", open[len(open)-1], groupName(group))
		end := ast.NewRawHTML()
		end.SetAttributeString(sanitizedAttr, b.Bytes())
		group.AppendChild(group, end)
		open = open[:0]
	}
	for i := range pieces {
		p := &pieces[i]
		if g := inlineGroup(p.node); g != group {
			closeGroup()
			group = g
		}
		last = p
		if !p.kept || voidElements[p.name] {
			continue
		}
		if !p.closing {
			if tableParts[p.name] && !contains(open, "table") {
				p.node.SetAttributeString(sanitizedAttr, []byte(nil))
				diag.Report(pc, src, p.at, diag.Warning, "html-unbalanced",
					"raw HTML <%s> outside a <table> opened in its %s was dropped", p.name, groupName(group))
				continue
			}
			if out, _ := p.node.AttributeString(sanitizedAttr); !bytes.HasSuffix(bytes.TrimSpace(out.([]byte)), []byte("/>")) {
				open = append(open, p.name)
			}
			continue
		}
		j := lastIndex(open, p.name)
		if j < 0 {
			p.node.SetAttributeString(sanitizedAttr, []byte(nil))
			diag.Report(pc, src, p.at, diag.Warning, "html-unbalanced",
				"raw HTML </%s> closes nothing opened in its %s and was dropped", p.name, groupName(group))
			continue
		}
		if j < len(open)-1 {
			// "<b><i></b>": close the <i> first
			var b bytes.Buffer
			for k := len(open) - 1; k > j; k-- {
				b.WriteString("</" + open[k] + ">")
			}
			out, _ := p.node.AttributeString(sanitizedAttr)
			b.Write(out.([]byte))
			p.node.SetAttributeString(sanitizedAttr, b.Bytes())
		}
		open = open[:j]
	}
	closeGroup()
}

// inlineGroup returns the node whose inline content n belongs to for
// balance: its cell line, else its nearest block.
func inlineGroup(n ast.Node) ast.Node {
	p := n.Parent()
	for p != nil && p.Type() != ast.TypeBlock && p.Kind() != table.KindCellLine {
		p = p.Parent()
	}
	return p
}

// groupName names a group in a message.
func groupName(n ast.Node) string {
	switch n.Kind() {
	case ast.KindHeading:
		return "heading"
	case table.KindCellLine, east.KindTableCell:
		return "table cell"
	}
	return "paragraph"
}

// contains reports whether s holds v.
func contains(s []string, v string) bool { return lastIndex(s, v) >= 0 }

// lastIndex returns the index of the last v in s, -1 when none.
func lastIndex(s []string, v string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == v {
			return i
		}
	}
	return -1
}
