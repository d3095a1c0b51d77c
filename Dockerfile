# The InnoGraph server as a small image; see docker-compose.yml.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /innograph .

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /innograph /innograph
EXPOSE 8080
ENV INNOGRAPH_ADDR=:8080
ENTRYPOINT ["/innograph"]
