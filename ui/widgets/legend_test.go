package widgets

import (
	"fmt"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"deckhand/game"
	"deckhand/ui/internal/uitest"
)

// legendTables are the tables of a big workshop, and of one whose
// facilitator typed long names.
var legendTables = map[string][]string{
	"8-tables": {"Table 1", "Table 2", "Table 3", "Table 4", "Table 5", "Table 6", "Table 7", "Table 8"},
	"6-long-names": {"Kvarnbyn asiakaspalvelu", "Exempelbolaget kundtjänst", "Tietohallinto ja turvallisuus",
		"Customer success, Nordics", "Hallinto- ja talouspalvelut", "Kundupplevelse och digitala tjänster"},
}

// The legend under the matrix, with a hint under it, laid out once at
// the width of the Results screen's left pane at 1024×700 and 1280×800
// and of the room view's matrix, drawn large: every table's marker and
// name lies inside that width and above the hint, none over another, and
// each name is whole or cut short with an ellipsis.
func TestLegendWrapsWithinItsWidth(t *testing.T) {
	test.NewTempApp(t)
	for _, c := range []struct {
		width float32
		scale float32
	}{{530, 1}, {590, 1}, {665, 1}, {1366, 1.7}} {
		for name, tables := range legendTables {
			t.Run(fmt.Sprintf("%s-%.0f-px-scale-%.1f", name, c.width, c.scale), func(t *testing.T) {
				legend := ScaledLegend(tables, c.scale)
				hint := widget.NewLabel("Tap a point to see its card.")
				var content fyne.CanvasObject = container.NewVBox(legend, hint)
				if c.scale != 1 {
					content = container.NewThemeOverride(content, scaledTheme{theme.DefaultTheme(), c.scale})
				}
				w := test.NewTempWindow(t, content)
				w.Resize(fyne.NewSize(c.width, 400)) // its first layout: it has no width to go by before it
				pane := game.Rect{X1: float64(c.width), Y1: 400}
				uitest.CheckLegend(t, legend, pane, hint, tables)
			})
		}
	}
}

// A legend of a few tables stays one row, centred under the matrix, on
// the Results screen and in the room view.
func TestLegendOfAFewTablesIsOneCentredRow(t *testing.T) {
	test.NewTempApp(t)
	for _, c := range []struct {
		tables []string
		width  float32
		scale  float32
	}{{[]string{"Table 1", "Table 2"}, 530, 1}, {[]string{"Table 1", "Table 2", "Table 3"}, 665, 1},
		{[]string{"Table 1", "Table 2", "Table 3"}, 1366, 1.7}} {
		legend := ScaledLegend(c.tables, c.scale)
		hint := widget.NewLabel("Tap a point to see its card.")
		w := test.NewTempWindow(t, container.NewVBox(legend, hint))
		w.Resize(fyne.NewSize(c.width, 300))
		box := uitest.CheckLegend(t, legend, game.Rect{X1: float64(c.width), Y1: 300}, hint, c.tables)
		under := uitest.DrawnRect(legend)
		if left, right := box.X0-under.X0, under.X1-box.X1; math.Abs(left-right) > 1 {
			t.Errorf("%d tables at %.0f px: the legend is %.0f px from the left and %.0f from the right", len(c.tables), c.width, left, right)
		}
		if high, line := box.Y1-box.Y0, float64(c.scale)*2*float64(theme.TextSize()); high > line {
			t.Errorf("%d tables at %.0f px: the legend is %.0f px high, more than one row", len(c.tables), c.width, high)
		}
	}
}
