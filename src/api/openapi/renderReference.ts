import type { OpenApiDocument } from './buildDocument'

const escape = (text: unknown) => String(text ?? '').replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
const METHODS = ['get', 'post', 'put', 'patch', 'delete']

/** Resolves `#/components/...` references one level, for display. */
function resolve(document: OpenApiDocument, value: any): any {
  if (!value || typeof value !== 'object' || typeof value.$ref !== 'string') return value
  const [, , group, name] = value.$ref.split('/')
  return document.components[group]?.[name] ?? value
}

function schemaBlock(title: string, schema: unknown): string {
  if (!schema || (typeof schema === 'object' && Object.keys(schema).length === 0)) return ''
  return `<details><summary>${escape(title)}</summary><pre>${escape(JSON.stringify(schema, null, 2))}</pre></details>`
}

function renderOperation(document: OpenApiDocument, path: string, method: string, operation: Record<string, any>): string {
  const parameters = (operation.parameters ?? []).map((parameter: any) => resolve(document, parameter))
  const rows = parameters
    .map((parameter: any) => `<tr><td><code>${escape(parameter.name)}</code></td><td>${escape(parameter.in)}</td><td>${parameter.required ? 'yes' : ''}</td><td>${escape(parameter.description)}</td></tr>`)
    .join('')
  const responses = Object.entries(operation.responses ?? {})
    .map(([status, response]) => {
      const resolved = resolve(document, response)
      const schema = Object.values(resolved.content ?? {})[0] as { schema?: unknown } | undefined
      return `<li><strong>${escape(status)}</strong> ${escape(resolved.description)}${schemaBlock('schema', schema?.schema)}</li>`
    })
    .join('')
  const body = operation.requestBody?.content?.['application/json']?.schema
  const codes = operation['x-error-codes'] as string[] | undefined
  return `<section class="op" id="${escape(operation.operationId)}">
  <h3><span class="method ${method}">${method.toUpperCase()}</span> <code>${escape(path)}</code></h3>
  <p class="summary">${escape(operation.summary)}${operation.security?.length === 0 ? ' <em>(no authentication)</em>' : ''}</p>
  ${operation.description ? `<p>${escape(operation.description)}</p>` : ''}
  ${rows ? `<table><tr><th>parameter</th><th>in</th><th>required</th><th></th></tr>${rows}</table>` : ''}
  ${schemaBlock('request body', body)}
  <ul>${responses}</ul>
  ${codes?.length ? `<p class="codes">Error codes: ${codes.map((code) => `<code>${escape(code)}</code>`).join(' ')}</p>` : ''}
</section>`
}

/** The human reference page (GET /api/docs): the OpenAPI document rendered as plain HTML, grouped by tag, no scripts. */
export function renderReference(document: OpenApiDocument): string {
  const byTag = new Map<string, string[]>()
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method]
      if (!operation) continue
      const tag = (operation.tags?.[0] as string) ?? 'api'
      byTag.set(tag, [...(byTag.get(tag) ?? []), renderOperation(document, path, method, operation)])
    }
  }
  const tags = [...byTag.keys()].sort()
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(document.info.title)} — reference</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:0;display:flex;color:#1d2330}
nav{width:15rem;padding:1rem;background:#f4f5f7;height:100vh;overflow:auto;position:sticky;top:0;flex:none}
nav a{display:block;color:#1d2330;text-decoration:none;padding:.1rem 0}
main{padding:1rem 2rem;max-width:60rem}
.op{border-top:1px solid #dde;padding:.5rem 0}
.method{display:inline-block;min-width:4.2rem;text-align:center;border-radius:4px;color:#fff;font-size:.8rem;padding:.1rem .3rem}
.get{background:#2f7d32}.post{background:#1565c0}.patch{background:#8d6e00}.put{background:#8d6e00}.delete{background:#b71c1c}
table{border-collapse:collapse;font-size:.9rem}td,th{border:1px solid #dde;padding:.2rem .5rem;text-align:left}
pre{background:#f7f7f9;padding:.5rem;overflow:auto;font-size:.8rem}.codes code{background:#fff3e0;padding:0 .2rem}
</style></head><body>
<nav><strong>${escape(document.info.title)}</strong><br><small>v${escape(document.info.version)} · <a href="openapi.json" style="display:inline">openapi.json</a></small><hr>
${tags.map((tag) => `<a href="#tag-${escape(tag)}">${escape(tag)}</a>`).join('\n')}</nav>
<main><h1>${escape(document.info.title)}</h1><p>${escape(document.info.description)}</p>
<p>Authenticate with <code>Authorization: users API-Key &lt;key&gt;</code> (integrations) or <code>Authorization: JWT &lt;token&gt;</code>.</p>
${tags.map((tag) => `<h2 id="tag-${escape(tag)}">${escape(tag)}</h2>\n${byTag.get(tag)!.join('\n')}`).join('\n')}
</main></body></html>`
}
