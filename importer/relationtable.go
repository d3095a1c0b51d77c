package importer

import "encoding/binary"

// relationTable is the index of relationship keys: an open-addressing hash
// table (linear probing) sized once, from the first pass's count of
// relationship rows, at a load of at most four fifths. Its slots are the
// key and the entry, 32 bytes, so a key costs about 40 bytes; a Go map of
// the same entries cost 75 (measured: 86 MB for the 1.08M keys of a
// 100,000-node synthetic graph at density 2), as its groups and directory
// round up to powers of two — the difference between fitting a
// 1M-node, 11M-relationship load in a gigabyte and not. Keys are already
// uniformly spread hashes, so their first bytes pick the slot.
type relationTable struct {
	slots []relationSlot
	used  int
}

type relationSlot struct {
	key   key // the zero key marks a free slot (see slotKey)
	entry relationEntry
}

// newRelationTable is a table for about rows keys.
func newRelationTable(rows int) *relationTable {
	return &relationTable{slots: make([]relationSlot, rows+rows/4+1)}
}

// slotKey keeps the zero key free to mark empty slots: a key that hashed
// to zero (odds 2⁻¹²⁸) is stored as another key no other one equals with
// better odds than any two keys collide.
func slotKey(k key) key {
	if k == (key{}) {
		k[len(k)-1] = 1
	}
	return k
}

// find is the slot of k, or the free slot where it would go.
func (t *relationTable) find(k key) *relationSlot {
	i := binary.LittleEndian.Uint64(k[:8]) % uint64(len(t.slots))
	for {
		s := &t.slots[i]
		if s.key == k || s.key == (key{}) {
			return s
		}
		if i++; i == uint64(len(t.slots)) {
			i = 0
		}
	}
}

// get is k's entry, if k was added.
func (t *relationTable) get(k key) (relationEntry, bool) {
	s := t.find(slotKey(k))
	return s.entry, s.key != (key{})
}

// add records k's entry; k must not be in the table yet. A table fuller
// than its load bound (a source that yields more rows than it counted)
// grows to twice its size first.
func (t *relationTable) add(k key, e relationEntry) {
	if (t.used+1)*5 > len(t.slots)*4 {
		old := t.slots
		t.slots, t.used = make([]relationSlot, 2*len(old)+1), 0
		for _, s := range old {
			if s.key != (key{}) {
				t.add(s.key, s.entry)
			}
		}
	}
	k = slotKey(k)
	*t.find(k) = relationSlot{key: k, entry: e}
	t.used++
}
