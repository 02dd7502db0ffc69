//go:build !unix

package extension_test

import "time"

// cpuTime falls back to wall time where getrusage is missing.
func cpuTime() time.Duration { return wallClock() }
