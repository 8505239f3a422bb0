package pdf

import "testing"

// Text is measured from advance tables read from fpdf once; every width
// must be the very number fpdf gives, or lines would break elsewhere than
// before and the preview would differ from the print.
func TestWidthsAreTheOnesFpdfMeasures(t *testing.T) {
	m, err := newMeasurer()
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{"", "Fot · upplaga 12", "Käy läpi jokainen lomake!", "€ ‰ – “” ½ ﬁ", "🚀 and ␀ the table lacks"}
	for r := range fontCoverage() {
		texts = append(texts, string(r))
	}
	for _, c := range testDeck(t).Cards {
		for _, s := range c.Body {
			texts = append(texts, s)
		}
	}
	for _, s := range texts {
		for _, bold := range []bool{false, true} {
			if got, want := m.width(s, bold), m.measure(s, bold); got != want {
				t.Errorf("width of %q (bold %v) = %v, fpdf measures %v", s, bold, got, want)
			}
		}
	}
}
