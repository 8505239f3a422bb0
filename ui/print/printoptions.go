package print

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"deckhand/pdf"
	"deckhand/ui/kit"
)

// printOptions are the Print screen's choices, with their widgets. They are
// remembered in the app's preferences between runs.
type printOptions struct {
	prefs fyne.Preferences

	size     *kit.KeyedSelect
	custom   *kit.Field // W×H when size is "custom"
	paper    *kit.KeyedSelect
	layout   *kit.KeyedSelect
	bleed    *kit.Field
	margin   *kit.Field
	marks    *widget.Check
	backs    *kit.KeyedSelect
	offset   *kit.Field
	only     *kit.Field
	changed  *widget.Button // fills only with the cards changed since the last print
	blank    *kit.Field
	poster   *kit.KeyedSelect
	tile     *kit.KeyedSelect
	overlap  *kit.Field
	tables   *kit.Field
	preset   *kit.KeyedSelect // a print shop's template, which fills the fields it sets
	safe     *kit.Field
	proof    *widget.Check
	numbered *widget.Check // pictures named after their place in the deck
	dpi      *kit.Field    // card pictures' resolution
	width    *kit.Field    // the board picture's width in pixels

	cardGroup, boardGroup, tableGroup, imageGroup *fyne.Container
	cardForm, imageForm                           *widget.Form
	sheetItems, pictureItems                      []*widget.FormItem // the card form's rows for a PDF, for pictures
	dpiItem, widthItem                            *widget.FormItem
}

const customSize = "custom"

func newPrintOptions(prefs fyne.Preferences, onChange func()) *printOptions {
	o := &printOptions{prefs: prefs}
	changed := func(string) { onChange() }
	sel := func(key, def string, keys, labels []string) *kit.KeyedSelect {
		k := kit.NewKeyedSelect(nil)
		k.SetOptions(keys, labels)
		k.SetKeyQuietly(prefs.StringWithFallback("print."+key, def))
		if k.Key() == "" {
			k.SetKeyQuietly(def)
		}
		k.Select.OnChanged = func(string) { prefs.SetString("print."+key, k.Key()); onChange() }
		return k
	}
	entry := func(key, def string) *kit.Field {
		e := kit.NewField()
		e.SetText(prefs.StringWithFallback("print."+key, def))
		e.OnChanged = func(v string) { prefs.SetString("print."+key, v); changed(v) }
		return e
	}
	sizeKeys := []string{"poker", "bridge", "mini", "euro", "tarot", "square", "a7", customSize}
	sizeLabels := make([]string, len(sizeKeys))
	for i, k := range sizeKeys[:len(sizeKeys)-1] {
		c := pdf.CardSizes[k]
		sizeLabels[i] = fmt.Sprintf("%s (%g × %g mm)", k, c.W, c.H)
	}
	sizeLabels[len(sizeKeys)-1] = lang.L("custom (W×H mm)")
	o.size = sel("size", "poker", sizeKeys, sizeLabels)
	o.custom = entry("custom", "63x88")
	paperKeys, paperLabels := []string{"a4", "letter", "a3"}, []string{"A4", "Letter", "A3"}
	o.paper = sel("paper", "a4", paperKeys, paperLabels)
	o.layout = sel("layout", pdf.LayoutButted, []string{pdf.LayoutButted, pdf.LayoutGapped, pdf.LayoutSingle},
		[]string{lang.L("Cards touching: shared cut lines"), lang.L("Gaps: each card with its own bleed"), lang.L("One card a page, for a print shop")})
	o.bleed = entry("bleed", "0")
	o.margin = entry("margin", "5")
	o.marks = widget.NewCheck(lang.L("Crop marks"), func(on bool) { prefs.SetBool("print.marks", on); onChange() })
	o.marks.SetChecked(prefs.BoolWithFallback("print.marks", true))
	o.backs = sel("backs", pdf.BacksNone, []string{pdf.BacksNone, pdf.BacksDuplexLong, pdf.BacksDuplexShort, pdf.BacksPages},
		[]string{lang.L("No backs"), lang.L("Double-sided, flip on the long edge"), lang.L("Double-sided, flip on the short edge"), lang.L("Backs on pages of their own")})
	o.offset = entry("offset", "0,0")
	o.only = entry("only", "")
	o.only.SetPlaceHolder(lang.L("all cards; or codes such as R01, R07"))
	o.changed = widget.NewButton(lang.L("Changed since last print"), nil)
	o.blank = entry("blank", "0")
	o.poster = sel("poster", "a2", []string{"a3", "a2", "a1", "a0"}, []string{"A3", "A2", "A1", "A0"})
	o.tile = sel("tile", pdf.TileNone, []string{pdf.TileNone, "a4", "letter", "a3"},
		[]string{lang.L("One sheet of the poster's size"), lang.L("A4 sheets to tape together"), lang.L("Letter sheets to tape together"), lang.L("A3 sheets to tape together")})
	o.overlap = entry("overlap", "15")
	o.tables = entry("tables", "4")

	o.safe = entry("safe", strconv.FormatFloat(pdf.DefaultSafe, 'f', -1, 64))
	o.proof = widget.NewCheck(lang.L("Proof: draw the cut line and the safe zone"), func(on bool) { prefs.SetBool("print.proof", on); onChange() })
	o.proof.SetChecked(prefs.BoolWithFallback("print.proof", false))
	o.dpi = entry("dpi", "300")
	o.numbered = widget.NewCheck(lang.L("Number the files in the deck's order (001-R01-front.png)"), func(on bool) { prefs.SetBool("print.numbered", on); onChange() })
	o.numbered.SetChecked(prefs.BoolWithFallback("print.numbered", false))
	presetKeys, presetLabels := []string{""}, []string{lang.L("None: set the options below")}
	for _, name := range pdf.PresetNames() {
		presetKeys, presetLabels = append(presetKeys, name), append(presetLabels, lang.L(pdf.Presets[name].Label))
	}
	o.preset = kit.NewKeyedSelect(nil)
	o.preset.SetOptions(presetKeys, presetLabels)
	o.preset.SetKeyQuietly("") // a preset fills the fields once; the fields are what is remembered
	o.preset.Select.OnChanged = func(string) { o.applyPreset(); onChange() }
	item := widget.NewFormItem
	size, bleed := item(lang.L("Card size"), container.NewBorder(nil, nil, nil, o.custom, o.size)), item(lang.L("Bleed (mm)"), o.bleed)
	preset, safe, proof := item(lang.L("Print shop"), o.preset), item(lang.L("Safe zone (mm)"), o.safe), item("", o.proof)
	backs, only := item(lang.L("Backs"), o.backs), item(lang.L("Only cards"), container.NewBorder(nil, nil, nil, o.changed, o.only))
	o.sheetItems = []*widget.FormItem{preset, size, item(lang.L("Paper"), o.paper), item(lang.L("Layout"), o.layout), bleed, safe,
		item(lang.L("Printer margin (mm)"), o.margin), item("", o.marks), proof, backs,
		item(lang.L("Back offset X,Y (mm)"), o.offset), only, item(lang.L("Extra blank cards"), o.blank)}
	// Pictures have no paper, margin, marks, back offset or blank cards.
	o.pictureItems = []*widget.FormItem{preset, size, bleed, safe, proof, backs, only, item("", o.numbered)}
	o.cardForm = widget.NewForm(o.sheetItems...)
	o.cardGroup = container.NewVBox(o.cardForm)
	o.boardGroup = container.NewVBox(widget.NewForm(
		widget.NewFormItem(lang.L("Poster size"), o.poster),
		widget.NewFormItem(lang.L("Tile onto"), o.tile),
		widget.NewFormItem(lang.L("Glue band (mm)"), o.overlap),
	))
	o.tableGroup = container.NewVBox(widget.NewForm(widget.NewFormItem(lang.L("Tables"), o.tables)))
	o.width = entry("board-width", strconv.Itoa(pdf.DefaultBoardWidth))
	o.dpiItem = widget.NewFormItem(lang.L("Resolution (dpi)"), o.dpi)
	o.widthItem = widget.NewFormItem(lang.L("Picture width (pixels)"), o.width)
	o.imageForm = widget.NewForm(o.dpiItem)
	o.imageGroup = container.NewVBox(o.imageForm)
	return o
}

// applyPreset fills the fields a print shop's template sets: the card
// size, bleed, safe zone and resolution, one card a page without marks.
// They stay editable, and show what will print.
func (o *printOptions) applyPreset() {
	p, ok := pdf.Presets[o.preset.Key()]
	if !ok {
		return
	}
	o.size.SetKey(p.Size.Name)
	o.bleed.SetText(strconv.FormatFloat(p.Bleed, 'f', -1, 64))
	o.safe.SetText(strconv.FormatFloat(p.Safe, 'f', -1, 64))
	o.dpi.SetText(strconv.Itoa(p.DPI))
	o.numbered.SetChecked(p.Numbered)
	o.layout.SetKey(pdf.LayoutSingle)
	o.marks.SetChecked(false)
}

// showImageFields shows the rows that matter for what is printed: the
// resolution for card pictures, the width for the board's picture, and for
// card pictures only the card options a picture has. A form row hidden
// would leave its label, so the forms get the rows they show.
func (o *printOptions) showImageFields(what string) {
	setItems := func(f *widget.Form, items []*widget.FormItem) {
		if len(f.Items) != len(items) || f.Items[0] != items[0] {
			f.Items = items
			f.Refresh()
		}
	}
	if what == "board-image" {
		setItems(o.imageForm, []*widget.FormItem{o.widthItem})
	} else {
		setItems(o.imageForm, []*widget.FormItem{o.dpiItem})
	}
	if what == "images" {
		setItems(o.cardForm, o.pictureItems)
	} else {
		setItems(o.cardForm, o.sheetItems)
	}
}

// images reads the card picture options: the card options' size, bleed,
// backs (any but none draws them) and codes, at the chosen resolution.
func (o *printOptions) images(cardLang string) (pdf.ImageOptions, error) {
	c, err := o.cards(cardLang)
	if err != nil {
		return pdf.ImageOptions{}, err
	}
	dpi, err := number(o.dpi, lang.L("The resolution"))
	if err != nil {
		return pdf.ImageOptions{}, err
	}
	im := pdf.ImageOptions{Lang: cardLang, Size: c.Size, Bleed: c.Bleed, Safe: c.Safe, Proof: c.Proof, DPI: int(dpi), Backs: c.Backs != pdf.BacksNone, Only: c.Only, Numbered: o.numbered.Checked}
	return im, im.Check()
}

// boardImage reads the board picture's options.
func (o *printOptions) boardImage(cardLang string) (pdf.BoardImageOptions, error) {
	b := pdf.BoardImageOptions{Lang: cardLang}
	var err error
	if b.Size, err = pdf.ParsePaper(o.poster.Key()); err != nil {
		return b, err
	}
	w, err := number(o.width, lang.L("The picture width"))
	if err != nil {
		return b, err
	}
	if b.Width = int(w); b.Width < pdf.MinBoardWidth || b.Width > pdf.MaxBoardWidth {
		return b, fmt.Errorf(lang.L("the picture width must be from %d to %d pixels, not %q"), pdf.MinBoardWidth, pdf.MaxBoardWidth, o.width.Text)
	}
	return b, nil
}

// number reads a millimetre or count field; the field's name goes in the error.
func number(e *kit.Field, what string) (float64, error) {
	v, err := strconv.ParseFloat(strings.ReplaceAll(strings.TrimSpace(e.Text), ",", "."), 64)
	if err != nil {
		return 0, fmt.Errorf(lang.L("%s must be a number, not %q"), what, e.Text)
	}
	return v, nil
}

// cards reads the card print options.
func (o *printOptions) cards(cardLang string) (pdf.CardOptions, error) {
	c := pdf.DefaultCardOptions()
	c.Lang = cardLang
	var err error
	size := o.size.Key()
	if size == customSize {
		size = o.custom.Text
	}
	if c.Size, err = pdf.ParseCardSize(size); err != nil {
		return c, err
	}
	if c.Paper, err = pdf.ParsePaper(o.paper.Key()); err != nil {
		return c, err
	}
	if c.Bleed, err = number(o.bleed, lang.L("The bleed")); err != nil {
		return c, err
	}
	if c.Margin, err = number(o.margin, lang.L("The printer margin")); err != nil {
		return c, err
	}
	if c.OffsetX, c.OffsetY, err = pdf.ParseOffset(o.offset.Text); err != nil {
		return c, err
	}
	blank, err := number(o.blank, lang.L("Blank cards"))
	if err != nil {
		return c, err
	}
	if c.Safe, err = number(o.safe, lang.L("The safe zone")); err != nil {
		return c, err
	}
	c.Blank, c.Layout, c.Backs, c.Marks, c.Proof = int(blank), o.layout.Key(), o.backs.Key(), o.marks.Checked, o.proof.Checked
	c.Only = o.onlyCodes()
	return c, nil
}

// board reads the poster options.
func (o *printOptions) board(cardLang string) (pdf.BoardOptions, error) {
	b := pdf.DefaultBoardOptions()
	b.Lang, b.Tile = cardLang, o.tile.Key()
	var err error
	if b.Size, err = pdf.ParsePaper(o.poster.Key()); err != nil {
		return b, err
	}
	if b.Overlap, err = number(o.overlap, lang.L("The glue band")); err != nil {
		return b, err
	}
	if b.Margin, err = number(o.margin, lang.L("The printer margin")); err != nil {
		return b, err
	}
	return b, nil
}

// tableCount reads how many tables (teams) get rating sheets.
func (o *printOptions) tableCount() (int, error) {
	n, err := number(o.tables, lang.L("Tables"))
	if err != nil || n < 1 || n > 50 {
		return 0, fmt.Errorf(lang.L("tables must be a number from 1 to 50, not %q"), o.tables.Text)
	}
	return int(n), nil
}

// onlyCodes are the codes typed in "Only cards".
func (o *printOptions) onlyCodes() []string {
	return strings.FieldsFunc(o.only.Text, func(r rune) bool { return r == ',' || r == ' ' || r == ';' })
}

// showCustom shows the W×H field only when a custom size is chosen.
func (o *printOptions) showCustom() {
	if o.size.Key() == customSize {
		o.custom.Show()
	} else {
		o.custom.Hide()
	}
}
