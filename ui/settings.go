package ui

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"deckhand/cards"
	"deckhand/ui/kit"
)

// applySavedSettings applies the language and theme chosen in Settings
// before; Start calls it before any text is made.
func applySavedSettings(a fyne.App) {
	kit.SetLanguage(a.Preferences().String(kit.PrefLanguage))
	applyTheme(a, a.Preferences().String(prefTheme))
}

// showSettings opens the Settings window, or brings it forward: the
// interface language and the theme, both applied at once and kept in the
// app's preferences.
func (m *mainView) showSettings() {
	if m.settings != nil {
		m.settings.RequestFocus()
		return
	}
	w := m.app.NewWindow(lang.L("Settings"))
	m.settings = w
	w.SetOnClosed(func() { m.settings = nil })
	kit.CloseOnEscape(w)
	w.SetContent(m.settingsContent())
	w.Resize(fyne.NewSize(560, 600))
	fitToScreen(w)
	w.Show()
}

// settingsContent is the Settings window's content in the current
// interface language; rebuild makes it again after a change of language.
func (m *mainView) settingsContent() fyne.CanvasObject {
	p := m.app.Preferences()
	langNames := []string{fmt.Sprintf(lang.L("Follow the system (%s)"), cards.LanguageName(kit.SystemLanguage()))}
	for _, code := range kit.InterfaceLanguages {
		// Each language is named in itself, so that it can be found
		// whatever the screen is in now.
		langNames = append(langNames, cards.LanguageName(code))
	}
	langKeys := append([]string{""}, kit.InterfaceLanguages...)
	var language *kit.KeyedRadioGroup
	language = keyedRadio(langKeys, langNames, p.String(kit.PrefLanguage), func(code string) {
		before := p.String(kit.PrefLanguage)
		if code == before {
			return
		}
		// Kept editing a card that cannot be saved: the choice is not made.
		m.changeLanguage(code, func() { language.SetSelected(langNames[max(slices.Index(langKeys, before), 0)]) })
	})
	note := widget.NewLabel(lang.L("Menus, buttons and messages change at once. Cards stay in the language chosen for each deck and workshop."))
	note.Wrapping = fyne.TextWrapWord
	look := keyedRadio([]string{"", themeLight, themeDark}, []string{lang.L("Follow the system"), lang.L("Light"), lang.L("Dark")},
		p.String(prefTheme), func(choice string) {
			p.SetString(prefTheme, choice)
			applyTheme(m.app, choice)
		})
	look.Horizontal = true
	closeBtn := widget.NewButton(lang.L("Close"), func() {
		if m.settings != nil {
			m.settings.Close()
		}
	})
	return container.NewVBox(
		kit.Heading(lang.L("Interface language")), language, note,
		widget.NewSeparator(),
		kit.Heading(lang.L("Appearance")), look,
		widget.NewSeparator(),
		m.teamFolderSettings(),
		layout.NewSpacer(),
		container.NewHBox(layout.NewSpacer(), closeBtn))
}

// keyedRadio is a radio group showing labels and reporting keys: a
// preference stores "fi", the person reads "Suomi". Its choices are the
// app's (kit/keyedradio.go), so that after a click on one, which gives it the
// keyboard, Esc still closes the window and F1 still opens the key sheet.
func keyedRadio(keys, labels []string, selected string, onChanged func(key string)) *kit.KeyedRadioGroup {
	r := kit.NewKeyedRadioGroup(labels, nil)
	r.Required = true
	for i, k := range keys {
		if k == selected {
			r.Selected = labels[i]
		}
	}
	r.OnChanged = func(label string) {
		for i, l := range labels {
			if l == label {
				onChanged(keys[i])
			}
		}
	}
	return r
}
