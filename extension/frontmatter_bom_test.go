package extension_test

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/mdraci/mdraci/extension"
	"github.com/mdraci/mdraci/extension/diag"
)

// convertBOMCase converts src as file with the default converter and
// returns the result, its HTML and every diagnostic (the parser's and the
// model's lint findings) as "line:col code" strings.
func convertBOMCase(t *testing.T, file, src string) (*extension.Result, string, []string) {
	t.Helper()
	var out bytes.Buffer
	res, err := extension.NewConverter().Convert(file, []byte(src), &out)
	if err != nil {
		t.Fatal(err)
	}
	var ds []string
	seen := map[string]bool{}
	for _, d := range append(append([]diag.Diagnostic(nil), res.Diagnostics...), res.Model().Diagnostics...) {
		s := fmt.Sprintf("%d:%d %s", d.Line, d.Col, d.Code)
		if !seen[s] {
			seen[s] = true
			ds = append(ds, s)
		}
	}
	return res, out.String(), ds
}

// TestFrontMatterDotsCloser checks that front matter closed by "..." (the
// YAML document end marker, which Jekyll and pandoc accept) is front matter
// and that the body after it is rendered and linted, never read as YAML.
func TestFrontMatterDotsCloser(t *testing.T) {
	t.Run("matrix after the front matter", func(t *testing.T) {
		src := "---\ntitle: Backup duties\n...\n\n# Backups\n\n" +
			"| Activity | Customer | Provider |\n| --- | --- | --- |\n| Run backups | R | Q |\n"
		res, html, ds := convertBOMCase(t, "in.md", src)
		if res.Meta["title"] != "Backup duties" {
			t.Errorf("meta = %v, want the title", res.Meta)
		}
		for _, want := range []string{`<h1 id="backups">`, "Run backups"} {
			if !strings.Contains(html, want) {
				t.Errorf("the body is lost: %q is not in the HTML:\n%s", want, html)
			}
		}
		for _, not := range []string{"title:", "..."} {
			if strings.Contains(html, not) {
				t.Errorf("the front matter shows (%q) in the HTML:\n%s", not, html)
			}
		}
		md := res.Model()
		if md.Title != "Backup duties" || len(md.Matrices) != 1 {
			t.Errorf("model: title %q, %d matrices; want the front matter title and 1 matrix", md.Title, len(md.Matrices))
		}
		// the letter Q the legend does not define, where the file has it
		if !slices.Contains(ds, "9:21 RACI004") {
			t.Errorf("the body is not linted: diagnostics %v, want 9:21 RACI004", ds)
		}
	})
	t.Run("a later --- line", func(t *testing.T) {
		// "..." closes the front matter: the "---" further down is a
		// thematic break of the body, not the closing line
		res, html, _ := convertBOMCase(t, "in.md", "---\ntitle: Dots\n...\n\nBody one.\n\n---\n\nBody two.\n")
		if res.Meta["title"] != "Dots" {
			t.Errorf("meta = %v, want the title", res.Meta)
		}
		want := "<p>Body one.</p>\n<hr>\n<p>Body two.</p>\n"
		if html != want {
			t.Errorf("HTML = %q, want %q", html, want)
		}
	})
	t.Run("invalid YAML closed by ...", func(t *testing.T) {
		res, html, ds := convertBOMCase(t, "in.md", "---\ntitle: [x\n...\n\nBody.\n")
		if res.Meta != nil {
			t.Errorf("meta = %v, want none", res.Meta)
		}
		if !slices.Contains(ds, "1:1 front-matter") {
			t.Errorf("diagnostics %v, want 1:1 front-matter", ds)
		}
		for _, want := range []string{"title: [x", "<p>Body.</p>"} {
			if !strings.Contains(html, want) {
				t.Errorf("%q is not visible in the HTML:\n%s", want, html)
			}
		}
	})
	t.Run("indented --- in a block scalar", func(t *testing.T) {
		// only "---" or "..." from the first column closes the front
		// matter, where isFrontMatter saw it close: an indented "---" is
		// YAML text
		src := "---\ndescription: |\n  text\n  ---\n  more\ntitle: T\n---\n\nBody.\n"
		res, html, _ := convertBOMCase(t, "in.md", src)
		if res.Meta["title"] != "T" || res.Meta["description"] != "text\n---\nmore\n" {
			t.Errorf("meta = %q, want the whole front matter", res.Meta)
		}
		if html != "<p>Body.</p>\n" {
			t.Errorf("HTML = %q, want the body only", html)
		}
	})
	t.Run("a line of four dashes", func(t *testing.T) {
		// "----" does not close the front matter (as in Jekyll and
		// pandoc): here the YAML is invalid, reported and kept visible
		res, html, ds := convertBOMCase(t, "in.md", "---\ntitle: x\n----\nmore: y\n---\n\nBody.\n")
		if res.Meta != nil || !slices.Contains(ds, "1:1 front-matter") {
			t.Errorf("meta %v, diagnostics %v; want none and 1:1 front-matter", res.Meta, ds)
		}
		if want := "<p>title: x\n----\nmore: y</p>\n<p>Body.</p>\n"; html != want {
			t.Errorf("HTML = %q, want %q", html, want)
		}
	})
	t.Run("CRLF and trailing blanks", func(t *testing.T) {
		res, html, _ := convertBOMCase(t, "in.md", "---\r\ntitle: CRLF\r\n... \t\r\n\r\nBody.\r\n")
		if res.Meta["title"] != "CRLF" || html != "<p>Body.</p>\n" {
			t.Errorf("meta %v, HTML %q; want the title and the body", res.Meta, html)
		}
	})
}

// TestByteOrderMark checks that a UTF-8 byte order mark at the start of a
// file is not content: front matter after it is front matter, Markdown
// after it reads as Markdown, and positions on line 1 count from the first
// character an editor shows.
func TestByteOrderMark(t *testing.T) {
	const mark = "\xef\xbb\xbf"
	t.Run("front matter", func(t *testing.T) {
		res, html, ds := convertBOMCase(t, "in.md", mark+"---\ntitle: Internal draft\nowner: ops-team\n---\n\n# Backups\n")
		if res.Meta["title"] != "Internal draft" || res.Meta["owner"] != "ops-team" {
			t.Errorf("meta = %v, want the front matter", res.Meta)
		}
		if res.Model().Title != "Internal draft" {
			t.Errorf("model title %q, want the front matter's", res.Model().Title)
		}
		want := `<h1 id="backups">`
		if !strings.HasPrefix(html, want) || strings.Contains(html, "<h2") || strings.Contains(html, "title:") {
			t.Errorf("HTML does not start with %s or shows the front matter:\n%s", want, html)
		}
		if strings.Contains(html, mark) {
			t.Errorf("the mark is in the HTML: %q", html)
		}
		if slices.Contains(ds, "1:1 front-matter") {
			t.Errorf("diagnostics %v", ds)
		}
	})
	t.Run("diagnostic on line 1", func(t *testing.T) {
		// "{{" is the 9th character an editor shows on line 1
		_, html, ds := convertBOMCase(t, "in.md", mark+"# Title {{site.data.keyword.nope}}\n")
		if !slices.Contains(ds, "1:9 keyword-unknown") {
			t.Errorf("diagnostics %v, want 1:9 keyword-unknown", ds)
		}
		if !strings.HasPrefix(html, "<h1") {
			t.Errorf("line 1 is not a heading:\n%s", html)
		}
	})
	t.Run("invalid UTF-8 on line 1", func(t *testing.T) {
		res, _, ds := convertBOMCase(t, "in.md", mark+"ab\xffc\n")
		if !slices.Contains(ds, "1:3 input-utf8") {
			t.Errorf("diagnostics %v, want 1:3 input-utf8", ds)
		}
		if string(res.Source) != "ab\uFFFDc\n" {
			t.Errorf("Source = %q", res.Source)
		}
	})
	t.Run("matrix on line 1", func(t *testing.T) {
		res, _, ds := convertBOMCase(t, "in.md", mark+"| Activity | Customer | Provider |\n| --- | --- | --- |\n| Run backups | R | Q |\n")
		if len(res.Model().Matrices) != 1 {
			t.Fatalf("%d matrices, want 1", len(res.Model().Matrices))
		}
		if h := res.Model().Matrices[0].Columns[0].Header; h != "Activity" {
			t.Errorf("first header %q, want Activity", h)
		}
		if !slices.Contains(ds, "3:21 RACI004") {
			t.Errorf("diagnostics %v, want 3:21 RACI004", ds)
		}
	})
	t.Run("only the first mark", func(t *testing.T) {
		// U+FEFF elsewhere is text (a zero width no-break space)
		res, _, _ := convertBOMCase(t, "in.md", mark+mark+"a"+mark+"b\n")
		if want := mark + "a" + mark + "b\n"; string(res.Source) != want {
			t.Errorf("Source = %q, want %q", res.Source, want)
		}
	})
	t.Run("format detection", func(t *testing.T) {
		for _, tt := range []struct {
			src  string
			want extension.Format
		}{
			{mark + "<table><tr><td>Run</td><td>R</td></tr></table>\n", extension.HTML},
			{mark + "---\ntitle: T\n...\n\nBody.\n", extension.Markdown},
			{mark + "Task\nProvider\n", extension.Text},
		} {
			if got := extension.DetectFormat("in.txt", []byte(tt.src)); got != tt.want {
				t.Errorf("DetectFormat(%q) = %s, want %s", tt.src, got, tt.want)
			}
		}
	})
	t.Run("text input", func(t *testing.T) {
		var out bytes.Buffer
		res, err := extension.NewConverter().Convert("in.txt", []byte(mark+"Task\nProvider\nCustomer\nPatch\nYes\nNo\n"), &out)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(res.Source, []byte(mark)) || strings.Contains(out.String(), mark) {
			t.Errorf("the mark is content: Source %q, HTML %q", res.Source, out.String())
		}
	})
}
