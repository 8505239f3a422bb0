package cards

import (
	"deckhand/message"
	"fmt"
	"strings"
)

// Problem is one thing wrong with a deck, precise enough for a person to find
// and fix it: the card's code, the field, and where in a file it came from.
type Problem struct {
	Card   string // the card's code; "" when the problem is with the deck itself
	Index  int    // the card's index in Deck.Cards; -1 for the deck itself
	Field  string // the field, named as the CSV column: "area", "title_fi"
	Line   int    // line in the file the deck was read from, 0 when unknown
	Column int    // column (1-based field number) in that file, 0 when unknown
	Msg    string // the problem in English: Message.String()
	// Message is the problem as a format and its arguments, which the app
	// says in the interface's language.
	Message message.Message
}

func (p Problem) String() string {
	var b strings.Builder
	if p.Line > 0 {
		fmt.Fprintf(&b, "line %d", p.Line)
		if p.Column > 0 {
			fmt.Fprintf(&b, ", column %d", p.Column)
		}
		if p.Field != "" {
			fmt.Fprintf(&b, " (%s)", p.Field)
		}
		b.WriteString(": ")
	}
	if p.Card != "" {
		fmt.Fprintf(&b, "card %s: ", p.Card)
	} else if p.Index >= 0 {
		fmt.Fprintf(&b, "card %d: ", p.Index+1)
	}
	b.WriteString(p.Msg)
	return b.String()
}

// Problems is every problem found in a deck or file. As an error it reads as
// the first problem and how many more there are; callers that can show a list
// (the deck screen, the CLI) range over it.
type Problems []Problem

func (ps Problems) Error() string {
	switch len(ps) {
	case 0:
		return "no problems"
	case 1:
		return ps[0].String()
	case 2:
		return ps[0].String() + " (and 1 more problem)"
	}
	return fmt.Sprintf("%s (and %d more problems)", ps[0].String(), len(ps)-1)
}

// Lines returns each problem as a line of text, for lists shown to a person.
func (ps Problems) Lines() []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.String()
	}
	return out
}

// problemList collects problems while checking a deck.
type problemList struct{ ps Problems }

func (l *problemList) deck(field, format string, args ...any) {
	p := said(message.Say(format, args...))
	p.Field = field
	l.ps = append(l.ps, p)
}

// refused adds a problem with the deck from a refusal's sentence.
func (l *problemList) refused(field string, err error) {
	m, ok := message.Of(err)
	if !ok {
		m = message.Message{Format: err.Error()} // not a sentence of ours: kept as it is
	}
	p := said(m)
	p.Field = field
	l.ps = append(l.ps, p)
}

func (l *problemList) card(i int, c Card, field, format string, args ...any) {
	p := said(message.Say(format, args...))
	p.Card, p.Index, p.Field = c.Code, i, field
	l.ps = append(l.ps, p)
}

// said is a problem with the deck itself whose text is m; the callers fill
// in where it is.
func said(m message.Message) Problem {
	return Problem{Index: -1, Msg: m.String(), Message: m}
}

// fileProblem is a problem at a line and column of a deck file.
func fileProblem(line, column int, format string, args ...any) Problem {
	p := said(message.Say(format, args...))
	p.Line, p.Column = line, column
	return p
}

func (l *problemList) err() error {
	if len(l.ps) == 0 {
		return nil
	}
	return l.ps
}
