package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"deckhand/assets"
	"deckhand/ui/kit"
)

// aboutItem is Help → About Deckhand. It reads the app's metadata when
// chosen (main sets it from FyneApp.toml), so the dialog shows the version
// the running binary was built from.
func aboutItem(a fyne.App, w fyne.Window, dbPath string) *fyne.MenuItem {
	return fyne.NewMenuItem(lang.L("About Deckhand"), func() { showAbout(w, a.Metadata(), dbPath) })
}

// showAbout says which Deckhand this is and which file it works on: what a
// person reporting a problem, or looking for their data, needs to know. It
// also carries the licence of the font Deckhand embeds in what it prints,
// which the licence asks to travel with the font.
func showAbout(w fyne.Window, meta fyne.AppMetadata, dbPath string) {
	name := meta.Name
	if name == "" {
		name = "Deckhand"
	}
	version := widget.NewLabel(fmt.Sprintf(lang.L("Version %s, build %d"), meta.Version, meta.Build))
	version.Selectable = true
	about := widget.NewLabel(lang.L("The facilitator's companion for the 4K card game on responsible use of customer data: decks, print-ready cards and workshop records, all offline."))
	about.Wrapping = fyne.TextWrapWord
	font := widget.NewLabel(lang.L("Cards, boards and sheets are printed in Liberation Sans, under the SIL Open Font License 1.1."))
	font.Wrapping = fyne.TextWrapWord
	licence := widget.NewLabel(assets.FontLicence)
	licence.Wrapping = fyne.TextWrapWord
	licence.SizeName = theme.SizeNameCaptionText
	licenceScroll := container.NewVScroll(licence)
	licenceScroll.SetMinSize(fyne.NewSize(0, 180))
	db := widget.NewLabel(dbPath)
	db.Selectable = true // so the path can be copied into a file manager or a message
	db.Wrapping = fyne.TextWrapBreak
	content := container.NewVBox(
		widget.NewLabelWithStyle(name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		version,
		about,
		widget.NewSeparator(),
		widget.NewLabelWithStyle(lang.L("Database file"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		db,
		widget.NewSeparator(),
		font,
		widget.NewAccordion(widget.NewAccordionItem(lang.L("Font licence"), licenceScroll)),
	)
	d := kit.NewCustom(w, lang.L("About Deckhand"), lang.L("Close"), content)
	d.Resize(fyne.NewSize(620, 0)) // wide enough for the texts to wrap into a few lines
	d.Show()
}
