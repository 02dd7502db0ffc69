package source

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFromTextTabSeparated: a table copied from a browser, a row per line
// and its cells separated by tabs, is read as a table, with each cell's
// column, an empty cell kept empty, a cell's further lines (a line without
// a tab) as its items, and the prose around it as paragraphs.
func TestFromTextTabSeparated(t *testing.T) {
	src := "Shared responsibilities\n\n" +
		"Component\tPTC Responsibilities\tCustomer Responsibilities\n" +
		"Hosting\tRun the servers\tNone\n" +
		"User management\tProvide SSO\tManage users\n" +
		"Add and remove users\n" +
		"Data\t\tOwn the data\n" +
		"\n" +
		"Was this helpful?\n"
	d, diags := FromText("t.txt", []byte(src))
	assert.Empty(t, diags)
	tb := tables(d)
	require.Len(t, tb, 1)
	assert.Equal(t, []string{"Component", "PTC Responsibilities", "Customer Responsibilities"}, texts(tb[0].Header))
	require.Len(t, tb[0].Rows, 3)
	assert.Equal(t, []string{"Hosting", "Run the servers", "None"}, texts(tb[0].Rows[0].Cells))
	assert.Equal(t, []string{"User management", "Provide SSO", "Manage users Add and remove users"}, texts(tb[0].Rows[1].Cells))
	assert.Equal(t, []string{"Manage users", "Add and remove users"}, tb[0].Rows[1].Cells[2].Items)
	assert.Equal(t, "Manage users\nAdd and remove users", tb[0].Rows[1].Cells[2].Raw)
	assert.Equal(t, []string{"Data", "", "Own the data"}, texts(tb[0].Rows[2].Cells))
	// "Hosting\tRun the servers\tNone" on line 4: the cells at 1, 9, 25
	var at []Pos
	for _, c := range tb[0].Rows[0].Cells {
		at = append(at, c.Pos)
	}
	assert.Equal(t, []Pos{{4, 1}, {4, 9}, {4, 25}}, at)
	assert.Equal(t, Pos{Line: 7, Col: 1}, tb[0].Rows[2].Pos)
	assert.Equal(t, []string{"Was this helpful?"}, paragraphs(d))
	assert.Equal(t, "Shared responsibilities", d.Title)
}

// TestFromTextTabsNotTables: a line with tabs alone, indentation, or tabs
// in lines of prose far apart make no table; no line is lost.
func TestFromTextTabsNotTables(t *testing.T) {
	for name, src := range map[string]string{
		"one tab line":  "Intro\n\nName\tValue\nand some prose after it.\n",
		"indentation":   "Intro\n\n\tindented line\n\tanother indented line\n",
		"blank between": "Intro\n\nName\tValue\n\nOther\tThing\n",
	} {
		t.Run(name, func(t *testing.T) {
			d, _ := FromText("t.txt", []byte(src))
			assert.Empty(t, tables(d))
			assert.NotEmpty(t, paragraphs(d))
		})
	}
}
