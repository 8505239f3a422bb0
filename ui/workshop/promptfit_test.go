package workshop

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"deckhand/ui/internal/uitest"
)

// At 1024×700, the smallest window the app is used in, what the keys do
// when nothing is asked fits the prompt's lines in each language of the
// interface at the prompt's narrowest there, so none of it is cut off; it
// names the deck's own number of areas for the move keys.
func TestTheIdlePromptFitsItsLinesAt1024(t *testing.T) {
	for _, code := range []string{"en", "sv", "fi"} {
		t.Run(code, func(t *testing.T) {
			uitest.UseLanguage(t, code)
			f, ws := newWorkshopFixture(t)
			f.Win.Resize(fyne.NewSize(1024, 700))
			ws.Code.Idle()
			f.Win.Content().Refresh()
			prompt := ws.Code.Prompt
			prompt.Resize(fyne.NewSize(promptWidth, prompt.MinSize().Height))
			if h, room := prompt.MinSize().Height, linesHeight(promptLines); h > room+0.5 {
				t.Errorf("the idle prompt needs %.0f px at %.0f px wide, more than the %.0f of two lines: %q", h, prompt.Size().Width, room, prompt.Text)
			}
			if n := len(ws.Deck().Board.Areas); !strings.Contains(prompt.Text, "Alt+1…4") || n != 4 {
				t.Errorf("the prompt %q does not name the deck's %d areas as Alt+1…4", prompt.Text, n)
			}
		})
	}
}
