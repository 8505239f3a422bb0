package decks

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"deckhand/cards"
	"deckhand/storage"
	"deckhand/ui/internal/uitest"
	"deckhand/ui/kit"
)

// chooseInDialog picks a choice of the radio group in the dialog on top.
func (f *fixture) chooseInDialog(choice string) {
	f.t.Helper()
	var group *kit.KeyedRadioGroup
	uitest.Walk(f.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if g, ok := o.(*kit.KeyedRadioGroup); ok {
			group = g
		}
	})
	if group == nil {
		f.t.Fatalf("the dialog has no choices; it says:\n%s", f.dialogText())
	}
	group.SetSelected(choice)
}

// Replacing a 62-card deck's cards with a 3-card file shows first what it
// would add, change and remove, and the backup it took, and removes
// nothing until asked; cancelling or updating without removing keeps the
// 59 cards.
func TestReplaceTheCardsShowsWhatGoesFirst(t *testing.T) {
	f := newFixture(t)
	s := f.screen
	deck := f.stored(s.DeckID())
	if len(deck.Cards) != 62 {
		t.Fatalf("the default deck has %d cards", len(deck.Cards))
	}
	file := deck.Clone()
	file.Cards = file.Cards[:3]
	file.Cards[1].Title["sv"] = "Ny titel från kunden"
	path := filepath.Join(t.TempDir(), "three cards.json")
	if err := exportDeckFile(file, path); err != nil {
		t.Fatal(err)
	}
	ui := uitest.NewUIQueue()
	s.toUI = ui.Do
	ask := func() {
		t.Helper()
		d, err := s.readDeckFile(path, s.template)
		s.askImport(path, d, err)
		f.chooseInDialog(`Replace the cards of "` + deck.Name + `"`)
		f.tapDialogButton("Import")
		ui.Next(t, "the preview")
	}

	ask()
	text := f.dialogText()
	for _, want := range []string{
		"0 cards added, 1 changed, 59 removed, 2 unchanged",
		"Changed: " + deck.Cards[1].Code,
		"Removed: " + strings.Join(codes(deck.Cards[3:13]), ", ") + " … 49 more",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the preview lacks %q:\n%s", want, text)
		}
	}
	backups, err := storage.Backups(storage.BackupDir(f.store.Path()))
	if err != nil || len(backups) == 0 {
		t.Fatalf("no backup was taken before the preview: %v", err)
	}
	if name := filepath.Base(backups[0].Path); !strings.Contains(text, name) {
		t.Errorf("the preview does not name the backup %s:\n%s", name, text)
	}
	if got := f.stored(deck.ID); !reflect.DeepEqual(got, deck) {
		t.Fatal("the deck changed before the person chose")
	}

	f.tapDialogButton("Cancel")
	if got := f.stored(deck.ID); !reflect.DeepEqual(got, deck) {
		t.Fatal("cancelling changed the deck")
	}

	ask()
	f.tapDialogButton("Update without removing")
	ui.Next(t, "the update")
	got := f.stored(deck.ID)
	if len(got.Cards) != 62 || got.Cards[1].Title["sv"] != "Ny titel från kunden" {
		t.Fatalf("after updating without removing: %d cards, the second titled %q", len(got.Cards), got.Cards[1].Title["sv"])
	}
	if !strings.Contains(f.dialogText(), "0 added, 1 updated, 0 removed, 61 unchanged") {
		t.Errorf("the update says:\n%s", f.dialogText())
	}
	f.tapDialogButton("OK")

	ask()
	f.tapDialogButton("Replace (removes 59)")
	ui.Next(t, "the replacement")
	if !strings.Contains(f.dialogText(), "Import done") {
		t.Errorf("after replacing the screen says:\n%s", f.dialogText())
	}
	if got := f.stored(deck.ID); len(got.Cards) != 3 {
		t.Errorf("after replacing the deck has %d cards, want 3", len(got.Cards))
	}
}

func codes(cs []cards.Card) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Code
	}
	return out
}

// The preview counts added cards in the form the number takes: the client
// deck's single new card is "1 card added", not "1 cards added".
func TestPreviewHeadlineCountsInTheNumbersForm(t *testing.T) {
	for _, c := range []struct {
		added []string
		want  string
	}{
		{[]string{"R63"}, `client.csv into "Pohjola": 1 card added, 1 changed, 0 removed, 61 unchanged.`},
		{[]string{"R63", "R64"}, `client.csv into "Pohjola": 2 cards added, 1 changed, 0 removed, 61 unchanged.`},
	} {
		d := cards.CardDiff{Added: c.added, Changed: []string{"R05"}, Unchanged: 61}
		if got := previewHeadline("client.csv", "Pohjola", d); got != c.want {
			t.Errorf("previewHeadline = %q; want %q", got, c.want)
		}
	}
}
