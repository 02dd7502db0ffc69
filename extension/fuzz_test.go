package extension_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"github.com/mdraci/mdraci/extension"
)

// caseInputs returns the Markdown inputs of a goldmark case file: the
// text between the first two separators of each case.
func caseInputs(tb testing.TB, file string) [][]byte {
	tb.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		tb.Fatal(err)
	}
	var inputs [][]byte
	var cur []string
	state := 0 // 0: title, 1: input, 2: output
	for _, l := range strings.Split(string(b), "\n") {
		switch {
		case strings.HasPrefix(l, "//- - -"):
			if state == 1 {
				inputs = append(inputs, []byte(strings.Join(cur, "\n")+"\n"))
				cur = nil
			}
			state++
		case strings.HasPrefix(l, "//= = ="):
			state = 0
		case state == 1:
			cur = append(cur, l)
		}
	}
	return inputs
}

// fuzzNames are the file names a fuzz input is converted as: the name picks
// the format.
var fuzzNames = []string{"in.md", "in.txt", "in.html"}

// FuzzConvert converts arbitrary input in every format: no panic, valid
// UTF-8 out, and unique heading and table ids (except ids the input itself
// sets more than once).
func FuzzConvert(f *testing.F) {
	cases, _ := filepath.Glob("../testdata/cases/*.txt")
	for _, c := range cases {
		for _, in := range caseInputs(f, c) {
			f.Add(in, uint8(0))
		}
	}
	seeds, _ := filepath.Glob("../testdata/seeds/*")
	for _, s := range seeds {
		b, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		kind := uint8(0)
		if filepath.Ext(s) == ".txt" {
			kind = 1
		}
		f.Add(b, kind)
	}
	f.Add([]byte("# A\n\n# A\n\n## a\n{: #a-2}\n\n| x |\n|---|\n| y |\n{: summary=\"s\"}\n\n| x |\n|---|\n{: summary=\"t\"}\n"), uint8(0))
	f.Add([]byte("<table id=\"x\"><tr><td>1</td></tr></table>"), uint8(2))
	for _, b := range corpusSeeds(f) {
		f.Add(b, uint8(0))
	}

	c := extension.NewConverter()
	f.Fuzz(func(t *testing.T, src []byte, kind uint8) {
		name := fuzzNames[int(kind)%len(fuzzNames)]
		var out bytes.Buffer
		if _, err := c.Convert(name, src, &out); err != nil {
			t.Fatalf("Convert: %v", err)
		}
		if !utf8.Valid(out.Bytes()) {
			t.Fatalf("output is not valid UTF-8:\n%q", out.Bytes())
		}
		doc, err := goquery.NewDocumentFromReader(bytes.NewReader(out.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]int{}
		doc.Find("h1[id], h2[id], h3[id], h4[id], h5[id], h6[id], table[id], p.table-summary[id]").Each(func(_ int, s *goquery.Selection) {
			seen[s.AttrOr("id", "")]++
		})
		for id, n := range seen {
			if n > 1 && n > explicitIDs(src, id) {
				t.Errorf("id %q used %d times (set %d times by the input)\ninput: %q\noutput:\n%s", id, n, explicitIDs(src, id), src, out.String())
			}
		}
	})
}

// explicitIDs counts how often the input sets id itself: "#id" in an
// attribute list or heading, id="id" in raw HTML.
func explicitIDs(src []byte, id string) int {
	q := regexp.QuoteMeta(id)
	re := regexp.MustCompile(`#` + q + `(?:[\s}]|$)|\bid\s*=\s*["']?` + q + `(?:["'\s>/]|$)`)
	return len(re.FindAllIndex(src, -1))
}
