// Package decks is the Decks screen: the decks and their cards, the card
// editor that saves as the person types, client variants, and decks read
// from and written to CSV and JSON files.
package decks

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"deckhand/cards"
	"deckhand/storage"
	"deckhand/ui/kit"
)

// Screen is the Decks screen: the deck list, the card list with search
// and filters, and the card editor.
type Screen struct {
	kit.Base // what the main window needs of a screen: the rest is in screen.go, KeyRows in shortcuts.go
	app      fyne.App
	win      fyne.Window
	store    Store
	ctx      context.Context
	template *cards.Deck // card types, board and criteria of new decks

	Decks     []storage.DeckSummary
	deck      *cards.Deck // the deck shown, nil when there is none
	deckList  *kit.KeyList
	deckInfo  *widget.Label
	Share     *widget.Check // "Share with the team folder", of the deck shown (teamshare.go)
	Cards     *cardList
	Editor    *cardEditor
	Shape     *ShapeForm // the deck-shape dialog last opened
	Look      *LookForm  // the client's look dialog last opened
	Undo      *undoBar
	undo      *deletedCard    // what Undo brings back, nil when nothing
	cardsPane *fyne.Container // laid out anew when the undo bar shows or hides
	root      fyne.CanvasObject

	// toUI hands work done off the UI goroutine back to it (fyne.Do; a
	// test runs it on its own goroutine, which then is the UI goroutine).
	toUI func(func())

	// OnDeckChanged, when set, is told after a card was saved or a deck's
	// sharing changed here: the app's team folder writes it after its
	// pause rather than at its next rescan.
	OnDeckChanged func()

	loading     *deckLoad // the rest of the deck shown being read, nil when it is whole
	cardChanges int       // cards saved or deleted here: a read begun before one may lack it
}

// New builds the Decks screen on the store, showing no deck until
// ShowLastDeck.
func New(a fyne.App, w fyne.Window, store Store) *Screen {
	s := &Screen{app: a, win: w, store: store, ctx: context.Background(), toUI: fyne.Do}
	if d, err := cards.DefaultDeck(); err == nil {
		s.template = d.Template()
	}
	s.deckInfo = widget.NewLabel("")
	s.deckInfo.Wrapping = fyne.TextWrapWord
	s.Share = widget.NewCheck(lang.L("Share with the team folder"), nil)
	s.Share.Disable()
	s.deckList = kit.NewKeyList(func() int { return len(s.Decks) }, s.createDeckRow, s.updateDeckRow)
	s.deckList.OnSelected = func(id widget.ListItemID) { s.chooseDeck(id) }
	s.Cards = newCardList()
	s.Cards.onSelect = s.chooseCard
	s.Cards.onLanguage = s.setCardLanguage
	s.Editor = newCardEditor(w, store, func(fn func()) { s.toUI(fn) })
	s.Editor.onSaved = s.cardSaved
	s.Undo = newUndoBar(s.UndoDelete)
	s.root = s.layout()
	return s
}

// ShowLastDeck lists the decks and shows the one used last (or the
// first), with its first card in the editor. It comes once the screen is
// in its window at its size, so that each text is laid out for the width
// it is shown at: the editor's wrapping fields, laid out before at their
// narrowest, wrapped their texts a few letters a line first, the costliest
// part of the start (docs/performance.md, "Start-up: the Decks screen
// first").
func (s *Screen) ShowLastDeck() {
	s.ReloadDecks(s.app.Preferences().String(kit.PrefLastDeck))
}

// Content is the screen's root object.
func (s *Screen) Content() fyne.CanvasObject { return s.root }

func (s *Screen) layout() fyne.CanvasObject {
	deckButtons := container.NewGridWithColumns(3,
		widget.NewButtonWithIcon(lang.L("New"), theme.ContentAddIcon(), s.NewDeck),
		widget.NewButtonWithIcon(lang.L("Clone"), theme.ContentCopyIcon(), s.CloneDeck),
		widget.NewButtonWithIcon(lang.L("Delete"), theme.DeleteIcon(), s.deleteDeck),
		widget.NewButtonWithIcon(lang.L("Import"), theme.DownloadIcon(), s.ImportDeck),
		widget.NewButtonWithIcon(lang.L("Export"), theme.UploadIcon(), s.exportDeck),
		widget.NewButtonWithIcon(lang.L("Details"), theme.DocumentCreateIcon(), s.EditDeck),
	)
	decksPane := container.NewBorder(
		widget.NewLabelWithStyle(lang.L("Decks"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewVBox(widget.NewSeparator(), s.deckInfo, s.Share, deckButtons), nil, nil, s.deckList)
	cardButtons := container.NewHBox(
		widget.NewButtonWithIcon(lang.L("New card"), theme.ContentAddIcon(), s.NewCard),
		widget.NewButtonWithIcon(lang.L("Delete card"), theme.DeleteIcon(), s.deleteCard),
	)
	cardsPane := container.NewBorder(nil, container.NewVBox(s.Undo.box, cardButtons), nil, nil, s.Cards.content())
	s.cardsPane = cardsPane
	right := container.NewHSplit(cardsPane, s.Editor.content())
	right.Offset = 0.45
	all := container.NewHSplit(decksPane, right)
	all.Offset = 0.22
	return all
}

func (s *Screen) createDeckRow() fyne.CanvasObject {
	name := widget.NewLabelWithStyle("deck", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.Truncation = fyne.TextTruncateEllipsis
	detail := widget.NewLabel("detail")
	detail.SizeName = theme.SizeNameCaptionText
	detail.Truncation = fyne.TextTruncateEllipsis
	return container.NewVBox(name, detail)
}

func (s *Screen) updateDeckRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(s.Decks) {
		return
	}
	d := s.Decks[id]
	box := o.(*fyne.Container)
	box.Objects[0].(*widget.Label).SetText(d.Name)
	box.Objects[1].(*widget.Label).SetText(deckSummaryLine(d))
}

// deckSummaryLine is the deck list's second line: client, edition, cards
// and languages.
func deckSummaryLine(d storage.DeckSummary) string {
	parts := []string{}
	if d.Client != "" {
		parts = append(parts, d.Client)
	}
	parts = append(parts, fmt.Sprintf(lang.L("edition %d"), d.Edition), kit.Count(d.Cards, "%d card", "%d cards", d.Cards), strings.Join(d.Languages, " "))
	if d.Published {
		parts = append(parts, lang.L("shared"))
	}
	return strings.Join(parts, " · ")
}

// ReloadDecks re-reads the deck list and shows the deck with id selectID
// (or the first deck when it is gone).
func (s *Screen) ReloadDecks(selectID string) {
	decks, err := s.store.Decks(s.ctx)
	if err != nil {
		s.showError(err)
		return
	}
	kit.SortDecks(decks) // the interface language's alphabetical order
	s.Decks = decks
	s.deckList.Refresh()
	row := -1
	for i, d := range decks {
		if d.ID == selectID {
			row = i
		}
	}
	if row < 0 && len(decks) > 0 {
		row = 0
	}
	if row < 0 {
		s.showDeck(nil)
		return
	}
	s.highlightDeckRow(row)
	if s.deck != nil && s.deck.ID == decks[row].ID {
		s.refreshDeckInfo()
		s.showShared()
		return
	}
	s.openDeck(decks[row].ID)
}

// highlightDeckRow selects a row of the deck list without acting on it.
func (s *Screen) highlightDeckRow(row int) {
	onSelected := s.deckList.OnSelected
	s.deckList.OnSelected = nil
	s.deckList.Select(row)
	s.deckList.OnSelected = onSelected
}

// chooseDeck is the deck list's selection: leave the card being edited
// (saving it, or asking), then show the chosen deck.
func (s *Screen) chooseDeck(row int) {
	if row >= len(s.Decks) || (s.deck != nil && s.deck.ID == s.Decks[row].ID) {
		return
	}
	s.Editor.leave(func() { s.openDeck(s.Decks[row].ID) }, func() { s.selectDeckRow() })
}

// selectDeckRow puts the deck list's highlight back on the deck shown.
func (s *Screen) selectDeckRow() {
	for i, d := range s.Decks {
		if s.deck != nil && d.ID == s.deck.ID {
			s.highlightDeckRow(i)
			return
		}
	}
}

func (s *Screen) showDeck(d *cards.Deck) {
	s.deck, s.loading = d, nil
	if s.undo != nil && (d == nil || d.ID != s.undo.deckID) {
		s.forgetDeletion() // Undo acts on the deck shown
	}
	s.Editor.deck = nil
	s.showShared()
	if d == nil {
		s.deckInfo.SetText(lang.L("There are no decks. Make one with New, or import a deck file."))
		s.Editor.clear()
		return
	}
	// Until the person picks a card language, show the cards in the
	// interface's language when the deck has it.
	fallback := d.Lang(kit.Language())
	cardLang := s.app.Preferences().StringWithFallback(kit.PrefCardLanguage, fallback)
	s.Cards.setDeck(d, cardLang)
	s.Editor.setDeck(d, s.Cards.cardLang())
	s.refreshDeckInfo()
	if len(d.Cards) > 0 { // open on the first card rather than an empty editor
		s.Editor.edit(d.Cards[0], false)
		s.Cards.selectCard(0)
	}
}

func (s *Screen) refreshDeckInfo() {
	d := s.deck
	info := d.Description.Or(s.Cards.cardLang(), d.DefaultLang)
	if d.Parent != "" {
		for _, p := range s.Decks {
			if p.ID == d.Parent {
				info = fmt.Sprintf(lang.L("Cloned from %s."), p.Name) + "\n" + info
			}
		}
	}
	s.deckInfo.SetText(info)
}

func (s *Screen) setCardLanguage(code string) {
	s.app.Preferences().SetString(kit.PrefCardLanguage, code)
	s.Cards.setVocabulary()
	s.Editor.setVocabulary(code)
	s.refreshDeckInfo()
}

// chooseCard is the card list's selection.
func (s *Screen) chooseCard(index int) {
	if s.deck == nil || index >= len(s.deck.Cards) {
		return
	}
	if !s.Editor.IsNew && s.Editor.card.ID == s.deck.Cards[index].ID && s.Editor.deck != nil {
		return
	}
	previous := s.Editor.card.ID
	s.Editor.leave(func() { s.Editor.edit(s.deck.Cards[index], false) }, func() {
		for i, c := range s.deck.Cards {
			if c.ID == previous {
				s.Cards.selectCard(i)
			}
		}
	})
}

// cardSaved puts a card the editor saved into the deck shown, where the
// store put it, and refreshes the lists with the deck list's summaries
// read after the save (the deck's edition may have gone up). A new card
// goes in code order (R41 after R40), as the store orders it
// (cards.PlaceByCode), so the deck need not be read again; a new card the
// editor no longer shows was deleted meanwhile, and is not listed.
func (s *Screen) cardSaved(deckID string, c cards.Card, shown bool, decks []storage.DeckSummary, decksErr error) {
	if s.deck == nil || s.deck.ID != deckID {
		return
	}
	switch i := indexOfCard(s.deck, c.ID); {
	case i >= 0:
		s.deck.Cards[i] = c
		s.Cards.cardChanged(i)
	case shown:
		s.deck.Cards = slices.Insert(s.deck.Cards, newCardIndex(s.deck.Cards, c.Code), c)
		s.Cards.cardsChanged()
	default:
		return
	}
	s.cardChangedHere(decks, decksErr)
	if shown {
		s.Cards.selectCard(indexOfCard(s.deck, c.ID))
	}
}

// newCardIndex is where the store puts a new card with the given code
// among the deck's live cards, in their order.
func newCardIndex(cs []cards.Card, code string) int {
	codes := make([]string, len(cs))
	for i, c := range cs {
		codes[i] = c.Code
	}
	switch after, before := cards.PlaceByCode(codes, code); {
	case after >= 0:
		return after + 1
	case before >= 0:
		return before
	}
	return len(cs)
}

// refreshAfterCardChange notes that a card of the deck shown was deleted
// here, and refreshes the deck list.
func (s *Screen) refreshAfterCardChange() {
	decks, err := s.store.Decks(s.ctx)
	s.cardChangedHere(decks, err)
}

// cardChangedHere notes that a card of the deck shown was saved or
// deleted here, and shows the deck list's summaries read after it (none
// when they could not be read), whose summary of the deck gives its
// edition.
func (s *Screen) cardChangedHere(decks []storage.DeckSummary, err error) {
	s.cardChanges++
	if err != nil {
		return
	}
	kit.SortDecks(decks) // here, on the UI goroutine, which the interface language belongs to
	s.Decks = decks
	s.deckList.Refresh()
	for _, d := range decks {
		if d.ID == s.deck.ID {
			s.deck.Edition = d.Edition // the list's summary has it: no need to read the whole deck
		}
	}
	s.deckChangedHere()
}

func indexOfCard(d *cards.Deck, id string) int {
	for i, c := range d.Cards {
		if c.ID == id {
			return i
		}
	}
	return -1
}

// DeckID is the id of the deck shown, "" when there is none.
func (s *Screen) DeckID() string {
	if s.deck == nil {
		return ""
	}
	return s.deck.ID
}

// ShowCard shows a deck and opens one of its cards in the editor: where
// "Fix" on a preflight issue leads.
func (s *Screen) ShowCard(deckID, code string) {
	s.Editor.leave(func() {
		if s.deck == nil || s.deck.ID != deckID {
			s.ReloadDecks(deckID)
		}
		if s.deck == nil {
			return
		}
		s.whenWhole(func() { s.openCard(code) })
	}, nil)
}

// openCard clears the search and opens the card with the given code of
// the whole deck shown, if it has one.
func (s *Screen) openCard(code string) {
	s.Cards.Search.SetText("")
	if i := s.deck.CardByCode(code); i >= 0 {
		s.Editor.edit(s.deck.Cards[i], false)
		s.Cards.selectCard(i)
	}
}
