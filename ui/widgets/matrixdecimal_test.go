package widgets

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// The key writes its scores with the matrix's Decimal, so that a Finnish
// or Swedish screen says "↑3,5" as the report does.
func TestTheKeyWritesScoresWithItsDecimal(t *testing.T) {
	m, _ := crowdedMatrix(t, 200, 1, fyne.NewSize(655, 560))
	m.Decimal = func(v float64) string { return strings.Replace(strconv.FormatFloat(v, 'f', 1, 64), ".", ",", 1) }
	m.Refresh()
	var key []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *canvas.Text:
			if strings.Contains(x.Text, "↑") && x.Visible() {
				key = append(key, x.Text)
			}
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(m)
	if len(key) == 0 {
		t.Fatal("the crowded matrix shows no key entries")
	}
	comma := regexp.MustCompile(`↑\d,\d →\d,\d`)
	for _, k := range key {
		if !comma.MatchString(k) {
			t.Errorf("a key entry does not use the matrix's decimal: %q", k)
		}
	}
}
