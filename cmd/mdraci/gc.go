package main

import (
	"os"
	"runtime/debug"
)

// batchGCPercent is the garbage collector's target while mdraci converts:
// a batch tool whose documents live briefly trades a larger heap for fewer
// collections, as the Go compiler does. What it holds stays a few
// documents (about 10 MB live on the corpus copied 100 times); the heap
// peaks under 100 MB, and batchMemoryLimit bounds it.
const batchGCPercent = 800

// batchMemoryLimit is the soft memory limit under which the larger target
// holds: past it the collector runs as often as it must.
const batchMemoryLimit = 1 << 30

// batchGC sets the collector up for a batch run, unless the user set GOGC
// or GOMEMLIMIT, and returns the function that restores the settings.
func batchGC() (restore func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	limit := debug.SetMemoryLimit(-1)
	if limit > batchMemoryLimit {
		debug.SetMemoryLimit(batchMemoryLimit)
	}
	percent := debug.SetGCPercent(batchGCPercent)
	return func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	}
}
