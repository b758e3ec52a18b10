// @ts-check
// The console talks to its backend with XMLHttpRequest and JSON bodies (the extension hooks both XHR and fetch).

/**
 * POSTs a JSON body; resolves with the parsed reply, rejects when the request fails or the reply is not JSON.
 * @param {string} path
 * @param {unknown} body
 * @returns {Promise<any>}
 */
export function postJson(path, body) {
  return requestJson('POST', path, JSON.stringify(body));
}

/**
 * GETs a JSON reply (the console's trace endpoint); resolves and rejects as postJson.
 * @param {string} path
 * @returns {Promise<any>}
 */
export function getJson(path) {
  return requestJson('GET', path, null);
}

/**
 * @param {'GET' | 'POST'} method
 * @param {string} path
 * @param {string | null} body
 * @returns {Promise<any>}
 */
function requestJson(method, path, body) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, path);
    if (body !== null) xhr.setRequestHeader('content-type', 'application/json;charset=UTF-8');
    xhr.onload = () => {
      try {
        resolve(JSON.parse(xhr.responseText));
      } catch {
        reject(new Error(`not JSON (HTTP ${xhr.status})`));
      }
    };
    xhr.onerror = () => reject(new Error('network error'));
    xhr.send(body);
  });
}
