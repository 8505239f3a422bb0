package kit

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"github.com/jeandeaual/go-locale"

	"deckhand/assets"
)

// PrefLanguage is the interface language the person chose: "" follows the
// system, otherwise one of InterfaceLanguages. The card language of decks
// and workshops is separate (PrefCardLanguage, Workshop.Language).
const PrefLanguage = "ui.language"

// InterfaceLanguages are the languages Deckhand's own texts are written in.
var InterfaceLanguages = []string{"en", "sv", "fi"}

// ChosenLanguage is the language set by SetLanguage, "" when the system's is
// followed.
var ChosenLanguage string

// covered are the system's language tags a chosen language's texts were
// added under, each with the texts the system gave before, which are put
// back under it when the system's language is followed again.
var covered = map[string][]byte{}

// SetLanguage makes lang.L answer in code, or in the system's language for "".
//
// Fyne 2.7 has no call to choose the language. Each time translations are
// added it takes, of the tags it has translations under, the one closest to
// the system's list of languages, which it reads with go-locale: the
// environment on Linux, the person's settings on Windows and macOS. So the
// chosen language's texts are added under the very tags of that list, and
// the closest is then the list's own first tag, carrying them. Nothing in
// the process's environment changes, which other threads (the C libraries)
// may be reading, and it works the same on every system.
//
// Fyne cannot take texts away from a tag, and a tag keeps every text added
// under it. Deckhand's files hold every text Fyne's own translations have
// (TestTranslationsHoldEveryTextOfFyne), so the chosen language replaces all
// of them; and what the system gave for each is added back under the same
// tags when the system's language is followed again (or before another
// language is chosen). Texts already on screen keep their language until
// they are built again.
func SetLanguage(code string) {
	if !isInterfaceLanguage(code) {
		code = ""
	}
	ChosenLanguage = code
	for _, tag := range slices.Sorted(maps.Keys(covered)) {
		addTranslations(covered[tag], tag)
	}
	clear(covered)
	loadTranslations()
	if code == "" {
		return
	}
	texts, err := assets.Translations.ReadFile("translations/" + code + ".json")
	if err != nil {
		fmt.Println("deckhand: translations not loaded:", err)
		return
	}
	before, err := currentTexts(texts)
	if err != nil {
		fmt.Println("deckhand: translations not loaded:", err)
		return
	}
	for _, tag := range systemTags() {
		if lang.AddTranslationsForLocale(texts, fyne.Locale(tag)) == nil {
			covered[tag] = before
		}
	}
	if len(covered) == 0 && addTranslations(texts, "en") {
		// Fyne took texts under none of the system's tags (a language
		// it knows no plural rules for): it answers such a system in
		// English, its first.
		covered["en"] = before
	}
}

func isInterfaceLanguage(code string) bool {
	return slices.Contains(InterfaceLanguages, code)
}

// systemTags are the system's languages as Fyne reads them to choose one;
// without any (the C locale), Fyne takes English, its first.
func systemTags() []string {
	tags, err := locale.GetLocales()
	if err != nil || len(tags) == 0 {
		return []string{"en"}
	}
	return tags
}

// currentTexts is what lang.L gives now for every text of a translations
// file, as a translations file.
func currentTexts(file []byte) ([]byte, error) {
	var texts map[string]any
	if err := json.Unmarshal(file, &texts); err != nil {
		return nil, err
	}
	now := make(map[string]string, len(texts))
	for key := range texts {
		now[key] = lang.L(key)
	}
	return json.Marshal(now)
}

// addTranslations adds texts under a language tag and reports whether Fyne
// took them.
func addTranslations(texts []byte, tag string) bool {
	if err := lang.AddTranslationsForLocale(texts, fyne.Locale(tag)); err != nil {
		fmt.Println("deckhand: translations not loaded for "+tag+":", err)
		return false
	}
	return true
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

// Language is the two-letter code of the interface's language: the one
// chosen in Settings, else the system's ("sv" of "sv-FI"). Cards are shown
// in it when a deck has it, until a card language is picked.
func Language() string {
	if ChosenLanguage != "" {
		return ChosenLanguage
	}
	return SystemLanguage()
}

// SystemLanguage is the two-letter code of the system's language.
func SystemLanguage() string {
	code, _, _ := strings.Cut(lang.SystemLocale().LanguageString(), "-")
	return code
}
