package widgets

import (
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"

	"deckhand/game"
)

// newKey makes the key under the plot: the titles and the entries (a
// mark's marker and text, hidden unless the mark is listed) in a scroll.
// The key of a crowded matrix is longer than the third of its height it
// may take: the scroll keeps all of it inside the matrix, none of it
// drawn over what is under the matrix, and every entry within reach. The
// scroll is kept when the matrix is drawn anew (the room view's is, at
// every rating) so that it stays where it was scrolled to.
func (r *matrixRenderer) newKey() {
	r.keySize = &fixedSize{}
	r.keyContent = container.New(r.keySize, r.offTitle, r.keyTitle)
	for j := range r.keyMarks {
		r.keyContent.Add(r.keyMarks[j])
		r.keyContent.Add(r.keyTexts[j])
	}
	if r.keyScroll == nil {
		r.keyScroll = container.NewScroll(r.keyContent)
		return
	}
	r.keyScroll.Content = r.keyContent
}

// keyLayout is where the key under the plot goes, from top: first the
// marks left off the matrix, which are nowhere else to be seen, then
// the numbered ones; each list under its title, in columns.
type keyLayout struct {
	line           float32               // a row's height
	column         float32               // a column's width
	offTop, keyTop float32               // the titles'
	entries        map[int]fyne.Position // by mark: where its entry starts
	width, height  float32               // all of it
}

// keyLayout lays out the key to plan from its top down, in columns as
// many as size has room for, each as wide as the widest entry.
func (r *matrixRenderer) keyLayout(size fyne.Size, plan game.MatrixPlan) keyLayout {
	m := r.m
	k := keyLayout{line: fyne.MeasureText("0", m.caption(), fyne.TextStyle{}).Height + m.px(2), entries: map[int]fyne.Position{}}
	k.column = m.px(keyColumn)
	for _, list := range [][]int{plan.Off, plan.Key} {
		for _, j := range list {
			w := fyne.MeasureText(m.keyEntry(plan.Marks[j]), m.caption(), fyne.TextStyle{}).Width
			k.column = max(k.column, m.px(keyIndent+keyColumnGap)+w)
		}
	}
	cols := max(1, int((size.Width-m.px(8))/k.column))
	var y float32
	list := func(marks []int) float32 {
		at := y
		if len(marks) == 0 {
			return at
		}
		for i, j := range marks {
			k.entries[j] = fyne.NewPos(m.px(4)+float32(i%cols)*k.column, at+k.line+m.px(4)+float32(i/cols)*k.line)
		}
		y += k.line + m.px(4) + float32((len(marks)+cols-1)/cols)*k.line + m.px(4)
		return at
	}
	k.offTop = list(plan.Off)
	k.keyTop = list(plan.Key)
	k.height = y
	if k.height > 0 {
		k.height -= m.px(4) // no gap after the last list
	}
	k.width = m.px(4) + float32(min(cols, max(len(plan.Off), len(plan.Key))))*k.column
	return k
}

// keyEntry is a mark's text in the key: its number, if it has one, its
// codes and its scores.
func (m *Matrix) keyEntry(mk game.MatrixMark) string {
	decimal := m.Decimal
	if decimal == nil {
		decimal = func(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }
	}
	text := fmt.Sprintf("%s  ↑%s →%s", mk.Text, decimal(mk.ValueY), decimal(mk.ValueX))
	if mk.Key > 0 {
		text = fmt.Sprintf("%d  %s", mk.Key, text)
	}
	return text
}

// layoutKey puts the key in the height under the plot from top, and its
// entries where key says.
func (r *matrixRenderer) layoutKey(size fyne.Size, plan game.MatrixPlan, top float32) {
	m := r.m
	key := r.keyLayout(size, plan)
	for _, t := range []struct {
		text  *canvas.Text
		title string
		y     float32
		shown bool
	}{{r.keyTitle, m.KeyTitle, key.keyTop, len(plan.Key) > 0}, {r.offTitle, m.OffTitle, key.offTop, len(plan.Off) > 0}} {
		t.text.Text, t.text.Hidden = t.title, !t.shown
		t.text.Move(fyne.NewPos(m.px(4), t.y))
		key.width = max(key.width, m.px(8)+t.text.MinSize().Width)
	}
	for j, mk := range plan.Marks {
		if j >= len(r.keyMarks) {
			break
		}
		km, kt := r.keyMarks[j], r.keyTexts[j]
		at, listed := key.entries[j]
		kt.Hidden = !listed
		if !listed {
			km.Hide()
			continue
		}
		km.Show()
		km.Move(fyne.NewPos(at.X, at.Y+key.line/2-m.px(5)))
		km.Resize(fyne.NewSize(m.px(10), m.px(10)))
		r.setText(kt, m.keyEntry(mk))
		kt.Move(fyne.NewPos(at.X+m.px(keyIndent), at.Y))
	}
	r.keySize.size = fyne.NewSize(key.width, key.height)
	if key.height == 0 {
		r.keyScroll.Hide()
	} else {
		r.keyScroll.Show()
	}
	r.keyScroll.Move(fyne.NewPos(0, top))
	r.keyScroll.Resize(fyne.NewSize(size.Width, max(0, min(r.keyHeight, size.Height-top))))
	r.keyContent.Resize(r.keySize.size.Max(r.keyScroll.Size()))
	r.keyScroll.Refresh()
}

// fixedSize is the layout of the key's content: the renderer places the
// entries itself, and the scroll asks how large they are.
type fixedSize struct{ size fyne.Size }

// Layout is part of fyne.Layout: the objects are placed already.
func (*fixedSize) Layout([]fyne.CanvasObject, fyne.Size) {}

// MinSize is part of fyne.Layout.
func (l *fixedSize) MinSize([]fyne.CanvasObject) fyne.Size { return l.size }
