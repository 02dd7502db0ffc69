package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mdraci/mdraci/extension/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRunModelCSV: mdraci model --format csv writes the header once, then
// one record per row and party of every seed's matrices (one for a row
// that assigns no party), the same rows as the JSON model; with -o, one
// .csv per input, each with its header.
func TestRunModelCSV(t *testing.T) {
	j := runForTest(t, "", "model", seedsDir)
	require.Equal(t, 0, j.code, j.stderr)
	want := 0
	dec := json.NewDecoder(strings.NewReader(j.stdout))
	for dec.More() {
		var d model.Document
		require.NoError(t, dec.Decode(&d))
		for _, m := range d.Matrices {
			for _, r := range m.Rows {
				want += max(len(r.Assignments), 1)
			}
		}
	}
	require.Greater(t, want, 100, "the seeds' assignments")

	r := runForTest(t, "", "model", "--format", "csv", seedsDir)
	require.Equal(t, 0, r.code, r.stderr)
	recs, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	require.NoError(t, err)
	assert.Equal(t, model.CSVHeader, recs[0])
	assert.Len(t, recs, want+1, "a header, then one record per row and party")
	for _, rec := range recs[1:] {
		assert.NotEqual(t, "file", rec[0], "one header only")
	}
	again := runForTest(t, "", "model", "--format", "csv", "-j", "1", seedsDir)
	assert.Equal(t, r.stdout, again.stdout, "the same records in the same order, whatever the workers")

	dir := t.TempDir()
	r = runForTest(t, "", "model", "--format", "csv", "-o", dir, seedsDir)
	require.Equal(t, 0, r.code, r.stderr)
	files, err := filepath.Glob(filepath.Join(dir, "*.csv"))
	require.NoError(t, err)
	assert.Len(t, files, 5, "one .csv per seed")
	total := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
		require.NoError(t, err, f)
		assert.Equal(t, model.CSVHeader, recs[0], f)
		total += len(recs) - 1
	}
	assert.Equal(t, want, total)

	r = runForTest(t, "", "model", "--format", "xml", seedsDir)
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "--format must be json or csv")
}
