package storage_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"deckhand/cards"
	"deckhand/game"
)

// Decomposed letters ("a" + U+0308) as macOS and PDFs paste them are
// stored as the composed letter, whatever path the text comes in by.

func TestImportedCSVAndJSONAreStoredComposed(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, d := openTestStore(t)
	csv := "code,type,title_sv,title_fi,title_en\nR01,routine,Sa\u0308kra data,Tieto,Data\n"
	fromCSV, err := cards.ReadCSV(strings.NewReader(csv), d)
	if err != nil {
		t.Fatalf("ReadCSV: %v", err)
	}
	fromCSV.Name = "Fra\u030an CSV"
	if err := s.CreateDeck(ctx, fromCSV); err != nil {
		t.Fatalf("CreateDeck: %v", err)
	}
	file := defaultDeck(t)
	file.Name = "Fra\u030an JSON"
	file.Cards[0].Body["sv"] = "Fo\u0308re allt"
	var b bytes.Buffer
	if err := cards.WriteJSON(&b, file); err != nil {
		t.Fatal(err)
	}
	fromJSON, err := cards.ReadJSON(&b)
	if err != nil {
		t.Fatalf("ReadJSON: %v", err)
	}
	if err := s.CreateDeck(ctx, fromJSON); err != nil {
		t.Fatalf("CreateDeck: %v", err)
	}
	db := rawDB(t, s.Path())
	for _, tt := range []struct{ query, id, want string }{
		{"SELECT name FROM decks WHERE id = ?", fromCSV.ID, "Från CSV"},
		{"SELECT t.title FROM card_texts t JOIN cards c ON c.id = t.card_id WHERE c.deck_id = ? AND t.lang = 'sv'", fromCSV.ID, "Säkra data"},
		{"SELECT name FROM decks WHERE id = ?", fromJSON.ID, "Från JSON"},
		{"SELECT t.body FROM card_texts t JOIN cards c ON c.id = t.card_id WHERE c.deck_id = ? AND t.lang = 'sv' AND c.position = (SELECT MIN(position) FROM cards WHERE deck_id = ?1)", fromJSON.ID, "Före allt"},
	} {
		var got string
		if err := db.QueryRow(tt.query, tt.id).Scan(&got); err != nil {
			t.Fatalf("%s: %v", tt.query, err)
		}
		if got != tt.want {
			t.Errorf("stored %+q, want %+q", got, tt.want)
		}
	}
}

func TestSavedCardIsStoredComposed(t *testing.T) {
	t.Parallel()
	s, d := openTestStore(t)
	c := cardByCode(t, d, "R01")
	c.Title["sv"] = "Ra\u0308tt fra\u030an bo\u0308rjan"
	c.Body["fi"] = "Ka\u0308ytta\u0308ja\u0308"
	if err := s.SaveCard(context.Background(), d.ID, &c); err != nil {
		t.Fatalf("SaveCard: %v", err)
	}
	var title, body string
	db := rawDB(t, s.Path())
	if err := db.QueryRow(`SELECT title FROM card_texts WHERE card_id = ? AND lang = 'sv'`, c.ID).Scan(&title); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRow(`SELECT body FROM card_texts WHERE card_id = ? AND lang = 'fi'`, c.ID).Scan(&body); err != nil {
		t.Fatal(err)
	}
	if title != "Rätt från början" || body != "Käyttäjä" {
		t.Errorf("stored title %+q, body %+q; want them composed", title, body)
	}
}

func TestSavedWorkshopTextIsStoredComposed(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, d := openTestStore(t)
	w, teams := newWorkshop(t, s, d, "Wo\u0308rkshop i Ma\u0308rsta")
	teams[0].Name = "Bord fo\u0308rst"
	mustSave(t, s.SaveTeam(ctx, w.ID, &teams[0]))
	n := &game.Note{TeamID: teams[0].ID, Kind: game.NoteIdea, Text: "La\u0308gg till fa\u0308ltet"}
	mustSave(t, s.SaveNote(ctx, w.ID, n))
	db := rawDB(t, s.Path())
	for _, tt := range []struct{ query, id, want string }{
		{"SELECT title FROM workshops WHERE id = ?", w.ID, "Wörkshop i Märsta"},
		{"SELECT name FROM teams WHERE id = ?", teams[0].ID, "Bord först"},
		{"SELECT text FROM notes WHERE id = ?", n.ID, "Lägg till fältet"},
	} {
		var got string
		if err := db.QueryRow(tt.query, tt.id).Scan(&got); err != nil {
			t.Fatalf("%s: %v", tt.query, err)
		}
		if got != tt.want {
			t.Errorf("stored %+q, want %+q", got, tt.want)
		}
	}
}

func TestClonedDeckNameIsStoredComposed(t *testing.T) {
	t.Parallel()
	s, d := openTestStore(t)
	clone, err := s.CloneDeck(context.Background(), d.ID, "Kund i A\u030abo", "Bra\u0308nneriet")
	if err != nil {
		t.Fatalf("CloneDeck: %v", err)
	}
	var name, client string
	if err := rawDB(t, s.Path()).QueryRow(`SELECT name, client FROM decks WHERE id = ?`, clone.ID).Scan(&name, &client); err != nil {
		t.Fatal(err)
	}
	if name != "Kund i Åbo" || client != "Bränneriet" {
		t.Errorf("stored name %+q, client %+q; want them composed", name, client)
	}
}
