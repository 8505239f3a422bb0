package pdf

import (
	"sort"
	"strings"
)

// Preset is a print shop's template for a card: its cut size, bleed and
// safe zone, and the resolution it takes pictures at. A card print with a
// preset is one card a page with TrimBox and BleedBox and no marks; card
// pictures are (cut + 2 × bleed) × DPI pixels, the shop's template size.
// The figures, and where they come from, are in docs/printing.md.
type Preset struct {
	Name  string
	Label string // the shop and card, for lists
	Size  Size
	Bleed float64 // mm beyond the cut, each side
	Safe  float64 // mm inside the cut
	DPI   int
	// Numbered pictures carry their place in the deck ("001-R01-front.png"),
	// for a shop that lays images out in the order they are uploaded.
	Numbered bool
}

const inch = 25.4

// Presets are the print shops' templates Deckhand knows.
var Presets = map[string]Preset{
	// The Game Crafter's poker card: 2.5 × 3.5 in cut, 1/8 in bleed and
	// safe zone, 825 × 1125 pixels at 300 dpi.
	"tgc-poker": {Name: "tgc-poker", Label: "The Game Crafter, poker card", Size: CardSizes["poker"], Bleed: inch / 8, Safe: inch / 8, DPI: 300},
	// The Game Crafter's bridge card: 2.25 × 3.5 in cut, 750 × 1125 pixels.
	"tgc-bridge": {Name: "tgc-bridge", Label: "The Game Crafter, bridge card", Size: CardSizes["bridge"], Bleed: inch / 8, Safe: inch / 8, DPI: 300},
	// MakePlayingCards' poker card: 822 × 1122 pixels at 300 dpi for a
	// 2.5 × 3.5 in cut, a bleed of 0.12 in.
	"mpc-poker": {Name: "mpc-poker", Label: "MakePlayingCards, poker card", Size: CardSizes["poker"], Bleed: 0.12 * inch, Safe: inch / 8, DPI: 300, Numbered: true},
	// The common European print shop's asking: 3 mm bleed, text 4 mm
	// inside the cut, on a poker card.
	"shop-3mm": {Name: "shop-3mm", Label: "Any print shop, 3 mm bleed, poker card", Size: CardSizes["poker"], Bleed: 3, Safe: 4, DPI: 300, Numbered: true},
}

// PresetNames are the presets' names, sorted.
func PresetNames() []string {
	out := make([]string, 0, len(Presets))
	for k := range Presets {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// ParsePreset finds a preset by name.
func ParsePreset(name string) (Preset, error) {
	if p, ok := Presets[strings.ToLower(strings.TrimSpace(name))]; ok {
		return p, nil
	}
	return Preset{}, refusal("unknown print-shop preset %q; use %s", name, strings.Join(PresetNames(), ", "))
}

// Apply sets a card print to the preset: its card, bleed and safe zone,
// one card a page, no marks.
func (p Preset) Apply(o *CardOptions) {
	o.Size, o.Bleed, o.Safe, o.Layout, o.Marks = p.Size, p.Bleed, p.Safe, LayoutSingle, false
}

// ApplyImages sets card pictures to the preset: its card, bleed, safe zone
// and resolution.
func (p Preset) ApplyImages(o *ImageOptions) {
	o.Size, o.Bleed, o.Safe, o.DPI, o.Numbered = p.Size, p.Bleed, p.Safe, p.DPI, p.Numbered
}
