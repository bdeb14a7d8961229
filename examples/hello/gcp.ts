// Google Cloud Functions entry: functions.http('hello', …) through the Functions Framework.
import { register } from '@faasade/gcp'
import { hello } from './functions/hello.js'

register('hello', hello)
