// Package message keeps sentences for people as their English format and
// arguments, not only as finished text, so that every package below the
// desktop app (cards, game, storage, pdf) can say what happened in a way
// the app can translate, while knowing no language but English itself.
//
// The command line and the tests read the English (Message.String); the
// desktop app and the PDFs look the format up in the catalogue (package
// words) and fill in the same arguments. The format is the key of that
// lookup, so it is always a string literal at the call that makes the
// Message (ui/coremessages_test.go reads them from the source). A sentence
// that counts something (Count) has two English forms, and the count
// chooses between them in each language by its own rules.
package message

import (
	"errors"
	"fmt"
)

// Message is a sentence for a person: its English format and its
// arguments. An argument that is itself a Message (a Word) is said in the
// interface's language too; every other argument (a card's code or title,
// a number, a file name) is data and shown as it is.
type Message struct {
	Format string
	Args   []any
	// One is the English for a count of one when the sentence counts
	// something (Count); Format is then its form for every other count,
	// and the key of the catalogue's plural forms.
	One string
	// N is the count that chooses the form, when One is set.
	N int
}

// Say makes a Message from a format and its arguments, as fmt.Sprintf takes
// them.
func Say(format string, args ...any) Message {
	return Message{Format: format, Args: args}
}

// Word makes a Message of one English word or phrase that a sentence takes
// as an argument ("title", "team"), so that it is translated with the
// sentence around it.
func Word(english string) Message { return Message{Format: english} }

// Count makes a Message that counts something: n chooses between one, the
// English for a count of one ("%d card"), and other, for every other count
// ("%d cards"). Both take args as Say takes them, n among them wherever the
// sentence shows the number; they have the same verbs, since other
// languages' forms fall to counts differently.
func Count(n int, one, other string, args ...any) Message {
	return Message{Format: other, Args: args, One: one, N: n}
}

// Counted says whether m counts something (Count).
func (m Message) Counted() bool { return m.One != "" }

// English is m's English format in the form its count takes: One for a
// count of one, Format otherwise and for a sentence that counts nothing.
func (m Message) English() string {
	if m.Counted() && m.N == 1 {
		return m.One
	}
	return m.Format
}

// String is the English sentence. A format without arguments is its own
// text, as a word is, so it is not run through fmt.
func (m Message) String() string {
	if len(m.Args) == 0 {
		return m.English()
	}
	return fmt.Sprintf(m.English(), m.Args...)
}

// Sayer is what carries a Message: the errors of the core packages whose
// text is one sentence for a person.
type Sayer interface {
	Message() Message
}

// Of finds the Message that err, or an error it wraps, carries.
func Of(err error) (Message, bool) {
	var s Sayer
	if errors.As(err, &s) {
		return s.Message(), true
	}
	return Message{}, false
}

// Refusal makes an error whose text is one sentence for a person, from a
// format and its arguments as Say takes them.
func Refusal(format string, args ...any) error {
	return &sentenceError{Say(format, args...)}
}

// sentenceError is an error whose text is a Message.
type sentenceError struct{ text Message }

func (e *sentenceError) Error() string    { return e.text.String() }
func (e *sentenceError) Message() Message { return e.text }
