package kit

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2/lang"

	"deckhand/cards"
	"deckhand/game"
	"deckhand/message"
	"deckhand/pdf"
)

// The core packages (cards, game, pdf, storage) know no language but
// English: they keep each sentence for a person as a message.Message, its
// English format and its arguments. The functions here say those sentences
// in the interface's language, wherever the app shows one.

// Say is m in the interface's language: its format looked up in the
// translations (assets/translations, where the format is the key) and
// filled with its arguments. An argument that is itself a Message (a word
// such as "title") or an error that carries one is said the same way; the
// others are data (a code, a title, a number) and stay as they are. Without
// a translation, or with one whose verbs do not fit the arguments, it is
// the English.
func Say(m message.Message) string {
	if m.Format == "" {
		return ""
	}
	if len(m.Args) == 0 {
		return lang.L(m.Format) // a word, or a sentence without data: as message.Message.String
	}
	args := make([]any, len(m.Args))
	for i, a := range m.Args {
		switch x := a.(type) {
		case message.Message:
			args[i] = Say(x)
		case error:
			args[i] = ErrorText(x)
		default:
			args[i] = a
		}
	}
	format := lang.L(m.Format)
	text := fmt.Sprintf(format, args...)
	if format != m.Format && strings.Contains(text, "%!") {
		return fmt.Sprintf(m.Format, args...) // a translation with wrong verbs
	}
	return text
}

// ErrorText is an error as the app shows it: the sentence a core package
// made, in the interface's language, inside whatever context a caller
// wrapped around it (which stays as it is); a deck's problems as their
// first (ProblemText); errors joined together one a line. A rule's marker
// (": not allowed by the game's rules") is left out: the sentence says it.
func ErrorText(err error) string {
	if err == nil {
		return ""
	}
	// Only an error that is itself a join is split into lines: a join
	// inside a caller's context reads through Error() below, so that the
	// context stays in front of it.
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		var lines []string
		for _, e := range joined.Unwrap() {
			lines = append(lines, ErrorText(e))
		}
		return strings.Join(lines, "\n")
	}
	full := err.Error()
	if m, ok := message.Of(err); ok {
		english := m.String()
		if strings.Contains(full, english) {
			full = strings.Replace(full, english, Say(m), 1)
		} else {
			full = Say(m)
		}
	}
	return strings.TrimSuffix(full, ": "+game.ErrRule.Error())
}

// ProblemText turns an error into the sentence shown to the person: the
// first problem of a deck (without its card, which the screen shows), or
// the error itself.
func ProblemText(err error) string {
	var ps cards.Problems
	if errors.As(err, &ps) && len(ps) > 0 {
		p := ps[0]
		p.Card, p.Index = "", -1
		return ProblemLine(p)
	}
	return ErrorText(err)
}

// ProblemLine is a deck problem as cards.Problem.String words it, in the
// interface's language: where it is (line, column, field, card), then what.
func ProblemLine(p cards.Problem) string {
	var b strings.Builder
	if p.Line > 0 {
		fmt.Fprintf(&b, lang.L("line %d"), p.Line)
		if p.Column > 0 {
			b.WriteString(", ")
			fmt.Fprintf(&b, lang.L("column %d"), p.Column)
		}
		if p.Field != "" {
			fmt.Fprintf(&b, " (%s)", p.Field) // a column's name in the file
		}
		b.WriteString(": ")
	}
	if p.Card != "" {
		fmt.Fprintf(&b, lang.L("card %s"), p.Card)
		b.WriteString(": ")
	} else if p.Index >= 0 {
		fmt.Fprintf(&b, lang.L("card %d"), p.Index+1)
		b.WriteString(": ")
	}
	b.WriteString(said(p.Message, p.Msg))
	return b.String()
}

// IssueText is a preflight issue as the Print screen and the editor show
// it: the card's code, then the issue.
func IssueText(i pdf.Issue) string {
	msg := Sentence(said(i.Message, i.Msg))
	if i.Code == "" {
		return msg
	}
	return fmt.Sprintf("%s: %s", i.Code, msg)
}

// said is m in the interface's language, or english when nothing was kept
// to translate.
func said(m message.Message, english string) string {
	if m.Format == "" {
		return english
	}
	return Say(m)
}

// Sentence starts a message with a capital letter, as dialogs show it. It
// goes by letters, not bytes: a Finnish or Swedish one may start with Ä.
func Sentence(msg string) string {
	r, size := utf8.DecodeRuneInString(msg)
	if r == utf8.RuneError {
		return msg
	}
	return strings.ToUpper(string(r)) + msg[size:]
}
