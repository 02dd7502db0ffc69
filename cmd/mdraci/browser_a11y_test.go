package main

// The accessibility audit: axe-core run in the browser on each seed page, in
// the light and the dark colour scheme; any WCAG 2.0/2.1 level A or AA
// violation fails. axe-core comes from npm (`make browser-deps` installs it
// into bin/npm); $MDRACI_AXE names another axe.min.js.

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"
)

// defaultAxe is where `make browser-deps` installs axe-core, from the
// repository root.
const defaultAxe = "bin/npm/node_modules/axe-core/axe.min.js"

// axeSource returns the axe-core script and its version; it skips the test
// when axe-core is not installed.
func axeSource(t *testing.T) (src, version string) {
	t.Helper()
	path := os.Getenv("MDRACI_AXE")
	if path == "" {
		path = filepath.Join(repoRoot, defaultAxe)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("accessibility audit: axe-core not installed (%v); install it with `make browser-deps` "+
			"(npm install --prefix bin/npm axe-core) or set MDRACI_AXE to an axe.min.js", err)
	}
	var pkg struct {
		Version string `json:"version"`
	}
	if meta, err := os.ReadFile(filepath.Join(filepath.Dir(path), "package.json")); err == nil {
		_ = json.Unmarshal(meta, &pkg)
	}
	return string(b), pkg.Version
}

// axeViolation is one rule that failed, with the elements that fail it.
type axeViolation struct {
	ID      string `json:"id"`
	Impact  string `json:"impact"`
	Help    string `json:"help"`
	HelpURL string `json:"helpUrl"`
	Nodes   []struct {
		Target  string `json:"target"`
		Summary string `json:"summary"`
	} `json:"nodes"`
}

// axeResult is what the audit of one page gives.
type axeResult struct {
	Violations []axeViolation `json:"violations"`
	Incomplete []string       `json:"incomplete"` // rules axe could not decide (needs review)
}

// axeRunJS runs axe on the page for WCAG 2.0 and 2.1, levels A and AA.
const axeRunJS = `axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
.then(r => ({
  violations: r.violations.map(v => ({
    id: v.id, impact: v.impact || '', help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({
      target: n.target.map(s => Array.isArray(s) ? s.join(' >>> ') : String(s)).join(' '),
      summary: (n.failureSummary || '').replace(/\s+/g, ' ').trim(),
    })),
  })),
  incomplete: r.incomplete.map(v => v.id + ' (' + v.nodes.length + ')'),
}))`

// maxNodesShown is how many failing elements a message lists per rule.
const maxNodesShown = 6

// formatViolations lists the violations for a failure message.
func formatViolations(vs []axeViolation) string {
	var b strings.Builder
	for _, v := range vs {
		fmt.Fprintf(&b, "\n  [%s] %s: %s (%s), %d element(s):", v.Impact, v.ID, v.Help, v.HelpURL, len(v.Nodes))
		for i, n := range v.Nodes {
			if i == maxNodesShown {
				fmt.Fprintf(&b, "\n    … and %d more", len(v.Nodes)-maxNodesShown)
				break
			}
			fmt.Fprintf(&b, "\n    %s\n      %s", n.Target, n.Summary)
		}
	}
	return b.String()
}

// auditPage runs axe-core on the page at url, light and dark on a wide
// screen, light on a phone (what scrolls, and so must be reachable by
// keyboard, depends on the width), and fails on any WCAG 2.0/2.1 A or AA
// violation.
func auditPage(t *testing.T, tab context.Context, axe, name, url string) {
	t.Helper()
	for _, run := range []struct {
		scheme string
		width  int64
	}{{"light", 1280}, {"dark", 1280}, {"light", phoneWidth}} {
		scheme := fmt.Sprintf("%s colour scheme, %d px", run.scheme, run.width)
		require.NoError(t, do(tab, chromedp.EmulateViewport(run.width, viewportHeight), colorScheme(run.scheme), chromedp.Navigate(url)),
			"loading %s", url)
		eval[chromedp.Void](t, tab, axe+"\n;void 0")
		res := eval[axeResult](t, tab, axeRunJS, chromedp.EvalAwaitPromise)
		if len(res.Violations) > 0 {
			t.Errorf("%s (%s): %d axe-core violation(s) of WCAG 2.x A/AA:%s",
				name, scheme, len(res.Violations), formatViolations(res.Violations))
		}
		if len(res.Incomplete) > 0 {
			t.Logf("%s (%s): axe-core could not decide (review by hand): %s", name, scheme, strings.Join(res.Incomplete, ", "))
		}
	}
}

// TestBrowserAccessibilityGroups runs axe-core on the page convert --page
// writes for matrices with group headings (a <tbody> per group, headed by
// <th scope="rowgroup" colspan>) and a title row.
func TestBrowserAccessibilityGroups(t *testing.T) {
	axe, _ := axeSource(t)
	browser := startBrowser(t)
	dir := t.TempDir()
	src := filepath.Join(dir, "groups.md")
	require.NoError(t, os.WriteFile(src, []byte(groupsDoc), 0o644))
	out := filepath.Join(dir, "groups.html")
	r := runForTest(t, "", "convert", "--page", "-o", dir, src)
	require.Equal(t, 0, r.code, r.stderr)
	page, err := os.ReadFile(out)
	require.NoError(t, err)
	require.Contains(t, string(page), `<th scope="rowgroup" colspan="3" class="raci-group-name">`)
	auditPage(t, newTab(t, browser), axe, "groups", fileURL(t, out))
}

// TestBrowserAccessibility runs axe-core on each seed page (light and dark
// at 1280 px, light at 375 px) and fails on any WCAG 2.0/2.1 A or AA violation.
func TestBrowserAccessibility(t *testing.T) {
	axe, version := axeSource(t)
	browser := startBrowser(t)
	pages := seedPages(t)
	t.Logf("axe-core %s", version)
	for _, p := range pages {
		t.Run(p.name, func(t *testing.T) {
			auditPage(t, newTab(t, browser), axe, p.name, p.url)
		})
	}
}

// TestBrowserAccessibilityOnFixtures: the contract's markup passes the audit,
// and a page with known faults fails it with those rules.
func TestBrowserAccessibilityOnFixtures(t *testing.T) {
	axe, _ := axeSource(t)
	browser := startBrowser(t)
	tab := newTab(t, browser)
	audit := func(url string) axeResult {
		require.NoError(t, do(tab, chromedp.EmulateViewport(1280, viewportHeight), chromedp.Navigate(url)))
		eval[chromedp.Void](t, tab, axe+"\n;void 0")
		return eval[axeResult](t, tab, axeRunJS, chromedp.EvalAwaitPromise)
	}

	res := audit(writeFixture(t, contractPage))
	require.Empty(t, res.Violations, "the contract's markup: %s", formatViolations(res.Violations))

	faulty := mustReplace(t, contractPage, "<h1>Contract fixture</h1>",
		`<h1>Contract fixture</h1><p style="color:#bbb">Pale text</p><img src="chart.png">`)
	res = audit(writeFixture(t, faulty))
	var ids []string
	for _, v := range res.Violations {
		ids = append(ids, v.ID)
	}
	require.Subset(t, ids, []string{"color-contrast", "image-alt"})
	msg := formatViolations(res.Violations)
	require.Contains(t, msg, "[serious] color-contrast: Elements must meet minimum color contrast ratio thresholds")
	require.Contains(t, msg, "\n    img\n")
}
