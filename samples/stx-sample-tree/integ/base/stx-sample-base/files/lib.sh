# Shell helpers shared by the sample packages' builds.
stx_banner() {
  printf 'StarlingX sample: %s\n' "$1"
}
