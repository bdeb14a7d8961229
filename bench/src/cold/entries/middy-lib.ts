// middy core with the JSON body parser and error handler.
export { default as middy } from '@middy/core'
export { default as httpErrorHandler } from '@middy/http-error-handler'
export { default as httpJsonBodyParser } from '@middy/http-json-body-parser'
