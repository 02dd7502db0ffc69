package extension_test

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/mdraci/mdraci/extension"
	"github.com/mdraci/mdraci/extension/model"
)

// convertMD converts Markdown src with the default converter.
func convertMD(t *testing.T, src string) (string, *extension.Result) {
	t.Helper()
	var b bytes.Buffer
	res, err := extension.NewConverter().Convert("page.md", []byte(src), &b)
	if err != nil {
		t.Fatal(err)
	}
	return b.String(), res
}

// anchorFindings returns the result's ANCHOR001 findings as "line:col".
func anchorFindings(res *extension.Result) []string {
	var out []string
	for _, d := range res.Diagnostics {
		if d.Code == model.CodeDuplicateAnchor {
			out = append(out, fmt.Sprintf("%d:%d %s", d.Line, d.Col, d.Severity))
		}
	}
	return out
}

// TestDuplicateExplicitHeadingID is the shape of IBM's satellite
// architecture page: one explicit id on two headings. Both keep it, the
// second is an ANCHOR001 error where it is.
func TestDuplicateExplicitHeadingID(t *testing.T) {
	src := "# Responsibilities\n{: #resp}\n\n## Roles\n{: #satellite-architecture-shared-responsibilities-roles}\n\n" +
		"Text.\n\n## Customer roles\n{: #satellite-architecture-shared-responsibilities-roles}\n"
	out, res := convertMD(t, src)
	if n := strings.Count(out, `id="satellite-architecture-shared-responsibilities-roles"`); n != 2 {
		t.Errorf("the explicit id must stay as written on both headings, found %d", n)
	}
	if got, want := anchorFindings(res), []string{"9:1 error"}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("ANCHOR001 findings %v, want %v", got, want)
	}
}

// TestRawAnchorNames is the shape of a translated Azure page: headings
// holding <a name> anchors, and a table of contents linking to them. The
// names survive the sanitizer, each link has its target, and no id or name
// is on the page twice.
func TestRawAnchorNames(t *testing.T) {
	src := "# <a name=\"align\"></a>Aligner\n\n- [Équipe](#cloud-team)\n- [Réglage](#setup)\n\n" +
		"## <a name=\"cloud-team\"></a>Équipe\n\n## <a id=\"setup\"></a>Setup\n\n## Setup\n"
	out, _ := convertMD(t, src)
	targets := map[string]int{}
	for _, m := range regexp.MustCompile(` (?:id|name)="([^"]*)"`).FindAllStringSubmatch(out, -1) {
		targets[m[1]]++
	}
	for _, m := range regexp.MustCompile(`href="#([^"]*)"`).FindAllStringSubmatch(out, -1) {
		if targets[m[1]] != 1 {
			t.Errorf("link to #%s has %d targets in\n%s", m[1], targets[m[1]], out)
		}
	}
	for id, n := range targets {
		if n > 1 {
			t.Errorf("%q is on the page %d times", id, n)
		}
	}
	for _, want := range []string{`<a name="align"></a>`, `<a name="cloud-team"></a>`, `<h2 id="setup-2"><a id="setup"></a>`, `<h2 id="setup-3">`} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %s in\n%s", want, out)
		}
	}
}

// TestNameOnlyOnAnchors: the sanitizer keeps name on <a>, and on nothing
// else (name on form, img, iframe, embed or object clobbers the DOM).
func TestNameOnlyOnAnchors(t *testing.T) {
	p := extension.Policy()
	if got := p.Sanitize(`<a name="x" href="#y">t</a>`); got != `<a name="x" href="#y">t</a>` {
		t.Errorf("name on <a> dropped: %s", got)
	}
	for _, in := range []string{
		`<form name="cookie"></form>`, `<img name="cookie" src="a.png">`, `<iframe name="cookie"></iframe>`,
		`<embed name="cookie">`, `<object name="cookie"></object>`, `<input name="cookie">`,
	} {
		if got := p.Sanitize(in); strings.Contains(got, "name=") {
			t.Errorf("%s kept its name: %s", in, got)
		}
	}
}

// TestGeneratedIDsAvoidRawHTML: the legend's id, and a heading's, made
// unique against the ids raw HTML writes on the page, so that the matrix's
// link to the legend reaches mdraci's legend.
func TestGeneratedIDsAvoidRawHTML(t *testing.T) {
	src := "# Resp\n\n<div id=\"raci-legend\">An old legend</div>\n\n<p id=\"setup\">x</p>\n\n## Setup\n\n" +
		"| Task | Provider | Customer |\n| --- | --- | --- |\n| Install | R A | C |\n"
	out, _ := convertMD(t, src)
	for _, want := range []string{`<table id="raci-legend-2" class="raci-legend">`, `<a href="#raci-legend-2">legend</a>`, `<h2 id="setup-2">`} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %s in\n%s", want, out)
		}
	}
	if n := strings.Count(out, `id="raci-legend"`); n != 1 {
		t.Errorf(`id="raci-legend" %d times`, n)
	}
}

// TestMatrixIDsAvoidPageIDs: matrix and row ids take none of the ids the
// page writes itself (raw HTML's, a later heading's, a later table's
// explicit one): every id is on the page once.
func TestMatrixIDsAvoidPageIDs(t *testing.T) {
	out, _ := convertMD(t, "# Resp\n\n<p id=\"resp-setup\">Anchor</p>\n\n"+
		"| Activity | IBM | Customer |\n|---|---|---|\n| Setup | R | A |\n| Run | R | A |\n\n"+
		"## Resp run\n\n| Activity | IBM | Customer |\n|---|---|---|\n| Patch | R | A |\n{: #resp-table-1}\n")
	seen := map[string]int{}
	for _, m := range regexp.MustCompile(` id="([^"]*)"`).FindAllStringSubmatch(out, -1) {
		seen[m[1]]++
	}
	for id, n := range seen {
		if n > 1 {
			t.Errorf("%q is on the page %d times:\n%s", id, n, out)
		}
	}
	for _, id := range []string{"resp-setup-2", "resp-run-2", "resp-table-1-2"} {
		if seen[id] != 1 {
			t.Errorf("no %q:\n%s", id, out)
		}
	}
}
