package model_test

import (
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/mdraci/mdraci/extension"
	"github.com/mdraci/mdraci/extension/model"
)

// BenchmarkCorpusModelCost converts every corpus page to HTML as `mdraci
// convert` does, then builds each page's model (model.Build, which also
// lints, as `mdraci model` and `mdraci lint` do), and reports how many
// times the conversion's time conversion plus model take (x-convert; the
// goal is at most 1.10) and the model's share in nanoseconds per page.
// The conversion of a Markdown page with tables already builds its model
// once (the matrix transformer, Result.Model): x-convert counts building
// it a second time.
func BenchmarkCorpusModelCost(b *testing.B) {
	pages := corpusPages(b)
	names := make([]string, len(pages))
	srcs := make([][]byte, len(pages))
	for i, p := range pages {
		src, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		names[i], _ = filepath.Rel(corpusDir, p)
		srcs[i] = src
	}
	c := extension.NewConverter(extension.WithKeywords(corpusKeywords(b)))
	results := make([]*extension.Result, len(pages))
	convertAll := func() {
		for i := range srcs {
			res, err := c.Convert(names[i], srcs[i], io.Discard)
			if err != nil {
				b.Fatal(err)
			}
			results[i] = res
		}
	}
	buildAll := func() {
		for _, res := range results {
			if d := model.Build(res.Document()); d == nil {
				b.Fatal("no model")
			}
		}
	}
	convertAll() // warm up (lazily built policies and caches)
	buildAll()
	var convert, build time.Duration
	for b.Loop() {
		start := time.Now()
		convertAll()
		mid := time.Now()
		buildAll()
		convert += mid.Sub(start)
		build += time.Since(mid)
	}
	b.ReportMetric(float64(convert+build)/float64(convert), "x-convert")
	b.ReportMetric(float64(build.Nanoseconds())/float64(b.N*len(pages)), "model-ns/page")
}

// BenchmarkCorpusBuild builds the model of every corpus page, read once
// beforehand (ns/op is per corpus): "lint" as `mdraci model` and `mdraci
// lint` do, "nolint" as the conversion does (model.WithLint(false)).
func BenchmarkCorpusBuild(b *testing.B) {
	pages := corpusPages(b)
	c := extension.NewConverter(extension.WithKeywords(corpusKeywords(b)))
	var docs []*extension.Result
	for _, p := range pages {
		src, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		name, _ := filepath.Rel(corpusDir, p)
		res := c.Parse(name, src, extension.DetectFormat(name, src))
		res.Document()
		docs = append(docs, res)
	}
	for _, x := range []struct {
		name string
		opts []model.Option
	}{
		{"lint", nil},
		{"nolint", []model.Option{model.WithLint(false)}},
	} {
		b.Run(x.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, res := range docs {
					model.Build(res.Document(), x.opts...)
				}
			}
		})
	}
}
