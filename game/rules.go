package game

import (
	"errors"
	"slices"
	"strings"
	"unicode/utf8"

	"deckhand/cards"
	"deckhand/message"
)

// Card types with a meaning in the game. A deck may name its own types;
// these keys are the ones the game's rules know.
const (
	TypeRoutine     = "routine"
	TypeInteraction = "interaction"
	TypeRole        = "role"
	TypeBlank       = "blank"
)

// Limits on what a note-taker types.
const (
	MaxTitleLen = 120  // a workshop's title, a team's or path's name
	MaxTextLen  = 2000 // a blank card's routine or a note
)

// ErrRule is wrapped by every error that a rule of the game refuses.
var ErrRule = errors.New("not allowed by the game's rules")

// ruleError is a refusal by a rule: one sentence, which the app says in the
// interface's language (Message), marked with ErrRule.
type ruleError struct{ text message.Message }

func (e *ruleError) Error() string            { return e.text.String() + ": " + ErrRule.Error() }
func (e *ruleError) Unwrap() error            { return ErrRule }
func (e *ruleError) Message() message.Message { return e.text }

func refuse(format string, args ...any) error {
	return &ruleError{message.Say(format, args...)}
}

// Card finds a card of the workshop's deck by its code, in any case.
func (w *Workshop) Card(code string) (cards.Card, bool) {
	if i := w.Deck.CardByCode(strings.TrimSpace(code)); i >= 0 {
		return w.Deck.Cards[i], true
	}
	return cards.Card{}, false
}

// CheckPlay says whether a play may lie on the board as it is: its card is
// a routine or a blank card of the deck (a blank one with the team's own
// text), in an area of the board, with a role card as the role and
// interaction cards as interactions. It returns the play with its codes
// written as the deck writes them.
func (w *Workshop) CheckPlay(p Play) (Play, error) {
	c, ok := w.Card(p.Code)
	switch {
	case !ok:
		return p, refuse("there is no card %q in the deck %s", p.Code, w.Deck.Name)
	case c.Type != TypeRoutine && c.Type != TypeBlank:
		return p, refuse("card %s is not a routine card; only routine and blank cards are laid on the board", c.Code)
	}
	p.Code = c.Code
	p.Text = strings.TrimSpace(p.Text)
	if c.Type == TypeBlank && p.Text == "" {
		return p, refuse("write the team's own routine on blank card %s", c.Code)
	}
	if utf8.RuneCountInString(p.Text) > MaxTextLen {
		return p, refuse("the routine's text is longer than %d characters", MaxTextLen)
	}
	if _, ok := w.Deck.Area(p.Area); !ok {
		return p, refuse("the board has no area %q", p.Area)
	}
	if p.Role != "" {
		role, ok := w.Card(p.Role)
		if !ok || role.Type != TypeRole {
			return p, refuse("%q is not a customer-role card of the deck", p.Role)
		}
		p.Role = role.Code
	}
	seen := map[string]bool{}
	var links []string
	for _, code := range p.Interactions {
		ic, ok := w.Card(code)
		if !ok || ic.Type != TypeInteraction {
			return p, refuse("%q is not an interaction card of the deck", code)
		}
		if !seen[ic.Code] {
			seen[ic.Code] = true
			links = append(links, ic.Code)
		}
	}
	p.Interactions = links
	if p.Position < 0 {
		return p, refuse("a position on the board cannot be negative")
	}
	return p, nil
}

// CheckRating says whether a value is a valid rating of a criterion of the
// workshop's deck.
func (w *Workshop) CheckRating(r Rating) error {
	for _, c := range w.Deck.Criteria {
		if c.Key == r.Criterion {
			if r.Value < c.Min || r.Value > c.Max {
				return refuse("%s is rated from %d to %d, not %d", c.Name.Or(w.Language, w.Deck.DefaultLang), c.Min, c.Max, r.Value)
			}
			if r.Rater == "" {
				return refuse("a rating needs a rater: the team or a participant")
			}
			return nil
		}
	}
	return refuse("the deck has no criterion %q", r.Criterion)
}

// CheckNote says whether a note may be saved.
func CheckNote(n Note) error {
	switch {
	case !slices.Contains(NoteKinds, n.Kind):
		return refuse("unknown kind of note %q; use %s", n.Kind, strings.Join(NoteKinds, ", "))
	case strings.TrimSpace(n.Text) == "":
		return refuse("the note is empty")
	case utf8.RuneCountInString(n.Text) > MaxTextLen:
		return refuse("the note is longer than %d characters", MaxTextLen)
	}
	return nil
}

// CheckWorkshop says whether a workshop's own fields are complete.
func CheckWorkshop(w *Workshop) error {
	switch {
	case strings.TrimSpace(w.Title) == "":
		return refuse("the workshop has no title")
	case utf8.RuneCountInString(w.Title) > MaxTitleLen:
		return refuse("the workshop's title is longer than %d characters", MaxTitleLen)
	case cards.BreaksLine(w.Title):
		return refuse("the workshop's title holds a line break or control character; write it on one line")
	case cards.TooLongID(w.DeckID):
		return refuse("the workshop's deck id is longer than %d characters", cards.MaxIDLen)
	case w.Deck == nil || len(w.Deck.Cards) == 0:
		return refuse("the workshop has no deck to play with")
	case !validDate(w.Date):
		return refuse("the date %q is not a date like 2026-03-14", w.Date)
	case w.Retention != "" && !validDate(w.Retention):
		return refuse("the retention date %q is not a date like 2026-12-31", w.Retention)
	case w.Retention != "" && w.Retention < w.Date:
		return refuse("the retention date is before the workshop")
	case !w.Deck.HasLanguage(w.Language):
		return refuse("the deck has no texts in %q", w.Language)
	}
	if r, ok := cards.BidiControl(w.Title); ok {
		return refuse("the workshop's title holds U+%04X, a character that changes the direction of text; remove it", r)
	}
	return nil
}

// CheckName says whether a team's, participant's or path's name is fit to
// save; what is "team", "participant" or "path".
func CheckName(what, name string) error {
	switch {
	case strings.TrimSpace(name) == "":
		return refuse("the %s has no name", RecordWord(what))
	case utf8.RuneCountInString(name) > MaxTitleLen:
		return refuse("the %s's name is longer than %d characters", RecordWord(what), MaxTitleLen)
	case cards.BreaksLine(name):
		return refuse("the %s's name holds a line break or control character; write it on one line", RecordWord(what))
	}
	if r, ok := cards.BidiControl(name); ok {
		return refuse("the %s's name holds U+%04X, a character that changes the direction of text; remove it", RecordWord(what), r)
	}
	return nil
}

// CheckPosition says whether a team's or path's place in its list (what is
// "team" or "path") is one: lists count from 0.
func CheckPosition(what string, position int) error {
	if position < 0 {
		return refuse("the %s's position is %d; positions count from 0", RecordWord(what), position)
	}
	return nil
}

// RecordWord names a kind of a workshop's records ("team", "play") in a
// sentence, as a word the app says in the interface's language.
func RecordWord(kind string) message.Message {
	if w, ok := recordWords[kind]; ok {
		return w
	}
	// Not a kind the app knows: shown as it is.
	return message.Message{Format: "%s", Args: []any{kind}}
}

// recordWords are the kinds of records as words; each is written out so
// that the translations test finds it.
var recordWords = map[string]message.Message{
	"workshop":    message.Word("workshop"),
	"team":        message.Word("table"), // the board's word: a team sits at a table
	"participant": message.Word("participant"),
	"path":        message.Word("path"),
	"play":        message.Word("play"),
	"rating":      message.Word("rating"),
	"note":        message.Word("note"),
	"erasure":     message.Word("erasure"),
}

func validDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	_, err := parseDate(s)
	return err == nil
}
