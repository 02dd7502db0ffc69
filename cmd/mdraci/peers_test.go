//go:build unix

package main

import (
	"bytes"
	"encoding/json"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/mdraci/mdraci/extension"
	"github.com/yuin/goldmark"
	meta "github.com/yuin/goldmark-meta"
	gext "github.com/yuin/goldmark/extension"
)

// peerPasses is how many times each engine converts the corpus per
// iteration.
const peerPasses = 3

// markedItRun is what markedit-bench.js prints.
type markedItRun struct {
	Engine     string  `json:"engine"`
	Files      int     `json:"files"`
	InputBytes int64   `json:"input_bytes"`
	Seconds    float64 `json:"seconds"`
	MBPerS     float64 `json:"MB_per_s_in"`
}

// markedIt runs markedit-bench.js over dir, passes times after its warm-up
// pass, and returns its report and the CPU time the node process used
// (all its threads, start-up and warm-up included).
func markedIt(b *testing.B, script, dir string, passes int) (markedItRun, time.Duration) {
	b.Helper()
	cmd := exec.Command("node", script, dir, strconv.Itoa(passes), "--recursive")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		b.Fatalf("node %s: %v\n%s", script, err, stderr.String())
	}
	var r markedItRun
	if err := json.Unmarshal(bytes.TrimSpace(stdout.Bytes()), &r); err != nil {
		b.Fatalf("node %s printed %q: %v", script, stdout.String(), err)
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		b.Fatal("no CPU time for the node process")
	}
	return r, time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkPeers converts the corpus (every .md file below it, as
// markedit-bench.js --recursive reads it) with IBM's marked-it
// (marked-it-core with the caption extension, through node
// ../shared/tools/peers/markedit-bench.js), with mdraci (HTML, the
// responsibility model and its lint) and with plain goldmark (GFM and
// front matter), in the same run. Times are CPU times, so that the figures
// hold on a busy machine and count what each engine costs a core:
// marked-it's is the difference between a run of 1+peerPasses passes and a
// run of 1 pass, which takes node's start-up and warm-up out. Run it with
// -cpu 1. x-markedit is how many times faster than marked-it mdraci is
// (goal: at least 12); mdraci-x-goldmark is mdraci's time over goldmark's.
//
// It needs node and marked-it-core (MARKEDIT_NODE_MODULES: the
// node_modules folder; MARKEDIT_BENCH: markedit-bench.js), which make
// bench-peers installs; without them it skips.
func BenchmarkPeers(b *testing.B) {
	dir := benchCorpus(b)
	if os.Getenv("MARKEDIT_NODE_MODULES") == "" {
		b.Skip("MARKEDIT_NODE_MODULES is not set: run make bench-peers, which installs marked-it-core")
	}
	script := os.Getenv("MARKEDIT_BENCH")
	if script == "" {
		script = filepath.Join(dir, "..", "tools", "peers", "markedit-bench.js")
	}
	if _, err := os.Stat(script); err != nil {
		b.Skipf("no marked-it driver: %v", err)
	}
	if _, err := exec.LookPath("node"); err != nil {
		b.Skip("node is not installed")
	}
	var names []string
	var srcs [][]byte
	var total int64
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			names = append(names, p)
		}
		return nil
	})
	sort.Strings(names)
	for _, p := range names {
		src, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		srcs = append(srcs, src)
		total += int64(len(src))
	}
	c := extension.NewConverter()
	mdraci := func() {
		for p := 0; p < peerPasses; p++ {
			for i, src := range srcs {
				r, err := c.Convert(names[i], src, io.Discard)
				if err != nil {
					b.Fatal(err)
				}
				_ = r.Model() // the responsibility model, linted
			}
		}
	}
	gm := goldmark.New(goldmark.WithExtensions(gext.GFM, meta.Meta))
	gold := func() {
		for p := 0; p < peerPasses; p++ {
			for _, src := range srcs {
				if err := gm.Convert(src, io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
	mdraci() // warm up
	var mi, mr, gt time.Duration
	var wall float64
	var files int
	for b.Loop() {
		// mdraci and goldmark between the node runs, twice, so that all
		// three see the machine in about the same state
		mr += cpuOf(mdraci)
		gt += cpuOf(gold)
		_, short := markedIt(b, script, dir, 1)
		mr += cpuOf(mdraci)
		gt += cpuOf(gold)
		run, long := markedIt(b, script, dir, 1+peerPasses)
		mi += 2 * (long - short) // per 2*peerPasses passes, as mr and gt
		wall += run.MBPerS
		files = run.Files
	}
	if files != len(names) {
		b.Errorf("marked-it converted %d files, mdraci %d", files, len(names))
	}
	mb := float64(total) / 1e6 * 2 * peerPasses * float64(b.N)
	b.ReportMetric(mb/mi.Seconds(), "markedit-MB/s")
	b.ReportMetric(mb/mr.Seconds(), "mdraci-MB/s")
	b.ReportMetric(mb/gt.Seconds(), "goldmark-MB/s")
	b.ReportMetric(float64(mi)/float64(mr), "x-markedit")
	b.ReportMetric(float64(mr)/float64(gt), "mdraci-x-goldmark")
	b.ReportMetric(wall/float64(b.N), "markedit-wall-MB/s")
}
