// Check a text with gramma's library against a LanguageTool server.
// Usage: node gramma_check.js CONFIG.json TEXT_FILE [--markdown]
// CONFIG.json is a .gramma.json as the docs show it (api_url, language).
"use strict"
const fs = require("fs")
const gramma = require("gramma")

const [configPath, textPath, mode] = process.argv.slice(2)
const config = JSON.parse(fs.readFileSync(configPath, "utf8"))
const text = fs.readFileSync(textPath, "utf8")
gramma
  .check(text, { ...config, markdown: mode === "--markdown" })
  .then((result) => {
    process.stdout.write(JSON.stringify(result))
  })
  .catch((error) => {
    process.stderr.write(String(error && error.stack ? error.stack : error) + "\n")
    process.exit(3)
  })
