package importer

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/innograph/innograph/graph/model"
)

// ReadPaths reads every file named, a directory standing for its .jsonl,
// .ndjson and .csv files in name order. Rows that cannot be read at all
// (bad JSON, ragged CSV) are problems; a file that cannot be opened is an error.
func ReadPaths(paths []string) ([]Row, []Problem, error) {
	var files []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, nil, err
		}
		if !info.IsDir() {
			files = append(files, p)
			continue
		}
		inDir, err := graphFiles(os.DirFS(p), ".")
		if err != nil {
			return nil, nil, err
		}
		for _, f := range inDir {
			files = append(files, filepath.Join(p, f))
		}
	}
	return readAll(files, func(name string) (fs.File, error) { return os.Open(name) })
}

// ReadFS reads the graph files at the root of fsys in name order, such as
// the data embedded in the binary.
func ReadFS(fsys fs.FS) ([]Row, []Problem, error) {
	files, err := graphFiles(fsys, ".")
	if err != nil {
		return nil, nil, err
	}
	return readAll(files, fsys.Open)
}

// graphFiles lists the .jsonl, .ndjson and .csv files of a directory, sorted.
func graphFiles(fsys fs.FS, dir string) ([]string, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, err
	}
	var files []string
	for _, e := range entries {
		if !e.IsDir() && format(e.Name()) != "" {
			files = append(files, path.Join(dir, e.Name()))
		}
	}
	sort.Strings(files)
	return files, nil
}

func readAll(files []string, open func(string) (fs.File, error)) ([]Row, []Problem, error) {
	var rows []Row
	var problems []Problem
	for _, name := range files {
		f, err := open(name)
		if err != nil {
			return nil, nil, err
		}
		var r []Row
		var p []Problem
		switch format(name) {
		case "jsonl":
			r, p, err = ReadJSONL(name, f)
		case "csv":
			r, p, err = ReadCSV(name, f)
		default:
			err = fmt.Errorf("%s: not a .jsonl, .ndjson or .csv file", name)
		}
		f.Close()
		if err != nil {
			return nil, nil, err
		}
		rows, problems = append(rows, r...), append(problems, p...)
	}
	return rows, problems, nil
}

func format(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".jsonl", ".ndjson":
		return "jsonl"
	case ".csv":
		return "csv"
	}
	return ""
}

// ReadJSONL reads one JSON object per line; blank lines are skipped.
// Numbers stay json.Number so that validation decides their type.
func ReadJSONL(name string, r io.Reader) ([]Row, []Problem, error) {
	var rows []Row
	var problems []Problem
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 4*1024*1024)
	for line := 1; sc.Scan(); line++ {
		text := bytes.TrimSpace(sc.Bytes())
		if len(text) == 0 {
			continue
		}
		dec := json.NewDecoder(bytes.NewReader(text))
		dec.UseNumber()
		var raw map[string]any
		if err := dec.Decode(&raw); err != nil {
			problems = append(problems, Problem{Pos: Pos{name, line}, Reason: "not a JSON object: " + err.Error()})
			continue
		}
		rows = append(rows, Row{Pos: Pos{name, line}, Raw: raw})
	}
	return rows, problems, sc.Err()
}

// ReadCSV reads a header row and then one record per row. Empty cells are
// absent; cells of list fields split on "|"; numbers and booleans are
// converted by the type of the field they belong to.
func ReadCSV(name string, r io.Reader) ([]Row, []Problem, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1 // ragged rows are reported per row, not as a read error
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("%s: header: %w", name, err)
	}
	for i := range header {
		header[i] = strings.TrimSpace(strings.TrimPrefix(header[i], "\ufeff"))
	}
	var rows []Row
	var problems []Problem
	for {
		cells, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line, _ := cr.FieldPos(0)
		pos := Pos{name, line}
		if err != nil {
			problems = append(problems, Problem{Pos: pos, Reason: "not a CSV row: " + err.Error()})
			continue
		}
		if len(cells) != len(header) {
			problems = append(problems, Problem{Pos: pos, Reason: fmt.Sprintf("has %d cells, the header %d", len(cells), len(header))})
			continue
		}
		raw := map[string]any{}
		typ := ""
		for i, col := range header {
			if col == "type" {
				typ = strings.TrimSpace(cells[i])
			}
		}
		for i, col := range header {
			if cell := strings.TrimSpace(cells[i]); cell != "" {
				raw[col] = csvValue(typ, col, cell)
			}
		}
		rows = append(rows, Row{Pos: pos, Raw: raw})
	}
	return rows, problems, nil
}

// csvValue converts a cell to what JSON would have given for its field, so
// that validation treats CSV and JSON alike; unknown fields stay strings.
func csvValue(typ, col, cell string) any {
	var fields []model.FieldRule
	if kind, ok := nodeKind(typ); ok {
		fields = model.NodeSpecs[kind].Fields
	} else if rk := model.RelationKind(typ); rk.IsValid() {
		fields = model.RelationSpecs[rk].Fields
	}
	for _, f := range fields {
		if f.Name != col {
			continue
		}
		switch f.Type {
		case model.TypeYear, model.TypeMoney:
			return json.Number(cell)
		case model.TypeBool:
			switch strings.ToLower(cell) {
			case "true", "1", "yes":
				return true
			case "false", "0", "no":
				return false
			}
		case model.TypeStringList, model.TypeEnumList:
			items := strings.Split(cell, "|")
			out := make([]any, len(items))
			for i, it := range items {
				out[i] = strings.TrimSpace(it)
			}
			return out
		}
	}
	return cell
}

// nodeKind reads a node type as written in files: "Enterprise" or "ENTERPRISE".
func nodeKind(typ string) (model.NodeKind, bool) {
	k := model.NodeKind(strings.ToUpper(typ))
	return k, k.IsValid()
}
