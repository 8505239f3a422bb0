package kit

import (
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"deckhand/game"
)

// DateField is a field for a day: it takes the date as a facilitator
// writes it (2.12.2026, 2 december 2026, 2026-12-02: game.ReadDate), says
// under it in words which day it read, and has a button that opens a
// calendar to pick the day instead. A form sees it as one Validatable
// field, so a date that is no day marks the field and keeps Create off.
type DateField struct {
	widget.BaseWidget
	Entry  *Field
	Words  *widget.Label
	Pick   *widget.Button
	today  func() time.Time
	Check  func(iso string) error // a further rule for the read day, or nil
	Picker *widget.PopUp
}

// NewDateField makes a date field showing day; today is the day a date
// without a year falls in.
func NewDateField(day time.Time, today func() time.Time) *DateField {
	d := &DateField{Entry: NewField(), Words: widget.NewLabel(""), today: today}
	d.Words.Importance = widget.LowImportance
	d.Pick = widget.NewButtonWithIcon("", theme.CalendarIcon(), d.showCalendar)
	d.Entry.Validator = func(text string) error {
		if _, err := d.readDate(text); err != nil {
			return errors.New(Sentence(ProblemText(err)))
		}
		return nil
	}
	d.Entry.OnChanged = func(string) { d.SayDay() }
	d.ExtendBaseWidget(d)
	d.setDay(day)
	return d
}

// Date is the day the field holds, as YYYY-MM-DD.
func (d *DateField) Date() (string, error) { return d.readDate(d.Entry.Text) }

// readDate reads a typed date and applies the field's further rule.
func (d *DateField) readDate(text string) (string, error) {
	iso, err := game.ReadDate(text, d.today())
	if err == nil && d.Check != nil {
		err = d.Check(iso)
	}
	return iso, err
}

// setDay writes a day into the field in the interface's own short form.
func (d *DateField) setDay(day time.Time) {
	d.Entry.SetText(day.Format(shortDateLayout()))
	d.SayDay()
}

// SayDay writes under the field, in words, the day it holds, or why what
// is typed is not a day it can take.
func (d *DateField) SayDay() {
	iso, err := d.Date()
	if err != nil {
		d.Words.Importance = widget.DangerImportance
		d.Words.SetText(Sentence(ProblemText(err)))
		return
	}
	d.Words.Importance = widget.LowImportance
	d.Words.SetText(game.DateInWords(iso, Language()))
}

// shortDateLayout is how the interface's language writes a day in
// figures: Finnish 2.12.2026, Swedish and English in ISO form, which both
// read without doubt about which number is the month.
func shortDateLayout() string {
	if Language() == "fi" {
		return "2.1.2006"
	}
	return time.DateOnly
}

// showCalendar opens a calendar at the field's day (or today), and a day
// clicked there goes into the field.
func (d *DateField) showCalendar() {
	c := fyne.CurrentApp().Driver().CanvasForObject(d)
	if c == nil {
		return
	}
	start := d.today()
	if iso, err := game.ReadDate(d.Entry.Text, d.today()); err == nil {
		start, _ = time.Parse(time.DateOnly, iso)
	}
	cal := newCalendar(start, func(day time.Time) {
		d.setDay(day)
		d.Picker.Hide()
		c.Focus(d.Entry)
	})
	d.Picker = widget.NewPopUp(cal, c)
	d.Picker.ShowAtPosition(d.calendarPosition(c, d.Picker.MinSize()))
}

// calendarPosition puts the calendar under its button, right-aligned with
// it, or above it when the window has no room below; never off the window.
func (d *DateField) calendarPosition(c fyne.Canvas, size fyne.Size) fyne.Position {
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(d.Pick)
	x := at.X + d.Pick.Size().Width - size.Width
	y := at.Y + d.Pick.Size().Height
	if y+size.Height > c.Size().Height {
		y = at.Y - size.Height
	}
	return fyne.NewPos(max(0, min(x, c.Size().Width-size.Width)), max(0, min(y, c.Size().Height-size.Height)))
}

// Validate is part of fyne.Validatable: the typed date's check.
func (d *DateField) Validate() error { return d.Entry.Validate() }

// SetOnValidationChanged is part of fyne.Validatable.
func (d *DateField) SetOnValidationChanged(f func(error)) { d.Entry.SetOnValidationChanged(f) }

// CreateRenderer is part of fyne.Widget: the field and its calendar
// button on a line, the day in words under them.
func (d *DateField) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewVBox(
		container.NewBorder(nil, nil, nil, d.Pick, d.Entry),
		d.Words,
	))
}
