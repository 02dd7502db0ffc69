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

// utf8colsConvert converts src as file with a converter made of opts and
// returns the result, its HTML and every diagnostic (the parser's and the
// model's lint findings) as "line:col code" strings.
func utf8colsConvert(t *testing.T, file, src string, opts ...extension.Option) (*extension.Result, string, []string) {
	t.Helper()
	var out bytes.Buffer
	res, err := extension.NewConverter(opts...).Convert(file, []byte(src), &out)
	if err != nil {
		t.Fatal(err)
	}
	var ds []string
	for _, d := range append(append([]diag.Diagnostic(nil), res.Diagnostics...), res.Model().Diagnostics...) {
		ds = append(ds, fmt.Sprintf("%d:%d %s", d.Line, d.Col, d.Code))
	}
	return res, out.String(), ds
}

// utf8colsCell returns the position of the assignment of party in row of
// the only matrix of res's model.
func utf8colsCell(t *testing.T, res *extension.Result, row int, party string) string {
	t.Helper()
	md := res.Model()
	if len(md.Matrices) != 1 || len(md.Matrices[0].Rows) <= row {
		t.Fatalf("%d matrices, want 1 with a row %d", len(md.Matrices), row)
	}
	a, ok := md.Matrices[0].Rows[row].Assignments[party]
	if !ok {
		t.Fatalf("row %d has no %s assignment", row, party)
	}
	return fmt.Sprintf("%d:%d", a.Line, a.Col)
}

// utf8colsConverters are the two ways the model is made: by the matrix
// transformer while parsing, and from Result.Document when matrices are
// not rendered.
var utf8colsConverters = []struct {
	name string
	opts []extension.Option
}{
	{"matrices rendered", nil},
	{"matrices not rendered", []extension.Option{extension.WithMatrices(false)}},
}

// TestInvalidUTF8ColumnsMarkdown checks that in Markdown, columns after
// invalid bytes (each replaced by a three-byte U+FFFD) and NUL bytes are
// those of the file, in diagnostics and in the model, while the output
// keeps one U+FFFD per byte replaced.
func TestInvalidUTF8ColumnsMarkdown(t *testing.T) {
	for _, c := range utf8colsConverters {
		t.Run(c.name, func(t *testing.T) {
			t.Run("Latin-1", func(t *testing.T) {
				// bad bytes before the reference and the letters on their
				// lines, and on the lines before
				src := "# Backups \xe9\xe9\xe9\n\nR\xe9seau \xe9t\xe9 {{site.data.keyword.nope}}\n\n" +
					"| Activity | Customer | Provider |\n| --- | --- | --- |\n" +
					"| Sauvegarde \xe9t\xe9 | R | Q |\n" +
					"| Restore \xe9 | C | Q |\n" +
					"| Run | A | Q |\n"
				res, html, ds := utf8colsConvert(t, "in.md", src, c.opts...)
				for _, want := range []string{"1:11 input-utf8", "3:12 keyword-unknown", "7:24 RACI004", "8:19 RACI004", "9:13 RACI004"} {
					if !slices.Contains(ds, want) {
						t.Errorf("diagnostics %v, want %s", ds, want)
					}
				}
				if got := utf8colsCell(t, res, 0, "customer"); got != "7:20" {
					t.Errorf("R of row 1 at %s, want 7:20", got)
				}
				if got := utf8colsCell(t, res, 0, "provider"); got != "7:24" {
					t.Errorf("Q of row 1 at %s, want 7:24", got)
				}
				if got := utf8colsCell(t, res, 1, "provider"); got != "8:19" {
					t.Errorf("Q of row 2 at %s, want 8:19", got)
				}
				if got := utf8colsCell(t, res, 2, "customer"); got != "9:9" {
					t.Errorf("A of row 3 at %s, want 9:9", got)
				}
				if got := bytes.Count(res.Source, []byte("\uFFFD")); got != 9 {
					t.Errorf("Source holds %d U+FFFD, want 9 (one per byte replaced)", got)
				}
				for _, want := range []string{"Backups \uFFFD\uFFFD\uFFFD", "R\uFFFDseau \uFFFDt\uFFFD", "Sauvegarde \uFFFDt\uFFFD"} {
					if !strings.Contains(html, want) {
						t.Errorf("%q is not in the HTML:\n%s", want, html)
					}
				}
			})
			t.Run("NUL bytes", func(t *testing.T) {
				src := "# T\n\nA\x00B\x00 {{site.data.keyword.nope}}\n\n" +
					"| Activity | Customer | Provider |\n| --- | --- | --- |\n" +
					"| Run\x00 | R | Q |\n"
				res, html, ds := utf8colsConvert(t, "in.md", src, c.opts...)
				for _, want := range []string{"3:2 input-nul", "3:6 keyword-unknown", "7:14 RACI004"} {
					if !slices.Contains(ds, want) {
						t.Errorf("diagnostics %v, want %s", ds, want)
					}
				}
				if got := utf8colsCell(t, res, 0, "customer"); got != "7:10" {
					t.Errorf("R at %s, want 7:10", got)
				}
				if !strings.Contains(html, "A\uFFFDB\uFFFD") {
					t.Errorf("HTML %q, want a U+FFFD per NUL", html)
				}
			})
			t.Run("a U+FFFD of the file", func(t *testing.T) {
				// the file's own U+FFFD is three bytes of the file: only
				// those clean wrote count as one
				src := "\uFFFD\xe9 {{site.data.keyword.nope}}\n"
				_, _, ds := utf8colsConvert(t, "in.md", src, c.opts...)
				if !slices.Contains(ds, "1:6 keyword-unknown") {
					t.Errorf("diagnostics %v, want 1:6 keyword-unknown", ds)
				}
			})
			t.Run("raw HTML table", func(t *testing.T) {
				// a table of an HTML block, with bad bytes before it and
				// in it on its line, and on the line before
				src := "# T\n\n<div>\xe9\n\xe9\xe9 <table><tr><th>Activity</th><th>Customer</th><th>Provider</th></tr>" +
					"<tr><td>Run \xe9</td><td>R</td><td>Q</td></tr></table></div>\n"
				res, _, ds := utf8colsConvert(t, "in.md", src, c.opts...)
				// the cells' <td> tags
				if !slices.Contains(ds, "4:99 RACI004") {
					t.Errorf("diagnostics %v, want 4:99 RACI004", ds)
				}
				if got := utf8colsCell(t, res, 0, "customer"); got != "4:89" {
					t.Errorf("R at %s, want 4:89", got)
				}
			})
		})
	}
}

// TestInvalidUTF8ColumnsHTML checks that in HTML input, columns after
// invalid bytes are those of the file.
func TestInvalidUTF8ColumnsHTML(t *testing.T) {
	src := "<h1>Backups \xe9</h1>\n<table>\n<tr><th>Activity</th><th>Customer</th><th>Provider</th></tr>\n" +
		"<tr><td>Sauvegarde \xe9t\xe9</td><td>R</td><td>Q</td></tr>\n" +
		"<tr><td>Run\x00</td><td>A</td><td>Q</td></tr>\n</table>\n"
	res, html, ds := utf8colsConvert(t, "in.html", src)
	for _, want := range []string{"1:13 input-utf8", "5:12 input-nul", "4:38 RACI004", "5:28 RACI004"} {
		if !slices.Contains(ds, want) {
			t.Errorf("diagnostics %v, want %s", ds, want)
		}
	}
	if got := utf8colsCell(t, res, 0, "customer"); got != "4:28" {
		t.Errorf("R at %s, want 4:28", got)
	}
	if got := utf8colsCell(t, res, 1, "customer"); got != "5:18" {
		t.Errorf("A at %s, want 5:18", got)
	}
	if !strings.Contains(html, "Sauvegarde \uFFFDt\uFFFD") {
		t.Errorf("HTML %q", html)
	}
}

// TestInvalidUTF8ColumnsValidInput checks that valid input, multi-byte
// characters and a U+FFFD of the file included, keeps columns that count
// its bytes.
func TestInvalidUTF8ColumnsValidInput(t *testing.T) {
	src := "# Backups\n\nRéseau été \uFFFD {{site.data.keyword.nope}}\n\n" +
		"| Activity | Customer | Provider |\n| --- | --- | --- |\n| Sauvegarde été | R | Q |\n"
	res, _, ds := utf8colsConvert(t, "in.md", src)
	for _, want := range []string{"3:19 keyword-unknown", "7:26 RACI004"} {
		if !slices.Contains(ds, want) {
			t.Errorf("diagnostics %v, want %s", ds, want)
		}
	}
	if got := utf8colsCell(t, res, 0, "customer"); got != "7:22" {
		t.Errorf("R at %s, want 7:22", got)
	}
	if string(res.Source) != src {
		t.Errorf("valid input changed: %q", res.Source)
	}
	hsrc := "<table>\n<tr><th>Activity</th><th>Customer</th><th>Provider</th></tr>\n<tr><td>Sauvegarde été</td><td>R</td><td>Q</td></tr>\n</table>\n"
	res, _, ds = utf8colsConvert(t, "in.html", hsrc)
	if !slices.Contains(ds, "3:40 RACI004") {
		t.Errorf("HTML diagnostics %v, want 3:40 RACI004", ds)
	}
	if got := utf8colsCell(t, res, 0, "customer"); got != "3:30" {
		t.Errorf("HTML: R at %s, want 3:30", got)
	}
}
