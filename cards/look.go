package cards

import (
	"bytes"
	"image"
	"image/color"
	_ "image/jpeg" // a logo or icon may be a JPEG
	_ "image/png"  // or a PNG
	"os"
	"slices"

	"deckhand/message"
	"deckhand/raster"
)

// Look is a client's own look for a deck's printed matter: a logo on the
// backs, the board, the rating sheets, the guide and the report's cover,
// and the backs' colour and text. A deck without one prints as Deckhand
// designs it.
type Look struct {
	Logo       Image  `json:"logo,omitempty"`
	LogoPlace  string `json:"logo_place,omitempty"`  // where the logo sits on a back: LogoCentre (also ""), LogoTop or LogoBottom
	BackColour string `json:"back_colour,omitempty"` // "#RRGGBB" for every back; "" keeps each card type's colour
	BackText   Text   `json:"back_text,omitempty"`   // printed on every back, such as the client's name
}

// Where a logo sits on a card's back.
const (
	LogoCentre = "centre"
	LogoTop    = "top"
	LogoBottom = "bottom"
)

// LogoPlaces are the places a back's logo may take, the default first.
var LogoPlaces = []string{LogoCentre, LogoTop, LogoBottom}

// Image is a picture a deck carries: a PNG or a JPEG, as stored (deck
// JSON writes it in base64). PrepareImage is what makes one.
type Image []byte

// Limits on an image a deck carries. An image of more than MaxImageSide
// pixels a side, or MaxImagePixels in all, is refused before it is
// decoded, so a hostile file of a few bytes cannot make Deckhand fill its
// memory; one longer than StoredImageSide is scaled down once, when it is
// stored: that still prints sharp at 300 dpi on the largest place a logo
// takes (80 mm on the board).
const (
	MaxImageBytes   = 8 << 20
	MaxImageSide    = 10000
	MaxImagePixels  = 12_000_000 // in all: decoding a 16-bit or progressive picture takes 8–12 bytes a pixel
	StoredImageSide = 1200
)

// ImageInfo is what an image's header says.
type ImageInfo struct {
	Format        string // "png" or "jpeg"
	Width, Height int
}

// CheckImage reads an image's header and refuses, with one sentence, what
// a deck cannot carry: not a PNG or JPEG, too big a file or too many
// pixels, or colours in CMYK, which would print unlike the screen. what
// names the image ("the logo", "the icon of card type routine").
func CheckImage(data []byte, what message.Message) (ImageInfo, error) {
	if len(data) == 0 {
		return ImageInfo{}, refusal("%s is empty; choose a PNG or JPEG file", what)
	}
	if len(data) > MaxImageBytes {
		return ImageInfo{}, tooBig(int64(len(data)), what)
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || (format != "png" && format != "jpeg") {
		return ImageInfo{}, refusal("%s is not a PNG or JPEG picture Deckhand can read; save it as PNG and choose it again", what)
	}
	if cfg.Width < 1 || cfg.Height < 1 || cfg.Width > MaxImageSide || cfg.Height > MaxImageSide {
		return ImageInfo{}, refusal("%s is %d × %d pixels, more than the %d a side a deck takes; save it smaller and choose it again", what, cfg.Width, cfg.Height, MaxImageSide)
	}
	if cfg.Width*cfg.Height > MaxImagePixels {
		return ImageInfo{}, refusal("%s is %d × %d pixels, %.1f million in all, more than the %d million a deck takes; save it smaller and choose it again", what, cfg.Width, cfg.Height, float64(cfg.Width*cfg.Height)/1e6, MaxImagePixels/1_000_000)
	}
	if cfg.ColorModel == color.CMYKModel {
		return ImageInfo{}, refusal("%s is in CMYK colours, which would print unlike the screen; save it in RGB (sRGB) and choose it again", what)
	}
	return ImageInfo{Format: format, Width: cfg.Width, Height: cfg.Height}, nil
}

// checkLook refuses a look a deck cannot print.
func checkLook(l *problemList, d *Deck) {
	if lk := d.Look; lk != nil {
		if len(lk.Logo) > 0 {
			if _, err := CheckImage(lk.Logo, message.Word("the logo")); err != nil {
				l.refused("look", err)
			}
		}
		if lk.LogoPlace != "" && !slices.Contains(LogoPlaces, lk.LogoPlace) {
			l.deck("look", "the logo's place %q must be centre, top or bottom", lk.LogoPlace)
		}
		if lk.BackColour != "" && !colourPattern.MatchString(lk.BackColour) {
			l.deck("look", "the backs' colour %q is not of the form #RRGGBB", lk.BackColour)
		}
	}
	for _, t := range d.CardTypes {
		if len(t.Icon) > 0 {
			if _, err := CheckImage(t.Icon, message.Say("the icon of card type %s", t.Key)); err != nil {
				l.refused("card_types", err)
			}
		}
	}
}

// Clone copies the look, its logo and texts with it.
func (lk *Look) Clone() *Look {
	if lk == nil {
		return nil
	}
	c := *lk
	c.Logo = slices.Clone(lk.Logo)
	c.BackText = lk.BackText.Clone()
	return &c
}

// PrepareImage checks an image and makes it what a deck stores: refused
// with one sentence when it cannot be carried or read to its end, scaled
// once to StoredImageSide when larger, else kept byte for byte.
func PrepareImage(data []byte, what message.Message) (Image, error) {
	if _, err := CheckImage(data, what); err != nil {
		return nil, err
	}
	img, err := raster.Decode(data)
	if err != nil {
		return nil, refusal("%s is damaged and cannot be read to its end; save it again and choose it again", what)
	}
	fitted, err := raster.FitImage(data, img, StoredImageSide)
	if err != nil {
		return nil, refusal("%s could not be scaled down (%v); save it smaller and choose it again", what, err)
	}
	return fitted, nil
}

// prepareImages makes the deck's logo and icons what a deck stores, as
// PrepareImage does each.
func (d *Deck) prepareImages() error {
	if d.Look != nil && len(d.Look.Logo) > 0 {
		logo, err := PrepareImage(d.Look.Logo, message.Word("the logo"))
		if err != nil {
			return err
		}
		d.Look.Logo = logo
	}
	for i, t := range d.CardTypes {
		if len(t.Icon) > 0 {
			icon, err := PrepareImage(t.Icon, message.Say("the icon of card type %s", t.Key))
			if err != nil {
				return err
			}
			d.CardTypes[i].Icon = icon
		}
	}
	return nil
}

// ReadImageFile reads a picture file and prepares it as a deck stores it
// (PrepareImage), refusing a file too big before reading it.
func ReadImageFile(path string, what message.Message) (Image, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if info.Size() > MaxImageBytes {
		return nil, tooBig(info.Size(), what)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return PrepareImage(data, what)
}

// tooBig refuses a picture file of size bytes.
func tooBig(size int64, what message.Message) error {
	return refusal("%s is a file of %d MB, more than the %d MB a deck takes; save it smaller and choose it again", what, (size+(1<<20)-1)>>20, MaxImageBytes>>20)
}
