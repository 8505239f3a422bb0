package ui

import (
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"deckhand/game"
)

// dateField is a field for a day: it takes the date as a facilitator
// writes it (2.12.2026, 2 december 2026, 2026-12-02: game.ReadDate), says
// under it in words which day it read, and has a button that opens a
// calendar to pick the day instead. A form sees it as one Validatable
// field, so a date that is no day marks the field and keeps Create off.
type dateField struct {
	widget.BaseWidget
	entry  *field
	words  *widget.Label
	pick   *widget.Button
	today  func() time.Time
	check  func(iso string) error // a further rule for the read day, or nil
	picker *widget.PopUp
}

// newDateField makes a date field showing day; today is the day a date
// without a year falls in.
func newDateField(day time.Time, today func() time.Time) *dateField {
	d := &dateField{entry: newField(), words: widget.NewLabel(""), today: today}
	d.words.Importance = widget.LowImportance
	d.pick = widget.NewButtonWithIcon("", theme.CalendarIcon(), d.showCalendar)
	d.entry.Validator = func(text string) error {
		if _, err := d.readDate(text); err != nil {
			return errors.New(sentence(problemText(err)))
		}
		return nil
	}
	d.entry.OnChanged = func(string) { d.sayDay() }
	d.ExtendBaseWidget(d)
	d.setDay(day)
	return d
}

// Date is the day the field holds, as YYYY-MM-DD.
func (d *dateField) Date() (string, error) { return d.readDate(d.entry.Text) }

// readDate reads a typed date and applies the field's further rule.
func (d *dateField) readDate(text string) (string, error) {
	iso, err := game.ReadDate(text, d.today())
	if err == nil && d.check != nil {
		err = d.check(iso)
	}
	return iso, err
}

// setDay writes a day into the field in the interface's own short form.
func (d *dateField) setDay(day time.Time) {
	d.entry.SetText(day.Format(shortDateLayout()))
	d.sayDay()
}

// sayDay writes under the field, in words, the day it holds, or why what
// is typed is not a day it can take.
func (d *dateField) sayDay() {
	iso, err := d.Date()
	if err != nil {
		d.words.Importance = widget.DangerImportance
		d.words.SetText(sentence(problemText(err)))
		return
	}
	d.words.Importance = widget.LowImportance
	d.words.SetText(game.DateInWords(iso, uiLanguage()))
}

// shortDateLayout is how the interface's language writes a day in
// figures: Finnish 2.12.2026, Swedish and English in ISO form, which both
// read without doubt about which number is the month.
func shortDateLayout() string {
	if uiLanguage() == "fi" {
		return "2.1.2006"
	}
	return time.DateOnly
}

// showCalendar opens a calendar at the field's day (or today), and a day
// clicked there goes into the field.
func (d *dateField) showCalendar() {
	c := fyne.CurrentApp().Driver().CanvasForObject(d)
	if c == nil {
		return
	}
	start := d.today()
	if iso, err := game.ReadDate(d.entry.Text, d.today()); err == nil {
		start, _ = time.Parse(time.DateOnly, iso)
	}
	cal := newCalendar(start, func(day time.Time) {
		d.setDay(day)
		d.picker.Hide()
		c.Focus(d.entry)
	})
	d.picker = widget.NewPopUp(cal, c)
	d.picker.ShowAtPosition(d.calendarPosition(c, d.picker.MinSize()))
}

// calendarPosition puts the calendar under its button, right-aligned with
// it, or above it when the window has no room below; never off the window.
func (d *dateField) calendarPosition(c fyne.Canvas, size fyne.Size) fyne.Position {
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(d.pick)
	x := at.X + d.pick.Size().Width - size.Width
	y := at.Y + d.pick.Size().Height
	if y+size.Height > c.Size().Height {
		y = at.Y - size.Height
	}
	return fyne.NewPos(max(0, min(x, c.Size().Width-size.Width)), max(0, min(y, c.Size().Height-size.Height)))
}

// Validate is part of fyne.Validatable: the typed date's check.
func (d *dateField) Validate() error { return d.entry.Validate() }

// SetOnValidationChanged is part of fyne.Validatable.
func (d *dateField) SetOnValidationChanged(f func(error)) { d.entry.SetOnValidationChanged(f) }

// CreateRenderer is part of fyne.Widget: the field and its calendar
// button on a line, the day in words under them.
func (d *dateField) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewVBox(
		container.NewBorder(nil, nil, nil, d.pick, d.entry),
		d.words,
	))
}
