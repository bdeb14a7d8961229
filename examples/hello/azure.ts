// Azure Functions entry (Node.js v4 model): app.http('hello', { route: 'hello', … }).
import { register } from '@faasade/azure'
import { hello } from './functions/hello.js'

register('hello', hello, { route: 'hello', authLevel: 'anonymous' })
