-- Runs after the documented snippet (docs/editors.md, loaded as init.lua): a user's
-- session in headless Neovim 0.7, through the snippet's own key mappings.
--   1. open the Markdown note (the snippet's FileType autocmd starts tilint);
--   2. press K on a finding and read the hover window as shown;
--   3. press <leader>ca on a word and take the preferred action from the menu;
--   4. <leader>ca on another word, "Add ... to the project's allow list", :wall.
-- Writes what happened as JSON to $OUT; exits 1 on any failure.
local out_path = os.getenv("OUT")
local result = { steps = {} }

local function write_result()
  local f = assert(io.open(out_path, "w"))
  f:write(vim.fn.json_encode(result))
  f:close()
end

local function codes(buf)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do table.insert(found, d.code) end
  table.sort(found)
  return found
end

local function sorted_diagnostics(buf)
  local diags = vim.diagnostic.get(buf)
  table.sort(diags, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
  return diags
end

local function find(buf, code)
  for _, d in ipairs(sorted_diagnostics(buf)) do
    if d.code == code then return d end
  end
  error("no " .. code .. " diagnostic: " .. vim.inspect(codes(buf)))
end

local function floating_window()
  for _, win in ipairs(vim.api.nvim_list_wins()) do
    if vim.api.nvim_win_get_config(win).relative ~= "" then return win end
  end
  return nil
end

-- The code-action menu (vim.ui.select) as the user sees it: the titles, then a choice.
local function code_action_menu(pick)
  local menu = nil
  local original = vim.ui.select
  vim.ui.select = function(items, opts, on_choice)
    menu = { items = items, opts = opts, on_choice = on_choice }
  end
  vim.cmd("normal \\ca") -- <leader>ca, the snippet's mapping (the default leader is \)
  assert(vim.wait(20000, function() return menu ~= nil end, 20), "the code-action menu did not open")
  vim.ui.select = original
  local titles = {}
  for _, item in ipairs(menu.items) do table.insert(titles, (menu.opts.format_item(item))) end
  local index = pick(menu.items)
  assert(index, "nothing to choose among " .. vim.inspect(titles))
  menu.on_choice(menu.items[index], index)
  return titles, menu.items[index][2].title
end

local function run()
  vim.cmd("edit " .. vim.fn.fnameescape(os.getenv("NOTE")))
  local buf = vim.api.nvim_get_current_buf()
  result.filetype = vim.bo[buf].filetype
  assert(vim.wait(60000, function() return #vim.diagnostic.get(buf) > 0 end, 20), "no diagnostics within 60 s")
  local clients = vim.lsp.buf_get_clients(buf)
  local client = clients[next(clients)]
  result.client = client.name
  result.diagnostics = {}
  for _, d in ipairs(sorted_diagnostics(buf)) do
    table.insert(result.diagnostics, {
      code = d.code, source = d.source, lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
    })
  end
  table.insert(result.steps, "diagnostics")

  -- K on the TI101 finding: the hover window's lines, as displayed.
  local target = find(buf, "TI101")
  vim.api.nvim_win_set_cursor(0, { target.lnum + 1, target.col + 2 })
  vim.cmd("normal K")
  assert(vim.wait(20000, function() return floating_window() ~= nil end, 20), "K opened no hover window")
  local win = floating_window()
  result.hover = vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(win), 0, -1, false)
  vim.api.nvim_win_close(win, true)
  table.insert(result.steps, "hover")

  -- <leader>ca on the first 'refused': the preferred fix.
  local refused = find(buf, "TI102")
  vim.api.nvim_win_set_cursor(0, { refused.lnum + 1, refused.col + 1 })
  local before = #vim.diagnostic.get(buf)
  result.titles, result.applied = code_action_menu(function(items)
    for i, item in ipairs(items) do
      if item[2].isPreferred then return i end
    end
  end)
  result.lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  assert(vim.wait(30000, function() return #vim.diagnostic.get(buf) == before - 1 end, 20),
    "diagnostics not refreshed after the fix: " .. vim.inspect(codes(buf)))
  result.after_fix = codes(buf)
  table.insert(result.steps, "fixed")

  -- <leader>ca on 'non-compliant': add it to the allow list, then save everything.
  target = find(buf, "TI101")
  vim.api.nvim_win_set_cursor(0, { target.lnum + 1, target.col + 1 })
  result.allow_titles, result.allowed = code_action_menu(function(items)
    for i, item in ipairs(items) do
      if item[2].title:find("allow list", 1, true) then return i end
    end
  end)
  vim.cmd("silent wall")
  assert(vim.wait(30000, function() return not vim.tbl_contains(codes(buf), "TI101") end, 20),
    "still flagged after the allow list was saved: " .. vim.inspect(codes(buf)))
  result.after_allow = codes(buf)
  table.insert(result.steps, "allowed")

  local exited = false
  client.stop()
  vim.wait(5000, function() exited = client.is_stopped() return exited end, 20)
  result.stopped = exited
end

local ok, err = pcall(run)
if not ok then result.error = tostring(err) end
write_result()
if ok then vim.cmd("qall!") else vim.cmd("cquit 1") end
