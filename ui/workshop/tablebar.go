package workshop

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// tableBar names the table in play in large type ("Table 3 · 3 of 12"),
// so that a facilitator walking between a dozen tables sees at a glance
// whose board this is, and offers every table in a drop-down, which holds
// twelve as well as two without scrolling any out of sight. The arrows
// beside it step through them as Ctrl+PageUp and Ctrl+PageDown do.
type tableBar struct {
	s       *Screen
	Heading *widget.Label
	Prev    *widget.Button
	Next    *widget.Button
}

// tableSelWidth is the drop-down's width: a table's name, not the board's.
const tableSelWidth = 220

func newTableBar(s *Screen) *tableBar {
	b := &tableBar{s: s, Heading: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	b.Heading.SizeName = theme.SizeNameHeadingText
	b.Heading.Truncation = fyne.TextTruncateEllipsis
	b.Prev = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { s.nextTeam(-1) })
	b.Next = widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { s.nextTeam(1) })
	return b
}

// content is the bar: the heading takes the room the drop-down, its arrows
// and the clock leave, and cuts a long name with "…" rather than widen
// the screen.
func (b *tableBar) content(clock fyne.CanvasObject) fyne.CanvasObject {
	s := b.s
	pick := container.NewHBox(
		widget.NewLabel(lang.L("Table")), b.Prev,
		container.NewGridWrap(fyne.NewSize(tableSelWidth, s.TeamSel.MinSize().Height), s.TeamSel),
		b.Next, layout.NewSpacer(), clock)
	// The team's drop-down before the clock, for Tab as in the work; the
	// row keeps its own height, centred beside the taller heading.
	row := container.NewVBox(layout.NewSpacer(), pick, layout.NewSpacer())
	return container.New(layout.NewBorderLayout(nil, nil, nil, row), b.Heading, row)
}

// show names the table in play and its place among the tables.
func (b *tableBar) show() {
	s := b.s
	names := s.TeamSel.Options
	i := slices.Index(names, s.TeamSel.Selected)
	text := ""
	if i >= 0 {
		text = fmt.Sprintf(lang.L("%s · %d of %d"), names[i], i+1, len(names))
	}
	setText(b.Heading, text)
	many := len(names) > 1
	for _, btn := range []*widget.Button{b.Prev, b.Next} {
		if many {
			btn.Enable()
		} else {
			btn.Disable()
		}
	}
}
