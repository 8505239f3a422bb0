package print

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"deckhand/ui/internal/uitest"
)

// In Finnish, a preflight issue on the Print screen is the Finnish
// sentence, with the code and the character left as they are.
func TestPreflightIssueIsShownInFinnish(t *testing.T) {
	uitest.UseLanguage(t, "fi")
	f, p := newPrintFixture(t)
	f.retitle("R05", "sv", "Dataportal 📊 för kunderna")
	p.Refresh(f.deckID)
	p.language.SetKey("sv")
	p.showIssues()
	want := `R05: Otsikko sisältää merkkejä, joita tulostusfontti ei pysty piirtämään ("📊"); ne tulostuisivat merkkinä "?"`
	var shown []string
	uitest.Walk(p.list, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Text != "" {
			shown = append(shown, l.Text)
		}
	})
	if !slices.Contains(shown, want) {
		t.Errorf("the Print screen's issues are\n%s\nwant among them %q", strings.Join(shown, "\n"), want)
	}
}
