// Everything @faasade/core and @faasade/aws export (no tree shaking): the library's whole weight.
export * from '@faasade/aws'
export * from '@faasade/core'
