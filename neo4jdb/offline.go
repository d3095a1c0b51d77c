package neo4jdb

import (
	"bufio"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/innograph/innograph/graph/model"
)

// ImportFiles writes a validated graph as the CSV files of Neo4j's offline
// importer (neo4j-admin database import full), holding what UpsertNodes and
// CreateRelations store for the same rows in an empty database: each node
// with :Node and its kind's label, an id property and its region's spans
// (RegionSpanProps), each relationship
// from its from end to its to end, every property typed as the driver
// writes it, and for a transfer with a broker the BROKERAGE and SERVICE
// that syncBrokerages writes (brokers.go). Columns come from the field
// rules of graph/model, so a new field is a new column.
//
// Rows stream to the files as they come, except relationships of
// model.BrokeredKinds: a transfer's brokerage and service merge with a row
// of the same key given in the load (as the upsert after it would), so
// they are held until Close.
type ImportFiles struct {
	dir      string
	nodes    map[model.NodeKind]*csvTable
	rels     map[model.RelationKind]*csvTable
	brokered map[string]*brokeredRow
	order    []string // keys of brokered, first seen first
}

// brokeredRow is a BROKERAGE or SERVICE: what a transfer derives and what a
// row of the load gives, merged at Close with the given properties last.
type brokeredRow struct {
	kind           model.RelationKind
	from, to       string
	derived, given map[string]any
}

// csvTable is one CSV file: a node label's or a relationship type's.
type csvTable struct {
	path   string
	file   *os.File
	w      *bufio.Writer
	fields []model.FieldRule
}

// arrayDelimiter separates the items of a list in a CSV field: U+001F, a
// control character no valid string holds (model's text rules refuse it).
const arrayDelimiter = "\x1f"

// ImportArgs are the importer's options for the files ImportFiles writes.
var ImportArgs = []string{"--array-delimiter=U+001F", "--multiline-fields=true", "--id-type=string"}

// NewImportFiles writes into dir, which must exist.
func NewImportFiles(dir string) *ImportFiles {
	return &ImportFiles{dir: dir, nodes: map[model.NodeKind]*csvTable{},
		rels: map[model.RelationKind]*csvTable{}, brokered: map[string]*brokeredRow{}}
}

// Node writes a node row of kind, with its region's spans (regions.go).
func (f *ImportFiles) Node(kind model.NodeKind, row model.NodeRow) error {
	t, err := f.nodeTable(kind)
	if err != nil {
		return err
	}
	props := maps.Clone(row.Props)
	maps.Copy(props, RegionSpanProps(row.Props["region"]))
	return t.write([]string{quote(row.ID)}, props)
}

// Relation writes a relationship row of kind, and what a transfer's broker
// adds to it.
func (f *ImportFiles) Relation(kind model.RelationKind, row model.RelationRow) error {
	if broker, _ := row.Props["brokerId"].(string); kind == model.RelationKindTransfer && broker != "" {
		f.derive(broker, row)
	}
	if spec := model.RelationSpecs[kind]; isBrokered(kind) {
		f.brokeredAt(kind, row.From, row.To, spec.KeyProps(row.Props)).given = row.Props
		return nil
	}
	t, err := f.relTable(kind)
	if err != nil {
		return err
	}
	return t.write([]string{quote(row.From), quote(row.To)}, row.Props)
}

// derive records the brokerage and service of a brokered transfer as
// syncBrokerages writes them: the brokerage takes the transfer's year,
// source and synthetic (SET: the last transfer of the key wins); the
// service takes its source and synthetic when created (the first wins).
func (f *ImportFiles) derive(broker string, transfer model.RelationRow) {
	mode, _ := transfer.Props["mode"].(string)
	key := map[string]any{"enterpriseId": transfer.To, "mode": mode}
	brokerage := f.brokeredAt(model.RelationKindBrokerage, broker, transfer.From, key)
	brokerage.derived = present(maps.Clone(key), transfer.Props, "year", "source", "synthetic")
	service := f.brokeredAt(model.RelationKindService, broker, transfer.To, map[string]any{"kind": string(model.ServiceKindBrokerage)})
	if service.derived == nil {
		service.derived = present(map[string]any{"kind": string(model.ServiceKindBrokerage)}, transfer.Props, "source", "synthetic")
	}
}

// present copies into props the named properties that from holds.
func present(props, from map[string]any, names ...string) map[string]any {
	for _, n := range names {
		if v, ok := from[n]; ok && v != nil {
			props[n] = v
		}
	}
	return props
}

func isBrokered(kind model.RelationKind) bool {
	for _, k := range model.BrokeredKinds {
		if k == kind {
			return true
		}
	}
	return false
}

// brokeredAt is the held relationship of kind between from and to with key.
func (f *ImportFiles) brokeredAt(kind model.RelationKind, from, to string, key map[string]any) *brokeredRow {
	id := string(kind) + "\x00" + from + "\x00" + to
	for _, k := range model.RelationSpecs[kind].Key {
		id += "\x00" + fmt.Sprint(key[k])
	}
	r, ok := f.brokered[id]
	if !ok {
		r = &brokeredRow{kind: kind, from: from, to: to}
		f.brokered[id] = r
		f.order = append(f.order, id)
	}
	return r
}

// Close writes the held relationships, closes the files and returns the
// importer's arguments naming them, without the database name.
func (f *ImportFiles) Close() ([]string, error) {
	var firstErr error
	keep := func(err error) {
		if firstErr == nil {
			firstErr = err
		}
	}
	for _, id := range f.order {
		r := f.brokered[id]
		props := maps.Clone(r.derived)
		if props == nil {
			props = map[string]any{}
		}
		maps.Copy(props, r.given) // the load's own row is upserted after the transfer
		t, err := f.relTable(r.kind)
		if err == nil {
			err = t.write([]string{quote(r.from), quote(r.to)}, props)
		}
		if err != nil {
			keep(err)
			break
		}
	}
	var args []string
	for _, kind := range model.AllNodeKind {
		if t := f.nodes[kind]; t != nil {
			keep(t.close())
			args = append(args, fmt.Sprintf("--nodes=Node:%s=%s", label(kind), t.path))
		}
	}
	for _, kind := range model.AllRelationKind {
		if t := f.rels[kind]; t != nil {
			keep(t.close())
			args = append(args, fmt.Sprintf("--relationships=%s=%s", relType(kind), t.path))
		}
	}
	// The importer's report of rejected entities (none: the rows are
	// validated) goes with the files, not into the working directory.
	args = append(args, "--report-file="+filepath.Join(f.dir, "import.report"))
	// Last: --nodes and --relationships take several files, and would
	// take the database name that follows them for one.
	return append(args, ImportArgs...), firstErr
}

func (f *ImportFiles) nodeTable(kind model.NodeKind) (*csvTable, error) {
	if t := f.nodes[kind]; t != nil {
		return t, nil
	}
	fields := append(slices.Clone(model.NodeSpecs[kind].Fields), regionSpanFields...)
	t, err := newTable(filepath.Join(f.dir, "nodes-"+label(kind)+".csv"), []string{"id:ID"}, fields)
	if err != nil {
		return nil, err
	}
	f.nodes[kind] = t
	return t, nil
}

func (f *ImportFiles) relTable(kind model.RelationKind) (*csvTable, error) {
	if t := f.rels[kind]; t != nil {
		return t, nil
	}
	t, err := newTable(filepath.Join(f.dir, "relationships-"+relType(kind)+".csv"), []string{":START_ID", ":END_ID"}, model.RelationSpecs[kind].Fields)
	if err != nil {
		return nil, err
	}
	f.rels[kind] = t
	return t, nil
}

// columnTypes are the importer's types of the model's property types: as
// the driver stores Go's int64, float64, bool, string and []string.
var columnTypes = map[model.PropType]string{
	model.TypeString:     "string",
	model.TypeEnum:       "string",
	model.TypeYear:       "long",
	model.TypeMoney:      "double",
	model.TypeBool:       "boolean",
	model.TypeStringList: "string[]",
	model.TypeEnumList:   "string[]",
}

func newTable(path string, lead []string, fields []model.FieldRule) (*csvTable, error) {
	file, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	t := &csvTable{path: path, file: file, w: bufio.NewWriterSize(file, 1<<16), fields: fields}
	header := lead
	for _, fr := range fields {
		header = append(header, fr.Name+":"+columnTypes[fr.Type])
	}
	if _, err := t.w.WriteString(strings.Join(header, ",") + "\n"); err != nil {
		file.Close()
		return nil, err
	}
	return t, nil
}

// write writes one row: the lead columns, then a column per field, empty
// where the row has no such property.
func (t *csvTable) write(lead []string, props map[string]any) error {
	cols := append([]string{}, lead...)
	used := 0
	for _, fr := range t.fields {
		v, ok := props[fr.Name]
		if !ok || v == nil {
			cols = append(cols, "")
			continue
		}
		used++
		s, err := cell(v)
		if err != nil {
			return fmt.Errorf("%s: %w", fr.Name, err)
		}
		cols = append(cols, s)
	}
	if used != countPresent(props) {
		return fmt.Errorf("a property has no column in %s: %v", filepath.Base(t.path), props)
	}
	_, err := t.w.WriteString(strings.Join(cols, ",") + "\n")
	return err
}

func countPresent(props map[string]any) int {
	n := 0
	for _, v := range props {
		if v != nil {
			n++
		}
	}
	return n
}

// cell renders a value as the importer reads it back: strings and lists
// quoted (an empty string is "", an absent property nothing).
func cell(v any) (string, error) {
	switch v := v.(type) {
	case string:
		return quote(v), nil
	case int64:
		return strconv.FormatInt(v, 10), nil
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64), nil
	case bool:
		return strconv.FormatBool(v), nil
	case []string:
		return quote(strings.Join(v, arrayDelimiter)), nil
	}
	return "", fmt.Errorf("unsupported value %T", v)
}

func quote(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

func (t *csvTable) close() error {
	err := t.w.Flush()
	if cerr := t.file.Close(); err == nil {
		err = cerr
	}
	return err
}
