package words

import (
	"encoding/json"
	"fmt"

	"deckhand/assets"
)

// Entry is what the catalogue holds for one key in one language: the text,
// or for a counted phrase the form for a count of one and the form for
// every other count.
type Entry struct {
	One   string // "" unless the phrase counts something
	Other string
}

// Counted says whether the entry is a counted phrase, with plural forms.
func (e Entry) Counted() bool { return e.One != "" }

// Entries are the catalogue's entries in the language of code, as its file
// holds them, for the tests that check the files against the source. An
// entry is a string or an object of plural forms; other forms than one and
// other (zero, two, few, many) are ones none of the three languages has.
func Entries(code string) (map[string]Entry, error) {
	data, err := assets.Translations.ReadFile("translations/" + code + ".json")
	if err != nil {
		return nil, err
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("translations/%s.json: %w", code, err)
	}
	entries := make(map[string]Entry, len(raw))
	for key, value := range raw {
		var text string
		if json.Unmarshal(value, &text) == nil {
			entries[key] = Entry{Other: text}
			continue
		}
		var forms map[string]string
		if err := json.Unmarshal(value, &forms); err != nil {
			return nil, fmt.Errorf("translations/%s.json: %q is neither a text nor plural forms: %w", code, key, err)
		}
		for form := range forms {
			if form != "one" && form != "other" {
				return nil, fmt.Errorf("translations/%s.json: %q has the form %q; only one and other are used", code, key, form)
			}
		}
		entries[key] = Entry{One: forms["one"], Other: forms["other"]}
	}
	return entries, nil
}
