package ui

import (
	"fmt"
	"os"
	"strings"

	"fyne.io/fyne/v2/lang"

	"deckhand/assets"
)

// prefLanguage is the interface language the person chose: "" follows the
// system, otherwise one of interfaceLanguages. The card language of decks
// and workshops is separate (prefCardLanguage, Workshop.Language).
const prefLanguage = "ui.language"

// interfaceLanguages are the languages Deckhand's own texts are written in.
var interfaceLanguages = []string{"en", "sv", "fi"}

// chosenLanguage is the language set by setLanguage, "" when the system's is
// followed.
var chosenLanguage string

// setLanguage makes lang.L answer in code, or in the system's language for "".
//
// Fyne 2.7 has no call to choose the language: it picks one each time
// translations are added, from LC_ALL, LC_MESSAGES, LANG and LANGUAGE (in
// that order; LANGUAGE only when the first one set is not "C"). So the
// translations are added again with those variables naming the chosen
// language, and the variables are put back at once: nothing else (the C
// libraries' own locale, child processes) sees the change. Texts already on
// screen keep their language until they are built again.
func setLanguage(code string) {
	if !isInterfaceLanguage(code) {
		code = ""
	}
	chosenLanguage = code
	if code != "" {
		defer overrideEnv(map[string]string{"LC_ALL": code, "LANGUAGE": code})()
	}
	loadTranslations()
}

func isInterfaceLanguage(code string) bool {
	for _, c := range interfaceLanguages {
		if c == code {
			return true
		}
	}
	return false
}

// overrideEnv sets environment variables and returns what puts them back.
func overrideEnv(vars map[string]string) (restore func()) {
	type old struct {
		value string
		set   bool
	}
	saved := map[string]old{}
	for k, v := range vars {
		value, set := os.LookupEnv(k)
		saved[k] = old{value, set}
		os.Setenv(k, v)
	}
	return func() {
		for k, o := range saved {
			if o.set {
				os.Setenv(k, o.value)
			} else {
				os.Unsetenv(k)
			}
		}
	}
}

// loadTranslations adds Deckhand's texts (which also carry the Finnish of
// Fyne's own dialogs, which Fyne lacks) to Fyne's; adding them again is
// harmless and makes Fyne choose the language anew.
func loadTranslations() {
	if err := lang.AddTranslationsFS(assets.Translations, "translations"); err != nil {
		// The English texts in the code still work; say why the others do not.
		fmt.Println("deckhand: translations not loaded:", err)
	}
}

// uiLanguage is the two-letter code of the interface's language: the one
// chosen in Settings, else the system's ("sv" of "sv-FI"). Cards are shown
// in it when a deck has it, until a card language is picked.
func uiLanguage() string {
	if chosenLanguage != "" {
		return chosenLanguage
	}
	return systemLanguage()
}

// systemLanguage is the two-letter code of the system's language.
func systemLanguage() string {
	code, _, _ := strings.Cut(lang.SystemLocale().LanguageString(), "-")
	return code
}
