package cards

// Text pasted from macOS or copied out of a PDF often holds "a" followed by
// a combining diaeresis instead of the one letter "ä"; printed, it shows as
// "a¨", and searching for "ä" does not find it. Every text of a deck is put
// in normal form C when the deck is read from a file and when it is stored,
// so what is kept is always the composed letter.

// toNFC puts every text of the deck, its vocabulary and its cards in
// normal form C.
func (d *Deck) toNFC() {
	d.Name, d.Client = NFC(d.Name), NFC(d.Client)
	nfcText(d.Description)
	for i := range d.CardTypes {
		nfcText(d.CardTypes[i].Name)
		nfcText(d.CardTypes[i].Back)
	}
	for _, terms := range [][]Term{d.Themes, d.Levels} {
		for i := range terms {
			nfcText(terms[i].Name)
		}
	}
	for i := range d.Board.Areas {
		nfcText(d.Board.Areas[i].Name)
		nfcText(d.Board.Areas[i].Question)
	}
	for i := range d.Criteria {
		nfcText(d.Criteria[i].Name)
	}
	if d.Look != nil {
		nfcText(d.Look.BackText)
	}
	for i := range d.Cards {
		c := &d.Cards[i]
		c.Code = NFC(c.Code)
		for j := range c.Tags {
			c.Tags[j] = NFC(c.Tags[j])
		}
		nfcText(c.Title)
		nfcText(c.Body)
	}
}

func nfcText(t Text) {
	for k, v := range t {
		t[k] = NFC(v)
	}
}
