#!/usr/bin/env bash
# Stage the newest complete checkpoint of each stage of photos-32-f2 and drop older ones from the index.
cd "$(dirname "$0")" || exit 1
for stage in photos-32-f2/*/; do
  newest=$(ls -d "$stage"ckpt-* 2>/dev/null | grep -v '\.tmp$' | while read c; do [ -f "$c/state.pt" ] && echo "$c"; done | sort | tail -1)
  [ -z "$newest" ] && continue
  git ls-files "$stage" | grep -v "^${newest}/" | xargs -r git rm -q --cached
  git add -f "$newest"
done
git status --short .
