// serverless-http.
export { default as serverless } from 'serverless-http'
