package cards

import (
	"maps"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits on what a deck may hold. They keep a card printable and a code
// quick to type; the numbers are generous for any real deck.
const (
	MaxCodeLen  = 12   // characters in a card code
	MaxNameLen  = 80   // characters in a deck name
	MaxTitleLen = 120  // characters in a card title, in any language
	MaxBodyLen  = 1000 // characters in a card body, in any language
	MaxCopies   = 999  // copies of one card to print
)

var (
	codePattern   = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)
	keyPattern    = regexp.MustCompile(`^[a-z][a-z0-9_-]*$`)
	colourPattern = regexp.MustCompile(`^#[0-9A-Fa-f]{6}$`)
	tagPattern    = regexp.MustCompile(`^[\p{L}\p{N}][\p{L}\p{N}_-]*$`)
)

// Levels every deck understands: a routine is about day-to-day operations or
// about the organisation's strategy.
const (
	LevelOperative = "operative"
	LevelStrategic = "strategic"
)

// Validate checks the whole deck and returns Problems listing everything
// wrong with it, or nil when the deck is fit to store and print.
func Validate(d *Deck) error {
	var l problemList
	checkDeckInfo(&l, d)
	checkVocabulary(&l, d)
	checkLook(&l, d)
	seen := make(map[string]int, len(d.Cards))
	for i, c := range d.Cards {
		checkCard(&l, d, i, c)
		key := strings.ToUpper(c.Code)
		if _, dup := seen[key]; dup && c.Code != "" {
			l.card(i, c, "code", "code %s is already used by an earlier card; codes must be unique in a deck", c.Code)
		} else {
			seen[key] = i
		}
	}
	return l.err()
}

// ValidateCard checks one card against the deck it belongs to, including that
// its code is not taken by another card of the deck (CodeTaken).
// The card editor calls it before saving.
func ValidateCard(d *Deck, c Card) error {
	return ValidateCardTaken(d, c, d.CodeTaken(c))
}

// ValidateCardTaken is ValidateCard for a caller that knows whether another
// card of the deck has c's code (taken) without holding the deck's cards:
// d's cards are not looked at, only its vocabulary and languages. The store
// checks a card so, asking its index of codes rather than reading the deck.
func ValidateCardTaken(d *Deck, c Card, taken bool) error {
	var l problemList
	checkCard(&l, d, -1, c)
	if taken {
		l.card(-1, c, "code", "code %s is already used by another card in this deck", c.Code)
	}
	return l.err()
}

// CodeTaken reports whether another card of the deck has c's code, in any
// case: one with a different ID (a card without an ID is new, so any card
// with its code is another).
func (d *Deck) CodeTaken(c Card) bool {
	for _, other := range d.Cards {
		if (c.ID == "" || other.ID != c.ID) && strings.EqualFold(other.Code, c.Code) {
			return true
		}
	}
	return false
}

func checkDeckInfo(l *problemList, d *Deck) {
	name := strings.TrimSpace(d.Name)
	switch {
	case name == "":
		l.deck("name", "the deck has no name")
	case utf8.RuneCountInString(name) > MaxNameLen:
		l.deck("name", "the deck name is longer than %d characters", MaxNameLen)
	case name != d.Name:
		l.deck("name", "the deck name starts or ends with spaces")
	case BreaksLine(name):
		l.deck("name", "the deck name holds a line break or control character; write it on one line")
	}
	if r, ok := BidiControl(name); ok {
		l.deck("name", "the deck name holds U+%04X, a character that changes the direction of text; remove it", r)
	}
	if TooLongID(d.ID) {
		l.deck("id", "the deck's id is longer than %d characters", MaxIDLen)
	}
	if len(d.Languages) == 0 {
		l.deck("languages", "the deck has no languages")
	}
	seen := map[string]bool{}
	for _, lang := range d.Languages {
		if lang == swedenNotSami {
			l.deck("languages", "se is not a language code Deckhand reads (it is Sweden's country code, and Northern Sami's); for Swedish write sv")
		} else if !KnownLanguage(lang) {
			l.deck("languages", "unknown language %q; use a two-letter code such as sv, fi or en", lang)
		}
		if seen[lang] {
			l.deck("languages", "language %s is listed twice", lang)
		}
		seen[lang] = true
	}
	if len(d.Languages) > 0 && !d.HasLanguage(d.DefaultLang) {
		l.deck("default_language", "the default language %q is not one of the deck's languages", d.DefaultLang)
	}
	if d.Edition < 1 {
		l.deck("edition", "the edition must be 1 or more")
	}
}

func checkVocabulary(l *problemList, d *Deck) {
	if len(d.CardTypes) == 0 {
		l.deck("card_types", "the deck has no card types")
	}
	typeKeys := make([]string, len(d.CardTypes))
	for i, t := range d.CardTypes {
		typeKeys[i] = t.Key
		if !colourPattern.MatchString(t.Colour) {
			l.deck("card_types", "card type %s: colour %q is not of the form #RRGGBB", t.Key, t.Colour)
		}
	}
	checkKeys(l, "card_types", typeKeys,
		"card type key %q must be lowercase letters, digits, - or _", "card type %s is defined twice")
	areaKeys := make([]string, len(d.Board.Areas))
	for i, a := range d.Board.Areas {
		areaKeys[i] = a.Key
		if !colourPattern.MatchString(a.Colour) {
			l.deck("board", "board area %s: colour %q is not of the form #RRGGBB", a.Key, a.Colour)
		}
	}
	checkKeys(l, "board", areaKeys,
		"board area key %q must be lowercase letters, digits, - or _", "board area %s is defined twice")
	checkKeys(l, "themes", termKeys(d.Themes),
		"theme key %q must be lowercase letters, digits, - or _", "theme %s is defined twice")
	checkKeys(l, "levels", termKeys(d.Levels),
		"level key %q must be lowercase letters, digits, - or _", "level %s is defined twice")
	critKeys := make([]string, len(d.Criteria))
	for i, c := range d.Criteria {
		critKeys[i] = c.Key
		if c.Perspective != PerspectiveCustomer && c.Perspective != PerspectiveOrganisation {
			l.deck("criteria", "criterion %s: perspective %q must be customer or organisation", c.Key, c.Perspective)
		}
		if c.Min >= c.Max {
			l.deck("criteria", "criterion %s: the scale %d–%d must go from a lower to a higher number", c.Key, c.Min, c.Max)
		}
	}
	checkKeys(l, "criteria", critKeys,
		"criterion key %q must be lowercase letters, digits, - or _", "criterion %s is defined twice")
}

func termKeys(terms []Term) []string {
	keys := make([]string, len(terms))
	for i, t := range terms {
		keys[i] = t.Key
	}
	return keys
}

// checkKeys refuses malformed and repeated keys of one kind. The sentences
// come whole from the caller, one pair per kind, so that each is translated
// as a whole: "card type" cannot be slotted into a Finnish sentence.
func checkKeys(l *problemList, field string, keys []string, malformed, twice string) {
	seen := map[string]bool{}
	for _, k := range keys {
		if !keyPattern.MatchString(k) {
			l.deck(field, malformed, k)
		}
		if seen[k] {
			l.deck(field, twice, k)
		}
		seen[k] = true
	}
}

func checkCard(l *problemList, d *Deck, i int, c Card) {
	if TooLongID(c.ID) {
		l.card(i, c, "id", "the card's id is longer than %d characters", MaxIDLen)
	}
	switch {
	case c.Code == "":
		l.card(i, c, "code", "the card has no code")
	case utf8.RuneCountInString(c.Code) > MaxCodeLen:
		l.card(i, c, "code", "code is longer than %d characters", MaxCodeLen)
	case !codePattern.MatchString(c.Code):
		l.card(i, c, "code", "code %q may only hold letters, digits, '.', '-' and '_'", c.Code)
	}
	if _, ok := d.CardType(c.Type); !ok {
		l.card(i, c, "type", "unknown card type %q; the deck has %s", c.Type, strings.Join(typeKeysOf(d), ", "))
	}
	if _, ok := d.Theme(c.Theme); c.Theme != "" && !ok {
		l.card(i, c, "theme", "unknown theme %q; the deck has %s", c.Theme, strings.Join(termKeys(d.Themes), ", "))
	}
	if _, ok := d.Area(c.Area); c.Area != "" && !ok {
		l.card(i, c, "area", "unknown board area %q; the board has %s", c.Area, strings.Join(areaKeysOf(d), ", "))
	}
	if _, ok := d.Level(c.Level); c.Level != "" && !ok {
		l.card(i, c, "level", "unknown level %q; the deck has %s", c.Level, strings.Join(termKeys(d.Levels), ", "))
	}
	if c.Copies < 0 || c.Copies > MaxCopies {
		l.card(i, c, "copies", "copies must be between 0 and %d, not %d", MaxCopies, c.Copies)
	}
	for _, tag := range c.Tags {
		if !tagPattern.MatchString(tag) {
			l.card(i, c, "tags", "tag %q may only hold letters, digits, '-' and '_'", tag)
		}
	}
	checkTexts(l, d, i, c)
}

func checkTexts(l *problemList, d *Deck, i int, c Card) {
	for _, lang := range d.Languages {
		title, body := c.Title[lang], c.Body[lang]
		switch {
		case strings.TrimSpace(title) == "":
			l.card(i, c, "title_"+lang, "the title in %s is empty", LanguageName(lang))
		case utf8.RuneCountInString(title) > MaxTitleLen:
			l.card(i, c, "title_"+lang, "the title in %s is longer than %d characters", LanguageName(lang), MaxTitleLen)
		case hasControl(title, false):
			l.card(i, c, "title_"+lang, "the title in %s holds a line break or control character", LanguageName(lang))
		}
		if r, ok := BidiControl(title); ok {
			l.card(i, c, "title_"+lang, "the title in %s holds U+%04X, a character that changes the direction of text; remove it", LanguageName(lang), r)
		}
		switch {
		case utf8.RuneCountInString(body) > MaxBodyLen:
			l.card(i, c, "body_"+lang, "the text in %s is longer than %d characters", LanguageName(lang), MaxBodyLen)
		case hasControl(body, true):
			l.card(i, c, "body_"+lang, "the text in %s holds a control character", LanguageName(lang))
		}
	}
	for _, field := range []struct {
		prefix string
		text   Text
	}{{"title_", c.Title}, {"body_", c.Body}} {
		for _, lang := range slices.Sorted(maps.Keys(field.text)) {
			if field.text[lang] != "" && !d.HasLanguage(lang) {
				l.card(i, c, field.prefix+lang, "has text in %q, which is not one of the deck's languages", lang)
			}
		}
	}
}

// hasControl reports control characters or invalid UTF-8, which no printer
// or screen can show; a body may hold line breaks.
func hasControl(s string, allowNewline bool) bool {
	if !utf8.ValidString(s) {
		return true
	}
	for _, r := range s {
		if allowNewline && (r == '\n' || r == '\t') {
			continue
		}
		if unicode.IsControl(r) {
			return true
		}
	}
	return false
}

func typeKeysOf(d *Deck) []string {
	keys := make([]string, len(d.CardTypes))
	for i, t := range d.CardTypes {
		keys[i] = t.Key
	}
	return keys
}

func areaKeysOf(d *Deck) []string {
	keys := make([]string, len(d.Board.Areas))
	for i, a := range d.Board.Areas {
		keys[i] = a.Key
	}
	return keys
}
