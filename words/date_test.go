package words_test

import (
	"testing"
	"time"

	"deckhand/words"
)

// One way of writing a day per language, the same on the cover, in the
// footers and on the chart.
func TestADateIsWrittenAsItsLanguageWritesIt(t *testing.T) {
	day := time.Date(2026, time.March, 12, 15, 4, 0, 0, time.UTC)
	for lang, want := range map[string]string{"fi": "12.3.2026", "sv": "2026-03-12", "en": "12 March 2026", "de": "12 March 2026"} {
		if got := words.In(lang).Date(day); got != want {
			t.Errorf("%s: Date = %q, want %q", lang, got, want)
		}
	}
	if got := words.In("fi").DateOf("2026-12-02"); got != "2.12.2026" {
		t.Errorf("fi: DateOf(2026-12-02) = %q", got)
	}
	if got := words.In("fi").DateOf("next spring"); got != "next spring" {
		t.Errorf("a date that is not a day is changed to %q", got)
	}
}
