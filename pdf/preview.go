package pdf

import (
	"sync"

	"deckhand/cards"
)

// Previewer lays out card sides for on-screen previews with the same code
// and font metrics as the printed card, so the preview shows the print's
// line breaks and text sizes. It is safe for one goroutine at a time.
type Previewer struct {
	m measurer
}

var (
	previewerOnce sync.Once
	previewer     *Previewer
	previewerErr  error
)

// SharedPreviewer returns the app's previewer, loading the fonts once.
func SharedPreviewer() (*Previewer, error) {
	previewerOnce.Do(func() {
		m, err := newMeasurer()
		previewer, previewerErr = &Previewer{m: m}, err
	})
	return previewer, previewerErr
}

// Front lays out a card's face at the given size, with what preflight
// would report about it.
func (p *Previewer) Front(d *cards.Deck, c cards.Card, lang string, size Size) (Face, []Issue) {
	return layoutFront(p.m, d, c, lang, size, DefaultSafe)
}

// Back lays out the back of a card of the given type.
func (p *Previewer) Back(d *cards.Deck, typeKey, lang string, size Size) (Face, []Issue) {
	return layoutBack(p.m, d, typeKey, lang, size, DefaultSafe)
}
