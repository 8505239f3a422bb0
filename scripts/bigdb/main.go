//go:build bigdb

// Command bigdb makes a big Deckhand database to measure the Results side
// against: 2,000 workshops (or the number given) of several tables and
// 40 to 60 rated cards each, made by storagetest.FillWorkshops, in a new
// file. It is built only with the bigdb tag, so that go build and go test
// of ./... leave it out:
//
//	go run -tags migrated_fynedo,bigdb ./scripts/bigdb [-n 2000] FILE
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"deckhand/storage"
	"deckhand/storage/storagetest"
)

func main() {
	n := flag.Int("n", 2000, "how many workshops")
	seed := flag.Uint64("seed", 1, "the same seed makes the same workshops")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: go run -tags migrated_fynedo,bigdb ./scripts/bigdb [-n 2000] [-seed 1] FILE")
		os.Exit(2)
	}
	if err := makeBig(flag.Arg(0), *n, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "bigdb:", err)
		os.Exit(1)
	}
}

// makeBig fills a new database at path with n workshops.
func makeBig(path string, n int, seed uint64) error {
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("%s exists; give a new file", path)
	}
	s, err := storage.Open(path)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := storagetest.SeedDefaultDeck(s); err != nil {
		return err
	}
	start := time.Now()
	err = storagetest.FillWorkshops(context.Background(), s, n, seed, func(done int) {
		if done%100 == 0 || done == n {
			fmt.Fprintf(os.Stderr, "\r%d of %d workshops", done, n)
		}
	})
	fmt.Fprintln(os.Stderr)
	if err != nil {
		return err
	}
	fmt.Printf("wrote %s: %d workshops in %.1f s\n", path, n, time.Since(start).Seconds())
	return s.Close()
}
