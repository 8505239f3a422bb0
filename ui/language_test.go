package ui

import (
	"context"
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"deckhand/game"
	"deckhand/ui/internal/uitest"
	"deckhand/ui/kit"
)

// overlayTexts are the texts of the dialog on top: labels, rich text and
// buttons.
func overlayTexts(w fyne.Window) []string {
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return nil
	}
	var out []string
	uitest.Walk(top, func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			out = append(out, x.Text)
		case *widget.RichText:
			out = append(out, x.String())
		case *widget.Button:
			out = append(out, x.Text)
		}
	})
	return out
}

// Fyne's own dialogs speak the interface language: Fyne ships no Finnish,
// Deckhand's translations carry it (and the Swedish file dialog's title).
func TestFyneDialogsSpeakTheInterfaceLanguage(t *testing.T) {
	for _, c := range []struct {
		code                      string
		yes, no, ok, cancel, open string
		openTitle, errTitle       string
	}{
		{"fi", "Kyllä", "Ei", "OK", "Peruuta", "Avaa", "Avaa tiedosto", "Virhe"},
		{"sv", "Ja", "Nej", "OK", "Avbryt", "Öppna", "Öppna fil", "Fel"},
	} {
		t.Run(c.code, func(t *testing.T) {
			test.NewTempApp(t)
			uitest.UseLanguage(t, c.code)
			w := test.NewTempWindow(t, widget.NewLabel(""))
			w.Resize(fyne.NewSize(900, 700))
			check := func(what string, want ...string) {
				t.Helper()
				texts := overlayTexts(w)
				for _, s := range want {
					if !uitest.HasText(texts, s) {
						t.Errorf("%s shows %q, want %q among them", what, texts, s)
					}
				}
				w.Canvas().Overlays().Top().Hide()
				w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
			}
			dialog.NewConfirm("?", "?", func(bool) {}, w).Show()
			check("a confirm dialog", c.yes, c.no)
			dialog.ShowInformation("i", "i", w)
			check("an information dialog", c.ok)
			dialog.ShowError(errors.New("x"), w)
			check("an error dialog", c.errTitle, c.ok)
			dialog.ShowForm("f", lang.L("OK"), lang.L("Cancel"), []*widget.FormItem{widget.NewFormItem("e", widget.NewEntry())}, func(bool) {}, w)
			check("a form dialog", c.ok, c.cancel)
			dialog.ShowFileOpen(func(fyne.URIReadCloser, error) {}, w)
			check("the file dialog", c.openTitle, c.open, c.cancel)
		})
	}
}

// settingsRadio finds the radio group of the Settings window offering option.
func settingsRadio(t *testing.T, m *mainView, option string) *widget.RadioGroup {
	t.Helper()
	if m.settings == nil {
		t.Fatal("the Settings window is not open")
	}
	var found *widget.RadioGroup
	uitest.Walk(m.settings.Content(), func(o fyne.CanvasObject) {
		if r, ok := o.(*kit.KeyedRadioGroup); ok && uitest.HasText(r.Options, option) {
			found = &r.RadioGroup
		}
	})
	if found == nil {
		t.Fatalf("the Settings window offers no %q", option)
	}
	return found
}

// Choosing Suomi in Settings stores the choice and turns the open window
// into Finnish at once, keeping what the person was at: the card being
// edited, and on the board the team, the selected card, the running clock
// and the undo history.
func TestChoosingALanguageRebuildsTheWindowInIt(t *testing.T) {
	f, m := newMainFixture(t, "en")
	a := f.App
	m.decks.ShowCard(m.decks.DeckID(), "R03")
	m.showTab(2)
	ws := m.workshop
	ws.TeamSel.SetSelected(ws.Session.Teams[1].Name)
	team := ws.TeamID
	var play game.Play
	for _, p := range ws.Session.Plays {
		if p.TeamID == team {
			play = p
		}
	}
	ws.SelectPlay(play.ID)
	ws.MoveSelected(3) // to be undone after the change of language
	ws.Timer.StartStop()
	t.Cleanup(func() {
		if !m.workshop.Timer.Started.IsZero() {
			m.workshop.Timer.StartStop()
		}
	})

	m.showSettings()
	settingsRadio(t, m, "Suomi").SetSelected("Suomi")

	if got := a.Preferences().String(kit.PrefLanguage); got != "fi" {
		t.Errorf("stored interface language = %q, want fi", got)
	}
	var tabs []string
	for _, item := range m.tabs.Items {
		tabs = append(tabs, item.Text)
	}
	if strings.Join(tabs, ",") != "Korttipakat,Tulosta,Työpaja,Tulokset" {
		t.Errorf("tabs after choosing Suomi = %v", tabs)
	}
	if menu := m.win.MainMenu(); menu == nil || menu.Items[0].Label != "Tiedosto" || menu.Items[2].Label != "Näytä" || menu.Items[3].Label != "Ohje" {
		t.Errorf("menus after choosing Suomi = %+v", menu)
	}
	if !uitest.HasText(uitest.WindowLabels(m.settings.Content()), "Käyttöliittymän kieli") {
		t.Errorf("the Settings window is not in Finnish: %q", uitest.WindowLabels(m.settings.Content()))
	}
	if m.tabs.SelectedIndex() != 2 || m.decks.Editor.Code.Text != "R03" {
		t.Errorf("after the change: tab %d, editor on %q; want the Workshop tab and card R03", m.tabs.SelectedIndex(), m.decks.Editor.Code.Text)
	}
	ws = m.workshop
	if ws.TeamID != team || ws.Selected != play.ID || ws.Timer.Started.IsZero() {
		t.Errorf("on the board: team %q (want %q), selected %q (want %q), clock running %v",
			ws.TeamID, team, ws.Selected, play.ID, !ws.Timer.Started.IsZero())
	}
	ws.Undo()
	after, err := f.Store.Session(context.Background(), ws.Session.Workshop.ID, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range after.Plays {
		if p.ID == play.ID && p.Area != play.Area {
			t.Errorf("undo after the change of language left the card in %q, want %q", p.Area, play.Area)
		}
	}
}

// The theme choice is stored and applied at once: Dark gives the dark
// colours even where the system asks for light ones.
func TestChoosingAThemeAppliesIt(t *testing.T) {
	f, m := newMainFixture(t, "en")
	a := f.App
	m.showSettings()
	look := settingsRadio(t, m, "Dark")
	look.SetSelected("Dark")
	if got := a.Preferences().String(prefTheme); got != themeDark {
		t.Errorf("stored theme = %q, want dark", got)
	}
	dark := theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantDark)
	if got := a.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantLight); got != dark {
		t.Errorf("background with Dark chosen = %v, want the dark %v", got, dark)
	}
	look.SetSelected("Light")
	light := theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantLight)
	if got := a.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantDark); got != light {
		t.Errorf("background with Light chosen = %v, want the light %v", got, light)
	}
	look.SetSelected("Follow the system")
	if got := a.Preferences().String(prefTheme); got != "" {
		t.Errorf("stored theme after Follow the system = %q", got)
	}
}

// At start the saved choices apply before the window is built.
func TestStartAppliesTheSavedChoices(t *testing.T) {
	f, _ := newMainFixture(t, "")
	a := f.App
	a.Preferences().SetString(kit.PrefLanguage, "sv")
	a.Preferences().SetString(prefTheme, themeDark)
	t.Cleanup(func() { kit.SetLanguage("en") })
	applySavedSettings(a)
	m := newMainView(a, f.Win, f.Store, viewActions{})
	if m.tabs.Items[0].Text != "Kortlekar" {
		t.Errorf("first tab = %q, want Kortlekar", m.tabs.Items[0].Text)
	}
	dark := theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantDark)
	if got := a.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantLight); got != dark {
		t.Errorf("background after start = %v, want the dark %v", got, dark)
	}
}
