package extension_test

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/mdraci/mdraci/extension"
	"github.com/mdraci/mdraci/extension/model"
	"github.com/yuin/goldmark"
	meta "github.com/yuin/goldmark-meta"
	gext "github.com/yuin/goldmark/extension"
)

// corpusSources reads every corpus page into memory once.
func corpusSources(b *testing.B) (names []string, srcs [][]byte, total int64) {
	b.Helper()
	for _, p := range corpusPages(b) {
		src, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		names = append(names, p)
		srcs = append(srcs, src)
		total += int64(len(src))
	}
	return names, srcs, total
}

// plainGoldmark is the baseline: goldmark with GFM and front matter.
func plainGoldmark() goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(gext.GFM, meta.Meta))
}

func convertAllGoldmark(b *testing.B, md goldmark.Markdown, srcs [][]byte) {
	for _, src := range srcs {
		if err := md.Convert(src, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

func convertAllMdraci(b *testing.B, c *extension.Converter, names []string, srcs [][]byte) {
	for i, src := range srcs {
		if _, err := c.Convert(names[i], src, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCorpus converts the whole corpus with plain goldmark, with
// mdraci and with mdraci's foundation (tables as tables, no model); MB/s
// and the allocations compare them.
func BenchmarkCorpus(b *testing.B) {
	names, srcs, total := corpusSources(b)
	b.Run("goldmark", func(b *testing.B) {
		md := plainGoldmark()
		b.SetBytes(total)
		b.ReportAllocs()
		for b.Loop() {
			convertAllGoldmark(b, md, srcs)
		}
	})
	for _, x := range []struct {
		name string
		c    *extension.Converter
	}{
		{"mdraci", extension.NewConverter()},
		{"foundation", extension.NewConverter(extension.WithMatrices(false))},
	} {
		b.Run(x.name, func(b *testing.B) {
			b.SetBytes(total)
			b.ReportAllocs()
			for b.Loop() {
				convertAllMdraci(b, x.c, names, srcs)
			}
		})
	}
}

// wallStart anchors wallClock.
var wallStart = time.Now()

// wallClock returns the wall time since the package started.
func wallClock() time.Duration { return time.Since(wallStart) }

// measure returns the CPU time f takes (see cpuTime).
func measure(f func()) time.Duration {
	start := cpuTime()
	f()
	return cpuTime() - start
}

// BenchmarkCorpusRatio converts the corpus once with plain goldmark and
// once with mdraci per iteration, in turns (goldmark first, then mdraci
// first, so that neither always pays for the other's garbage), and reports
// how many times goldmark's time mdraci takes (x-goldmark; the goal is at
// most 1.3). "foundation" reads and renders the dialect with tables as
// tables; "mdraci" also builds the responsibility model of every page with
// a table and renders its matrices from it. Times are CPU times: the ratio
// holds still on a busy machine. Run it with -cpu 1 for "one core".
func BenchmarkCorpusRatio(b *testing.B) {
	b.Run("mdraci", func(b *testing.B) { corpusRatio(b, extension.NewConverter()) })
	// the foundation: the dialect read and rendered, tables as tables,
	// no responsibility model
	b.Run("foundation", func(b *testing.B) { corpusRatio(b, extension.NewConverter(extension.WithMatrices(false))) })
}

// corpusRatio converts the corpus with goldmark and with c in turns and
// reports how many times goldmark's time c takes.
func corpusRatio(b *testing.B, c *extension.Converter) {
	names, srcs, total := corpusSources(b)
	md := plainGoldmark()
	// warm up both (caches, lazily built policies)
	convertAllGoldmark(b, md, srcs)
	convertAllMdraci(b, c, names, srcs)
	var gm, mr time.Duration
	gold := func() { convertAllGoldmark(b, md, srcs) }
	mdr := func() { convertAllMdraci(b, c, names, srcs) }
	for i := 0; b.Loop(); i++ {
		if i%2 == 0 {
			gm += measure(gold)
			mr += measure(mdr)
		} else {
			mr += measure(mdr)
			gm += measure(gold)
		}
	}
	if gm <= 0 || mr <= 0 {
		return
	}
	mb := float64(total) / 1e6 * float64(b.N)
	b.ReportMetric(float64(mr)/float64(gm), "x-goldmark")
	b.ReportMetric(mb/gm.Seconds(), "goldmark-MB/s")
	b.ReportMetric(mb/mr.Seconds(), "mdraci-MB/s")
}

// scalingTable returns a captioned IBM-style table of rows rows.
func scalingTable(rows int) []byte {
	var b bytes.Buffer
	b.WriteString("# Responsibilities\n\n| Task | {{site.data.keyword.IBM_notm}} responsibilities | Your responsibilities |\n|---|---|---|\n")
	for i := range rows {
		fmt.Fprintf(&b, "| Task %d with `code` | - Provide the service \\n - Patch it | Use **it** [well](https://example.com/%d) |\n", i, i)
	}
	b.WriteString("{: caption=\"Table 1. Responsibilities\" caption-side=\"top\"}\n{: #resp-table}\n")
	return b.Bytes()
}

// rowsIn counts the table rows in html: plain tables' and matrices'.
func rowsIn(html string) int {
	return strings.Count(html, "<tr>") + strings.Count(html, "<tr ")
}

// BenchmarkTableScaling converts one table of 1,000 and of 10,000 rows:
// MB/s stays about the same when the cost is linear. The ratio
// sub-benchmark converts both in turns and reports how many times the
// small table's time the table 10x longer takes (x-time, about 10 when
// linear; CPU times).
func BenchmarkTableScaling(b *testing.B) {
	c := extension.NewConverter()
	srcs := map[int][]byte{}
	for _, rows := range []int{1000, 10000} {
		src := scalingTable(rows)
		srcs[rows] = src
		b.Run(fmt.Sprintf("rows=%d", rows), func(b *testing.B) {
			var out bytes.Buffer
			if _, err := c.Convert("t.md", src, &out); err != nil {
				b.Fatal(err)
			}
			if n := rowsIn(out.String()); n != rows+1 {
				b.Fatalf("%d rows rendered, want %d", n, rows+1)
			}
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.Convert("t.md", src, io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("ratio", func(b *testing.B) {
		convert := func(src []byte) func() {
			return func() {
				if _, err := c.Convert("t.md", src, io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		}
		small, large := convert(srcs[1000]), convert(srcs[10000])
		var ts, tl time.Duration
		for b.Loop() {
			for range 10 {
				ts += measure(small)
			}
			tl += measure(large)
		}
		b.ReportMetric(float64(tl)/(float64(ts)/10), "x-time")
	})
}

// BenchmarkCorpusPhases tells where mdraci's time over goldmark's goes: it
// converts the corpus with plain goldmark, with the foundation (tables as
// tables), with the foundation then reading each page into the source
// layer (Result.Document), with that then building the model (without
// lint), and with mdraci (the model built while parsing, matrices
// rendered from it), in turns, and reports each one's CPU time over
// goldmark's (*-x-goldmark). The differences are the cost of each phase:
// source reading, model building, and rendering the matrices instead of
// the tables. Run it with -cpu 1.
func BenchmarkCorpusPhases(b *testing.B) {
	names, srcs, _ := corpusSources(b)
	md := plainGoldmark()
	foundation := extension.NewConverter(extension.WithMatrices(false))
	full := extension.NewConverter()
	convert := func(then func(*extension.Result)) func() {
		return func() {
			for i := range srcs {
				r, err := foundation.Convert(names[i], srcs[i], io.Discard)
				if err != nil {
					b.Fatal(err)
				}
				then(r)
			}
		}
	}
	phases := []struct {
		metric string
		run    func()
		took   time.Duration
	}{
		{"goldmark", func() { convertAllGoldmark(b, md, srcs) }, 0},
		{"foundation-x-goldmark", func() { convertAllMdraci(b, foundation, names, srcs) }, 0},
		{"source-x-goldmark", convert(func(r *extension.Result) { r.Document() }), 0},
		{"model-x-goldmark", convert(func(r *extension.Result) { model.Build(r.Document(), model.WithLint(false)) }), 0},
		{"mdraci-x-goldmark", func() { convertAllMdraci(b, full, names, srcs) }, 0},
	}
	for _, p := range phases {
		p.run() // warm up
	}
	for b.Loop() {
		for i := range phases {
			phases[i].took += measure(phases[i].run)
		}
	}
	for _, p := range phases[1:] {
		b.ReportMetric(float64(p.took)/float64(phases[0].took), p.metric)
	}
}
