package pdf

import (
	"deckhand/message"
	"deckhand/words"
)

// A PDF is printed in its document's language, which need not be the
// interface's: the words it prints that are not the deck's own (the deck
// names its types, areas, levels and criteria, the workshop its teams and
// paths) come from the catalogue (package words), where the screens find
// theirs, each under its English. Written here in English, as printed or
// as a message.Message, they are found by the translations test
// (ui/coremessages_test.go) like every other sentence of the core packages;
// a language the catalogue does not speak prints English.

// printed is a word or sentence of the catalogue, given in English, in lang.
// One with format verbs is filled in by the caller, as fmt.Sprintf does.
func printed(lang, english string) string { return said(lang, message.Word(english)) }

// said is a Message in lang.
func said(lang string, m message.Message) string { return words.In(lang).Say(m) }
