package attributes

import (
	"fmt"
	"strings"

	"github.com/mdraci/mdraci/extension/diag"
)

// List is one parsed attribute list: the contents of {: …} or of an ALD.
type List struct {
	// ID is the last #id given; "" when none.
	ID string
	// Classes are the .class names in order.
	Classes []string
	// Pairs are key="value" pairs in order.
	Pairs []Pair
	// Refs are the names of ALDs referred to, in order.
	Refs []string
}

// Pair is one key="value" attribute.
type Pair struct {
	Key, Value string
}

// Problem is a syntax problem in an attribute list, at byte offset Offset
// of the text given to Parse.
type Problem struct {
	Offset  int
	Message string
}

// Error implements error.
func (p Problem) Error() string { return p.Message }

// Line is one line holding an attribute list: an IAL, or an ALD when Name
// is set.
type Line struct {
	// Name is the ALD's name for a definition line {:name: …}, else "".
	Name string
	// List is the attributes.
	List List
	// Offset is the byte offset of the attributes within the line.
	Offset int
}

// ParseLine parses a line (surrounding white space trimmed) that is one
// {:…} attribute list: an IAL {: …}, {:ref} or an ALD definition
// {:name: …}. ok is false when the line is not an attribute list at all
// ({:: extensions, text around it, no closing brace); problems lists
// syntax errors inside one.
func ParseLine(line string) (l Line, problems []Problem, ok bool) {
	if !strings.HasPrefix(line, "{:") || strings.HasPrefix(line, "{::") || !strings.HasSuffix(line, "}") || len(line) < 3 {
		return Line{}, nil, false
	}
	body := line[2 : len(line)-1]
	l.Offset = 2
	if name, rest, isDef := cutDefinitionName(body); isDef {
		l.Name = name
		l.Offset += len(body) - len(rest)
		body = rest
	}
	if !closedAt(body) {
		return Line{}, nil, false
	}
	l.List, problems = Parse(body)
	for i := range problems {
		problems[i].Offset += l.Offset
	}
	return l, problems, true
}

// closedAt reports whether body holds no unquoted '}' (which would mean the
// line holds more than one list, or text after one).
func closedAt(body string) bool {
	end, _ := closeOf(body)
	return end < 0
}

// closeOf returns the index in s of its first '}' outside a quoted value
// (a quote right after '=' opens one; a backslash in it escapes the next
// byte), or -1; and the index where the first quoted value opens (len(s)
// when none opens before that '}'). The block and the span parsers both
// read lists so.
func closeOf[T string | []byte](s T) (end, quoted int) {
	quoted = len(s)
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0 && c == '\\':
			i++
		case quote != 0 && c == quote:
			quote = 0
		case quote == 0 && (c == '"' || c == '\''):
			if i > 0 && s[i-1] == '=' {
				quote = c
				quoted = min(quoted, i)
			}
		case quote == 0 && c == '}':
			return i, quoted
		}
	}
	return -1, quoted
}

// cutDefinitionName splits "name: attrs" (an ALD body) into its name and
// attributes.
func cutDefinitionName(body string) (name, rest string, ok bool) {
	i := strings.IndexByte(body, ':')
	if i <= 0 {
		return "", body, false
	}
	name = body[:i]
	for _, r := range name {
		if r == ' ' || r == '\t' || r == '=' || r == '"' || r == '\'' || r == '{' || r == '}' {
			return "", body, false
		}
	}
	return name, body[i+1:], true
}

// Parse parses the inside of an attribute list ("#id .class k=\"v\" ref").
// It never fails: what it cannot read is reported as a Problem and skipped.
func Parse(s string) (List, []Problem) {
	return parse(s, nil)
}

// mark is told, by parse, where each attribute it reads is written: kind
// '#' (an id), '.' (a class), '=' (a pair) or 'r' (a reference); name the
// id, class, key or reference; at the byte index of the '#', '.', key or
// reference; value where the id's name or the pair's value starts (after
// its quote).
type mark func(kind byte, name string, at, value int)

// parse is Parse, telling mark (when not nil) where each attribute is.
func parse(s string, mark mark) (List, []Problem) {
	var l List
	var problems []Problem
	i := 0
	for i < len(s) {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '#' || c == '.':
			j := i + 1
			for j < len(s) && !isSpace(s[j]) {
				j++
			}
			name := s[i+1 : j]
			if name == "" {
				problems = append(problems, Problem{i, fmt.Sprintf("%q must be followed by a name", string(c))})
			} else {
				if c == '#' {
					l.ID = name
				} else {
					l.Classes = append(l.Classes, name)
				}
				if mark != nil {
					mark(c, name, i, i+1)
				}
			}
			i = j
		default:
			j := i
			for j < len(s) && !isSpace(s[j]) && s[j] != '=' {
				j++
			}
			name := s[i:j]
			if j < len(s) && s[j] == '=' {
				v, next, p := parseValue(s, j+1)
				if p != "" {
					problems = append(problems, Problem{j + 1, fmt.Sprintf("attribute %q: %s", diag.Clip(name, 60), p)})
				}
				if !validName(name) {
					problems = append(problems, Problem{i, fmt.Sprintf("%q is not a valid attribute name", diag.Clip(name, 60))})
				} else {
					l.Pairs = append(l.Pairs, Pair{Key: name, Value: v})
					if mark != nil {
						at := j + 1
						if at < len(s) && (s[at] == '"' || s[at] == '\'') {
							at++
						}
						mark('=', name, i, at)
					}
				}
				i = next
				continue
			}
			if validName(name) {
				l.Refs = append(l.Refs, name)
				if mark != nil {
					mark('r', name, i, i)
				}
			} else {
				problems = append(problems, Problem{i, fmt.Sprintf("%q is not a valid reference name", diag.Clip(name, 60))})
			}
			i = j
		}
	}
	return l, problems
}

// parseValue reads a quoted (or bare) value starting at s[i]; it returns the
// value, the index after it, and a problem description when the value is
// malformed.
func parseValue(s string, i int) (string, int, string) {
	if i >= len(s) {
		return "", i, "missing value"
	}
	q := s[i]
	if q != '"' && q != '\'' {
		j := i
		for j < len(s) && !isSpace(s[j]) {
			j++
		}
		return s[i:j], j, ""
	}
	// a value without backslashes is a substring of s, not a copy
	for j := i + 1; j < len(s) && s[j] != '\\'; j++ {
		if s[j] == q {
			return s[i+1 : j], j + 1, ""
		}
	}
	var b strings.Builder
	for j := i + 1; j < len(s); j++ {
		c := s[j]
		if c == '\\' && j+1 < len(s) && (s[j+1] == q || s[j+1] == '\\' || s[j+1] == '}') {
			b.WriteByte(s[j+1])
			j++
			continue
		}
		if c == q {
			return b.String(), j + 1, ""
		}
		b.WriteByte(c)
	}
	return b.String(), len(s), "the quoted value is not closed"
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// validName reports whether s is usable as an attribute or reference name:
// no quotes, braces, angle brackets, '=' or '/'.
func validName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' || c == '\'' || c == '<' || c == '>' || c == '=' || c == '/' || c == '{' || c == '}' || c == '`' || c < 0x20:
			return false
		}
	}
	return true
}

// Merge returns l with m's attributes added after it: m's id and pair
// values win, classes and references append.
func (l List) Merge(m List) List {
	out := List{ID: l.ID}
	if m.ID != "" {
		out.ID = m.ID
	}
	out.Classes = appendUnique(append([]string(nil), l.Classes...), m.Classes...)
	out.Refs = append(append([]string(nil), l.Refs...), m.Refs...)
	out.Pairs = append([]Pair(nil), l.Pairs...)
	if len(out.Pairs)*len(m.Pairs) <= smallSet {
		for _, p := range m.Pairs {
			out.Pairs = setPair(out.Pairs, p)
		}
		return out
	}
	// many pairs (a hostile list): an index keeps the merge linear
	at := make(map[string]int, len(out.Pairs)+len(m.Pairs))
	for i := len(out.Pairs) - 1; i >= 0; i-- {
		at[out.Pairs[i].Key] = i // the first pair of a key, as setPair finds
	}
	for _, p := range m.Pairs {
		if i, ok := at[p.Key]; ok {
			out.Pairs[i].Value = p.Value
			continue
		}
		at[p.Key] = len(out.Pairs)
		out.Pairs = append(out.Pairs, p)
	}
	return out
}

// smallSet is the work (list length times additions) below which a plain
// scan beats building a map.
const smallSet = 256

func setPair(ps []Pair, p Pair) []Pair {
	for i := range ps {
		if ps[i].Key == p.Key {
			ps[i].Value = p.Value
			return ps
		}
	}
	return append(ps, p)
}

// appendUnique appends the strings of more that are not yet in list (nor
// earlier in more).
func appendUnique(list []string, more ...string) []string {
	if (len(list)+len(more))*len(more) > smallSet {
		seen := make(map[string]bool, len(list)+len(more))
		for _, s := range list {
			seen[s] = true
		}
		for _, s := range more {
			if !seen[s] {
				seen[s] = true
				list = append(list, s)
			}
		}
		return list
	}
outer:
	for _, s := range more {
		for _, t := range list {
			if s == t {
				continue outer
			}
		}
		list = append(list, s)
	}
	return list
}
