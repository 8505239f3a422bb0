package workshop

import (
	"fmt"
	"image/color"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"deckhand/cards"
	"deckhand/game"
	"deckhand/ui/kit"
)

// boardView shows one team's board: a panel per area with the cards laid
// in it, in order. A card's chip is kept while the card is on the board
// and changed in place, so that choosing or rating a card redraws its chip
// alone.
type boardView struct {
	s        *Screen
	grid     *fyne.Container
	panels   []*areaPanel
	chips    map[string]*PlayChip // the chips of the cards on the board, by play id
	builtFor string               // the workshop the panels were made for
	rest     *widget.PopUp        // the cards under a "+N more" while listed
}

// areaPanel is one area of the board.
type areaPanel struct {
	key    string
	header *canvas.Text
	box    *fyne.Container          // the chips, then the "+N" button (rowsLayout)
	rows   *container.ThemeOverride // box, in compact rows when the area is busy
	chips  []*PlayChip              // the area's cards, in the board's order
	More   *widget.Button           // "+N": lists the cards the panel has no room for
	shown  int                      // how many chips the panel holds in sight
	root   *fyne.Container
}

func newBoardView(s *Screen) *boardView {
	return &boardView{s: s, grid: container.NewGridWithColumns(2)}
}

func (b *boardView) content() fyne.CanvasObject { return b.grid }

// build makes the panels for the deck's board.
func (b *boardView) build(d *cards.Deck, lang string) {
	b.grid.RemoveAll()
	b.panels = nil
	for i, a := range d.Board.Areas {
		colour := kit.HexColour(a.Colour)
		header := canvas.NewText(fmt.Sprintf("%d  %s", i+1, a.Name.Or(lang, d.DefaultLang)), color.White)
		header.TextStyle = fyne.TextStyle{Bold: true}
		band := container.NewStack(canvas.NewRectangle(colour), container.NewPadded(header))
		question := widget.NewLabel(a.Question.Or(lang, d.DefaultLang))
		question.Wrapping = fyne.TextWrapWord
		question.SizeName = theme.SizeNameCaptionText
		tint := canvas.NewRectangle(kit.WithAlpha(colour, 28))
		p := &areaPanel{key: a.Key, header: header}
		p.More = widget.NewButton("", func() { b.showRest(p) })
		p.More.Importance = widget.LowImportance
		p.box = container.New(&rowsLayout{p: p})
		p.rows = container.NewThemeOverride(p.box, kit.ResizedTheme{Resize: p.rowSize})
		p.root = container.NewStack(tint, container.NewBorder(container.NewVBox(band, question), nil, nil, nil, p.rows))
		b.panels = append(b.panels, p)
		b.grid.Add(p.root)
	}
}

// show lays the team's cards into the panels. A panel whose cards stay
// the same, in the same order, is left as it is but for the chips whose
// line or selection changed.
func (b *boardView) show() {
	s := b.s
	if b.builtFor != s.Session.Workshop.ID {
		b.build(s.Deck(), s.lang())
		b.builtFor = s.Session.Workshop.ID
		b.chips = map[string]*PlayChip{}
		b.grid.Refresh()
	}
	if b.rest != nil {
		// What it listed has changed (a card chosen, moved or dragged).
		b.rest.Hide()
		b.rest = nil
	}
	board := game.BoardOf(s.Session.Plays, s.TeamID)
	kept := make(map[string]*PlayChip, len(b.chips))
	for _, p := range b.panels {
		chips := make([]*PlayChip, 0, len(board[p.key]))
		for _, play := range board[p.key] {
			c, ok := b.chips[play.ID]
			if ok {
				c.show(play)
			} else {
				c = newPlayChip(s, play)
			}
			kept[play.ID] = c
			chips = append(chips, c)
		}
		p.lay(chips)
	}
	b.chips = kept
}

// lay puts chips in the panel, in order, unless it holds them already.
func (p *areaPanel) lay(chips []*PlayChip) {
	if slices.Equal(chips, p.chips) {
		return
	}
	// A chip new to the panel takes the theme of its rows, and all do when
	// the rows turn compact or back.
	themed := p.compact() == (len(chips) >= compactFrom)
	for _, c := range chips {
		themed = themed && slices.Contains(p.chips, c)
	}
	p.chips = chips
	objects := make([]fyne.CanvasObject, 0, len(chips)+1)
	for _, c := range chips {
		objects = append(objects, c)
	}
	objects = append(objects, p.More)
	if themed {
		setObjects(p.box, objects)
		return
	}
	p.box.Objects = objects
	p.rows.Refresh()
}

// areaAt finds the area under an absolute position, for drops.
func (b *boardView) areaAt(pos fyne.Position) int {
	d := fyne.CurrentApp().Driver()
	for i, p := range b.panels {
		at, size := d.AbsolutePositionForObject(p.root), p.root.Size()
		if pos.X >= at.X && pos.Y >= at.Y && pos.X < at.X+size.Width && pos.Y < at.Y+size.Height {
			return i
		}
	}
	return -1
}

// PlayChip is a card on the board: its code, title and ratings. Tap selects
// it; drag it onto another area to move it there.
type PlayChip struct {
	widget.Button
	s    *Screen
	id   string
	full string // the whole line; Text is as much of it as fits
	drag fyne.Position
}

// chipMinWidth is how narrow a chip may get: the board must fit a laptop's
// screen whatever the cards' titles and paths, so a chip cuts its line to
// its width (Resize) instead of asking for the width of the whole line.
const chipMinWidth = 180

func newPlayChip(s *Screen, p game.Play) *PlayChip {
	c := &PlayChip{s: s, id: p.ID}
	c.ExtendBaseWidget(c)
	c.full, c.Importance = c.looks(p)
	c.Text = c.full
	c.Alignment = widget.ButtonAlignLeading
	// A click chooses the card and leaves the typing in the code box: the
	// next code typed lays the next card, Enter rates this one. Whatever
	// the number keys were asking, and any text in the box that laid
	// nothing, is given up, as the next code goes there.
	c.OnTapped = func() {
		s.Keys = keyMode{}
		s.Code.clear()
		s.SelectPlay(p.ID)
		s.FocusCode()
	}
	return c
}

// looks is what the chip of p shows: its line, and whether it is chosen.
func (c *PlayChip) looks(p game.Play) (string, widget.Importance) {
	if p.ID == c.s.Selected {
		return chipText(c.s, p), widget.HighImportance
	}
	return chipText(c.s, p), widget.MediumImportance
}

// show changes the chip to show p as it is now, redrawing it only when
// its line or its selection changed.
func (c *PlayChip) show(p game.Play) {
	full, importance := c.looks(p)
	if full == c.full && importance == c.Importance {
		return
	}
	c.full, c.Importance = full, importance
	c.Text = full
	if width := c.Size().Width; width > 0 {
		c.Text = fitLine(full, width-4*theme.InnerPadding())
	}
	c.Refresh()
}

// MinSize is the button's, but no wider than chipMinWidth.
func (c *PlayChip) MinSize() fyne.Size {
	size := c.Button.MinSize()
	return fyne.NewSize(min(size.Width, chipMinWidth), size.Height)
}

// Resize cuts the chip's line to what fits in its width, with "…" where it
// was cut.
func (c *PlayChip) Resize(size fyne.Size) {
	c.Button.Resize(size)
	if text := fitLine(c.full, size.Width-4*theme.InnerPadding()); text != c.Text {
		c.Text = text
		c.Refresh()
	}
}

// fitLine is line, or its longest start that fits width with "…" after it,
// in the bold text of a button.
func fitLine(line string, width float32) string {
	style := fyne.TextStyle{Bold: true}
	fits := func(s string) bool { return fyne.MeasureText(s, theme.TextSize(), style).Width <= width }
	if fits(line) {
		return line
	}
	runes := []rune(line)
	lo, hi := 0, len(runes) // runes[:lo]+"…" fits; runes[:hi]+"…" does not, or hi is all
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fits(string(runes[:mid]) + "…") {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return strings.TrimRight(string(runes[:lo]), " ") + "…"
}

// chipText is a card's line on the board, everything the facilitator
// reads off it without choosing it: code, its team's ratings in criterion
// order ("–" for none yet), path, customer's role, interaction cards,
// then the title, which is what gets cut when the board is narrow.
// "R07 [4 3 5 2] · Path A · C02 · I03 I05 · Consent form".
func chipText(s *Screen, p game.Play) string {
	d := s.Deck()
	title := s.Session.Workshop.PlayTitleIn(p, s.lang())
	if len([]rune(title)) > 38 {
		title = string([]rune(title)[:37]) + "…"
	}
	shown := ratingMarks(d, game.Current(s.Session.Ratings, p.ID, game.RaterTeam))
	if s.hidesRatings(p.ID) {
		// A blind round on the card: how many have rated, not what.
		shown = lang.L("blind") + ": " + s.countText(p.ID, s.blind.teamID)
	}
	parts := []string{fmt.Sprintf("%s [%s]", p.Code, shown)}
	for _, path := range s.Session.Paths {
		if path.ID == p.PathID {
			parts = append(parts, path.Name)
		}
	}
	if p.Role != "" {
		parts = append(parts, p.Role)
	}
	if len(p.Interactions) > 0 {
		parts = append(parts, strings.Join(p.Interactions, " "))
	}
	return strings.Join(append(parts, title), " · ")
}

// ratingMarks are a card's current ratings as its chip shows them, in
// criterion order, "–" for none yet: "4 3 – 2".
func ratingMarks(d *cards.Deck, current map[string]game.Rating) string {
	var marks []string
	for _, k := range d.Criteria {
		if r, ok := current[k.Key]; ok {
			marks = append(marks, fmt.Sprint(r.Value))
		} else {
			marks = append(marks, "–")
		}
	}
	return strings.Join(marks, " ")
}

// Dragged follows the pointer while a card is dragged.
func (c *PlayChip) Dragged(e *fyne.DragEvent) { c.drag = e.AbsolutePosition }

// DragEnd moves the card to the area it was dropped on, to its end, or,
// dropped in its own area, to the place among its cards where it was let
// go; both through the same saves and undo as the keys that do it.
func (c *PlayChip) DragEnd() {
	s := c.s
	i := s.board.areaAt(c.drag)
	p, ok := s.Play(c.id)
	if i < 0 || !ok {
		return
	}
	s.Selected = c.id
	if s.Deck().Board.Areas[i].Key != p.Area {
		s.MoveSelected(i)
		return
	}
	s.moveWithinArea(c.id, s.board.rowAt(i, c.drag.Y, c.id))
}
