package results

import (
	"context"
	"fmt"
	"testing"

	"fyne.io/fyne/v2"

	"deckhand/game"
	"deckhand/storage/storagetest"
	"deckhand/ui/internal/uitest"
)

// workshopWithTables puts a workshop of n tables, with a few rated plays
// each, in the fixture's database and returns its id and its tables'
// names: "Table 1"… or, renamed, names.
func workshopWithTables(t *testing.T, f *uitest.Fixture, n int, names []string) (string, []string) {
	t.Helper()
	ctx := context.Background()
	id, err := storagetest.FillWorkshop(ctx, f.Store, 7, n, 10)
	if err != nil {
		t.Fatal(err)
	}
	session, err := f.Store.Session(ctx, id, false)
	if err != nil {
		t.Fatal(err)
	}
	var shown []string
	for i, team := range session.Teams {
		if i < len(names) {
			team.Name = names[i]
			if err := f.Store.SaveTeam(ctx, id, &team); err != nil {
				t.Fatal(err)
			}
		}
		shown = append(shown, team.Name)
	}
	return id, shown
}

// longTableNames are names a facilitator types for the tables.
var longTableNames = []string{"Kvarnbyn asiakaspalvelu", "Exempelbolaget kundtjänst", "Tietohallinto ja turvallisuus",
	"Customer success, Nordics", "Hallinto- ja talouspalvelut", "Kundupplevelse och digitala tjänster"}

// The Results screen of a workshop of 8 tables, and of 6 with long
// names, laid out once at 1024×700 and at 1280×800: the legend under the
// matrix draws every table's marker and name inside the left pane,
// between the matrix and the hint under it, none over another, each name
// whole or cut short with an ellipsis.
func TestResultsLegendStaysInItsPane(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1024, Height: 700}, {Width: 1280, Height: 800}} {
		for _, c := range []struct {
			tables int
			names  []string
		}{{8, nil}, {6, longTableNames}} {
			t.Run(fmt.Sprintf("%d-tables-%.0fx%.0f", c.tables, size.Width, size.Height), func(t *testing.T) {
				f := uitest.NewFixture(t)
				id, names := workshopWithTables(t, f, c.tables, c.names)
				f.Win.Resize(size)
				r := newQueued(f.App, f.Win, f.Store)
				r.Refresh(id)
				f.Win.SetContent(r.Content()) // the screen's first layout, with the workshop shown
				if len(r.session.Teams) != c.tables {
					t.Fatalf("the workshop shown has %d tables, want %d", len(r.session.Teams), c.tables)
				}
				if got := f.Win.Canvas().Size(); got != size {
					t.Errorf("the window grew to %v to hold the screen, want %v", got, size)
				}
				plot := uitest.DrawnRect(r.matrix)
				pane := game.Rect{X0: plot.X0, Y0: plot.Y1, X1: min(plot.X1, float64(size.Width)), Y1: float64(size.Height)}
				uitest.CheckLegend(t, r.legend, pane, r.chosen, names)
			})
		}
	}
}
