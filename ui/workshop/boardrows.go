package workshop

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// rowsLayout lays an area's cards one under another, as many as its height
// holds. When they do not all fit, the last row it has room for is the
// "+N more" button, which lists the rest: no card laid is ever out of
// sight without a sign, as it was in a scrolled list.
type rowsLayout struct{ p *areaPanel }

// MinSize is one row: the panel may be short, the rest goes under "+N".
func (l *rowsLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	var size fyne.Size
	for _, c := range l.p.chips {
		size = size.Max(c.MinSize())
	}
	return size
}

func (l *rowsLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	p := l.p
	if len(p.chips) == 0 {
		p.shown = 0
		p.More.Hide()
		return
	}
	row, gap := p.chips[0].MinSize().Height, p.rowGap()
	fit := max(1, int((size.Height+gap)/(row+gap)))
	p.shown = len(p.chips)
	if p.shown > fit {
		p.shown = fit - 1
	}
	y := float32(0)
	for i, c := range p.chips {
		if i >= p.shown {
			c.Hide()
			continue
		}
		c.Show()
		c.Move(fyne.NewPos(0, y))
		c.Resize(fyne.NewSize(size.Width, row))
		y += row + gap
	}
	if p.shown == len(p.chips) {
		p.More.Hide()
		return
	}
	if text := fmt.Sprintf(lang.L("+%d more"), len(p.chips)-p.shown); p.More.Text != text {
		p.More.SetText(text)
	}
	p.More.Show()
	p.More.Move(fyne.NewPos(0, y))
	p.More.Resize(fyne.NewSize(size.Width, row))
}

// showRest lists, beside the "+N more" button, the cards the panel has no
// room for; a click on one chooses it, as on the board.
func (b *boardView) showRest(p *areaPanel) {
	s := b.s
	list := container.NewVBox()
	var pop *widget.PopUp
	for _, c := range p.chips[p.shown:] {
		play, ok := s.Play(c.id)
		if !ok {
			continue
		}
		chip := newPlayChip(s, play)
		tapped := chip.OnTapped
		chip.OnTapped = func() {
			pop.Hide()
			tapped()
		}
		list.Add(chip)
	}
	c := s.win.Canvas()
	scroll := container.NewVScroll(list)
	width := max(p.root.Size().Width, 360)
	scroll.SetMinSize(fyne.NewSize(width, min(list.MinSize().Height, c.Size().Height*0.6)))
	pop = widget.NewPopUp(scroll, c)
	b.rest = pop
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(p.More)
	pop.ShowAtPosition(fyne.NewPos(min(at.X, c.Size().Width-width), at.Y))
}

// rowAt is where, among the area's other cards in sight, a card let go at
// the absolute height y goes: the number of them whose middle is above it.
func (b *boardView) rowAt(area int, y float32, playID string) int {
	d := fyne.CurrentApp().Driver()
	p := b.panels[area]
	n := 0
	for _, c := range p.chips[:p.shown] {
		if c.id == playID {
			continue
		}
		if d.AbsolutePositionForObject(c).Y+c.Size().Height/2 < y {
			n++
		}
	}
	return n
}

// compactFrom is how many cards make an area's rows compact: a busy area
// keeps each card to a one-line row of less padding, so that more of them
// stay in sight before "+N more" is needed.
const compactFrom = 5

// compact reports whether the panel's rows are compact.
func (p *areaPanel) compact() bool { return len(p.chips) >= compactFrom }

// rowSize is a size of the app's theme inside the rows of the panel:
// less padding inside the rows of a compact panel.
func (p *areaPanel) rowSize(n fyne.ThemeSizeName, size float32) float32 {
	if p.compact() && n == theme.SizeNameInnerPadding {
		return size / 2
	}
	return size
}

// rowGap is the room between two rows.
func (p *areaPanel) rowGap() float32 {
	if p.compact() {
		return theme.Padding() / 2
	}
	return theme.Padding()
}
