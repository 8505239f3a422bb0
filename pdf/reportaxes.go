package pdf

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"deckhand/cards"
	"deckhand/game"
	"deckhand/message"
)

// matrixAxis is an axis of the report's matrix, as the Results screen
// chose it: a perspective's score or one criterion's.
type matrixAxis struct {
	key         string
	perspective string  // what it measures: customer, organisation
	name        string  // "Kundens perspektiv", "Önskvärdhet"
	detail      string  // what it is made of or part of: the criteria, the perspective
	lo, hi      float64 // its scale
}

// axis is the axis of key (a key of game.AxisKeys) in the report's
// language.
func (r *report) axis(key string) matrixAxis {
	a := matrixAxis{key: key, perspective: game.AxisPerspective(r.d, key)}
	if key == game.AxisCustomer || key == game.AxisOrganisation {
		lo, hi, names := r.perspective(key)
		a.name, a.detail, a.lo, a.hi = r.say(perspectiveWords[key]), strings.Join(names, ", "), float64(lo), float64(hi)
		return a
	}
	a.name, a.lo, a.hi = key, 1, 5
	for _, c := range r.d.Criteria {
		if c.Key == key {
			a.name, a.lo, a.hi = textIn(c.Name, r.d, r.lang), float64(c.Min), float64(c.Max)
			if c.Min >= c.Max {
				a.lo, a.hi = 1, 5
			}
		}
	}
	if a.perspective != "" {
		a.detail = lowerFirst(r.say(perspectiveWords[a.perspective]))
	}
	return a
}

// label is how the axis is named beside the matrix: its name and what it
// is made of, "Kundens perspektiv (Önskvärdhet, Användbarhet)".
func (a matrixAxis) label() string {
	if a.detail == "" {
		return a.name
	}
	return a.name + " (" + a.detail + ")"
}

// score is a play's score on the axis.
func (a matrixAxis) score(p game.PlayResult) game.Score { return p.AxisScore(a.key) }

// onlyRated says that a play was rated on this axis alone.
func (r *report) onlyRated(a matrixAxis) string {
	switch a.key {
	case game.AxisCustomer:
		return r.word("only the customer's view rated")
	case game.AxisOrganisation:
		return r.word("only the organisation's view rated")
	}
	return r.say(message.Say("only %s rated", lowerFirst(a.name)))
}

// matrixTitle names what the matrix plots, up × across, as
// "Önskvärdhet × genomförbarhet".
func (r *report) matrixTitle() string {
	return r.up.name + " × " + lowerFirst(r.across.name)
}

// quadrantsApply reports whether the matrix's fields are the game's
// quadrants: one axis measures the customer, the other the organisation.
func (r *report) quadrantsApply() bool {
	c, o := cards.PerspectiveCustomer, cards.PerspectiveOrganisation
	return (r.up.perspective == c && r.across.perspective == o) || (r.up.perspective == o && r.across.perspective == c)
}

// fieldQuadrant is the quadrant of the matrix's field that is high or low
// across and up, when quadrantsApply.
func (r *report) fieldQuadrant(highAcross, highUp bool) string {
	customer, organisation := highUp, highAcross
	if r.up.perspective == cards.PerspectiveOrganisation {
		customer, organisation = highAcross, highUp
	}
	switch {
	case customer && organisation:
		return game.QuadrantDoNow
	case customer:
		return game.QuadrantMakeFeasible
	case organisation:
		return game.QuadrantMakeDesirable
	}
	return game.QuadrantPark
}

// lowerFirst writes a name as it reads inside a sentence or after "×":
// its first letter small, unless the name is an abbreviation (NPS).
func lowerFirst(s string) string {
	first, n := utf8.DecodeRuneInString(s)
	next, _ := utf8.DecodeRuneInString(s[n:])
	if n == 0 || !unicode.IsLower(next) {
		return s
	}
	return string(unicode.ToLower(first)) + s[n:]
}
