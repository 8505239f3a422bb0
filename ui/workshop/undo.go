package workshop

// action is one thing the note-taker did that can be undone and redone.
// Both directions are saves of records whose ids were made before the first
// save, so undoing and redoing any number of times never duplicates
// anything.
type action struct {
	name string // for the status line: "placed R07"
	undo func() error
	redo func() error
	// shows, when set, shows what follows the action undone (true) or
	// redone, in place of the workshop shown read again: the deletion of
	// a workshop shows it again when undone, another when redone.
	shows func(undone bool)
	// apply, when set, puts what the action's first doing saved into the
	// workshop shown, as the store returned it, in place of reading the
	// whole workshop again: a rating is one record added. An undo or a
	// redo reads the workshop again, as their saves change what the
	// screen holds (the record's state and stamps) beyond what they return.
	apply func()
}

// history keeps the last actions for Ctrl+Z and Ctrl+Y.
type history struct {
	done   []action
	undone []action
}

// maxHistory is how far back undo reaches.
const maxHistory = 100

// push records an action just done; it clears what was undone.
func (h *history) push(a action) {
	h.done = append(h.done, a)
	if len(h.done) > maxHistory {
		h.done = h.done[len(h.done)-maxHistory:]
	}
	h.undone = nil
}

// undo reverses the last action; ok is false when there is nothing to undo.
func (h *history) undo() (a action, ok bool, err error) {
	if len(h.done) == 0 {
		return action{}, false, nil
	}
	a = h.done[len(h.done)-1]
	if err := a.undo(); err != nil {
		return a, true, err
	}
	h.done = h.done[:len(h.done)-1]
	h.undone = append(h.undone, a)
	return a, true, nil
}

// redo repeats the last undone action.
func (h *history) redo() (a action, ok bool, err error) {
	if len(h.undone) == 0 {
		return action{}, false, nil
	}
	a = h.undone[len(h.undone)-1]
	if err := a.redo(); err != nil {
		return a, true, err
	}
	h.undone = h.undone[:len(h.undone)-1]
	h.done = append(h.done, a)
	return a, true, nil
}

func (h *history) clear() { h.done, h.undone = nil, nil }

// onceThenRestore is the redo of an action that made a new record: the
// first call saves it; a redo after an undo restores its tombstone.
func onceThenRestore(save, restore func() error) func() error {
	saved := false
	return func() error {
		if saved {
			return restore()
		}
		if err := save(); err != nil {
			return err
		}
		saved = true
		return nil
	}
}
