package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
)

// The Hugo theme must write the HTML the extension writes. These tests
// build sites with the pinned Hugo (make hugo puts it in bin/) and compare
// their pages with mdraci convert's output for the same documents.

// themeRoot is the repository root (the Hugo module) seen from this package.
const themeRoot = "../.."

// commandContext returns a context that ends a minute before the test's
// deadline, so that a slow Hugo install is reported, not killed.
func commandContext(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	if d, ok := t.Deadline(); ok {
		ctx, cancel = context.WithDeadline(context.Background(), d.Add(-time.Minute))
	}
	t.Cleanup(cancel)
	return ctx
}

// hugoForTest returns the pinned Hugo, installing it with make hugo when
// bin/hugo is missing; the test skips when that is not possible.
func hugoForTest(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("make"); err != nil {
		t.Skip("make is not installed: the Hugo theme tests run `make hugo` and `make site`")
	}
	cmd := exec.CommandContext(commandContext(t), "make", "--no-print-directory", "hugo")
	cmd.Dir = themeRoot
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Skipf("the pinned Hugo is not installed and `make hugo` failed (no network?): %v\n%s", err, out)
	}
	hugo, err := filepath.Abs(filepath.Join(themeRoot, "bin", "hugo"))
	require.NoError(t, err)
	return hugo
}

// hugoEnv is what Hugo needs to resolve the theme module offline, as the
// Makefile's site target gives it: Go's module cache and proxy.
func hugoEnv(t *testing.T) []string {
	t.Helper()
	env := os.Environ()
	for _, name := range []string{"GOMODCACHE", "GOPROXY"} {
		out, err := exec.Command("go", "env", name).Output()
		require.NoError(t, err)
		v := strings.TrimSpace(string(out))
		if name == "GOPROXY" {
			name = "HUGO_MODULE_PROXY"
		}
		env = append(env, name+"="+v)
	}
	return env
}

// themeDigest reads every file of the theme and the example site, so that
// go test's cache knows the results depend on them.
func themeDigest(t *testing.T) string {
	t.Helper()
	h := sha256.New()
	for _, p := range []string{"hugo.toml", "layouts", "shortcodes", "site-example/hugo.toml", "site-example/go.mod",
		"site-example/content/_index.md", "site-example/content/shortcodes.md", "site-example/data", "testdata/seeds", "Makefile"} {
		_ = filepath.WalkDir(filepath.Join(themeRoot, p), func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				b, _ := os.ReadFile(path)
				fmt.Fprintf(h, "%s %x\n", path, sha256.Sum256(b))
			}
			return nil
		})
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// canonical writes the element s as text: tags with their attributes
// sorted, text with white space collapsed (whitespace-only text dropped),
// URLs percent-decoded, one node per line.
func canonical(s *goquery.Selection) string {
	var b strings.Builder
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		switch n.Type {
		case html.TextNode:
			if t := strings.Join(strings.Fields(n.Data), " "); t != "" {
				fmt.Fprintf(&b, "%s%q\n", strings.Repeat(" ", depth), t)
			}
			return
		case html.ElementNode:
			attrs := make([]string, 0, len(n.Attr))
			for _, a := range n.Attr {
				v := strings.Join(strings.Fields(a.Val), " ")
				if a.Key == "href" || a.Key == "src" {
					if u, err := url.PathUnescape(v); err == nil {
						v = u
					}
				}
				attrs = append(attrs, fmt.Sprintf("%s=%q", a.Key, v))
			}
			sort.Strings(attrs)
			fmt.Fprintf(&b, "%s<%s %s>\n", strings.Repeat(" ", depth), n.Data, strings.Join(attrs, " "))
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	for _, n := range s.Nodes {
		walk(n, 0)
	}
	return b.String()
}

// pagePart is a kind of element both renderings must write the same way.
type pagePart struct {
	name, selector string
}

// matrixParts are what the raci and raci-legend shortcodes write.
var matrixParts = []pagePart{
	{"matrices", "div.raci-scroll"},
	{"legends", "table.raci-legend"},
	{"matrix summaries", "div.raci-scroll + p.table-summary"},
}

// hookParts are what the render hooks write.
var hookParts = []pagePart{
	{"headings", "h1, h2, h3, h4, h5, h6"},
	{"tables", "table:not(.raci-matrix):not(.raci-legend)"},
	{"table summaries", "table:not(.raci-matrix) + p.table-summary"},
	{"figures", "figure"},
	{"images", "img"},
}

// compareParts checks that mdraci's fragment and Hugo's page body hold the
// same parts, element by element.
func compareParts(t *testing.T, name string, mdraci, hugo *goquery.Selection, parts []pagePart) {
	t.Helper()
	for _, part := range parts {
		want, got := mdraci.Find(part.selector), hugo.Find(part.selector)
		if !assert.Equal(t, want.Length(), got.Length(), "%s: number of %s", name, part.name) {
			continue
		}
		for i := range want.Length() {
			assert.Equal(t, canonical(want.Eq(i)), canonical(got.Eq(i)), "%s: %s #%d", name, part.name, i+1)
		}
	}
}

// convertForTest returns mdraci convert's HTML fragment for a document.
func convertForTest(t *testing.T, args ...string) *goquery.Selection {
	t.Helper()
	r := runForTest(t, "", append([]string{"convert"}, args...)...)
	require.NotEqual(t, 2, r.code, r.stderr)
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(r.stdout))
	require.NoError(t, err)
	return doc.Selection
}

// hugoPageBody returns the content of a page Hugo built with the theme.
func hugoPageBody(t *testing.T, path string) *goquery.Selection {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(b))
	require.NoError(t, err)
	body := doc.Find("main .page-body")
	require.Equal(t, 1, body.Length(), "%s has the theme's page body", path)
	return body
}

func TestHugoSiteMatchesConvert(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the example Hugo site with make site")
	}
	hugoForTest(t)
	t.Logf("theme digest %s", themeDigest(t))
	cmd := exec.CommandContext(commandContext(t), "make", "--no-print-directory", "site")
	cmd.Dir = themeRoot
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "make site:\n%s", out)

	seeds, err := filepath.Glob(filepath.Join(testSeedsDir, "*.*"))
	require.NoError(t, err)
	require.Len(t, seeds, 5)
	matrices := 0
	for _, seed := range seeds {
		name := strings.TrimSuffix(filepath.Base(seed), filepath.Ext(seed))
		t.Run(name, func(t *testing.T) {
			want := convertForTest(t, seed)
			got := hugoPageBody(t, filepath.Join(themeRoot, "site-example", "public", "seeds", name, "index.html"))
			compareParts(t, name, want, got, append(matrixParts, hookParts...))
			matrices += got.Find("table.raci-matrix").Length()
		})
	}
	assert.Equal(t, 37, matrices, "the seeds' matrices")

	// the hand-written page uses every shortcode
	page := hugoPageBody(t, filepath.Join(themeRoot, "site-example", "public", "shortcodes", "index.html"))
	assert.Equal(t, 1+4, page.Find("table.raci-matrix").Length(), "raci by id, and every matrix of a page")
	assert.Equal(t, 1, page.Find("table.raci-legend").Length())
	assert.Equal(t, 2, page.Find("section.raci-party-view").Length())
	fig := page.Find("figure#fig-shared")
	require.Equal(t, 1, fig.Length(), "raci-figure written by hand")
	assert.Equal(t, "Figure 1. Who does what", fig.Children().First().Filter("figcaption").Text(), "its caption, on top")
	assert.Equal(t, "/shared-responsibility.svg", fig.Find("img").AttrOr("src", ""))
	assert.Equal(t, "en", fig.AttrOr("lang", ""))
	text := strings.Join(strings.Fields(page.Text()), " ")
	assert.Contains(t, text, "is Code Engine (mdraci's defaults)")
	assert.Contains(t, text, "is Example Cloud® Functions (this site's")
	// the raci-party items link to the matrices and their rows
	links := page.Find("section.raci-party-view .raci-party-matrix > a, section.raci-party-view ul.raci-party-items > li > a")
	assert.Greater(t, links.Length(), 0)
	links.Each(func(_ int, a *goquery.Selection) {
		href := a.AttrOr("href", "")
		assert.Regexp(t, `^/seeds/[^/]+/#.+`, href)
	})

	// raci-party writes what mdraci convert --page writes in its party
	// views: IBM's on one page ...
	convertPage := func(seed string) *goquery.Selection {
		return convertForTest(t, "--page", filepath.Join(testSeedsDir, seed))
	}
	want := convertPage("004_ibm-code-engine.md").Find(`section.raci-party-view[data-kind="provider"]`)
	require.Equal(t, 1, want.Length(), "convert --page's IBM view")
	got := page.Find(`section.raci-party-view[data-party="ibm"]`)
	require.Equal(t, 1, got.Length(), "raci-party party=ibm")
	assert.Equal(t, "provider", got.AttrOr("data-kind", ""))
	assert.Equal(t, partyItems(want, ""), partyItems(got, "/seeds/004_ibm-code-engine/"), "raci-party party=ibm page=004")

	// ... and the customer's across the site: per page a heading linking to
	// it, then the page's view, its headings one level deeper
	site := page.Find(`section.raci-party-view[data-party="customer"]`)
	require.Equal(t, 1, site.Length(), "raci-party party=customer site=true")
	perPage := map[string][]*goquery.Selection{}
	var at string
	site.Children().Each(func(_ int, c *goquery.Selection) {
		if c.Is("h3.raci-party-page") {
			at = c.Find("a").AttrOr("href", "")
			return
		}
		require.NotEmpty(t, at, "raci-party site=true: a page's heading comes first")
		perPage[at] = append(perPage[at], c)
	})
	assert.Len(t, perPage, len(seeds), "raci-party site=true: the seed pages")
	for _, seed := range seeds {
		name := strings.TrimSuffix(filepath.Base(seed), filepath.Ext(seed))
		want := convertPage(filepath.Base(seed)).Find(`section.raci-party-view[data-kind="customer"]`)
		require.Equal(t, 1, want.Length(), "%s: convert --page's customer view", name)
		href := "/seeds/" + name + "/"
		got := make([]string, 0, len(perPage[href]))
		for _, c := range perPage[href] {
			got = append(got, strings.ReplaceAll(partyItems(c, href)[0], "<h4 ", "<h3 "))
		}
		assert.Equal(t, partyItems(want, ""), got, "raci-party party=customer site=true: %s", name)
	}
}

// partyItems returns, canonical, what a party view holds besides its title
// (mdraci convert's <h2>): the matrices' headings, their items; links into
// page (its RelPermalink) are made links within the page. For one element
// (not a section), that element alone.
func partyItems(view *goquery.Selection, page string) []string {
	elems := view
	if view.Is("section") {
		elems = view.Children().Not(`h2[id^="raci-party-"]`)
	}
	var out []string
	elems.Each(func(_ int, c *goquery.Selection) {
		s := canonical(c)
		if page != "" {
			s = strings.ReplaceAll(s, `href="`+page+`#`, `href="#`)
		}
		out = append(out, s)
	})
	return out
}

// hugoSite writes a Hugo site that imports the theme from this repository.
func hugoSite(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	root, err := filepath.Abs(themeRoot)
	require.NoError(t, err)
	cfg, err := os.ReadFile(filepath.Join(themeRoot, "site-example", "hugo.toml"))
	require.NoError(t, err)
	all := map[string]string{
		"hugo.toml": string(cfg) + "\n[markup.goldmark.renderer]\n  unsafe = true\n",
		"go.mod":    "module example.com/test\n\ngo 1.26\n\nrequire github.com/mdraci/mdraci v0.0.0\n\nreplace github.com/mdraci/mdraci => " + root + "\n",
	}
	for k, v := range files {
		all[k] = v
	}
	writeTestFiles(t, dir, all)
}

// runHugo builds the site in dir and returns Hugo's output.
func runHugo(t *testing.T, hugo, dir string) (string, error) {
	t.Helper()
	cmd := exec.CommandContext(commandContext(t), hugo, "--panicOnWarning", "-s", dir, "-d", "public")
	cmd.Env = hugoEnv(t)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

func TestHugoUnknownMatrixID(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a Hugo site")
	}
	hugo := hugoForTest(t)
	dir := t.TempDir()
	model, err := os.ReadFile(filepath.Join(testSeedsDir, "002_ovhcloud-platformsh.md"))
	require.NoError(t, err)
	hugoSite(t, dir, map[string]string{"src/ovh.md": string(model)})
	r := runForTest(t, "", "hugo", "-o", filepath.Join(dir, "content"), filepath.Join(dir, "src", "ovh.md"))
	require.Equal(t, 0, r.code, r.stderr)
	// a page of its own, with a model (ovh's), and a wrong id on line 7
	b, err := os.ReadFile(filepath.Join(dir, "content", "ovh", "model.json"))
	require.NoError(t, err)
	writeTestFiles(t, dir, map[string]string{
		"content/bad/index.md":   "---\ntitle: Bad\n---\n\nSome text.\n\n{{< raci id=\"no-such-matrix\" >}}\n",
		"content/bad/model.json": string(b),
	})
	out, err := runHugo(t, hugo, dir)
	require.Error(t, err, "an unknown id fails the build:\n%s", out)
	assert.Regexp(t, regexp.MustCompile(`content/bad/index\.md:7:\d+"?: unknown matrix id "no-such-matrix"`), out)

	// the same id in the raci shortcode is fine
	writeTestFiles(t, dir, map[string]string{
		"content/bad/index.md": "---\ntitle: Good\n---\n\nSome text.\n\n{{< raci id=\"3-1-1-daily-operations-table-1\" >}}\n",
	})
	out, err = runHugo(t, hugo, dir)
	require.NoError(t, err, out)
}

// TestHugoCorpus converts every page of ../shared/corpus with mdraci hugo,
// builds them with the theme, and compares each page's matrices, headings
// and tables with mdraci convert's: a property of every real page.
func TestHugoCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a Hugo site of the corpus")
	}
	corpus := filepath.Join(themeRoot, "..", "shared", "corpus")
	if _, err := os.Stat(corpus); err != nil {
		t.Skipf("no corpus at %s: it is not part of the repository", corpus)
	}
	hugo := hugoForTest(t)
	dir := t.TempDir()
	hugoSite(t, dir, nil)
	keywords := filepath.Join(corpus, "keywords")
	var pages []string
	for _, sub := range []string{"ibm", "other"} {
		found, err := filepath.Glob(filepath.Join(corpus, sub, "*.md"))
		require.NoError(t, err)
		pages = append(pages, found...)
	}
	require.NotEmpty(t, pages)
	seen := map[string]bool{}
	var inputs []string
	for _, p := range pages {
		if name := filepath.Base(p); !seen[name] { // a page in both folders is one bundle
			seen[name] = true
			inputs = append(inputs, p)
		}
	}
	r := runForTest(t, "", append([]string{"hugo", "--keywords", keywords, "-o", filepath.Join(dir, "content")}, inputs...)...)
	// no reading error; the satellite page writes one id on two headings,
	// which is the page's own error (ANCHOR001), not the reading's
	for _, l := range strings.Split(r.stderr, "\n") {
		if strings.Contains(l, ": error: ") && !strings.HasSuffix(l, "[ANCHOR001]") {
			t.Errorf("mdraci hugo: %s", l)
		}
	}
	assert.Equal(t, 1, strings.Count(r.stderr, "[ANCHOR001]"), "mdraci hugo:\n%s", r.stderr)
	out, err := runHugo(t, hugo, dir)
	require.NoError(t, err, out)
	for _, p := range inputs {
		name := strings.TrimSuffix(filepath.Base(p), ".md")
		want := convertForTest(t, "--keywords", keywords, p)
		got := hugoPageBody(t, filepath.Join(dir, "public", strings.ToLower(name), "index.html"))
		compareParts(t, name, want, got, append(matrixParts, hookParts...))
	}
}

// partyViewDoc has a grid matrix (the parties' duties are the categories
// their cells name), a RACI matrix (roles only) and two third parties.
const partyViewDoc = `# Mixed example

## Who patches

| Area | Patching | Backups |
| --- | --- | --- |
| OS | IBM | You |
| Data | Shared | Customer (backup vendor) |
| Network | IBM | Red Hat |

## Who fixes

| Issue | Who is responsible (R) | Who is accountable (A) |
| --- | --- | --- |
| Container images | Customer (3rd Party Vendor/Open Source community) | IBM |

## Who hosts

<table>
<tr><th>Task</th><th>IBM</th><th>Customer</th></tr>
<tr><td>Host the service</td><td>R</td><td>A</td></tr>
</table>

## Who runs

| Activity | IBM | Red Hat | Acme | Customer |
| --- | --- | --- | --- | --- |
| Run the service | R/A | C | I | I |
| Upgrade | R | I | C | A |

## Who operates

| Task | IBM | Customer |
| --- | --- | --- |
| Plan | R | A |
| **Compute** | | |
| Patch | R | A |
| Scale | A | R |
| **Data** | | |
| Back up | I | RA |

## Who restores

| Task | IBM responsibilities | Your responsibilities |
| --- | --- | --- |
| Restore the service [*] | Recover the components. [*] | Check the data. |

` + "`[*]`" + ` No data is "reloaded" & kept < 1 day.
`

// TestHugoPartyViews: the raci-party shortcode writes, on the page itself
// and for another page, the party views mdraci convert --page writes, for a
// grid and a RACI matrix, one party or a kind that stands for two.
func TestHugoPartyViews(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a Hugo site")
	}
	hugo := hugoForTest(t)
	dir := t.TempDir()
	hugoSite(t, dir, map[string]string{"src/mix.md": partyViewDoc})
	r := runForTest(t, "", "hugo", "-o", filepath.Join(dir, "content"), filepath.Join(dir, "src", "mix.md"))
	require.Equal(t, 0, r.code, r.stderr)
	index := filepath.Join(dir, "content", "mix", "index.md")
	b, err := os.ReadFile(index)
	require.NoError(t, err)
	views := map[string]string{"customer": "customer", "provider": "ibm", "third-party": "third-party"}
	var here, there strings.Builder
	for _, party := range views {
		fmt.Fprintf(&here, "\n## View of %s\n\n{{< raci-party party=%q >}}\n", party, party)
		fmt.Fprintf(&there, "\n## View of %s\n\n{{< raci-party party=%q page=\"/mix\" >}}\n", party, party)
	}
	writeTestFiles(t, dir, map[string]string{
		"content/mix/index.md":   string(b) + here.String(),
		"content/views/index.md": "---\ntitle: Views\n---\n" + there.String(),
	})
	out, err := runHugo(t, hugo, dir)
	require.NoError(t, err, out)

	want := convertForTest(t, "--page", filepath.Join(dir, "src", "mix.md"))
	for _, c := range []struct{ page, prefix string }{{"mix", ""}, {"views", "/mix/"}} {
		got := hugoPageBody(t, filepath.Join(dir, "public", c.page, "index.html"))
		for kind, party := range views {
			w := want.Find(`section.raci-party-view[data-kind="` + kind + `"]`)
			require.Equal(t, 1, w.Length(), "convert --page: the %s view", kind)
			g := got.Find(`section.raci-party-view[data-party="` + party + `"]`)
			require.Equal(t, 1, g.Length(), "%s: raci-party party=%s", c.page, party)
			assert.Equal(t, kind, g.AttrOr("data-kind", ""), "%s: raci-party party=%s", c.page, party)
			assert.Equal(t, partyItems(w, ""), partyItems(g, c.prefix), "%s: raci-party party=%s", c.page, party)
		}
	}
	// the rows under a group heading, in a list of their own in an item
	// naming the group
	groups := want.Find(`section.raci-party-view[data-kind="customer"] li.raci-party-group`)
	assert.Equal(t, []string{"#who-operates-compute", "#who-operates-data"}, groups.Map(func(_ int, s *goquery.Selection) string {
		return s.ChildrenFiltered("a").AttrOr("href", "")
	}))
	assert.Equal(t, 2, groups.First().Find("ul.raci-party-items > li").Length(), "Patch and Scale")
	// the grid's categories are the parties' duties
	grid := want.Find(`section.raci-party-view[data-kind="customer"] a[href="#who-patches-data"]`).Parent()
	assert.Equal(t, []string{"Patching", "Backups"}, grid.Find("ul.raci-duties > li").Map(func(_ int, s *goquery.Selection) string { return s.Text() }))
	assert.Equal(t, "(backup vendor)", grid.Find("span.raci-remark").Text())
	// a raw HTML table is shown as written, with no ids: its matrix and
	// rows are listed without links, and no link of the page dangles
	hosts := want.Find(`section.raci-party-view[data-kind="customer"] h3.raci-party-matrix`).FilterFunction(func(_ int, s *goquery.Selection) bool {
		return s.Text() == "Who hosts"
	})
	require.Equal(t, 1, hosts.Length(), "the raw table's matrix in the customer view")
	assert.Equal(t, 0, hosts.Find("a").Length())
	assert.Equal(t, "Host the service: A Accountable", strings.Join(strings.Fields(hosts.Next().Find("li").Text()), " "))
	want.Find(`a[href^="#"]`).Each(func(_ int, a *goquery.Selection) {
		id := strings.TrimPrefix(a.AttrOr("href", ""), "#")
		assert.Equal(t, 1, want.Find(`[id="`+id+`"]`).Length(), "link to #%s", id)
	})
	// a row's footnote marks, titled with their notes
	restore := want.Find(`section.raci-party-view[data-kind="customer"] a[href="#who-restores-restore-the-service"]`).Parent()
	assert.Equal(t, "Restore the service", restore.ChildrenFiltered("a").Text())
	assert.Equal(t, "*", restore.ChildrenFiltered("sup.raci-note").Text())
	assert.Equal(t, `No data is "reloaded" & kept < 1 day.`, restore.ChildrenFiltered("sup.raci-note").AttrOr("title", ""))
	// a role column's remark
	fix := want.Find(`section.raci-party-view[data-kind="customer"] a[href="#who-fixes-container-images"]`).Parent()
	assert.Equal(t, "Container images: R Responsible (3rd Party Vendor/Open Source community)", strings.Join(strings.Fields(fix.Text()), " "))

	// a party the page does not have fails the build
	writeTestFiles(t, dir, map[string]string{
		"content/views/index.md": "---\ntitle: Views\n---\n\n{{< raci-party party=\"nobody\" page=\"/mix\" >}}\n",
	})
	out, err = runHugo(t, hugo, dir)
	require.Error(t, err, "an unknown party fails the build:\n%s", out)
	assert.Contains(t, out, `raci-party: no party "nobody" has responsibilities in page "/mix"`)
}

// hostileLinks are link and image destinations that try to smuggle a
// script URL past the check: character references for the tab, new line
// and controls browsers drop from a URL, case, spaces, data: URLs.
const hostileLinks = `# Links

[tab](java&#9;script:alert(1)) [nl](java&#10;script:alert(1)) [cr](java&#13;script:alert(1))
[ctl](&#1;javascript:alert(1)) [end](javascript&#0;:alert(1)) [del](&#127;javascript:alert(1))
[case](JaVaScRiPt:alert(1)) [ent](&#106;avascript:alert(1)) [vb](vbscript:msgbox) [file](file:///etc/passwd)
[html](data:text/html,alert) [pct](https://example.com/100%) [ok](https://example.com/a?b=c&amp;d=e)
![img](data:image/png;base64,AAAA) ![bad](data:text/html;base64,AAAA) ![tabimg](jav&#9;ascript:alert(1))
`

// browserScheme returns the scheme a browser reads in a URL attribute's
// value: tabs and new lines removed, C0 controls and spaces trimmed from
// its ends, lower case.
func browserScheme(v string) string {
	v = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, v)
	v = strings.TrimFunc(v, func(r rune) bool { return r <= ' ' })
	if i := strings.IndexByte(v, ':'); i > 0 && !strings.ContainsAny(v[:i], "/?#") {
		return strings.ToLower(v[:i])
	}
	return ""
}

// TestHugoLinksSafe: the theme's link and image hooks let no script URL
// through, however it is written, and write the destinations mdraci
// convert writes.
func TestHugoLinksSafe(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a Hugo site")
	}
	hugo := hugoForTest(t)
	dir := t.TempDir()
	hugoSite(t, dir, map[string]string{"content/links/index.md": "---\ntitle: Links\n---\n" + hostileLinks})
	out, err := runHugo(t, hugo, dir)
	require.NoError(t, err, out)
	got := hugoPageBody(t, filepath.Join(dir, "public", "links", "index.html"))
	src := filepath.Join(dir, "links.md")
	writeTestFiles(t, dir, map[string]string{"links.md": hostileLinks})
	want := convertForTest(t, src)

	urls := func(s *goquery.Selection) []string {
		return s.Find("a[href], img[src]").Map(func(_ int, e *goquery.Selection) string {
			return e.AttrOr("href", e.AttrOr("src", ""))
		})
	}
	g, w := urls(got), urls(want)
	// the heading's self-link and 9 links and images whose URLs are not
	// script URLs once decoded; the 7 others are their text alone
	require.Len(t, g, 10)
	require.Len(t, w, len(g))
	for _, page := range []*goquery.Selection{got, want} {
		assert.Zero(t, page.Find(`a[href=""], img[src=""], a:not([href]), img:not([src])`).Length(), "an element without its URL")
		text := strings.Fields(page.Find("p").Text())
		for _, refused := range []string{"case", "ent", "vb", "file", "html", "img", "bad"} {
			assert.Contains(t, text, refused, "a refused link's text, an image's alt text")
		}
	}
	assert.Equal(t, strings.Fields(want.Find("p").Text()), strings.Fields(got.Find("p").Text()))
	for i, u := range g {
		switch browserScheme(u) {
		case "javascript", "vbscript", "file", "data":
			t.Errorf("link %d: %q is a script or data URL", i+1, u)
		}
		assert.NotRegexp(t, `[\x00-\x20\x7f]`, u, "link %d: a control or space a browser would drop", i+1)
		// as mdraci convert writes it (which also %-encodes non-ASCII)
		wu, _ := url.PathUnescape(w[i])
		gu, _ := url.PathUnescape(u)
		assert.Equal(t, wu, gu, "link %d: as mdraci convert writes it", i+1)
	}
}

// hugoOnePage builds a Hugo site of one page, doc through mdraci hugo,
// and returns what mdraci convert and Hugo write for it; it skips in
// -short mode.
func hugoOnePage(t *testing.T, name, doc string) (convert, hugo *goquery.Selection) {
	t.Helper()
	if testing.Short() {
		t.Skip("builds a Hugo site")
	}
	bin := hugoForTest(t)
	dir := t.TempDir()
	src := filepath.Join(dir, "src", name+".md")
	hugoSite(t, dir, map[string]string{"src/" + name + ".md": doc})
	r := runForTest(t, "", "hugo", "-o", filepath.Join(dir, "content"), src)
	require.Equal(t, 0, r.code, r.stderr)
	out, err := runHugo(t, bin, dir)
	require.NoError(t, err, out)
	return convertForTest(t, src), hugoPageBody(t, filepath.Join(dir, "public", name, "index.html"))
}

// letterCellsDoc has letter cells that say more than their letters.
const letterCellsDoc = `# Letters

| Activity | Provider | Customer |
|---|---|---|
| Back up | R (on request) | A |
| Patch | R[^1] | A |
| Scale | A / R if asked | I |
| Scan | R **now** | A |
| Log | [R](#log) | A |
| Rotate | R, A* | C |
| Audit | **R** (always) | A |
| Restore | R &amp; A (if asked) | I |
| Nest | ***R*** (deep) | A |
| Spaced | ** R** (x) | A |
| Spare | R &nbsp;(y) | A |
| Joined | R&nbsp;(z) | A |
| Amp | R,,&amp; | A |
| Net | R \n A (on call) | I |
| Disk | R<br>A (on call) | I |

[^1]: Monthly.
`

// TestHugoLetterCells: the theme shows what a letter cell says beside its
// letters as mdraci convert does, the letters it starts with left out.
func TestHugoLetterCells(t *testing.T) {
	want, got := hugoOnePage(t, "letters", letterCellsDoc)
	compareParts(t, "letters", want, got, matrixParts)
	texts := want.Find("span.raci-cell-text").Map(func(_ int, s *goquery.Selection) string {
		return strings.Join(strings.Fields(s.Text()), " ")
	})
	assert.Equal(t, []string{"(on request)", "1", "if asked", "now", "R", "(always)", "(if asked)", "(deep)", "** R** (x)", "(y)", "(z)", "(on call)", "(on call)"}, texts)
	// a no-break space after the letters is a blank the letters show
	// ("R&nbsp;(z)"), in both renderings
	for _, s := range []*goquery.Selection{want, got} {
		s.Find("span.raci-cell-text").Each(func(_ int, c *goquery.Selection) {
			assert.False(t, strings.HasPrefix(c.Text(), "\u00a0"), "text starts with a no-break space: %q", c.Text())
		})
	}
}

// figuresDoc has captioned images: figures (caption below or above, with
// the paragraph's attributes, in a block quote, over two lines, keywords
// in the caption) and an image among text, whose caption is its title.
const figuresDoc = `# Figures

![Roles for {{site.data.keyword.cloud_notm}}](roles.svg){: caption="Figure 1. Roles for {{site.data.keyword.cloud_notm}} & <you>" caption-side="bottom"}

> ![Steps
> in order](steps.png "Own title")
> {: #fig-steps .wide data-x="1" caption="Figure 2. Steps" caption-side="top"}

Text ![inline](i.png){: caption="Inline cap"} more.

Plain text.
{: caption="Dropped"}

Text ![g](g.png){: caption="C:\[x\] a\*b & x &amp; y <z>"} shows its caption as written.

Text ![p](img/diagram_(v2)){: caption="Paren" .c} and ![q](q.png ""){: caption="Empty title"} more.

Text ![d][r]{: caption="Ref caption"}, [l][r]{: .k} and [r]{: target="_blank"}.

![e][r]
{: caption="Figure 3. A reference image"}

![f][r]{: caption="Figure 4. Another"}

[r]: <a b.png> "Def \"t\""
`

// TestHugoFigures: the theme writes captioned images as mdraci convert
// does, as <figure> with a <figcaption> on the side the source names.
func TestHugoFigures(t *testing.T) {
	want, got := hugoOnePage(t, "figures", figuresDoc)
	compareParts(t, "figures", want, got, append(hookParts, pagePart{"links", "a"}))
	caps := got.Find("figure > figcaption").Map(func(_ int, s *goquery.Selection) string { return s.Text() })
	assert.Equal(t, []string{"Figure 1. Roles for IBM Cloud & <you>", "Figure 2. Steps", "Figure 3. A reference image", "Figure 4. Another"}, caps)
	assert.Equal(t, 4, got.Find("figure > img").Length(), "every figure shows its image")
	assert.Equal(t, "fig-steps", got.Find("figure").Eq(1).AttrOr("id", ""))
	assert.Equal(t, 1, got.Find("figure").Eq(1).Children().First().Filter("figcaption").Length(), "caption-side top")
	assert.Equal(t, "Inline cap", got.Find(`img[src="i.png"]`).AttrOr("title", ""))
	assert.Equal(t, `C:\[x\] a\*b & x &amp; y <z>`, got.Find(`img[src="g.png"]`).AttrOr("title", ""))
	assert.NotContains(t, got.Text(), "Dropped")
}

// referencesDoc has reference links and images in matrix cells, a matrix
// footnote, a heading and text, with definitions Hugo would not see where
// it renders cells and footnotes apart from the page.
const referencesDoc = "# Refs\n\n" +
	"| Activity | Provider | Customer |\n|---|---|---|\n" +
	"| Back up [docs][r] | R[^1] | A |\n" +
	"| Patch ![i][r] | R (see [x][r]) | A |\n" +
	"| Pipe [y][rp] and [z][] | R | A |\n\n" +
	"[^1]: See [docs][r] and ![img][r].\n\n" +
	"## Head [h][r7] end\n\n" +
	"Shortcut [r] and \\][r] and [bs][rb].\n\n" +
	"Entities [e](/e \"Tom &amp; Jerry &quot;x&quot; \\&amp;\") ![f](/f.png 'A &lt;b&gt; &#169;') [re].\n\n" +
	"[r]: /r.png \"RT\"\n[rp]: /p|q \"a|b\"\n[z]: /z\n[r7]: /m \"line one\nline two\"\n[rb]: /path\\\n" +
	"[re]: /re \"R &amp; D\"\n"

// TestHugoReferences: reference links and images are links and images in
// the theme's matrices, footnotes, headings and text, as in convert.
func TestHugoReferences(t *testing.T) {
	want, got := hugoOnePage(t, "refs", referencesDoc)
	compareParts(t, "references", want, got, append(append(matrixParts, hookParts...), pagePart{"links", "a:not(.heading-anchor)"}, pagePart{"footnotes", "div.footnotes li"}))
	assert.NotContains(t, got.Text(), "][", "no reference left as text")
	assert.Equal(t, 7, got.Find(`a[href="/r.png"], img[src="/r.png"]`).Length())
	// character references in titles are resolved once, backslash
	// escapes first: not "&amp;amp;" (the theme read .Title as text)
	assert.Equal(t, `Tom & Jerry "x" &amp;`, got.Find(`a[href="/e"]`).AttrOr("title", ""))
	assert.Equal(t, `A <b> ©`, got.Find(`img[src="/f.png"]`).AttrOr("title", ""))
	assert.Equal(t, `R & D`, got.Find(`a[href="/re"]`).AttrOr("title", ""))
}

// spansDoc has bracketed spans: in paragraphs (markup and a keyword
// inside, over two lines, an attribute value with a pipe), in a matrix
// cell and in an ordinary table's cell (a "|" from a definition).
const spansDoc = `# Spans

Text [Yes]{: .tag-green} and [**New** in
2022 ` + "`[x]`" + `]{: #n .tag lang="en" title="a|b"} and [{{site.data.keyword.IBM_notm}} tag]{: .k}.

| Activity | Provider | Customer |
|---|---|---|
| Back up [Beta]{: .tag} | R | A |

| Region | Available |
|---|---|
| Dallas | [Yes]{: pipe .tag-green} |

{:pipe: title="x|y"}
`

// TestHugoSpans: the theme shows bracketed spans ("[New]{: .tag}") as
// mdraci convert does, in text, matrices and tables.
func TestHugoSpans(t *testing.T) {
	want, got := hugoOnePage(t, "spans", spansDoc)
	compareParts(t, "spans", want, got, append(append(matrixParts, hookParts...), pagePart{"paragraphs", "p"}))
	assert.Equal(t, 5, got.Find("span.tag-green, span.tag, span.k").Length(), "every span")
	assert.Equal(t, "x|y", got.Find("td span.tag-green").AttrOr("title", ""))
	assert.NotContains(t, got.Text(), "{:", "no span list left as text")
}

// transposedLettersDoc is a letter matrix with the parties down its first
// column: its cells come from the model, not from source cells.
const transposedLettersDoc = `# Transposed

| | Daily backup | Restore test | Scan |
| --- | --- | --- | --- |
| Customer | R | A (on request) | R **now** |
| Provider | A* | R | A |
`

// TestHugoTransposedLetterCells: what the letter cells of a transposed
// table say besides their letters, and their footnote marks, show in the
// theme as in mdraci convert.
func TestHugoTransposedLetterCells(t *testing.T) {
	want, got := hugoOnePage(t, "transposed", transposedLettersDoc)
	compareParts(t, "transposed", want, got, matrixParts)
	for _, s := range []*goquery.Selection{want, got} {
		texts := s.Find("span.raci-cell-text").Map(func(_ int, s *goquery.Selection) string { return s.Text() })
		assert.Equal(t, []string{"(on request)", "now"}, texts)
		assert.Equal(t, "*", s.Find("sup.raci-note").Text())
	}
}

// TestHugoHeaderLinks: a matrix header cell with a link (a grid's column
// pointing to its section) keeps it in the theme, as in mdraci convert;
// other header cells show their plain text.
func TestHugoHeaderLinks(t *testing.T) {
	doc := "# Grid\n\n| Resource | [Incident and operations management](#incident-and-ops) | [Change **management**](#change-management) | **Plain** |\n" +
		"| --- | --- | --- | --- |\n| Worker nodes | [Shared](#a) | IBM | You |\n"
	want, got := hugoOnePage(t, "headerlinks", doc)
	compareParts(t, "header links", want, got, matrixParts)
	for _, s := range []*goquery.Selection{want, got} {
		assert.Equal(t, 2, s.Find("thead th a").Length(), "the header links")
		assert.Equal(t, 0, s.Find("thead th strong").FilterFunction(func(_ int, x *goquery.Selection) bool { return x.Text() == "Plain" }).Length())
	}
}

// spanSafetyDoc has a bracketed span whose "[" ends a line (a start tag
// alone on a line would open a raw HTML block in Hugo, unsanitized), a
// shortcode in a span's attribute, and an attribute list with a blank
// line on both sides after raw HTML (written after it, it would join it).
const spanSafetyDoc = "# T\n\n[\n`<img src=x onerror=alert(1)>` and \\<svg onload=alert(2)>]{: .x}\n\n" +
	"> [\n> quoted *em*]{: .y} end\n\n" +
	"[z]{: title='{{% raci id=\"nope\" %}}'}\n\n" +
	"<div>html</div>\n\n{: title=\"<img src=x onerror=alert(3)>\" data-x=\"</div><script>alert(4)</script>\"}\n\nEnd.\n"

// TestHugoSpanSafety: what mdraci hugo writes for bracketed spans and
// lists next to raw HTML runs nothing in the theme, and shows as convert
// does.
func TestHugoSpanSafety(t *testing.T) {
	want, got := hugoOnePage(t, "spansafety", spanSafetyDoc)
	compareParts(t, "span safety", want, got, []pagePart{{"paragraphs", "p"}, {"spans", "span"}})
	assert.Equal(t, 0, got.Find("img, svg, script").Length(), "no element from text or attribute values")
	assert.Equal(t, `{{% raci id="nope" %}}`, got.Find("span[title]").AttrOr("title", ""))
	assert.Equal(t, "quoted em", strings.Join(strings.Fields(got.Find("span.y").Text()), " "))
}

// TestHugoCheckRemarks: a check matrix's remark after a check mark shows
// in the theme as in mdraci convert.
func TestHugoCheckRemarks(t *testing.T) {
	doc := "# T\n\n| Task | Provider | Customer |\n|---|---|---|\n| Backups | ✓ (on request) | No |\n| Logs | X (weekdays only) | ✓ |\n| Scan | Yes | |\n"
	want, got := hugoOnePage(t, "checks", doc)
	compareParts(t, "check remarks", want, got, matrixParts)
	for _, s := range []*goquery.Selection{want, got} {
		texts := s.Find("span.raci-cell-text").Map(func(_ int, s *goquery.Selection) string { return s.Text() })
		assert.Equal(t, []string{"(on request)", "(weekdays only)"}, texts)
	}
}

// TestHugoAttributeShortcodes: shortcode calls in the values of block
// attribute lists (a paragraph's, a table's caption) run nothing in Hugo
// and show as written, as in mdraci convert.
func TestHugoAttributeShortcodes(t *testing.T) {
	doc := "# T\n\nPara one.\n{: title='{{% raci id=\"nope\" %}}' data-x=\"{{< raci >}}\"}\n\n" +
		"| a | b |\n|---|---|\n| 1 | 2 |\n{: caption=\"Cap {{% raci %}} x\" .c title=\"{{< raci-legend >}}\"}\n"
	want, got := hugoOnePage(t, "attrshortcodes", doc)
	for _, s := range []*goquery.Selection{want, got} {
		assert.Equal(t, `{{% raci id="nope" %}}`, s.Find("p[title]").AttrOr("title", ""))
		assert.Equal(t, `{{< raci >}}`, s.Find("p[data-x]").AttrOr("data-x", ""))
		assert.Equal(t, `{{< raci-legend >}}`, s.Find("table.c").AttrOr("title", ""))
		assert.Equal(t, `Cap {{% raci %}} x`, s.Find("table.c caption").Text())
		assert.Equal(t, 0, s.Find("table.raci-legend").Length(), "no legend shortcode ran")
	}
}

// TestHugoUnclosedShortcodes: text with a "{{%" or "{{<" that no call
// closes, and a call written over two lines, build in Hugo (it read a
// shortcode there: the site failed, or the call ran) and show as in
// mdraci convert.
func TestHugoUnclosedShortcodes(t *testing.T) {
	doc := "# T\n\nPara {{% one and *two*.\n\nCall {{< raci\nid=\"nope\" >}} here.\n\nLast {{< three.\n\n" +
		"| Task | IBM | You |\n|---|---|---|\n| A {{% x | R | I |\n| B {{< raci-legend >}} | I | R |\n"
	want, got := hugoOnePage(t, "unclosed", doc)
	compareParts(t, "unclosed shortcodes", want, got, []pagePart{{"paragraphs", "p"}})
	compareParts(t, "unclosed shortcodes", want, got, matrixParts)
	assert.Contains(t, got.Find("p").Text(), "Para {{% one and two.")
	assert.Contains(t, got.Find("p").Text(), "Last {{< three.")
	assert.Contains(t, got.Find("p").Text(), `id="nope" >}}`)
}

// groupsDoc has matrices whose rows fall into groups: headings in bold or
// as one cell, first or after other rows, with links and keywords.
const groupsDoc = `# Groups

| Task | Provider | Customer |
|---|---|---|
| **Compute** | | |
| Patch the OS | R | A |
| [Networking](#net) {{site.data.keyword.cloud_notm}} |
| Route | A | R |

| Task | IBM responsibilities | Your responsibilities |
|---|---|---|
| Plan | Offer the plans | Choose one |
| __Data__ | | |
| Back up | Keep copies | Restore them |

| Shared **responsibilities** | | |
|---|---|---|
| Task | Provider | Customer |
| Scan | A | R |

| Timeline | Task | Provider | Customer |
|---|---|---|---|
| **Day 0** | | | |
| | Plan | R | A |
| Day 1 | | | |
| | Run | A | R |
| **Day 2** |
| | Scale | A | R |
`

// TestHugoGroupRows: the theme writes a matrix's group headings as mdraci
// convert does, each group in a <tbody> of its own headed by a cell across
// the row, and a title in the header row as the caption.
func TestHugoGroupRows(t *testing.T) {
	want, got := hugoOnePage(t, "groups", groupsDoc)
	compareParts(t, "groups", want, got, matrixParts)
	for _, s := range []*goquery.Selection{want, got} {
		heads := s.Find(`tbody.raci-group > tr.raci-group-heading:first-child > th[scope="rowgroup"][colspan="3"]`)
		assert.Equal(t, []string{"Compute", "Networking IBM Cloud", "Data", "Day 0", "Day 1", "Day 2"}, heads.Map(func(_ int, h *goquery.Selection) string { return h.Text() }))
		assert.Equal(t, 1, s.Find(`th.raci-group-name a[href="#net"]`).Length(), "the heading keeps its link")
		assert.Equal(t, 2+2+1+3, s.Find("table.raci-matrix > tbody").Length(), "the groups' and the rows' before the first")
		assert.Equal(t, 0, s.Find("tbody:empty").Length())
		titled := s.Find("table.raci-matrix").Eq(2)
		assert.Equal(t, "Shared responsibilities", titled.Find("caption").Contents().First().Text())
		assert.Equal(t, []string{"Task", "Provider", "Customer"}, titled.Find("thead th").Map(func(_ int, h *goquery.Selection) string { return h.Text() }))
		assert.Equal(t, "Scan", titled.Find(`tbody th[scope="row"]`).Text())
		// a column before the activities naming the groups
		timeline := s.Find("table.raci-matrix").Eq(3)
		assert.Equal(t, []string{"Day 0", "Day 1", "Day 2"}, timeline.Find(`th.raci-group-name[colspan="3"]`).Map(func(_ int, h *goquery.Selection) string { return h.Text() }))
		assert.Equal(t, 2, timeline.Find(`th.raci-group-name > strong`).Length(), "the bold names, a short row's too")
		assert.Equal(t, []string{"Task", "Provider", "Customer"}, timeline.Find("thead th").Map(func(_ int, h *goquery.Selection) string { return h.Text() }), "the column naming the groups is none")
		assert.Equal(t, 0, timeline.Find("td.raci-other, td.raci-extra").Length())
	}
}

// TestHugoMatrixAttributes: a matrix's table keeps the attributes its
// attribute lists set besides those it has fields for (lang, dir, title,
// data-*, IBM's tab-title and tab-group as data-*), escaped, in convert
// and in the theme alike.
func TestHugoMatrixAttributes(t *testing.T) {
	const doc = "# Tabs\n\n| Task | IBM responsibilities | Your responsibilities |\n|---|---|---|\n| Patch | Provide patches. | Apply them. |\n" +
		"{: .simple-tab-table lang=\"fr\" dir=\"ltr\" title=\"Qui & \\\"quoi\\\" <x>\" data-x=\"1\"}\n{: tab-title=\"Classic\" tab-group=\"infra\"}\n"
	want, got := hugoOnePage(t, "tabs", doc)
	compareParts(t, "tabs", want, got, matrixParts)
	for _, s := range []*goquery.Selection{want, got} {
		table := s.Find("table.raci-matrix")
		require.Equal(t, 1, table.Length())
		assert.True(t, table.HasClass("simple-tab-table"))
		for name, value := range map[string]string{"lang": "fr", "dir": "ltr", "title": `Qui & "quoi" <x>`, "data-x": "1",
			"data-tab-title": "Classic", "data-tab-group": "infra", "data-kind": "prose"} {
			assert.Equal(t, value, table.AttrOr(name, ""), name)
		}
	}
}

// containersDoc has MkDocs Material containers (package mkdocs): details
// and a content tab holding matrices, nested admonitions, a title with
// markup characters, and one in a list item.
const containersDoc = `# Containers

??? info "Change & <Management> RACI"

    | Key Activities | Customer | Provider |
    | --- | --- | --- |
    | Plan the change | R,A | C,I |

=== "Logging"

    | Stakater Responsibilities | Customer Responsibilities |
    | --- | --- |
    | Aggregate the logs | Read them |

    !!! note
        Nested *text*.

        !!! warning ""
            Deeper.

???+ tip
    Open.

- Item

    !!! note "In a list"
        Listed.

After.

> !!! note "Quoted"
>     In a *quote*.

- !!! note "On the item's line"
      Itemized.

1. === "Numbered"

       | Activity | IBM | Customer |
       |---|---|---|
       | Patch | R | A |

2. Two

??? "Summary alone"
    Hidden.

!!! note "Lazy"
    A paragraph
goes on.
`

// TestHugoContainers: the theme writes MkDocs containers, their content
// Markdown again (matrices included), as mdraci convert does.
func TestHugoContainers(t *testing.T) {
	want, got := hugoOnePage(t, "containers", containersDoc)
	parts := append(append([]pagePart(nil), matrixParts...),
		pagePart{"admonitions", "div.admonition"}, pagePart{"details", "details"}, pagePart{"tabs", "div.tabbed-block"}, pagePart{"paragraphs", "p"})
	compareParts(t, "containers", want, got, parts)
	for _, s := range []*goquery.Selection{want, got} {
		assert.Equal(t, 1, s.Find(`details.info:not([open]) > div.raci-scroll table.raci-matrix`).Length())
		assert.Equal(t, "Change & <Management> RACI", s.Find("details.info > summary").Text())
		assert.Equal(t, 1, s.Find(`div.tabbed-block > p.tabbed-title + div.raci-scroll table.raci-kind-prose`).Length())
		assert.Equal(t, "Deeper.", s.Find(`div.tabbed-block div.admonition.note div.admonition.warning > p`).Text())
		assert.Equal(t, 0, s.Find("div.admonition.warning > p.admonition-title").Length(), `!!! warning "": no title`)
		assert.Equal(t, 1, s.Find(`details.tip[open] > summary`).Length())
		assert.Equal(t, "In a list", s.Find(`li div.admonition.note > p.admonition-title`).First().Text())
		assert.Equal(t, 0, s.Find("pre").Length(), "no content left as code")
		assert.Equal(t, "In a quote.", s.Find(`blockquote > div.admonition.note > p:not(.admonition-title)`).Text())
		assert.Equal(t, "Itemized.", s.Find(`ul > li > div.admonition.note > p:not(.admonition-title)`).Last().Text())
		assert.Equal(t, 1, s.Find(`ol > li > div.tabbed-block table.raci-matrix`).Length())
		assert.Equal(t, 2, s.Find(`ol > li`).Length(), "the second item goes on the list")
		assert.Equal(t, 1, s.Find(`details:not([class]) > summary`).Length())
		// a lazy line goes on with the paragraph, in the container
		assert.Equal(t, "A paragraph\ngoes on.", s.Find(`div.admonition.note:last-child > p:not(.admonition-title)`).Last().Text())
	}
}

// TestHugoCellStartingWithATag: a matrix cell is inline Markdown in the
// theme as in convert, also when it starts with a tag ("<ul><li>Assist
// with `NetworkPolicy` objects</li></ul>", Stakater's cells): its code
// spans are code, not text of an HTML block.
func TestHugoCellStartingWithATag(t *testing.T) {
	doc := "# X\n\n| Stakater Responsibilities | Customer Responsibilities |\n| --- | --- |\n" +
		"| <ul><li>Provide it</li><li>Assist with `NetworkPolicy` objects</li></ul> | <b>Use</b> `x` and _y_ |\n"
	want, got := hugoOnePage(t, "x", doc)
	compareParts(t, "x", want, got, matrixParts)
	assert.Equal(t, []string{"NetworkPolicy", "x"}, got.Find("table.raci-matrix code").Map(func(_ int, s *goquery.Selection) string { return s.Text() }))
	assert.Equal(t, "y", got.Find("table.raci-matrix em").Text())
}
