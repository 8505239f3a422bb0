package cli

import (
	"fmt"
	"slices"
	"strings"

	"deckhand/cards"
	"deckhand/message"
)

// runDecksLook runs "decks look": it shows a deck's client look, or sets
// its logo, the logo's place on the backs, the backs' colour and text, and
// the card types' icons. Pictures are checked and scaled once here, as the
// Decks screen does, and the deck is saved only when all of it is right.
func runDecksLook(e *env, args []string) error {
	fs := newFlags(e, "decks look")
	name := fs.String("deck", "", "deck name or id")
	logo := fs.String("logo", "", "a PNG or JPEG file: the client's logo")
	noLogo := fs.Bool("no-logo", false, "remove the logo")
	place := fs.String("logo-place", "", "where the logo sits on the backs: "+strings.Join(cards.LogoPlaces, ", "))
	colour := fs.String("back-colour", "", `the backs' colour, #RRGGBB, or "none" for each card type's own`)
	texts := map[string]string{}
	fs.Func("back-text", "LANG=TEXT printed on every back in that language (repeatable; an empty TEXT removes it)", func(v string) error {
		lang, text, ok := strings.Cut(v, "=")
		if !ok || strings.TrimSpace(lang) == "" {
			return fmt.Errorf("--back-text takes LANG=TEXT, such as fi=Asiakas Oy")
		}
		texts[strings.TrimSpace(lang)] = strings.TrimSpace(text)
		return nil
	})
	icons := map[string]string{}
	fs.Func("icon", "TYPE=FILE: a PNG or JPEG icon for a card type (repeatable; an empty FILE removes it)", func(v string) error {
		typ, file, ok := strings.Cut(v, "=")
		if !ok || strings.TrimSpace(typ) == "" {
			return fmt.Errorf("--icon takes TYPE=FILE, such as routine=routine.png")
		}
		icons[strings.TrimSpace(typ)] = file
		return nil
	})
	if err := noPositional(fs, args); err != nil {
		return err
	}
	if *name == "" {
		return usagef("--deck is required")
	}
	if *logo != "" && *noLogo {
		return usagef("--logo and --no-logo contradict each other; give one")
	}
	d, err := e.findDeck(*name)
	if err != nil {
		return err
	}
	changed := *logo != "" || *noLogo || *place != "" || *colour != "" || len(texts) > 0 || len(icons) > 0
	if !changed {
		printLook(e, d)
		return nil
	}
	next := d.Clone()
	look := next.Look
	if look == nil {
		look = &cards.Look{}
	}
	switch {
	case *logo != "":
		data, err := cards.ReadImageFile(*logo, message.Word("the logo"))
		if err != nil {
			return err
		}
		look.Logo = data
	case *noLogo:
		look.Logo = nil
	}
	if *place != "" {
		look.LogoPlace = *place
	}
	switch *colour {
	case "":
	case "none":
		look.BackColour = ""
	default:
		look.BackColour = *colour
	}
	for lang, text := range texts {
		if !slices.Contains(next.Languages, lang) {
			return usagef("the deck has no language %q; it has %s", lang, strings.Join(next.Languages, ", "))
		}
		if look.BackText == nil {
			look.BackText = cards.Text{}
		}
		look.BackText[lang] = text
	}
	next.Look = look
	for typ, file := range icons {
		i := slices.IndexFunc(next.CardTypes, func(t cards.CardType) bool { return t.Key == typ })
		if i < 0 {
			return usagef("the deck has no card type %q", typ)
		}
		next.CardTypes[i].Icon = nil
		if file != "" {
			data, err := cards.ReadImageFile(file, message.Say("the icon of card type %s", typ))
			if err != nil {
				return err
			}
			next.CardTypes[i].Icon = data
		}
	}
	if err := e.store.UpdateDeck(e.ctx, next); err != nil {
		return fmt.Errorf("cannot change the look of %q: %w", d.Name, err)
	}
	saved, err := e.store.Deck(e.ctx, d.ID)
	if err != nil {
		return err
	}
	printLook(e, saved)
	return nil
}

// printLook says what a deck's look is.
func printLook(e *env, d *cards.Deck) {
	look := d.Look
	if look == nil {
		look = &cards.Look{}
	}
	fmt.Fprintf(e.stdout, "deck %q\n", d.Name)
	if len(look.Logo) > 0 {
		info, _ := cards.CheckImage(look.Logo, message.Word("the logo"))
		place := look.LogoPlace
		if place == "" {
			place = cards.LogoCentre
		}
		fmt.Fprintf(e.stdout, "logo: %s, %d × %d pixels, %d KB, %s on the backs\n", strings.ToUpper(info.Format), info.Width, info.Height, (len(look.Logo)+1023)/1024, place)
	} else {
		fmt.Fprintln(e.stdout, "logo: none")
	}
	if look.BackColour != "" {
		fmt.Fprintf(e.stdout, "back colour: %s\n", look.BackColour)
	} else {
		fmt.Fprintln(e.stdout, "back colour: each card type's own")
	}
	for _, lang := range d.Languages {
		if text := look.BackText[lang]; text != "" {
			fmt.Fprintf(e.stdout, "back text (%s): %s\n", lang, text)
		}
	}
	for _, t := range d.CardTypes {
		if len(t.Icon) > 0 {
			info, _ := cards.CheckImage(t.Icon, message.Word("the icon"))
			fmt.Fprintf(e.stdout, "icon of %s: %s, %d × %d pixels\n", t.Key, strings.ToUpper(info.Format), info.Width, info.Height)
		}
	}
}
