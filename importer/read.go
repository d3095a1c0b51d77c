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
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/innograph/innograph/graph/model"
)

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

// readFile yields the rows of one file by its format.
func readFile(name string, r io.Reader, yield func(Row) error) error {
	if format(name) == "csv" {
		return readCSV(name, r, yield)
	}
	return readJSONL(name, r, yield)
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

// readJSONL reads one JSON object per line; blank lines are skipped.
// Numbers stay json.Number so that validation decides their type.
func readJSONL(name string, r io.Reader, yield func(Row) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 4*1024*1024)
	for line := 1; sc.Scan(); line++ {
		text := bytes.TrimSpace(sc.Bytes())
		if len(text) == 0 {
			continue
		}
		dec := json.NewDecoder(bytes.NewReader(text))
		dec.UseNumber()
		row := Row{Pos: Pos{name, line}}
		if err := dec.Decode(&row.Raw); err != nil {
			row.Raw, row.Unreadable = nil, "not a JSON object: "+err.Error()
		}
		if err := yield(row); err != nil {
			return err
		}
	}
	return sc.Err()
}

// readCSV reads a header row and then one record per row. Empty cells are
// absent; cells of list fields split on "|"; numbers and booleans are
// converted by the type of the field they belong to.
func readCSV(name string, r io.Reader, yield func(Row) error) error {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1 // ragged rows are reported per row, not as a read error
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("%s: header: %w", name, err)
	}
	for i := range header {
		header[i] = strings.TrimSpace(strings.TrimPrefix(header[i], "\ufeff"))
	}
	for {
		cells, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		var line int
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			line = pe.StartLine // the reader has no field positions after an error
		} else {
			line, _ = cr.FieldPos(0)
		}
		pos := Pos{name, line}
		var unreadable string
		switch {
		case err != nil:
			unreadable = "not a CSV row: " + err.Error()
		case len(cells) != len(header):
			unreadable = fmt.Sprintf("has %d cells, the header %d", len(cells), len(header))
		}
		if unreadable != "" {
			if err := yield(Row{Pos: pos, Unreadable: unreadable}); err != nil {
				return err
			}
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
		if err := yield(Row{Pos: pos, Raw: raw}); err != nil {
			return err
		}
	}
	return nil
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
