package room

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"deckhand/game"
	"deckhand/ui/kit"
	"deckhand/ui/widgets"
)

// showMatrix puts every play of the workshop rated from both perspectives
// on the matrix, as the Results screen first shows it: the organisation's
// mean across, the customer's up. The ratings of a play in a blind round
// stay off it until they are revealed on the Workshop screen.
func (v *View) showMatrix() {
	v.Matrix.Scale = v.scale
	v.Matrix.XLabel, v.Matrix.YLabel = lang.L("Organisation (mean)"), lang.L("Customer (mean)")
	v.Matrix.Quadrants = [4]string{kit.Say(game.QuadrantWord(game.QuadrantDoNow)), kit.Say(game.QuadrantWord(game.QuadrantMakeFeasible)),
		kit.Say(game.QuadrantWord(game.QuadrantMakeDesirable)), kit.Say(game.QuadrantWord(game.QuadrantPark))}
	v.Matrix.KeyTitle = lang.L("Key to the numbered markers")
	v.Matrix.OffTitle = lang.L("Not on the matrix: no room near their ratings")
	v.Matrix.Points = nil
	v.legend.Objects = nil
	if v.session != nil {
		v.Matrix.Points = matrixPoints(v.session, v.blindPlay)
		teams := make([]string, len(v.session.Teams))
		for i, t := range v.session.Teams {
			teams[i] = t.Name
		}
		v.legend.Objects = []fyne.CanvasObject{widgets.ScaledLegend(teams, v.scale)}
		if c := v.session.Workshop.Deck.Criteria; len(c) > 0 {
			v.Matrix.Min, v.Matrix.Max = float64(c[0].Min), float64(c[0].Max)
		}
	}
	v.legend.Refresh()
	v.Matrix.Refresh()
}

// matrixPoints are the session's plays rated from both perspectives,
// without the ratings of blindPlay.
func matrixPoints(f *game.File, blindPlay string) []game.MatrixPoint {
	if blindPlay != "" {
		f = f.HidingRatingsOf(blindPlay)
	}
	teamOf := map[string]int{}
	for i, t := range f.Teams {
		teamOf[t.Name] = i
	}
	var points []game.MatrixPoint
	for _, p := range game.Results(f).Plays {
		if !p.Customer.Rated || !p.Organisation.Rated {
			continue
		}
		points = append(points, game.MatrixPoint{Label: p.Play.Code, X: p.Organisation.Mean, Y: p.Customer.Mean,
			XMin: float64(p.Organisation.Min), XMax: float64(p.Organisation.Max), XRaters: p.Organisation.Raters,
			YMin: float64(p.Customer.Min), YMax: float64(p.Customer.Max), YRaters: p.Customer.Raters,
			Team: teamOf[p.Team]})
	}
	return points
}
