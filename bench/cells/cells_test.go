package cells

import (
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

// TestRoundTrip: what Write writes, Read reads back unchanged, durations
// and the optional db hits included.
func TestRoundTrip(t *testing.T) {
	want := []Cell{
		{Section: "systems", Workload: "W2a page", System: "ours", Concurrency: 16, PerSecond: 812.5,
			P50: 3200 * time.Microsecond, P99: 41 * time.Millisecond, Errors: 1, DBHits: 69},
		{Section: "paths", Workload: "network", System: "GraphQL", Concurrency: 1, P50: time.Second},
	}
	path := filepath.Join(t.TempDir(), "cells.json")
	if err := Write(path, want); err != nil {
		t.Fatal(err)
	}
	got, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("read back %+v, want %+v", got, want)
	}
}
