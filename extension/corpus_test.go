package extension_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"github.com/mdraci/mdraci/extension"
	"github.com/mdraci/mdraci/extension/internal/corpus"
	"github.com/mdraci/mdraci/extension/keyword"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// corpusDir is the shared corpus of real pages (../shared/corpus).
// It is not part of the repository: tests that read it skip without it.
var corpusDir = corpus.Dir()

// corpusPages returns the paths of every .md file under the corpus, sorted,
// or skips tb when the corpus is absent.
func corpusPages(tb testing.TB) []string {
	tb.Helper()
	return corpus.Pages(tb, ".md")
}

// corpusKeywords returns the default keywords with every keyword file of
// the corpus loaded on top (files that do not parse, and the excerpt, are
// skipped).
func corpusKeywords(tb testing.TB) *keyword.Data {
	tb.Helper()
	return corpus.Keywords(tb)
}

var (
	// ialText is attribute-list text: "{:" then "#", "." or "key=".
	ialText = regexp.MustCompile(`\{:\s*(#|\.|[A-Za-z_][\w-]*\s*=)`)
	// keywordRef is a {{site.data.keyword.NAME}} reference.
	keywordRef = regexp.MustCompile(`\{\{\s*site\.data\.keyword\.([A-Za-z0-9_.-]+)\s*\}\}`)
	// ialLine is a source line that is one attribute list.
	ialLine = regexp.MustCompile(`^\s*\{:.*\}\s*$`)
	// captionIAL is a source line that is an attribute list with a caption.
	captionIAL = regexp.MustCompile(`^\s*\{:.*caption=`)
	// quoted are quoted attribute values, removed before looking for ids.
	quoted = regexp.MustCompile(`"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'`)
	// ialID is an #id inside an attribute list (quoted values removed).
	ialID = regexp.MustCompile(`(?:\{:|\s)#([^\s}]+)`)
	// fence opens or closes a fenced code block.
	fence = regexp.MustCompile("^\\s*(`{3,}|~{3,})")
)

// sourceLine is one line of a page.
type sourceLine struct {
	n    int // 1-based
	text string
	// hidden is set for lines inside fenced code blocks (fences included)
	// and HTML comments: attribute lists there are shown as written, or
	// not at all, legitimately.
	hidden bool
}

// pageLines splits src into lines, marking those in code and comments.
func pageLines(src []byte) []sourceLine {
	var out []sourceLine
	open, comment := "", false
	for i, l := range strings.Split(string(src), "\n") {
		l = strings.TrimRight(l, "\r")
		hidden := open != "" || comment
		switch m := fence.FindStringSubmatch(l); {
		case comment:
		case m != nil && open == "":
			open, hidden = m[1], true
		case m != nil && m[1][0] == open[0] && len(m[1]) >= len(open) &&
			strings.Trim(strings.TrimSpace(l), m[1][:1]) == "":
			open = ""
		}
		if open == "" {
			if k := strings.LastIndex(l, "<!--"); k >= 0 && !strings.Contains(l[k:], "-->") {
				comment, hidden = true, true
			} else if comment && strings.Contains(l, "-->") {
				comment = false
			}
		}
		out = append(out, sourceLine{i + 1, l, hidden})
	}
	return out
}

func blank(l sourceLine) bool { return strings.TrimSpace(l.text) == "" }

func isIAL(l sourceLine) bool { return !l.hidden && ialLine.MatchString(l.text) }

// ialRun returns the bounds [from, to] of the run of attribute-list lines
// around lines[i].
func ialRun(lines []sourceLine, i int) (from, to int) {
	from, to = i, i
	for from > 0 && isIAL(lines[from-1]) {
		from--
	}
	for to+1 < len(lines) && isIAL(lines[to+1]) {
		to++
	}
	return from, to
}

// tableCaptionIALs returns the lines of caption attribute lists that
// directly follow a table: the line before them, or before the run of
// attribute-list lines they end, starts with "|".
func tableCaptionIALs(lines []sourceLine) []sourceLine {
	var out []sourceLine
	for i, l := range lines {
		if !isIAL(l) || !captionIAL.MatchString(l.text) {
			continue
		}
		from, _ := ialRun(lines, i)
		if from > 0 && !lines[from-1].hidden && strings.HasPrefix(strings.TrimSpace(lines[from-1].text), "|") {
			out = append(out, l)
		}
	}
	return out
}

// idIAL is an attribute-list line setting an id.
type idIAL struct {
	line int
	id   string
}

// ialIDs returns the id each attribute-list line (outside code and
// comments) sets: the last #id in it, keywords resolved. A run with a
// blank line on both sides applies to the block before it (as in IBM's
// marked-it; mdraci notes it as attributes-blank-lines); one with no line
// before it applies to nothing, and is left out.
func ialIDs(lines []sourceLine, data *keyword.Data) []idIAL {
	var out []idIAL
	for i, l := range lines {
		if !isIAL(l) || strings.HasPrefix(strings.TrimSpace(l.text), "{::") {
			continue
		}
		from, to := ialRun(lines, i)
		if from == 0 && (to+1 == len(lines) || blank(lines[to+1])) {
			continue
		}
		body := quoted.ReplaceAllString(strings.TrimSpace(l.text), `""`)
		m := ialID.FindAllStringSubmatch(body, -1)
		if m == nil {
			continue
		}
		id := keyword.Expand(m[len(m)-1][1], func(p string) (string, bool) {
			v, err := data.Resolve(p)
			return v, err == nil
		})
		out = append(out, idIAL{l.n, id})
	}
	return out
}

// visible returns the text and attribute values of the HTML outside <pre>
// and <code>: what a reader sees and what attributes carry.
func visible(doc *goquery.Document) (text string, attrs []string) {
	d := goquery.CloneDocument(doc)
	d.Find("pre, code").Remove()
	d.Find("*").Each(func(_ int, s *goquery.Selection) {
		for _, a := range s.Nodes[0].Attr {
			attrs = append(attrs, a.Key+"="+a.Val)
		}
	})
	return d.Text(), attrs
}

// convertSafely converts src, turning a panic into an error with the stack.
func convertSafely(c *extension.Converter, name string, src []byte) (out []byte, res *extension.Result, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v\n%s", p, debug.Stack())
		}
	}()
	var b bytes.Buffer
	res, err = c.Convert(name, src, &b)
	return b.Bytes(), res, err
}

// TestCorpus converts every Markdown page of the shared corpus, with all
// its keyword files loaded, and checks what must hold on every real page:
// no panic, valid UTF-8, no attribute list left as text, every caption and
// every id rendered, every known keyword resolved.
func TestCorpus(t *testing.T) {
	pages := corpusPages(t)
	data := corpusKeywords(t)
	c := extension.NewConverter(extension.WithKeywords(data))
	var totalCaptions, totalIDs int
	var missingIDs []string
	for _, p := range pages {
		rel, _ := filepath.Rel(corpusDir, p)
		t.Run(filepath.ToSlash(rel), func(t *testing.T) {
			src, err := os.ReadFile(p)
			require.NoError(t, err)
			out, _, err := convertSafely(c, rel, src)
			require.NoError(t, err)
			require.True(t, utf8.Valid(out), "output is not valid UTF-8")

			doc, err := goquery.NewDocumentFromReader(bytes.NewReader(out))
			require.NoError(t, err)
			text, attrs := visible(doc)
			lines := pageLines(src)

			// no attribute list left as text
			for _, m := range ialText.FindAllStringIndex(text, -1) {
				t.Errorf("attribute list left as text: %q", around(text, m[0], m[1]))
			}

			// every caption of a table rendered
			want := tableCaptionIALs(lines)
			got := doc.Find("table > caption").Length()
			totalCaptions += len(want)
			if got < len(want) {
				var at []string
				for _, l := range want {
					at = append(at, fmt.Sprintf("%d: %s", l.n, strings.TrimSpace(l.text)))
				}
				t.Errorf("%d table caption attribute lists but %d <caption>s; the lists:\n%s",
					len(want), got, strings.Join(at, "\n"))
			}

			// every id set by an attribute list rendered
			ids := map[string]bool{}
			doc.Find("[id]").Each(func(_ int, s *goquery.Selection) {
				ids[s.AttrOr("id", "")] = true
			})
			var missing []string
			for _, w := range ialIDs(lines, data) {
				totalIDs++
				if !ids[w.id] {
					missing = append(missing, fmt.Sprintf("%s:%d: #%s", rel, w.line, w.id))
				}
			}
			missingIDs = append(missingIDs, missing...)
			assert.Empty(t, missing, "ids set by attribute lists missing from the output")

			// every known keyword resolved, in text and in attribute
			// values (raw HTML included: IBM's pipeline replaces keywords
			// everywhere outside code)
			left := map[string]int{}
			var order []string
			check := func(where, s string) {
				for _, m := range keywordRef.FindAllStringSubmatchIndex(s, -1) {
					if data.Has("keyword." + s[m[2]:m[3]]) {
						k := fmt.Sprintf("in %s: %s (%q)", where, s[m[0]:m[1]], around(s, m[0], m[1]))
						if left[k] == 0 {
							order = append(order, k)
						}
						left[k]++
					}
				}
			}
			check("text", text)
			for _, a := range attrs {
				check("attribute", a)
			}
			for _, k := range order {
				t.Errorf("known keyword left unresolved (%d×) %s", left[k], k)
			}
		})
	}
	t.Logf("%d pages, %d table captions, %d attribute-list ids checked, %d ids missing",
		len(pages), totalCaptions, totalIDs, len(missingIDs))
}

func around(s string, from, to int) string {
	from = max(0, from-30)
	to = min(len(s), to+40)
	for from > 0 && !utf8.RuneStart(s[from]) {
		from--
	}
	for to < len(s) && !utf8.RuneStart(s[to]) {
		to++
	}
	return s[from:to]
}
