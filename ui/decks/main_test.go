package decks

import (
	"testing"

	"deckhand/ui/internal/uitest"
)

func TestMain(m *testing.M) { uitest.Main(m) }
