package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

// graphqlClient posts GraphQL requests to one endpoint over kept-alive connections.
type graphqlClient struct {
	url  string
	http *http.Client
}

func newGraphQLClient(url string, conns int) *graphqlClient {
	return &graphqlClient{url: url, http: &http.Client{Transport: &http.Transport{
		MaxIdleConns: conns, MaxIdleConnsPerHost: conns, MaxConnsPerHost: conns,
	}}}
}

// do sends one request to the client's endpoint and decodes its data into
// out (nil: only check for errors).
func (c *graphqlClient) do(ctx context.Context, query string, vars map[string]any, out any) error {
	return c.post(ctx, c.url, query, vars, out)
}

// post sends one request to url.
func (c *graphqlClient) post(ctx context.Context, url, query string, vars map[string]any, out any) error {
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	res, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		return err
	}
	var answer struct {
		Data   json.RawMessage
		Errors []struct{ Message string }
	}
	if err := json.Unmarshal(raw, &answer); err != nil {
		return fmt.Errorf("status %d: %s", res.StatusCode, raw)
	}
	if len(answer.Errors) > 0 {
		return fmt.Errorf("graphql: %s", answer.Errors[0].Message)
	}
	if out == nil {
		return nil
	}
	return json.Unmarshal(answer.Data, out)
}
