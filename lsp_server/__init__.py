"""The tilint language server (LSP over stdio). Start it with `tilint lsp` or
`python -m lsp_server`; see docs/editors.md."""
