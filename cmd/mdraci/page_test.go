package main

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/mdraci/mdraci/extension/page"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var updatePages = flag.Bool("update-pages", false, "rewrite testdata/golden/pages from the current output")

// TestSeedPagesGolden converts the seeds folder into standalone pages and
// compares every page, and the folder's index, with its golden file (read
// by hand when written). The goldens hold what the page adds around the
// body; the stylesheet is the embedded default.css, and the body is
// checked against the fragment goldens in testdata/golden.
func TestSeedPagesGolden(t *testing.T) {
	out := t.TempDir()
	r := runForTest(t, "", "convert", "--page", "-o", out, testSeedsDir)
	require.Equal(t, 0, r.code, r.stderr)
	pages, err := filepath.Glob(filepath.Join(out, "*.html"))
	require.NoError(t, err)
	require.Len(t, pages, 6, "five seed pages and the index")
	golden := "../../testdata/golden/pages"
	for _, p := range pages {
		name := filepath.Base(p)
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(p)
			require.NoError(t, err)
			got := pageFrame(t, string(b), name)
			if *updatePages {
				require.NoError(t, os.MkdirAll(golden, 0o755))
				require.NoError(t, os.WriteFile(filepath.Join(golden, name), []byte(got), 0o644))
			}
			want, err := os.ReadFile(filepath.Join(golden, name))
			require.NoError(t, err, "no golden page; run go test ./cmd/mdraci -run TestSeedPagesGolden -update-pages and read it")
			assert.Equal(t, string(want), got)
		})
	}
}

// pageFrame checks that page embeds the default stylesheet and, for a seed,
// the seed's fragment golden as its body, and returns the page with both
// replaced by a note.
func pageFrame(t *testing.T, html, name string) string {
	t.Helper()
	css := page.DefaultCSS()
	require.Contains(t, html, "<style>\n"+css+"</style>")
	html = strings.Replace(html, "<style>\n"+css+"</style>", "<style>/* extension/page/default.css */</style>", 1)
	const open = `<div class="page-body">` + "\n"
	start := strings.Index(html, open)
	if name == "index.html" {
		require.Negative(t, start)
		return html
	}
	require.Positive(t, start)
	start += len(open)
	end := strings.Index(html[start:], "</div>\n<section class=\"raci-party-view\"")
	if end < 0 {
		end = strings.Index(html[start:], "</div>\n</main>")
	}
	require.Positive(t, end)
	body := html[start : start+end]
	// the fragment, less the <h1> the page puts above the overview
	want, err := os.ReadFile(filepath.Join("../../testdata/golden", name))
	require.NoError(t, err)
	_, rest := cutH1(want)
	assert.Equal(t, rest, body, "the page body is the fragment golden %s less its <h1>", name)
	return html[:start] + "<!-- testdata/golden/" + name + " -->\n" + html[start+end:]
}

// TestSeedPagesStructure checks what every seed page must have, whatever
// the golden files say: contents, chart, per-party views, matrices with
// row ids, and counts that add up.
func TestSeedPagesStructure(t *testing.T) {
	out := t.TempDir()
	r := runForTest(t, "", "convert", "--page", "-o", out, testSeedsDir)
	require.Equal(t, 0, r.code, r.stderr)
	seeds, _ := filepath.Glob(filepath.Join(testSeedsDir, "*"))
	for _, s := range seeds {
		name := strings.TrimSuffix(filepath.Base(s), filepath.Ext(s))
		t.Run(name, func(t *testing.T) {
			f, err := os.Open(filepath.Join(out, name+".html"))
			require.NoError(t, err)
			defer f.Close()
			doc, err := goquery.NewDocumentFromReader(f)
			require.NoError(t, err)
			assert.Equal(t, 0, doc.Find(`link[rel="stylesheet"], script[src], img[src^="http"]`).Length(), "self-contained")
			assert.Equal(t, 1, doc.Find("h1").Length(), "one page title")
			matrices := doc.Find("table.raci-matrix")
			require.Positive(t, matrices.Length())
			rows := matrices.Find("tbody tr")
			ids := map[string]bool{}
			doc.Find("[id]").Each(func(_ int, s *goquery.Selection) {
				id := s.AttrOr("id", "")
				assert.False(t, ids[id], "duplicate id %q", id)
				ids[id] = true
			})
			rows.Each(func(_ int, row *goquery.Selection) {
				assert.NotEmpty(t, row.AttrOr("id", ""), "every row has an id")
				assert.Equal(t, 1, row.Find(`th[scope="row"]`).Length(), "the activity is the row header")
			})
			// the chart counts every activity once
			caption := doc.Find(".raci-summary figcaption").Text()
			assert.True(t, strings.HasPrefix(caption, itoa(rows.Length())+" activities"), "chart %q counts %d rows", caption, rows.Length())
			assert.Equal(t, 1, doc.Find("svg.raci-chart title").First().Length())
			// the per-party views link to rows that exist
			doc.Find(".raci-party-view a[href^='#']").Each(func(_ int, a *goquery.Selection) {
				assert.True(t, ids[strings.TrimPrefix(a.AttrOr("href", ""), "#")], "dangling link %s", a.AttrOr("href", ""))
			})
			assert.Equal(t, 1, doc.Find(`.raci-party-view[data-kind="customer"]`).Length())
			assert.Equal(t, 1, doc.Find(`.raci-party-view[data-kind="provider"]`).Length())
			// letter matrices link to the page's one legend
			if doc.Find("table.raci-kind-raci").Length() > 0 {
				assert.Equal(t, 1, doc.Find("table.raci-legend").Length())
			}
			doc.Find(`.toc a`).Each(func(_ int, a *goquery.Selection) {
				assert.True(t, ids[strings.TrimPrefix(a.AttrOr("href", ""), "#")], "contents entry %s points nowhere", a.AttrOr("href", ""))
			})
		})
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// cutH1 splits off a fragment's leading <h1>…</h1> line, which a page shows
// above its overview.
func cutH1(fragment []byte) (h1, rest string) {
	f := strings.TrimLeft(string(fragment), " \n")
	if !strings.HasPrefix(f, "<h1") {
		return "", string(fragment)
	}
	h1, rest, ok := strings.Cut(f, "</h1>\n")
	if !ok {
		return "", string(fragment)
	}
	return h1 + "</h1>\n", rest
}

// TestPageIDsUnique converts a page whose headings are named like the
// page's own parts ("Content", "Contents"): every id is unique, and the
// skip link and the contents lead where they say.
func TestPageIDsUnique(t *testing.T) {
	const src = "# Guide\n\n## Content\n\nText.\n\n## Contents\n\n| Task | Provider | Customer |\n| --- | --- | --- |\n| Patch | R | A |\n\n## Main\n\nMore.\n"
	r := runForTest(t, src, "convert", "--page")
	require.Equal(t, 0, r.code, r.stderr)
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(r.stdout))
	require.NoError(t, err)
	ids := map[string]int{}
	doc.Find("[id]").Each(func(_ int, s *goquery.Selection) { ids[s.AttrOr("id", "")]++ })
	for id, n := range ids {
		assert.Equal(t, 1, n, "id %q is used %d times", id, n)
	}
	skip := strings.TrimPrefix(doc.Find("a.skip-link").AttrOr("href", ""), "#")
	assert.Equal(t, "main", goquery.NodeName(doc.Find("#"+skip)), "the skip link leads to the main content")
	assert.Equal(t, "h2", goquery.NodeName(doc.Find("#content")), "the heading keeps its own id")
}
