#include "spdysession.h"

#include <QtEndian>

#include <zlib.h>

namespace Meshdeck::Demo {

namespace {

enum : quint16 {
    SynStream = 1,
    SynReply = 2,
    RstStream = 3,
    Settings = 4,
    Ping = 6,
    GoAway = 7,
    HeadersFrame = 8,
    WindowUpdate = 9,
};
constexpr quint8 kFin = 0x01;
constexpr int kMaxFrame = 16 * 1024 * 1024; // 24-bit lengths
constexpr int kDataChunk = 32 * 1024;

// The SPDY/3 header-compression dictionary (draft-mbelshe-httpbis-spdy-00, 2.6.10.1): these
// names, each after its length as 4 bytes big-endian, then the text that follows them.
QByteArray dictionary()
{
    static const QByteArray dict = [] {
        static const char *const words[] = {"options",
                                            "head",
                                            "post",
                                            "put",
                                            "delete",
                                            "trace",
                                            "accept",
                                            "accept-charset",
                                            "accept-encoding",
                                            "accept-language",
                                            "accept-ranges",
                                            "age",
                                            "allow",
                                            "authorization",
                                            "cache-control",
                                            "connection",
                                            "content-base",
                                            "content-encoding",
                                            "content-language",
                                            "content-length",
                                            "content-location",
                                            "content-md5",
                                            "content-range",
                                            "content-type",
                                            "date",
                                            "etag",
                                            "expect",
                                            "expires",
                                            "from",
                                            "host",
                                            "if-match",
                                            "if-modified-since",
                                            "if-none-match",
                                            "if-range",
                                            "if-unmodified-since",
                                            "last-modified",
                                            "location",
                                            "max-forwards",
                                            "pragma",
                                            "proxy-authenticate",
                                            "proxy-authorization",
                                            "range",
                                            "referer",
                                            "retry-after",
                                            "server",
                                            "te",
                                            "trailer",
                                            "transfer-encoding",
                                            "upgrade",
                                            "user-agent",
                                            "vary",
                                            "via",
                                            "warning",
                                            "www-authenticate",
                                            "method",
                                            "get",
                                            "status",
                                            "200 OK",
                                            "version",
                                            "HTTP/1.1",
                                            "url",
                                            "public",
                                            "set-cookie",
                                            "keep-alive",
                                            "origin"};
        QByteArray out;
        for (const char *w : words) {
            const quint32 n = quint32(qstrlen(w));
            char len[4];
            qToBigEndian(n, len);
            out.append(len, 4).append(w);
        }
        out.append("100101201202205206300302303304305306307402405406407408409410411412413414"
                   "415416417502504505203 Non-Authoritative Information204 No Content301 Moved "
                   "Permanently400 Bad Request401 Unauthorized403 Forbidden404 Not Found500 "
                   "Internal Server Error501 Not Implemented503 Service UnavailableJan Feb Mar "
                   "Apr May Jun Jul Aug Sept Oct Nov Dec 00:00:00 Mon, Tue, Wed, Thu, Fri, Sat, "
                   "Sun, GMTchunked,text/html,image/png,image/jpg,image/gif,application/xml,"
                   "application/xhtml+xml,text/plain,text/javascript,publicprivatemax-age=gzip,"
                   "deflate,sdchcharset=utf-8charset=iso-8859-1,utf-,*,enq=0.");
        return out;
    }();
    return dict;
}

void put32(QByteArray &out, quint32 v)
{
    char b[4];
    qToBigEndian(v, b);
    out.append(b, 4);
}

quint32 get32(const char *p)
{
    return qFromBigEndian<quint32>(p);
}

QByteArray controlFrame(quint16 type, quint8 flags, const QByteArray &payload)
{
    QByteArray out;
    out.reserve(8 + payload.size());
    out.append(char(0x80)).append(char(3)); // control bit, version 3
    out.append(char(type >> 8)).append(char(type & 0xff));
    out.append(char(flags));
    const int n = int(payload.size());
    out.append(char((n >> 16) & 0xff)).append(char((n >> 8) & 0xff)).append(char(n & 0xff));
    return out + payload;
}

} // namespace

struct SpdySession::Zlib
{
    z_stream in {};
    z_stream out {};
    bool inReady = false;
    bool outReady = false;
    ~Zlib()
    {
        if (inReady)
            inflateEnd(&in);
        if (outReady)
            deflateEnd(&out);
    }
};

SpdySession::SpdySession(Events events)
    : m_events(std::move(events))
    , m_zlib(std::make_unique<Zlib>())
{
    m_zlib->inReady = inflateInit(&m_zlib->in) == Z_OK;
    m_zlib->outReady = deflateInit(&m_zlib->out, Z_DEFAULT_COMPRESSION) == Z_OK;
    if (m_zlib->outReady) {
        const QByteArray dict = dictionary();
        deflateSetDictionary(&m_zlib->out, reinterpret_cast<const Bytef *>(dict.constData()),
                             uInt(dict.size()));
    }
}

SpdySession::~SpdySession() = default;

QByteArray SpdySession::headerValue(const Headers &headers, const QByteArray &name)
{
    for (const auto &[n, v] : headers)
        if (n == name)
            return v;
    return {};
}

bool SpdySession::feed(const QByteArray &bytes, QString *error)
{
    m_buffer += bytes;
    int at = 0;
    while (m_buffer.size() - at >= 8) {
        const char *p = m_buffer.constData() + at;
        const quint32 length
            = (quint32(uchar(p[5])) << 16) | (quint32(uchar(p[6])) << 8) | uchar(p[7]);
        if (length > quint32(kMaxFrame)) {
            *error = QStringLiteral("SPDY frame too large");
            return false;
        }
        if (quint32(m_buffer.size() - at) < 8 + length)
            break;
        const QByteArray payload = m_buffer.mid(at + 8, int(length));
        const quint8 flags = quint8(p[4]);
        if (uchar(p[0]) & 0x80) {
            const quint16 version = quint16(((uchar(p[0]) & 0x7f) << 8) | uchar(p[1]));
            if (version != 3) {
                *error = QStringLiteral("SPDY version %1 is not supported (3 is)").arg(version);
                return false;
            }
            const quint16 type = quint16((uchar(p[2]) << 8) | uchar(p[3]));
            if (!control(type, flags, payload, error))
                return false;
        } else {
            const quint32 stream = get32(p) & 0x7fffffff;
            if (!payload.isEmpty() && m_events.data)
                m_events.data(stream, payload);
            if ((flags & kFin) && m_events.finished)
                m_events.finished(stream);
        }
        at += 8 + int(length);
    }
    m_buffer.remove(0, at);
    return true;
}

bool SpdySession::control(quint16 type, quint8 flags, const QByteArray &payload, QString *error)
{
    switch (type) {
    case SynStream: {
        if (payload.size() < 10) {
            *error = QStringLiteral("short SYN_STREAM frame");
            return false;
        }
        const quint32 stream = get32(payload.constData()) & 0x7fffffff;
        Headers headers;
        if (!inflateHeaders(payload.mid(10), &headers, error))
            return false;
        if (m_events.opened)
            m_events.opened(stream, headers, flags & kFin);
        return true;
    }
    case HeadersFrame: {
        if (payload.size() < 4) {
            *error = QStringLiteral("short HEADERS frame");
            return false;
        }
        Headers ignored; // decoded only to keep the compression context in step
        return inflateHeaders(payload.mid(4), &ignored, error);
    }
    case RstStream:
        if (payload.size() >= 4 && m_events.reset)
            m_events.reset(get32(payload.constData()) & 0x7fffffff);
        return true;
    case Ping:
        m_events.write(controlFrame(Ping, 0, payload.left(4)));
        return true;
    case GoAway:
    case SynReply:
    case Settings:
    case WindowUpdate:
    default:
        return true; // nothing to do for the peer's settings, advice or replies
    }
}

bool SpdySession::inflateHeaders(const QByteArray &block, Headers *headers, QString *error)
{
    if (!m_zlib->inReady) {
        *error = QStringLiteral("zlib is not available");
        return false;
    }
    z_stream &z = m_zlib->in;
    QByteArray plain;
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(block.constData()));
    z.avail_in = uInt(block.size());
    char chunk[16 * 1024];
    for (;;) {
        z.next_out = reinterpret_cast<Bytef *>(chunk);
        z.avail_out = sizeof chunk;
        const int rc = inflate(&z, Z_SYNC_FLUSH);
        if (rc == Z_NEED_DICT) {
            const QByteArray dict = dictionary();
            if (inflateSetDictionary(&z, reinterpret_cast<const Bytef *>(dict.constData()),
                                     uInt(dict.size()))
                != Z_OK) {
                *error = QStringLiteral("the SPDY header block needs another dictionary");
                return false;
            }
            continue;
        }
        if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) {
            *error = QStringLiteral("damaged SPDY header block (zlib error %1)").arg(rc);
            return false;
        }
        plain.append(chunk, int(sizeof chunk - z.avail_out));
        if (plain.size() > 1024 * 1024) {
            *error = QStringLiteral("SPDY header block too large");
            return false;
        }
        if (rc == Z_BUF_ERROR || (z.avail_in == 0 && z.avail_out != 0))
            break;
    }
    if (plain.size() < 4) {
        *error = QStringLiteral("empty SPDY header block");
        return false;
    }
    const char *p = plain.constData();
    const char *end = p + plain.size();
    quint32 count = get32(p);
    p += 4;
    for (; count > 0; --count) {
        if (end - p < 4)
            break;
        const quint32 nameLength = get32(p);
        p += 4;
        if (quint32(end - p) < nameLength + 4)
            break;
        const QByteArray name(p, int(nameLength));
        p += nameLength;
        const quint32 valueLength = get32(p);
        p += 4;
        if (quint32(end - p) < valueLength)
            break;
        const QByteArray value(p, int(valueLength));
        p += valueLength;
        for (const QByteArray &v : value.split('\0'))
            headers->append({name.toLower(), v});
    }
    if (count > 0) {
        *error = QStringLiteral("truncated SPDY header block");
        return false;
    }
    return true;
}

QByteArray SpdySession::deflateHeaders(const Headers &headers)
{
    QByteArray plain;
    put32(plain, quint32(headers.size()));
    for (const auto &[name, value] : headers) {
        put32(plain, quint32(name.size()));
        plain += name.toLower();
        put32(plain, quint32(value.size()));
        plain += value;
    }
    z_stream &z = m_zlib->out;
    z.next_in = reinterpret_cast<Bytef *>(plain.data());
    z.avail_in = uInt(plain.size());
    QByteArray out;
    char chunk[4096];
    do {
        z.next_out = reinterpret_cast<Bytef *>(chunk);
        z.avail_out = sizeof chunk;
        deflate(&z, Z_SYNC_FLUSH);
        out.append(chunk, int(sizeof chunk - z.avail_out));
    } while (z.avail_out == 0);
    return out;
}

void SpdySession::reply(quint32 stream, const Headers &headers)
{
    QByteArray payload;
    put32(payload, stream & 0x7fffffff);
    payload += deflateHeaders(headers);
    m_events.write(controlFrame(SynReply, 0, payload));
}

void SpdySession::send(quint32 stream, const QByteArray &data, bool fin)
{
    int at = 0;
    do {
        const int n = std::min<int>(kDataChunk, int(data.size()) - at);
        const bool last = at + n >= data.size();
        QByteArray frame;
        frame.reserve(8 + n);
        put32(frame, stream & 0x7fffffff);
        frame.append(char(last && fin ? kFin : 0));
        frame.append(char((n >> 16) & 0xff)).append(char((n >> 8) & 0xff)).append(char(n & 0xff));
        frame.append(data.constData() + at, n);
        m_events.write(frame);
        at += n;
    } while (at < data.size());
}

void SpdySession::reset(quint32 stream, quint32 status)
{
    QByteArray payload;
    put32(payload, stream & 0x7fffffff);
    put32(payload, status);
    m_events.write(controlFrame(RstStream, 0, payload));
}

void SpdySession::goAway()
{
    QByteArray payload;
    put32(payload, 0); // last good stream: the demo accepts every stream it is sent
    put32(payload, 0); // OK
    m_events.write(controlFrame(GoAway, 0, payload));
}

} // namespace Meshdeck::Demo
