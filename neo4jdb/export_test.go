package neo4jdb

import "context"

// SetPrefetchLevels sets how many levels of lists one read-ahead statement
// nests, until the returned function restores it.
func SetPrefetchLevels(n int) (restore func()) {
	old := prefetchLevels
	prefetchLevels = n
	return func() { prefetchLevels = old }
}

// Read runs one read statement as every read does, under the read timeout.
func (db *DB) Read(ctx context.Context, cypher string) error {
	_, err := db.read(ctx, "test", cypher, nil)
	return err
}
