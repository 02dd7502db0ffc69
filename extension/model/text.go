package model

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// reSpace are the characters regexp's \s matches (ASCII white space but
// the vertical tab).
const reSpace = " \t\n\f\r"

// isReSpace reports whether c is one of reSpace.
func isReSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// trimLeftReSpace is strings.TrimLeft(s, reSpace), without the set
// strings builds on each call.
func trimLeftReSpace(s string) string {
	i := 0
	for i < len(s) && isReSpace(s[i]) {
		i++
	}
	return s[i:]
}

// trimRightReSpace is strings.TrimRight(s, reSpace), without the set
// strings builds on each call.
func trimRightReSpace(s string) string {
	n := len(s)
	for n > 0 && isReSpace(s[n-1]) {
		n--
	}
	return s[:n]
}

// lastReSpace is strings.LastIndexAny(s, reSpace): the index of the last
// byte of s that is one of reSpace, -1 when there is none.
func lastReSpace(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if isReSpace(s[i]) {
			return i
		}
	}
	return -1
}

// accentFold maps accented Latin letters to their base letter.
var accentFold = strings.NewReplacer(
	"à", "a", "â", "a", "ä", "a", "á", "a", "ç", "c", "é", "e", "è", "e", "ê", "e", "ë", "e",
	"î", "i", "ï", "i", "í", "i", "ô", "o", "ö", "o", "ó", "o", "û", "u", "ù", "u", "ü", "u", "ú", "u",
	"ñ", "n", "œ", "oe", "’", "'",
)

// stripEmphasis removes the markers of bold text ("**" or "__" up to the
// next "**" or "__" on the line), as the regexp (\*\*|__)(.*?)(\*\*|__)
// replaced by $2 would.
func stripEmphasis(s string) string {
	var b strings.Builder
	last := 0 // s[:last] is written
	for i := 0; i+1 < len(s); {
		if !isEmphasisMark(s, i) {
			i++
			continue
		}
		end, k := -1, i+2
		for ; k+1 < len(s) && s[k] != '\n'; k++ {
			if isEmphasisMark(s, k) {
				end = k
				break
			}
		}
		if end < 0 {
			// no closing mark up to the end of the line: none for the
			// marks before it either
			i = k + 1
			continue
		}
		if last == 0 {
			b.Grow(len(s))
		}
		b.WriteString(s[last:i])
		b.WriteString(s[i+2 : end])
		last = end + 2
		i = last
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// isEmphasisMark reports whether s holds "**" or "__" at i.
func isEmphasisMark(s string, i int) bool {
	return i+1 < len(s) && (s[i] == '*' && s[i+1] == '*' || s[i] == '_' && s[i+1] == '_')
}

// stripTags removes the HTML tags from s: what CommonMark reads as raw
// HTML ("<b>", "</td >", "<br/>", "<a href=x>", "<!-- … -->"). A "<" that
// starts no tag is text and stays, with what follows it: "x < y and a >
// b", "<cluster_name>" (a tag name holds letters, digits and dashes).
func stripTags(s string) string {
	var st tagScan
	return st.strip(s)
}

// tagScan is what stripTags knows while it reads a text: how many bytes
// its searches for the ends of tags read (for the tests), and the kinds of
// tag whose end a search missed: the search from a later "<" would miss
// it too (it reads a part of what the first one read), so it is not made
// again, and a text of many unclosed "<!--" is read once, not once per
// "<!--".
type tagScan struct {
	read                    int
	noComment, noPI, noDecl bool
}

// strip is stripTags.
func (st *tagScan) strip(s string) string {
	var b strings.Builder
	from := 0 // s[from:] is not written yet
	for i := strings.IndexByte(s, '<'); i >= 0; {
		end := st.tagEnd(s[i:])
		if end > 0 {
			if b.Len() == 0 {
				b.Grow(len(s))
			}
			b.WriteString(s[from:i])
			from = i + end
		} else {
			end = 1
		}
		next := strings.IndexByte(s[i+end:], '<')
		if next < 0 {
			break
		}
		i += end + next
	}
	if from == 0 {
		return s
	}
	b.WriteString(s[from:])
	return b.String()
}

// tagEnd returns the length of the tag s starts with, 0 when s starts with
// none: an opening tag "<name" followed by a blank, "/" or ">" and closed
// by ">" with no "<" before it; a closing tag "</name>" (blanks before
// ">"); a comment "<!-- … -->"; a declaration "<!X…>" or "<?…?>". s is
// the rest of the text from a "<" on, the "<"s before it passed in order.
func (st *tagScan) tagEnd(s string) int {
	switch {
	case strings.HasPrefix(s, "<!--"):
		return st.closed(s, 4, "-->", &st.noComment)
	case strings.HasPrefix(s, "<?"):
		return st.closed(s, 2, "?>", &st.noPI)
	case len(s) > 2 && s[1] == '!' && isASCIILetter(s[2]):
		return st.closed(s, 0, ">", &st.noDecl)
	}
	closing := len(s) > 1 && s[1] == '/'
	k := 1
	if closing {
		k = 2
	}
	if k >= len(s) || !isASCIILetter(s[k]) {
		return 0
	}
	for k < len(s) && (isASCIILetter(s[k]) || '0' <= s[k] && s[k] <= '9' || s[k] == '-') {
		k++
	}
	st.read += k
	if k == len(s) {
		return 0
	}
	switch c := s[k]; {
	case c == '>':
		return k + 1
	case closing && (c == ' ' || c == '\t' || c == '\n'):
		rest := strings.TrimLeft(s[k:], " \t\n")
		st.read += len(s) - k - len(rest)
		if strings.HasPrefix(rest, ">") {
			return len(s) - len(rest) + 1
		}
		return 0
	case !closing && (c == ' ' || c == '\t' || c == '\n' || c == '/'):
		j := strings.IndexAny(s[k:], "<>")
		st.count(len(s)-k, j, 1)
		if j >= 0 && s[k+j] == '>' {
			return k + j + 1
		}
	}
	return 0
}

// closed returns the length of s up to the first end after its first
// skip bytes, end included; 0 when no end comes, which *none remembers:
// none comes after any later s either, which is a part of this one.
func (st *tagScan) closed(s string, skip int, end string, none *bool) int {
	if *none {
		return 0
	}
	j := strings.Index(s[skip:], end)
	st.count(len(s)-skip, j, len(end))
	if j < 0 {
		*none = true
		return 0
	}
	return skip + j + len(end)
}

// count adds to st.read what a search of n bytes read: up to the end of
// the w bytes it found at j, all n when j < 0.
func (st *tagScan) count(n, j, w int) {
	if j < 0 {
		st.read += n
	} else {
		st.read += j + w
	}
}

// isASCIILetter reports whether c is an ASCII letter.
func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// cutParen cuts off the remark in parentheses that ends s, with the white
// space around it: "Customer (3rd Party Vendor) " → "Customer", " (3rd
// Party Vendor) ", as the regexp \s*\([^)]*\)\s*$ would find it. ok is
// false when s ends with no such remark.
func cutParen(s string) (before, paren string, ok bool) {
	end := len(trimRightReSpace(s)) - 1 // the closing ")"
	if end < 0 || s[end] != ')' {
		return s, "", false
	}
	from := strings.LastIndexByte(s[:end], ')') + 1 // the remark holds no ")"
	open := strings.IndexByte(s[from:end], '(')
	if open < 0 {
		return s, "", false
	}
	start := len(trimRightReSpace(s[:from+open]))
	return s[:start], s[start:], true
}

// dropParen is s without the remark in parentheses that ends it (the
// regexp \s*\([^)]*\)\s*$ replaced by "").
func dropParen(s string) string {
	before, _, _ := cutParen(s)
	return before
}

// findParen is the remark in parentheses that ends s, with the white
// space around it, "" when none.
func findParen(s string) string {
	_, paren, _ := cutParen(s)
	return paren
}

// plain strips emphasis markers and HTML tags and collapses white space.
func plain(s string) string {
	if alreadyPlain(s) {
		return s // most cells and headers: nothing to strip
	}
	return stripPlain(s)
}

// stripPlain is plain without the look that spares the work.
func stripPlain(s string) string {
	// the patterns cannot match without their first characters, which
	// most cells lack: skip the (slow) regexps then
	if strings.IndexByte(s, '<') >= 0 {
		s = stripTags(s)
	}
	if strings.Contains(s, "**") || strings.Contains(s, "__") {
		s = stripEmphasis(s)
	}
	return strings.TrimSpace(collapseSpace(s))
}

// alreadyPlain reports, from one look at its bytes, that plain(s) is s:
// s holds no "<", "**" or "__", no white space but single spaces, and
// starts and ends with an ASCII byte that is no white space (TrimSpace
// also trims Unicode spaces, so non-ASCII ends are left to plain).
func alreadyPlain(s string) bool {
	n := len(s)
	if n == 0 || s[0] <= ' ' || s[0] >= utf8.RuneSelf || s[n-1] <= ' ' || s[n-1] >= utf8.RuneSelf {
		return false
	}
	for i := 0; i < n; i++ {
		c := s[i]
		if !plainStops[c] {
			continue // most bytes: letters, digits, punctuation
		}
		switch c {
		case '<':
			return false
		case ' ':
			if s[i-1] == ' ' { // (s[0] is no space)
				return false
			}
		case '*', '_':
			if i > 0 && s[i-1] == c {
				return false
			}
		default:
			if c < ' ' {
				return false
			}
		}
	}
	return true
}

// plainStops are the bytes alreadyPlain looks at twice: white space and
// control characters, "<", "*" and "_".
var plainStops = func() (t [256]bool) {
	for c := 0; c <= ' '; c++ {
		t[c] = true
	}
	t['<'], t['*'], t['_'] = true, true, true
	return t
}()

// collapseSpace replaces each run of white space as regexp's \s means it
// (\t \n \f \r and space) by one space, as the regexp \s+ would.
func collapseSpace(s string) string {
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }
	i := 0
	for ; i < len(s); i++ {
		if c := s[i]; c > ' ' {
			continue // the common case
		} else if c == ' ' {
			if i+1 < len(s) && isSpace(s[i+1]) {
				break
			}
		} else if isSpace(c) {
			break
		}
	}
	if i == len(s) {
		return s // nothing to replace
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		if !isSpace(s[i]) {
			b.WriteByte(s[i])
			i++
			continue
		}
		b.WriteByte(' ')
		for i < len(s) && isSpace(s[i]) {
			i++
		}
	}
	return b.String()
}

// fold returns s plain, lower case, accents removed: the form header and
// keyword comparisons use.
func fold(s string) string {
	return nonASCII(accentFold, strings.ToLower(plain(s)))
}

// asciiFold returns fold(s) in buf, without allocating, when s is ASCII
// that plain leaves as it is (fold then only lowers its case) and fits in
// buf; ok is false otherwise.
func asciiFold(buf *[16]byte, s string) (f []byte, ok bool) {
	if len(s) > len(buf) || !alreadyPlain(s) {
		return nil, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return nil, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return buf[:len(s)], true
}

// plainASCII reports whether s is ASCII without what plain removes
// ("<", "**", "__"): fold(s) is then s lower-cased, blanks collapsed and
// trimmed.
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf, c == '<':
			return false
		case (c == '*' || c == '_') && i+1 < len(s) && s[i+1] == c:
			return false
		}
	}
	return true
}

// slug makes an id: lower-case ASCII letters and digits separated by
// single hyphens, cut at a word boundary after max bytes (0: no limit).
func slug(s string, max int) string {
	return trimSlug(slugAll(s, max), max)
}

// slugAll makes the slug of s, stopping once it is longer than max bytes
// (0: no limit).
func slugAll(s string, max int) string {
	if out, ok := slugASCII(s, max); ok {
		return out
	}
	switch {
	case plainASCII(s):
		// fold would only lower the case (done below) and change blanks
	case !hasMarkup(s):
		return slugRunes(s, max)
	default:
		s = fold(s)
	}
	var b strings.Builder
	b.Grow(min(len(s), max+1))
	dash := false
	for i := 0; i < len(s) && (max <= 0 || b.Len() <= max); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A' // as fold would
			}
			b.WriteByte(c)
		default:
			dash = true
		}
	}
	return b.String()
}

// slugASCII is slugAll for text whose bytes up to where the slug stops are
// ASCII without markup (most activities): it reads no further, where the
// general path folds the whole text first. ok is false, and out empty,
// when it meets a byte that is not ASCII or markup plain removes ("<",
// "**", "__"): what comes after the slug's end cannot change it.
func slugASCII(s string, max int) (out string, ok bool) {
	var buf [64]byte
	b, ok := appendSlugASCII(buf[:0], s, max)
	if !ok {
		return "", false
	}
	return string(b), true
}

// appendSlugASCII appends slugASCII(s, max) to dst; ok is false, and dst
// returned as it was, when slugASCII's is.
func appendSlugASCII(dst []byte, s string, max int) (out []byte, ok bool) {
	from := len(dst) // the slug is out[from:]
	dash := false
	for i := 0; i < len(s) && (max <= 0 || len(dst)-from <= max); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case c >= utf8.RuneSelf || c == '<' || (c == '*' || c == '_') && i+1 < len(s) && s[i+1] == c:
			return dst[:from], false
		default:
			dash = true
			continue
		}
		if dash && len(dst) > from {
			dst = append(dst, '-')
		}
		dash = false
		dst = append(dst, c)
	}
	return dst, true
}

// hasMarkup reports whether s holds what plain removes: "<", "**", "__".
func hasMarkup(s string) bool {
	return strings.IndexByte(s, '<') >= 0 || strings.Contains(s, "**") || strings.Contains(s, "__")
}

// accentBase maps the accented letters accentFold folds to their base.
var accentBase = map[rune]string{
	'à': "a", 'â': "a", 'ä': "a", 'á': "a", 'ç': "c", 'é': "e", 'è': "e", 'ê': "e", 'ë': "e",
	'î': "i", 'ï': "i", 'í': "i", 'ô': "o", 'ö': "o", 'ó': "o", 'û': "u", 'ù': "u", 'ü': "u", 'ú': "u",
	'ñ': "n", 'œ': "oe",
}

// slugRunes is slugAll for text without markup: fold's lower case and
// accent folding rune by rune, sparing the folded copy of the whole text
// (activities are long, their slugs short).
func slugRunes(s string, max int) string {
	var b strings.Builder
	b.Grow(min(len(s), max+1))
	dash := false
	for _, r := range s {
		if max > 0 && b.Len() > max {
			break
		}
		r = unicode.ToLower(r)
		out := ""
		switch {
		case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
		case r >= utf8.RuneSelf && accentBase[r] != "":
			out = accentBase[r]
		default:
			dash = true
			continue
		}
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		dash = false
		if out == "" {
			b.WriteRune(r)
		} else {
			b.WriteString(out)
		}
	}
	return b.String()
}

// trimSlug cuts a slug at a word boundary after max bytes (0: no limit).
func trimSlug(out string, max int) string {
	return out[:trimmedSlugLen(out, max)]
}

// trimmedSlugLen is the length of trimSlug(out, max).
func trimmedSlugLen[T string | []byte](out T, max int) int {
	n := len(out)
	if max > 0 && n > max {
		n = max
		for i := n - 1; i > max/2; i-- {
			if out[i] == '-' { // the last dash before max, if past max/2
				n = i
				break
			}
		}
		for n > 0 && out[n-1] == '-' {
			n--
		}
	}
	return n
}

// unresolvedKeyword reports whether s still holds a keyword reference.
func unresolvedKeyword(s string) bool {
	return strings.Contains(s, "{{site.data.")
}

// placeholderRE matches placeholder cells and items: the word alone, in
// parentheses or brackets ("(TBD)"), or before a colon or a dash and what
// is still to write ("TODO: write this", "NEED CONTENT - backups").
var placeholderRE = regexp.MustCompile(`(?i)^\s*[(\[]?\s*(need(s)? content|\?+|tbd|tbc|todo|xxx+|replace_me|lorem ipsum.*|to be (defined|determined|completed))\s*[.!]*\s*[)\]]?\s*(:.*|[-–—]\s.*)?$`)

// isPlaceholder reports whether s is a placeholder ("NEED CONTENT", "??",
// "TBD", "(TBD)", "TODO: write this").
func isPlaceholder(s string) bool {
	return mayStartWith(s, "nNtTxXrRlL?([") && placeholderRE.MatchString(s)
}

// mayStartWith reports whether s, leading white space skipped, may start
// with one of the ASCII characters in first, as a case-insensitive regexp
// needs: false only for an ASCII character not among them.
func mayStartWith(s, first string) bool {
	s = trimLeftReSpace(s)
	return s == "" || s[0] >= utf8.RuneSelf || strings.IndexByte(first, s[0]) >= 0
}

// mayEndWith is mayStartWith for the end of s, trailing white space cut.
func mayEndWith(s, last string) bool {
	s = trimRightReSpace(s)
	return s == "" || s[len(s)-1] >= utf8.RuneSelf || strings.IndexByte(last, s[len(s)-1]) >= 0
}

// notApplicableRE matches "not applicable" cells.
var notApplicableRE = regexp.MustCompile(`(?i)^\s*(n\s*/\s*a|n\.a\.|na|not applicable|non applicable|sans objet|s/o|none|aucune?)\s*\.?\s*$`)

// isNotApplicable reports whether s says "not applicable", or "none" (a
// party's cell of a prose table saying it has no duty there).
func isNotApplicable(s string) bool {
	return mayStartWith(s, "nNsSaA") && mayEndWith(s, "aA.eEtToOnN") && notApplicableRE.MatchString(s)
}

// isDash reports whether s is empty or only a dash: the "not involved" cell.
func isDash(s string) bool {
	switch strings.TrimSpace(s) {
	case "", "-", "–", "—", "--", "---":
		return true
	}
	return false
}

// footnoteRE matches footnote marks at the end of a cell: stars, daggers,
// superscript digits, "[^label]", "[1]", "(1)"; not a word in brackets
// ("Scans [optional]").
var footnoteRE = regexp.MustCompile(`\s*(\*+|†|‡|★|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[(?:\^[\w-]+|\d{1,3}|\*{1,3}|†|‡)\]|\(\d{1,2}\))$`)

// markWindow is how many trailing bytes liftNotes searches for a mark,
// and maxMarks how many marks it lifts off one cell at most: a cell of
// thousands of marks is text, and costs linear time.
const (
	markWindow = 256
	maxMarks   = 16
)

// liftNotes removes trailing footnote marks from s and returns them.
// A cell that is only a mark is left alone (a "*" plan means "all").
func liftNotes(s string) (string, []string) {
	var marks []string
	s = strings.TrimSpace(s)
	for len(marks) < maxMarks {
		// a mark is short: search the tail only
		if !endsLikeMark(s) {
			break // footnoteRE cannot match: spare the regexp
		}
		from := max(len(s)-markWindow, 0)
		loc := footnoteRE.FindStringSubmatchIndex(s[from:])
		if loc == nil || from+loc[0] == 0 {
			break
		}
		marks = append(marks, normalizeMarker(s[from+loc[2]:from+loc[3]]))
		s = strings.TrimSpace(s[:from+loc[0]])
	}
	slices.Reverse(marks)
	return s, marks
}

// endsLikeMark reports whether s ends with a character a footnote mark
// (footnoteRE) can end with.
func endsLikeMark(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case '*', '†', '‡', '★', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹', '⁰':
		return true
	case ']': // "[^1]", "[1]"
		return strings.IndexByte(s, '[') >= 0
	case ')': // "(1)", "(12)": most cells ending with ")" end with words
		n := len(s)
		digit := func(i int) bool { return i >= 0 && s[i] >= '0' && s[i] <= '9' }
		return n >= 3 && digit(n-2) && (s[n-3] == '(' || digit(n-3) && n >= 4 && s[n-4] == '(')
	}
	return false
}

// normalizeMarker turns "[^1]", "(1)", "¹" into "1" and keeps "*", "†".
func normalizeMarker(m string) string {
	return superscripts.Replace(strings.Trim(m, "[]^()"))
}

// superscripts maps superscript digits to digits.
var superscripts = strings.NewReplacer("¹", "1", "²", "2", "³", "3", "⁴", "4", "⁵", "5", "⁶", "6", "⁷", "7", "⁸", "8", "⁹", "9", "⁰", "0")

// nonASCII applies r, whose patterns are all non-ASCII, to s: an ASCII s
// is returned as is (Replace would copy it).
func nonASCII(r *strings.Replacer, s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return r.Replace(s)
		}
	}
	return s
}

// hasAnyByte reports whether s holds one of the ASCII bytes of set, as
// strings.ContainsAny(s, set) does, by a fast search per byte of set.
func hasAnyByte(s, set string) bool {
	for i := 0; i < len(set); i++ {
		if strings.IndexByte(s, set[i]) >= 0 {
			return true
		}
	}
	return false
}

// appendUnique appends s to list unless it is already there.
func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}
