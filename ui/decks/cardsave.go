package decks

import (
	"context"
	"errors"
	"fmt"
	"time"

	"fyne.io/fyne/v2/lang"

	"deckhand/cards"
	"deckhand/storage"
	"deckhand/ui/kit"
)

// cardSave is one save of the card editor's form.
type cardSave struct {
	deckID string
	card   cards.Card
	edit   int // cardEditor.edits when the form was read: a later change is not in it
}

// cardSaves are the editor's saves handed to the store and not yet come
// back, and what waits for them, all kept on the UI goroutine.
type cardSaves struct {
	inFlight int
	last     chan struct{} // closed once the last save handed over is done
	waiting  []func()      // run in order once no save is in flight
}

func (q *cardSaves) busy() bool { return q.inFlight > 0 }

// wait runs fn now when no save is in flight, or else once none is.
func (q *cardSaves) wait(fn func()) {
	if !q.busy() {
		fn()
		return
	}
	q.waiting = append(q.waiting, fn)
}

// waitFirst is wait for fn that was waiting already and has to wait again:
// it keeps its place before what came to wait after it.
func (q *cardSaves) waitFirst(fn func()) {
	q.waiting = append([]func(){fn}, q.waiting...)
}

// settled runs what waits, in order, while no save is in flight: each may
// hand over a save again, and what is left then waits for that.
func (q *cardSaves) settled() {
	for !q.busy() && len(q.waiting) > 0 {
		fn := q.waiting[0]
		q.waiting = q.waiting[1:]
		fn()
	}
}

// whenSaved runs fn on the UI goroutine once the store is done with every
// save handed to it: at once when none is in flight.
func (e *cardEditor) whenSaved(fn func()) { e.saves.wait(fn) }

// startSave hands the card to the store off the UI goroutine: saving is a
// commit to the disk, and on a big deck the screen went quiet while it
// ran. Each save waits for the one before it, so that an earlier edit
// never lands after a later one. What the store says, with the deck
// list's summaries read after it (the deck's edition may have gone up),
// comes back to the UI goroutine (saved).
func (e *cardEditor) startSave(sv cardSave) {
	store, before, done := e.store, e.saves.last, make(chan struct{})
	e.saves.last = done
	e.saves.inFlight++
	go func() {
		if before != nil {
			<-before
		}
		ctx := context.Background()
		err := store.SaveCard(ctx, sv.deckID, &sv.card)
		var decks []storage.DeckSummary
		decksErr := err
		if err == nil {
			decks, decksErr = store.Decks(ctx)
		}
		e.toUI(func() { e.saved(sv, decks, decksErr, err) })
		close(done)
	}()
}

// saved takes what the store said of a save, on the UI goroutine. The
// status speaks of it only when nothing was typed since: a later save
// holds that, and says what becomes of it. A refusal keeps the form as it
// is; a refusal of a card the editor no longer shows is said in a box.
func (e *cardEditor) saved(sv cardSave, decks []storage.DeckSummary, decksErr, err error) {
	e.saves.inFlight--
	defer e.saves.settled()
	shown := e.deck != nil && e.deck.ID == sv.deckID && e.card.ID == sv.card.ID
	latest := shown && sv.edit == e.edits
	switch {
	case err != nil && latest:
		e.refused(err)
	case err != nil && !shown:
		kit.ShowError(e.win, errors.New(kit.Sentence(fmt.Sprintf(lang.L("Not saved: %s"), kit.ProblemText(err)))))
	case err == nil:
		if shown {
			e.card, e.IsNew = sv.card, false
		}
		if latest {
			e.dirty, e.problem = false, ""
			e.status.SetText(fmt.Sprintf(lang.L("Saved at %s"), time.Now().Format("15:04:05")))
		}
		if e.onSaved != nil {
			e.onSaved(sv.deckID, sv.card, shown, decks, decksErr)
		}
		if shown {
			e.showHeading()
		}
	}
}
