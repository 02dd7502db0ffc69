package main

import (
	"runtime/debug"
	"testing"
)

// TestBatchGC checks that a batch run raises the collector's target under
// a memory limit and restores both after, and that GOGC or GOMEMLIMIT set
// by the user win.
func TestBatchGC(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	percent := debug.SetGCPercent(100)
	defer debug.SetGCPercent(percent)
	restore := batchGC()
	if got := debug.SetGCPercent(batchGCPercent); got != batchGCPercent {
		t.Errorf("GC percent during a batch run = %d, want %d", got, batchGCPercent)
	}
	if got := debug.SetMemoryLimit(-1); got > batchMemoryLimit {
		t.Errorf("memory limit during a batch run = %d, want at most %d", got, batchMemoryLimit)
	}
	restore()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("GC percent after the run = %d, want 100 restored", got)
	}

	t.Setenv("GOGC", "50")
	restore = batchGC()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("with GOGC set, GC percent = %d, want it left at 100", got)
	}
	restore()
}
