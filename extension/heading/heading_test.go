package heading_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/mdraci/mdraci/extension/attributes"
	"github.com/mdraci/mdraci/extension/diag"
	"github.com/mdraci/mdraci/extension/heading"
	"github.com/mdraci/mdraci/extension/model"
	"github.com/mdraci/mdraci/extension/table"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// convert renders src with attribute lists, tables and headings, and
// returns the HTML and the ANCHOR001 findings as "line:col: message".
func convert(t *testing.T, src string) (string, []string) {
	t.Helper()
	md := goldmark.New(goldmark.WithExtensions(attributes.New(), table.New(), heading.New()))
	pc := parser.NewContext()
	doc := md.Parser().Parse(text.NewReader([]byte(src)), parser.WithContext(pc))
	var b bytes.Buffer
	if err := md.Renderer().Render(&b, []byte(src), doc); err != nil {
		t.Fatal(err)
	}
	var found []string
	for _, d := range diag.Get(pc) {
		if d.Code == heading.CodeDuplicateAnchor {
			if d.Severity != diag.Error {
				t.Errorf("%s is a %s, want an error", d.Code, d.Severity)
			}
			found = append(found, fmt.Sprintf("%d:%d: %s", d.Line, d.Col, d.Message))
		}
	}
	return b.String(), found
}

func TestCodeIsTheModels(t *testing.T) {
	if heading.CodeDuplicateAnchor != model.CodeDuplicateAnchor {
		t.Errorf("heading's code %s, the model's %s", heading.CodeDuplicateAnchor, model.CodeDuplicateAnchor)
	}
}

// TestExplicitIDTwice: a heading's explicit id given twice stays as
// written, and the second is reported where it is.
func TestExplicitIDTwice(t *testing.T) {
	src := "# Title\n\n## Roles\n{: #same}\n\nText.\n\n  ## Other {#same}\n\n### Same\n"
	out, found := convert(t, src)
	if n := strings.Count(out, `<h2 id="same">`); n != 2 {
		t.Errorf("want both headings to keep id=\"same\", got %d:\n%s", n, out)
	}
	if !strings.Contains(out, `<h3 id="same-2">`) {
		t.Errorf("the auto id must avoid the explicit one:\n%s", out)
	}
	want := []string{`8:3: anchor "same" of this heading is already used by the heading at line 3`}
	if fmt.Sprint(found) != fmt.Sprint(want) {
		t.Errorf("found %q, want %q", found, want)
	}
}

// TestExplicitIDTableAndHeading: a table's explicit id taken by a heading
// after it, or by a heading before it off its section path, is reported;
// one on its section path is left to the model's lint.
func TestExplicitIDTableAndHeading(t *testing.T) {
	src := "## A\n{: #a}\n\n| x | y |\n| - | - |\n| 1 | 2 |\n{: #a}\n\n" + // 4: on A's path: the lint's
		"| x | y |\n| - | - |\n| 1 | 2 |\n{: #t}\n\n" + // 9
		"## B {#t}\n\n" + // 14: after the table
		"## C\n\n| x | y |\n| - | - |\n| 1 | 2 |\n{: #a}\n\n" + // 18: A is not on C's path
		"| x | y |\n| - | - |\n| 1 | 2 |\n{: #t}\n" // 23: two tables: the lint's
	_, found := convert(t, src)
	want := []string{
		`14:1: anchor "t" of this heading is already used by the table at line 9`,
		`18:1: anchor "a" of this table is already used by the heading at line 1`,
	}
	if fmt.Sprint(found) != fmt.Sprint(want) {
		t.Errorf("found %q,\nwant  %q", found, want)
	}
}

// TestNoExplicitTwice: auto ids and distinct explicit ids are no finding.
func TestNoExplicitTwice(t *testing.T) {
	_, found := convert(t, "## Setup\n\n## Setup\n\n## Other\n{: #setup-3}\n")
	if len(found) > 0 {
		t.Errorf("unexpected findings %q", found)
	}
}

// TestRawAnchorInHeading: the heading's auto id is made unique against
// the id of a raw anchor inside it, which stays as written.
func TestRawAnchorInHeading(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(heading.New()), goldmark.WithRendererOptions())
	var b bytes.Buffer
	if err := md.Convert([]byte("<p id=\"resp-setup\">x</p>\n\n## <a id=\"setup\"></a>Setup\n\n## Resp setup\n"), &b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<h2 id="setup-2">`, `<h2 id="resp-setup-2">`} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("missing %s in\n%s", want, b.String())
		}
	}
}
