/** A small client for the real HTTP API started by startApiServer, authenticated as one user. */
export function apiClient(baseUrl: string, auth: { token?: string; apiKey?: string }) {
  const headers = (extra?: Record<string, string>) => ({
    'content-type': 'application/json',
    ...(auth.token ? { Authorization: `JWT ${auth.token}` } : {}),
    ...(auth.apiKey ? { Authorization: `users API-Key ${auth.apiKey}` } : {}),
    ...extra,
  })
  const call = async (method: string, path: string, body?: unknown, extraHeaders?: Record<string, string>) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: headers(extraHeaders),
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    })
    const text = await response.text()
    let json: any = null
    try {
      json = text ? JSON.parse(text) : null
    } catch {
      json = { raw: text }
    }
    return { status: response.status, body: json, headers: response.headers }
  }
  return {
    get: (path: string, extra?: Record<string, string>) => call('GET', path, undefined, extra),
    post: (path: string, body?: unknown, extra?: Record<string, string>) => call('POST', path, body ?? {}, extra),
    patch: (path: string, body: unknown) => call('PATCH', path, body),
    delete: (path: string) => call('DELETE', path),
  }
}
