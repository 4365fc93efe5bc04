#pragma once

#include "streamticket.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>
#include <string>

namespace Meshdeck::Demo {

class UpgradedConnection;

// A port-forward over WebSocket (the channel protocols v1 to v5, binary or base64), served on
// the API server's handler thread that took the connection over: WebSocket frames through
// wslay, the pod's ports as non-blocking sockets in the same poll loop. No thread hand-off and
// no relay between the client and the pod, so a forward moves bytes about as fast as the TLS
// connection can (exec keeps to the StreamServer, whose shell lives on an event loop).
//
// Per port i, as the kubelet does: channel 2i carries data and 2i+1 errors, each opening with
// the port number (2 bytes, little-endian); v5 clients half-close a port with channel 255.
// The session ends when every port's connection has ended, the client closes, the pod goes
// (its error channels say so) or the server stops.
class ForwardSession
{
public:
    // The subprotocol the server takes from those a client offers, in the client's order
    // (empty: none offered, the unversioned protocol); `*refused` when none is supported.
    static QString choose(const QStringList &offered, bool *refused);
    // The 101 answer to a WebSocket handshake with that key, agreeing on `protocol`.
    static std::string handshakeAnswer(const std::string &key, const QString &protocol);

    ForwardSession(UpgradedConnection &client, StreamTicket ticket, const QString &protocol);
    ~ForwardSession();
    ForwardSession(const ForwardSession &) = delete;
    ForwardSession &operator=(const ForwardSession &) = delete;

    // Writes the handshake's answer, then serves until the session ends.
    void run(const std::string &key, const std::atomic_bool &stopping);

private:
    struct State;
    std::unique_ptr<State> d;
};

} // namespace Meshdeck::Demo
