package main

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mdraci/mdraci/extension/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/yuin/goldmark/testutil"
)

var update = flag.Bool("update", false, "rewrite testdata/model/*.json (then read every diff before committing)")

// TestModelSeedsGolden runs `mdraci model` on each seed, from the
// repository root as a user would, and compares the JSON with the golden
// model in testdata/model (checked by hand against the seed); the JSON
// also validates against the committed schema.
func TestModelSeedsGolden(t *testing.T) {
	t.Chdir("../..")
	seeds, err := filepath.Glob("testdata/seeds/*")
	require.NoError(t, err)
	require.Len(t, seeds, 5, "want the five seeds")
	for _, seed := range seeds {
		name := strings.TrimSuffix(filepath.Base(seed), filepath.Ext(seed))
		t.Run(name, func(t *testing.T) {
			r := runForTest(t, "", "model", filepath.ToSlash(seed))
			require.Equal(t, 0, r.code, r.stderr)
			require.Empty(t, r.stderr, "the seeds read without reading problems")
			require.NoError(t, model.Validate([]byte(r.stdout)), "the model JSON validates against schema.json")

			golden := filepath.Join("testdata", "model", name+".json")
			if *update {
				require.NoError(t, os.MkdirAll(filepath.Dir(golden), 0o755))
				require.NoError(t, os.WriteFile(golden, []byte(r.stdout), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run go test ./cmd/mdraci -run TestModelSeedsGolden -update once, then read the file")
			if string(want) != r.stdout {
				t.Errorf("%s differs from %s:\n%s", seed, golden, testutil.DiffPretty(want, []byte(r.stdout)))
			}
		})
	}
}

// TestModelCorpusValidates: mdraci model's JSON of every corpus page,
// the readers' findings (keyword-unknown, attributes-…) among its
// diagnostics, validates against the committed schema.
func TestModelCorpusValidates(t *testing.T) {
	corpus := filepath.Join(themeRoot, "..", "shared", "corpus")
	if _, err := os.Stat(corpus); err != nil {
		t.Skipf("no corpus at %s: it is not part of the repository", corpus)
	}
	pages, err := filepath.Glob(filepath.Join(corpus, "*", "*.md"))
	require.NoError(t, err)
	require.NotEmpty(t, pages)
	readerCodes := 0
	for _, p := range pages {
		r := runForTest(t, "", "model", "--keywords", filepath.Join(corpus, "keywords"), p)
		require.NotEqual(t, 2, r.code, r.stderr)
		assert.NoError(t, model.Validate([]byte(r.stdout)), "%s: the model JSON validates against schema.json", p)
		if strings.Contains(r.stdout, `"code": "keyword-unknown"`) || strings.Contains(r.stdout, `"code": "attributes-`) {
			readerCodes++
		}
	}
	assert.Positive(t, readerCodes, "some pages have reading findings among their diagnostics")
}
