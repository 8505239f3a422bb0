package kit

import (
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"deckhand/game"
)

// calendar is a month of days to pick one from, in the interface's
// language, with the week starting on Monday as it does in Finland and
// Sweden. Fyne's own calendar names its months in English whatever the
// language, so a Finnish facilitator would read "January" above the days.
type calendar struct {
	widget.BaseWidget
	month  time.Time // the first of the month shown
	chosen time.Time // the field's day, marked where it is shown
	picked func(time.Time)
	title  *widget.Label
	days   *fyne.Container
}

// newCalendar shows the month of day; picked gets the day clicked.
func newCalendar(day time.Time, picked func(time.Time)) *calendar {
	c := &calendar{picked: picked, chosen: day, title: widget.NewLabel("")}
	c.title.Alignment = fyne.TextAlignCenter
	c.title.TextStyle.Bold = true
	c.days = container.NewGridWithColumns(7)
	c.ExtendBaseWidget(c)
	c.show(time.Date(day.Year(), day.Month(), 1, 0, 0, 0, 0, time.UTC))
	return c
}

// weekdayNames are the columns' heads, Monday first, in the interface's
// language.
func weekdayNames() [7]string {
	return [7]string{lang.L("Mon"), lang.L("Tue"), lang.L("Wed"), lang.L("Thu"), lang.L("Fri"), lang.L("Sat"), lang.L("Sun")}
}

// show fills the grid with a month's days.
func (c *calendar) show(month time.Time) {
	c.month = month
	c.title.SetText(game.MonthInWords(month.Format(time.DateOnly), Language()))
	cells := make([]fyne.CanvasObject, 0, 7*7)
	for _, name := range weekdayNames() {
		head := widget.NewLabel(name)
		head.Alignment = fyne.TextAlignCenter
		cells = append(cells, head)
	}
	blank := (int(month.Weekday()) + 6) % 7 // days before the 1st in a Monday week
	for range blank {
		cells = append(cells, widget.NewLabel(""))
	}
	for d := month; d.Month() == month.Month(); d = d.AddDate(0, 0, 1) {
		day := d
		b := widget.NewButton(strconv.Itoa(d.Day()), func() { c.picked(day) })
		b.Importance = widget.LowImportance
		if d.Format(time.DateOnly) == c.chosen.Format(time.DateOnly) {
			b.Importance = widget.HighImportance
		}
		cells = append(cells, b)
	}
	c.days.Objects = cells
	c.days.Refresh()
}

// CreateRenderer is part of fyne.Widget: the month's name between the
// arrows that turn it, the days under them.
func (c *calendar) CreateRenderer() fyne.WidgetRenderer {
	prev := widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { c.show(c.month.AddDate(0, -1, 0)) })
	next := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { c.show(c.month.AddDate(0, 1, 0)) })
	return widget.NewSimpleRenderer(container.NewBorder(
		container.NewBorder(nil, nil, prev, next, c.title), nil, nil, nil, c.days))
}
