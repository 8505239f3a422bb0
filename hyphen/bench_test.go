package hyphen

import (
	"strings"
	"testing"
)

// BenchmarkHyphenateCompounds finds the breaks of the test's Finnish and
// Swedish compounds, against a floor of lowercasing the same words (the
// one pass over their letters any hyphenation makes).
func BenchmarkHyphenateCompounds(b *testing.B) {
	words := make([]string, len(compounds))
	for i, c := range compounds {
		words[i] = strings.ReplaceAll(c.word, "-", "")
	}
	var floor, found float64
	b.Run("floor-lowercase", func(b *testing.B) {
		for b.Loop() {
			for _, w := range words {
				_ = strings.ToLower(w)
			}
		}
		floor = float64(b.Elapsed().Nanoseconds()) / float64(b.N)
	})
	b.Run("breaks", func(b *testing.B) {
		fi, sv := For("fi"), For("sv")
		for b.Loop() {
			for i, w := range words {
				if compounds[i].lang == "fi" {
					fi.Breaks(w)
				} else {
					sv.Breaks(w)
				}
			}
		}
		found = float64(b.Elapsed().Nanoseconds()) / float64(b.N)
		b.ReportMetric(found/float64(len(words)), "ns/word")
	})
	if floor > 0 && found > 0 {
		b.ReportMetric(found/floor, "ratio")
		b.Logf("%d words: breaks %.0f ns, floor %.0f ns, ratio %.1f", len(words), found, floor, found/floor)
	}
}
