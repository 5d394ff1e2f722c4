// The REST API as a test calls it beside the browser: to seed data and to check what the page did.

/** A JSON call as `token`: the status and the parsed body (null when the body is not JSON). */
export async function callApi(baseUrl, token, path, { method = 'GET', body } = {}) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}
