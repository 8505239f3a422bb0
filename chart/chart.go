// Package chart draws a workshop's desirability × feasibility matrix as a
// picture for slides: SVG, with every word a real text element that
// PowerPoint, Keynote or Inkscape can edit, and PNG, the same drawing
// rasterized in Go with the embedded Liberation Sans. It draws what the
// report's matrix page draws, from the same plan (game.PlaceMatrix), in
// the same colours, shapes and words (game.MatrixWord, game.MatrixAxes),
// on any two axes.
package chart

import (
	"cmp"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"deckhand/cards"
	"deckhand/game"
	"deckhand/message"
	"deckhand/words"
)

// The picture formats.
const (
	PNG = "png"
	SVG = "svg"
)

// FormatOf is the format a file name's extension asks for.
func FormatOf(path string) (string, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".png":
		return PNG, nil
	case ".svg":
		return SVG, nil
	default:
		return "", message.Refusal("a chart is saved as .png or .svg, and %s is neither", filepath.Base(path))
	}
}

// Options are what a chart plots and in which language.
type Options struct {
	Lang string // the workshop's when empty or not one of its deck's
	// Across and Up are the axes, by the keys of game.AxisKeys (the
	// Results screen's choice) or a criterion's name: the organisation's
	// score across and the customer's up when empty.
	Across, Up string
}

// source is what a chart is drawn from: the workshop's teams, in the
// report's order (so a team has the same colour and shape on both), and
// its plays rated on both axes.
type source struct {
	lang          string
	say           func(message.Message) string // the catalogue in lang
	d             *cards.Deck
	axes          game.MatrixAxes
	midpoint      float64
	teams         []string
	points        []game.MatrixPoint
	heading, date string
	// unrated are the plays not rated on both axes, as the report lists
	// them under its matrix: "R23 (Bord 1; only the customer's view rated)".
	unrated []string
}

// New draws the matrix of the workshop f, whose results are res, as o
// asks.
func New(f *game.File, res *game.WorkshopResults, o Options) (*Chart, error) {
	switch {
	case f == nil || res == nil:
		return nil, message.Refusal("the chart needs a workshop and its results")
	case f.Workshop.Deck == nil:
		return nil, message.Refusal("the workshop %q has no deck snapshot to name the chart's axes from", f.Workshop.Title)
	}
	d := f.Workshop.Deck
	across, ok := game.FindAxis(d, cmp.Or(o.Across, game.AxisOrganisation))
	if !ok {
		return nil, message.Refusal("there is no axis %q; choose one of %s", o.Across, strings.Join(game.AxisKeys(d), ", "))
	}
	up, ok := game.FindAxis(d, cmp.Or(o.Up, game.AxisCustomer))
	if !ok {
		return nil, message.Refusal("there is no axis %q; choose one of %s", o.Up, strings.Join(game.AxisKeys(d), ", "))
	}
	src := &source{lang: d.Lang(cmp.Or(o.Lang, f.Workshop.Language)), d: d, midpoint: res.Midpoint, heading: oneLine(f.Workshop.Title)}
	src.say = words.In(src.lang).Say
	src.axes = game.MatrixAxes{Across: game.AxisIn(d, across, src.lang, src.say), Up: game.AxisIn(d, up, src.lang, src.say)}
	if date := strings.TrimSpace(f.Workshop.Date); date != "" {
		src.date = words.In(src.lang).DateOf(date) // as the report's cover and footers write it
	}
	src.gather(f, res)
	fs, err := newFonts()
	if err != nil {
		return nil, err
	}
	c := &Chart{fonts: fs}
	c.draw(src)
	return c, nil
}

// gather takes the teams and the plays rated on both axes, as the report
// does: the live teams by position, then any team only a play names.
func (s *source) gather(f *game.File, res *game.WorkshopResults) {
	teamOf := map[string]int{}
	add := func(id, name string) {
		teamOf[id] = len(s.teams)
		s.teams = append(s.teams, oneLine(name))
	}
	teams := slices.Clone(f.Teams)
	slices.SortStableFunc(teams, func(a, b game.Team) int { return cmp.Compare(a.Position, b.Position) })
	for _, t := range teams {
		if !t.Deleted {
			add(t.ID, t.Name)
		}
	}
	for _, p := range res.Plays {
		if p.Play.Deleted {
			continue
		}
		if _, ok := teamOf[p.Play.TeamID]; !ok {
			add(p.Play.TeamID, p.Team)
		}
		x, y := s.axes.Across.Score(p), s.axes.Up.Score(p)
		if !x.Rated || !y.Rated {
			what := oneLine(s.teams[teamOf[p.Play.TeamID]])
			switch {
			case y.Rated:
				what += "; " + s.say(s.axes.Up.OnlyRated())
			case x.Rated:
				what += "; " + s.say(s.axes.Across.OnlyRated())
			}
			s.unrated = append(s.unrated, oneLine(p.Play.Code)+" ("+what+")")
			continue
		}
		s.points = append(s.points, game.MatrixPoint{Label: oneLine(p.Play.Code), X: x.Mean, Y: y.Mean,
			XMin: float64(x.Min), XMax: float64(x.Max), XRaters: x.Raters,
			YMin: float64(y.Min), YMax: float64(y.Max), YRaters: y.Raters, Team: teamOf[p.Play.TeamID]})
	}
}

// word is a word of the matrix (game.MatrixWord) in the chart's language.
func (s *source) word(key string) string { return s.say(game.MatrixWord(key)) }

// number writes a score to one decimal, halves rounded up as people round
// them, with the language's decimal mark, as the report does.
func (s *source) number(v float64) string {
	n := strconv.FormatFloat(math.Round(v*10+1e-9)/10, 'f', 1, 64)
	if s.lang == "sv" || s.lang == "fi" {
		n = strings.Replace(n, ".", ",", 1)
	}
	return n
}
