package importer

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"slices"

	"github.com/innograph/innograph/graph/model"
)

// The indexes a load keeps across rows hold fixed-size hashes and
// positions, not ids, keys or values, so their memory is a few dozen bytes
// a node or relationship whatever the rows hold. Ids and relationship keys
// are hashed to 128 bits (FNV-1a): two different ones meet with odds of
// about n²/2¹²⁹, below 10⁻²⁴ for 10⁸ rows. Values are compared by a 64-bit
// hash of their JSON, and only between rows of the same id or key.

// key is the 128-bit hash of a node id or a relationship key.
type key [16]byte

func hashKey(s string) key {
	h := fnv.New128a()
	h.Write([]byte(s))
	var k key
	h.Sum(k[:0])
	return k
}

// hashValues hashes validated properties: equal maps give equal JSON
// (encoding/json sorts map keys).
func hashValues(props map[string]any) uint64 {
	b, err := json.Marshal(props)
	if err != nil {
		b = fmt.Append(nil, props) // validated values always marshal; this is a fallback only
	}
	h := fnv.New64a()
	h.Write(b)
	return h.Sum64()
}

// at is a compact Pos: the index of its file in the load and its line.
type at struct {
	line uint32
	file uint16
}

// nodeEntry is what a load keeps of a node id: its first valid row.
type nodeEntry struct {
	values uint64
	at     at
	kind   kindCode
	// inDB: the database holds the id with another kind, so the row was
	// rejected and relationships see the database's kind.
	inDB    bool
	created bool // written and created by this load
}

// relationEntry is what a load keeps of a relationship key: its first valid row.
type relationEntry struct {
	values uint64
	at     at
}

// kindCode is a node kind in one byte: its place in model.AllNodeKind plus
// one; 0 is no kind.
type kindCode uint8

func codeOf(k model.NodeKind) kindCode {
	return kindCode(slices.Index(model.AllNodeKind, k) + 1)
}

func (c kindCode) kind() model.NodeKind {
	if c == 0 {
		return ""
	}
	return model.AllNodeKind[c-1]
}
