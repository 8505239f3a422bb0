// Package room is the room view: a window of its own for the projector,
// showing the participants, large enough to read from the back of the
// room, the board of the table in play or the live matrix of the open
// workshop, and the round's countdown. It reads no database: the main
// window hands it what the Workshop screen shows (Show) and how its round
// clock stands (SetClock), on the UI goroutine.
package room

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"deckhand/game"
	"deckhand/ui/kit"
	"deckhand/ui/widgets"
)

// defaultMinutes is a round's length until the facilitator sets another.
const defaultMinutes = 10

// View is the room view's window and what it shows.
type View struct {
	app fyne.App
	Win fyne.Window

	// Now is the time (a test sets its own).
	Now func() time.Time
	// OnClosed is told once the window has closed.
	OnClosed func()

	session   *game.File
	teamID    string
	blindPlay string
	matrixOn  bool // the matrix is shown, not the board
	clock     countdown

	scale    float32 // every size of the app's theme times this (scale.go)
	override *container.ThemeOverride
	heading  *widget.Label
	body     *fyne.Container
	board    *fyne.Container
	Matrix   *widgets.Matrix
	legend   *fyne.Container
	matrix   fyne.CanvasObject // the matrix with its legend
	Switch   *widget.Button
	length   *widget.Label
	face     *clockFace
	stop     chan struct{} // closes the ticking goroutine
	gone     bool          // the window has closed
}

// New opens the room view in a window of its own, full screen. The window
// it is opened from keeps the focus, so that the note-taker goes on typing
// there. toUI hands the clock's ticks back to the UI goroutine: nil is
// fyne.Do (a test passes its own).
func New(a fyne.App, from fyne.Window, toUI func(func())) *View {
	if toUI == nil {
		toUI = fyne.Do
	}
	v := &View{app: a, Now: time.Now}
	v.clock.length = time.Duration(a.Preferences().IntWithFallback(kit.PrefRoundMinutes, defaultMinutes)) * time.Minute
	v.Win = a.NewWindow(lang.L("Room view"))
	v.Win.SetOnClosed(v.closed)
	v.build()
	v.Win.Resize(fyne.NewSize(1280, 720))
	v.Win.SetFullScreen(true)
	v.Win.Show()
	if from != nil {
		from.RequestFocus()
	}
	v.stop = make(chan struct{})
	go tick(v.stop, func() { toUI(v.showClock) })
	return v
}

// build makes the window's content in the interface language.
func (v *View) build() {
	v.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.heading.SizeName = theme.SizeNameHeadingText
	v.heading.Truncation = fyne.TextTruncateEllipsis
	v.board = container.NewGridWithColumns(2)
	v.Matrix = widgets.NewMatrix(1, 5)
	v.Matrix.Decimal = kit.Decimal
	v.legend = container.NewStack()
	v.matrix = container.NewBorder(nil, v.legend, nil, nil, v.Matrix)
	v.body = container.NewStack()
	v.Switch = widget.NewButtonWithIcon("", theme.ViewRefreshIcon(), v.Toggle)
	v.length = widget.NewLabel("")
	v.face = newClockFace()
	shorter := widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), func() { v.changeLength(-1) })
	longer := widget.NewButtonWithIcon("", theme.ContentAddIcon(), func() { v.changeLength(1) })
	full := widget.NewButtonWithIcon(lang.L("Full screen"), theme.ViewFullScreenIcon(), v.ToggleFullScreen)
	bottom := container.NewHBox(v.Switch, layout.NewSpacer(), shorter, v.length, longer, full)
	top := container.NewBorder(nil, nil, nil, v.face.root, container.NewVBox(layout.NewSpacer(), v.heading, layout.NewSpacer()))
	v.scale = 1
	content := container.NewBorder(top, bottom, nil, nil, v.body)
	v.override = container.NewThemeOverride(content, kit.ResizedTheme{Resize: func(_ fyne.ThemeSizeName, size float32) float32 { return size * v.scale }})
	v.Win.SetContent(container.New(&scaleLayout{v: v}, v.override))
	kit.BindKeys(v.Win.Canvas(), v.keyRows())
	v.show()
}

// Rebuild makes the window again in the interface language, showing what
// it showed.
func (v *View) Rebuild() {
	v.Win.SetTitle(lang.L("Room view"))
	v.build()
}

// Show follows the Workshop screen: the session it shows (nil for none),
// the table in play and the play whose ratings a blind round hides.
func (v *View) Show(f *game.File, teamID, blindPlay string) {
	v.session, v.teamID, v.blindPlay = f, teamID, blindPlay
	v.show()
}

// Toggle shows the matrix instead of the board, or the board again.
func (v *View) Toggle() {
	v.matrixOn = !v.matrixOn
	v.show()
}

// MatrixShown reports whether the matrix is shown rather than the board.
func (v *View) MatrixShown() bool { return v.matrixOn }

// ToggleFullScreen takes the window into full screen or out of it.
func (v *View) ToggleFullScreen() { v.Win.SetFullScreen(!v.Win.FullScreen()) }

// escape leaves full screen, or closes the window when it is not.
func (v *View) escape() {
	if v.Win.FullScreen() {
		v.Win.SetFullScreen(false)
		return
	}
	v.Win.Close()
}

// Close closes the window, unless it is closed already.
func (v *View) Close() {
	if !v.gone {
		v.Win.Close()
	}
}

func (v *View) closed() {
	v.gone = true
	if v.stop != nil {
		close(v.stop)
		v.stop = nil
	}
	if v.OnClosed != nil {
		v.OnClosed()
	}
}

// show puts the board or the matrix in the body.
func (v *View) show() {
	v.heading.SetText(v.headingText())
	if v.matrixOn {
		v.Switch.SetText(lang.L("Show the board"))
		v.showMatrix()
		v.body.Objects = []fyne.CanvasObject{v.matrix}
	} else {
		v.Switch.SetText(lang.L("Show the matrix"))
		v.showBoard()
		v.body.Objects = []fyne.CanvasObject{v.board}
	}
	v.body.Refresh()
	// The override gives the new objects its sizes as it refreshes them,
	// after their containers were laid out: lay them out again.
	v.override.Refresh()
	v.override.Content.Refresh()
	v.showClock()
}

// headingText names the workshop and, on the board, the table first.
func (v *View) headingText() string {
	if v.session == nil {
		return lang.L("No workshop is open on the Workshop screen.")
	}
	text := v.session.Workshop.Title
	if v.matrixOn {
		return text
	}
	// The table first: a long title is what gets cut.
	for _, t := range v.session.Teams {
		if t.ID == v.teamID {
			text = t.Name + " · " + text
		}
	}
	return text
}

// tick calls fn four times a second until stop closes: the countdown and
// the flashing of its alarm.
func tick(stop chan struct{}, fn func()) {
	ticker := time.NewTicker(250 * time.Millisecond)
	defer ticker.Stop()
	for {
		select {
		case <-stop:
			return
		case <-ticker.C:
			fn()
		}
	}
}
