// Package results is the Results screen: where a workshop's routines land
// on the desirability × feasibility matrix, their ranking, a comparison of
// tables, and the report and exports written from them.
package results

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"deckhand/cards"
	"deckhand/game"
	"deckhand/storage"
	"deckhand/ui/kit"
	"deckhand/ui/widgets"
)

// Store is what the Results screen needs from the database.
type Store interface {
	Workshops(ctx context.Context) ([]storage.WorkshopSummary, error)
	Session(ctx context.Context, workshopID string, includeDeleted bool) (*game.File, error)
	RealNames(ctx context.Context, workshopID string) (map[string]string, error)
	Deck(ctx context.Context, id string) (*cards.Deck, error) // for the client's look on the report's cover
	BlindRoundOf(ctx context.Context, workshopID string) (storage.BlindRound, bool, error)
	BlindRounds(ctx context.Context) (map[string]storage.BlindRound, error)
	EachResultsFile(ctx context.Context, ids []string, fn func(f *game.File) error) error
}

// Screen shows where a workshop's routines land: the matrix, the
// ranking, the areas and the teams; and the same cards across workshops.
type Screen struct {
	kit.Base // it has no keys, menu or state for the main window
	app      fyne.App
	win      fyne.Window
	store    Store
	ctx      context.Context

	workshops []storage.WorkshopSummary
	session   *game.File
	results   *game.WorkshopResults

	workshopSel *widget.Select
	xAxis       *kit.KeyedSelect
	yAxis       *kit.KeyedSelect
	matrix      *widgets.Matrix
	legend      *fyne.Container
	chosen      *widget.Label
	ranking     *fyne.Container
	areas       *fyne.Container
	teams       *fyne.Container
	compare     *comparePane
	tabs        *container.AppTabs
	root        fyne.CanvasObject

	// toUI hands work done off the UI goroutine back to it (fyne.Do; a
	// test runs it on its own goroutine, which then is the UI goroutine).
	toUI func(func())
}

// New builds the Results screen.
func New(a fyne.App, w fyne.Window, store Store) *Screen {
	s := &Screen{app: a, win: w, store: store, ctx: context.Background(), toUI: fyne.Do}
	s.workshopSel = widget.NewSelect(nil, s.workshopChosen)
	s.workshopSel.PlaceHolder = lang.L("Choose a workshop")
	s.xAxis, s.yAxis = kit.NewKeyedSelect(func(string) { s.showMatrix() }), kit.NewKeyedSelect(func(string) { s.showMatrix() })
	s.matrix = widgets.NewMatrix(1, 5)
	s.matrix.Decimal = kit.Decimal
	s.matrix.OnTapped = s.pointChosen
	s.legend = container.NewStack()
	s.chosen = widget.NewLabel(lang.L("Tap a point to see its card."))
	s.chosen.Wrapping = fyne.TextWrapWord
	s.ranking, s.areas, s.teams = container.NewVBox(), container.NewVBox(), container.NewVBox()
	s.compare = newComparePane(s)
	s.root = s.layout()
	return s
}

// Content is the screen's root object.
func (s *Screen) Content() fyne.CanvasObject { return s.root }

// Leave lets the workshops read for "Across workshops" go: the next visit
// reads them anew.
func (s *Screen) Leave(then, _ func()) {
	s.compare.drop()
	then()
}

func (s *Screen) layout() fyne.CanvasObject {
	top := container.NewBorder(nil, nil,
		container.NewHBox(widget.NewLabelWithStyle(lang.L("Workshop"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			container.NewGridWrap(fyne.NewSize(320, s.workshopSel.MinSize().Height), s.workshopSel)),
		container.NewHBox(
			widget.NewButtonWithIcon(lang.L("Report PDF…"), theme.DocumentPrintIcon(), s.AskReport),
			widget.NewButtonWithIcon(lang.L("Export CSV…"), theme.DocumentSaveIcon(), func() { s.askExport(game.ResultsCSV) }),
			widget.NewButtonWithIcon(lang.L("Export JSON…"), theme.DocumentSaveIcon(), func() { s.askExport(game.ResultsJSON) }),
			widget.NewButtonWithIcon(lang.L("Export Excel…"), theme.DocumentSaveIcon(), func() { s.askExport(game.ResultsXLSX) }),
		), nil)
	axes := widget.NewForm(widget.NewFormItem(lang.L("Across"), s.xAxis), widget.NewFormItem(lang.L("Up"), s.yAxis))
	// Beside the axes it draws on: the matrix as shown, for slides.
	picture := container.NewCenter(widget.NewButtonWithIcon(lang.L("Chart as image…"), theme.FileImageIcon(), s.AskChart))
	left := container.NewBorder(container.NewBorder(nil, nil, nil, picture, axes), container.NewVBox(s.legend, s.chosen), nil, nil, s.matrix)
	across := container.NewTabItem(lang.L("Across workshops"), s.compare.content())
	s.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("Ranking"), container.NewVScroll(s.ranking)),
		container.NewTabItem(lang.L("Areas"), container.NewVScroll(s.areas)),
		container.NewTabItem(lang.L("Teams"), container.NewVScroll(s.teams)),
		across,
	)
	// Every workshop is read for the comparison only when it is shown.
	s.tabs.OnSelected = func(t *container.TabItem) {
		if t == across && s.compare.workshops == nil {
			s.compare.refresh()
		}
	}
	split := container.NewHSplit(left, s.tabs)
	split.Offset = 0.52
	return container.NewBorder(top, nil, nil, nil, split)
}

// Refresh re-reads the workshops and shows the one with id (or keeps the
// one shown, or the newest).
func (s *Screen) Refresh(id string) {
	list, err := s.store.Workshops(s.ctx)
	if err != nil {
		s.chosen.SetText(kit.Sentence(kit.ErrorText(err)))
		return
	}
	s.workshops = list
	chosen := kit.ChooseWorkshop(s.workshopSel, list, id, s.session)
	s.session = nil
	if chosen != "" {
		s.workshopSel.SetSelected(chosen)
		s.workshopChosen(chosen)
	}
	if s.tabs.SelectedIndex() == len(s.tabs.Items)-1 {
		s.compare.refresh()
	} else {
		s.compare.drop()
	}
}

func (s *Screen) workshopChosen(label string) {
	for _, w := range s.workshops {
		if kit.WorkshopLabel(w) == label && (s.session == nil || s.session.Workshop.ID != w.ID) {
			f, err := s.store.Session(s.ctx, w.ID, false)
			if err != nil {
				s.chosen.SetText(kit.Sentence(kit.ErrorText(err)))
				return
			}
			// A blind round not revealed on the board is not revealed
			// here either, nor in the report and exports made from here;
			// when it cannot be read, nothing is shown.
			round, blind, err := s.store.BlindRoundOf(s.ctx, w.ID)
			if err != nil {
				s.chosen.SetText(kit.Sentence(kit.ErrorText(err)))
				return
			}
			if blind {
				f = f.HidingRatingsOf(round.PlayID)
			}
			s.session, s.results = f, game.Results(f)
			s.setAxes()
			s.show()
		}
	}
}

// setAxes offers the perspectives' means and each criterion on both axes
// (game.AxisKeys: the keys the report and `deckhand report` take too).
func (s *Screen) setAxes() {
	d := s.session.Workshop.Deck
	l := d.Lang(s.session.Workshop.Language)
	keys := game.AxisKeys(d)
	names := []string{lang.L("Organisation (mean)"), lang.L("Customer (mean)")}
	for _, k := range d.Criteria {
		names = append(names, k.Name.Or(l, d.DefaultLang))
	}
	s.xAxis.SetOptions(keys, names)
	s.yAxis.SetOptions(keys, names)
	if s.xAxis.Key() == "" {
		s.xAxis.SetKeyQuietly(game.AxisOrganisation)
	}
	if s.yAxis.Key() == "" {
		s.yAxis.SetKeyQuietly(game.AxisCustomer)
	}
	if len(d.Criteria) > 0 {
		s.matrix.Min, s.matrix.Max = float64(d.Criteria[0].Min), float64(d.Criteria[0].Max)
	}
}

func (s *Screen) show() {
	s.showMatrix()
	s.showRanking()
	s.showAreas()
	s.showTeams()
}

func (s *Screen) teamIndex(name string) int {
	for i, t := range s.session.Teams {
		if t.Name == name {
			return i
		}
	}
	return 0
}

// showMatrix puts every play rated on both axes on the matrix.
func (s *Screen) showMatrix() {
	if s.results == nil {
		return
	}
	x, y := s.xAxis.Key(), s.yAxis.Key()
	s.matrix.XLabel, s.matrix.YLabel = s.xAxis.Selected, s.yAxis.Selected
	s.matrix.Quadrants = [4]string{quadrantName(game.QuadrantDoNow), quadrantName(game.QuadrantMakeFeasible),
		quadrantName(game.QuadrantMakeDesirable), quadrantName(game.QuadrantPark)}
	s.matrix.KeyTitle = lang.L("Key to the numbered markers")
	s.matrix.OffTitle = lang.L("Not on the matrix: no room near their ratings")
	teams := make([]string, len(s.session.Teams))
	for i, t := range s.session.Teams {
		teams[i] = t.Name
	}
	s.legend.Objects = []fyne.CanvasObject{widgets.Legend(teams)}
	s.legend.Refresh()
	s.matrix.Points = nil
	for _, p := range s.results.Plays {
		sx, sy := p.AxisScore(x), p.AxisScore(y)
		if !sx.Rated || !sy.Rated {
			continue
		}
		s.matrix.Points = append(s.matrix.Points, widgets.MatrixPoint{Label: p.Play.Code, X: sx.Mean, Y: sy.Mean,
			XMin: float64(sx.Min), XMax: float64(sx.Max), XRaters: sx.Raters,
			YMin: float64(sy.Min), YMax: float64(sy.Max), YRaters: sy.Raters, Team: s.teamIndex(p.Team)})
	}
	s.matrix.Refresh()
}

// pointChosen shows the card of a tapped point.
func (s *Screen) pointChosen(i int) {
	if i >= len(s.matrix.Points) {
		return
	}
	code := s.matrix.Points[i].Label
	for _, p := range s.results.Plays {
		if p.Play.Code == code && s.teamIndex(p.Team) == s.matrix.Points[i].Team {
			s.chosen.SetText(fmt.Sprintf("%s %s — %s · %s %s · %s %s · %s", p.Play.Code, p.Title, p.Team,
				lang.L("customer"), scoreText(p.Customer), lang.L("organisation"), scoreText(p.Organisation), quadrantName(p.Quadrant)))
			return
		}
	}
}

// scoreText shows a score with its spread, or a dash when not rated:
// never a zero that nobody gave.
func scoreText(sc game.Score) string {
	if !sc.Rated {
		return "–"
	}
	return fmt.Sprintf("%s (%d–%d, n=%d)", kit.Decimal(sc.Mean), sc.Min, sc.Max, sc.Raters)
}

// quadrantName names a quadrant as the report names it too.
func quadrantName(q string) string { return kit.Say(game.QuadrantWord(q)) }

func (s *Screen) showRanking() {
	lines := make([]string, len(s.results.Plays))
	for i, p := range s.results.Plays {
		lines[i] = fmt.Sprintf("%d. %s  %s — %s\n    %s %s · %s %s · %s", i+1, p.Play.Code, p.Title, p.Team,
			lang.L("customer"), scoreText(p.Customer), lang.L("organisation"), scoreText(p.Organisation), quadrantName(p.Quadrant))
	}
	showLines(s.ranking, lines, fyne.TextWrapWord)
}

// showLines puts a label for each line in box, all at once: a box laid
// out anew for each label added costs the square of the lines.
func showLines(box *fyne.Container, lines []string, wrap fyne.TextWrap) {
	objects := make([]fyne.CanvasObject, len(lines))
	for i, line := range lines {
		l := widget.NewLabel(line)
		l.Wrapping = wrap
		objects[i] = l
	}
	box.Objects = objects
	box.Refresh()
}

func (s *Screen) showAreas() {
	d := s.session.Workshop.Deck
	l := d.Lang(s.session.Workshop.Language)
	var lines []string
	for _, a := range s.results.Areas {
		name := a.Area
		if area, ok := d.Area(a.Area); ok {
			name = area.Name.Or(l, d.DefaultLang)
		}
		text := fmt.Sprintf(lang.L("%s: %s, %d rated"), name, kit.Count(a.Plays, "%d card", "%d cards", a.Plays), a.Rated)
		if a.Rated > 0 {
			text += fmt.Sprintf(lang.L(" · customer %s · organisation %s"), kit.Decimal(a.Customer), kit.Decimal(a.Organisation))
		}
		lines = append(lines, text)
	}
	showLines(s.areas, lines, fyne.TextWrapOff)
}

func (s *Screen) showTeams() {
	by := s.results.ByTeam()
	var lines []string
	for _, t := range s.session.Teams {
		plays := by[t.Name]
		var top []string
		counts := map[string]int{}
		for _, p := range plays {
			counts[p.Quadrant]++
			if len(top) < 3 && p.Quadrant != "" {
				top = append(top, p.Play.Code)
			}
		}
		text := kit.Count(len(plays), "%s: %d card · do now %d · make feasible %d · make desirable %d · park %d · not rated %d",
			"%s: %d cards · do now %d · make feasible %d · make desirable %d · park %d · not rated %d", t.Name, len(plays), counts[game.QuadrantDoNow], counts[game.QuadrantMakeFeasible], counts[game.QuadrantMakeDesirable],
			counts[game.QuadrantPark], counts[""])
		if len(top) > 0 {
			text += "\n    " + lang.L("Highest ranked:") + " " + strings.Join(top, ", ")
		}
		lines = append(lines, text)
	}
	showLines(s.teams, lines, fyne.TextWrapWord)
}
