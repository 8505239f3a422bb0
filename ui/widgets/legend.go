package widgets

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"deckhand/game"
)

// Legend names each team with its marker, in its colour, under a matrix
// drawn at its normal size.
func Legend(teams []string) fyne.CanvasObject { return ScaledLegend(teams, 1) }

// ScaledLegend is a Legend whose markers and names are scale times their
// size, for a matrix drawn at that Scale.
func ScaledLegend(teams []string, scale float32) fyne.CanvasObject {
	l := &TeamLegend{Teams: teams, Scale: scale}
	l.ExtendBaseWidget(l)
	return l
}

// TeamLegend names each team with its marker, in its colour, in rows of
// at most legendColumns entries, as few rows as that takes and as evenly
// filled (6 teams are two rows of 3, 8 two of 4). The rows depend on the
// number of teams only, never on the width: Fyne asks a widget its
// MinSize before it lays it out, so a legend that wrapped to its width
// would learn how many rows it needs only after its height was settled,
// and be drawn over what is under it. The columns are as wide as their
// widest entry and centred together when the width has room for them;
// when not, they share it, a narrow column keeping its width, and a name
// too long for its column is cut short with an ellipsis. Nothing is drawn
// outside the width the legend is given, however long the names typed
// for the tables.
type TeamLegend struct {
	widget.BaseWidget
	Teams []string
	// Scale draws the markers, names and gaps that many times their size
	// (0 is 1), as Matrix.Scale does.
	Scale float32
}

const (
	legendColumns   = 4  // entries a row at most
	legendMarker    = 12 // px: a marker's diameter
	legendMarkerGap = 6  // px from a marker to its name
	legendColumnGap = 20 // px between the columns
	legendRowGap    = 4  // px between the rows
	legendPad       = 6  // px round the rows
)

// px is a length of the legend at its scale.
func (l *TeamLegend) px(v float32) float32 { return atScale(l.Scale, v) }

// textSize is the size of the names: the theme's text at the legend's
// scale, taken from the app's theme for the reason appSize gives.
func (l *TeamLegend) textSize() float32 { return l.px(appSize(theme.SizeNameText)) }

// grid is how many rows and columns the legend's entries take.
func (l *TeamLegend) grid() (rows, cols int) {
	n := len(l.Teams)
	if n == 0 {
		return 0, 0
	}
	rows = (n + legendColumns - 1) / legendColumns
	return rows, (n + rows - 1) / rows
}

// CreateRenderer is part of fyne.Widget.
func (l *TeamLegend) CreateRenderer() fyne.WidgetRenderer {
	r := &legendRenderer{l: l}
	r.rebuild()
	return r
}

type legendRenderer struct {
	l       *TeamLegend
	markers []fyne.CanvasObject
	names   []*canvas.Text
	objects []fyne.CanvasObject
}

// rebuild makes a marker and a name per team, in the theme's colour as it
// is now: Refresh, which a change of theme calls, makes them anew.
func (r *legendRenderer) rebuild() {
	fg := theme.Color(theme.ColorNameForeground)
	r.markers, r.names, r.objects = nil, nil, nil
	for i, team := range r.l.Teams {
		_, shape := game.TeamStyle(i)
		marker := markerObject(shape, TeamColour(i))
		name := canvas.NewText(team, fg)
		name.TextSize = r.l.textSize()
		r.markers, r.names = append(r.markers, marker), append(r.names, name)
		r.objects = append(r.objects, marker, name)
	}
}

// lineHeight is the height of a row: its names'.
func (r *legendRenderer) lineHeight() float32 {
	return fyne.MeasureText("Ág", r.l.textSize(), fyne.TextStyle{}).Height
}

// textWidth is how wide s is drawn as a name.
func (r *legendRenderer) textWidth(s string) float32 {
	return fyne.MeasureText(s, r.l.textSize(), fyne.TextStyle{}).Width
}

// MinSize is as high as the rows and as wide as the columns with every
// name cut to its ellipsis.
func (r *legendRenderer) MinSize() fyne.Size {
	rows, cols := r.l.grid()
	if rows == 0 {
		return fyne.Size{}
	}
	l := r.l
	cell := l.px(legendMarker+legendMarkerGap) + r.textWidth("…")
	return fyne.NewSize(2*l.px(legendPad)+float32(cols)*cell+float32(cols-1)*l.px(legendColumnGap),
		2*l.px(legendPad)+float32(rows)*r.lineHeight()+float32(rows-1)*l.px(legendRowGap))
}

// Layout puts each entry in its row and column, and cuts the names too
// long for their column short.
func (r *legendRenderer) Layout(size fyne.Size) {
	rows, cols := r.l.grid()
	if rows == 0 {
		return
	}
	l := r.l
	line, d, toName := r.lineHeight(), l.px(legendMarker), l.px(legendMarker+legendMarkerGap)
	natural := make([]float32, cols)
	for i, team := range l.Teams {
		natural[i%cols] = max(natural[i%cols], toName+r.textWidth(team))
	}
	gaps := float32(cols-1) * l.px(legendColumnGap)
	widths := shareWidth(natural, size.Width-2*l.px(legendPad)-gaps, toName+r.textWidth("…"))
	var total float32
	for _, w := range widths {
		total += w
	}
	left := max(l.px(legendPad), (size.Width-total-gaps)/2)
	top := max(0, (size.Height-r.MinSize().Height)/2) + l.px(legendPad)
	for i, team := range l.Teams {
		row, col := i/cols, i%cols
		x := left + float32(col)*l.px(legendColumnGap)
		for _, w := range widths[:col] {
			x += w
		}
		y := top + float32(row)*(line+l.px(legendRowGap))
		r.markers[i].Move(fyne.NewPos(x, y+(line-d)/2))
		r.markers[i].Resize(fyne.NewSize(d, d))
		name := r.names[i]
		if text := r.ellipsize(team, widths[col]-toName); name.Text != text {
			name.Text = text
			name.Refresh()
		}
		name.Move(fyne.NewPos(x+toName, y))
		name.Resize(fyne.NewSize(r.textWidth(name.Text), line))
	}
}

// shareWidth gives each column its natural width when they all fit in
// width. When not, the columns narrower than an equal share keep theirs
// and the others share what is left equally, none below least.
func shareWidth(natural []float32, width, least float32) []float32 {
	widths := slices.Clone(natural)
	var sum float32
	for _, w := range natural {
		sum += w
	}
	if sum <= width {
		return widths
	}
	sorted := slices.Sorted(slices.Values(natural))
	left, open := width, len(sorted)
	for _, w := range sorted {
		if w > left/float32(open) {
			break
		}
		left -= w
		open--
	}
	limit := max(least, left/float32(max(1, open)))
	for i, w := range widths {
		widths[i] = min(w, limit)
	}
	return widths
}

// ellipsize is s whole when it fits width, else as much of its start as
// fits with an ellipsis after it.
func (r *legendRenderer) ellipsize(s string, width float32) string {
	if r.textWidth(s) <= width {
		return s
	}
	runes := []rune(s)
	cut := func(n int) string { return strings.TrimSpace(string(runes[:n])) + "…" }
	// The longest start that fits, found by halving: a name is measured
	// a few times at every layout, not once a letter.
	lo, hi := 0, len(runes)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if r.textWidth(cut(mid)) <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return cut(lo)
}

func (r *legendRenderer) Refresh() {
	r.rebuild()
	r.Layout(r.l.Size())
	canvas.Refresh(r.l)
}

func (r *legendRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *legendRenderer) Destroy() {}
