package keyword

import (
	"bytes"

	"github.com/mdraci/mdraci/extension/diag"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Includes
//
// IBM's docs build (marked-it) also reads {{FILE.md}} and {{FILE.md#id}} in
// double braces: "includes" that pull in another file, or the section or
// block of another file that has that id, such as
// {{../other-repo/topic.md#reused-h3}} or {{_include-segments/perks.md}}.
//
// mdraci does not resolve them: it converts one file at a time from its
// bytes alone, never opening another file, so no reference can make it read
// outside the source folder (../../etc/passwd) or anything at all. Each
// include is reported as a warning (an error with WithStrict) with the code
// "include-unresolved", and left in the text as written, so that the gap is
// visible in the page and in the diagnostics. Resolving them would belong
// to the docs build that has the other repositories at hand.

// includeRef reports whether ref, the text between the braces, is an
// include: a file path (a .md file name, or any path with a '/'), with an
// optional #id, made of the characters file names and ids use.
func includeRef(ref []byte) bool {
	ref = bytes.TrimSpace(ref)
	if i := bytes.IndexByte(ref, '#'); i >= 0 {
		if !nameChars(ref[i+1:], false) || i+1 == len(ref) {
			return false
		}
		ref = ref[:i]
	}
	if !nameChars(ref, true) {
		return false
	}
	return len(ref) > len(".md") && bytes.HasSuffix(ref, []byte(".md")) || bytes.ContainsRune(ref, '/') && len(bytes.Trim(ref, "./")) > 0
}

// nameChars reports whether b holds only letters, digits, '_', '-', '.'
// and, when path is set, '/'.
func nameChars(b []byte, path bool) bool {
	for _, c := range b {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '_', c == '-', c == '.':
		case c == '/' && path:
		default:
			return false
		}
	}
	return true
}

// reportInclude reports the include at line[0] ("{{…}}" closed at end), if
// it is one.
func (p *keywordParser) reportInclude(pc parser.Context, block text.Reader, line []byte, start, end int) {
	if !includeRef(line[2:end]) {
		return
	}
	sev := diag.Warning
	if p.cfg.Strict {
		sev = diag.Error
	}
	diag.Report(pc, block.Source(), start, sev, "include-unresolved",
		"include %s is not resolved (mdraci reads no other file); it is left as written", diag.Clip(string(line[:end+2]), 200))
}
