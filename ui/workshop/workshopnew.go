package workshop

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"deckhand/assets"
	"deckhand/cards"
	"deckhand/game"
	"deckhand/ui/kit"
)

// emptyState is what the screen shows before there is any workshop.
func (s *Screen) emptyState() fyne.CanvasObject {
	text := widget.NewLabel(lang.L("No workshop yet. Make one for your deck, or open the example workshop to see how a round is recorded."))
	text.Wrapping = fyne.TextWrapWord
	text.Alignment = fyne.TextAlignCenter
	return container.NewCenter(container.NewVBox(text, container.NewCenter(container.NewHBox(
		widget.NewButtonWithIcon(lang.L("New workshop…"), theme.ContentAddIcon(), s.NewWorkshop),
		widget.NewButtonWithIcon(lang.L("Open the example workshop"), theme.FolderOpenIcon(), s.openExample),
	))))
}

// openExample imports the example workshop shipped with Deckhand.
func (s *Screen) openExample() {
	f, err := game.ReadFile(bytes.NewReader(assets.ExampleWorkshop))
	if err == nil {
		_, err = s.store.ImportWorkshop(s.ctx, f)
	}
	if err != nil {
		kit.ShowError(s.win, fmt.Errorf("%s", kit.Sentence(kit.ProblemText(err))))
		return
	}
	s.Refresh(f.Workshop.ID)
}

// workshopForm are the fields of a new workshop.
type workshopForm struct {
	title, client, sector, place, facilitator, teams *kit.Field
	purpose                                          *kit.Field
	date, retention                                  *kit.DateField
	Deck, Language                                   *kit.KeyedSelect
	// proposed are what the form filled in itself, for the deck and the
	// language chosen: changed by the person, a field is theirs and stays.
	proposed struct{ client, teams, purpose string }
}

// propose puts text in a field the person has not written in, and notes
// it as proposed.
func propose(field *kit.Field, was *string, text string) {
	if field.Text == *was {
		field.SetText(text)
	}
	*was = text
}

// followLanguage proposes the tables and the purpose in the workshop's
// language, which its cards and report speak, not the interface's.
func (f *workshopForm) followLanguage(language string) {
	propose(f.teams, &f.proposed.teams, game.ProposedTables(language, 3))
	propose(f.purpose, &f.proposed.purpose, game.ProposedPurpose(language))
}

// NewWorkshop asks for a workshop's details and makes it with its teams.
func (s *Screen) NewWorkshop() { s.ShowNewWorkshopForm() }

// ShowNewWorkshopForm opens the New workshop form and gives its fields, or
// nil when there is no deck to make a workshop with.
func (s *Screen) ShowNewWorkshopForm() *workshopForm {
	decks, err := s.store.Decks(s.ctx)
	if err != nil || len(decks) == 0 {
		kit.ShowInformation(s.win, lang.L("No deck"), lang.L("Make or import a deck in the Decks tab first."))
		return nil
	}
	kit.SortDecks(decks)
	f := &workshopForm{}
	for _, e := range []**kit.Field{&f.title, &f.client, &f.sector, &f.place, &f.facilitator, &f.teams} {
		*e = kit.NewField()
	}
	// A title not typed yet is no mistake: until the person has typed in
	// it, or tried to create without one, its error is a quiet one, which
	// keeps Create disabled but shows no sentence (a form shows an error's
	// text, and this one has none).
	titleTouched := false
	f.title.Validator = func(text string) error {
		titleTouched = titleTouched || text != ""
		switch {
		case strings.TrimSpace(text) != "":
			return nil
		case !titleTouched:
			return errNoTitleYet
		}
		return errors.New(lang.L("Give the workshop a title."))
	}
	f.purpose = kit.NewTextArea()
	today := s.Now()
	f.date = kit.NewDateField(today, s.Now)
	f.retention = kit.NewDateField(today.AddDate(0, 6, 0), s.Now)
	f.retention.Check = func(iso string) error {
		if day, err := f.date.Date(); err == nil && iso < day {
			return errors.New(lang.L("The erase date is before the workshop's date."))
		}
		return nil
	}
	// The erase date is checked again when the workshop's date changes.
	dateChanged := f.date.Entry.OnChanged
	f.date.Entry.OnChanged = func(text string) {
		dateChanged(text)
		_ = f.retention.Validate()
		f.retention.SayDay()
	}
	keys, names := make([]string, len(decks)), make([]string, len(decks))
	for i, d := range decks {
		keys[i], names[i] = d.ID, d.Name
	}
	f.Language = kit.NewKeyedSelect(f.followLanguage)
	f.Deck = kit.NewKeyedSelect(func(id string) { s.deckLanguages(f, id) })
	f.Deck.SetOptions(keys, names)
	f.Deck.SetKey(s.proposedDeck(keys))
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Title"), f.title),
		widget.NewFormItem(lang.L("Deck"), f.Deck),
		widget.NewFormItem(lang.L("Language"), f.Language),
		widget.NewFormItem(lang.L("Teams (tables)"), f.teams),
		widget.NewFormItem(lang.L("Date"), f.date),
		widget.NewFormItem(lang.L("Client"), f.client),
		widget.NewFormItem(lang.L("Sector"), f.sector),
		widget.NewFormItem(lang.L("Place"), f.place),
		widget.NewFormItem(lang.L("Facilitator"), f.facilitator),
		widget.NewFormItem(lang.L("Purpose of the data"), f.purpose),
		widget.NewFormItem(lang.L("Erase after"), f.retention),
	}
	// What was typed is not thrown away when the workshop cannot be made:
	// the form stays, with the reason on top of it.
	d := kit.NewSaveForm(s.win, lang.L("New workshop"), lang.L("Create"), items, func() error { return s.createWorkshop(f) })
	// Enter with no title says so at the title, and puts the cursor there.
	create := d.Enter
	d.Enter = func() {
		if strings.TrimSpace(f.title.Text) == "" {
			titleTouched = true
			_ = f.title.Validate()
			s.win.Canvas().Focus(f.title)
			return
		}
		create()
	}
	// Enter in any one-line field creates the workshop, as the Create
	// button does: the title and Enter are all a hurried facilitator types.
	// While a field is not right, Enter shows why at that field.
	for _, e := range []*widget.Entry{&f.title.Entry, &f.client.Entry, &f.sector.Entry, &f.date.Entry.Entry, &f.place.Entry, &f.facilitator.Entry, &f.retention.Entry.Entry, &f.teams.Entry} {
		e.OnSubmitted = func(string) {
			if e == &f.title.Entry {
				titleTouched = true
			}
			if err := e.Validate(); err != nil {
				e.SetValidationError(err)
				return
			}
			d.Submit()
		}
	}
	d.Resize(fyne.NewSize(560, d.MinSize().Height))
	d.Show()
	s.win.Canvas().Focus(f.title)
	return f
}

// errNoTitleYet is the title's error before the person has typed in it
// or tried to create without it: it has no sentence, so the form shows
// none, but it keeps Create disabled.
var errNoTitleYet = errors.New("")

// proposedDeck is the deck a new workshop starts with, among keys: the one
// shown on the Decks screen (the client's deck the facilitator has just
// prepared), else the deck of the workshop shown here (the one used last),
// else the first.
func (s *Screen) proposedDeck(keys []string) string {
	var candidates []string
	if s.ShownDeck != nil {
		candidates = append(candidates, s.ShownDeck())
	}
	if s.Session != nil {
		candidates = append(candidates, s.Session.Workshop.DeckID)
	}
	for _, id := range candidates {
		if slices.Contains(keys, id) {
			return id
		}
	}
	return keys[0]
}

func (s *Screen) deckLanguages(f *workshopForm, deckID string) {
	d, err := s.store.Deck(s.ctx, deckID)
	if err != nil {
		return
	}
	names := make([]string, len(d.Languages))
	for i, l := range d.Languages {
		names[i] = cards.LanguageName(l)
	}
	f.Language.SetOptions(d.Languages, names)
	f.Language.SetKeyQuietly(d.Lang(kit.Language()))
	f.followLanguage(f.Language.Key())
	// A deck cloned for a client proposes its client.
	propose(f.client, &f.proposed.client, d.Client)
}

// createWorkshop stores a new workshop from the form, with a snapshot of
// its deck, and opens it.
func (s *Screen) createWorkshop(f *workshopForm) error {
	deck, err := s.store.Deck(s.ctx, f.Deck.Key())
	if err != nil {
		return err
	}
	date, err := f.date.Date()
	if err != nil {
		return err
	}
	retention, err := f.retention.Date()
	if err != nil {
		return err
	}
	w := &game.Workshop{
		ID: cards.NewID(), Title: strings.TrimSpace(f.title.Text), Client: strings.TrimSpace(f.client.Text),
		Sector: strings.TrimSpace(f.sector.Text), Date: date, Place: strings.TrimSpace(f.place.Text),
		Facilitator: strings.TrimSpace(f.facilitator.Text), Purpose: strings.TrimSpace(f.purpose.Text),
		Retention: retention, Language: f.Language.Key(),
		DeckID: deck.ID, DeckEdition: deck.Edition, Deck: deck,
	}
	var teams []game.Team
	for i, name := range strings.Split(f.teams.Text, ",") {
		if name = strings.TrimSpace(name); name != "" {
			teams = append(teams, game.Team{ID: cards.NewID(), Name: name, Position: i})
		}
	}
	if len(teams) == 0 {
		teams = []game.Team{{ID: cards.NewID(), Name: lang.L("Table 1")}}
	}
	if err := s.store.CreateWorkshop(s.ctx, w, teams); err != nil {
		return err
	}
	s.Refresh(w.ID)
	return nil
}
