package workshop

import (
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"deckhand/game"
	"deckhand/ui/kit"
)

// detailsForm are the fields of the workshop's own details, as the New
// workshop form has them; its deck, language and tables are not here (the
// deck is a snapshot, and tables are added and removed on their own).
type detailsForm struct {
	Title, Client, Sector, Place, Facilitator, Purpose *kit.Field
	Date, Retention                                    *kit.DateField
	dialog                                             *kit.KeyedDialog
}

// EditDetails opens the details of the workshop shown; Save stores them
// through the store, which checks them as at creation (game.CheckWorkshop),
// as one action of the undo history. A refused change keeps the form, with
// the reason over it (kit.NewSaveForm).
func (s *Screen) EditDetails() *detailsForm {
	if s.Session == nil {
		return nil
	}
	w := s.Session.Workshop
	f := &detailsForm{}
	for e, text := range map[**kit.Field]string{&f.Title: w.Title, &f.Client: w.Client, &f.Sector: w.Sector, &f.Place: w.Place, &f.Facilitator: w.Facilitator} {
		*e = kit.NewField()
		(*e).SetText(text)
	}
	f.Purpose = kit.NewTextArea()
	f.Purpose.SetText(w.Purpose)
	day := dayOf(w.Date, s.Now())
	f.Date = kit.NewDateField(day, s.Now)
	f.Retention = kit.NewDateField(dayOf(w.Retention, day.AddDate(0, 6, 0)), s.Now)
	f.Retention.Check = func(iso string) error {
		if d, err := f.Date.Date(); err == nil && iso < d {
			return errors.New(lang.L("The erase date is before the workshop's date."))
		}
		return nil
	}
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Title"), f.Title),
		widget.NewFormItem(lang.L("Date"), f.Date),
		widget.NewFormItem(lang.L("Client"), f.Client),
		widget.NewFormItem(lang.L("Sector"), f.Sector),
		widget.NewFormItem(lang.L("Place"), f.Place),
		widget.NewFormItem(lang.L("Facilitator"), f.Facilitator),
		widget.NewFormItem(lang.L("Purpose of the data"), f.Purpose),
		widget.NewFormItem(lang.L("Erase after"), f.Retention),
	}
	f.dialog = kit.NewSaveForm(s.win, lang.L("Workshop details"), lang.L("Save"), items, func() error { return s.saveDetails(f) })
	for _, e := range []*kit.Field{f.Title, f.Client, f.Sector, f.Place, f.Facilitator, f.Date.Entry, f.Retention.Entry} {
		e.OnSubmitted = func(string) { f.dialog.Submit() }
	}
	f.dialog.Resize(fyne.NewSize(560, f.dialog.MinSize().Height))
	f.dialog.Show()
	s.win.Canvas().Focus(f.Title)
	s.forms.details = f
	return f
}

// dayOf reads an ISO date, or gives fallback for none.
func dayOf(iso string, fallback time.Time) time.Time {
	if d, err := time.Parse(time.DateOnly, iso); err == nil {
		return d
	}
	return fallback
}

// saveDetails stores the form's details as an action: undo puts the
// details back as they were.
func (s *Screen) saveDetails(f *detailsForm) error {
	date, err := f.Date.Date()
	if err != nil {
		return err
	}
	retention, err := f.Retention.Date()
	if err != nil {
		return err
	}
	before := s.Session.Workshop
	after := before
	after.Title, after.Client, after.Sector = strings.TrimSpace(f.Title.Text), strings.TrimSpace(f.Client.Text), strings.TrimSpace(f.Sector.Text)
	after.Place, after.Facilitator, after.Purpose = strings.TrimSpace(f.Place.Text), strings.TrimSpace(f.Facilitator.Text), strings.TrimSpace(f.Purpose.Text)
	after.Date, after.Retention = date, retention
	save := func(w game.Workshop) func() error {
		return func() error { return s.store.UpdateWorkshop(s.ctx, &w) }
	}
	return s.try(action{name: lang.L("the workshop's details"), redo: save(after), undo: save(before)})
}
