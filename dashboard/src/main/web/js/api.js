// REST calls under /api/v1 with the session cookie; errors carry the server's message.

/** GET /api/v1/<path>?<params>; resolves to the JSON body, rejects with a readable Error. */
export async function get(path, params = {}) {
    const query = new URLSearchParams(Object.entries(params)
        .filter(([, v]) => v !== null && v !== undefined && v !== "")).toString();
    return call("GET", "/api/v1/" + path + (query ? "?" + query : ""));
}

/** POST a JSON body to /api/v1/<path>. */
export async function post(path, body) {
    return call("POST", "/api/v1/" + path, body);
}

async function call(method, url, body) {
    let response;
    try {
        response = await fetch(url, {
            method, credentials: "same-origin", cache: "no-store",
            headers: body ? { "Content-Type": "application/json" } : {},
            body: body ? JSON.stringify(body) : undefined,
        });
    } catch (e) {
        throw new Error("server not answering");
    }
    let json = null;
    try { json = await response.json(); } catch (e) { /* not JSON */ }
    if (!response.ok) {
        const error = new Error(json && json.error ? json.error : "HTTP " + response.status);
        error.status = response.status;
        throw error;
    }
    return json;
}
