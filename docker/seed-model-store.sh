#!/bin/sh
# Seeds a shared model store with the checkpoints shipped in the image, without touching what is
# already there: a version directory that exists is kept, and CURRENT (the served version) is only
# written when the model has none, so a version the trainer promoted stays promoted.
# Several pods may run this at once on one ReadWriteMany volume: each version is copied to a
# private temporary directory and renamed into place (rename is atomic), so no reader ever sees a
# half-copied checkpoint.
#
#   seed-model-store [STORE [SHIPPED]]
#     STORE    the shared store (default: $CAPSTREAM_MODEL_STORE)
#     SHIPPED  the checkpoints to copy (default: /opt/capstream/models, those in the image)
set -eu
store=${1:-${CAPSTREAM_MODEL_STORE:-}}
shipped=${2:-/opt/capstream/models}
if [ -z "$store" ]; then
  echo "seed-model-store: no store given (argument or CAPSTREAM_MODEL_STORE)" >&2
  exit 2
fi
mkdir -p "$store"
tag="$(hostname).$$"
for model_dir in "$shipped"/*/; do
  [ -d "$model_dir" ] || continue
  name=$(basename "$model_dir")
  mkdir -p "$store/$name"
  for version_dir in "$model_dir"v*/; do
    [ -d "$version_dir" ] || continue
    version=$(basename "$version_dir")
    target="$store/$name/$version"
    [ -e "$target" ] && continue
    tmp="$store/$name/.seed-$version-$tag"
    cp -R "$version_dir" "$tmp"
    # -T: fail instead of moving into a directory another pod created meanwhile.
    if mv -T "$tmp" "$target" 2>/dev/null; then
      echo "seed-model-store: $name/$version"
    else
      rm -rf "$tmp"
    fi
  done
  for file in "$model_dir"*; do
    base=$(basename "$file")
    if [ -f "$file" ] && [ ! -e "$store/$name/$base" ]; then
      cp "$file" "$store/$name/.seed-$base-$tag" && mv -n "$store/$name/.seed-$base-$tag" "$store/$name/$base"
      rm -f "$store/$name/.seed-$base-$tag"
    fi
  done
done
