package print

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"deckhand/pdf"
	"deckhand/ui/internal/uitest"
)

// printFixture is the Print screen on the default deck.
type printFixture struct {
	*uitest.Fixture
	deckID string
}

func newPrintFixture(t *testing.T) (*printFixture, *Screen) {
	u := uitest.NewFixture(t)
	decks, err := u.Store.Decks(context.Background())
	if err != nil || len(decks) != 1 {
		t.Fatalf("decks = %v, %v", decks, err)
	}
	f := &printFixture{Fixture: u, deckID: decks[0].ID}
	p := New(u.App, u.Win, u.Store)
	p.now = func() time.Time { return time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC) }
	p.Refresh(f.deckID)
	return f, p
}

// retitle saves a card's title in one language as the Decks screen does.
func (f *printFixture) retitle(code, language, title string) {
	f.T.Helper()
	ctx := context.Background()
	d, err := f.Store.Deck(ctx, f.deckID)
	if err != nil {
		f.T.Fatal(err)
	}
	i := d.CardByCode(code)
	if i < 0 {
		f.T.Fatalf("no card %s", code)
	}
	c := d.Cards[i].Clone()
	c.Title[language] = title
	if err := f.Store.SaveCard(ctx, f.deckID, &c); err != nil {
		f.T.Fatal(err)
	}
}

// edition is the deck's edition as stored.
func (f *printFixture) edition() int {
	f.T.Helper()
	d, err := f.Store.Deck(context.Background(), f.deckID)
	if err != nil {
		f.T.Fatal(err)
	}
	return d.Edition
}

func isPDF(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("%PDF-")) || len(data) < 5000 {
		t.Errorf("%s is not a real PDF (%d bytes)", path, len(data))
	}
}

func TestPrintCardsWritesThePDFAndRecordsThePrint(t *testing.T) {
	f, p := newPrintFixture(t)
	p.What.SetKey(PrintCards)
	p.opts.backs.SetKey(pdf.BacksDuplexLong)
	path := filepath.Join(t.TempDir(), "cards.pdf")
	files, err := p.printTo(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 1 || files[0] != path {
		t.Fatalf("files = %v", files)
	}
	isPDF(t, path)
	jobs, err := f.Store.PrintJobs(context.Background(), p.deck.ID)
	if err != nil || len(jobs) != 1 || jobs[0].Kind != "cards" || jobs[0].Edition != 1 || jobs[0].Settings["backs"] != pdf.BacksDuplexLong {
		t.Fatalf("print history = %+v, %v", jobs, err)
	}
	// The deck was printed: the next change to a card starts edition 2.
	f.retitle("R02", "en", "Changed!")
	if got := f.edition(); got != 2 {
		t.Errorf("edition after a change following a print = %d, want 2", got)
	}
}

func TestPreflightListsProblemsAndLeadsToTheCard(t *testing.T) {
	f, p := newPrintFixture(t)
	f.retitle("R05", "sv", "Dataportal 📊 för kunderna")
	p.Refresh(f.deckID)
	p.language.SetKey("sv")
	if !pdf.HasErrors(p.issues) || !strings.Contains(p.summary.Text, "1 error and 0 warnings.") {
		t.Fatalf("preflight: %v / %q", p.issues, p.summary.Text)
	}
	var fixed, fixedDeck string
	p.OnFixCard = func(deckID, code string) { fixedDeck, fixed = deckID, code }
	p.showIssues()
	fix := uitest.FindButton(p.list, "Fix")
	if fix == nil {
		t.Fatal("no Fix button next to the issue")
	}
	test.Tap(fix)
	if fixed != "R05" || fixedDeck != f.deckID {
		t.Errorf("Fix led to %q of deck %q; want R05 of %q", fixed, fixedDeck, f.deckID)
	}
	// Printing anyway asks first.
	p.askPrint()
	if !strings.Contains(f.DialogText(), "Print anyway") {
		t.Errorf("no question before printing with errors: %q", f.DialogText())
	}
}

func TestWorkshopKitWritesEveryFileIntoOneFolder(t *testing.T) {
	f, p := newPrintFixture(t)
	p.What.SetKey(PrintKit)
	p.opts.tables.SetText("3")
	dir := t.TempDir()
	files, err := p.printTo(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"cards.pdf", "board.pdf", "rating-sheets.pdf", "guide.pdf"}
	if len(files) != len(want) {
		t.Fatalf("files = %v", files)
	}
	folder := filepath.Join(dir, pdf.KitFolder(p.deck, p.language.Key()))
	for _, name := range want {
		isPDF(t, filepath.Join(folder, name))
	}
	jobs, _ := f.Store.PrintJobs(context.Background(), p.deck.ID)
	if len(jobs) != 4 {
		t.Errorf("print history has %d jobs, want 4", len(jobs))
	}
}

func TestPrintSettingsAreRememberedAndBadOnesRefused(t *testing.T) {
	f, p := newPrintFixture(t)
	p.opts.paper.SetKey("letter")
	p.opts.bleed.SetText("3")
	p.opts.layout.SetKey(pdf.LayoutGapped)
	again := New(f.App, f.Win, f.Store)
	if again.opts.paper.Key() != "letter" || again.opts.bleed.Text != "3" || again.opts.layout.Key() != pdf.LayoutGapped {
		t.Errorf("settings not remembered: %s %s %s", again.opts.paper.Key(), again.opts.bleed.Text, again.opts.layout.Key())
	}
	p.opts.bleed.SetText("9")
	if p.printBtn.Disabled() == false || !strings.Contains(p.summary.Text, "leed") {
		t.Errorf("a 9 mm bleed was accepted: %q", p.summary.Text)
	}
	p.opts.bleed.SetText("0")
	p.opts.offset.SetText("abc")
	if !p.printBtn.Disabled() || !strings.Contains(p.summary.Text, "offset") {
		t.Errorf("a bad offset was accepted: %q", p.summary.Text)
	}
	if _, err := p.printTo(filepath.Join(t.TempDir(), "missing", "x.pdf"), nil); err == nil {
		t.Error("printing into a missing folder did not fail")
	}
}

func TestChangedSinceLastPrintFillsOnlyCards(t *testing.T) {
	f, p := newPrintFixture(t)
	if _, err := p.printTo(filepath.Join(t.TempDir(), "cards.pdf"), nil); err != nil {
		t.Fatal(err)
	}
	f.retitle("I03", "sv", "Ny titel")
	test.Tap(p.opts.changed)
	if p.opts.only.Text != "I03" {
		t.Errorf("only = %q, want I03", p.opts.only.Text)
	}
	o, err := p.opts.cards("sv")
	if err != nil || len(o.Only) != 1 || o.Only[0] != "I03" {
		t.Errorf("card options only = %v, %v", o.Only, err)
	}
}

// The language chosen for printing stays chosen when the screen is shown
// again after a print, and after a restart: a kit printed in English must
// not be followed by one in Swedish because the screen reloaded its deck.
func TestPrintLanguageStaysChosenAfterAPrint(t *testing.T) {
	f, p := newPrintFixture(t)
	p.language.SetKey("en")
	p.What.SetKey(printGuide)
	if _, err := p.printTo(filepath.Join(t.TempDir(), "guide.pdf"), nil); err != nil {
		t.Fatal(err)
	}
	p.Refresh("") // as the screen does once the print is written
	if got := p.language.Key(); got != "en" {
		t.Errorf("after a print and a reload the language is %q; want en", got)
	}
	again := New(f.App, f.Win, f.Store)
	again.Refresh(f.deckID)
	if got := again.language.Key(); got != "en" {
		t.Errorf("a new Print screen chooses %q; want the en chosen before", got)
	}
}
