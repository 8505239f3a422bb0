package kit

import (
	"slices"

	"fyne.io/fyne/v2/widget"

	"deckhand/game"
	"deckhand/storage"
)

// ChooseWorkshop fills a workshop drop-down and returns the label to show:
// the workshop with id, else the one shown now, else the newest; "" when
// there is none. The drop-down lists the newest first, a day's workshops
// by title in the interface language's alphabetical order
// (storage.SortWorkshops); list keeps its own order.
func ChooseWorkshop(sel *widget.Select, list []storage.WorkshopSummary, id string, shown *game.File) string {
	list = slices.Clone(list)
	storage.SortWorkshops(list, Language())
	names := make([]string, len(list))
	chosen := ""
	for i, w := range list {
		names[i] = WorkshopLabel(w)
		if w.ID == id || (id == "" && shown != nil && w.ID == shown.Workshop.ID) {
			chosen = names[i]
		}
	}
	sel.Options = names
	if chosen == "" && len(names) > 0 {
		chosen = names[0]
	}
	return chosen
}

// WorkshopLabel is how a drop-down names a workshop: its date, title and client.
func WorkshopLabel(w storage.WorkshopSummary) string {
	label := w.Date + " " + w.Title
	if w.Client != "" {
		label += " · " + w.Client
	}
	return label
}
