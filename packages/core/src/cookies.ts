/** A cookie to set, as `Set-Cookie` attributes (RFC 6265). */
export interface Cookie {
  name: string
  value: string
  domain?: string
  path?: string
  expires?: Date | string | number
  /** Seconds. */
  maxAge?: number
  secure?: boolean
  httpOnly?: boolean
  sameSite?: 'Strict' | 'Lax' | 'None'
  partitioned?: boolean
}

/** Parses `Cookie` header values (and AWS `cookies[]` pairs) into a name → value map; the first of a name wins. */
export function parseCookies(headers: readonly string[]): Record<string, string> {
  // No prototype: a cookie named `constructor` or `toString` is a cookie like any other.
  const out: Record<string, string> = Object.create(null)
  for (const header of headers) {
    for (const pair of header.split(';')) {
      const eq = pair.indexOf('=')
      if (eq < 0) continue
      const name = pair.slice(0, eq).trim()
      if (!name || name in out) continue
      let value = pair.slice(eq + 1).trim()
      if (value.length > 1 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1)
      try {
        out[name] = value.includes('%') ? decodeURIComponent(value) : value
      } catch {
        out[name] = value
      }
    }
  }
  return out
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/

/** Serializes a cookie as one `Set-Cookie` header value; the value is percent-encoded. */
export function serializeCookie(cookie: Cookie): string {
  if (!TOKEN.test(cookie.name)) throw new TypeError(`faasade: invalid cookie name ${JSON.stringify(cookie.name)}`)
  let out = `${cookie.name}=${encodeURIComponent(cookie.value)}`
  if (cookie.maxAge !== undefined) out += `; Max-Age=${Math.trunc(cookie.maxAge)}`
  if (cookie.domain) out += `; Domain=${cookie.domain}`
  if (cookie.path) out += `; Path=${cookie.path}`
  if (cookie.expires !== undefined) out += `; Expires=${new Date(cookie.expires).toUTCString()}`
  if (cookie.httpOnly) out += '; HttpOnly'
  if (cookie.secure) out += '; Secure'
  if (cookie.sameSite) out += `; SameSite=${cookie.sameSite}`
  if (cookie.partitioned) out += '; Partitioned'
  return out
}

/** Reads one `Set-Cookie` header value back into a `Cookie` (for providers that take cookie objects). */
export function parseSetCookie(header: string): Cookie {
  const [pair = '', ...attrs] = header.split(';')
  const eq = pair.indexOf('=')
  const rawValue = eq < 0 ? '' : pair.slice(eq + 1).trim()
  let value = rawValue
  try {
    value = decodeURIComponent(rawValue)
  } catch {}
  const cookie: Cookie = { name: (eq < 0 ? pair : pair.slice(0, eq)).trim(), value }
  for (const attr of attrs) {
    const i = attr.indexOf('=')
    const key = (i < 0 ? attr : attr.slice(0, i)).trim().toLowerCase()
    const val = i < 0 ? '' : attr.slice(i + 1).trim()
    if (key === 'domain') cookie.domain = val
    else if (key === 'path') cookie.path = val
    else if (key === 'expires') cookie.expires = new Date(val)
    else if (key === 'max-age') cookie.maxAge = Number(val)
    else if (key === 'secure') cookie.secure = true
    else if (key === 'httponly') cookie.httpOnly = true
    else if (key === 'partitioned') cookie.partitioned = true
    else if (key === 'samesite') {
      const s = val.toLowerCase()
      cookie.sameSite = s === 'strict' ? 'Strict' : s === 'none' ? 'None' : 'Lax'
    }
  }
  return cookie
}
