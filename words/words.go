// Package words is Deckhand's one catalogue of the words it shows and
// prints: the files assets/translations/{en,sv,fi}.json, whose key is the
// English text and whose value is the text in that file's language, or,
// for a phrase that counts something, its plural forms ("one", "other":
// go-i18n's format, which Fyne's lang package reads too). The desktop app's
// own texts go through Fyne (lang.L); everything else, in whatever
// language the caller names, goes through here: the sentences the core
// packages make (message.Message) as the app shows them, and the words of
// a PDF in the document's language, which need not be the interface's.
//
// This is the one package that imports go-i18n, for the files' format and
// for the CLDR plural rules that choose a counted phrase's form.
package words

import (
	"encoding/json"
	"fmt"
	"sync"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"deckhand/assets"
)

// Languages are the languages the catalogue is written in, English first:
// a word missing in another is said in English.
var Languages = []string{"en", "sv", "fi"}

// Lang is the catalogue in one language.
type Lang struct {
	code      string
	localizer *i18n.Localizer
}

// catalogue is the bundle of the three files and a Lang for each of their
// languages, read from the binary once, when first asked for.
var catalogue = sync.OnceValues(func() (map[string]Lang, error) {
	bundle := i18n.NewBundle(language.English)
	bundle.RegisterUnmarshalFunc("json", json.Unmarshal)
	langs := map[string]Lang{}
	for _, code := range Languages {
		data, err := assets.Translations.ReadFile("translations/" + code + ".json")
		if err != nil {
			return nil, err
		}
		if _, err := bundle.ParseMessageFileBytes(data, code+".json"); err != nil {
			return nil, fmt.Errorf("translations/%s.json: %w", code, err)
		}
		langs[code] = Lang{code: code, localizer: i18n.NewLocalizer(bundle, code)}
	}
	return langs, nil
})

// In is the catalogue in the language of code ("fi"); a language Deckhand
// does not speak, or none, is English. A catalogue that cannot be read (a
// broken file, which the tests rule out) says every key as its English.
func In(code string) Lang {
	langs, err := catalogue()
	if err != nil {
		return Lang{code: "en"}
	}
	if l, ok := langs[code]; ok {
		return l
	}
	return langs["en"]
}

// Code is the two-letter code of l's language.
func (l Lang) Code() string { return l.code }

// L is the text of key in l: a counted phrase's form for every count but
// one. A key the catalogue lacks is its own text, as the English is.
func (l Lang) L(key string) string {
	text, _ := l.lookup(key, nil)
	return text
}

// N is the form of the counted phrase key that the count n takes in l
// ("%d kortti" for 1, "%d korttia" for 2 in Finnish), by the language's
// plural rules; a key the catalogue lacks is its own text.
func (l Lang) N(key string, n int) string {
	text, _ := l.lookup(key, n)
	return text
}

// Has says whether the catalogue holds key in l's language itself, not
// only in English.
func (l Lang) Has(key string) bool {
	_, ok := l.lookup(key, nil)
	return ok
}

// lookup is the text of key for a count (nil: no count), and whether the
// catalogue holds it in l's language. Missing there, it is the English
// entry; missing in English too, the key.
func (l Lang) lookup(key string, count any) (string, bool) {
	if l.localizer == nil || key == "" {
		return key, false
	}
	text, tag, err := l.localizer.LocalizeWithTag(&i18n.LocalizeConfig{MessageID: key, PluralCount: count})
	if text == "" {
		return key, false
	}
	return text, err == nil && tag.String() == l.code
}
