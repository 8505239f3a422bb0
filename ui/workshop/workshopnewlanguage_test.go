package workshop

import (
	"context"
	"testing"
)

// A new workshop made from a client's deck, just cloned for them in
// Finnish only, proposes that deck, its client, and tables and a purpose
// in Finnish, though the interface speaks English; choosing Swedish
// rewrites what was proposed, never what the person typed.
func TestNewWorkshopProposesTheClientsDeckInItsLanguage(t *testing.T) {
	f, ws := newWorkshopFixture(t)
	ctx := context.Background()
	clone, err := f.Store.CloneDeckIn(ctx, f.DefaultDeckID(), "Acme routines", "Acme Oy", []string{"fi", "sv"}, "fi")
	if err != nil {
		t.Fatal(err)
	}
	ws.ShownDeck = func() string { return clone.ID } // the Decks screen shows the clone
	form := ws.ShowNewWorkshopForm()
	if form.Deck.Key() != clone.ID || form.client.Text != "Acme Oy" {
		t.Fatalf("the form proposes deck %q and client %q; want the clone and Acme Oy", form.Deck.Key(), form.client.Text)
	}
	if form.Language.Key() != "fi" || form.teams.Text != "Pöytä 1, Pöytä 2, Pöytä 3" ||
		form.purpose.Text != "Työpajan valintojen ja arvioiden kirjaamiseen asiakkaan raporttia varten." {
		t.Errorf("in %s the form proposes %q and %q", form.Language.Key(), form.teams.Text, form.purpose.Text)
	}
	form.Language.SetKey("sv")
	if form.teams.Text != "Bord 1, Bord 2, Bord 3" || form.purpose.Text != "För att anteckna workshoppens val och bedömningar till kundens rapport." {
		t.Errorf("in Swedish the form proposes %q and %q", form.teams.Text, form.purpose.Text)
	}
	form.teams.SetText("Norr, Söder")
	form.Language.SetKey("fi")
	if form.teams.Text != "Norr, Söder" {
		t.Errorf("choosing Finnish replaced the typed tables with %q", form.teams.Text)
	}
	// Another deck, without a client, leaves the client the person typed.
	form.client.SetText("Beta Ab")
	form.Deck.SetKey(f.DefaultDeckID())
	if form.client.Text != "Beta Ab" {
		t.Errorf("choosing another deck replaced the typed client with %q", form.client.Text)
	}
}
