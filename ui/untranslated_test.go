package ui

import (
	"sort"
	"testing"

	"deckhand/ui/internal/uitest"
	"deckhand/ui/kit"
	"deckhand/ui/workshop"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// screenTexts collects what a person reads in o: labels, buttons, the
// placeholders of fields, the choices of drop-downs, radio and check
// groups, form labels and tab titles.
func screenTexts(o fyne.CanvasObject) []string {
	var out []string
	add := func(s ...string) { out = append(out, s...) }
	uitest.Walk(o, func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			add(x.Text)
		case *widget.Button:
			add(x.Text)
		case *workshop.PlayChip:
			add(x.Text)
		case *widget.Check:
			add(x.Text)
		case *kit.KeyedCheck:
			add(x.Text)
		case *widget.Hyperlink:
			add(x.Text)
		case *widget.RichText:
			add(x.String())
		case *canvas.Text:
			add(x.Text)
		case *widget.Entry:
			add(x.PlaceHolder)
		case *kit.Field:
			add(x.PlaceHolder)
		case *workshop.CodeEntry:
			add(x.PlaceHolder)
		case *widget.Select:
			add(x.PlaceHolder, x.Selected)
			add(x.Options...)
		case *kit.KeyedSelect:
			add(x.PlaceHolder, x.Selected)
			add(x.Options...)
		case *widget.RadioGroup:
			add(x.Options...)
		case *kit.KeyedRadioGroup:
			add(x.Options...)
		case *widget.CheckGroup:
			add(x.Options...)
		case *widget.Form:
			for _, item := range x.Items {
				add(item.Text, item.HintText)
			}
		case *container.AppTabs:
			for _, item := range x.Items {
				add(item.Text)
			}
		}
	})
	return out
}

// menuTexts are the labels of a main menu and its items.
func menuTexts(menu *fyne.MainMenu) []string {
	var out []string
	var items func(m *fyne.Menu)
	items = func(m *fyne.Menu) {
		out = append(out, m.Label)
		for _, i := range m.Items {
			out = append(out, i.Label)
			if i.ChildMenu != nil {
				items(i.ChildMenu)
			}
		}
	}
	for _, m := range menu.Items {
		items(m)
	}
	return out
}

// Built in Swedish or Finnish, no screen shows a text left in English: no
// text of the four tabs, the menus, the Settings window or the shortcuts
// sheet is one of en.json's texts whose translation differs.
func TestNoScreenIsLeftInEnglish(t *testing.T) {
	en := readTranslations(t, "en")
	for _, code := range []string{"sv", "fi"} {
		t.Run(code, func(t *testing.T) {
			translated := readTranslations(t, code)
			english := map[string]bool{}
			for key, text := range en {
				if translated[key] != text {
					english[text] = true
				}
			}
			f, m := newMainFixture(t, code)
			screens := map[string][]string{"menus": menuTexts(m.win.MainMenu()), "tabs": screenTexts(m.tabs)}
			for i, item := range m.tabs.Items {
				m.showTab(i)
				if i == 2 && m.workshop.Session != nil && len(m.workshop.Session.Plays) > 0 {
					// A card selected: its ratings, place, notes and
					// interactions are shown too.
					m.workshop.SelectPlay(m.workshop.Session.Plays[0].ID)
				}
				screens[item.Text] = screenTexts(item.Content)
			}
			screens["workshop, empty"] = screenTexts(m.workshop.Empty)
			m.decks.NewCard() // the editor's note on a new card
			screens["decks, new card"] = screenTexts(m.decks.Content())
			m.showSettings()
			screens["settings"] = screenTexts(m.settings.Content())
			m.showSheet()
			screens["shortcuts"] = screenTexts(m.sheet.Content())
			m.roomToUI = func(func()) {}
			m.showRoom()
			screens["room view, board"] = screenTexts(m.room.Win.Content())
			m.room.Toggle()
			screens["room view, matrix"] = screenTexts(m.room.Win.Content())
			m.room.Close()
			_ = f

			total := 0
			for name, texts := range screens {
				total += len(texts)
				var left []string
				for _, s := range texts {
					if english[s] {
						left = append(left, s)
					}
				}
				sort.Strings(left)
				for _, s := range left {
					t.Errorf("%s: %q is shown in English", name, s)
				}
			}
			if total < 200 {
				t.Errorf("found only %d texts on the screens; the walk is broken", total)
			}
		})
	}
}
