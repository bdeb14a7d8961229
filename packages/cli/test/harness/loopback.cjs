// Loaded with `node --require` in front of the Functions Framework CLI, which listens on every interface:
// a listen given only a port binds 127.0.0.1, so the test servers stay on loopback.
const net = require('node:net')
const listen = net.Server.prototype.listen
net.Server.prototype.listen = function (...args) {
  if ((typeof args[0] === 'number' || typeof args[0] === 'string') && typeof args[1] !== 'string')
    args.splice(1, 0, '127.0.0.1')
  return listen.apply(this, args)
}
