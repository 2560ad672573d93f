-- Headless Neovim (0.7+) with no plugins: open a note, wait for tilint's diagnostics,
-- ask for code actions the way Neovim 0.7's vim.lsp.buf.code_action() does (line
-- diagnostics converted back to LSP), apply the preferred fix, wait for re-diagnosis,
-- hover, and write what happened as JSON to $OUT. Exit code 1 on any failure.
local out_path = os.getenv("OUT")
local result = { steps = {} }

local function write_result()
  local f = assert(io.open(out_path, "w"))
  f:write(vim.fn.json_encode(result))
  f:close()
end

local function run()
  local cmd = vim.fn.json_decode(os.getenv("TILINT_CMD"))
  vim.cmd("edit " .. vim.fn.fnameescape(os.getenv("NOTE")))
  local buf = vim.api.nvim_get_current_buf()
  local exited = nil
  local client_id = vim.lsp.start_client({
    name = "tilint",
    cmd = cmd,
    root_dir = os.getenv("ROOT"),
    on_exit = function(code) exited = code end,
  })
  assert(client_id, "vim.lsp.start_client returned nil")
  vim.lsp.buf_attach_client(buf, client_id)
  table.insert(result.steps, "started")

  assert(vim.wait(60000, function() return #vim.diagnostic.get(buf) > 0 or exited ~= nil end, 20),
    "no diagnostics within 60 s")
  assert(exited == nil, "server exited with code " .. tostring(exited))
  local diags = vim.diagnostic.get(buf)
  table.sort(diags, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
  result.diagnostics = {}
  for _, d in ipairs(diags) do
    table.insert(result.diagnostics, {
      code = d.code, source = d.source, severity = d.severity,
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
    })
  end
  table.insert(result.steps, "diagnostics")

  local client = vim.lsp.get_client_by_id(client_id)
  local target = diags[1]
  vim.api.nvim_win_set_cursor(0, { target.lnum + 1, target.col })
  local params = vim.lsp.util.make_range_params()
  params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf, target.lnum) }
  local responses = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", params, 20000)
  assert(responses and responses[client_id], "no code action response")
  assert(responses[client_id].err == nil, vim.inspect(responses[client_id].err))
  local actions = responses[client_id].result or {}
  result.titles = {}
  local preferred = nil
  for _, action in ipairs(actions) do
    table.insert(result.titles, action.title)
    if action.isPreferred and preferred == nil then preferred = action end
  end
  assert(preferred, "no preferred quick fix among " .. #actions .. " actions")
  vim.lsp.util.apply_workspace_edit(preferred.edit, client.offset_encoding)
  result.applied = preferred.title
  result.lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  table.insert(result.steps, "applied")

  -- The edit is sent as didChange; the fixed phrase must drop out of the diagnostics.
  local function codes()
    local found = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do table.insert(found, d.code) end
    table.sort(found)
    return found
  end
  assert(vim.wait(30000, function() return #codes() == #diags - 1 end, 20),
    "diagnostics not refreshed after the fix: " .. vim.inspect(codes()))
  result.after = codes()
  table.insert(result.steps, "rediagnosed")

  local remaining = vim.diagnostic.get(buf)[1]
  vim.api.nvim_win_set_cursor(0, { remaining.lnum + 1, remaining.col })
  local hover = vim.lsp.buf_request_sync(buf, "textDocument/hover", vim.lsp.util.make_position_params(), 20000)
  assert(hover and hover[client_id] and hover[client_id].result, "no hover")
  result.hover = hover[client_id].result.contents.value
  table.insert(result.steps, "hover")

  vim.lsp.stop_client(client_id)
  vim.wait(5000, function() return exited ~= nil end, 20)
  result.exit_code = exited
end

local ok, err = pcall(run)
if not ok then result.error = tostring(err) end
write_result()
if ok then vim.cmd("qall!") else vim.cmd("cquit 1") end
