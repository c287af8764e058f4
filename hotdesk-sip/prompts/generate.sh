#!/usr/bin/env bash
# Generates the IVR prompts: real speech from espeak-ng, made telephone audio by sox (8 kHz, mono, 16-bit
# PCM WAV; the server encodes G.711 from it). The output is committed, so the build needs neither tool.
#
#   hotdesk-sip/prompts/generate.sh [LANG...]   every language, or only these (apt-get install espeak-ng sox)
#
# Each language is a file <lang>.txt of "name|text" lines; numbers are spoken digit by digit from the
# digit_0..digit_9 prompts, so no prompt contains a number.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out_root="$here/../src/main/resources/prompts"
lists=("$here"/*.txt)
if [ "$#" -gt 0 ]; then
  lists=()
  for lang in "$@"; do lists+=("$here/$lang.txt"); done
fi
for list in "${lists[@]}"; do
  lang="$(basename "$list" .txt)"
  out="$out_root/$lang"
  mkdir -p "$out"
  while IFS='|' read -r name text; do
    [ -z "$name" ] || [ "${name#\#}" != "$name" ] && continue
    espeak-ng -v "$lang" -s 150 -w "$out/$name.raw.wav" "$text"
    # telephone band, 8 kHz mono 16-bit, a little headroom, 150 ms of silence after each prompt
    sox "$out/$name.raw.wav" -r 8000 -c 1 -b 16 -e signed-integer "$out/$name.wav" \
        highpass 300 lowpass 3400 gain -n -3 pad 0 0.15
    rm "$out/$name.raw.wav"
  done < "$list"
done
echo "prompts written to $out_root"
