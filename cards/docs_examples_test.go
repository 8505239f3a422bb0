package cards_test

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"

	"deckhand/assets"
	"deckhand/cards"
)

// The examples in docs/file-formats.md are what people copy: they must read
// as the page says they do.
func TestFileFormatDocExamplesRead(t *testing.T) {
	doc, err := os.ReadFile("../docs/file-formats.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := map[string]string{}
	for _, m := range regexp.MustCompile("(?s)```(csv|json|json shared)\n(.*?)```").FindAllStringSubmatch(string(doc), -1) {
		blocks[m[1]] = m[2]
	}
	template, err := cards.ReadJSON(bytes.NewReader(defaultDeckJSON(t)))
	if err != nil {
		t.Fatal(err)
	}
	d, err := cards.ReadCSV(strings.NewReader(blocks["csv"]), template.Template())
	if err != nil {
		t.Fatalf("the CSV example does not read: %v", err)
	}
	if len(d.Cards) != 3 || strings.Join(d.Languages, ",") != "sv,fi" {
		t.Fatalf("CSV example: %d cards in %v, want 3 in sv,fi", len(d.Cards), d.Languages)
	}
	if got := d.Cards[1]; got.Copies != 2 || got.Body["fi"] != "Pieni asiakasryhmä arvioi ideoita\nja käyttötapauksia." {
		t.Errorf("I01 = copies %d, body %q", got.Copies, got.Body["fi"])
	}
	if d.Cards[2].Copies != 4 || d.Cards[2].Title["fi"] != "Oma rutiini" {
		t.Errorf("B01 = %+v", d.Cards[2])
	}

	j, err := cards.ReadJSON(strings.NewReader(blocks["json"]))
	if err != nil {
		t.Fatalf("the JSON example does not read: %v", err)
	}
	if j.Name != "Mini deck" || len(j.Cards) != 2 || j.Cards[1].Copies != 1 || j.Cards[0].Title["en"] != "Collect only what is needed" {
		t.Errorf("JSON example read as %+v", j)
	}

	f, err := cards.ReadShared([]byte(blocks["json shared"]))
	if err != nil {
		t.Fatalf("the shared deck example does not read: %v", err)
	}
	live := f.Live()
	if len(f.Cards) != 2 || len(live.Cards) != 1 || live.Cards[0].Code != "R01" || !f.Cards[1].Deleted ||
		f.Cards[0].Context["laptop-anna"] != f.Deck.Updated.UnixNano() {
		t.Errorf("shared deck example read as %+v", f)
	}
}

func defaultDeckJSON(t *testing.T) []byte {
	t.Helper()
	return assets.DefaultDeckJSON
}
