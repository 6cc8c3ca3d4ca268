/** The one branded e-mail layout: every notification renders its body into this, with a plain-text twin. */

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!)
}

export type EmailTable = { columns: string[]; rows: (string | number | null | undefined)[][] }

/** A simple bordered table for order lines, alerts and digests. */
export function htmlTable({ columns, rows }: EmailTable): string {
  const cell = 'padding:6px 10px;border:1px solid #d9dee5;text-align:left'
  const head = columns.map((column) => `<th style="${cell};background:#f3f5f8">${escapeHtml(column)}</th>`).join('')
  const body = rows.map((row) => `<tr>${row.map((value) => `<td style="${cell}">${escapeHtml(value)}</td>`).join('')}</tr>`).join('')
  return `<table style="border-collapse:collapse;font-size:14px;margin:12px 0"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`
}

export function textTable({ columns, rows }: EmailTable): string {
  return [columns.join(' | '), ...rows.map((row) => row.map((value) => String(value ?? '')).join(' | '))].join('\n')
}

export type EmailContent = {
  title: string
  /** Paragraphs of plain text, shown above the table. */
  paragraphs?: string[]
  table?: EmailTable
  /** A call to action, e.g. a link back to the console. */
  action?: { label: string; url: string }
  footer?: string
}

/** Renders a notification as { html, text }: the same words in both, HTML escaped, no remote assets. */
export function renderEmail(content: EmailContent): { html: string; text: string } {
  const paragraphs = content.paragraphs ?? []
  const footer = content.footer ?? 'Sent by Quartermaster inventory.'
  const html = [
    '<!doctype html><html><body style="margin:0;background:#f3f5f8;font-family:Helvetica,Arial,sans-serif;color:#1b2430">',
    '<div style="max-width:680px;margin:0 auto;padding:24px">',
    '<div style="font-weight:bold;font-size:13px;letter-spacing:.08em;color:#3d5a80;text-transform:uppercase">Quartermaster</div>',
    '<div style="background:#fff;border-radius:6px;padding:20px 24px;margin-top:8px">',
    `<h1 style="font-size:20px;margin:0 0 12px">${escapeHtml(content.title)}</h1>`,
    ...paragraphs.map((paragraph) => `<p style="margin:0 0 10px;line-height:1.5">${escapeHtml(paragraph)}</p>`),
    content.table ? htmlTable(content.table) : '',
    content.action
      ? `<p><a href="${escapeHtml(content.action.url)}" style="display:inline-block;background:#3d5a80;color:#fff;padding:8px 14px;border-radius:4px;text-decoration:none">${escapeHtml(content.action.label)}</a></p>`
      : '',
    '</div>',
    `<p style="font-size:12px;color:#6b7785;margin-top:12px">${escapeHtml(footer)}</p>`,
    '</div></body></html>',
  ].join('')
  const text = [
    content.title,
    '',
    ...paragraphs,
    content.table ? `\n${textTable(content.table)}` : '',
    content.action ? `\n${content.action.label}: ${content.action.url}` : '',
    '',
    '--',
    footer,
  ].join('\n')
  return { html, text }
}
