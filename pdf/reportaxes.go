package pdf

import (
	"deckhand/game"
)

// The report's matrix plots the axes the Results screen chose, named as
// game names them (game.AxisIn, game.MatrixAxes), so that the chart for
// slides names them alike.

// axis is the axis of key (a key of game.AxisKeys) in the report's
// language.
func (r *report) axis(key string) game.MatrixAxis { return game.AxisIn(r.d, key, r.lang, r.say) }

// axes are the matrix's two axes.
func (r *report) axes() game.MatrixAxes { return game.MatrixAxes{Across: r.across, Up: r.up} }

// onlyRated says that a play was rated on this axis alone.
func (r *report) onlyRated(a game.MatrixAxis) string { return r.say(a.OnlyRated()) }

// matrixTitle names what the matrix plots, up × across, as
// "Önskvärdhet × genomförbarhet".
func (r *report) matrixTitle() string { return r.axes().Title() }

// quadrantsApply reports whether the matrix's fields are the game's
// quadrants: one axis measures the customer, the other the organisation.
func (r *report) quadrantsApply() bool { return r.axes().Quadrants() }

// fieldQuadrant is the quadrant of the matrix's field that is high or low
// across and up, when quadrantsApply.
func (r *report) fieldQuadrant(highAcross, highUp bool) string {
	return r.axes().Field(highAcross, highUp)
}
