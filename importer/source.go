package importer

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
)

// Source yields the rows of a load in order, one at a time. Every call
// reads them again from the start and yields the same rows, so a load can
// pass over its input more than once instead of holding it in memory; no
// two rows have the same position. An error from yield stops the source
// and is returned.
type Source func(yield func(Row) error) error

// Rows is a Source over rows already in memory (importGraph, tests).
func Rows(rows []Row) Source {
	return func(yield func(Row) error) error {
		for _, r := range rows {
			if err := yield(r); err != nil {
				return err
			}
		}
		return nil
	}
}

// Files is a Source over the graph files named, a directory standing for
// its .jsonl, .ndjson and .csv files in name order. Rows that cannot be read
// at all (bad JSON, ragged CSV) come as rows with Unreadable set; a file that
// cannot be opened is an error, found before any row is read.
func Files(paths []string) (Source, error) {
	var files []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			if format(p) == "" {
				return nil, fmt.Errorf("%s: not a .jsonl, .ndjson or .csv file", p)
			}
			files = append(files, p)
			continue
		}
		inDir, err := graphFiles(os.DirFS(p), ".")
		if err != nil {
			return nil, err
		}
		for _, f := range inDir {
			files = append(files, filepath.Join(p, f))
		}
	}
	// A file named twice is read once: its rows would repeat themselves,
	// which adds nothing, and a row is known by its position.
	seen := map[string]bool{}
	files = slices.DeleteFunc(files, func(f string) bool {
		f = filepath.Clean(f)
		defer func() { seen[f] = true }()
		return seen[f]
	})
	return fileSource(files, func(name string) (fs.File, error) { return os.Open(name) }), nil
}

// FS is a Source over the graph files at the root of fsys in name order,
// such as the data embedded in the binary.
func FS(fsys fs.FS) (Source, error) {
	files, err := graphFiles(fsys, ".")
	if err != nil {
		return nil, err
	}
	return fileSource(files, fsys.Open), nil
}

func fileSource(files []string, open func(string) (fs.File, error)) Source {
	return func(yield func(Row) error) error {
		for _, name := range files {
			f, err := open(name)
			if err != nil {
				return err
			}
			err = readFile(name, f, yield)
			f.Close()
			if err != nil {
				return err
			}
		}
		return nil
	}
}
