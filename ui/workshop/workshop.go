// Package workshop is the Workshop screen: the board of the table in play,
// on which the note-taker logs cards, paths, interactions, ratings and
// notes by keyboard or mouse, with undo, the round clock, and a workshop's
// files (export, merge, erasure of personal data).
package workshop

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"deckhand/cards"
	"deckhand/game"
	"deckhand/storage"
	"deckhand/ui/kit"
)

// Store is what the Workshop screen needs from the database.
type Store interface {
	Decks(ctx context.Context) ([]storage.DeckSummary, error)
	Deck(ctx context.Context, id string) (*cards.Deck, error)
	Workshops(ctx context.Context) ([]storage.WorkshopSummary, error)
	Session(ctx context.Context, workshopID string, includeDeleted bool) (*game.File, error)
	CreateWorkshop(ctx context.Context, w *game.Workshop, teams []game.Team) error
	ImportWorkshop(ctx context.Context, f *game.File) (storage.WorkshopImportSummary, error)
	ExportWorkshop(ctx context.Context, id string, includeNames bool) (*game.File, error)
	PreviewImport(ctx context.Context, f *game.File) (storage.WorkshopImportSummary, error)
	EraseWorkshop(ctx context.Context, workshopID string, notesToo bool) (storage.EraseReport, error)
	AutoBackup(ctx context.Context) (string, error)
	SaveTeam(ctx context.Context, workshopID string, t *game.Team) error
	SavePath(ctx context.Context, workshopID string, p *game.Path) error
	SavePlay(ctx context.Context, workshopID string, p *game.Play) error
	DeletePlay(ctx context.Context, id string) error
	RestorePlay(ctx context.Context, id string) error
	AddRating(ctx context.Context, workshopID string, r *game.Rating) error
	DeleteRating(ctx context.Context, id string) error
	RestoreRating(ctx context.Context, id string) error
	SaveNote(ctx context.Context, workshopID string, n *game.Note) error
	DeleteNote(ctx context.Context, id string) error
	RestoreNote(ctx context.Context, id string) error
	SaveParticipant(ctx context.Context, workshopID string, p *game.Participant) error
	RealNames(ctx context.Context, workshopID string) (map[string]string, error)
	UpdateWorkshop(ctx context.Context, w *game.Workshop) error
	DeleteWorkshop(ctx context.Context, id string) error
	RestoreWorkshop(ctx context.Context, id string) error
	DeletedWorkshops(ctx context.Context) ([]storage.DeletedWorkshop, error)
	RemoveTable(ctx context.Context, workshopID, teamID string) (storage.TableRemoval, error)
	RestoreTable(ctx context.Context, r storage.TableRemoval) error
	StartBlindRound(ctx context.Context, r *storage.BlindRound) error
	BlindRoundOf(ctx context.Context, workshopID string) (storage.BlindRound, bool, error)
	EndBlindRound(ctx context.Context, workshopID string) error
}

// Screen is the note-taker's screen: the board with a team's cards,
// the code box to place cards by keyboard, ratings by number keys, notes,
// undo, a clock, and a visible saved state.
type Screen struct {
	kit.Base // what the main window needs of a screen: CarryOver and Stop are in workshop.go, KeyRows in workshopkeys.go
	app      fyne.App
	win      fyne.Window
	store    Store
	ctx      context.Context

	workshops    []storage.WorkshopSummary
	Session      *game.File // the workshop shown, live records only
	TeamID       string
	Selected     string // the id of the selected play
	hist         history
	Keys         keyMode
	blind        *blindRound         // the blind round not yet revealed, nil when none
	participants *participantsDialog // the participants list while it is shown
	edits        int                 // changes made here since the workshop was opened, applied or read again

	WorkshopSel *widget.Select
	TeamSel     *widget.Select
	Tables      *tableBar       // the table in play, named large, and the way to the others
	saved       *widget.Label   // the status line, in a place of its own below the board
	top         *fyne.Container // the workshop's bar above the table's
	frame       *fyne.Container
	Timer       *roundTimer
	board       *boardView
	Detail      *playDetail
	Code        *codeBox
	Banner      *blindBanner
	Empty       fyne.CanvasObject
	body        *fyne.Container
	root        fyne.CanvasObject

	// ShownDeck is the id of the deck shown on the Decks screen, "" when
	// none; nil for a screen shown alone. A new workshop proposes it.
	ShownDeck func() string
	// OnShown, when set, is told on the UI goroutine what the board shows
	// each time it is shown again (after every save, undo, merge and
	// change of table): the session, the table's id and the play whose
	// ratings a blind round hides ("" for none). f is nil when no
	// workshop is open. The room view follows the board through it.
	OnShown func(f *game.File, teamID, blindPlay string)

	// OnSaved, when set, is told on the UI goroutine after each change
	// saved here; the team folder then writes the workshop after its
	// pause. It must not block.
	OnSaved func()

	Now func() time.Time
	// ToUI hands work done off the UI goroutine back to it (fyne.Do; a
	// test runs it on its own goroutine, which then is the UI goroutine).
	ToUI func(func())
	// erasing is the box shown while an erasure runs off the UI
	// goroutine; nil when none does.
	erasing dialog.Dialog
	forms   openForms // the correction forms opened last (notesedit.go)
}

// New builds the Workshop screen and shows the workshop used
// last (or the newest).
func New(a fyne.App, w fyne.Window, store Store) *Screen {
	s := &Screen{app: a, win: w, store: store, ctx: context.Background(), Now: time.Now, ToUI: fyne.Do}
	s.WorkshopSel = widget.NewSelect(nil, s.workshopChosen)
	s.WorkshopSel.PlaceHolder = lang.L("Choose a workshop")
	s.TeamSel = widget.NewSelect(nil, s.teamChosen)
	s.TeamSel.PlaceHolder = lang.L("Choose a table")
	s.Tables = newTableBar(s)
	s.saved = widget.NewLabel("")
	s.Timer = newRoundTimer()
	s.board = newBoardView(s)
	s.Detail = newPlayDetail(s)
	s.Code = newCodeBox(s)
	s.Banner = newBlindBanner()
	s.Empty = s.emptyState()
	s.body = container.NewStack()
	s.root = s.layout()
	s.Refresh(a.Preferences().String(kit.PrefLastWorkshop))
	return s
}

// Content is the screen's root object.
func (s *Screen) Content() fyne.CanvasObject { return s.root }

// OpenWorkshopID is the id of the workshop open on the board, "" for none:
// the Results screen shows it when it comes to the front.
func (s *Screen) OpenWorkshopID() string {
	if s.Session == nil {
		return ""
	}
	return s.Session.Workshop.ID
}

func (s *Screen) layout() fyne.CanvasObject {
	newBtn := widget.NewButtonWithIcon(lang.L("New workshop…"), theme.ContentAddIcon(), s.NewWorkshop)
	fileMenu := widget.NewButtonWithIcon("", theme.MoreVerticalIcon(), nil)
	fileMenu.OnTapped = func() {
		menu := fyne.NewMenu("",
			fyne.NewMenuItem(lang.L("Merge a workshop file…"), s.ImportWorkshop),
			fyne.NewMenuItem(lang.L("Export this workshop to a file…"), s.ExportWorkshop),
			fyne.NewMenuItemSeparator(),
			fyne.NewMenuItem(lang.L("Participants of this table…"), s.ShowParticipants),
			fyne.NewMenuItemSeparator(),
			fyne.NewMenuItem(lang.L("Workshop details…"), ignoring(s.EditDetails)),
			fyne.NewMenuItem(lang.L("Add a table…"), ignoring(s.AddTable)),
			fyne.NewMenuItem(lang.L("Rename the table shown…"), ignoring(s.RenameTable)),
			fyne.NewMenuItem(lang.L("Remove the table shown…"), ignoring(s.RemoveTable)),
			fyne.NewMenuItemSeparator(),
			fyne.NewMenuItem(lang.L("Erase personal data…"), s.eraseWorkshop),
			fyne.NewMenuItem(lang.L("Delete this workshop…"), ignoring(s.DeleteWorkshop)),
			fyne.NewMenuItem(lang.L("Deleted workshops…"), ignoring(s.ShowDeletedWorkshops)))
		widget.ShowPopUpMenuAtRelativePosition(menu, s.win.Canvas(), fyne.NewPos(0, fileMenu.Size().Height), fileMenu)
	}
	left := container.NewHBox(widget.NewLabelWithStyle(lang.L("Workshop"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewGridWrap(fyne.NewSize(320, s.WorkshopSel.MinSize().Height), s.WorkshopSel), newBtn, fileMenu)
	// Tab visits a container's objects in their order, while a border
	// layout places them by their role: listed in the order of the work
	// (workshop, table, clock, then the board), not centre first as
	// container.NewBorder lists them.
	top := container.NewVBox(left, s.Tables.content(s.Timer.content()))
	// What was saved, or what a merge changed, can be a long sentence: it
	// has two lines of its own under the board, whose height never
	// changes with it, so that nothing on the board moves as it does.
	status := inLines(s.saved, 2)
	s.top = top
	s.frame = container.New(layout.NewBorderLayout(top, status, nil, nil), top, s.body, status)
	return s.frame
}

func (s *Screen) playArea() fyne.CanvasObject {
	// The code box comes first for Tab, as in the work: type a code, then
	// look at the board.
	// The banner of a blind round stands above the board while it is on.
	code := s.Code.content()
	board := container.New(layout.NewBorderLayout(s.Banner.root, code, nil, nil), code, s.Banner.root, s.board.content())
	split := container.NewHSplit(board, s.Detail.content())
	split.Offset = 0.68
	return split
}

// Refresh re-reads the list of workshops and shows the one with id (or
// keeps the one shown).
func (s *Screen) Refresh(id string) {
	list, err := s.store.Workshops(s.ctx)
	if err != nil {
		s.fail(err)
		return
	}
	s.workshops = list
	chosen := kit.ChooseWorkshop(s.WorkshopSel, list, id, s.Session)
	if chosen == "" {
		s.Session = nil
		s.TeamSel.Options, s.TeamSel.Selected = nil, ""
		s.TeamSel.Refresh()
		s.Tables.show()
		s.body.Objects = []fyne.CanvasObject{s.Empty}
		s.body.Refresh()
		s.TellShown()
		return
	}
	s.WorkshopSel.SetSelected(chosen)
	s.workshopChosen(chosen)
}

func (s *Screen) workshopChosen(label string) {
	for _, w := range s.workshops {
		if kit.WorkshopLabel(w) == label && (s.Session == nil || s.Session.Workshop.ID != w.ID) {
			s.open(w.ID)
			return
		}
	}
}

// open loads a workshop and shows its first team.
func (s *Screen) open(id string) {
	f, err := s.store.Session(s.ctx, id, false)
	if err != nil {
		s.fail(err)
		return
	}
	s.openSession(f)
}

// openSession shows a workshop read from the store, at its first team.
func (s *Screen) openSession(f *game.File) {
	id := f.Workshop.ID
	if s.Session == nil || s.Session.Workshop.ID != id {
		s.loadBlind(id) // a blind round is one workshop's, kept until revealed
	}
	s.Session, s.Selected, s.TeamID = f, "", ""
	s.hist.clear()
	s.Keys = keyMode{}
	s.app.Preferences().SetString(kit.PrefLastWorkshop, id)
	names := make([]string, len(f.Teams))
	for i, t := range f.Teams {
		names[i] = t.Name
	}
	s.TeamSel.Options = names
	s.body.Objects = []fyne.CanvasObject{s.playArea()}
	s.body.Refresh()
	s.Code.setDeck(f.Workshop.Deck, f.Workshop.Language)
	if len(names) > 0 {
		s.TeamSel.SetSelected(names[0])
	}
	s.show()
	s.RemindRetention()
}

func (s *Screen) teamChosen(name string) {
	if s.Session == nil {
		return
	}
	for _, t := range s.Session.Teams {
		if t.Name == name && t.ID != s.TeamID {
			s.TeamID, s.Selected = t.ID, ""
			s.Keys = keyMode{}
			s.Code.Idle()
			s.show()
			// The note-taker goes on typing codes, not choosing teams.
			s.win.Canvas().Focus(s.Code.Entry)
		}
	}
}

// reload re-reads the workshop after a change and shows it.
func (s *Screen) reload() {
	f, err := s.store.Session(s.ctx, s.Session.Workshop.ID, false)
	if err != nil {
		s.fail(err)
		return
	}
	s.Session = f
	s.edits++
	s.syncChoices()
	s.show()
}

// show redraws the board and the selected play's details.
func (s *Screen) show() {
	if s.Session == nil {
		return
	}
	s.Tables.show()
	s.board.show()
	s.Detail.show()
	s.showBlind()
	s.TellShown()
}

// TellShown passes what the board shows now to OnShown.
func (s *Screen) TellShown() {
	if s.OnShown == nil {
		return
	}
	blind := ""
	if s.blind != nil {
		blind = s.blind.playID
	}
	s.OnShown(s.Session, s.TeamID, blind)
}

// Deck is the workshop's deck snapshot.
func (s *Screen) Deck() *cards.Deck { return s.Session.Workshop.Deck }

// lang is the workshop's language.
func (s *Screen) lang() string { return s.Deck().Lang(s.Session.Workshop.Language) }

// Play returns a live play of the workshop by id.
func (s *Screen) Play(id string) (game.Play, bool) {
	for _, p := range s.Session.Plays {
		if p.ID == id {
			return p, true
		}
	}
	return game.Play{}, false
}

// didSave shows that what was just done is on disk.
func (s *Screen) didSave(what string) {
	s.say(fmt.Sprintf(lang.L("✓ Saved %s · %s"), what, s.Now().Format("15:04:05")), widget.SuccessImportance)
	if s.OnSaved != nil {
		s.OnSaved()
	}
}

// status shows a sentence on what was just saved, such as what a merge
// changed, with the time.
func (s *Screen) status(text string) {
	s.say("✓ "+text+" · "+s.Now().Format("15:04:05"), widget.SuccessImportance)
}

// fail shows what went wrong in one sentence; nothing was saved.
func (s *Screen) fail(err error) {
	s.say(fmt.Sprintf(lang.L("Not saved: %s"), kit.Sentence(kit.ProblemText(err))), widget.DangerImportance)
}

// say puts a sentence on the status line.
func (s *Screen) say(text string, importance widget.Importance) {
	s.saved.Text, s.saved.Importance = text, importance
	s.saved.Refresh()
}

// do runs one action that saves, records it for undo, and shows the result.
// A save refused shows why, and the workshop as it was: a choice the
// note-taker clicked for it (a rating, an area, an interaction card) goes
// back to what is stored.
func (s *Screen) do(a action) bool {
	if err := s.try(a); err != nil {
		s.fail(err)
		s.show()
		return false
	}
	return true
}

// try is do for a form: a refusal goes back to the form, which stays open
// and says it (kit.NewSaveForm), rather than to the status line.
func (s *Screen) try(a action) error {
	if err := a.redo(); err != nil {
		return err
	}
	s.hist.push(a)
	s.didSave(a.name)
	if a.apply == nil {
		s.reload()
		return nil
	}
	// The record saved goes into the workshop held instead of the whole
	// workshop being read again; it counts as a change all the same, for
	// a merge running meanwhile (askMerge).
	a.apply()
	s.edits++
	s.show()
	return nil
}

// Undo takes back the last action.
func (s *Screen) Undo() { s.step(s.hist.undo, lang.L("undid %s"), true) }

// Redo does again what was undone.
func (s *Screen) Redo() { s.step(s.hist.redo, lang.L("redid %s"), false) }

// step undoes or redoes an action and shows the result. With no workshop
// shown the history holds at most the deletion of the last one, which
// brings it back.
func (s *Screen) step(fn func() (action, bool, error), format string, undone bool) {
	if s.Session != nil {
		// Whatever the number keys were asking no longer follows from
		// what is on the board: stop asking, and go back to the code box.
		s.Keys = keyMode{}
		s.Code.Idle()
		s.win.Canvas().Focus(s.Code.Entry)
	}
	a, ok, err := fn()
	switch {
	case !ok:
		return
	case err != nil:
		s.fail(err)
	default:
		s.didSave(fmt.Sprintf(format, a.name))
		if a.shows != nil {
			a.shows(undone)
			return
		}
	}
	if s.Session != nil {
		s.reload()
	}
}

// CarryOver takes over what the note-taker was at on the screen this one
// replaces (the window was built again in another language): the team, the
// selected card, the undo history and the round clock.
func (s *Screen) CarryOver(screen kit.Screen) {
	old, ok := screen.(*Screen)
	if !ok {
		return
	}
	s.Timer.takeOver(old.Timer)
	if s.Session == nil || old.Session == nil || s.Session.Workshop.ID != old.Session.Workshop.ID {
		return
	}
	for _, t := range s.Session.Teams {
		if t.ID == old.TeamID {
			s.TeamSel.SetSelected(t.Name)
		}
	}
	s.hist = old.hist
	if old.blind != nil {
		// A round not revealed stays hidden in the new language too.
		round := *old.blind
		s.blind = &round
	}
	if _, ok := s.Play(old.Selected); ok {
		s.SelectPlay(old.Selected)
	}
}

// Stop pauses the round clock: the store is closing.
func (s *Screen) Stop() { s.Timer.pause() }

// FocusCode puts the cursor in the code box, where the note-taker types,
// when a workshop is open.
func (s *Screen) FocusCode() {
	if s.Session != nil {
		s.win.Canvas().Focus(s.Code.Entry)
	}
}
