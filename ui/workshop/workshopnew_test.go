package workshop

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"deckhand/storage"
	"deckhand/ui/internal/uitest"
)

// workshopsTitled are the stored workshops with a title.
func workshopsTitled(t *testing.T, f *uitest.Fixture, title string) []storage.WorkshopSummary {
	t.Helper()
	all, err := f.Store.Workshops(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var out []storage.WorkshopSummary
	for _, w := range all {
		if w.Title == title {
			out = append(out, w)
		}
	}
	return out
}

// enter presses Enter in a field, as the facilitator does to create.
func enter(e fyne.Focusable) { e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) }

func TestNewWorkshopTakesAFinnishDateAndSaysTheDay(t *testing.T) {
	uitest.UseLanguage(t, "fi")
	f, ws := newWorkshopFixture(t)
	form := ws.ShowNewWorkshopForm()
	if got := form.date.Entry.Text; got != "12.3.2026" {
		t.Errorf("the Finnish form starts with the date %q; want 12.3.2026", got)
	}
	test.Type(form.title, "Joulupaja")
	form.date.Entry.SetText("2.12.2026")
	if got := form.date.Words.Text; got != "2. joulukuuta 2026" {
		t.Errorf("under 2.12.2026 the form says %q; want 2. joulukuuta 2026", got)
	}
	form.retention.Entry.SetText("2.6.2027")
	enter(form.title)
	got := workshopsTitled(t, f, "Joulupaja")
	if len(got) != 1 || got[0].Date != "2026-12-02" {
		t.Fatalf("after Enter the stored workshops titled Joulupaja are %+v; want one on 2026-12-02", got)
	}
}

func TestNewWorkshopKeepsWhatWasTypedWhenADateIsNoDay(t *testing.T) {
	f, ws := newWorkshopFixture(t)
	form := ws.ShowNewWorkshopForm()
	test.Type(form.title, "Winter pilot")
	test.Type(form.client, "Acme Oy")
	form.date.Entry.SetText("31.11.2026")
	enter(form.title)
	if got := workshopsTitled(t, f, "Winter pilot"); len(got) != 0 {
		t.Fatalf("a workshop was made on 31.11.2026: %+v", got)
	}
	if top := f.Win.Canvas().Overlays().Top(); top == nil || !uitest.HasText(uitest.WindowLabels(top), "New workshop") {
		t.Fatal("the form closed on a date that is no day")
	}
	if err := form.date.Validate(); err == nil || !strings.Contains(err.Error(), "31.11.2026") {
		t.Errorf("the date field's mark is %v; want one naming 31.11.2026", err)
	}
	form.retention.Entry.SetText("1.1.2026")
	form.date.Entry.SetText("30.11.2026")
	if err := form.retention.Validate(); err == nil {
		t.Error("an erase date before the workshop's date is not marked")
	}
	form.retention.Entry.SetText("30 May 2027")
	enter(form.title)
	got := workshopsTitled(t, f, "Winter pilot")
	if len(got) != 1 || got[0].Date != "2026-11-30" || got[0].Client != "Acme Oy" {
		t.Fatalf("after the dates were put right: %+v; want one on 2026-11-30 for Acme Oy", got)
	}
}

func TestNewWorkshopComesBackWhenTheStoreRefuses(t *testing.T) {
	f, ws := newWorkshopFixture(t)
	form := ws.ShowNewWorkshopForm()
	test.Type(form.title, "Spring pilot")
	form.teams.SetText("Table 1, " + strings.Repeat("x", 200))
	enter(form.title)
	if got := workshopsTitled(t, f, "Spring pilot"); len(got) != 0 {
		t.Fatalf("a workshop was made with a 200-letter team name: %+v", got)
	}
	if !strings.Contains(f.DialogText(), "longer than") {
		t.Fatalf("the refusal is not said; the top dialog reads %q", f.DialogText())
	}
	f.TapDialogButton("OK")
	if top := f.Win.Canvas().Overlays().Top(); top == nil || !uitest.HasText(uitest.WindowLabels(top), "New workshop") {
		t.Fatal("after the refusal the form is gone, and what was typed with it")
	}
	if form.title.Text != "Spring pilot" {
		t.Errorf("the title came back as %q", form.title.Text)
	}
	form.teams.SetText("Table 1, Table 2")
	enter(form.title)
	if got := workshopsTitled(t, f, "Spring pilot"); len(got) != 1 {
		t.Fatalf("after the team name was shortened: %+v; want one workshop", got)
	}
}

func TestTheCalendarPutsTheDayPickedIntoTheField(t *testing.T) {
	f, ws := newWorkshopFixture(t)
	form := ws.ShowNewWorkshopForm()
	test.Tap(form.date.Pick)
	if form.date.Picker == nil || !form.date.Picker.Visible() {
		t.Fatal("the calendar button opened no calendar")
	}
	day := uitest.FindButton(form.date.Picker, "20")
	if day == nil {
		t.Fatal("the calendar has no day 20")
	}
	test.Tap(day)
	if got := form.date.Entry.Text; got != "2026-03-20" {
		t.Errorf("picking the 20th (the fixture's today is 12 March 2026) wrote %q", got)
	}
	if form.date.Picker.Visible() {
		t.Error("the calendar stays open after a day is picked")
	}
	if got := form.date.Words.Text; got != "20 March 2026" {
		t.Errorf("under the picked day the form says %q", got)
	}
	_ = f
}
