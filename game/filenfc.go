package game

import "deckhand/cards"

// Names and notes typed on a Mac or pasted out of a PDF may hold decomposed
// letters ("a" + combining "¨"), which print as "a¨". These put a record's
// free text in normal form C; storage calls them before every save and the
// workshop file reader on every record it reads, so what is kept is always
// the composed letter. Ids, codes and keys are compared byte for byte and
// are left as they are.

// ToNFC puts the workshop's own texts in normal form C.
func (w *Workshop) ToNFC() {
	for _, s := range []*string{&w.Title, &w.Client, &w.Sector, &w.Place, &w.Facilitator, &w.Purpose, &w.Notes} {
		*s = cards.NFC(*s)
	}
}

// ToNFC puts the team's name and note-taker in normal form C.
func (t *Team) ToNFC() { t.Name, t.NoteTaker = cards.NFC(t.Name), cards.NFC(t.NoteTaker) }

// ToNFC puts the participant's names and role in normal form C.
func (p *Participant) ToNFC() {
	p.Pseudonym, p.Role, p.RealName = cards.NFC(p.Pseudonym), cards.NFC(p.Role), cards.NFC(p.RealName)
}

// ToNFC puts the path's name in normal form C.
func (p *Path) ToNFC() { p.Name = cards.NFC(p.Name) }

// ToNFC puts a blank card's text in normal form C.
func (p *Play) ToNFC() { p.Text = cards.NFC(p.Text) }

// ToNFC puts the note's text in normal form C.
func (n *Note) ToNFC() { n.Text = cards.NFC(n.Text) }

// toNFC puts the free text of every record of the file in normal form C
// (the deck snapshot is done by cards.Deck.Normalize).
func (f *File) toNFC() {
	f.Workshop.ToNFC()
	for i := range f.Teams {
		f.Teams[i].ToNFC()
	}
	for i := range f.Participants {
		f.Participants[i].ToNFC()
	}
	for i := range f.Paths {
		f.Paths[i].ToNFC()
	}
	for i := range f.Plays {
		f.Plays[i].ToNFC()
	}
	for i := range f.Notes {
		f.Notes[i].ToNFC()
	}
}
