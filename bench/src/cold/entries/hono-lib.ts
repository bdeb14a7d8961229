// Everything hono and hono/aws-lambda export.
export * from 'hono'
export * from 'hono/aws-lambda'
