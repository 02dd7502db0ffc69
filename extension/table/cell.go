package table

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// fillCell gives cell its content from seg: its lines, or, when IBM's
// " \n " splits it, a list of items or lines separated by breaks.
func fillCell(cell *east.TableCell, seg text.Segment, src []byte) {
	pieces := splitPieces(seg, src)
	if len(pieces) == 0 {
		seg = trim(seg, src)
		if k := itemKind(seg.Value(src)); k == 0 || k == '.' {
			appendLines(cell, seg, src)
			return
		}
		// one "- item" alone is a one-item list, as IBM means it
		pieces = []text.Segment{seg}
	}
	if len(pieces) == 1 && itemKind(pieces[0].Value(src)) == 0 {
		appendLines(cell, pieces[0], src)
		return
	}
	kinds := make([]byte, len(pieces))
	for i, p := range pieces {
		kinds[i] = itemKind(p.Value(src))
	}
	// all pieces are items of one kind, or an intro line then items
	first := 0
	if kinds[0] == 0 {
		first = 1
	}
	list := first < len(pieces)
	for _, k := range kinds[first:] {
		if k == 0 || k != kinds[first] {
			list = false
		}
	}
	if !list {
		for _, p := range pieces {
			line := NewCellLine()
			appendLines(line, p, src)
			cell.AppendChild(cell, line)
		}
		return
	}
	if first == 1 {
		line := NewCellLine()
		appendLines(line, pieces[0], src)
		cell.AppendChild(cell, line)
	}
	l := ast.NewList(kinds[first])
	l.IsTight = true
	if kinds[first] == '.' {
		l.Start = leadingNumber(pieces[first].Value(src))
	}
	for _, p := range pieces[first:] {
		item := ast.NewListItem(0)
		tb := ast.NewTextBlock()
		appendLines(tb, stripMarker(p, src), src)
		item.AppendChild(item, tb)
		l.AppendChild(l, item)
	}
	cell.AppendChild(cell, l)
}

// appendLines adds seg to n's lines, one segment per source line: leading
// white space trimmed, the line break kept on all but the last line (the
// inline parser reads it as a soft break).
func appendLines(n ast.Node, seg text.Segment, src []byte) {
	seg = trim(seg, src)
	for seg.Len() > 0 {
		line := seg
		if i := bytes.IndexByte(seg.Value(src), '\n'); i >= 0 {
			line = text.NewSegment(seg.Start, seg.Start+i+1)
			seg = text.NewSegment(seg.Start+i+1, seg.Stop)
		} else {
			seg = text.NewSegment(seg.Stop, seg.Stop)
		}
		line = line.TrimLeftSpace(src)
		if line.Len() > 0 && !util.IsBlank(line.Value(src)) {
			n.Lines().Append(line)
		}
	}
}

// trim returns seg without surrounding white space.
func trim(seg text.Segment, src []byte) text.Segment {
	seg = seg.TrimLeftSpace(src)
	return seg.TrimRightSpace(src)
}

// splitPieces splits seg at each literal backslash-n that is not in a
// code span, a raw HTML tag or a link's text or destination, returning
// the non-blank pieces, trimmed. A tag, a link text or a destination
// opened and not closed in the cell is not one: it is text, and the cell
// is split across it (`if a<b then: \n - one \n - two` is a list).
func splitPieces(seg text.Segment, src []byte) []text.Segment {
	pieces, _ := splitPiecesSteps(seg, src)
	return pieces
}

// splitPiecesSteps is splitPieces, also returning the number of bytes it
// read (the tests check it grows with the cell, not with its square).
func splitPiecesSteps(seg text.Segment, src []byte) ([]text.Segment, int) {
	v := seg.Value(src)
	if !bytes.Contains(v, []byte(`\n`)) {
		return nil, 0
	}
	s := pieceScanner{seg: seg, src: src, v: v}
	for {
		pieces, unclosed := s.scan()
		if len(unclosed) == 0 {
			return pieces, s.steps
		}
		// the link texts and destinations left open are text: scan again
		// (once: that changes how nothing else is read)
		if s.plain == nil {
			s.plain = map[int]bool{}
		}
		for _, i := range unclosed {
			s.plain[i] = true
		}
	}
}

// pieceScanner splits a cell at its " \n ".
type pieceScanner struct {
	seg   text.Segment
	src   []byte
	v     []byte // seg's value
	steps int
	// plain holds where a '[', a "](" or a '(' in a destination is text:
	// it is not closed in the cell
	plain map[int]bool
	// tagEnds, once a tag is met, from tagEndsOf
	tagEnds []int
	// spanEnds, once a backtick is met, from codeSpanEnds
	spanEnds []int
	// noComment, when not 0: no "-->" closes a comment opened at
	// noComment-1 or after
	noComment int
}

// scan returns the pieces, and where the link texts and destinations
// still open at the end of the cell were opened.
func (s *pieceScanner) scan() (pieces []text.Segment, unclosed []int) {
	v := s.v
	start := 0
	// at most one piece more than the "\n" in the cell: allocated once
	pieces = make([]text.Segment, 0, bytes.Count(v, []byte(`\n`))+1)
	// where the link texts ('[') and destinations ("](", and '(' in
	// them) open around i were opened
	var brackets, parens []int
	add := func(end int) {
		p := trim(text.NewSegment(s.seg.Start+start, s.seg.Start+end), s.src)
		if p.Len() > 0 {
			pieces = append(pieces, p)
		}
	}
	for i := 0; i < len(v); i++ {
		s.steps++
		c := v[i]
		switch {
		case c == '<' && (s.noComment == 0 || i+1 < s.noComment) && bytes.HasPrefix(v[i:], []byte("<!--")):
			// an HTML comment: not split, not read; one not closed is
			// text, and so is every later one
			j := bytes.Index(v[i+4:], []byte("-->"))
			if j >= 0 {
				s.steps += j + 3
				i += 4 + j + 2
				continue
			}
			s.steps += len(v) - i
			s.noComment = i + 1
		case c == '<' && i+1 < len(v) && (v[i+1] == '/' || v[i+1]|0x20 >= 'a' && v[i+1]|0x20 <= 'z'):
			if s.tagEnds == nil {
				s.tagEnds = tagEndsOf(v)
				s.steps += len(v)
			}
			if end := s.tagEnds[i+1]; end >= 0 {
				// a raw HTML tag: not split, not read
				i = end
				continue
			}
			// not closed: text
		case c == '[' && !s.plain[i]:
			brackets = append(brackets, i)
		case c == ']' && len(brackets) > 0:
			brackets = brackets[:len(brackets)-1]
			if i+1 < len(v) && v[i+1] == '(' && !s.plain[i] {
				parens = append(parens, i)
				i++
			}
		case len(parens) > 0 && c == '(' && !s.plain[i]:
			parens = append(parens, i)
		case len(parens) > 0 && c == ')':
			parens = parens[:len(parens)-1]
		}
		switch {
		case c == '`':
			if s.spanEnds == nil {
				s.spanEnds = codeSpanEnds(v)
				s.steps += len(v)
			}
			if end := s.spanEnds[i]; end >= 0 {
				// a code span: not split, not read
				i = end
				continue
			}
			// a run of backticks no run of the same length closes: text
			for i+1 < len(v) && v[i+1] == '`' {
				i++
			}
		case c == '\\' && i+1 < len(v) && (v[i+1] == '\\' || v[i+1] == '[' || v[i+1] == ']' || v[i+1] == '<' || v[i+1] == '`'):
			i++
		case len(brackets) == 0 && len(parens) == 0 && c == '\\' && i+1 < len(v) && v[i+1] == 'n' &&
			(i+2 == len(v) || !isWordByte(v[i+2]) || i == 0 || blankByte(v[i-1]) ||
				!isWordByte(v[i-1]) && (isUpperOrDigit(v[i+2]))):
			// IBM's line break: "a \n b", "a  \n192GB", "a,\nSecrets",
			// not "C:\dir\notes" or "C:\nginx" (a word on each side,
			// or punctuation then lower case)
			add(i)
			start = i + 2
			i++
		}
	}
	add(len(v))
	return pieces, append(brackets, parens...)
}

// tagEndsOf returns, for each i from 0 to len(v), where in v the '>' is
// that ends a raw HTML tag whose inside is read from i on, outside quotes:
// the first '>' not in a quoted value; -1 when the cell ends first, or
// when a '<' or a '`' comes first outside quotes (in no tag).
func tagEndsOf(v []byte) []int {
	ends := make([]int, len(v)+1)
	ends[len(v)] = -1
	// the next '"' and '\'' after i
	next := [2]int{-1, -1}
	for i := len(v) - 1; i >= 0; i-- {
		switch c := v[i]; c {
		case '>':
			ends[i] = i
		case '<', '`':
			ends[i] = -1
		case '"', '\'':
			q := 0
			if c == '\'' {
				q = 1
			}
			if j := next[q]; j < 0 {
				ends[i] = -1
			} else {
				ends[i] = ends[j+1]
			}
			next[q] = i
		default:
			ends[i] = ends[i+1]
		}
	}
	return ends
}

// codeSpanEnds returns, for each backtick of v, where the code span a run
// of backticks starting there opens ends: the last backtick of the next
// whole run of as many backticks (CommonMark's rule), -1 when none closes
// it (the run is text); -1 elsewhere. A run opens at its first backtick,
// or after an escaped backtick, hence every backtick's entry.
func codeSpanEnds(v []byte) []int {
	ends := make([]int, len(v))
	// run is the length of the backticks from i on
	run := 0
	// the last backtick of the next whole run of each length after i
	next := map[int]int{}
	for i := len(v) - 1; i >= 0; i-- {
		ends[i] = -1
		if v[i] != '`' {
			run = 0
			continue
		}
		run++
		if e, ok := next[run]; ok {
			ends[i] = e
		}
		if i == 0 || v[i-1] != '`' { // a whole run
			next[run] = i + run - 1
		}
	}
	return ends
}

// CodeSpans returns the byte ranges [start, end) of the code spans of v,
// Markdown as written, as CommonMark reads them: a run of backticks opens
// one that the next run of as many closes; a run that none closes is
// text, and so is a backtick escaped with a backslash. Its cost is linear.
func CodeSpans(v []byte) [][2]int {
	if bytes.IndexByte(v, '`') < 0 {
		return nil
	}
	ends := codeSpanEnds(v)
	var spans [][2]int
	for i := 0; i < len(v); i++ {
		switch v[i] {
		case '\\':
			i++ // an escaped character
		case '`':
			if e := ends[i]; e >= 0 {
				spans = append(spans, [2]int{i, e + 1})
				i = e
				continue
			}
			for i+1 < len(v) && v[i+1] == '`' {
				i++ // a run none closes: text
			}
		}
	}
	return spans
}

// blankByte reports whether c is a space or a tab.
func blankByte(c byte) bool { return c == ' ' || c == '\t' }

// isUpperOrDigit reports whether c is an ASCII upper-case letter or digit.
func isUpperOrDigit(c byte) bool { return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' }

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// MarkerLen returns the length of the list marker a cell's piece starts
// with ("- ", "* ", IBM's "*" before a word, "1. "), blanks after it
// included; 0 when it starts with none. A piece read as a line among
// others that are not items keeps its marker in the cell; a duty does not.
func MarkerLen[S string | []byte](p S) int {
	if itemKind([]byte(p)) == 0 {
		return 0
	}
	i := 0
	for i < len(p) && p[i] != ' ' && p[i] != '\t' && !(p[0] == '*' && i == 1) {
		i++
	}
	for i < len(p) && (p[i] == ' ' || p[i] == '\t') {
		i++
	}
	return i
}

// itemKind returns the list marker kind a piece starts with: '-', '*' or
// '+' for bullets, '.' for numbers, 0 for none.
func itemKind(p []byte) byte {
	if len(p) < 2 {
		return 0
	}
	switch c := p[0]; c {
	case '-', '+':
		if p[1] == ' ' {
			return c
		}
	case '*':
		// "* item", and IBM's "*item" without a space when that cannot be
		// emphasis (no other '*' in the piece)
		if p[1] == ' ' || p[1] != '*' && bytes.IndexByte(p[1:], '*') < 0 {
			return '*'
		}
	default:
		i := 0
		for i < len(p) && i < 9 && p[i] >= '0' && p[i] <= '9' {
			i++
		}
		if i > 0 && i+1 < len(p) && (p[i] == '.' || p[i] == ')') && p[i+1] == ' ' {
			return '.'
		}
	}
	return 0
}

func leadingNumber(p []byte) int {
	n := 0
	for _, c := range p {
		if c < '0' || c > '9' {
			break
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// stripMarker returns p without its list marker.
func stripMarker(p text.Segment, src []byte) text.Segment {
	v := p.Value(src)
	i := 0
	if v[0] >= '0' && v[0] <= '9' {
		for i < len(v) && v[i] >= '0' && v[i] <= '9' {
			i++
		}
	}
	i++ // the marker character
	return trim(text.NewSegment(p.Start+i, p.Stop), src)
}
