-- Neovim 0.7 headless LSP client: hover + references on "Smith" via server/out/server.js; writes JSON to $CORROBORATE_OUT.
local server, root, file, out = os.getenv('CORROBORATE_SERVER'), os.getenv('CORROBORATE_ROOT'),
  os.getenv('CORROBORATE_FILE'), os.getenv('CORROBORATE_OUT')

local function hover_text(result)
  if not result or not result.contents then return '' end
  local parts, c = {}, result.contents
  if type(c) == 'string' then return c end
  if c.value then return c.value end -- MarkupContent or { language, value }
  for _, item in ipairs(c) do table.insert(parts, type(item) == 'string' and item or item.value or '') end
  return table.concat(parts, '\n')
end

local function first_result(responses)
  for _, r in pairs(responses or {}) do
    if r.error then error('LSP error: ' .. vim.inspect(r.error)) end
    if r.result ~= nil and r.result ~= vim.NIL then return r.result end
  end
end

local function main()
  assert(server and root and file and out, 'CORROBORATE_SERVER/ROOT/FILE/OUT must be set')
  local exited
  local client_id = assert(vim.lsp.start_client({ name = 'corroborate', cmd = { 'node', server, '--stdio' }, root_dir = root,
    on_exit = function(code) exited = code end }), 'start_client failed')
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = file:match('%.md$') and 'markdown' or 'text'
  vim.lsp.buf_attach_client(bufnr, client_id)
  assert(vim.wait(20000, function()
    local c = vim.lsp.get_client_by_id(client_id)
    return exited ~= nil or (c ~= nil and c.initialized == true)
  end, 50), 'server did not initialize within 20 s')
  assert(exited == nil, 'server exited with code ' .. tostring(exited) .. ' before initializing')

  -- Position of the first whole-word "Smith", found by searching the buffer.
  local line, col
  for i, text in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local s = text:find('%f[%w]Smith%f[%W]')
    if s then line, col = i - 1, select(2, vim.str_utfindex(text, s - 1)) break end
  end
  assert(line, 'no "Smith" in ' .. file)
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = line, character = col } }

  -- Poll hover until the workspace index names the full person (or 60 s pass).
  local hover, deadline = '', vim.loop.now() + 60000
  repeat
    hover = hover_text(first_result(vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, 10000)))
    if hover:find('Sheila Smith', 1, true) then break end
    vim.wait(500)
  until vim.loop.now() > deadline

  local ref_params = vim.tbl_extend('force', params, { context = { includeDeclaration = true } })
  local refs = first_result(vim.lsp.buf_request_sync(bufnr, 'textDocument/references', ref_params, 10000)) or {}
  local references = {}
  for _, loc in ipairs(refs) do table.insert(references, { uri = loc.uri, line = loc.range.start.line }) end
  vim.fn.writefile({ vim.fn.json_encode({ file = file, line = line, character = col, hover = hover, references = references }) }, out)
  vim.lsp.stop_client(client_id)
end

local ok, err = pcall(main)
if ok then
  vim.cmd('qall!')
else
  if out then vim.fn.writefile({ vim.fn.json_encode({ error = tostring(err) }) }, out) end
  io.stderr:write(tostring(err) .. '\n')
  vim.cmd('cquit!')
end
