package importer

import (
	"fmt"
	"testing"
)

// TestRelationTable: every key added is found with its entry, keys never
// added are not, also when the table was sized for fewer keys than it got
// (it grows) and for the zero key, which marks free slots.
func TestRelationTable(t *testing.T) {
	for _, sized := range []int{0, 10, 5000} {
		t.Run(fmt.Sprint("sized for ", sized), func(t *testing.T) {
			table := newRelationTable(sized)
			keys := []key{{}} // the zero key first
			for i := range 5000 {
				keys = append(keys, hashKey(fmt.Sprint("rel-", i)))
			}
			for i, k := range keys {
				if _, ok := table.get(k); ok {
					t.Fatalf("key %d found before it was added", i)
				}
				table.add(k, relationEntry{values: uint64(i), at: at{line: uint32(i), file: 1}})
			}
			for i, k := range keys {
				e, ok := table.get(k)
				if !ok || e.values != uint64(i) || e.at.line != uint32(i) {
					t.Fatalf("key %d: got %+v, %v", i, e, ok)
				}
			}
			for i := range 1000 {
				if _, ok := table.get(hashKey(fmt.Sprint("other-", i))); ok {
					t.Fatalf("a key never added was found")
				}
			}
			if table.used != len(keys) || table.used*5 > len(table.slots)*4 {
				t.Errorf("%d keys in %d slots", table.used, len(table.slots))
			}
		})
	}
}
