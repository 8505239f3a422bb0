package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// prefTheme is the look the person chose: "" follows the system,
// themeLight or themeDark forces one.
const prefTheme = "ui.theme"

const (
	themeLight = "light"
	themeDark  = "dark"
)

// fixedVariant is Fyne's theme with its light or dark variant forced, for a
// room whose projector washes out one of them whatever the laptop is set to.
// Sizes, fonts and icons stay the theme's, so Fyne's scale still applies.
type fixedVariant struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

// Color is part of fyne.Theme: the colour of the forced variant.
func (t fixedVariant) Color(name fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(name, t.variant)
}

// applyTheme sets the app's theme for a choice of prefTheme; every window
// redraws in it at once.
func applyTheme(a fyne.App, choice string) {
	switch choice {
	case themeLight:
		a.Settings().SetTheme(fixedVariant{theme.DefaultTheme(), theme.VariantLight})
	case themeDark:
		a.Settings().SetTheme(fixedVariant{theme.DefaultTheme(), theme.VariantDark})
	default:
		a.Settings().SetTheme(theme.DefaultTheme())
	}
}
