package cards_test

import (
	"bytes"
	"strings"
	"testing"

	"deckhand/assets"
	"deckhand/cards"
)

// FuzzReadJSON feeds the deck JSON reader anything: it must never panic,
// and a deck it accepts must write and read back the same.
func FuzzReadJSON(f *testing.F) {
	f.Add(assets.DefaultDeckJSON)
	var small bytes.Buffer
	d := defaultDeck(f)
	d.Cards = d.Cards[:2]
	if err := cards.WriteJSON(&small, d); err != nil {
		f.Fatal(err)
	}
	f.Add(small.Bytes())
	f.Add([]byte(`{"format": "deckhand.deck", "version": 1}`))
	f.Add([]byte(`{"format": "deckhand.deck", "version": 2, "name": "x"}`))
	f.Add([]byte(strings.Replace(small.String(), `"copies": 1`, `"copies": "one"`, 1)))
	f.Add([]byte(small.String()[:len(small.String())/2]))
	f.Add([]byte("\ufeff{}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := cards.ReadJSON(bytes.NewReader(data))
		if err != nil {
			return
		}
		var out bytes.Buffer
		if err := cards.WriteJSON(&out, d); err != nil {
			t.Fatalf("an accepted deck does not write: %v", err)
		}
		back, err := cards.ReadJSON(&out)
		if err != nil {
			t.Fatalf("a written deck does not read back: %v\n%s", err, out.String())
		}
		clearIDs(d)
		clearIDs(back)
		d.Parent = ""
		var a, b bytes.Buffer
		cards.WriteJSON(&a, d)
		cards.WriteJSON(&b, back)
		if a.String() != b.String() {
			t.Fatalf("round trip changed the deck")
		}
	})
}
