package storage_test

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"reflect"
	"strings"
	"testing"
	"time"

	"deckhand/cards"
	"deckhand/storage/storagetest"
)

// logoPNG is a w × h picture with a little in it, as a logo has.
func logoPNG(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.NRGBA{uint8(x), uint8(y), 200, uint8(128 + x%128)})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestAnImportedDeckJSONWithALogoExportsByteForByte imports a deck file
// with a client's look and a type icon as a new deck, as the Decks screen
// and deckhand import do, and exports it again: the same bytes.
func TestAnImportedDeckJSONWithALogoExportsByteForByte(t *testing.T) {
	s, _ := openTestStore(t)
	ctx := context.Background()
	d := defaultDeck(t)
	d.Name = "Asiakas Oy"
	d.Look = &cards.Look{Logo: logoPNG(t, 320, 160), LogoPlace: cards.LogoBottom, BackColour: "#0a2540", BackText: cards.Text{"sv": "Kund Ab", "fi": "Asiakas Oy"}}
	d.CardTypes[1].Icon = logoPNG(t, 48, 48)
	var file bytes.Buffer
	if err := cards.WriteJSON(&file, d); err != nil {
		t.Fatal(err)
	}
	read, err := cards.ReadJSON(bytes.NewReader(file.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.CreateDeck(ctx, read); err != nil {
		t.Fatal(err)
	}
	stored := mustDeck(t, s, read.ID)
	var export bytes.Buffer
	if err := cards.WriteJSON(&export, stored); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(file.Bytes(), export.Bytes()) {
		t.Errorf("the exported deck differs from the imported file (%d bytes, %d bytes)", export.Len(), file.Len())
	}

	// A CSV of the cards updates them and leaves the look and icon.
	var csvFile bytes.Buffer
	edited := stored.Clone()
	edited.Cards[0].Title["sv"] = "Samla in det som tjänsten behöver"
	if err := cards.WriteCSV(&csvFile, edited); err != nil {
		t.Fatal(err)
	}
	fromCSV, err := cards.ReadCSV(&csvFile, stored.Template())
	if err != nil {
		t.Fatal(err)
	}
	sum, err := s.UpdateInto(ctx, stored.ID, fromCSV)
	if err != nil || sum.Updated != 1 {
		t.Fatalf("the CSV update: %+v, %v", sum, err)
	}
	after := mustDeck(t, s, stored.ID)
	if !reflect.DeepEqual(after.Look, stored.Look) || !bytes.Equal(after.CardTypes[1].Icon, stored.CardTypes[1].Icon) {
		t.Error("updating the cards from a CSV file changed the deck's look or icon")
	}
	if after.Cards[0].Title["sv"] != "Samla in det som tjänsten behöver" {
		t.Error("the CSV did not update the card")
	}

	// A deck file without a look updates the cards and keeps the look.
	plain := after.Clone()
	plain.Look = nil
	if _, err := s.UpdateInto(ctx, stored.ID, plain); err != nil {
		t.Fatal(err)
	}
	if got := mustDeck(t, s, stored.ID); !reflect.DeepEqual(got.Look, stored.Look) {
		t.Error("a deck file without a look took the stored one away")
	}
}

// TestABadLogoChangesNothing saves a deck whose logo is not a picture, or
// is in CMYK, or too large: refused with the sentence, the stored deck as
// it was, byte for byte in its export.
func TestABadLogoChangesNothing(t *testing.T) {
	s, d := openTestStore(t)
	ctx := context.Background()
	good := d.Clone()
	good.Look = &cards.Look{Logo: logoPNG(t, 100, 50)}
	if err := s.UpdateDeck(ctx, good); err != nil {
		t.Fatal(err)
	}
	var before bytes.Buffer
	if err := cards.WriteJSON(&before, mustDeck(t, s, d.ID)); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []struct {
		logo []byte
		says string
	}{
		{[]byte("not a picture at all"), "the logo is not a PNG or JPEG picture"},
		{append(logoPNG(t, 10, 10), make([]byte, cards.MaxImageBytes)...), "more than the 8 MB a deck takes"},
	} {
		next := good.Clone()
		next.Look.Logo = bad.logo
		err := s.UpdateDeck(ctx, next)
		if err == nil || !strings.Contains(err.Error(), bad.says) {
			t.Errorf("saving a bad logo: %v, want %q", err, bad.says)
		}
		var after bytes.Buffer
		if err := cards.WriteJSON(&after, mustDeck(t, s, d.ID)); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(before.Bytes(), after.Bytes()) {
			t.Error("a refused logo changed the stored deck")
		}
	}
}

// TestTheLookTravelsWithASharedDeck sets a look on one laptop and merges
// its shared file into another: the second prints the same logo and
// backs, and a later change of colour there comes back to the first.
func TestTheLookTravelsWithASharedDeck(t *testing.T) {
	ls := sharedLaptops(t, storagetest.Seeded, storagetest.Seeded.Add(time.Minute))
	a, b := ls[0], ls[1]
	ctx := context.Background()
	d := mustDeck(t, a.s, a.deck)
	d.Look = &cards.Look{Logo: logoPNG(t, 120, 60), BackColour: "#224466"}
	if err := a.s.UpdateDeck(ctx, d); err != nil {
		t.Fatal(err)
	}
	mustMerge(t, a, b)
	if got := mustDeck(t, b.s, b.deck).Look; got == nil || !bytes.Equal(got.Logo, d.Look.Logo) || got.BackColour != "#224466" {
		t.Fatalf("the other laptop holds the look %+v", got)
	}
	e := mustDeck(t, b.s, b.deck)
	e.Look.BackColour = "#663322"
	if err := b.s.UpdateDeck(ctx, e); err != nil {
		t.Fatal(err)
	}
	mustMerge(t, b, a)
	if deckJSON(t, a) != deckJSON(t, b) || mustDeck(t, a.s, a.deck).Look.BackColour != "#663322" {
		t.Error("the look changed on the second laptop did not come back to the first")
	}
}
