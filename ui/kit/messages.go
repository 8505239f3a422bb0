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
	"deckhand/words"
)

// The core packages (cards, game, pdf, storage) know no language but
// English: they keep each sentence for a person as a message.Message, its
// English format and its arguments. The functions here say those sentences
// in the interface's language, wherever the app shows one.

// Say is m in the interface's language, as the catalogue says it (package
// words: assets/translations, where the format is the key), in the form its
// count takes when it counts something, its words and errors said in the
// same language; without a translation it is the English.
func Say(m message.Message) string { return words.In(Language()).Say(m) }

// Count is a phrase that counts something, in the interface's language and
// in the form the count n takes there: one is its English for a count of
// one ("%d card"), other for every other count ("%d cards"), both filled
// with args (n among them where the phrase shows the number). other is the
// catalogue's key, whose entry holds the forms of each language.
func Count(n int, one, other string, args ...any) string {
	return Say(message.Count(n, one, other, args...))
}

// ErrorText is an error as the app shows it: the sentence a core package
// made, in the interface's language, inside whatever context a caller
// wrapped around it (which stays as it is); a deck's problems as their
// first (ProblemText); errors joined together one a line. A rule's marker
// (": not allowed by the game's rules") is left out: the sentence says it.
func ErrorText(err error) string {
	lines := strings.Split(words.In(Language()).Error(err), "\n")
	for i, line := range lines {
		lines[i] = strings.TrimSuffix(line, ": "+game.ErrRule.Error())
	}
	return strings.Join(lines, "\n")
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
