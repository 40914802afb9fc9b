/** JSON to and from the local server; never throws, so the page can always say what happened. */
export async function post(path, body) {
  try {
    const res = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = await res.json().catch(() => ({}));
    return { ok: res.ok, status: res.status, body: json };
  } catch (error) {
    return {
      ok: false,
      status: 0,
      body: { error: `The local server is not answering (${error.message}). Is npm start still running?` },
    };
  }
}

export async function getState(userId) {
  const res = await fetch(`/local/state?user=${encodeURIComponent(userId ?? '')}`, { cache: 'no-store' });
  if (!res.ok) throw new Error(`state: HTTP ${res.status}`);
  return res.json();
}

/** The Teams view's state, or null when this app has no local Teams tenant. */
export async function getTeamsState(userId) {
  const res = await fetch(`/local/teams/state?user=${encodeURIComponent(userId ?? '')}`, {
    cache: 'no-store',
  });
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`Teams state: HTTP ${res.status}`);
  return res.json();
}
