package decks

import (
	"context"
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
	dirty   bool
	problem string // why the form could not be saved, "" when it could
	timer   *time.Timer
	Delay   time.Duration

	onSaved func(c cards.Card, isNew bool)
}

func newCardEditor(win fyne.Window, store Store) *cardEditor {
	e := &cardEditor{win: win, store: store, Delay: autosaveDelay, Titles: map[string]*kit.Field{}, bodies: map[string]*kit.Field{}}
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
	e.dirty = true
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

// SaveNow saves the form if it has unsaved changes and reports whether
// everything shown is now saved.
func (e *cardEditor) SaveNow() bool {
	e.stopTimer()
	if !e.dirty || e.deck == nil {
		return true
	}
	c, err := e.fromForm()
	if err == nil {
		err = e.store.SaveCard(context.Background(), e.deck.ID, &c)
	}
	if err != nil {
		e.problem = kit.ProblemText(err)
		e.status.SetText(fmt.Sprintf(lang.L("Not saved yet: %s"), e.problem))
		return false
	}
	e.problem = ""
	wasNew := e.IsNew
	e.card, e.IsNew, e.dirty = c, false, false
	e.status.SetText(fmt.Sprintf(lang.L("Saved at %s"), time.Now().Format("15:04:05")))
	if e.onSaved != nil {
		e.onSaved(c, wasNew)
	}
	e.showHeading()
	return true
}

// leave is called before the editor stops showing the card (another card
// or deck is chosen, the window closes). It saves; when the change cannot be
// saved it asks whether to discard it, and runs then or cancel by the answer.
func (e *cardEditor) leave(then, cancel func()) {
	if e.SaveNow() {
		then()
		return
	}
	code := e.Code.Text
	if code == "" {
		code = lang.L("(no code)")
	}
	msg := fmt.Sprintf(lang.L("Card %s cannot be saved: %s\nDiscard your changes to it?"), code, e.problem)
	// Enter keeps the work: a person typing on, who meets this box, must
	// not lose the card by pressing Enter.
	d := kit.NewCautiousChoice(e.win, lang.L("Unsaved changes"), kit.Sentences(e.win, msg), lang.L("Discard"), lang.L("Keep editing"), func(discard bool) {
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
