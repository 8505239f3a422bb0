package kit

import (
	"fmt"
	"image/color"
)

// HexColour is a deck's colour ("#2B6E2F") as Fyne draws it; a colour the
// deck writes wrongly is drawn grey rather than refused on screen.
func HexColour(hex string) color.NRGBA {
	var r, g, b uint8
	if _, err := fmt.Sscanf(hex, "#%02x%02x%02x", &r, &g, &b); err != nil {
		return color.NRGBA{94, 94, 94, 255}
	}
	return color.NRGBA{r, g, b, 255}
}

// WithAlpha is c with opacity a, for an area's tinted background.
func WithAlpha(c color.NRGBA, a uint8) color.NRGBA {
	c.A = a
	return c
}
