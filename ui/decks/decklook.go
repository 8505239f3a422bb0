package decks

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"deckhand/cards"
	"deckhand/message"
	"deckhand/pdf"
	"deckhand/ui/kit"
	"deckhand/ui/widgets"
)

// LookForm is the dialog of the deck's client look: the logo and where it
// sits on the backs, the backs' colour and text, and each card type's
// icon, with a preview of a back as it prints. A picture chosen is read,
// checked and scaled off the UI goroutine; nothing is stored until Save,
// which saves it all at once as the store checks a deck.
type LookForm struct {
	deck     *cards.Deck // the deck as it would be saved: its Look and icons are what the form shows
	cardLang string
	LogoInfo *widget.Label
	Logo     *widget.Button // choose a logo
	NoLogo   *widget.Button
	Place    *kit.KeyedSelect
	Colour   *kit.Field
	Texts    map[string]*kit.Field // the backs' text, per language of the deck
	Icons    map[string]*widget.Label
	Preview  *widgets.CardPreview
	Dialog   *kit.KeyedDialog
	iconRows []iconRow
	// choose opens the file dialog for a picture; tests replace it.
	choose func(done func(path string))
}

// EditLook edits the client's look of the deck shown.
func (s *Screen) EditLook() {
	if s.deck == nil {
		return
	}
	s.whenWhole(func() { s.Editor.leave(s.openLookForm, nil) })
}

func (s *Screen) openLookForm() {
	f := newLookForm(s.deck.Clone(), s.Cards.cardLang())
	f.choose = func(done func(string)) { s.choosePicture(done) }
	f.Logo.OnTapped = func() { f.choose(func(path string) { s.loadPicture(path, message.Word("the logo"), f.setLogo) }) }
	for _, t := range f.deck.CardTypes {
		key := t.Key
		f.iconButtons(key, func() {
			f.choose(func(path string) {
				s.loadPicture(path, message.Say("the icon of card type %s", key), func(img cards.Image) { f.setIcon(key, img) })
			})
		})
	}
	f.Dialog = kit.NewSaveFormLater(s.win, lang.L("Client's look"), lang.L("Save"), f.items(), func(done func(error)) { s.saveLook(f, done) })
	f.Dialog.Resize(fyne.NewSize(640, f.Dialog.MinSize().Height))
	f.Dialog.Show()
	s.Look = f
}

func newLookForm(d *cards.Deck, cardLang string) *LookForm {
	if d.Look == nil {
		d.Look = &cards.Look{}
	}
	if d.Look.BackText == nil {
		d.Look.BackText = cards.Text{}
	}
	f := &LookForm{deck: d, cardLang: d.Lang(cardLang), Texts: map[string]*kit.Field{}, Icons: map[string]*widget.Label{}}
	f.LogoInfo = widget.NewLabel("")
	f.Logo = widget.NewButton(lang.L("Choose logo…"), nil)
	f.NoLogo = widget.NewButton(lang.L("Remove logo"), func() { f.setLogo(nil) })
	f.Place = kit.NewKeyedSelect(func(string) { f.refresh() })
	f.Place.SetOptions(cards.LogoPlaces, []string{lang.L("In the middle"), lang.L("At the top"), lang.L("Above the back text")})
	place := d.Look.LogoPlace
	if place == "" {
		place = cards.LogoCentre
	}
	f.Place.SetKey(place)
	f.Colour = kit.NewField()
	f.Colour.SetPlaceHolder(lang.L("#RRGGBB, or empty for each type's colour"))
	f.Colour.SetText(d.Look.BackColour)
	f.Colour.OnChanged = func(string) { f.refresh() }
	for _, code := range d.Languages {
		field := kit.NewField()
		field.SetText(d.Look.BackText[code])
		field.OnChanged = func(string) { f.refresh() }
		f.Texts[code] = field
	}
	for _, t := range d.CardTypes {
		f.Icons[t.Key] = widget.NewLabel("")
	}
	f.Preview = widgets.NewCardPreview()
	f.refresh()
	return f
}

// iconButtons are the Choose and Remove buttons of a type's icon row,
// made once the screen can open a file.
func (f *LookForm) iconButtons(key string, choose func()) {
	label := f.Icons[key]
	choice := widget.NewButton(lang.L("Choose icon…"), choose)
	remove := widget.NewButton(lang.L("Remove"), func() { f.setIcon(key, nil) })
	f.iconRows = append(f.iconRows, iconRow{key, container.NewBorder(nil, nil, nil, container.NewHBox(choice, remove), label)})
}

type iconRow struct {
	key string
	row fyne.CanvasObject
}

func (f *LookForm) items() []*widget.FormItem {
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Logo"), container.NewBorder(nil, nil, nil, container.NewHBox(f.Logo, f.NoLogo), f.LogoInfo)),
		widget.NewFormItem(lang.L("Logo on the backs"), f.Place),
		widget.NewFormItem(lang.L("Back colour"), f.Colour),
	}
	for _, code := range f.deck.Languages {
		items = append(items, widget.NewFormItem(fmt.Sprintf(lang.L("Back text (%s)"), code), f.Texts[code]))
	}
	// The card types' icons beside the preview of a back, so that the
	// dialog fits a laptop's screen.
	icons := container.NewVBox()
	for _, r := range f.iconRows {
		name := r.key
		if t, ok := f.deck.CardType(r.key); ok {
			name = t.Name.Or(f.cardLang, f.deck.DefaultLang)
		}
		icons.Add(container.NewBorder(nil, nil, widget.NewLabelWithStyle(fmt.Sprintf(lang.L("Icon: %s"), name), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, r.row))
	}
	preview := container.NewGridWrap(fyne.NewSize(126, 176), f.Preview)
	return append(items, widget.NewFormItem(lang.L("Back"), container.NewBorder(nil, nil, preview, nil, icons)))
}

// setLogo takes a prepared logo (nil: none).
func (f *LookForm) setLogo(img cards.Image) {
	f.deck.Look.Logo = img
	f.refresh()
}

// setIcon takes a prepared icon for a card type (nil: none).
func (f *LookForm) setIcon(key string, img cards.Image) {
	for i := range f.deck.CardTypes {
		if f.deck.CardTypes[i].Key == key {
			f.deck.CardTypes[i].Icon = img
		}
	}
	f.refresh()
}

// typed copies what the fields hold into the deck being edited.
func (f *LookForm) typed() {
	f.deck.Look.LogoPlace = f.Place.Key()
	if f.deck.Look.LogoPlace == cards.LogoCentre {
		f.deck.Look.LogoPlace = "" // the default, stored as none
	}
	f.deck.Look.BackColour = strings.TrimSpace(f.Colour.Text)
	for code, field := range f.Texts {
		f.deck.Look.BackText[code] = strings.TrimSpace(field.Text)
	}
}

// refresh shows what the look holds: the pictures' sizes and the back of
// the first card type as it prints.
func (f *LookForm) refresh() {
	if f.Preview == nil {
		return // still being made
	}
	f.typed()
	f.LogoInfo.SetText(pictureInfo(f.deck.Look.Logo, lang.L("No logo")))
	for _, t := range f.deck.CardTypes {
		f.Icons[t.Key].SetText(pictureInfo(t.Icon, lang.L("No icon")))
	}
	p, err := pdf.SharedPreviewer()
	if err != nil || len(f.deck.CardTypes) == 0 {
		return
	}
	shown := f.deck.Clone()
	if !colourForm(shown.Look.BackColour) {
		shown.Look.BackColour = "" // half typed: the preview keeps the types' colours meanwhile
	}
	face, _ := p.Back(shown, shown.CardTypes[0].Key, f.cardLang, pdf.CardSizes["poker"])
	f.Preview.SetFace(face)
}

// colourForm reports whether s is of the form #RRGGBB.
func colourForm(s string) bool {
	if len(s) != 7 || s[0] != '#' {
		return false
	}
	for _, r := range s[1:] {
		if !strings.ContainsRune("0123456789abcdefABCDEF", r) {
			return false
		}
	}
	return true
}

// pictureInfo says what a stored picture is: "PNG, 600 × 240 pixels".
func pictureInfo(img cards.Image, none string) string {
	if len(img) == 0 {
		return none
	}
	info, err := cards.CheckImage(img, message.Word("the logo"))
	if err != nil {
		return kit.ErrorText(err)
	}
	return fmt.Sprintf(lang.L("%s, %d × %d pixels"), strings.ToUpper(info.Format), info.Width, info.Height)
}

// choosePicture asks for a PNG or JPEG file.
func (s *Screen) choosePicture(done func(path string)) {
	s.openFile([]string{".png", ".jpg", ".jpeg", ".PNG", ".JPG", ".JPEG"}, done)
}

// loadPicture reads, checks and scales a picture file off the UI
// goroutine, where it is also decoded for the preview; a refusal is said
// over the form, and changes nothing.
func (s *Screen) loadPicture(path string, what message.Message, take func(cards.Image)) {
	wait := kit.ShowWorking(s.win, lang.L("Reading the picture…"))
	go func() {
		img, err := cards.ReadImageFile(path, what)
		if err == nil {
			pdf.DecodedImage(img) // remembered, so the preview does not decode it on the UI goroutine
		}
		s.toUI(func() {
			wait.Hide()
			if err != nil {
				kit.ShowRefusal(s.win, err, nil)
				return
			}
			take(img)
		})
	}()
}

// saveLook stores the look off the UI goroutine.
func (s *Screen) saveLook(f *LookForm, done func(error)) {
	f.typed()
	next := s.deck.Clone()
	next.Look = f.deck.Look.Clone()
	for i := range next.CardTypes {
		if t, ok := f.deck.CardType(next.CardTypes[i].Key); ok {
			next.CardTypes[i].Icon = t.Icon
		}
	}
	s.saveDeck(next, done)
}
