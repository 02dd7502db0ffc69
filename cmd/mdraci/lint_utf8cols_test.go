package main

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// latin1Input is a Latin-1 page: "é" is the invalid byte 0xE9, which the
// output shows as one U+FFFD.
const latin1Input = "# Backups\n\nR\xe9seau \xe9t\xe9 {{site.data.keyword.nope}}\n\n" +
	"| Activity | Customer | Provider |\n| --- | --- | --- |\n| Sauvegarde \xe9t\xe9 | R | Q |\n"

// TestRunInvalidUTF8Columns checks that mdraci lint and mdraci model give
// the columns of the file, counting bytes, after invalid UTF-8.
func TestRunInvalidUTF8Columns(t *testing.T) {
	r := runForTest(t, latin1Input, "lint", "-")
	assert.Contains(t, r.stdout, "<stdin>:3:12: warning: unknown keyword")
	assert.Contains(t, r.stdout, `<stdin>:7:24: error: letter "Q" in column "Provider" is not defined by the legend [RACI004]`)

	r = runForTest(t, latin1Input, "model", "-")
	var md struct {
		Matrices []struct {
			Rows []struct {
				Assignments map[string]struct {
					Line int `json:"line"`
					Col  int `json:"col"`
				} `json:"assignments"`
			} `json:"rows"`
		} `json:"matrices"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &md), r.stdout)
	require.Len(t, md.Matrices, 1)
	require.Len(t, md.Matrices[0].Rows, 1)
	a := md.Matrices[0].Rows[0].Assignments
	assert.Equal(t, [2]int{7, 20}, [2]int{a["customer"].Line, a["customer"].Col}, "R")
	assert.Equal(t, [2]int{7, 24}, [2]int{a["provider"].Line, a["provider"].Col}, "Q")
}
