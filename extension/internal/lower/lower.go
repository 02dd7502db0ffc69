// Package lower compares text with ASCII lower-case words, ignoring ASCII
// case, without lowering copies of the text: tag names, schemes, header
// affixes.
package lower

// Equal reports whether s, ASCII letters lowered, is w (ASCII lower case).
func Equal[S ~string | ~[]byte](s S, w string) bool {
	return len(s) == len(w) && HasPrefix(s, w)
}

// HasPrefix reports whether s starts with w (ASCII lower case), ignoring
// ASCII case.
func HasPrefix[S ~string | ~[]byte](s S, w string) bool {
	if len(s) < len(w) {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[i] {
			return false
		}
	}
	return true
}

// Index returns the index of the first w (ASCII lower case) in s, ignoring
// ASCII case; -1 when there is none.
func Index[S ~string | ~[]byte](s S, w string) int {
	for i := 0; i+len(w) <= len(s); i++ {
		if HasPrefix(s[i:], w) {
			return i
		}
	}
	return -1
}
