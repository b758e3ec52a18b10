// @ts-check
// The console talks to its backend with XMLHttpRequest and JSON bodies (the extension hooks both XHR and fetch).

/**
 * POSTs a JSON body; resolves with the parsed reply, rejects when the request fails or the reply is not JSON.
 * @param {string} path
 * @param {unknown} body
 * @returns {Promise<any>}
 */
export function postJson(path, body) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('content-type', 'application/json;charset=UTF-8');
    xhr.onload = () => {
      try {
        resolve(JSON.parse(xhr.responseText));
      } catch {
        reject(new Error(`not JSON (HTTP ${xhr.status})`));
      }
    };
    xhr.onerror = () => reject(new Error('network error'));
    xhr.send(JSON.stringify(body));
  });
}
