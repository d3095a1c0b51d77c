// Package cells is a bench run's measured cells as JSON: bench -json writes
// them, and bench/scale reads the runs of different graph sizes to put them
// side by side.
package cells

import (
	"encoding/json"
	"os"
	"time"
)

// Cell is one workload measured on one system at one concurrency.
type Cell struct {
	// Section is "paths" (GraphQL next to the driver) or "systems" (W1–W6).
	Section     string        `json:"section"`
	Workload    string        `json:"workload"`
	System      string        `json:"system"`
	Concurrency int           `json:"concurrency"`
	PerSecond   float64       `json:"perSecond"`
	P50         time.Duration `json:"p50"`
	P99         time.Duration `json:"p99"`
	Errors      int64         `json:"errors"`
	// DBHits is what one request of the workload cost Neo4j, PROFILEd on
	// the first parameter set; 0 where bench does not trace it.
	DBHits int64 `json:"dbHits,omitempty"`
}

// Write writes cells to path.
func Write(path string, cells []Cell) error {
	b, err := json.MarshalIndent(cells, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}

// Read reads the cells Write wrote.
func Read(path string) ([]Cell, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var cells []Cell
	return cells, json.Unmarshal(b, &cells)
}
