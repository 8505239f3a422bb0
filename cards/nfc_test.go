package cards_test

import (
	"strings"
	"testing"

	"deckhand/cards"
)

// "a" + U+0308 COMBINING DIAERESIS and "o" + U+0308, as macOS and PDFs
// paste "ä" and "ö".
const (
	decomposedTitle = "Sa\u0308kerhetsgranskning fo\u0308re lansering"
	composedTitle   = "Säkerhetsgranskning före lansering"
)

func TestReadCSVStoresDecomposedLettersComposed(t *testing.T) {
	csv := "code,type,tags,title_sv,body_sv\nR01,routine,sa\u0308ker,\"" + decomposedTitle + "\",Ga\u0308ller alla\n"
	d, err := cards.ReadCSV(strings.NewReader(csv), defaultDeck(t))
	if err != nil {
		t.Fatalf("ReadCSV: %v", err)
	}
	c := d.Cards[0]
	if c.Title["sv"] != composedTitle || c.Body["sv"] != "Gäller alla" || c.Tags[0] != "säker" {
		t.Errorf("read title %+q, body %+q, tag %+q; want them composed", c.Title["sv"], c.Body["sv"], c.Tags[0])
	}
}

func TestReadJSONStoresDecomposedLettersComposed(t *testing.T) {
	deck := defaultDeck(t)
	deck.Name = "Ka\u0308llan"
	deck.Cards[0].Title["sv"] = decomposedTitle
	deck.Criteria[0].Name["sv"] = "O\u0308nskva\u0308rdhet"
	var b strings.Builder
	if err := cards.WriteJSON(&b, deck); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "\u0308") {
		t.Fatal("the file written for the test holds no combining diaeresis")
	}
	d, err := cards.ReadJSON(strings.NewReader(b.String()))
	if err != nil {
		t.Fatalf("ReadJSON: %v", err)
	}
	if d.Name != "Källan" || d.Cards[0].Title["sv"] != composedTitle || d.Criteria[0].Name["sv"] != "Önskvärdhet" {
		t.Errorf("read name %+q, title %+q, criterion %+q; want them composed", d.Name, d.Cards[0].Title["sv"], d.Criteria[0].Name["sv"])
	}
}

func TestNFC(t *testing.T) {
	if got := cards.NFC("a\u0308 o\u0308 a\u030a"); got != "ä ö å" {
		t.Errorf("NFC = %+q, want \"ä ö å\"", got)
	}
}
