package results

import (
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"deckhand/ui/internal/uitest"
)

// The means on the Results screen are written as the interface language
// writes decimals, as the report prints them: "3,5" in Finnish and
// Swedish, "3.5" in English.
func TestMeansAreWrittenWithTheLanguagesDecimalMark(t *testing.T) {
	for _, c := range []struct{ code, mark, other string }{{"fi", ",", "."}, {"sv", ",", "."}, {"en", ".", ","}} {
		t.Run(c.code, func(t *testing.T) {
			uitest.UseLanguage(t, c.code)
			_, r := newResultsFixture(t)
			var ranking []string
			for _, o := range r.ranking.Objects {
				ranking = append(ranking, o.(*widget.Label).Text)
			}
			text := strings.Join(ranking, "\n")
			want := regexp.MustCompile(`\d` + regexp.QuoteMeta(c.mark) + `\d \(\d–\d, n=\d+\)`)
			wrong := regexp.MustCompile(`\d` + regexp.QuoteMeta(c.other) + `\d \(\d–\d, n=\d+\)`)
			if !want.MatchString(text) || wrong.MatchString(text) {
				t.Errorf("the ranking in %s does not write its means with %q:\n%s", c.code, c.mark, text)
			}
			if got := r.matrix.Decimal(3.5); got != "3"+c.mark+"5" {
				t.Errorf("the matrix's key in %s writes 3.5 as %q", c.code, got)
			}
		})
	}
}
