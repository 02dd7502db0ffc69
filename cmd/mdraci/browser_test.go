package main

// The seed pages of `mdraci convert --page` in a real browser (Debian's
// chromium, driven by chromedp): no horizontal overflow on a phone, every
// matrix visible, the summary chart present, the per-party view switching.
// Screenshots go to out/browser/ (or $MDRACI_ARTIFACTS) for a person to look
// at. The tests skip when no browser is installed (`make browser-deps`).

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/mdraci/mdraci/extension/page"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// repoRoot is the repository root seen from this package's folder, where
// `go test` runs.
const repoRoot = "../.."

// browserWidths are the viewport widths every page is loaded at: a laptop and
// a phone. The page must not overflow horizontally at the narrowest.
var browserWidths = []int64{1280, 375}

const (
	viewportHeight = 900
	phoneWidth     = 375
	wideWidth      = 1024
	// stepTimeout bounds one browser step (load, click, evaluate).
	stepTimeout = 60 * time.Second
)

// findBrowser returns the path of a Chrome-like browser: $CHROME_PATH, else
// the first of chromium, chromium-browser, google-chrome and
// google-chrome-stable on $PATH; "" when there is none.
func findBrowser() string {
	if p := os.Getenv("CHROME_PATH"); p != "" {
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	return ""
}

// startBrowser starts a headless browser for the test and returns its
// chromedp context; it skips the test when no browser is installed.
func startBrowser(t *testing.T) context.Context {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test: skipped with -short")
	}
	exe := findBrowser()
	if exe == "" {
		t.Skip("browser test: no browser found (chromium, chromium-browser, google-chrome, or $CHROME_PATH); " +
			"install one with `make browser-deps` (apt-get install chromium)")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox, // root in a container has no user namespaces; the pages are our own
		chromedp.DisableGPU,
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("hide-scrollbars", true), // scrollbars are not part of the page's layout on a phone
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelAlloc)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	t.Cleanup(cancelBrowser)
	// The first run starts the browser; it must not have a timeout (that
	// would stop the browser with it).
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("browser test: starting %s: %v", exe, err)
	}
	return bctx
}

// newTab opens a tab in the browser; it closes with the test.
func newTab(t *testing.T, browser context.Context) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("browser test: opening a tab: %v", err)
	}
	return ctx
}

// do runs the steps in the tab with a time limit.
func do(ctx context.Context, steps ...chromedp.Action[chromedp.Void]) error {
	ctx, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	return chromedp.Do(ctx, steps...)
}

// eval evaluates the expression in the tab and decodes its value.
func eval[T any](t *testing.T, ctx context.Context, expr string, opts ...chromedp.EvaluateOption) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, opts...))
	require.NoError(t, err, "evaluating %.80q", expr)
	return v
}

// seedPage is one page converted from a seed.
type seedPage struct {
	name     string // file name without extension, e.g. 002_ovhcloud-platformsh
	url      string // file:// URL of the page
	matrices int    // matrices in the seed's model (-1 for pages that are not a seed, e.g. index.html)
}

// seedPages converts the seeds with `convert --page -o DIR` and returns the
// pages, with the number of matrices `mdraci model` finds in each seed.
func seedPages(t *testing.T) []seedPage {
	t.Helper()
	dir := t.TempDir()
	res := runForTest(t, "", "convert", "--page", "-o", dir, testSeedsDir)
	require.Equal(t, 0, res.code, "convert --page of the seeds: %s", res.stderr)
	seeds, err := filepath.Glob(filepath.Join(testSeedsDir, "*"))
	require.NoError(t, err)
	require.NotEmpty(t, seeds, "no seeds in %s", testSeedsDir)
	var pages []seedPage
	for _, seed := range seeds {
		name := strings.TrimSuffix(filepath.Base(seed), filepath.Ext(seed))
		m := runForTest(t, "", "model", seed)
		require.Equal(t, 0, m.code, "model %s: %s", seed, m.stderr)
		var model struct {
			Matrices []json.RawMessage `json:"matrices"`
		}
		require.NoError(t, json.Unmarshal([]byte(m.stdout), &model), "model %s", seed)
		pages = append(pages, seedPage{name, fileURL(t, filepath.Join(dir, name+".html")), len(model.Matrices)})
	}
	// The folder's index page, once convert writes one, gets the page-wide checks.
	if index := filepath.Join(dir, "index.html"); fileExists(index) {
		pages = append(pages, seedPage{"index", fileURL(t, index), -1})
	}
	return pages
}

func fileURL(t *testing.T, path string) string {
	t.Helper()
	abs, err := filepath.Abs(path)
	require.NoError(t, err)
	require.True(t, fileExists(abs), "convert did not write %s", abs)
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
}

func fileExists(path string) bool {
	st, err := os.Stat(path)
	return err == nil && !st.IsDir()
}

// artifactsDir is where the screenshots go: $MDRACI_ARTIFACTS (relative to
// the repository root when relative), else out/browser. Old screenshots there
// are removed first.
func artifactsDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("MDRACI_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join("out", "browser")
	}
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(repoRoot, dir)
	}
	require.NoError(t, os.MkdirAll(dir, 0o755))
	old, _ := filepath.Glob(filepath.Join(dir, "*.png"))
	for _, f := range old {
		_ = os.Remove(f)
	}
	abs, err := filepath.Abs(dir)
	require.NoError(t, err)
	return abs
}

// screenshot saves a full-page PNG of the tab as dir/name.png.
func screenshot(t *testing.T, ctx context.Context, dir, name string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	require.NoError(t, err, "screenshot %s", name)
	require.NoError(t, os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644))
}

// colorScheme emulates prefers-color-scheme ("dark", "light", or "" to stop
// emulating).
func colorScheme(scheme string) chromedp.Action[chromedp.Void] {
	var features []*emulation.MediaFeature
	if scheme != "" {
		features = []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}
	}
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: features})
		return err
	})
}

// jsHelpers are the functions the page checks share: visible (a non-zero
// box, not hidden by display, visibility or opacity) and desc (a short CSS
// description of an element for messages).
const jsHelpers = `
const visible = e => {
  if (!e) return false;
  const r = e.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && e.checkVisibility({opacityProperty: true, visibilityProperty: true});
};
const desc = e => {
  let s = e.tagName.toLowerCase();
  if (e.id) s += '#' + e.id;
  for (const c of [...e.classList].slice(0, 3)) s += '.' + c;
  return s;
};
`

// pageFacts is what the browser reports about a loaded page.
type pageFacts struct {
	ScrollWidth float64   `json:"scrollWidth"`
	InnerWidth  float64   `json:"innerWidth"`
	MainWidth   float64   `json:"mainWidth"`   // width of <main>, where the text and the matrices are
	Overflowing []string  `json:"overflowing"` // outermost elements past the right edge, not clipped by a scroll container
	Matrices    []boxFact `json:"matrices"`
	Charts      []boxFact `json:"charts"`
	BrokenLinks []string  `json:"brokenLinks"` // in-page links (#id) whose target does not exist
}

// boxFact is one element's box.
type boxFact struct {
	Desc    string  `json:"desc"`
	Visible bool    `json:"visible"`
	Width   float64 `json:"width"`
	Height  float64 `json:"height"`
	Title   string  `json:"title"` // an svg's <title>
}

const pageFactsJS = `(() => {` + jsHelpers + `
const vw = window.innerWidth;
const box = e => {
  const r = e.getBoundingClientRect();
  const title = e.querySelector(':scope > title');
  return {desc: desc(e), visible: visible(e), width: r.width, height: r.height, title: title ? title.textContent.trim() : ''};
};
// An element past the right edge overflows the page unless an ancestor with
// overflow-x other than visible clips it inside the viewport.
const clipped = e => {
  for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
    if (getComputedStyle(a).overflowX !== 'visible') return a.getBoundingClientRect().right <= vw + 0.5;
  }
  return false;
};
const over = new Set();
for (const e of document.body.querySelectorAll('*')) {
  const r = e.getBoundingClientRect();
  if (r.width > 0 && r.right > vw + 0.5 && !clipped(e)) over.add(e);
}
const overflowing = [...over].filter(e => !over.has(e.parentElement)).slice(0, 8)
  .map(e => desc(e) + ' (right edge at ' + Math.round(e.getBoundingClientRect().right) + 'px)');
const brokenLinks = [...document.querySelectorAll('a[href^="#"]')]
  .map(a => decodeURIComponent(a.getAttribute('href').slice(1)))
  .filter(id => id !== '' && !document.getElementById(id))
  .map(id => '#' + id);
return {
  scrollWidth: document.scrollingElement.scrollWidth,
  innerWidth: vw,
  mainWidth: document.querySelector('main') ? document.querySelector('main').getBoundingClientRect().width : 0,
  overflowing,
  matrices: [...document.querySelectorAll('table.raci-matrix')].map(box),
  charts: [...document.querySelectorAll('svg.raci-chart')].map(box),
  brokenLinks: [...new Set(brokenLinks)],
};
})()`

// TestBrowserPages loads each seed's page at 1280 and 375 px and checks the
// layout, the matrices, the chart and the per-party view.
func TestBrowserPages(t *testing.T) {
	browser := startBrowser(t)
	pages := seedPages(t)
	shots := artifactsDir(t)
	t.Logf("screenshots in %s", shots)
	for _, p := range pages {
		t.Run(p.name, func(t *testing.T) {
			tab := newTab(t, browser)
			for _, width := range browserWidths {
				require.NoError(t, do(tab, chromedp.EmulateViewport(width, viewportHeight), chromedp.Navigate(p.url)),
					"loading %s at %d px", p.url, width)
				reportProblems(t, pageProblems(t, tab, p, width))
				screenshot(t, tab, shots, fmt.Sprintf("%s-%d", p.name, width))
				if p.matrices >= 0 {
					reportProblems(t, partyViewProblems(t, tab, width, func(view string) {
						screenshot(t, tab, shots, fmt.Sprintf("%s-%d-%s", p.name, width, view))
					}))
				}
			}
			require.NoError(t, do(tab, chromedp.EmulateViewport(1280, viewportHeight), colorScheme("dark"), chromedp.Navigate(p.url)))
			screenshot(t, tab, shots, p.name+"-1280-dark")
			require.NoError(t, do(tab, colorScheme("")))
		})
	}
}

// reportProblems fails the test with each problem.
func reportProblems(t *testing.T, problems []string) {
	t.Helper()
	for _, p := range problems {
		t.Error(p)
	}
}

// pageProblems checks the freshly loaded page at the viewport width and
// returns what is wrong.
func pageProblems(t *testing.T, tab context.Context, p seedPage, width int64) []string {
	t.Helper()
	var problems []string
	errorf := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	f := eval[pageFacts](t, tab, pageFactsJS)
	at := fmt.Sprintf("%s at %d px", p.name, width)
	if width <= phoneWidth && f.ScrollWidth > f.InnerWidth {
		errorf("%s: the page overflows horizontally: scrollWidth %.0f > innerWidth %.0f; "+
			"outermost elements past the right edge (wide tables belong in their own .raci-scroll container): %s",
			at, f.ScrollWidth, f.InnerWidth, strings.Join(f.Overflowing, ", "))
	}
	// On a wide screen the text and matrices get at least half of it (a page
	// squeezed into a sidebar-wide column fails here).
	if width >= wideWidth && f.MainWidth < f.InnerWidth/2 {
		errorf("%s: <main> is only %.0f px wide in a %.0f px window: the text and matrices are squeezed into a narrow column",
			at, f.MainWidth, f.InnerWidth)
	}
	if len(f.BrokenLinks) > 0 {
		errorf("%s: in-page links to ids that do not exist: %s", at, strings.Join(f.BrokenLinks, " "))
	}
	if p.matrices < 0 {
		return problems
	}
	if len(f.Matrices) != p.matrices {
		errorf("%s: %d table.raci-matrix in the page, the model has %d matrices", at, len(f.Matrices), p.matrices)
	}
	for _, m := range f.Matrices {
		if !m.Visible {
			errorf("%s: matrix %s is not visible (box %.0f×%.0f)", at, m.Desc, m.Width, m.Height)
		}
	}
	switch {
	case len(f.Charts) == 0:
		errorf("%s: no summary chart (svg.raci-chart)", at)
	case len(f.Charts) > 1:
		errorf("%s: %d summary charts (svg.raci-chart), want one", at, len(f.Charts))
	default:
		c := f.Charts[0]
		if !c.Visible {
			errorf("%s: the summary chart %s is not visible (box %.0f×%.0f)", at, c.Desc, c.Width, c.Height)
		}
		if c.Title == "" {
			errorf("%s: the summary chart %s has no <title> for screen readers", at, c.Desc)
		}
	}
	return problems
}

// viewSetup is the per-party view's switch as the page has it.
type viewSetup struct {
	Fieldset bool            `json:"fieldset"`
	Labelled map[string]bool `json:"labelled"` // radio value → has a label (missing: no such radio)
}

const viewSetupJS = `(() => {
const fs = document.querySelector('fieldset.raci-view');
const labelled = {};
if (fs) for (const r of fs.querySelectorAll('input[type="radio"][name="raci-view"]')) labelled[r.value] = r.labels.length > 0;
return {fieldset: !!fs, labelled};
})()`

// viewState is what is shown after a view was chosen.
type viewState struct {
	Checked         string `json:"checked"`
	Customer        bool   `json:"customer"`
	Provider        bool   `json:"provider"`
	Matrices        int    `json:"matrices"`
	MatricesVisible int    `json:"matricesVisible"`
	CustomerItems   int    `json:"customerItems"`
}

const viewStateJS = `(() => {` + jsHelpers + `
const checked = document.querySelector('fieldset.raci-view input[name="raci-view"]:checked');
const matrices = [...document.querySelectorAll('table.raci-matrix')];
return {
  checked: checked ? checked.value : '',
  customer: visible(document.querySelector('section.raci-party-view[data-kind="customer"]')),
  provider: visible(document.querySelector('section.raci-party-view[data-kind="provider"]')),
  matrices: matrices.length,
  matricesVisible: matrices.filter(visible).length,
  customerItems: document.querySelectorAll('section.raci-party-view[data-kind="customer"] li').length,
};
})()`

// partyViewProblems switches the per-party view with a click on each
// radio's label (customer, provider, then back to all) and returns what is
// wrong with what is shown; shot takes a screenshot of the customer view.
func partyViewProblems(t *testing.T, tab context.Context, width int64, shot func(view string)) []string {
	t.Helper()
	var problems []string
	errorf := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	at := fmt.Sprintf("at %d px", width)
	setup := eval[viewSetup](t, tab, viewSetupJS)
	if !setup.Fieldset {
		errorf("%s: no per-party view switch (fieldset.raci-view)", at)
		return problems
	}
	for _, v := range []string{"all", "customer", "provider"} {
		labelled, ok := setup.Labelled[v]
		if !ok {
			errorf("%s: fieldset.raci-view has no radio input name=raci-view value=%q", at, v)
			return problems
		}
		if !labelled {
			errorf("%s: the %q radio of fieldset.raci-view has no <label>", at, v)
			return problems
		}
	}
	choose := func(view string) (viewState, bool) {
		label := fmt.Sprintf(`document.querySelector('fieldset.raci-view input[name="raci-view"][value=%q]').labels[0]`, view)
		if err := do(tab, chromedp.Click(chromedp.JSPath(label))); err != nil {
			errorf("%s: clicking the label of the %q view: %v", at, view, err)
			return viewState{}, false
		}
		s := eval[viewState](t, tab, viewStateJS)
		if s.Checked != view {
			errorf("%s: after a click on the %q label, the checked view is %q", at, view, s.Checked)
		}
		return s, true
	}

	if s, ok := choose("customer"); ok {
		if !s.Customer {
			errorf(`%s: customer view chosen, but section.raci-party-view[data-kind="customer"] is not visible`, at)
		}
		if s.CustomerItems == 0 {
			errorf(`%s: the customer view lists nothing (no <li> in section.raci-party-view[data-kind="customer"])`, at)
		}
		if s.MatricesVisible > 0 && s.Provider {
			errorf("%s: customer view chosen, but both the provider view and %d of %d matrices are still visible",
				at, s.MatricesVisible, s.Matrices)
		}
		shot("customer")
	}
	if s, ok := choose("provider"); ok {
		if !s.Provider {
			errorf(`%s: provider view chosen, but section.raci-party-view[data-kind="provider"] is not visible`, at)
		}
		if s.MatricesVisible > 0 && s.Customer {
			errorf("%s: provider view chosen, but both the customer view and %d of %d matrices are still visible",
				at, s.MatricesVisible, s.Matrices)
		}
	}
	if s, ok := choose("all"); ok && s.MatricesVisible != s.Matrices {
		errorf("%s: back to all, but only %d of %d matrices are visible", at, s.MatricesVisible, s.Matrices)
	}
	return problems
}

// TestBrowserPartyViewWithoutSwitch: with the default stylesheet (which
// the Hugo theme uses too), a party view on a page without the view switch
// (the raci-party shortcode in a Hugo page) is shown; on a page with the
// switch, it shows only once its view is chosen.
func TestBrowserPartyViewWithoutSwitch(t *testing.T) {
	tab := newTab(t, startBrowser(t))
	view := `<section class="raci-party-view" data-kind="customer"><ul class="raci-party-items"><li>Backups</li></ul></section>`
	sw := `<fieldset class="raci-view"><input type="radio" name="v" id="raci-view-all" value="all" checked>` +
		`<input type="radio" name="v" id="raci-view-customer" value="customer"></fieldset>`
	visible := `getComputedStyle(document.querySelector("section.raci-party-view")).display !== "none"`
	for _, tt := range []struct {
		name, body string
		want       bool
	}{
		{"no switch", "<main>" + view + "</main>", true},
		{"switch, all chosen", "<main>" + sw + view + "</main>", false},
	} {
		path := filepath.Join(t.TempDir(), "p.html")
		doc := "<!doctype html><html><head><style>" + page.DefaultCSS() + "</style></head><body>" + tt.body + "</body></html>"
		require.NoError(t, os.WriteFile(path, []byte(doc), 0o644))
		require.NoError(t, do(tab, chromedp.Navigate(fileURL(t, path))))
		assert.Equal(t, tt.want, eval[bool](t, tab, visible), tt.name)
	}
	require.NoError(t, do(tab, chromedp.Click(chromedp.JSPath(`document.querySelector("#raci-view-customer")`))))
	assert.True(t, eval[bool](t, tab, visible), "switch, customer chosen")
}
