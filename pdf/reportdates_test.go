package pdf

import (
	"strings"
	"testing"

	"deckhand/game"
	"deckhand/words"
)

// Every date the report shows is written one way, its language's: the
// workshop's day on the cover and in every page's footer, the day the data
// is kept until, the day the report was compiled.
func TestReportWritesEveryDateTheLanguagesWay(t *testing.T) {
	posterNeedPoppler(t)
	f := reportExample(t)
	res := game.Results(f)
	for lang, want := range map[string]struct{ day, kept, other string }{
		"fi": {"12.3.2026", "31.12.2026 asti", "2026-03-12"},
		"sv": {"2026-03-12", "2026-12-31;", "12.3.2026"},
		"en": {"12 March 2026", "31 December 2026;", "2026-03-12"},
	} {
		path, pages := printReport(t, "report-dates-"+lang+".pdf", f, res, ReportOptions{Lang: lang})
		cover := posterText(t, path, 1)
		compiled := words.In(lang).Date(posterFixed.Local())
		posterContains(t, lang+" cover", cover, want.day, want.kept, compiled)
		for page := 1; page <= pages; page++ {
			text := posterText(t, path, page)
			if !strings.Contains(text, "· "+want.day) {
				t.Errorf("%s: page %d's footer lacks the date %q", lang, page, want.day)
			}
			if strings.Contains(text, want.other) {
				t.Errorf("%s: page %d writes a date as %q", lang, page, want.other)
			}
		}
	}
}
