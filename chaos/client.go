package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"time"
)

// client sends GraphQL requests to the server under test and records each
// outcome. Every request has its own timeout, longer than the server's
// request deadline, so a hung server shows as TRANSPORT, not as a hung battery.
type client struct {
	base    string // http://host:port
	token   string // write token
	http    *http.Client
	timeout time.Duration
}

func newClient(addr, token string, conns int, timeout time.Duration) *client {
	return &client{
		base: "http://" + addr, token: token, timeout: timeout,
		http: &http.Client{Transport: &http.Transport{
			MaxIdleConns: conns, MaxIdleConnsPerHost: conns, MaxConnsPerHost: conns,
		}},
	}
}

// gql posts one operation with the write token.
func (c *client) gql(ctx context.Context, query string, vars map[string]any) outcome {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	return c.raw(ctx, body, "Bearer "+c.token)
}

// raw posts a body as it is, with the given Authorization header ("" for none).
func (c *client) raw(ctx context.Context, body []byte, auth string) outcome {
	return c.send(ctx, bytes.NewReader(body), int64(len(body)), auth)
}

// send posts a body of the given length (-1: chunked) and decodes the answer.
func (c *client) send(ctx context.Context, body io.Reader, length int64, auth string) outcome {
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	o := outcome{Start: time.Now()}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/query", body)
	if err != nil {
		o.Err = err.Error()
		return o
	}
	req.ContentLength = length
	req.Header.Set("Content-Type", "application/json")
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	res, err := c.http.Do(req)
	if err != nil {
		o.Latency = time.Since(o.Start)
		o.Err = err.Error()
		return o
	}
	defer res.Body.Close()
	decodeAnswer(&o, res)
	o.Latency = time.Since(o.Start)
	return o
}

// decodeAnswer reads a GraphQL response into o: status, codes, data.
func decodeAnswer(o *outcome, res *http.Response) {
	o.Status = res.StatusCode
	raw, err := io.ReadAll(io.LimitReader(res.Body, 256<<20))
	o.Bytes = len(raw)
	if err != nil {
		o.Err = err.Error()
		return
	}
	parseAnswer(o, raw)
}

// parseAnswer fills the codes and data of o from a response body.
func parseAnswer(o *outcome, raw []byte) {
	var answer struct {
		Data   json.RawMessage `json:"data"`
		Errors []struct {
			Extensions struct {
				Code string `json:"code"`
			} `json:"extensions"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(raw, &answer); err != nil {
		o.Err = "not a GraphQL response: " + truncate(string(raw), 80)
		return
	}
	o.Data = answer.Data
	o.Errors = len(answer.Errors)
	for _, e := range answer.Errors {
		o.Codes = append(o.Codes, e.Extensions.Code)
	}
}

// get fetches a path and returns its status (0 on a transport error).
func (c *client) get(ctx context.Context, path string, timeout time.Duration) int {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+path, nil)
	if err != nil {
		return 0
	}
	res, err := c.http.Do(req)
	if err != nil {
		return 0
	}
	_, _ = io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return res.StatusCode
}

// decode unmarshals an OK outcome's data into out.
func (o outcome) decode(out any) error {
	if len(o.Data) == 0 || string(o.Data) == "null" {
		return errors.New("no data")
	}
	return json.Unmarshal(o.Data, out)
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
