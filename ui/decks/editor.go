package decks

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"deckhand/cards"
	"deckhand/pdf"
	"deckhand/storage"
	"deckhand/ui/kit"
	"deckhand/ui/widgets"
)

// autosaveDelay is how long the editor waits after the last keystroke before
// saving: long enough not to save every letter, short enough that nothing
// typed is at risk.
const autosaveDelay = 700 * time.Millisecond

// cardEditor edits one card in every language of its deck. Changes are
// saved as they are made; a change that cannot be saved yet (an empty title,
// a taken code) stays in the form with the reason shown, and the editor asks
// before anything unsaved is discarded.
type cardEditor struct {
	win   fyne.Window
	store Store
	deck  *cards.Deck
	card  cards.Card // the card as last saved (or as new, before its first save)
	IsNew bool       // not saved yet

	heading *widget.Label
	Code    *kit.Field
	typ     *kit.KeyedSelect
	theme   *kit.KeyedSelect
	area    *kit.KeyedSelect
	level   *kit.KeyedSelect
	copies  *kit.Field
	tags    *kit.Field
	Titles  map[string]*kit.Field
	bodies  map[string]*kit.Field
	texts   *fyne.Container
	status  *widget.Label
	preview *widgets.CardPreview
	fitNote *widget.Label // what preflight would say about the card
	lang    string        // the card language the preview shows
	form    fyne.CanvasObject
	empty   fyne.CanvasObject
	root    *fyne.Container

	loading bool
	asking  bool   // the question before discarding is up
	dirty   bool   // the form holds what the store does not have yet
	edits   int    // changes made in the form: a save knows which it holds
	problem string // why the form could not be saved, "" when it could
	timer   *time.Timer
	Delay   time.Duration

	saves cardSaves // the form's saves handed to the store (cardsave.go)
	toUI  func(func())

	// onSaved is told of each card the store saved; shown is whether the
	// editor still shows it.
	onSaved func(deckID string, c cards.Card, shown bool, decks []storage.DeckSummary, decksErr error)
}

func newCardEditor(win fyne.Window, store Store, toUI func(func())) *cardEditor {
	e := &cardEditor{win: win, store: store, toUI: toUI, Delay: autosaveDelay, Titles: map[string]*kit.Field{}, bodies: map[string]*kit.Field{}}
	e.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	e.Code = e.entry()
	e.typ, e.theme, e.area, e.level = kit.NewKeyedSelect(e.changedKey), kit.NewKeyedSelect(e.changedKey), kit.NewKeyedSelect(e.changedKey), kit.NewKeyedSelect(e.changedKey)
	e.copies = e.entry()
	e.tags = e.entry()
	e.tags.SetPlaceHolder(lang.L("comma-separated, e.g. consent, mydata"))
	e.status = widget.NewLabel("")
	e.status.Wrapping = fyne.TextWrapWord
	e.texts = container.NewVBox()
	fields := widget.NewForm(
		widget.NewFormItem(lang.L("Code"), e.Code),
		widget.NewFormItem(lang.L("Type"), e.typ),
		widget.NewFormItem(lang.L("Theme"), e.theme),
		widget.NewFormItem(lang.L("Area"), e.area),
		widget.NewFormItem(lang.L("Level"), e.level),
		widget.NewFormItem(lang.L("Copies"), e.copies),
		widget.NewFormItem(lang.L("Tags"), e.tags),
	)
	e.preview = widgets.NewCardPreview()
	e.fitNote = widget.NewLabel("")
	e.fitNote.Wrapping = fyne.TextWrapWord
	e.fitNote.SizeName = theme.SizeNameCaptionText
	previewBox := container.NewVBox(e.preview, e.fitNote)
	e.form = container.NewBorder(container.NewVBox(e.heading, e.status), nil, nil, nil,
		container.NewVScroll(container.NewVBox(container.NewBorder(nil, nil, nil, previewBox, fields), e.texts)))
	e.empty = widget.NewLabel(lang.L("Choose a card to edit it, or make a new one with Ctrl+N."))
	e.root = container.NewStack(e.empty)
	return e
}

func (e *cardEditor) content() fyne.CanvasObject { return e.root }

func (e *cardEditor) entry() *kit.Field {
	en := kit.NewField()
	en.OnChanged = e.changed
	return en
}

func (e *cardEditor) changed(string)    { e.markDirty() }
func (e *cardEditor) changedKey(string) { e.markDirty() }

// setDeck prepares the form for a deck: its vocabulary and one title and
// text field per language, in the deck's language order.
func (e *cardEditor) setDeck(d *cards.Deck, cardLang string) {
	e.deck = d
	e.setVocabulary(cardLang)
	e.Titles, e.bodies = map[string]*kit.Field{}, map[string]*kit.Field{}
	var objs []fyne.CanvasObject
	for _, code := range d.Languages {
		title := e.entry()
		body := kit.NewTextArea()
		body.SetMinRowsVisible(4)
		body.OnChanged = e.changed
		e.Titles[code], e.bodies[code] = title, body
		heading := widget.NewLabelWithStyle(cards.LanguageName(code), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		objs = append(objs, widget.NewSeparator(), heading, widget.NewForm(widget.NewFormItem(lang.L("Title"), title), widget.NewFormItem(lang.L("Text"), body)))
	}
	// Set at once, not added one by one: each Add laid the fields out at
	// their narrowest while the form is out of the window, and the texts
	// edit sets then wrapped a few letters a line before the form's
	// layout wrapped them again at its width.
	e.texts.Objects = objs
	e.clear()
}

// setVocabulary names the drop-down choices in the card language.
func (e *cardEditor) setVocabulary(code string) {
	d := e.deck
	e.lang = code
	defer e.updatePreview()
	var typeKeys, typeNames []string
	for _, t := range d.CardTypes {
		typeKeys, typeNames = append(typeKeys, t.Key), append(typeNames, t.Name.Or(code, d.DefaultLang))
	}
	e.typ.SetOptions(typeKeys, typeNames)
	e.theme.SetOptions(termOptions(d.Themes, code, d.DefaultLang, "—"))
	areaKeys, areaNames := []string{""}, []string{"—"}
	for _, a := range d.Board.Areas {
		areaKeys, areaNames = append(areaKeys, a.Key), append(areaNames, a.Name.Or(code, d.DefaultLang))
	}
	e.area.SetOptions(areaKeys, areaNames)
	e.level.SetOptions(termOptions(d.Levels, code, d.DefaultLang, "—"))
}

// clear shows no card.
func (e *cardEditor) clear() {
	e.stopTimer()
	e.card, e.IsNew, e.dirty = cards.Card{}, false, false
	e.root.Objects = []fyne.CanvasObject{e.empty}
	e.root.Refresh()
}

// edit shows a card; the isNew argument marks one that is not saved yet.
func (e *cardEditor) edit(c cards.Card, isNew bool) {
	e.stopTimer()
	e.loading = true
	e.card, e.IsNew, e.dirty = c.Clone(), isNew, isNew
	e.Code.SetText(c.Code)
	e.typ.SetKey(c.Type)
	e.theme.SetKey(c.Theme)
	e.area.SetKey(c.Area)
	e.level.SetKey(c.Level)
	e.copies.SetText(strconv.Itoa(c.Copies))
	e.tags.SetText(strings.Join(c.Tags, ", "))
	for code, en := range e.Titles {
		en.SetText(c.Title[code])
		e.bodies[code].SetText(c.Body[code])
	}
	e.loading = false
	e.showHeading()
	e.updatePreview()
	if isNew {
		e.status.SetText(lang.L("New card: it is saved as soon as it has a code and a title in every language."))
	} else {
		e.status.SetText("")
	}
	e.root.Objects = []fyne.CanvasObject{e.form}
	e.root.Refresh()
}

func (e *cardEditor) showHeading() {
	e.heading.SetText(fmt.Sprintf(lang.L("Card %s · %s, edition %d"), e.card.Code, e.deck.Name, e.deck.Edition))
}

// fromForm is the card as the form shows it now.
func (e *cardEditor) fromForm() (cards.Card, error) {
	c := e.card.Clone()
	c.Code = strings.TrimSpace(e.Code.Text)
	c.Type, c.Theme, c.Area, c.Level = e.typ.Key(), e.theme.Key(), e.area.Key(), e.level.Key()
	n, err := strconv.Atoi(strings.TrimSpace(e.copies.Text))
	if err != nil {
		return c, fmt.Errorf(lang.L("copies must be a whole number, not %q"), e.copies.Text)
	}
	c.Copies = n
	c.Tags = cards.SplitTags(e.tags.Text)
	c.Title, c.Body = cards.Text{}, cards.Text{}
	for code, en := range e.Titles {
		c.Title[code] = en.Text
		c.Body[code] = e.bodies[code].Text
	}
	return c, nil
}

func (e *cardEditor) markDirty() {
	if e.loading || e.deck == nil {
		return
	}
	e.dirty, e.problem = true, "" // what was refused is not what the form holds now
	e.edits++
	e.status.SetText(lang.L("Editing…"))
	e.updatePreview()
	e.stopTimer()
	e.timer = time.AfterFunc(e.Delay, func() { fyne.Do(func() { e.SaveNow() }) })
}

func (e *cardEditor) stopTimer() {
	if e.timer != nil {
		e.timer.Stop()
		e.timer = nil
	}
}

// SaveNow saves the form if it has unsaved changes. A form that cannot be
// saved (an empty title, a taken code, as the deck shown has them) is
// refused at once, with the reason shown, and SaveNow reports false;
// otherwise the card goes to the store off the UI goroutine, after the
// saves before it (startSave), and the status says when it is saved or why
// the store refused it.
func (e *cardEditor) SaveNow() bool {
	e.stopTimer()
	if !e.dirty || e.deck == nil {
		return true
	}
	if e.card.ID == "" { // made here, so that every save of the form is the same card
		e.card.ID = cards.NewID()
	}
	c, err := e.fromForm()
	if err == nil {
		c = cards.NormalizedCard(c) // as the store keeps it
		err = cards.ValidateCard(e.deck, c)
	}
	if err != nil {
		e.refused(err)
		return false
	}
	e.startSave(cardSave{deckID: e.deck.ID, card: c, edit: e.edits})
	return true
}

// refused says why the form could not be saved; the form keeps what it holds.
func (e *cardEditor) refused(err error) {
	e.problem = kit.ProblemText(err)
	e.status.SetText(fmt.Sprintf(lang.L("Not saved yet: %s"), e.problem))
}

// leave is called before the editor stops showing the card (another card
// or deck is chosen, the window closes). It saves, and goes on once the
// store has the card; when the change cannot be saved it asks whether to
// discard it, and runs then or cancel by the answer.
func (e *cardEditor) leave(then, cancel func()) {
	if !e.SaveNow() {
		e.askDiscard(then, cancel)
		return
	}
	e.whenSaved(func() { e.leaveSaved(then, cancel) })
}

// leaveSaved is leave once the saves handed to the store are done. What
// was typed meanwhile is saved too, first; what the store refused is
// asked about.
func (e *cardEditor) leaveSaved(then, cancel func()) {
	switch {
	case !e.dirty:
		then()
	case e.problem != "":
		e.askDiscard(then, cancel)
	case !e.SaveNow():
		e.askDiscard(then, cancel)
	case e.saves.busy():
		e.saves.waitFirst(func() { e.leaveSaved(then, cancel) })
	default:
		then()
	}
}

// askDiscard asks whether to discard the change that cannot be saved. A
// second leave while the question is up is cancelled: the person answers
// the one asked.
func (e *cardEditor) askDiscard(then, cancel func()) {
	if e.asking {
		if cancel != nil {
			cancel()
		}
		return
	}
	code := e.Code.Text
	if code == "" {
		code = lang.L("(no code)")
	}
	msg := fmt.Sprintf(lang.L("Card %s cannot be saved: %s\nDiscard your changes to it?"), code, e.problem)
	// Enter keeps the work: a person typing on, who meets this box, must
	// not lose the card by pressing Enter.
	e.asking = true
	d := kit.NewCautiousChoice(e.win, lang.L("Unsaved changes"), kit.Sentences(e.win, msg), lang.L("Discard"), lang.L("Keep editing"), func(discard bool) {
		e.asking = false
		if discard {
			e.dirty = false
			then()
		} else if cancel != nil {
			cancel()
		}
	})
	d.Show()
}

// updatePreview lays the card out as it would print (a poker card in the
// card language) and notes what preflight would say about it.
func (e *cardEditor) updatePreview() {
	if e.deck == nil || e.preview == nil || (e.card.ID == "" && !e.IsNew) {
		return
	}
	p, err := pdf.SharedPreviewer()
	if err != nil {
		e.fitNote.SetText(kit.ErrorText(err))
		return
	}
	c, _ := e.fromForm()
	face, issues := p.Front(e.deck, c, e.deck.Lang(e.lang), pdf.CardSizes["poker"])
	e.preview.SetFace(face)
	note := ""
	if len(issues) > 0 {
		note = kit.IssueText(issues[0])
	}
	e.fitNote.SetText(note)
}
