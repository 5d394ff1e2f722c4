#!/usr/bin/env bash
# Regenerates the TypeScript types (ts-proto, NestJS flavour) and the reflection descriptor set
# from the .proto sources. Output under proto/gen/ is committed and never edited by hand.
# protoc comes from Debian's protobuf-compiler (npm's grpc-tools downloads its binary at install,
# which these machines cannot do).
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v protoc >/dev/null; then
  echo "protoc missing: installing Debian's protobuf-compiler" >&2
  apt-get update -qq && apt-get install -y -qq protobuf-compiler >/dev/null
fi
rm -rf gen
mkdir -p gen/ts
files=(videosearch/search/v1/*.proto grpc/health/v1/health.proto)
protoc \
  --plugin=protoc-gen-ts_proto=../node_modules/.bin/protoc-gen-ts_proto \
  --ts_proto_out=gen/ts \
  --ts_proto_opt=nestJs=true,addGrpcMetadata=true,forceLong=number,useOptionals=none,unrecognizedEnum=false \
  --descriptor_set_out=gen/descriptor_set.bin \
  --include_imports \
  -I . \
  "${files[@]}"
