package words

import (
	"fmt"
	"strings"

	"deckhand/message"
)

// Say is m in l: its format looked up in the catalogue (the format is the
// key), in the form its count takes if it counts something, and filled
// with its arguments. An argument that is itself a Message (a word such as
// "title") is said in l too, and so is an error that carries one (Error);
// the others are data (a code, a title, a number) and stay as they are.
// Without a translation, or with one whose verbs do not fit the arguments,
// it is the English.
func (l Lang) Say(m message.Message) string {
	if m.Format == "" {
		return ""
	}
	english := m.English()
	format := l.format(m)
	if len(m.Args) == 0 {
		return format // a word, or a sentence without data: as message.Message.String
	}
	args := make([]any, len(m.Args))
	for i, a := range m.Args {
		switch x := a.(type) {
		case message.Message:
			args[i] = l.Say(x)
		case error:
			args[i] = l.Error(x)
		default:
			args[i] = a
		}
	}
	text := fmt.Sprintf(format, args...)
	if format != english && strings.Contains(text, "%!") {
		return fmt.Sprintf(english, args...) // a translation with wrong verbs
	}
	return text
}

// format is m's format in l, in the form its count takes: the English form
// when the catalogue lacks the sentence, or has it without plural forms.
func (l Lang) format(m message.Message) string {
	if !m.Counted() {
		return l.L(m.Format)
	}
	if text, ok := l.lookup(m.Format, m.N); ok {
		return text
	}
	if text, ok := l.lookup(m.Format, nil); ok {
		return text // the catalogue has the sentence, but not its plural forms
	}
	return m.English()
}

// Error is err as a person reads it in l: the sentence a core package made
// (the Message err carries), said in l, inside whatever context a caller
// wrapped around it, which stays as it is; errors joined together, one a
// line.
func (l Lang) Error(err error) string {
	if err == nil {
		return ""
	}
	// Only an error that is itself a join is split into lines: a join
	// inside a caller's context reads through Error() below, so that the
	// context stays in front of it.
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		var lines []string
		for _, e := range joined.Unwrap() {
			lines = append(lines, l.Error(e))
		}
		return strings.Join(lines, "\n")
	}
	full := err.Error()
	if m, ok := message.Of(err); ok {
		if english := m.String(); strings.Contains(full, english) {
			return strings.Replace(full, english, l.Say(m), 1)
		}
		return l.Say(m)
	}
	return full
}
