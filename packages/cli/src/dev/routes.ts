/** One HTTP route the dev server answers, bound to one function. */
export interface Route {
  name: string
  /** Upper-case methods, or undefined for any. */
  methods: readonly string[] | undefined
  /** Template with `{param}` segments; `{param+}` or `{*param}` takes the rest of the path. */
  template: string
  match(path: string): Record<string, string> | undefined
}

/** A route from a template such as `/orders/{id}` (API Gateway and Azure share this syntax). */
export function route(name: string, template: string, methods?: readonly string[]): Route {
  const parts = template.split('/').filter(Boolean)
  return {
    name,
    methods: methods?.length ? methods.map((m) => m.toUpperCase()) : undefined,
    template: `/${parts.join('/')}`,
    match(path) {
      const segs = path.split('/').filter(Boolean)
      const params: Record<string, string> = {}
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i] as string
        const greedy = /^\{\*?([^}+]+)\+?\}$/.exec(part)
        if (greedy && (part.startsWith('{*') || part.endsWith('+}'))) {
          if (i >= segs.length) return undefined
          params[greedy[1] as string] = segs.slice(i).map(decodeURIComponent).join('/')
          return params
        }
        const seg = segs[i]
        if (seg === undefined) return undefined
        const param = /^\{([^}]+)\}$/.exec(part)
        if (param) params[param[1] as string] = decodeURIComponent(seg)
        else if (part !== seg) return undefined
      }
      return segs.length === parts.length ? params : undefined
    },
  }
}

/** The first route matching the path (and method); `methodMismatch` when only the method was wrong. */
export function findRoute(routes: readonly Route[], method: string, path: string) {
  let methodMismatch = false
  for (const r of routes) {
    const params = r.match(path)
    if (!params) continue
    if (r.methods && !r.methods.includes(method) && !(method === 'HEAD' && r.methods.includes('GET'))) {
      methodMismatch = true
      continue
    }
    return { route: r, params, methodMismatch: false }
  }
  return { route: undefined, params: undefined, methodMismatch }
}
