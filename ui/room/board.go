package room

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"deckhand/game"
	"deckhand/ui/kit"
)

// showBoard lays the table's cards into a panel per area of the deck's
// board: each card's code and title, in board order. It is made anew each
// time, as the Workshop screen shows the board anew after each change.
func (v *View) showBoard() {
	v.board.RemoveAll()
	if v.session == nil {
		return
	}
	w := v.session.Workshop
	d := w.Deck
	l := d.Lang(w.Language)
	laid := game.BoardOf(v.session.Plays, v.teamID)
	for i, a := range d.Board.Areas {
		colour := kit.HexColour(a.Colour)
		header := canvas.NewText(fmt.Sprintf("%d  %s", i+1, a.Name.Or(l, d.DefaultLang)), color.White)
		header.TextStyle = fyne.TextStyle{Bold: true}
		header.TextSize = v.scale * theme.TextSubHeadingSize()
		band := container.NewStack(canvas.NewRectangle(colour), container.NewPadded(header))
		list := container.NewVBox()
		for _, p := range laid[a.Key] {
			list.Add(cardLine(v.session, p, l))
		}
		tint := canvas.NewRectangle(kit.WithAlpha(colour, 36))
		v.board.Add(container.NewStack(tint, container.NewBorder(band, nil, nil, nil, container.NewVScroll(list))))
	}
}

// cardLine is a card on the board: its code in bold, then its title (or a
// blank card's own text), cut with "…" where the panel ends.
func cardLine(f *game.File, p game.Play, l string) fyne.CanvasObject {
	title := f.Workshop.PlayTitleIn(p, l)
	text := widget.NewRichText(
		&widget.TextSegment{Text: p.Code + "  ", Style: widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true}}},
		&widget.TextSegment{Text: title, Style: widget.RichTextStyle{Inline: true}},
	)
	text.Truncation = fyne.TextTruncateEllipsis
	return text
}
