package game_test

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"deckhand/game"
)

// AppendJSON writes a workshop's results to the bytes encoding/json's
// indenting Encoder writes, or fails as it fails, whatever the results
// hold: every field of every type in them is filled at random, with the
// strings, numbers and times JSON writes in a way of its own. A field
// added to those types and not to AppendJSON fails here.
func TestAppendJSONWritesWhatEncodingJSONWrites(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	for i := range 400 {
		r := &game.WorkshopResults{}
		// Most are without what JSON cannot hold, which encoding/json
		// writes in the end for AppendJSON too.
		fill(reflect.ValueOf(r).Elem(), rnd, i%4 == 0)
		r.Workshop.Deck = nil // as results are written: WithoutDeck
		appendsAsEncodingJSON(t, i, r)
	}
	r := game.Results(exportFile(t)).WithoutDeck()
	appendsAsEncodingJSON(t, -1, r)
	appendsAsEncodingJSON(t, -2, []game.CardSummary{{Code: "R01", Title: "<a & b>"}})
}

func appendsAsEncodingJSON(t *testing.T, i int, v any) {
	t.Helper()
	var want bytes.Buffer
	enc := json.NewEncoder(&want)
	enc.SetIndent("    ", "  ")
	enc.SetEscapeHTML(false)
	wantErr := enc.Encode(v)
	got, err := game.AppendJSON([]byte("lead"), v, "    ", "  ")
	switch {
	case wantErr != nil:
		if err == nil || err.Error() != wantErr.Error() {
			t.Errorf("%d: AppendJSON fails with %v, encoding/json with %v", i, err, wantErr)
		}
	case err != nil:
		t.Errorf("%d: AppendJSON fails: %v", i, err)
	case string(got) != "lead"+string(bytes.TrimSuffix(want.Bytes(), []byte("\n"))):
		t.Errorf("%d: AppendJSON writes\n%s\nencoding/json\n%s", i, got[4:], want.Bytes())
	}
}

// fill sets v and everything in it to random values; pointers stay nil,
// and a list or map is nil, empty or holds up to three. Only if wild are
// there numbers and times JSON has not.
func fill(v reflect.Value, rnd *rand.Rand, wild bool) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(randomText(rnd))
	case reflect.Int, reflect.Int64:
		v.SetInt(int64(rnd.IntN(2001) - 1000))
	case reflect.Float64:
		v.SetFloat(randomNumber(rnd, wild))
	case reflect.Bool:
		v.SetBool(rnd.IntN(2) == 0)
	case reflect.Slice:
		if n := rnd.IntN(5) - 1; n >= 0 {
			v.Set(reflect.MakeSlice(v.Type(), n, n))
			for i := range n {
				fill(v.Index(i), rnd, wild)
			}
		}
	case reflect.Map:
		if n := rnd.IntN(5) - 1; n >= 0 {
			v.Set(reflect.MakeMap(v.Type()))
			for range n {
				key, value := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
				fill(key, rnd, wild)
				fill(value, rnd, wild)
				v.SetMapIndex(key, value)
			}
		}
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[time.Time]() {
			v.Set(reflect.ValueOf(randomTime(rnd, wild)))
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i), rnd, wild)
			}
		}
	}
}

func randomText(rnd *rand.Rand) string {
	if rnd.IntN(4) == 0 {
		return ""
	}
	parts := []string{"a", "Bord 1", "å", "ö", `"`, `\`, "\n", "\r", "\t", "\b", "\f", "\x00", "\x1f", "\x7f", "<", ">", "&",
		"\u2028", "\u2029", "\xff", "\xe2\x80", "€", "{", "}", "[", "]", ",", ":", " "}
	var b []byte
	for range 1 + rnd.IntN(6) {
		b = append(b, parts[rnd.IntN(len(parts))]...)
	}
	return string(b)
}

func randomNumber(rnd *rand.Rand, wild bool) float64 {
	special := []float64{0, math.Copysign(0, -1), 1e-7, 1e-6, 9.99e-7, 1e20, 1e21, 1.5e300, -2.25, 3, 4.5, 1.0 / 3}
	if wild {
		special = append(special, math.NaN(), math.Inf(1))
	}
	if rnd.IntN(3) == 0 {
		return special[rnd.IntN(len(special))]
	}
	return (rnd.Float64() - 0.5) * math.Pow(10, float64(rnd.IntN(30)-10))
}

func randomTime(rnd *rand.Rand, wild bool) time.Time {
	zones := []*time.Location{time.UTC, time.FixedZone("EET", 2*3600), time.FixedZone("", -(5*3600 + 30*60)), time.FixedZone("", 3600+7)}
	years := []int{2026, 1999, 0, 9999}
	if wild {
		zones = append(zones, time.FixedZone("", 24*3600), time.FixedZone("", -25*3600))
		years = append(years, 10000, -1)
	}
	year := 2026
	if rnd.IntN(3) == 0 {
		year = years[rnd.IntN(len(years))]
	}
	zone := time.UTC
	if rnd.IntN(2) == 0 {
		zone = zones[rnd.IntN(len(zones))]
	}
	return time.Date(year, time.Month(1+rnd.IntN(12)), 1+rnd.IntN(28), rnd.IntN(24), rnd.IntN(60), rnd.IntN(60), rnd.IntN(3)*rnd.IntN(1e9), zone)
}
