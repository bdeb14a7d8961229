// Stand-in for aws-lambda-ric's native `rapid-client.node` (curl + aws-lambda-cpp): the same three calls over
// node:http. ONE keep-alive socket, so a response POST always reaches the Runtime API before the next GET.
const http = require('node:http')

const [host, port] = String(process.env.AWS_LAMBDA_RUNTIME_API).split(':')
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })

function send(method, path, body, headers) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host, port: Number(port), path: `/2018-06-01${path}`, method, agent, headers },
      (res) => {
        let data = ''
        res.setEncoding('utf8')
        res.on('data', (chunk) => (data += chunk))
        res.on('end', () => resolve({ data, headers: res.headers }))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

module.exports = {
  async next() {
    const { data, headers } = await send('GET', '/runtime/invocation/next')
    return { bodyJson: data, headers }
  },
  done(id, body) {
    send('POST', `/runtime/invocation/${id}/response`, body, { 'content-type': 'application/json' }).catch(() => {})
  },
  error(id, body) {
    const type = JSON.parse(body).errorType
    const headers = { 'content-type': 'application/json', 'lambda-runtime-function-error-type': type }
    send('POST', `/runtime/invocation/${id}/error`, body, headers).catch(() => {})
  },
}
