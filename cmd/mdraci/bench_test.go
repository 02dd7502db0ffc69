package main

// Benchmarks of the command line tool: the convert path over a folder, as
// users run it, against plain goldmark; the cost of 1x, 10x and 100x the
// corpus with one and all workers; and peak memory. The corpus
// (../shared/corpus) is not part of the repository: the benchmarks that
// need it skip without it. Run them once each (make bench does):
//
//	go test -run '^$' -bench . -benchtime 1x ./cmd/mdraci

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	meta "github.com/yuin/goldmark-meta"
	gext "github.com/yuin/goldmark/extension"
)

// benchCorpusDir is the shared corpus of real pages, relative to this
// package.
const benchCorpusDir = "../../../shared/corpus"

// benchCorpus returns the corpus folder, or skips tb when it is absent.
func benchCorpus(tb testing.TB) string {
	tb.Helper()
	if info, err := os.Stat(benchCorpusDir); err != nil || !info.IsDir() {
		tb.Skipf("corpus folder %s is absent (it is not part of a fresh clone); skipping", benchCorpusDir)
	}
	return benchCorpusDir
}

// folderBytes returns the documents mdraci convert reads in dir and their
// total size.
func folderBytes(tb testing.TB, dir string) ([]input, int64) {
	tb.Helper()
	ins, err := expand([]string{dir}, "")
	if err != nil {
		tb.Fatal(err)
	}
	var total int64
	for _, in := range ins {
		info, err := os.Stat(in.name)
		if err != nil {
			tb.Fatal(err)
		}
		total += info.Size()
	}
	if len(ins) == 0 {
		tb.Skipf("%s holds no document", dir)
	}
	return ins, total
}

// convertFolder runs "mdraci convert -j jobs -o out dir" as users do.
func convertFolder(tb testing.TB, dir, out string, jobs int, flags ...string) {
	tb.Helper()
	args := append(append([]string{"convert", "-j", strconv.Itoa(jobs)}, flags...), "-o", out, dir)
	stderr := &headWriter{max: 4096}
	// 1 means the documents hold errors (the corpus has some): still
	// converted; 2 is a usage error
	if code := run(args, strings.NewReader(""), io.Discard, stderr); code > 1 {
		tb.Fatalf("mdraci %s: exit %d: %s", strings.Join(args, " "), code, stderr.String())
	}
}

// headWriter keeps the first max bytes written to it: the diagnostics of a
// large folder are not kept in memory (they would count as its peak).
type headWriter struct {
	bytes.Buffer
	max int
}

func (w *headWriter) Write(p []byte) (int, error) {
	if room := w.max - w.Len(); room > 0 {
		w.Buffer.Write(p[:min(room, len(p))])
	}
	return len(p), nil
}

// goldmarkFolder converts the same documents with plain goldmark (GFM and
// front matter) on one goroutine, reading and writing files as mdraci
// convert -o does: the baseline.
func goldmarkFolder(tb testing.TB, md goldmark.Markdown, ins []input, out string) {
	tb.Helper()
	var buf bytes.Buffer
	for _, in := range ins {
		src, err := os.ReadFile(in.name)
		if err != nil {
			tb.Fatal(err)
		}
		buf.Reset()
		if err := md.Convert(src, &buf); err != nil {
			tb.Fatal(err)
		}
		if err := writeOut(out, in.rel, ".html", buf.Bytes()); err != nil {
			tb.Fatal(err)
		}
	}
}

// timed returns how long f takes, wall time.
func timed(f func()) time.Duration {
	start := time.Now()
	f()
	return time.Since(start)
}

// cpuOf returns the CPU time f takes in this process (all threads).
func cpuOf(f func()) time.Duration {
	start := processCPU()
	f()
	return processCPU() - start
}

// both returns the wall and CPU times f takes.
func both(f func()) (wall, cpu time.Duration) {
	start, cpuStart := time.Now(), processCPU()
	f()
	return time.Since(start), processCPU() - cpuStart
}

// BenchmarkConvertCorpus converts the corpus folder with plain goldmark on
// one core (one goroutine, GOMAXPROCS 1 while it runs), and with mdraci
// convert -j 1 and -j NumCPU (GOMAXPROCS as the benchmark sets it), in turns in
// the same run (three rounds per iteration), writing one .html per page.
// It reports the MB/s of each and the ratios of their wall times to
// goldmark's: jall-x-goldmark below 1 means mdraci on all cores is faster
// than plain goldmark on one. Wall times need an idle machine (load-avg
// tells); the *-cpu-x-goldmark ratios of CPU times (all threads) hold
// anyway: on an idle machine jall-x-goldmark comes at best to
// jall-cpu-x-goldmark / cpus. jall-plain-tables-* is the foundation alone
// (--plain-tables: no responsibility model, tables as tables) on all cores.
func BenchmarkConvertCorpus(b *testing.B) {
	dir := benchCorpus(b)
	ins, total := folderBytes(b, dir)
	out := b.TempDir()
	md := goldmark.New(goldmark.WithExtensions(gext.GFM, meta.Meta))
	all := runtime.NumCPU()
	gold := func() {
		// on one core: its collector too (GOMAXPROCS 2 would give it a
		// second core to collect on)
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
		goldmarkFolder(b, md, ins, filepath.Join(out, "goldmark"))
	}
	one := func() { convertFolder(b, dir, filepath.Join(out, "j1"), 1) }
	many := func() { convertFolder(b, dir, filepath.Join(out, "jall"), all) }
	// the foundation: the dialect without the matrices from the model
	plain := func() { convertFolder(b, dir, filepath.Join(out, "plain"), all, "--plain-tables") }
	// warm up: file cache, lazily built tables
	gold()
	one()
	var gm, j1, jn, jp, gmCPU, j1CPU, jnCPU, jpCPU time.Duration
	add := func(wall, cpu *time.Duration, f func()) {
		w, c := both(f)
		*wall += w
		*cpu += c
	}
	rounds := 0
	for b.Loop() {
		for r := 0; r < 3; r++ {
			if rounds%2 == 0 {
				add(&gm, &gmCPU, gold)
				add(&j1, &j1CPU, one)
				add(&jn, &jnCPU, many)
				add(&jp, &jpCPU, plain)
			} else {
				add(&jp, &jpCPU, plain)
				add(&jn, &jnCPU, many)
				add(&j1, &j1CPU, one)
				add(&gm, &gmCPU, gold)
			}
			rounds++
		}
	}
	mb := float64(total) / 1e6 * float64(rounds)
	b.ReportMetric(mb/gm.Seconds(), "goldmark-MB/s")
	b.ReportMetric(mb/j1.Seconds(), "j1-MB/s")
	b.ReportMetric(mb/jn.Seconds(), "jall-MB/s")
	b.ReportMetric(float64(j1)/float64(gm), "j1-x-goldmark")
	b.ReportMetric(float64(jn)/float64(gm), "jall-x-goldmark")
	b.ReportMetric(float64(jp)/float64(gm), "jall-plain-tables-x-goldmark")
	// CPU times: what each costs, whatever else runs on the machine
	b.ReportMetric(float64(j1CPU)/float64(gmCPU), "j1-cpu-x-goldmark")
	b.ReportMetric(float64(jnCPU)/float64(gmCPU), "jall-cpu-x-goldmark")
	b.ReportMetric(float64(jpCPU)/float64(gmCPU), "jall-plain-tables-cpu-x-goldmark")
	b.ReportMetric(float64(all), "cpus")
	if load, ok := loadAverage(); ok {
		// wall times: other work on the machine slows the runs on all
		// cores most; compare with cpus
		b.ReportMetric(load, "load-avg")
	}
}

// loadAverage returns the machine's load average over the last minute,
// where /proc tells it.
func loadAverage() (float64, bool) {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return 0, false
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return 0, false
	}
	v, err := strconv.ParseFloat(f[0], 64)
	return v, err == nil
}

// replicate fills dst with copies of the documents of src (src/… becomes
// dst/copy-N/…) until they total at least want bytes, or times copies when
// want is 0; files are hard links where the file system allows. It
// returns the total size.
func replicate(tb testing.TB, src, dst string, times int, want int64) int64 {
	tb.Helper()
	ins, size := folderBytes(tb, src)
	if want > 0 {
		times = int((want + size - 1) / size)
	}
	for n := 0; n < times; n++ {
		for _, in := range ins {
			to := filepath.Join(dst, fmt.Sprintf("copy-%03d", n), in.rel)
			if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
				tb.Fatal(err)
			}
			if os.Link(in.name, to) == nil {
				continue
			}
			b, err := os.ReadFile(in.name)
			if err != nil {
				tb.Fatal(err)
			}
			if err := os.WriteFile(to, b, 0o644); err != nil {
				tb.Fatal(err)
			}
		}
	}
	return size * int64(times)
}

// memPeak samples the heap every millisecond while a run goes on and keeps
// the peaks: heap (objects allocated and not yet freed, garbage included:
// what the process needs) and live (what the last collection found in
// use: what the program holds).
type memPeak struct {
	stop, done chan struct{}
	heap, live uint64
}

// startMemPeak collects garbage, then starts sampling.
func startMemPeak() *memPeak {
	runtime.GC()
	p := &memPeak{stop: make(chan struct{}), done: make(chan struct{})}
	samples := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/live:bytes"}}
	read := func() {
		metrics.Read(samples)
		if v := samples[0].Value; v.Kind() == metrics.KindUint64 {
			p.heap = max(p.heap, v.Uint64())
		}
		if v := samples[1].Value; v.Kind() == metrics.KindUint64 {
			p.live = max(p.live, v.Uint64())
		}
	}
	go func() {
		defer close(p.done)
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			read()
			select {
			case <-p.stop:
				read()
				return
			case <-tick.C:
			}
		}
	}()
	return p
}

// report stops sampling and reports the peaks as metrics.
func (p *memPeak) report(b *testing.B) {
	close(p.stop)
	<-p.done
	b.ReportMetric(float64(p.heap)/1e6, "peak-heap-MB")
	b.ReportMetric(float64(p.live)/1e6, "peak-live-MB")
}

// BenchmarkConvertScaling converts 1x, 10x and 100x the corpus (copies
// generated in a temporary folder; 100x is about 140 MB) with mdraci
// convert -j 1 and -j NumCPU. Cost is linear when MB/s (on an idle
// machine) and cpu-sec/MB (on any) stay the same from 1x to 100x; memory
// stays bounded when peak-heap-MB and peak-live-MB do (convert holds a few
// documents at a time, not the folder). sec/op is the time for the whole
// folder.
func BenchmarkConvertScaling(b *testing.B) {
	corpus := benchCorpus(b)
	for _, times := range []int{1, 10, 100} {
		b.Run(fmt.Sprintf("corpus=%dx", times), func(b *testing.B) {
			dir := b.TempDir()
			total := replicate(b, corpus, dir, times, 0)
			for _, jobs := range []int{1, runtime.NumCPU()} {
				b.Run(fmt.Sprintf("j=%d", jobs), func(b *testing.B) {
					out := b.TempDir()
					b.SetBytes(total)
					peak := startMemPeak()
					start, cpuStart := time.Now(), processCPU()
					for b.Loop() {
						convertFolder(b, dir, out, jobs)
					}
					b.ReportMetric(time.Since(start).Seconds()/float64(b.N), "sec/op")
					// CPU time per MB: flat from 1x to 100x when the cost
					// is linear, however busy the machine
					b.ReportMetric((processCPU()-cpuStart).Seconds()/float64(b.N)/(float64(total)/1e6), "cpu-sec/MB")
					peak.report(b)
				})
			}
		})
	}
}

// seedsDir holds the bundled example pages: they are in the repository,
// so the memory benchmark runs on a fresh clone too.
const seedsDir = "../../testdata/seeds"

// BenchmarkConvert100MB converts a generated folder of at least 100 MB
// (copies of the bundled seed pages, made in a temporary folder) with
// mdraci convert on all cores, and reports the peak memory: a few
// documents' worth, not the folder's size.
func BenchmarkConvert100MB(b *testing.B) {
	dir := b.TempDir()
	total := replicate(b, seedsDir, dir, 0, 100e6)
	files := 0
	_ = filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files++
		}
		return nil
	})
	out := b.TempDir()
	b.SetBytes(total)
	peak := startMemPeak()
	for b.Loop() {
		convertFolder(b, dir, out, runtime.NumCPU())
	}
	peak.report(b)
	b.ReportMetric(float64(total)/1e6, "input-MB")
	b.ReportMetric(float64(files), "files")
}
