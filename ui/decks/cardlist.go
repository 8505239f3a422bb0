package decks

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"deckhand/cards"
	"deckhand/ui/kit"
)

// cardList is the middle pane: search, filters and the list of cards.
type cardList struct {
	deck     *cards.Deck
	shown    []int                   // indexes into deck.Cards, in list order
	indexes  map[string]*searchIndex // by language, made when first searched
	partial  string                  // why only the deck's first cards are listed, "" when all are
	Search   *kit.Field
	typ      *kit.KeyedSelect
	theme    *kit.KeyedSelect
	area     *kit.KeyedSelect
	level    *kit.KeyedSelect
	language *kit.KeyedSelect
	count    *widget.Label
	List     *kit.KeyList

	onSelect   func(index int) // index into deck.Cards
	onLanguage func(lang string)
}

func newCardList() *cardList {
	l := &cardList{count: widget.NewLabel("")}
	l.Search = kit.NewField()
	l.Search.SetPlaceHolder(lang.L("Search code, title, text or tag (Ctrl+F)"))
	l.Search.OnChanged = func(string) { l.refilter() }
	// Enter opens the card the search has narrowed the list to.
	l.Search.OnSubmitted = func(string) {
		if len(l.shown) == 1 {
			l.List.Select(0)
		}
	}
	refilter := func(string) { l.refilter() }
	l.typ, l.theme, l.area, l.level = kit.NewKeyedSelect(refilter), kit.NewKeyedSelect(refilter), kit.NewKeyedSelect(refilter), kit.NewKeyedSelect(refilter)
	l.language = kit.NewKeyedSelect(func(code string) {
		if l.onLanguage != nil {
			l.onLanguage(code)
		}
		l.refilter()
	})
	l.List = kit.NewKeyList(l.length, l.createRow, l.updateRow)
	l.List.OnSelected = func(id widget.ListItemID) {
		if l.onSelect != nil && id < len(l.shown) {
			l.onSelect(l.shown[id])
		}
	}
	return l
}

func (l *cardList) content() fyne.CanvasObject {
	// Two columns, not three: the drop-downs are as wide as their longest
	// choice, and three of them side by side made the Decks screen wider
	// than a 1024-pixel screen in Finnish.
	filters := container.NewGridWithColumns(2, l.typ, l.theme, l.area, l.level, l.language)
	top := container.NewVBox(l.Search, filters, l.count)
	return container.NewBorder(top, nil, nil, nil, l.List)
}

// setDeck shows a deck's cards, with filter choices from its vocabulary
// named in the card language.
func (l *cardList) setDeck(d *cards.Deck, cardLang string) {
	l.deck, l.indexes, l.partial = d, nil, ""
	langs := d.Languages
	names := make([]string, len(langs))
	for i, code := range langs {
		names[i] = cards.LanguageName(code)
	}
	l.language.SetOptions(langs, names)
	l.language.SetKeyQuietly(d.Lang(cardLang))
	l.setVocabulary()
	l.refilter()
}

func (l *cardList) cardLang() string { return l.deck.Lang(l.language.Key()) }

// setVocabulary fills the filter drop-downs in the current card language.
func (l *cardList) setVocabulary() {
	d, code := l.deck, l.cardLang()
	typeKeys, typeNames := []string{""}, []string{lang.L("All types")}
	for _, t := range d.CardTypes {
		typeKeys, typeNames = append(typeKeys, t.Key), append(typeNames, t.Name.Or(code, d.DefaultLang, "en")+"")
	}
	l.typ.SetOptions(typeKeys, typeNames)
	l.theme.SetOptions(termOptions(d.Themes, code, d.DefaultLang, lang.L("All themes")))
	areaKeys, areaNames := []string{""}, []string{lang.L("All areas")}
	for _, a := range d.Board.Areas {
		areaKeys, areaNames = append(areaKeys, a.Key), append(areaNames, a.Name.Or(code, d.DefaultLang))
	}
	l.area.SetOptions(areaKeys, areaNames)
	l.level.SetOptions(termOptions(d.Levels, code, d.DefaultLang, lang.L("All levels")))
	for _, s := range []*kit.KeyedSelect{l.typ, l.theme, l.area, l.level} {
		if s.Select.Selected == "" {
			s.SetKeyQuietly("")
		}
	}
}

func termOptions(terms []cards.Term, code, fallback, all string) ([]string, []string) {
	keys, names := []string{""}, []string{all}
	for _, t := range terms {
		keys, names = append(keys, t.Key), append(names, t.Name.Or(code, fallback))
	}
	return keys, names
}

func (l *cardList) filter() cardFilter {
	return cardFilter{text: l.Search.Text, typ: l.typ.Key(), theme: l.theme.Key(), area: l.area.Key(), level: l.level.Key(), lang: l.cardLang()}
}

func (l *cardList) refilter() {
	if l.deck == nil {
		return
	}
	f := l.filter()
	l.shown = filterCards(l.deck, l.searchIndex(f), f)
	l.showCount()
	l.List.UnselectAll()
	l.List.Refresh()
}

// searchIndex is the index the filter's search reads, made when it is
// first needed for the deck's cards as they are now; nil when the filter
// searches nothing.
func (l *cardList) searchIndex(f cardFilter) *searchIndex {
	if f.query() == "" {
		return nil
	}
	if l.indexes == nil {
		l.indexes = map[string]*searchIndex{}
	}
	ix := l.indexes[f.lang]
	if ix == nil {
		ix = newSearchIndex(l.deck.Cards, f.lang)
		l.indexes[f.lang] = ix
	}
	return ix
}

// cardsChanged lists the deck's cards anew after they were changed,
// added or deleted: the search indexes are made again when next needed.
func (l *cardList) cardsChanged() {
	l.indexes = nil
	l.refilter()
}

// cardChanged lists the deck's cards anew after the card at index i was
// changed: its line in the search indexes is made again now.
func (l *cardList) cardChanged(i int) {
	for _, ix := range l.indexes {
		ix.texts[i] = searchText(l.deck.Cards[i], ix.lang)
	}
	l.refilter()
}

// showPartial says why the list holds only the deck's first cards.
func (l *cardList) showPartial(why string) {
	l.partial = why
	l.showCount()
}

// showWhole lists all the deck's cards, now that they have been read,
// with the search index made of them in the card language.
func (l *cardList) showWhole(ix *searchIndex) {
	l.partial, l.indexes = "", map[string]*searchIndex{ix.lang: ix}
	l.refilter()
}

// showCount says under the list how many of the deck's cards it lists,
// or why it lists only the first of them.
func (l *cardList) showCount() {
	if l.partial != "" {
		l.count.SetText(l.partial)
		return
	}
	l.count.SetText(kit.Count(len(l.deck.Cards), "%d of %d card", "%d of %d cards", len(l.shown), len(l.deck.Cards)))
}

// selectCard highlights the card at deck index i, if it is shown.
func (l *cardList) selectCard(i int) {
	for row, idx := range l.shown {
		if idx == i {
			onSelect := l.onSelect
			l.onSelect = nil
			l.List.Select(row)
			if row == 0 {
				l.List.ScrollToTop() // Select scrolls one row too far before the first layout
			}
			l.onSelect = onSelect
			return
		}
	}
	l.List.UnselectAll()
}

func (l *cardList) length() int { return len(l.shown) }

func (l *cardList) createRow() fyne.CanvasObject {
	code := widget.NewLabelWithStyle("R00", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title := widget.NewLabel("title")
	title.Truncation = fyne.TextTruncateEllipsis
	detail := widget.NewLabel("detail")
	detail.SizeName = theme.SizeNameCaptionText
	detail.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, code, nil, container.NewVBox(title, detail))
}

func (l *cardList) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(l.shown) {
		return
	}
	c := l.deck.Cards[l.shown[id]]
	row := o.(*fyne.Container)
	texts := row.Objects[0].(*fyne.Container)
	setText(texts.Objects[0].(*widget.Label), c.Title[l.cardLang()])
	setText(texts.Objects[1].(*widget.Label), cardDetail(l.deck, c, l.cardLang()))
	setText(row.Objects[1].(*widget.Label), c.Code)
}

// setText changes a row's label only when its text changes: a label set
// lays its text out anew, even the same text, and the rows a search keeps
// are most of those shown as one types.
func setText(l *widget.Label, text string) {
	if l.Text != text {
		l.SetText(text)
	}
}

// cardDetail is the small line under a card's title: type, area and level
// in words, so nothing is told by colour alone.
func cardDetail(d *cards.Deck, c cards.Card, code string) string {
	var parts []string
	if t, ok := d.CardType(c.Type); ok {
		parts = append(parts, t.Name.Or(code, d.DefaultLang))
	}
	if a, ok := d.Area(c.Area); ok {
		parts = append(parts, a.Name.Or(code, d.DefaultLang))
	}
	if lv, ok := d.Level(c.Level); ok {
		parts = append(parts, lv.Name.Or(code, d.DefaultLang))
	}
	if c.Copies != 1 {
		parts = append(parts, kit.Count(c.Copies, "%d copy", "%d copies", c.Copies))
	}
	return strings.Join(parts, " · ")
}
