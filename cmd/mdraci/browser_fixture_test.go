package main

// The browser checks themselves, on small hand-written pages: a page that
// follows the markup contract (notes/matrix-markup.md) passes every check, and
// each way of breaking it is caught. Without this, a check that can never fail
// (a selector typo, a visibility test that is always true) would go unnoticed.

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// contractPage is a page with the contract's markup: two matrices in their
// scroll containers (the first wider than a phone), the summary chart, and a
// CSS-only per-party view.
const contractPage = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Contract fixture</title>
<style>
body { margin: 0; font: 16px/1.5 sans-serif; color: #1b1b1b; background: #fff; }
main { padding: 1rem; }
a { color: #0b57d0; }
.raci-scroll { overflow-x: auto; }
th, td { border: 1px solid #888; padding: .3rem; white-space: nowrap; }
.raci-party-view { display: none; }
body:has(.raci-view input[value="customer"]:checked) .raci-party-view[data-kind="customer"],
body:has(.raci-view input[value="provider"]:checked) .raci-party-view[data-kind="provider"] { display: block; }
body:has(.raci-view input[value="customer"]:checked) .raci-scroll,
body:has(.raci-view input[value="provider"]:checked) .raci-scroll { display: none; }
</style>
</head>
<body>
<main>
<h1>Contract fixture</h1>
<figure class="raci-summary">
<svg class="raci-chart" role="img" aria-labelledby="chart-title" width="300" height="40" viewBox="0 0 300 40"><title id="chart-title">Who owns the activities</title><rect width="200" height="20" fill="#333"></rect></svg>
<figcaption>Activities by owner</figcaption>
</figure>
<fieldset class="raci-view"><legend>Show</legend>
<input type="radio" name="raci-view" id="view-all" value="all" checked><label for="view-all">Everything</label>
<input type="radio" name="raci-view" id="view-customer" value="customer"><label for="view-customer">What the customer does</label>
<input type="radio" name="raci-view" id="view-provider" value="provider"><label for="view-provider">What the provider does</label>
</fieldset>
<section class="raci-party-view" data-kind="customer" aria-label="What the customer does"><ul><li><a href="#row-backups">Backups</a></li></ul></section>
<section class="raci-party-view" data-kind="provider" aria-label="What the provider does"><ul><li><a href="#row-hardware">Hardware</a></li></ul></section>
<div class="raci-scroll" role="region" aria-labelledby="m1-caption" tabindex="0">
<table id="m1" class="raci-matrix raci-kind-raci" data-kind="raci"><caption id="m1-caption">Operations</caption>
<thead><tr><th scope="col">Activity</th><th scope="col" class="raci-party raci-provider">Provider</th><th scope="col" class="raci-party raci-customer">Customer</th><th scope="col" class="raci-comment-col">Comments</th></tr></thead>
<tbody><tr id="row-backups"><th scope="row">Backups</th><td><abbr title="Informed">I</abbr></td><td><abbr title="Responsible">R</abbr></td><td>A comment long enough to be wider than any phone screen held upright</td></tr></tbody>
</table></div>
<div class="raci-scroll" role="region" aria-labelledby="m2-caption" tabindex="0">
<table id="m2" class="raci-matrix raci-kind-raci" data-kind="raci"><caption id="m2-caption">Infrastructure</caption>
<thead><tr><th scope="col">Activity</th><th scope="col">Provider</th><th scope="col">Customer</th></tr></thead>
<tbody><tr id="row-hardware"><th scope="row">Hardware</th><td><abbr title="Responsible">R</abbr></td><td><abbr title="Informed">I</abbr></td></tr></tbody>
</table></div>
</main>
</body>
</html>
`

// writeFixture writes the page into a temporary folder and returns its URL.
func writeFixture(t *testing.T, html string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "fixture.html")
	require.NoError(t, os.WriteFile(path, []byte(html), 0o644))
	return fileURL(t, path)
}

// mustReplace replaces old in s, which must contain it.
func mustReplace(t *testing.T, s, old, new string) string {
	t.Helper()
	require.Contains(t, s, old, "fixture edit")
	return strings.Replace(s, old, new, 1)
}

// fixtureProblems loads the page at the width and returns what the page and
// per-party view checks find.
func fixtureProblems(t *testing.T, tab context.Context, url string, matrices int, width int64) []string {
	t.Helper()
	require.NoError(t, do(tab, chromedp.EmulateViewport(width, viewportHeight), chromedp.Navigate(url)))
	p := seedPage{name: "fixture", url: url, matrices: matrices}
	problems := pageProblems(t, tab, p, width)
	return append(problems, partyViewProblems(t, tab, width, func(string) {})...)
}

func TestBrowserChecksOnFixtures(t *testing.T) {
	browser := startBrowser(t)
	tab := newTab(t, browser)

	t.Run("contract page passes", func(t *testing.T) {
		url := writeFixture(t, contractPage)
		for _, width := range browserWidths {
			assert.Empty(t, fixtureProblems(t, tab, url, 2, width), "at %d px", width)
		}
	})

	tests := []struct {
		name     string
		edit     func(t *testing.T, s string) string
		matrices int
		want     string // a problem that contains this must be reported (at 375 px, and at 1280 px)
	}{
		{"table outside a scroll container overflows the page", func(t *testing.T, s string) string {
			return mustReplace(t, s, ".raci-scroll { overflow-x: auto; }", "")
		}, 2, "the page overflows horizontally: scrollWidth"},
		{"main squeezed into a narrow column", func(t *testing.T, s string) string {
			return mustReplace(t, s, "main { padding: 1rem; }", "main { padding: 1rem; width: 16rem; }")
		}, 2, "<main> is only 288 px wide in a 1280 px window"},
		{"hidden matrix", func(t *testing.T, s string) string {
			return mustReplace(t, s, "main { padding: 1rem; }", "main { padding: 1rem; } #m2 { visibility: hidden; }")
		}, 2, "matrix table#m2.raci-matrix.raci-kind-raci is not visible"},
		{"fewer matrices than the model", func(t *testing.T, s string) string { return s },
			3, "2 table.raci-matrix in the page, the model has 3 matrices"},
		{"no chart", func(t *testing.T, s string) string {
			return mustReplace(t, s, `class="raci-chart"`, `class="chart"`)
		}, 2, "no summary chart (svg.raci-chart)"},
		{"chart without a title", func(t *testing.T, s string) string {
			return mustReplace(t, s, `<title id="chart-title">Who owns the activities</title>`, "")
		}, 2, "has no <title> for screen readers"},
		{"broken in-page link", func(t *testing.T, s string) string {
			return mustReplace(t, s, `href="#row-hardware"`, `href="#row-nowhere"`)
		}, 2, "in-page links to ids that do not exist: #row-nowhere"},
		{"no view switch", func(t *testing.T, s string) string {
			return mustReplace(t, s, `class="raci-view"`, `class="view"`)
		}, 2, "no per-party view switch (fieldset.raci-view)"},
		{"radio without a label", func(t *testing.T, s string) string {
			return mustReplace(t, s, `<label for="view-provider">`, `<label>`)
		}, 2, `the "provider" radio of fieldset.raci-view has no <label>`},
		{"customer view never shown", func(t *testing.T, s string) string {
			return mustReplace(t, s, `body:has(.raci-view input[value="customer"]:checked) .raci-party-view[data-kind="customer"],`, "")
		}, 2, `customer view chosen, but section.raci-party-view[data-kind="customer"] is not visible`},
		{"customer view shown next to everything", func(t *testing.T, s string) string {
			s = mustReplace(t, s, ".raci-party-view { display: none; }", "")
			return mustReplace(t, s, `body:has(.raci-view input[value="customer"]:checked) .raci-scroll,`, "")
		}, 2, "customer view chosen, but both the provider view and 2 of 2 matrices are still visible"},
		{"empty customer view", func(t *testing.T, s string) string {
			return mustReplace(t, s, `<ul><li><a href="#row-backups">Backups</a></li></ul>`, "<p>Nothing.</p>")
		}, 2, "the customer view lists nothing"},
		{"matrices stay hidden after all", func(t *testing.T, s string) string {
			return mustReplace(t, s, `body:has(.raci-view input[value="customer"]:checked) .raci-scroll,`,
				`body:has(.raci-view input[value="customer"]:checked) .raci-scroll, body:has(.raci-view input[value="all"]:checked) #m1,`)
		}, 2, "back to all, but only 1 of 2 matrices are visible"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			url := writeFixture(t, tt.edit(t, contractPage))
			var problems []string
			for _, width := range browserWidths {
				problems = append(problems, fixtureProblems(t, tab, url, tt.matrices, width)...)
			}
			found := false
			for _, p := range problems {
				found = found || strings.Contains(p, tt.want)
			}
			assert.True(t, found, "want a problem containing %q, got:\n%s", tt.want, strings.Join(problems, "\n"))
		})
	}
}
