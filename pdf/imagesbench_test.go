package pdf

import (
	"bytes"
	"image"
	"image/draw"
	"image/png"
	"runtime"
	"sync"
	"testing"

	"deckhand/cards"
)

// thousandCards is the default deck grown to 1,000 cards, each its own
// code and picture.
func thousandCards(b *testing.B) *cards.Deck {
	d, err := cards.DefaultDeck()
	if err != nil {
		b.Fatal(err)
	}
	base := d.Cards
	d.Cards = make([]cards.Card, 0, 1000)
	for i := range 1000 {
		c := base[i%len(base)]
		c.Code = c.Code + "-" + string(rune('A'+i/len(base)%26)) + string(rune('a'+i/len(base)/26))
		c.Copies = 1
		d.Cards = append(d.Cards, c)
	}
	return d
}

// Drawing 1,000 card pictures at 300 dpi with 3 mm bleed, against its floor
// in the same run: encoding 1,000 pictures of the same size, filled with
// the card's colour, on as many goroutines. The ratio is what laying out
// and drawing the cards add to what writing a PNG costs anyway.
func BenchmarkThousandCardPictures(b *testing.B) {
	d := thousandCards(b)
	o := ImageOptions{Size: CardSizes["poker"], Bleed: 3, DPI: 300}
	w, h := o.PixelSize()
	var floor, pictures float64
	b.Run("floor: encode 1000 filled PNGs", func(b *testing.B) {
		for b.Loop() {
			encodeFilled(b, 1000, w, h)
		}
		floor = float64(b.Elapsed().Nanoseconds()) / float64(b.N)
	})
	b.Run("pictures: 1000 cards", func(b *testing.B) {
		for b.Loop() {
			n := 0
			if _, err := CardImages(d, o, func(string, []byte) error { n++; return nil }); err != nil || n != 1000 {
				b.Fatalf("%d pictures, %v", n, err)
			}
		}
		pictures = float64(b.Elapsed().Nanoseconds()) / float64(b.N)
	})
	if floor > 0 {
		b.Logf("1,000 pictures: %.2f s; the floor: %.2f s; ratio %.2f", pictures/1e9, floor/1e9, pictures/floor)
	}
}

// encodeFilled encodes n pictures of w × h pixels, filled with one colour,
// on GOMAXPROCS goroutines, as CardImages encodes.
func encodeFilled(b *testing.B, n, w, h int) {
	workers := runtime.GOMAXPROCS(0)
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			img := image.NewRGBA(image.Rect(0, 0, w, h))
			draw.Draw(img, img.Bounds(), image.NewUniform(rgba(RGB{17, 94, 116})), image.Point{}, draw.Src)
			enc := png.Encoder{CompressionLevel: png.BestSpeed}
			var buf bytes.Buffer
			for range jobs {
				buf.Reset()
				if err := enc.Encode(&buf, img); err != nil {
					b.Error(err)
				}
			}
		}()
	}
	for i := range n {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
}
