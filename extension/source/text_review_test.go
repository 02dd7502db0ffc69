package source

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFromTextColumns checks that positions point at the first character
// of a line's text, past indentation, and that the invalid UTF-8 warning
// points at the first invalid byte.
func TestFromTextColumns(t *testing.T) {
	in := "Title\n  Component\n\tPTC Responsibilities\n\u200b Customer Responsibilities\n" +
		"    Patching\nApply patches.\n   Schedule \xffwindows.\n"
	d, diags := FromText("t.txt", []byte(in))
	tb := tables(d)
	require.Len(t, tb, 1)
	assert.Equal(t, Pos{Line: 2, Col: 3}, tb[0].Pos)
	var header []Pos
	for _, c := range tb[0].Header {
		header = append(header, c.Pos)
	}
	// the zero-width space (3 bytes) and a space precede line 4's text
	assert.Equal(t, []Pos{{2, 3}, {3, 2}, {4, 5}}, header)
	require.Len(t, tb[0].Rows, 1)
	row := tb[0].Rows[0]
	assert.Equal(t, Pos{Line: 5, Col: 5}, row.Pos)
	var cells []Pos
	for _, c := range row.Cells {
		cells = append(cells, c.Pos)
	}
	assert.Equal(t, []Pos{{5, 5}, {6, 1}, {7, 4}}, cells)
	require.Len(t, diags, 1)
	assert.Equal(t, codeTextInvalidUTF8, diags[0].Code)
	assert.Equal(t, [2]int{7, 13}, [2]int{diags[0].Line, diags[0].Col})

	// A paragraph line and the incomplete row warning.
	d, diags = FromText("t.txt", []byte("Some prose here.\n   Indented prose.\n\nTask\nAWS\nCustomer\n  Patch\n"))
	require.Len(t, d.Blocks, 2)
	assert.Equal(t, Pos{Line: 2, Col: 4}, d.Blocks[0].Lines[1].Pos)
	require.Len(t, diags, 1)
	assert.Equal(t, codeTextIncompleteRow, diags[0].Code)
	assert.Equal(t, [2]int{7, 3}, [2]int{diags[0].Line, diags[0].Col})
}

// TestFromTextCellsStartingWithChromeWords checks that a cell starting with
// the name of a page part ("Feedback", "Copyright", "Provide feedback") is a
// cell, while the page chrome itself still ends the table.
func TestFromTextCellsStartingWithChromeWords(t *testing.T) {
	in := "Title\nComponent\nPTC Responsibilities\nCustomer Responsibilities\n" +
		"Feedback collection\nProvide a form.\nProvide feedback on releases.\n" +
		"Copyright compliance\nLicense content.\nRespect licenses.\n" +
		"Backups\nDocument them.\nRun them.\n" +
		"Feedback\nCopyright © 2024 PTC\n"
	d, diags := FromText("t.txt", []byte(in))
	assert.Empty(t, diags)
	tb := tables(d)
	require.Len(t, tb, 1)
	var first []string
	for _, r := range tb[0].Rows {
		first = append(first, r.Cells[0].Text)
	}
	assert.Equal(t, []string{"Feedback collection", "Copyright compliance", "Backups"}, first)
	assert.Equal(t, []string{"Feedback", "Copyright © 2024 PTC"}, paragraphs(d))
	checkTextDoc(t, []byte(in), d)

	for _, chrome := range []string{"Was this helpful? Yes No", "Related topics", "See also:", "© PTC", "Last updated on May 5"} {
		assert.True(t, isBoilerplate(chrome), chrome)
	}
	for _, cell := range []string{"Feedback loops", "Submit feedback.", "Next steps planning", "Copyright PTC"} {
		assert.False(t, isBoilerplate(cell), cell)
	}
}

// TestFromTextHeaderStopsAtFirstCell checks that a first body cell naming a
// party ("User management", "Customer data") is not read as one more header
// after headers naming responsibilities, which shifted every row.
func TestFromTextHeaderStopsAtFirstCell(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		header []string
	}{
		{
			name:   "user",
			in:     "Component\nPTC Responsibilities\nCustomer Responsibilities\nUser management\nProvide docs.\nCreate users.\nCustomer data\nDocument flows.\nManage data.\n",
			header: []string{"Component", "PTC Responsibilities", "Customer Responsibilities"},
		},
		{
			name:   "party columns only",
			in:     "Microsoft responsibilities\nCustomer responsibilities\nShared infrastructure\nRun it.\n",
			header: []string{"Microsoft responsibilities", "Customer responsibilities"},
		},
		{
			name:   "bare party names after responsibilities are headers",
			in:     "Task\nIBM responsibilities\nYour responsibilities\nNotes\nRed Hat\nPatch\nDo.\nDo.\nNone.\nNo.\n",
			header: []string{"Task", "IBM responsibilities", "Your responsibilities", "Notes", "Red Hat"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, diags := FromText("t.txt", []byte(tt.in))
			assert.Empty(t, diags)
			tb := tables(d)
			require.Len(t, tb, 1)
			assert.Equal(t, tt.header, texts(tb[0].Header))
			for _, r := range tb[0].Rows {
				assert.Len(t, r.Cells, len(tt.header))
			}
			checkTextDoc(t, []byte(tt.in), d)
		})
	}
}

// TestFromTextHeaderWithoutRowsIsProse checks that short lines that look
// like a header but are followed by no row are prose, not an empty table.
func TestFromTextHeaderWithoutRowsIsProse(t *testing.T) {
	in := "RACI\nSharing responsibilities\nLast updated\nTo have a common understanding, we use a RACI matrix.\n"
	d, diags := FromText("t.txt", []byte(in))
	assert.Empty(t, diags)
	assert.Empty(t, tables(d))
	assert.Equal(t, []Kind{KindParagraph}, kinds(d))
	checkTextDoc(t, []byte(in), d)
}

// TestFromTextDoubleSpaced: text copied from a page that made every line a
// paragraph (a blank line after each) reads as the same text without the
// blank lines: the seed's table, double-spaced, gives the same header and
// rows, at the lines they are on; the lines outside it stay paragraphs of
// their own, and a closing sentence ends the table.
func TestFromTextDoubleSpaced(t *testing.T) {
	src, err := os.ReadFile(seedPTC)
	require.NoError(t, err)
	plain, _ := FromText("seed.txt", src)
	lines := strings.Split(strings.TrimRight(string(src), "\n"), "\n")
	spacedSrc := []byte(strings.Join(lines, "\n\n") + "\n\nFor more, see the docs.\n")
	spaced, diags := FromText("spaced.txt", spacedSrc)
	checkTextDoc(t, spacedSrc, spaced)
	assert.Empty(t, diags)

	pt, st := tables(plain), tables(spaced)
	require.Len(t, st, len(pt))
	for i := range pt {
		assert.Equal(t, texts(pt[i].Header), texts(st[i].Header))
		require.Len(t, st[i].Rows, len(pt[i].Rows))
		for r := range pt[i].Rows {
			assert.Equal(t, texts(pt[i].Rows[r].Cells), texts(st[i].Rows[r].Cells))
			assert.Equal(t, 2*pt[i].Rows[r].Pos.Line-1, st[i].Rows[r].Pos.Line, "the row's line, double-spaced")
		}
	}
	assert.Equal(t, plain.Title, spaced.Title)
	var last []Line
	for _, b := range spaced.Blocks {
		if b.Kind == KindParagraph {
			require.Len(t, b.Lines, 1, "a paragraph per line: %q", b.Lines)
			last = b.Lines
		}
	}
	require.NotNil(t, last)
	assert.Equal(t, "For more, see the docs.", last[0].Text)

	// a line followed by another is no double-spaced text: a blank line
	// between rows still ends a table
	d, _ := FromText("t.txt", []byte("Task\nProvider\nCustomer\nA\nB\nC\n\nThis is a closing remark about the table above.\n"))
	assert.Len(t, tables(d), 1)
}
