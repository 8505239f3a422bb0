package print

import (
	"testing"

	"deckhand/pdf"
	"deckhand/ui/internal/uitest"
)

// The preflight summary says "1 warning", not "1 warnings", in every
// language: a count in the form the number takes.
func TestIssueSummaryCountsInTheNumbersForm(t *testing.T) {
	one := []pdf.Issue{{Severity: pdf.Error}, {Severity: pdf.Warning}}
	three := []pdf.Issue{{Severity: pdf.Warning}, {Severity: pdf.Warning}, {Severity: pdf.Warning}}
	for _, c := range []struct {
		lang   string
		issues []pdf.Issue
		want   string
	}{
		{"en", one, "1 error and 1 warning. Choose one to fix the card, or print anyway."},
		{"en", three, "0 errors and 3 warnings. Choose one to fix the card, or print anyway."},
		{"fi", one, "1 virhe ja 1 varoitus. Valitse yksi korjataksesi kortin tai tulosta silti."},
		{"fi", three, "0 virhettä ja 3 varoitusta. Valitse yksi korjataksesi kortin tai tulosta silti."},
		{"sv", one, "1 fel och 1 varning. Välj ett för att rätta kortet, eller skriv ut ändå."},
	} {
		uitest.UseLanguage(t, c.lang)
		if got := issueSummary(c.issues); got != c.want {
			t.Errorf("in %s: %q, want %q", c.lang, got, c.want)
		}
	}
}
