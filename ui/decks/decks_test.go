package decks

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"deckhand/ui/internal/uitest"
	"deckhand/ui/kit"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestDecksScreenShowsTheDefaultDeck(t *testing.T) {
	f := newFixture(t)
	s := f.screen
	if s.deck == nil || s.deck.Name != "4K data routines" {
		t.Fatalf("deck shown = %v, want the default deck", s.deck)
	}
	if got, want := s.Cards.List.Length(), len(s.deck.Cards); got != want || want < 60 {
		t.Errorf("card list shows %d cards, want all %d", got, want)
	}
	if !strings.Contains(s.Cards.count.Text, "62 of 62") {
		t.Errorf("count label = %q", s.Cards.count.Text)
	}
}

func TestCardListFiltersAndSearches(t *testing.T) {
	f := newFixture(t)
	s := f.screen
	want := 0
	for _, c := range s.deck.Cards {
		if c.Area == "collection" && c.Level == "strategic" {
			want++
		}
	}
	s.Cards.area.SetKey("collection")
	s.Cards.level.SetKey("strategic")
	if got := s.Cards.List.Length(); got != want || want == 0 {
		t.Fatalf("collection+strategic shows %d cards, want %d", got, want)
	}
	for _, i := range s.Cards.shown {
		if c := s.deck.Cards[i]; c.Area != "collection" || c.Level != "strategic" {
			t.Errorf("card %s (%s, %s) passed the filter", c.Code, c.Area, c.Level)
		}
	}
	s.Cards.area.SetKey("")
	s.Cards.level.SetKey("")
	test.Type(s.Cards.Search, "r07")
	if s.Cards.List.Length() != 1 || s.deck.Cards[s.Cards.shown[0]].Code != "R07" {
		t.Errorf("search r07 shows %d cards", s.Cards.List.Length())
	}
	// The search looks in the chosen card language only.
	s.Cards.Search.SetText("")
	s.Cards.language.SetKey("fi")
	test.Type(s.Cards.Search, "Keruu")
	fiHits := s.Cards.List.Length()
	s.Cards.language.SetKey("en")
	if fiHits == 0 || s.Cards.List.Length() == fiHits {
		t.Errorf("search in fi found %d, in en %d; the language filter should change the result", fiHits, s.Cards.List.Length())
	}
}

func TestEditingACardSavesItInEveryLanguage(t *testing.T) {
	f := newFixture(t)
	s := f.screen
	f.selectCardByCode("R03")
	if s.Editor.Code.Text != "R03" {
		t.Fatalf("editor shows %q, want R03", s.Editor.Code.Text)
	}
	uitest.AppendText(s.Editor.Titles["fi"], " (muokattu)")
	s.Editor.bodies["en"].SetText(s.Editor.bodies["en"].Text + " Edited.")
	s.Editor.copies.SetText("3")
	if !f.saveCard() {
		t.Fatalf("save failed: %s", s.Editor.status.Text)
	}
	stored := f.stored(s.deck.ID)
	c := stored.Cards[stored.CardByCode("R03")]
	if !strings.HasSuffix(c.Title["fi"], " (muokattu)") || !strings.HasSuffix(c.Body["en"], " Edited.") || c.Copies != 3 {
		t.Errorf("stored card = fi %q, en body %q, copies %d", c.Title["fi"], c.Body["en"], c.Copies)
	}
	if !strings.Contains(s.Editor.status.Text, "Saved") {
		t.Errorf("status = %q, want it to say saved", s.Editor.status.Text)
	}
}

func TestAnEditThatCannotBeSavedIsKeptAndAskedAbout(t *testing.T) {
	f := newFixture(t)
	s := f.screen
	f.selectCardByCode("R03")
	before := f.stored(s.deck.ID).Cards[s.deck.CardByCode("R03")]
	s.Editor.Titles["sv"].SetText("")
	s.Editor.Code.SetText("R04") // taken by another card
	if f.saveCard() {
		t.Fatal("an edit with an empty title and a taken code was saved")
	}
	if !strings.Contains(s.Editor.status.Text, "Not saved yet") {
		t.Errorf("status = %q", s.Editor.status.Text)
	}
	// Choosing another card asks; keeping the edit leaves it in the form.
	f.selectCardByCode("R05")
	if !strings.Contains(f.dialogText(), "cannot be saved") {
		t.Fatalf("no question before discarding; dialog text %q", f.dialogText())
	}
	f.tapDialogButton("Keep editing")
	if s.Editor.Code.Text != "R04" || s.Editor.card.Code != "R03" {
		t.Errorf("after keep editing the form shows %q for card %s", s.Editor.Code.Text, s.Editor.card.Code)
	}
	// Enter in the question keeps the edit too: it is the main button, so
	// a person typing on who meets the box loses nothing.
	f.selectCardByCode("R05")
	if f.win.Canvas().Focused() != nil {
		t.Errorf("with the question up, %T behind it has the keys", f.win.Canvas().Focused())
	}
	kit.DialogKey(f.win.Canvas(), &fyne.KeyEvent{Name: fyne.KeyReturn}) // as the window's key handler does
	if f.win.Canvas().Overlays().Top() != nil || s.Editor.Code.Text != "R04" || s.Editor.card.Code != "R03" {
		t.Errorf("after Enter the form shows %q for card %s (a box still up: %v)", s.Editor.Code.Text, s.Editor.card.Code, f.win.Canvas().Overlays().Top() != nil)
	}
	// Discarding moves on and leaves the database as it was.
	f.selectCardByCode("R05")
	f.tapDialogButton("Discard")
	if s.Editor.Code.Text != "R05" {
		t.Errorf("after discard the editor shows %q, want R05", s.Editor.Code.Text)
	}
	after := f.stored(s.deck.ID).Cards[s.deck.CardByCode("R03")]
	if after.Title["sv"] != before.Title["sv"] || after.Code != "R03" {
		t.Errorf("discarded edit reached the database: %+v", after)
	}
}

func TestNewCardIsSavedOnceComplete(t *testing.T) {
	f := newFixture(t)
	s := f.screen
	s.NewCard()
	if !s.Editor.IsNew || s.Editor.Code.Text != "R41" {
		t.Fatalf("new card: isNew %v, code %q; want a new R41", s.Editor.IsNew, s.Editor.Code.Text)
	}
	test.Type(s.Editor.Titles["sv"], "Ny rutin")
	if f.saveCard() {
		t.Fatal("a card without Finnish and English titles was saved")
	}
	test.Type(s.Editor.Titles["fi"], "Uusi rutiini")
	test.Type(s.Editor.Titles["en"], "New routine")
	if !f.saveCard() {
		t.Fatalf("complete card not saved: %s", s.Editor.status.Text)
	}
	stored := f.stored(s.deck.ID)
	i := stored.CardByCode("R41")
	if i < 0 || stored.Cards[i].Title["fi"] != "Uusi rutiini" || stored.Cards[i].Type != "routine" {
		t.Fatalf("R41 not stored as typed: %+v", stored.Cards)
	}
	if s.Cards.List.Length() != len(stored.Cards) {
		t.Errorf("list shows %d cards, database has %d", s.Cards.List.Length(), len(stored.Cards))
	}
	// It lands in code order, in the list as in the deck: after R40.
	if at := s.deck.CardByCode("R41"); at < 1 || s.deck.Cards[at-1].Code != "R40" || s.Cards.shown[at] != at {
		t.Errorf("the list shows R41 at %d after %s; want right after R40", at, s.deck.Cards[max(at-1, 0)].Code)
	}
}

func TestDeleteCardAsksThenTombstones(t *testing.T) {
	f := newFixture(t)
	s := f.screen
	f.selectCardByCode("I01")
	s.deleteCard()
	f.tapDialogButton("Yes")
	stored := f.stored(s.deck.ID)
	if stored.CardByCode("I01") >= 0 {
		t.Error("I01 is still in the deck after delete")
	}
	if s.deck.CardByCode("I01") >= 0 || s.Cards.List.Length() != len(stored.Cards) {
		t.Error("the screen still shows I01")
	}
}

func TestNewCloneEditAndDeleteDecks(t *testing.T) {
	f := newFixture(t)
	s := f.screen
	base := s.deck.ID

	s.createDeck("  Workshop deck ", "Acme Oy", []string{"en", "sv"})
	if s.deck == nil || s.deck.Name != "Workshop deck" || strings.Join(s.deck.Languages, ",") != "sv,en" {
		t.Fatalf("new deck shown = %+v", s.deck)
	}
	if len(f.decks()) != 2 {
		t.Fatalf("decks in database = %d, want 2", len(f.decks()))
	}

	s.cloneDeckAs(base, "Acme variant", "Acme Oy", []string{"sv", "fi", "en"}, "sv")
	clone := f.stored(s.deck.ID)
	if clone.Parent != base || clone.Client != "Acme Oy" || len(clone.Cards) != len(f.stored(base).Cards) {
		t.Errorf("clone: parent %q client %q cards %d", clone.Parent, clone.Client, len(clone.Cards))
	}

	s.saveDeckDetails(deckDetails{name: "Acme variant 2", client: "Acme Ab", descLang: "sv", desc: "För Acme."})
	renamed := f.stored(clone.ID)
	if renamed.Name != "Acme variant 2" || renamed.Client != "Acme Ab" || renamed.Description["sv"] != "För Acme." {
		t.Errorf("details not saved: %q %q %q", renamed.Name, renamed.Client, renamed.Description["sv"])
	}

	s.deleteDeck()
	f.tapDialogButton("Yes")
	for _, d := range f.decks() {
		if d.ID == clone.ID {
			t.Fatal("deleted deck is still listed")
		}
	}
	if s.deck == nil || s.deck.ID == clone.ID {
		t.Error("the screen did not move to another deck after delete")
	}
}

func TestImportCSVAsNewDeckAndInto(t *testing.T) {
	f := newFixture(t)
	s := f.screen
	path := filepath.Join(t.TempDir(), "client cards.csv")
	csv := "\ufeffcode;type;area;level;title_sv;title_en\r\nR01;routine;use;operative;Första;First\r\nI01;interaction;;;\"Panel; med kunder\";Customer panel\r\n"
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := s.readDeckFile(path, s.template)
	s.askImport(path, d, err)
	f.tapDialogButton("Import")
	if s.deck == nil || s.deck.Name != "client cards" || len(s.deck.Cards) != 2 {
		t.Fatalf("imported deck shown = %+v", s.deck)
	}
	stored := f.stored(s.deck.ID)
	if stored.Cards[1].Title["sv"] != "Panel; med kunder" {
		t.Errorf("stored title = %q", stored.Cards[1].Title["sv"])
	}

	// Importing into the deck shown updates it by code.
	csv2 := "code,type,title_sv,title_en\nR01,routine,Första ändrad,First changed\nR02,routine,Andra,Second\n"
	if err := os.WriteFile(path, []byte(csv2), 0o644); err != nil {
		t.Fatal(err)
	}
	ui := uitest.NewUIQueue()
	s.toUI = ui.Do
	s.importIntoShownDeck(path)
	ui.Next(t, "the preview")
	if !strings.Contains(f.dialogText(), "Removed: I01") {
		t.Errorf("the preview says:\n%s", f.dialogText())
	}
	f.tapDialogButton("Replace (removes 1)")
	ui.Next(t, "the import")
	if !strings.Contains(f.dialogText(), "1 added, 1 updated, 1 removed") {
		t.Errorf("summary = %q", f.dialogText())
	}
	stored = f.stored(stored.ID)
	if len(stored.Cards) != 2 || stored.Cards[0].Title["sv"] != "Första ändrad" || stored.Cards[0].ID != s.deck.Cards[0].ID {
		t.Errorf("after import into: %+v", stored.Cards)
	}
}

func TestBrokenCSVIsListedAndChangesNothing(t *testing.T) {
	f := newFixture(t)
	s := f.screen
	path := filepath.Join(t.TempDir(), "broken.csv")
	csv := "code,type,area,title_sv\nR01,routine,kitchen,Hej\nR01,routine,use,\n"
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := s.readDeckFile(path, s.template)
	s.askImport(path, d, err)
	text := f.dialogText()
	for _, want := range []string{"Nothing was imported", "line 2, column 3 (area)", "line 3, column 4 (title_sv)", "line 3, column 1 (code)"} {
		if !strings.Contains(text, want) {
			t.Errorf("problem list lacks %q:\n%s", want, text)
		}
	}
	if len(f.decks()) != 1 {
		t.Error("a broken file added a deck")
	}
}

func TestExportWritesAFileThatReadsBack(t *testing.T) {
	f := newFixture(t)
	s := f.screen
	for _, name := range []string{"deck.csv", "deck.json"} {
		path := filepath.Join(t.TempDir(), name)
		if err := exportDeckFile(s.deck, path); err != nil {
			t.Fatal(err)
		}
		back, err := s.readDeckFile(path, s.template)
		if err != nil {
			t.Fatalf("%s does not read back: %v", name, err)
		}
		if len(back.Cards) != len(s.deck.Cards) || back.Cards[5].Title["fi"] != s.deck.Cards[5].Title["fi"] {
			t.Errorf("%s: read back %d cards", name, len(back.Cards))
		}
	}
	if err := exportDeckFile(s.deck, filepath.Join(t.TempDir(), "missing", "deck.csv")); err == nil ||
		!strings.Contains(err.Error(), "missing") {
		t.Errorf("export into a missing folder: %v", err)
	}
}
