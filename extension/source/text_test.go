package source

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mdraci/mdraci/extension/diag"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// seedPTC is the user's seed: a three-column table flattened one cell per
// line, copied from a web page.
const seedPTC = "../../testdata/seeds/000_ptc-codebeamer-ai.txt"

func readSeed(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile(seedPTC)
	require.NoError(t, err)
	return b
}

// tables returns the tables of d in order.
func tables(d *Document) []*Table {
	var out []*Table
	for _, b := range d.Blocks {
		if b.Kind == KindTable {
			out = append(out, b.Table)
		}
	}
	return out
}

// kinds returns the kinds of the blocks of d.
func kinds(d *Document) []Kind {
	var out []Kind
	for _, b := range d.Blocks {
		out = append(out, b.Kind)
	}
	return out
}

// texts returns the text of every cell of a row.
func texts(cells []Cell) []string {
	var out []string
	for _, c := range cells {
		out = append(out, c.Text)
	}
	return out
}

// paragraphs returns the text of every paragraph line of d.
func paragraphs(d *Document) []string {
	var out []string
	for _, b := range d.Blocks {
		if b.Kind == KindParagraph {
			for _, l := range b.Lines {
				out = append(out, l.Text)
			}
		}
	}
	return out
}

func codes(diags []diag.Diagnostic) []string {
	var out []string
	for _, d := range diags {
		out = append(out, d.Code)
	}
	return out
}

func TestFromTextSeed(t *testing.T) {
	src := readSeed(t)
	for name, in := range map[string][]byte{
		"as written": src,
		"crlf":       bytes.ReplaceAll(src, []byte("\n"), []byte("\r\n")),
		"final eol":  append(append([]byte{}, src...), '\n'),
	} {
		t.Run(name, func(t *testing.T) {
			d, diags := FromText("seed.txt", in)
			assert.Empty(t, diags)
			assert.Equal(t, "seed.txt", d.File)
			assert.Equal(t, "text", d.Format)
			assert.Equal(t, "Shared Responsibility Model", d.Title)
			require.Equal(t, []Kind{KindHeading, KindParagraph, KindTable, KindParagraph}, kinds(d))

			h := d.Blocks[0].Heading
			assert.Equal(t, Heading{Level: 1, Text: "Shared Responsibility Model", Pos: Pos{Line: 1, Col: 1}}, *h)

			intro := d.Blocks[1].Lines
			require.Len(t, intro, 1)
			assert.True(t, strings.HasPrefix(intro[0].Text, "This topic explains how responsibilities are shared"))
			assert.Equal(t, Pos{Line: 2, Col: 1}, intro[0].Pos)

			tb := d.Blocks[2].Table
			assert.Equal(t, []string{"Component", "PTC Responsibilities", "Customer Responsibilities"}, texts(tb.Header))
			assert.Equal(t, Pos{Line: 3, Col: 1}, tb.Pos)
			require.Len(t, tb.Rows, 13)
			for i, row := range tb.Rows {
				require.Len(t, row.Cells, 3, "row %d", i)
				assert.Equal(t, 6+3*i, row.Pos.Line)
				for k, c := range row.Cells {
					assert.Equal(t, Pos{Line: 6 + 3*i + k, Col: 1}, c.Pos)
					assert.NotContains(t, c.Raw, "\r")
					assert.Nil(t, c.Items)
				}
			}
			assert.Equal(t, []string{
				"Identity and access management",
				"Provide documentation for supported roles, permissions, and integration patterns.",
				"Create and manage identities, role assignments, user consent, and access lifecycle policies.",
			}, texts(tb.Rows[0].Cells))
			assert.Equal(t, "Incident management", tb.Rows[12].Cells[0].Text)

			tail := d.Blocks[3].Lines
			require.Len(t, tail, 1)
			assert.Equal(t, Line{Text: "Was this helpful?", Pos: Pos{Line: 45, Col: 1}}, tail[0])
		})
	}
}

func TestFromTextIncompleteLastRow(t *testing.T) {
	src := readSeed(t)
	// Drop the last row's customer cell and the boilerplate.
	lines := strings.Split(string(src), "\n")
	in := strings.Join(lines[:len(lines)-2], "\n") + "\n"
	d, diags := FromText("x.txt", []byte(in))
	tb := tables(d)
	require.Len(t, tb, 1)
	require.Len(t, tb[0].Rows, 13)
	last := tb[0].Rows[12]
	assert.Equal(t, []string{"Incident management", "Define the incident model, escalation paths, and diagnostic processes."}, texts(last.Cells))
	require.Len(t, diags, 1)
	assert.Equal(t, diag.Warning, diags[0].Severity)
	assert.Equal(t, codeTextIncompleteRow, diags[0].Code)
	assert.Equal(t, "x.txt", diags[0].File)
	assert.Equal(t, 42, diags[0].Line)
	assert.Equal(t, 1, diags[0].Col)
}

func TestFromTextCases(t *testing.T) {
	type want struct {
		title  string
		kinds  []Kind
		header [][]string // per table
		rows   []int      // per table
		paras  []string
		codes  []string
	}
	tests := []struct {
		name string
		in   string
		want want
	}{
		{name: "empty", in: "", want: want{}},
		{name: "blank lines only", in: "\n \r\n\t\n", want: want{}},
		{
			name: "no table",
			in:   "Getting started\nThis page explains things.\n\nAnother paragraph.\nSecond line.",
			want: want{
				title: "Getting started",
				kinds: []Kind{KindHeading, KindParagraph, KindParagraph},
				paras: []string{"This page explains things.", "Another paragraph.", "Second line."},
			},
		},
		{
			name: "first line is prose, not a title",
			in:   "This page explains things.\nMore.",
			want: want{kinds: []Kind{KindParagraph}, paras: []string{"This page explains things.", "More."}},
		},
		{
			name: "raci-like header",
			in:   "Activity\nCustomer\nProvider name\nPatching\nR\nA\nBackups\nA\nR\n",
			want: want{
				kinds:  []Kind{KindTable},
				header: [][]string{{"Activity", "Customer", "Provider name"}},
				rows:   []int{2},
			},
		},
		{
			name: "party headers only",
			in:   "Microsoft responsibilities\nCustomer responsibilities\nRun the data centers.\nConfigure accounts.\n",
			want: want{
				kinds:  []Kind{KindTable},
				header: [][]string{{"Microsoft responsibilities", "Customer responsibilities"}},
				rows:   []int{1},
			},
		},
		{
			name: "two tables with section lines",
			in: "Responsibilities\n\nCompute\n\nTask\nAWS\nCustomer\nPatch hosts\nYes\nNo\nPatch guests\nNo\nYes\n\n" +
				"Storage\n\nTask\nAWS\nCustomer\nEncrypt volumes\nShared\nShared\n",
			want: want{
				title:  "Responsibilities",
				kinds:  []Kind{KindHeading, KindParagraph, KindTable, KindParagraph, KindTable},
				header: [][]string{{"Task", "AWS", "Customer"}, {"Task", "AWS", "Customer"}},
				rows:   []int{2, 1},
				paras:  []string{"Compute", "Storage"},
			},
		},
		{
			name: "blank lines between rows",
			in:   "Service\nProvider responsibility\nCustomer responsibility\n\nNetwork\nRun it.\nUse it.\n\nStorage\nKeep it.\nFill it.\n",
			want: want{
				kinds:  []Kind{KindTable},
				header: [][]string{{"Service", "Provider responsibility", "Customer responsibility"}},
				rows:   []int{2},
			},
		},
		{
			name: "blank line ends a table without blank separators",
			in:   "Task\nProvider\nCustomer\nA\nB\nC\n\nThis is a closing remark about the table above.\n",
			want: want{
				kinds:  []Kind{KindTable, KindParagraph},
				header: [][]string{{"Task", "Provider", "Customer"}},
				rows:   []int{1},
				paras:  []string{"This is a closing remark about the table above."},
			},
		},
		{
			name: "blank lines between some rows only",
			in:   "Task\nProvider\nCustomer\nNetwork\nRun it.\nUse it.\n\nStorage\nKeep it.\nFill it.\n\nBackups\nTake them.\nTest them.\nLogs\nShip them.\nRead them.\n\nSee the guide.\n",
			want: want{
				kinds:  []Kind{KindTable, KindParagraph},
				header: [][]string{{"Task", "Provider", "Customer"}},
				rows:   []int{4},
				paras:  []string{"See the guide."},
			},
		},
		{
			name: "a block of another count after a blank line ends the table",
			in:   "Task\nProvider\nCustomer\nNetwork\nRun it.\nUse it.\n\nStorage\nKeep it.\n\nMore\n",
			want: want{
				kinds:  []Kind{KindTable, KindParagraph, KindParagraph},
				header: [][]string{{"Task", "Provider", "Customer"}},
				rows:   []int{1},
				paras:  []string{"Storage", "Keep it.", "More"},
			},
		},
		{
			name: "prose sentence after label rows",
			in: "Task\nProvider\nCustomer\nNetwork\nRun it.\nUse it.\nStorage\nKeep it.\nFill it.\n" +
				"For more information about these duties, contact your account team.\n",
			want: want{
				kinds:  []Kind{KindTable, KindParagraph},
				header: [][]string{{"Task", "Provider", "Customer"}},
				rows:   []int{2},
				paras:  []string{"For more information about these duties, contact your account team."},
			},
		},
		{
			name: "header at end of input is not a table",
			in:   "Task\nProvider\nCustomer",
			want: want{title: "Task", kinds: []Kind{KindHeading, KindParagraph}, paras: []string{"Provider", "Customer"}},
		},
		{
			name: "invalid utf-8 and NUL",
			in:   "Title \xff\x00here\nbody\x00 text \xc3\n",
			want: want{
				title: "Title \uFFFD\uFFFDhere",
				kinds: []Kind{KindHeading, KindParagraph},
				paras: []string{"body\uFFFD text \uFFFD"},
				codes: []string{codeTextInvalidUTF8, codeTextInvalidUTF8},
			},
		},
		{
			name: "lone CR line ends",
			in:   "Heading\rText line one.\rText line two.",
			want: want{title: "Heading", kinds: []Kind{KindHeading, KindParagraph}, paras: []string{"Text line one.", "Text line two."}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, diags := FromText("in.txt", []byte(tt.in))
			require.NotNil(t, d)
			assert.Equal(t, tt.want.title, d.Title)
			assert.Equal(t, tt.want.kinds, kinds(d))
			var header [][]string
			var rows []int
			for _, tb := range tables(d) {
				header = append(header, texts(tb.Header))
				rows = append(rows, len(tb.Rows))
			}
			assert.Equal(t, tt.want.header, header)
			assert.Equal(t, tt.want.rows, rows)
			assert.Equal(t, tt.want.paras, paragraphs(d))
			assert.Equal(t, tt.want.codes, codes(diags))
			checkTextDoc(t, []byte(tt.in), d)
		})
	}
}

func TestFromTextHugeLine(t *testing.T) {
	in := bytes.Repeat([]byte("responsibility "), 5<<20/15)
	in = append([]byte("Title\n"), in...)
	d, _ := FromText("big.txt", in)
	require.Len(t, d.Blocks, 2)
	assert.Equal(t, KindParagraph, d.Blocks[1].Kind)
}

// textLines splits src the way FromText documents it: "\r\n", "\n" and a
// lone "\r" end a line.
func textLines(src []byte) []string {
	s := strings.ReplaceAll(string(src), "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.TrimSuffix(s, "\n")
	if s == "" && len(src) == 0 {
		return nil
	}
	return strings.Split(s, "\n")
}

// checkTextDoc checks the invariants of a FromText document: valid UTF-8
// everywhere and every non-blank input line in some block, at its line.
func checkTextDoc(t testing.TB, src []byte, d *Document) {
	t.Helper()
	covered := map[int]string{}
	checkUTF8(t, d, func(text string, p Pos) { covered[p.Line] = text })
	for i, l := range textLines(src) {
		if cleanText(l) == "" {
			continue
		}
		got, ok := covered[i+1]
		if !ok {
			t.Fatalf("line %d %q reaches no block", i+1, l)
		}
		if got != cleanText(l) {
			t.Fatalf("line %d: got %q, want %q", i+1, got, cleanText(l))
		}
	}
}

// checkUTF8 checks that every text of d is valid UTF-8 and calls seen with
// each text and its position.
func checkUTF8(t testing.TB, d *Document, seen func(text string, p Pos)) {
	t.Helper()
	ok := func(s string) {
		if !utf8.ValidString(s) {
			t.Fatalf("invalid UTF-8: %q", s)
		}
	}
	ok(d.Title)
	for _, b := range d.Blocks {
		switch b.Kind {
		case KindHeading:
			ok(b.Heading.Text)
			ok(b.Heading.Anchor)
			seen(b.Heading.Text, b.Heading.Pos)
		case KindParagraph:
			for _, l := range b.Lines {
				ok(l.Text)
				seen(l.Text, l.Pos)
			}
		case KindTable:
			tb := b.Table
			ok(tb.ID)
			ok(tb.Caption)
			ok(tb.Summary)
			cells := append([]Cell{}, tb.Header...)
			for _, r := range tb.Rows {
				cells = append(cells, r.Cells...)
			}
			for _, c := range cells {
				ok(c.Text)
				for _, it := range c.Items {
					ok(it)
				}
				seen(c.Text, c.Pos)
			}
		default:
			t.Fatalf("block of unknown kind %d", b.Kind)
		}
	}
}

func FuzzFromText(f *testing.F) {
	if b, err := os.ReadFile(seedPTC); err == nil {
		f.Add(b)
	}
	for _, s := range []string{
		"", "\n", "Task\nProvider\nCustomer\nA\nB\n", "Title\r\nActivity\r\nCustomer\r\nProvider name\r\nx\r\ny\r\nz",
		"a\rb\r\nc\x00\xff", "Service\nProvider responsibility\nCustomer responsibility\n\nNetwork\nRun it.\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		d, diags := FromText("fuzz.txt", src)
		require.NotNil(t, d)
		checkTextDoc(t, src, d)
		for _, dg := range diags {
			assert.Contains(t, []diag.Severity{diag.Error, diag.Warning, diag.Info}, dg.Severity)
		}
	})
}

func BenchmarkFromText(b *testing.B) {
	src := readSeed(b)
	// About 100 copies of the seed: 100 tables.
	big := bytes.Repeat(append(append([]byte{}, src...), "\n\n"...), 100)
	b.SetBytes(int64(len(big)))
	b.ReportAllocs()
	for b.Loop() {
		FromText("bench.txt", big)
	}
}

// TestTextFrontMatter: YAML front matter at the start is read into Meta
// and gives the title; "---" lines around what is no mapping stay text.
func TestTextFrontMatter(t *testing.T) {
	doc, _ := FromText("f.txt", []byte("---\ntitle: Shared duties\nyears: 2024\n---\n\nComponent\nPTC Responsibilities\nCustomer Responsibilities\nHosting\nRun it\nUse it\n"))
	if doc.Title != "Shared duties" || doc.Meta["years"] != 2024 {
		t.Errorf("title %q, meta %v", doc.Title, doc.Meta)
	}
	if len(doc.Tables()) != 1 || doc.Blocks[0].Kind != KindTable {
		t.Errorf("blocks %v: want the table first, the front matter read", doc.Blocks)
	}
	doc, _ = FromText("g.txt", []byte("---\njust a line of text\n---\nMore text.\n"))
	if doc.Meta != nil {
		t.Errorf("meta %v from a text that is no mapping", doc.Meta)
	}
	var all []string
	for _, b := range doc.Blocks {
		if b.Heading != nil {
			all = append(all, b.Heading.Text)
		}
		for _, l := range b.Lines {
			all = append(all, l.Text)
		}
	}
	if strings.Join(all, "|") != "---|just a line of text|---|More text." {
		t.Errorf("lines %q: all kept", all)
	}
}
