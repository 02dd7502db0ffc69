// Package corpus finds, for tests and benchmarks, the shared corpus of real
// responsibility pages: ../shared/corpus beside the repository. It is not
// part of a fresh clone; callers skip when it is absent.
package corpus

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/mdraci/mdraci/extension/keyword"
)

// Dir is the corpus folder, found from this file's place in the repository.
func Dir() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return filepath.Join("..", "shared", "corpus")
	}
	// extension/internal/corpus/corpus.go → the repository's parent
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "..", "shared", "corpus")
}

// Pages returns the paths of the corpus pages whose extensions are among
// exts (".md", ".html"…, any case), sorted; it skips tb when the corpus is
// absent or holds none.
func Pages(tb testing.TB, exts ...string) []string {
	tb.Helper()
	dir := Dir()
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		tb.Skipf("corpus folder %s is absent (it is not part of a fresh clone); skipping", dir)
	}
	want := map[string]bool{}
	for _, e := range exts {
		want[strings.ToLower(e)] = true
	}
	var pages []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && want[strings.ToLower(filepath.Ext(p))] {
			pages = append(pages, p)
		}
		return nil
	})
	if err != nil {
		tb.Fatalf("reading the corpus: %v", err)
	}
	if len(pages) == 0 {
		tb.Skipf("corpus folder %s holds no %s page; skipping", dir, strings.Join(exts, " or "))
	}
	sort.Strings(pages)
	return pages
}

// Keywords returns the default keywords with every keyword file of the
// corpus loaded on top (files that do not parse, and the excerpt, are
// skipped with a log line).
func Keywords(tb testing.TB) *keyword.Data {
	tb.Helper()
	data := keyword.Default()
	var files []string
	for _, pat := range []string{"*.yaml", "*.yml"} {
		m, err := filepath.Glob(filepath.Join(Dir(), "keywords", pat))
		if err != nil {
			tb.Fatal(err)
		}
		files = append(files, m...)
	}
	sort.Strings(files)
	for _, f := range files {
		if strings.Contains(filepath.Base(f), "excerpt") {
			continue
		}
		if err := data.Load(f); err != nil {
			tb.Logf("skipping keyword file %s: %v", filepath.Base(f), err)
		}
	}
	return data
}
