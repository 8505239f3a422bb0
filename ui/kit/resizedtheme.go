package kit

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// AppTheme is the theme the app's settings give, or Fyne's default. A
// theme that wraps the app's asks this at each call, not theme.Current,
// which while the wrapped objects are drawn is the wrapper itself; so a
// change of theme (light, dark) reaches them too.
func AppTheme() fyne.Theme {
	if th := fyne.CurrentApp().Settings().Theme(); th != nil {
		return th
	}
	return theme.DefaultTheme()
}

// ResizedTheme is the app's theme with its sizes passed through Resize:
// the room view's, larger with its window, and the compact rows of a
// crowded board area, with less padding.
type ResizedTheme struct {
	Resize func(name fyne.ThemeSizeName, size float32) float32
}

// Color is the app theme's.
func (t ResizedTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return AppTheme().Color(n, v)
}

// Font is the app theme's.
func (t ResizedTheme) Font(s fyne.TextStyle) fyne.Resource { return AppTheme().Font(s) }

// Icon is the app theme's.
func (t ResizedTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return AppTheme().Icon(n) }

// Size is the app theme's size as Resize changes it.
func (t ResizedTheme) Size(n fyne.ThemeSizeName) float32 { return t.Resize(n, AppTheme().Size(n)) }
