package pdf

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"image/png"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"deckhand/cards"
	"deckhand/raster"
)

// ImageOptions are the settings of card pictures: one PNG a card face and,
// with Backs, one a back design, each at exactly (cut size + 2 × bleed) ×
// DPI pixels, drawn from the same laid-out Face as the PDF.
type ImageOptions struct {
	Lang  string  // language of the card texts; the deck's default when empty or missing
	Size  Size    // the card's cut size
	Bleed float64 // mm of background beyond the cut line on every side, 0–5
	DPI   int     // pixels an inch
	Safe  float64 // mm inside the cut that text keeps to (DefaultSafe)
	Proof bool    // draw the cut line and the safe zone over each picture
	Backs bool    // a picture of each card type's back as well
	Only  []string
	// Numbered puts each front's place in the deck before its name,
	// "001-R01-front.png", so that a folder sorted by name keeps the
	// deck's order.
	Numbered bool
	// Workers draw and encode pictures side by side; GOMAXPROCS when 0.
	Workers int
	// Progress, when set, is called after each picture is saved with the
	// pictures done and in all.
	Progress func(done, total int)
}

// DefaultImageOptions are poker cards at 300 dpi without bleed.
func DefaultImageOptions() ImageOptions {
	return ImageOptions{Size: CardSizes["poker"], DPI: 300, Safe: DefaultSafe}
}

// The resolutions a card picture may have: below 72 dpi a card's small
// print is unreadable, above 1200 no print shop asks for it.
const (
	MinDPI = 72
	MaxDPI = 1200
)

// Check refuses options that cannot draw, before anything is written.
func (o ImageOptions) Check() error {
	switch {
	case o.DPI < MinDPI || o.DPI > MaxDPI:
		return refusal("the resolution must be between %d and %d dpi, not %d", MinDPI, MaxDPI, o.DPI)
	case o.Bleed < 0 || o.Bleed > MaxBleed:
		return refusal("bleed must be between 0 and %d mm, not %g", MaxBleed, o.Bleed)
	case o.Size.W <= 0 || o.Size.H <= 0:
		return refusal("choose a card size")
	}
	if err := checkSafe(o.Safe, o.Size); err != nil {
		return err
	}
	return nil
}

// PixelSize is how many pixels wide and high each picture is.
func (o ImageOptions) PixelSize() (w, h int) {
	dpi := float64(o.DPI)
	return pixels(o.Size.W+2*o.Bleed, dpi), pixels(o.Size.H+2*o.Bleed, dpi)
}

// CardImagesResult says what a picture run made.
type CardImagesResult struct {
	Images int
	Issues []Issue // what laying out the sides found, as preflight says it
}

// pictureJob is one picture to draw: a card's front or a type's back.
type pictureJob struct {
	name string
	card *cards.Card // nil for a back
	back string      // the card type of a back
}

// drawn is a picture encoded, or why it could not be.
type drawn struct {
	png    []byte
	issues []Issue
	err    error
}

// CardImages draws the selected cards' faces (and with Backs the backs of
// their types) and hands each PNG to save, in the deck's order, on the
// calling goroutine; the drawing runs on Workers goroutines. A card's file
// is named by its code and side, "R01-front.png" (with Numbered, after
// its place: "001-R01-front.png"), a back by its type, "back-routine.png". An error from save stops the run.
func CardImages(d *cards.Deck, o ImageOptions, save func(name string, png []byte) error) (CardImagesResult, error) {
	if err := o.Check(); err != nil {
		return CardImagesResult{}, err
	}
	jobs, err := pictureJobs(d, o)
	if err != nil {
		return CardImagesResult{}, err
	}
	m, err := newMeasurer()
	if err != nil {
		return CardImagesResult{}, err
	}
	workers := o.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, len(jobs))
	lang := d.Lang(o.Lang)
	// Each job has its own result channel, read in order: pictures are
	// saved in the deck's order however the workers finish. A job is handed
	// out only while fewer than 2 × workers pictures wait to be saved, so
	// memory holds a few pictures, not the deck's.
	results := make([]chan drawn, len(jobs))
	for i := range results {
		results[i] = make(chan drawn, 1)
	}
	next := make(chan int)
	room := make(chan struct{}, 2*workers)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			pic, err := newPicturer(m, d, lang, o)
			for i := range next {
				if err != nil {
					results[i] <- drawn{err: err}
					continue
				}
				results[i] <- pic.draw(jobs[i])
			}
		}()
	}
	go func() {
		defer close(next)
		for i := range jobs {
			select {
			case room <- struct{}{}:
			case <-stop:
				return
			}
			select {
			case next <- i:
			case <-stop:
				return
			}
		}
	}()
	defer wg.Wait()
	defer close(stop)
	var res CardImagesResult
	var found issueSet
	for i, job := range jobs {
		r := <-results[i]
		<-room
		if r.err != nil {
			return res, r.err
		}
		found.add(r.issues...)
		if err := save(job.name, r.png); err != nil {
			return res, err
		}
		res.Images++
		if o.Progress != nil {
			o.Progress(res.Images, len(jobs))
		}
	}
	res.Issues = found.list
	return res, nil
}

// pictureJobs lists the pictures to draw: every selected card once (its
// copies are the same picture), then the backs of the types among them in
// the order of the deck's card types.
func pictureJobs(d *cards.Deck, o ImageOptions) ([]pictureJob, error) {
	list, _, err := selection(d, CardOptions{Only: o.Only})
	if err != nil {
		return nil, err
	}
	var jobs []pictureJob
	names := map[string]bool{}
	unique := func(base string) string {
		name := base + ".png"
		for n := 2; names[strings.ToLower(name)]; n++ {
			name = fmt.Sprintf("%s-%d.png", base, n)
		}
		names[strings.ToLower(name)] = true
		return name
	}
	var last *cards.Card
	types := map[string]bool{}
	for _, c := range list {
		if c == last {
			continue
		}
		last = c
		name := fileSafe(c.Code) + "-front"
		if o.Numbered {
			name = fmt.Sprintf("%0*d-%s", max(3, len(strconv.Itoa(len(list)))), len(jobs)+1, name)
		}
		jobs = append(jobs, pictureJob{name: unique(name), card: c})
		types[c.Type] = true
	}
	if !o.Backs {
		return jobs, nil
	}
	for _, t := range d.CardTypes {
		if types[t.Key] {
			jobs = append(jobs, pictureJob{name: unique("back-" + fileSafe(t.Key)), back: t.Key})
			delete(types, t.Key)
		}
	}
	for _, c := range list { // a type the deck does not define, in the cards' order
		if types[c.Type] {
			jobs = append(jobs, pictureJob{name: unique("back-" + fileSafe(c.Type)), back: c.Type})
			delete(types, c.Type)
		}
	}
	return jobs, nil
}

// fileSafe keeps letters, digits, "-" and "_" of a code or key, and makes
// every other character "_", so that a name is a file name on Windows,
// macOS and Linux alike.
func fileSafe(s string) string {
	out := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' {
			return r
		}
		return '_'
	}, s)
	if out == "" {
		return "card"
	}
	return out
}

// picturer draws pictures on one goroutine: fonts keep buffers of their own.
type picturer struct {
	m     measurer
	deck  *cards.Deck
	lang  string
	o     ImageOptions
	fonts *raster.Fonts
	buf   bytes.Buffer
	enc   png.Encoder
}

func newPicturer(m measurer, d *cards.Deck, lang string, o ImageOptions) (*picturer, error) {
	f, err := raster.NewFonts()
	if err != nil {
		return nil, fmt.Errorf("load the print font: %w", err)
	}
	return &picturer{m: m, deck: d, lang: lang, o: o, fonts: f, enc: png.Encoder{CompressionLevel: png.BestSpeed}}, nil
}

func (p *picturer) draw(job pictureJob) drawn {
	var face Face
	var issues []Issue
	if job.card != nil {
		face, issues = layoutFront(p.m, p.deck, *job.card, p.lang, p.o.Size, p.o.Safe)
	} else {
		face, issues = layoutBack(p.m, p.deck, job.back, p.lang, p.o.Size, p.o.Safe)
	}
	if p.o.Proof {
		face = withProof(face, p.o.Safe)
	}
	img, err := facePicture(face, p.o, p.fonts)
	if err != nil {
		return drawn{err: err}
	}
	p.buf.Reset()
	if err := p.enc.Encode(&p.buf, img); err != nil {
		return drawn{err: fmt.Errorf("encode %s: %w", job.name, err)}
	}
	return drawn{png: withResolution(p.buf.Bytes(), p.o.DPI), issues: issues}
}

// facePicture draws a laid-out side with bleed all round at the options'
// resolution.
func facePicture(f Face, o ImageOptions, fonts *raster.Fonts) (*image.RGBA, error) {
	w, h := o.PixelSize()
	scale := float64(o.DPI) / mmPerInch
	cv := raster.NewCanvas(w, h, scale, rgba(white), fonts)
	cv.Origin = raster.Point{X: o.Bleed * scale, Y: o.Bleed * scale}
	b := o.Bleed
	if err := paintFace(cv, f, sides{b, b, b, b}); err != nil {
		return nil, err
	}
	return cv.Img, nil
}

// withResolution returns a PNG with a pHYs chunk saying dpi, right after
// its header, so that a print shop's software sizes the picture to the
// card rather than guessing 72 or 96 dpi. The encoder writes none.
func withResolution(encoded []byte, dpi int) []byte {
	const header = 8 + 8 + 13 + 4 // signature, then IHDR's length, type, data and CRC
	perMetre := uint32(float64(dpi)/0.0254 + 0.5)
	chunk := make([]byte, 0, 21)
	chunk = binary.BigEndian.AppendUint32(chunk, 9)
	chunk = append(chunk, "pHYs"...)
	chunk = binary.BigEndian.AppendUint32(chunk, perMetre)
	chunk = binary.BigEndian.AppendUint32(chunk, perMetre)
	chunk = append(chunk, 1) // the unit is the metre
	chunk = binary.BigEndian.AppendUint32(chunk, crc32.ChecksumIEEE(chunk[4:]))
	out := make([]byte, 0, len(encoded)+len(chunk))
	out = append(out, encoded[:header]...)
	out = append(out, chunk...)
	return append(out, encoded[header:]...)
}
