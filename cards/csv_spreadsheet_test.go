package cards_test

import (
	"strings"
	"testing"

	"deckhand/cards"
)

// Spreadsheets leave traces a person never sees: blank lines above the
// header, empty header cells for cleared columns. They must not stop an
// import, and data in a column without a name must not vanish silently.
func TestReadCSVToleratesSpreadsheetLeftovers(t *testing.T) {
	template := defaultDeck(t).Template()
	t.Run("blank lines before a semicolon header", func(t *testing.T) {
		d, err := cards.ReadCSV(strings.NewReader("\r\n\r\ncode;type;title_sv\r\nR01;routine;Hej, du\r\n"), template)
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Cards) != 1 || d.Cards[0].Title["sv"] != "Hej, du" {
			t.Errorf("cards = %+v", d.Cards)
		}
	})
	t.Run("empty header cells for cleared columns", func(t *testing.T) {
		d, err := cards.ReadCSV(strings.NewReader("code;type;title_sv;;\nR01;routine;Hej;;\n"), template)
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Cards) != 1 || d.Cards[0].Code != "R01" {
			t.Errorf("cards = %+v", d.Cards)
		}
	})
	t.Run("data under an empty header cell", func(t *testing.T) {
		_, err := cards.ReadCSV(strings.NewReader("code;type;;title_sv\nR01;routine;lost?;Hej\n"), template)
		ps := problemsOf(t, err)
		if ps[0].Line != 2 || ps[0].Column != 3 || !strings.Contains(ps[0].Msg, "no name in the header") {
			t.Errorf("problem = %v", ps[0])
		}
	})
}
