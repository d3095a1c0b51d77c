package synthetic

import "github.com/innograph/innograph/importer"

// Rows is the graph of cfg as a load's source. Each read generates the
// graph again, the same records since generation is deterministic, so a
// load holds no more than the record at hand. Records are placed in a file
// "generated", one a line, for the importer's messages.
func Rows(cfg Config) importer.Source {
	return func(yield func(importer.Row) error) error {
		line := 0
		return Generate(cfg, func(r map[string]any) error {
			line++
			return yield(importer.Row{Pos: importer.Pos{File: "generated", Line: line}, Raw: r})
		})
	}
}
