// Package diag holds mdraci's diagnostics: problems found in a document,
// each with a 1-based position, a severity and a message, printed as
// "file:line:col: severity: message".
//
// The goldmark parts of mdraci record diagnostics in the parser.Context with
// Report; callers read them back with Get after parsing.
package diag

import (
	"bytes"
	"fmt"
	"sort"
	"unicode/utf8"

	"github.com/yuin/goldmark/parser"
)

// Severity is how serious a diagnostic is.
type Severity int

const (
	// Info is a remark: a normalization made, a default assumed.
	Info Severity = iota
	// Warning is a likely mistake; the output is still complete.
	Warning
	// Error is a mistake that makes the document wrong or incomplete.
	Error
)

// String returns "info", "warning" or "error".
func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "info"
}

// MarshalText implements encoding.TextMarshaler.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Severity) UnmarshalText(b []byte) error {
	switch string(b) {
	case "error":
		*s = Error
	case "warning":
		*s = Warning
	case "info":
		*s = Info
	default:
		return fmt.Errorf("unknown severity %q", b)
	}
	return nil
}

// Code describes a diagnostic code: what its findings are about.
type Code struct {
	// Code is the code as diagnostics carry it ("keyword-unknown",
	// "RACI001").
	Code string `json:"code"`
	// Severity is the severity its findings have unless configured
	// otherwise (some codes are errors with --strict).
	Severity Severity `json:"severity"`
	// Summary says in a few words what it finds.
	Summary string `json:"summary"`
}

// Diagnostic is one problem found in a document.
type Diagnostic struct {
	// Code names the rule, for example "keyword-unknown".
	Code string `json:"code"`
	// Severity is error, warning or info.
	Severity Severity `json:"severity"`
	// Message says what is wrong, in words a writer understands.
	Message string `json:"message"`
	// File is the input's name; "<stdin>" for standard input.
	File string `json:"file"`
	// Line is 1-based.
	Line int `json:"line"`
	// Col is 1-based and counts bytes.
	Col int `json:"col"`
}

// String formats d as "file:line:col: severity: message [code]".
func (d Diagnostic) String() string {
	file := d.File
	if file == "" {
		file = "<input>"
	}
	s := fmt.Sprintf("%s:%d:%d: %s: %s", file, max(d.Line, 1), max(d.Col, 1), d.Severity, d.Message)
	if d.Code != "" {
		s += " [" + d.Code + "]"
	}
	return s
}

// Sort orders diagnostics by file, line and column, keeping the order of
// diagnostics at the same place.
func Sort(ds []Diagnostic) {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i], ds[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// Count returns how many of ds have severity s.
func Count(ds []Diagnostic, s Severity) int {
	n := 0
	for _, d := range ds {
		if d.Severity == s {
			n++
		}
	}
	return n
}

// Lines maps byte offsets of a source to 1-based lines and columns.
//
// The source may be a cleaned copy of a file in which some characters are
// longer than the byte of the file each stands for, as the U+FFFD (three
// bytes) replacing an invalid byte: Widen marks them, and columns are then
// those of the file.
type Lines struct {
	starts []int
	// wide are the offsets, ascending, of the characters Widen marked,
	// each extra bytes longer in the source than in the file
	wide  []int
	extra int
}

// Widen tells l that the characters at offsets (ascending) of its source
// each stand for one byte of the file and are extra bytes longer than it
// (2 for a U+FFFD replacing an invalid byte): columns after them on their
// line count the bytes of the file. It returns l.
func (l *Lines) Widen(offsets []int, extra int) *Lines {
	l.wide, l.extra = offsets, extra
	return l
}

// Excess returns how many bytes the source holds more than the file in
// offsets [from, to): the extra bytes of the characters Widen marked
// there. It is 0 for a source Widen was not given characters of.
func (l *Lines) Excess(from, to int) int {
	if len(l.wide) == 0 || to <= from {
		return 0
	}
	return (sort.SearchInts(l.wide, to) - sort.SearchInts(l.wide, from)) * l.extra
}

// NewLines indexes the line starts of src.
func NewLines(src []byte) *Lines {
	starts := make([]int, 1, bytes.Count(src, []byte{'\n'})+1)
	for i := 0; ; {
		nl := bytes.IndexByte(src[i:], '\n')
		if nl < 0 {
			break
		}
		i += nl + 1
		starts = append(starts, i)
	}
	return &Lines{starts: starts}
}

// Position returns the 1-based line and column of the byte at offset. The
// column counts the bytes of the file (see Widen).
func (l *Lines) Position(offset int) (line, col int) {
	if offset < 0 {
		offset = 0
	}
	i := sort.SearchInts(l.starts, offset+1) - 1
	if i < 0 {
		i = 0
	}
	col = offset - l.starts[i] + 1
	if len(l.wide) > 0 { // nothing to count on valid input
		col -= l.Excess(l.starts[i], offset)
	}
	return i + 1, col
}

// Offset returns the byte offset of the start of 1-based line n.
func (l *Lines) Offset(n int) int {
	if n < 1 || n > len(l.starts) {
		return -1
	}
	return l.starts[n-1]
}

var (
	diagsKey = parser.NewContextKey()
	linesKey = parser.NewContextKey()
)

// Report records a diagnostic at byte offset of src in the parser context.
// The file name is left empty for the caller to fill in.
func Report(pc parser.Context, src []byte, offset int, sev Severity, code, format string, args ...any) {
	line, col := LinesOf(pc, src).Position(offset)
	ds, _ := pc.Get(diagsKey).(*[]Diagnostic)
	if ds == nil {
		// the context holds a pointer, set once: a slice stored in it
		// would be boxed again at every report
		ds = new([]Diagnostic)
		pc.Set(diagsKey, ds)
	}
	*ds = append(*ds, Diagnostic{
		Code: code, Severity: sev, Message: fmt.Sprintf(format, args...), Line: line, Col: col,
	})
}

// Get returns the diagnostics recorded in the parser context, sorted by
// position.
func Get(pc parser.Context) []Diagnostic {
	ds, _ := pc.Get(diagsKey).(*[]Diagnostic)
	if ds == nil {
		return nil
	}
	Sort(*ds)
	return *ds
}

// SetLines makes lines the line index of the source parsed with pc, the
// one LinesOf returns and Report uses: for a source whose columns are not
// its offsets (Lines.Widen). Call it before parsing.
func SetLines(pc parser.Context, lines *Lines) { pc.Set(linesKey, lines) }

// LinesOf returns the line index of src kept in the parser context, making
// it on first use (or the one SetLines gave).
func LinesOf(pc parser.Context, src []byte) *Lines {
	lines, _ := pc.Get(linesKey).(*Lines)
	if lines == nil {
		lines = NewLines(src)
		pc.Set(linesKey, lines)
	}
	return lines
}

// Clip shortens s for a message to at most limit bytes, cut at a
// character boundary and marked with "…": diagnostics quote names and
// values, which hostile input makes megabytes long.
func Clip(s string, limit int) string {
	if len(s) <= limit {
		return s
	}
	cut := limit
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
