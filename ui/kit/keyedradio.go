package kit

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// KeyedRadioGroup is a radio group for dialogs and the Settings window.
// Fyne's radio group is made of choices of its own that drop every key but
// Space, so after choosing from the keyboard (or a click) the focus sat on
// a choice where Enter and Esc did nothing. Its choices here are the
// app's: Space chooses, the arrow keys move between the choices, Enter is
// the dialog's main button and Esc cancels the dialog or closes the window. It is set and read as widget.RadioGroup is (Options, Selected,
// SetSelected, OnChanged, Required, Horizontal) and looks as it does.
type KeyedRadioGroup struct {
	widget.RadioGroup
	choices []*RadioChoice // one for each option, made by the renderer
}

// NewKeyedRadioGroup makes a radio group with choices and a change handler.
func NewKeyedRadioGroup(options []string, changed func(string)) *KeyedRadioGroup {
	g := &KeyedRadioGroup{}
	g.Options, g.OnChanged = options, changed
	g.ExtendBaseWidget(g)
	return g
}

// CreateRenderer is part of fyne.Widget: the choices are the app's.
func (g *KeyedRadioGroup) CreateRenderer() fyne.WidgetRenderer {
	r := &radioGroupRenderer{group: g}
	r.update()
	return r
}

// choose is a tap or Space on the choice at index: it picks it, or takes
// the pick off it when the group does not require one.
func (g *KeyedRadioGroup) choose(index int) {
	if g.Disabled() || index >= len(g.Options) {
		return
	}
	option := g.Options[index]
	if g.Selected == option {
		if g.Required {
			return
		}
		option = ""
	}
	g.Selected = option
	if g.OnChanged != nil {
		g.OnChanged(option)
	}
	g.Refresh()
}

type radioGroupRenderer struct {
	group   *KeyedRadioGroup
	objects []fyne.CanvasObject
}

// update makes a choice for each option and shows which is picked.
func (r *radioGroupRenderer) update() {
	g := r.group
	for len(g.choices) < len(g.Options) {
		g.choices = append(g.choices, newRadioChoice(g, len(g.choices)))
	}
	g.choices = g.choices[:len(g.Options)]
	r.objects = r.objects[:0]
	for _, c := range g.choices {
		r.objects = append(r.objects, c)
	}
}

// Layout gives every choice the same room, in a column (or a row).
func (r *radioGroupRenderer) Layout(fyne.Size) {
	n := float32(max(len(r.group.choices), 1))
	size := r.MinSize()
	item := fyne.NewSize(size.Width, size.Height/n)
	if r.group.Horizontal {
		item = fyne.NewSize(size.Width/n, size.Height)
	}
	var pos fyne.Position
	for _, c := range r.group.choices {
		c.Resize(item)
		c.Move(pos)
		if r.group.Horizontal {
			pos.X += item.Width
		} else {
			pos.Y += item.Height
		}
	}
}

func (r *radioGroupRenderer) MinSize() fyne.Size {
	var w, h float32
	for _, c := range r.group.choices {
		m := c.MinSize()
		w, h = max(w, m.Width), max(h, m.Height)
	}
	n := float32(len(r.group.choices))
	if r.group.Horizontal {
		return fyne.NewSize(w*n, h)
	}
	return fyne.NewSize(w, h*n)
}

func (r *radioGroupRenderer) Refresh() {
	r.update()
	r.Layout(r.group.Size())
	for _, c := range r.group.choices {
		c.Refresh()
	}
	canvas.Refresh(r.group)
}

func (r *radioGroupRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *radioGroupRenderer) Destroy()                     {}

// RadioChoice is one choice of a KeyedRadioGroup, drawn as Fyne draws its
// radio choices.
type RadioChoice struct {
	widget.BaseWidget
	Group            *KeyedRadioGroup
	Index            int
	focused, hovered bool
}

var (
	_ fyne.Focusable    = (*RadioChoice)(nil)
	_ fyne.Tappable     = (*RadioChoice)(nil)
	_ fyne.Disableable  = (*RadioChoice)(nil)
	_ desktop.Hoverable = (*RadioChoice)(nil)
)

func newRadioChoice(g *KeyedRadioGroup, index int) *RadioChoice {
	c := &RadioChoice{Group: g, Index: index}
	c.ExtendBaseWidget(c)
	return c
}

func (c *RadioChoice) label() string {
	if c.Index < len(c.Group.Options) {
		return c.Group.Options[c.Index]
	}
	return ""
}

func (c *RadioChoice) selected() bool {
	return c.Group.Selected != "" && c.Group.Selected == c.label()
}

// Disabled is part of fyne.Disableable: a disabled group's choices are
// passed over by Tab.
func (c *RadioChoice) Disabled() bool { return c.Group.Disabled() }

// Enable and Disable are part of fyne.Disableable; they act on the group.
func (c *RadioChoice) Enable()  { c.Group.Enable() }
func (c *RadioChoice) Disable() { c.Group.Disable() }

// Tapped is part of fyne.Tappable: it focuses the choice and picks it.
func (c *RadioChoice) Tapped(*fyne.PointEvent) {
	if c.Disabled() {
		return
	}
	if !fyne.CurrentDevice().IsMobile() {
		if cv := fyne.CurrentApp().Driver().CanvasForObject(c); cv != nil {
			cv.Focus(c)
		}
	}
	c.Group.choose(c.Index)
}

// FocusGained is part of fyne.Focusable.
func (c *RadioChoice) FocusGained() { c.focused = true; c.Refresh() }

// FocusLost is part of fyne.Focusable.
func (c *RadioChoice) FocusLost() { c.focused = false; c.Refresh() }

// TypedRune is part of fyne.Focusable: Space picks the choice.
func (c *RadioChoice) TypedRune(r rune) {
	if r == ' ' {
		c.Group.choose(c.Index)
	}
}

// TypedKey is part of fyne.Focusable: the arrows move to the choice
// before or after, Enter and Esc go to the dialog.
func (c *RadioChoice) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyUp, fyne.KeyLeft:
		c.focusChoice(c.Index - 1)
	case fyne.KeyDown, fyne.KeyRight:
		c.focusChoice(c.Index + 1)
	default:
		if !passDialogKey(c, e) && e.Name == fyne.KeyEscape {
			// In a window of its own (Settings), Esc is the window's.
			if cv := fyne.CurrentApp().Driver().CanvasForObject(c); cv != nil && cv.OnTypedKey() != nil {
				cv.OnTypedKey()(e)
			}
		}
	}
}

// focusChoice moves the focus to the group's choice at index, if any.
func (c *RadioChoice) focusChoice(index int) {
	if index < 0 || index >= len(c.Group.choices) {
		return
	}
	if cv := fyne.CurrentApp().Driver().CanvasForObject(c); cv != nil {
		cv.Focus(c.Group.choices[index])
	}
}

// MouseIn is part of desktop.Hoverable.
func (c *RadioChoice) MouseIn(*desktop.MouseEvent) {
	if !c.Disabled() {
		c.hovered = true
		c.Refresh()
	}
}

// MouseMoved is part of desktop.Hoverable.
func (c *RadioChoice) MouseMoved(*desktop.MouseEvent) {}

// MouseOut is part of desktop.Hoverable.
func (c *RadioChoice) MouseOut() {
	if c.hovered {
		c.hovered = false
		c.Refresh()
	}
}

func (c *RadioChoice) CreateRenderer() fyne.WidgetRenderer {
	r := &radioChoiceRenderer{choice: c, label: &canvas.Text{Alignment: fyne.TextAlignLeading}}
	r.objects = []fyne.CanvasObject{&r.focus, &r.icon, &r.over, r.label}
	r.Refresh()
	return r
}

type radioChoiceRenderer struct {
	choice     *RadioChoice
	focus      canvas.Circle
	icon, over canvas.Image
	drawn      [2]iconLook // what icon and over were drawn as
	label      *canvas.Text
	objects    []fyne.CanvasObject
}

// iconLook is what a choice's image was drawn as: which icon, in which colour.
type iconLook struct {
	icon   string
	colour color.Color
}

// setIcon draws img as the themed icon res, unless it shows it in the same
// colour already: colouring an SVG and reading it again is most of what a
// choice costs to redraw, and a group redraws all its choices when one is
// picked, on a screen that may show twenty of them.
func setIcon(img *canvas.Image, drawn *iconLook, res *theme.ThemedResource, th fyne.Theme, v fyne.ThemeVariant) {
	look := iconLook{icon: res.Name(), colour: th.Color(res.ColorName, v)}
	if img.Resource != nil && *drawn == look {
		return
	}
	*drawn = look
	img.Resource = res
	img.Refresh()
}

func (r *radioChoiceRenderer) Layout(size fyne.Size) {
	th := r.choice.Theme()
	inner, border, icon := th.Size(theme.SizeNameInnerPadding), th.Size(theme.SizeNameInputBorder), th.Size(theme.SizeNameInlineIcon)
	focus := fyne.NewSquareSize(icon + inner)
	r.focus.Resize(focus)
	r.focus.Move(fyne.NewPos(border, (size.Height-focus.Height)/2))
	r.label.Resize(size)
	r.label.Move(fyne.NewPos(focus.Width+th.Size(theme.SizeNamePadding), 0))
	pos, iconSize := fyne.NewPos(inner/2+border, (size.Height-icon)/2), fyne.NewSquareSize(icon)
	r.icon.Resize(iconSize)
	r.icon.Move(pos)
	r.over.Resize(iconSize)
	r.over.Move(pos)
}

func (r *radioChoiceRenderer) MinSize() fyne.Size {
	th := r.choice.Theme()
	return r.label.MinSize().AddWidthHeight(
		th.Size(theme.SizeNameInnerPadding)*2+th.Size(theme.SizeNameInlineIcon)+th.Size(theme.SizeNamePadding),
		th.Size(theme.SizeNameInnerPadding)*2)
}

// Refresh draws the choice as Fyne's radio choice: the ring, filled when
// picked, greyed when disabled, a halo when focused or under the pointer.
func (r *radioChoiceRenderer) Refresh() {
	c := r.choice
	th := c.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	disabled, selected := c.Disabled(), c.selected()
	r.label.Text = c.label()
	r.label.TextSize = th.Size(theme.SizeNameText)
	r.label.Color = th.Color(theme.ColorNameForeground, v)
	out := theme.NewThemedResource(th.Icon(theme.IconNameRadioButton))
	out.ColorName = theme.ColorNameInputBorder
	in := theme.NewThemedResource(th.Icon(theme.IconNameRadioButtonFill))
	in.ColorName = theme.ColorNameInputBackground
	if selected {
		in.ColorName, out.ColorName = theme.ColorNamePrimary, theme.ColorNameForeground
	}
	if disabled {
		r.label.Color = th.Color(theme.ColorNameDisabled, v)
		in.ColorName, out.ColorName = theme.ColorNameBackground, theme.ColorNameDisabled
		if selected {
			in.ColorName = theme.ColorNameDisabled
		}
	}
	switch {
	case disabled:
		r.focus.FillColor = color.Transparent
	case c.focused:
		r.focus.FillColor = th.Color(theme.ColorNameFocus, v)
	case c.hovered:
		r.focus.FillColor = th.Color(theme.ColorNameHover, v)
	default:
		r.focus.FillColor = color.Transparent
	}
	setIcon(&r.icon, &r.drawn[0], in, th, v)
	setIcon(&r.over, &r.drawn[1], out, th, v)
	r.focus.Refresh()
	r.label.Refresh()
}

func (r *radioChoiceRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *radioChoiceRenderer) Destroy()                     {}
