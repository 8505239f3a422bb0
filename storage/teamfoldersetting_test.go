package storage_test

import (
	"context"
	"testing"
)

// The team folder chosen in Settings is the database's: it is there when
// the file is opened again, and the check takes it as part of the file.
func TestTheTeamFolderIsKeptWithTheDatabase(t *testing.T) {
	ctx := context.Background()
	s, _ := openTestStore(t)
	path := s.Path()
	if dir, err := s.TeamFolder(ctx); err != nil || dir != "" {
		t.Fatalf("a new database's team folder = %q, %v; want none", dir, err)
	}
	const chosen = `C:\Users\anna\OneDrive - Konsult Oy\Deckhand team`
	if err := s.SetTeamFolder(ctx, chosen); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = openStore(t, path)
	if dir, err := s.TeamFolder(ctx); err != nil || dir != chosen {
		t.Fatalf("after reopening, the team folder = %q, %v; want %q", dir, err, chosen)
	}
	if err := s.SetTeamFolder(ctx, ""); err != nil {
		t.Fatal(err)
	}
	if dir, err := s.TeamFolder(ctx); err != nil || dir != "" {
		t.Fatalf("after stopping, the team folder = %q, %v; want none", dir, err)
	}
	rep, err := s.Check(ctx)
	if err != nil || !rep.OK {
		t.Fatalf("the check after choosing a team folder: %+v, %v", rep, err)
	}
}
