package storage

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"deckhand/cards"
	"deckhand/game"
)

// bpDeck reads the shipped default deck.
func bpDeck(t *testing.T) *cards.Deck {
	t.Helper()
	d, err := cards.DefaultDeck()
	if err != nil {
		t.Fatalf("read the default deck: %v", err)
	}
	return d
}

// bpSeeded opens a new store in a temporary folder with the default deck
// and returns it with the deck as stored.
func bpSeeded(t *testing.T, name string) (*Store, *cards.Deck) {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), name))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	ctx := context.Background()
	if seeded, err := s.SeedDefaultDeck(ctx, bpDeck(t)); err != nil || !seeded {
		t.Fatalf("SeedDefaultDeck = %v, %v", seeded, err)
	}
	d, err := s.FindDeck(ctx, bpDeck(t).Name)
	if err != nil {
		t.Fatalf("FindDeck: %v", err)
	}
	return s, d
}

func bpInt(t *testing.T, s *Store, query string) int {
	t.Helper()
	var n int
	if err := s.db.QueryRowContext(context.Background(), query).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// bpRows counts the rows of every table, tombstones included.
func bpRows(t *testing.T, s *Store) string {
	t.Helper()
	var b strings.Builder
	for _, table := range []string{"decks", "cards", "card_texts", "meta", "workshops", "teams", "participants", "plays", "ratings", "notes"} {
		fmt.Fprintf(&b, "%s=%d ", table, bpInt(t, s, "SELECT COUNT(*) FROM "+table))
	}
	return b.String()
}

// long is n characters of a four-byte rune, the most bytes a text within
// the character limits can take.
func long(n int) string { return strings.Repeat("𝔇", n) }

// A full disk, made with SQLite's max_page_count on the store's one
// connection: every kind of save fails with one sentence saying the disk is
// full and nothing was changed, everything saved before is still there,
// the file is sound, and saving works again once there is room.
func TestFullDiskRefusesSavesAndKeepsWhatWasSaved(t *testing.T) {
	ctx := context.Background()
	s, d := bpSeeded(t, "full.db")

	// A workshop file from another laptop, to import while the disk is full.
	other, od := bpSeeded(t, "other.db")
	w := &game.Workshop{Title: "From the other laptop", Client: "Acme Oy", Date: "2026-03-14", Language: "en",
		Purpose: "to learn", Retention: "2026-12-31", Deck: od.Clone()}
	if err := other.CreateWorkshop(ctx, w, []game.Team{{Name: "Tiger"}, {Name: "Lion"}}); err != nil {
		t.Fatalf("CreateWorkshop: %v", err)
	}
	file, err := other.ExportWorkshop(ctx, w.ID, true)
	if err != nil {
		t.Fatalf("ExportWorkshop: %v", err)
	}

	// The texts that must survive: one card's text, and the row counts.
	probe := d.Cards[0]
	lang := d.DefaultLang
	wantTitle, wantBody := probe.Title[lang], probe.Body[lang]
	rowsBefore := bpRows(t, s)

	// Leave no free page to reuse, then allow one page more than the file has.
	if _, err := s.db.ExecContext(ctx, "VACUUM"); err != nil {
		t.Fatalf("VACUUM: %v", err)
	}
	pages := bpInt(t, s, "PRAGMA page_count")
	limit := pages + 1
	if got := bpInt(t, s, fmt.Sprintf("PRAGMA max_page_count = %d", limit)); got != limit {
		t.Fatalf("max_page_count = %d, want %d", got, limit)
	}

	big := bpDeck(t)
	big.Name = "Big deck"
	for i := range big.Cards {
		for _, l := range big.Languages {
			big.Cards[i].Title[l] = long(cards.MaxTitleLen)
			big.Cards[i].Body[l] = long(cards.MaxBodyLen)
		}
	}
	huge := probe.Clone()
	for _, l := range d.Languages {
		huge.Title[l] = long(cards.MaxTitleLen)
		huge.Body[l] = long(cards.MaxBodyLen)
	}
	newCard := huge.Clone()
	newCard.ID, newCard.Code = "", "Z99"

	saves := []struct {
		name string
		save func() error
	}{
		{"CreateDeck with long cards", func() error { return s.CreateDeck(ctx, big) }},
		{"SaveCard with a huge text", func() error { return s.SaveCard(ctx, d.ID, &huge) }},
		{"SaveCard of a new card", func() error { return s.SaveCard(ctx, d.ID, &newCard) }},
		{"ImportWorkshop", func() error { _, err := s.ImportWorkshop(ctx, file); return err }},
	}
	for _, sv := range saves {
		err := sv.save()
		if err == nil {
			t.Errorf("%s succeeded on a full disk", sv.name)
			continue
		}
		msg := err.Error()
		if !strings.Contains(msg, "disk is full") || !strings.Contains(msg, "nothing was changed") {
			t.Errorf("%s: message %q does not say the disk is full and nothing was changed", sv.name, msg)
		}
		t.Logf("%s: %s", sv.name, msg)
		// The limit must still be in force, or the next save proves nothing.
		if got := bpInt(t, s, "PRAGMA max_page_count"); got != limit {
			t.Fatalf("after %s max_page_count = %d, want %d (the connection was replaced)", sv.name, got, limit)
		}
	}

	// Room again.
	if _, err := s.db.ExecContext(ctx, "PRAGMA max_page_count = 1073741823"); err != nil {
		t.Fatal(err)
	}
	if after := bpRows(t, s); after != rowsBefore {
		t.Errorf("rows changed on a full disk:\nbefore %s\nafter  %s", rowsBefore, after)
	}
	var ok string
	if err := s.db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&ok); err != nil || ok != "ok" {
		t.Errorf("integrity_check = %q, %v; want ok", ok, err)
	}
	got, err := s.Deck(ctx, d.ID)
	if err != nil {
		t.Fatalf("Deck after the full disk: %v", err)
	}
	if len(got.Cards) != len(d.Cards) {
		t.Errorf("the deck has %d cards, want %d", len(got.Cards), len(d.Cards))
	}
	if i := got.CardByCode(probe.Code); i < 0 {
		t.Errorf("card %s is gone", probe.Code)
	} else if c := got.Cards[i]; c.Title[lang] != wantTitle || c.Body[lang] != wantBody {
		t.Errorf("card %s now reads %q / %q; want the saved %q / %q", probe.Code, c.Title[lang], c.Body[lang], wantTitle, wantBody)
	}
	if ds, err := s.Decks(ctx); err != nil || len(ds) != 1 {
		t.Errorf("Decks = %v, %v; want only the seeded deck", ds, err)
	}

	// Saving works again, the same saves that were refused.
	for _, sv := range saves {
		if err := sv.save(); err != nil {
			t.Errorf("%s with room again: %v", sv.name, err)
		}
	}
	if ds, err := s.Decks(ctx); err != nil || len(ds) != 2 {
		t.Errorf("after saving again Decks = %v, %v; want 2", ds, err)
	}
	if n := bpInt(t, s, "SELECT COUNT(*) FROM workshops"); n != 1 {
		t.Errorf("workshops after the import = %d, want 1", n)
	}
}
