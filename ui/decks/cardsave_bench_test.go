package decks

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"deckhand/ui/internal/uitest"
)

// BenchmarkEditorSaveBigDeck is a card saved from the card editor of the
// Decks screen showing the big deck: an existing card in the middle of
// the deck with its English title changed ("existing"), and a new card
// made with New card, its titles typed ("new"). It times the save on the
// UI goroutine (ui-ms: SaveNow, and running what the save hands back to
// it, not the wait for it), and
// the save end to end, until the editor says it is saved (saved-ms);
// typing is not timed. In the same loop, as the floor, a bare widget.List
// of the same cards' titles, in rows like the screen's, shows the change:
// the row's title set again, or the new card's row added (bare-ms). The
// ratio is ui-ms to bare-ms.
func BenchmarkEditorSaveBigDeck(b *testing.B) {
	s, ui := bigDeckShown(b)
	bare := newBareSearchList(b, s, "en", true)
	for _, c := range []struct {
		name string
		edit func(n int) (bareChange func())
	}{
		{"existing", func(n int) func() {
			i := len(s.deck.Cards) / 2
			if s.Editor.card.ID != s.deck.Cards[i].ID {
				s.Cards.List.Select(i)
				bare.list.ScrollTo(i)
			}
			title := fmt.Sprintf("Collect only what is needed %d", n)
			s.Editor.Titles["en"].SetText(title)
			return func() {
				bare.titles[i] = title
				bare.list.RefreshItem(i)
			}
		}},
		{"new", func(n int) func() {
			s.NewCard()
			for _, lang := range s.deck.Languages {
				s.Editor.Titles[lang].SetText(fmt.Sprintf("New card %d", n))
			}
			return func() {
				bare.titles = append(bare.titles, fmt.Sprintf("New card %d", n))
				bare.lower = append(bare.lower, strings.ToLower(bare.titles[len(bare.titles)-1]))
				bare.shown = append(bare.shown, len(bare.titles)-1)
				bare.list.Refresh()
			}
		}},
	} {
		b.Run(c.name, func(b *testing.B) {
			var onUI, saved, floor time.Duration
			n := 0
			for b.Loop() {
				bareChange := c.edit(n)
				cards := len(s.deck.Cards)
				start := time.Now()
				if !s.Editor.SaveNow() {
					b.Fatalf("the save was refused: %s", s.Editor.status.Text)
				}
				handed := time.Now()
				onUI += handed.Sub(start)
				for s.Editor.dirty {
					onUI += runHandedBack(b, ui)
				}
				saved += time.Since(start)
				if !strings.Contains(s.Editor.status.Text, "Saved at") || (c.name == "new") != (len(s.deck.Cards) == cards+1) {
					b.Fatalf("after the save the status says %q and the deck has %d cards, %d before", s.Editor.status.Text, len(s.deck.Cards), cards)
				}
				mid := time.Now()
				bareChange()
				floor += time.Since(mid)
				n++
			}
			ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 / float64(n) }
			b.ReportMetric(ms(onUI), "ui-ms/op")
			b.ReportMetric(ms(saved), "saved-ms/op")
			b.ReportMetric(ms(floor), "bare-ms/op")
			b.ReportMetric(float64(onUI)/float64(floor), "ratio")
		})
	}
}

// runHandedBack waits for the next piece of work handed back to the UI
// goroutine and runs it, as UIQueue.Next does; it returns how long the
// work took, without the wait for it.
func runHandedBack(b *testing.B, ui uitest.UIQueue) time.Duration {
	b.Helper()
	select {
	case fn := <-ui:
		start := time.Now()
		fn()
		return time.Since(start)
	case <-time.After(10 * time.Second):
		b.Fatal("nothing came back to the UI goroutine: the card's save")
	}
	return 0
}
