package main

import (
	"strconv"
	"sync"
	"testing"
	"time"
)

// TestEachHoldsAFewDocuments checks the worker pool convert, model and lint
// run folders with: a document is read (work starts) only when fewer than
// 2×jobs earlier ones are still waiting to be written (done), so a folder
// of any size holds a few documents in memory at once; and they are
// written in input order.
func TestEachHoldsAFewDocuments(t *testing.T) {
	ins := make([]input, 300)
	for i := range ins {
		ins[i] = input{name: strconv.Itoa(i)}
	}
	for _, jobs := range []int{1, 2, 4} {
		var mu sync.Mutex
		held, most, next := 0, 0, 0
		each(ins, jobs, func(in input) int {
			mu.Lock()
			held++
			most = max(most, held)
			mu.Unlock()
			i, _ := strconv.Atoi(in.name)
			// uneven work: workers finish out of order
			time.Sleep(time.Duration(i%5) * 20 * time.Microsecond)
			return i
		}, func(in input, i int) {
			// writing is slower than reading: without a bound, read
			// documents would pile up
			time.Sleep(200 * time.Microsecond)
			mu.Lock()
			held--
			mu.Unlock()
			if i != next {
				t.Errorf("jobs=%d: document %d written at place %d", jobs, i, next)
			}
			next++
		})
		if next != len(ins) {
			t.Errorf("jobs=%d: %d of %d documents written", jobs, next, len(ins))
		}
		if most > 2*jobs {
			t.Errorf("jobs=%d: %d documents held at once, want at most %d", jobs, most, 2*jobs)
		}
		if jobs > 1 && most < 2 {
			t.Errorf("jobs=%d: never more than one document at once: the workers do not overlap", jobs)
		}
	}
}
