package decks

import (
	"fyne.io/fyne/v2/lang"

	"deckhand/cards"
	"deckhand/ui/kit"
)

// firstCards is how many cards a chosen deck shows before the rest of it
// is read: more than fill the card list on any screen, and read in a
// millisecond or two. A deck with more has the rest read off the UI
// goroutine; reading all of a 5,000-card deck takes 50–100 ms.
const firstCards = 100

// deckLoad is the rest of the deck shown being read off the UI goroutine,
// with what was asked for meanwhile that needs the whole deck.
type deckLoad struct {
	deck    *cards.Deck // the deck shown, holding its first cards
	changes int         // Screen.cardChanges when the read began
	then    []func()    // run, in order, once the deck is whole
	err     error       // why the rest could not be read
}

// openDeck shows the deck with the given id: its first cards at once, the
// rest when they have been read.
func (s *Screen) openDeck(id string) {
	d, err := s.store.DeckFirstCards(s.ctx, id, firstCards)
	if err != nil {
		s.showError(err)
		return
	}
	s.app.Preferences().SetString(kit.PrefLastDeck, id)
	s.showDeck(d)
	if len(d.Cards) == firstCards {
		s.readRest(d)
	}
}

// readRest reads the whole of d, the deck shown, off the UI goroutine.
// What was asked for while an earlier read of it ran still waits.
func (s *Screen) readRest(d *cards.Deck) {
	load := &deckLoad{deck: d, changes: s.cardChanges}
	if s.loading != nil && s.loading.deck == d {
		load.then = s.loading.then
	}
	s.loading = load
	s.Cards.showPartial(lang.L("Reading the rest of the cards…"))
	store, ctx, id, cardLang := s.store, s.ctx, d.ID, s.Cards.cardLang()
	go func() {
		whole, err := store.Deck(ctx, id)
		var ix *searchIndex
		if err == nil { // made here, so that the first keystroke of a search need not
			ix = newSearchIndex(whole.Cards, cardLang)
		}
		s.toUI(func() { s.restRead(load, whole, ix, err) })
	}()
}

// restRead puts the cards read into the deck shown, with the search index
// made of them, and runs what waited for them. A read of a deck no longer
// shown is dropped; one that began before a card of the deck was saved or
// deleted here may lack that change, so the deck is read again.
func (s *Screen) restRead(load *deckLoad, whole *cards.Deck, ix *searchIndex, err error) {
	if s.loading != load {
		return
	}
	if err != nil {
		load.err, load.then = err, nil
		s.Cards.showPartial(kit.Sentence(kit.ProblemText(err)))
		s.showError(err)
		return
	}
	if s.cardChanges != load.changes {
		s.readRest(load.deck)
		return
	}
	s.loading = nil
	load.deck.Cards, load.deck.Edition = whole.Cards, whole.Edition
	s.Cards.showWhole(ix)
	if !s.Editor.IsNew && s.Editor.card.ID != "" {
		s.Cards.selectCard(indexOfCard(load.deck, s.Editor.card.ID))
	}
	for _, fn := range load.then {
		fn()
	}
}

// whenWhole runs fn now when the deck shown is whole, or else once the
// rest of it has been read: what counts, lists, searches or writes all of
// the deck's cards must not see only the first of them. When the rest
// could not be read it says why instead.
func (s *Screen) whenWhole(fn func()) {
	switch {
	case s.loading == nil:
		fn()
	case s.loading.err != nil:
		s.showError(s.loading.err)
	default:
		s.loading.then = append(s.loading.then, fn)
	}
}
