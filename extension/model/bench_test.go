package model

import "testing"

func BenchmarkBuild(b *testing.B) {
	srcs := allSeedDocs()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		for _, s := range srcs {
			Build(s)
		}
	}
}
