package model

import "testing"

// peelingKeys are the keys of pairs (c1 c0) (c2 c1) (c3 c2) … (cl c{l-1}):
// c0 and cl are found once, the others twice. Two such sides align, past
// the exact alignment's bound, around c0 and cl; the stretch between them
// is the same sequence less its first and last pairs, where c1 and
// c{l-1} are now found once: each level of the patience alignment finds
// two anchors and peels four keys off, l/2 levels of ~2l keys each.
func peelingKeys(pairs int) []string {
	out := make([]string, 0, 2*pairs)
	for t := 1; t <= pairs; t++ {
		out = append(out, "task-"+itoa(t), "task-"+itoa(t-1))
	}
	return out
}

// repeatedKeys are n times one key and twice another, the other first in
// b: no key is found once, and greedy pairs the two, then reads past the
// n keys of a for each key of b (before it remembered where it stood).
func repeatedKeys(n int) (a, b []string) {
	for range n {
		a = append(a, "k")
	}
	b = append([]string{"z", "z"}, a...)
	a = append(a, "z", "z")
	return a, b
}

// checkAlignment fails unless ms aligns a and b: every position of each
// side once and in order, the pairs on equal keys. It returns the pairs.
func checkAlignment(t testing.TB, a, b []string, ms []match) int {
	t.Helper()
	ni, nj, pairs := 0, 0, 0
	for _, m := range ms {
		if m.i >= 0 {
			if m.i != ni {
				t.Fatalf("old position %d where %d was due", m.i, ni)
			}
			ni++
		}
		if m.j >= 0 {
			if m.j != nj {
				t.Fatalf("new position %d where %d was due", m.j, nj)
			}
			nj++
		}
		if m.i >= 0 && m.j >= 0 {
			if a[m.i] != b[m.j] {
				t.Fatalf("%q paired with %q", a[m.i], b[m.j])
			}
			pairs++
		}
	}
	if ni != len(a) || nj != len(b) {
		t.Fatalf("%d of %d old and %d of %d new positions aligned", ni, len(a), nj, len(b))
	}
	return pairs
}

// TestMatchKeysWork: aligning inputs that the patience alignment peels
// two anchors at a time, or that greedy reads again and again, takes
// about n log n steps: four times the keys take less than six times the
// steps (14 and 16 times before the searches for anchors had a budget
// and greedy remembered where it stood; 4.6 and 4 times since).
func TestMatchKeysWork(t *testing.T) {
	for _, c := range []struct {
		name  string
		gen   func(n int) (a, b []string)
		pairs func(n int) int
	}{
		{"peeling", func(n int) (a, b []string) {
			a = peelingKeys(n / 2)
			b = append(append([]string{"added-first"}, a...), "added-last")
			return a, b
		}, func(n int) int { return n }},
		{"repeated", repeatedKeys, func(int) int { return 2 }}, // greedy pairs the "z"s first
	} {
		var work [2]int
		for k, n := range []int{5000, 20000} {
			a, b := c.gen(n)
			al := newAligner(len(a), len(b))
			ms := al.match(a, b)
			if pairs := checkAlignment(t, a, b, ms); pairs != c.pairs(n) {
				t.Errorf("%s, n=%d: %d keys paired, want %d", c.name, n, pairs, c.pairs(n))
			}
			work[k] = al.work
		}
		t.Logf("%s: %d steps for n=5000, %d for n=20000", c.name, work[0], work[1])
		if work[1] > 6*work[0] {
			t.Errorf("%s: %d steps for n=5000, %d for n=20000 (%.1f times)", c.name, work[0], work[1], float64(work[1])/float64(work[0]))
		}
	}
}

// peelingDocs are two versions of a table of 20,000 rows whose activities
// are peelingKeys, the new one with a row added first and one last.
func peelingDocs() (old, new *Document) {
	keys := peelingKeys(10000)
	rows := func(extra bool) *Document {
		b := [][]string{{"Activity", "Customer", "Provider"}}
		if extra {
			b = append(b, []string{"Added first", "RA", "I"})
		}
		for _, k := range keys {
			b = append(b, []string{"Task " + k[len("task-"):], "RA", "I"})
		}
		if extra {
			b = append(b, []string{"Added last", "RA", "I"})
		}
		return Build(doc("peel.md", tbl(1, b...)), WithLint(false))
	}
	return rows(false), rows(true)
}

// TestDiffPeeling: on the tables that peel, every row of each version is
// in the alignment once, in order, paired with a row of the same
// activity or added or removed; all the old rows are kept, and the diff
// tells the two rows added.
func TestDiffPeeling(t *testing.T) {
	old, new := peelingDocs()
	or, nr := old.Matrices[0].Rows, new.Matrices[0].Rows
	eq(t, 20000, len(or))
	index := func(rows []Row) map[*Row]int {
		m := make(map[*Row]int, len(rows))
		for i := range rows {
			m[&rows[i]] = i
		}
		return m
	}
	oi, ni := index(or), index(nr)
	nextOld, nextNew, pairs := 0, 0, 0
	for _, p := range alignRows(or, nr) {
		if p.old == nil && p.new == nil {
			t.Fatal("an empty pair")
		}
		if p.old != nil {
			i, ok := oi[p.old]
			must(t, ok && i == nextOld, "old row out of place", i, nextOld)
			nextOld++
		}
		if p.new != nil {
			j, ok := ni[p.new]
			must(t, ok && j == nextNew, "new row out of place", j, nextNew)
			nextNew++
		}
		if p.old != nil && p.new != nil {
			must(t, rowKey(p.old) == rowKey(p.new), "rows of other activities paired", p.old.Activity, p.new.Activity)
			pairs++
		}
	}
	eq(t, len(or), nextOld, "old rows aligned")
	eq(t, len(nr), nextNew, "new rows aligned")
	eq(t, len(or), pairs, "old rows kept")
	eq(t, []string{"row-added  responsibilities-added-first", "row-added  responsibilities-added-last"}, kinds(Diff(old, new)))
}

// BenchmarkDiffPeeling diffs the tables of 20,000 rows that peel.
func BenchmarkDiffPeeling(b *testing.B) {
	old, new := peelingDocs()
	for b.Loop() {
		Diff(old, new)
	}
}

// BenchmarkMatchKeysRepeated aligns keys that greedy would read again and
// again.
func BenchmarkMatchKeysRepeated(b *testing.B) {
	a, bb := repeatedKeys(20000)
	for b.Loop() {
		matchKeys(a, bb)
	}
}
