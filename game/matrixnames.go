package game

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"deckhand/cards"
	"deckhand/message"
)

// What the matrix is called where it is printed, in the deck's languages
// rather than the interface's: its quadrants, its axes and its title. The
// report's matrix page (pdf), the rating sheets' perspective headings and
// the matrix as a picture for slides (chart) print the same ones, so a
// quadrant or an axis has one name on paper and on a slide.

var matrixWords = map[string]message.Message{
	AxisCustomer:     message.Word("Customer's view"),
	AxisOrganisation: message.Word("Organisation's view"),
	"matrixKey":      message.Word("Key to the numbered markers"),
	"matrixOff":      message.Word("Not on the matrix: no room near their ratings"),
	"spread":         message.Word("spread (lowest–highest)"),
}

// MatrixWord is a word of the matrix, for the caller to say in the deck's
// language through the catalogue (words.In(lang).Say); the zero Message,
// which says "", for a key it does not know. The keys are the quadrants' (QuadrantDoNow …), the
// perspectives' (AxisCustomer, AxisOrganisation: "Customer's view"),
// "matrixKey" and "matrixOff" (the titles of the key to the numbered
// markers and of the list of those left off) and "spread" (the spread
// bars' legend).
func MatrixWord(key string) message.Message {
	if w, ok := matrixWords[key]; ok {
		return w
	}
	switch key {
	case QuadrantDoNow, QuadrantMakeFeasible, QuadrantMakeDesirable, QuadrantPark:
		return QuadrantWord(key)
	}
	return message.Message{}
}

// MatrixAxis is an axis of the matrix as printed: a perspective's score
// or one criterion's, named in a language of the deck.
type MatrixAxis struct {
	Key         string  // of AxisKeys
	Perspective string  // what it measures: AxisCustomer, AxisOrganisation; "" for an axis the deck has not
	Name        string  // "Kundens perspektiv", "Önskvärdhet"
	Detail      string  // what it is made of, or part of: the criteria, the perspective
	Lo, Hi      float64 // its scale
}

// AxisIn is the axis key of deck d named in lang, one of d's languages
// (d.Lang): the criteria by the deck's own names in lang, the
// perspectives by MatrixWord said by say (the catalogue in lang,
// words.In(lang).Say, which game leaves to its caller).
func AxisIn(d *cards.Deck, key, lang string, say func(message.Message) string) MatrixAxis {
	a := MatrixAxis{Key: key, Perspective: AxisPerspective(d, key), Name: key, Lo: 1, Hi: 5}
	lo, hi := math.MaxInt, math.MinInt
	var names []string
	for _, c := range d.Criteria {
		if c.Key == key || (c.Perspective == key && (key == AxisCustomer || key == AxisOrganisation)) {
			lo, hi = min(lo, c.Min), max(hi, c.Max)
			names = append(names, c.Name.Or(lang, d.DefaultLang))
		}
	}
	if lo < hi {
		a.Lo, a.Hi = float64(lo), float64(hi)
	}
	switch {
	case key == AxisCustomer || key == AxisOrganisation:
		a.Name, a.Detail = say(MatrixWord(key)), strings.Join(names, ", ")
	case len(names) > 0:
		a.Name, a.Detail = names[0], LowerFirst(say(MatrixWord(a.Perspective)))
	}
	return a
}

// Label is how the axis is named beside the matrix: its name and what it
// is made of, "Kundens perspektiv (Önskvärdhet, Användbarhet)".
func (a MatrixAxis) Label() string {
	if a.Detail == "" {
		return a.Name
	}
	return a.Name + " (" + a.Detail + ")"
}

// OnlyRated says that a play is rated on this axis only, as the lists of
// cards not on the matrix say it under the report's matrix and the chart.
func (a MatrixAxis) OnlyRated() message.Message {
	switch a.Key {
	case AxisCustomer:
		return message.Word("only the customer's view rated")
	case AxisOrganisation:
		return message.Word("only the organisation's view rated")
	}
	return message.Say("only %s rated", LowerFirst(a.Name))
}

// Score is a play's score on the axis.
func (a MatrixAxis) Score(p PlayResult) Score { return p.AxisScore(a.Key) }

// MatrixAxes are the matrix's two axes: what it plots.
type MatrixAxes struct{ Across, Up MatrixAxis }

// Title names what the matrix plots, up × across, as
// "Önskvärdhet × genomförbarhet".
func (m MatrixAxes) Title() string { return m.Up.Name + " × " + LowerFirst(m.Across.Name) }

// Quadrants reports whether the matrix's fields are the game's quadrants:
// one axis measures the customer, the other the organisation. Otherwise
// its fields have no names and no colours.
func (m MatrixAxes) Quadrants() bool {
	c, o := AxisCustomer, AxisOrganisation
	return (m.Up.Perspective == c && m.Across.Perspective == o) || (m.Up.Perspective == o && m.Across.Perspective == c)
}

// Field is the quadrant of the matrix's field that is high or low across
// and up, when Quadrants.
func (m MatrixAxes) Field(highAcross, highUp bool) string {
	customer, organisation := highUp, highAcross
	if m.Up.Perspective == AxisOrganisation {
		customer, organisation = highAcross, highUp
	}
	switch {
	case customer && organisation:
		return QuadrantDoNow
	case customer:
		return QuadrantMakeFeasible
	case organisation:
		return QuadrantMakeDesirable
	}
	return QuadrantPark
}

// LowerFirst writes a name as it reads inside a sentence or after "×":
// its first letter small, unless the name is an abbreviation (NPS).
func LowerFirst(s string) string {
	first, n := utf8.DecodeRuneInString(s)
	next, _ := utf8.DecodeRuneInString(s[n:])
	if n == 0 || !unicode.IsLower(next) {
		return s
	}
	return string(unicode.ToLower(first)) + s[n:]
}
