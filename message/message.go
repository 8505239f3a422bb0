// Package message keeps sentences for people as their English format and
// arguments, not only as finished text, so that every package below the
// desktop app (cards, game, storage, pdf) can say what happened in a way
// the app can translate, while knowing no language but English itself.
//
// The command line and the tests read the English (Message.String); the
// desktop app looks the format up in its translation files and fills in
// the same arguments (ui/messages.go). The format is the key of that
// lookup, so it is always a string literal at the call that makes the
// Message (ui/coremessages_test.go reads them from the source).
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

// String is the English sentence. A format without arguments is its own
// text, as a word is, so it is not run through fmt.
func (m Message) String() string {
	if len(m.Args) == 0 {
		return m.Format
	}
	return fmt.Sprintf(m.Format, m.Args...)
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
