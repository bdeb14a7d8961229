/** A CloudFormation short-form intrinsic such as `!Ref Bucket` or `!GetAtt Queue.Arn`. */
export class Tag {
  constructor(
    readonly tag: string,
    readonly value: string,
  ) {}
}

export type Yaml = string | number | boolean | Tag | readonly Yaml[] | { readonly [key: string]: Yaml | undefined }

const PLAIN = /^[A-Za-z_/$][A-Za-z0-9_./:${}-]*$/
const RESERVED = /^(true|false|yes|no|on|off|null|y|n|~)$/i

function scalar(value: string | number | boolean | Tag): string {
  if (value instanceof Tag) return `${value.tag} ${scalar(value.value)}`
  if (typeof value !== 'string') return String(value)
  return PLAIN.test(value) && !RESERVED.test(value) ? value : JSON.stringify(value)
}

function isScalar(value: Yaml): value is string | number | boolean | Tag {
  return typeof value !== 'object' || value instanceof Tag
}

function lines(value: Yaml, indent: string): string[] {
  if (isScalar(value)) return [`${indent}${scalar(value)}`]
  const out: string[] = []
  if (Array.isArray(value)) {
    for (const item of value as readonly Yaml[]) {
      if (isScalar(item)) out.push(`${indent}- ${scalar(item)}`)
      else {
        const inner = lines(item, `${indent}  `)
        out.push(`${indent}- ${(inner[0] as string).trimStart()}`, ...inner.slice(1))
      }
    }
    return out
  }
  for (const [key, item] of Object.entries(value as Record<string, Yaml | undefined>)) {
    if (item === undefined) continue
    const k = scalar(key)
    if (isScalar(item)) out.push(`${indent}${k}: ${scalar(item)}`)
    else if (Array.isArray(item) && item.length === 0) out.push(`${indent}${k}: []`)
    else if (!Array.isArray(item) && Object.keys(item).length === 0) out.push(`${indent}${k}: {}`)
    else out.push(`${indent}${k}:`, ...lines(item, `${indent}  `))
  }
  return out
}

/** A YAML document for `value` (block style; strings quoted only when YAML would misread them). */
export function toYaml(value: Yaml): string {
  return `${lines(value, '').join('\n')}\n`
}
