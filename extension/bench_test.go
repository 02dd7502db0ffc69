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

// BenchmarkCorpus converts the whole corpus with plain goldmark and with
// mdraci; MB/s compares them.
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
	b.Run("mdraci", func(b *testing.B) {
		c := extension.NewConverter()
		b.SetBytes(total)
		b.ReportAllocs()
		for b.Loop() {
			convertAllMdraci(b, c, names, srcs)
		}
	})
}

// BenchmarkCorpusRatio converts the corpus once with each per iteration
// and reports how many times goldmark's time mdraci takes.
func BenchmarkCorpusRatio(b *testing.B) {
	names, srcs, total := corpusSources(b)
	md := plainGoldmark()
	c := extension.NewConverter()
	var gm, mr time.Duration
	for b.Loop() {
		start := time.Now()
		convertAllGoldmark(b, md, srcs)
		mid := time.Now()
		convertAllMdraci(b, c, names, srcs)
		gm += mid.Sub(start)
		mr += time.Since(mid)
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

// BenchmarkTableScaling converts one table of 1,000 and of 10,000 rows:
// MB/s stays about the same when the cost is linear.
func BenchmarkTableScaling(b *testing.B) {
	c := extension.NewConverter()
	for _, rows := range []int{1000, 10000} {
		src := scalingTable(rows)
		b.Run(fmt.Sprintf("rows=%d", rows), func(b *testing.B) {
			var out bytes.Buffer
			if _, err := c.Convert("t.md", src, &out); err != nil {
				b.Fatal(err)
			}
			if n := strings.Count(out.String(), "<tr>"); n != rows+1 {
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
}
