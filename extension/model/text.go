package model

import (
	"regexp"
	"strings"
	"unicode"
)

// accentFold maps accented Latin letters to their base letter.
var accentFold = strings.NewReplacer(
	"à", "a", "â", "a", "ä", "a", "á", "a", "ç", "c", "é", "e", "è", "e", "ê", "e", "ë", "e",
	"î", "i", "ï", "i", "í", "i", "ô", "o", "ö", "o", "ó", "o", "û", "u", "ù", "u", "ü", "u", "ú", "u",
	"ñ", "n", "œ", "oe", "’", "'",
)

var (
	htmlTagRE  = regexp.MustCompile(`<[^>]*>`)
	emphasisRE = regexp.MustCompile(`(\*\*|__)(.*?)(\*\*|__)`)
	spaceRE    = regexp.MustCompile(`\s+`)
)

// plain strips emphasis markers and HTML tags and collapses white space.
func plain(s string) string {
	s = htmlTagRE.ReplaceAllString(s, "")
	s = emphasisRE.ReplaceAllString(s, "$2")
	return strings.TrimSpace(spaceRE.ReplaceAllString(s, " "))
}

// fold returns s plain, lower case, accents removed: the form header and
// keyword comparisons use.
func fold(s string) string {
	return accentFold.Replace(strings.ToLower(plain(s)))
}

// slug makes an id: lower-case ASCII letters and digits separated by
// single hyphens, cut at a word boundary after max bytes (0: no limit).
func slug(s string, max int) string {
	s = fold(s)
	var b strings.Builder
	dash := false
	for _, r := range s {
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	out := b.String()
	if max > 0 && len(out) > max {
		out = out[:max]
		if i := strings.LastIndexByte(out, '-'); i > max/2 {
			out = out[:i]
		}
		out = strings.TrimRight(out, "-")
	}
	return out
}

// unresolvedKeyword reports whether s still holds a keyword reference.
func unresolvedKeyword(s string) bool {
	return strings.Contains(s, "{{site.data.")
}

// placeholderRE matches placeholder cells and items.
var placeholderRE = regexp.MustCompile(`(?i)^\s*(need(s)? content|\?+|tbd|tbc|todo|xxx+|replace_me|lorem ipsum.*|to be (defined|determined|completed))\s*[.!]*\s*$`)

// isPlaceholder reports whether s is a placeholder ("NEED CONTENT", "??", "TBD").
func isPlaceholder(s string) bool {
	return placeholderRE.MatchString(s)
}

// notApplicableRE matches "not applicable" cells.
var notApplicableRE = regexp.MustCompile(`(?i)^\s*(n\s*/\s*a|n\.a\.|na|not applicable|non applicable|sans objet|s/o)\s*$`)

// isNotApplicable reports whether s says "not applicable".
func isNotApplicable(s string) bool {
	return notApplicableRE.MatchString(s)
}

// isDash reports whether s is empty or only a dash: the "not involved" cell.
func isDash(s string) bool {
	switch strings.TrimSpace(s) {
	case "", "-", "–", "—", "--", "---":
		return true
	}
	return false
}

// footnoteRE matches footnote marks at the end of a cell.
var footnoteRE = regexp.MustCompile(`\s*(\*+|†|‡|★|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\^?[\w-]+\]|\(\d{1,2}\))$`)

// liftNotes removes trailing footnote marks from s and returns them.
// A cell that is only a mark is left alone (a "*" plan means "all").
func liftNotes(s string) (string, []string) {
	var marks []string
	s = strings.TrimSpace(s)
	for {
		loc := footnoteRE.FindStringSubmatchIndex(s)
		if loc == nil || loc[0] == 0 {
			break
		}
		marks = append([]string{normalizeMarker(s[loc[2]:loc[3]])}, marks...)
		s = strings.TrimSpace(s[:loc[0]])
	}
	return s, marks
}

// normalizeMarker turns "[^1]", "(1)", "¹" into "1" and keeps "*", "†".
func normalizeMarker(m string) string {
	m = strings.Trim(m, "[]^()")
	sup := strings.NewReplacer("¹", "1", "²", "2", "³", "3", "⁴", "4", "⁵", "5", "⁶", "6", "⁷", "7", "⁸", "8", "⁹", "9", "⁰", "0")
	return sup.Replace(m)
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
