#pragma once

#include <core/httptransport.h>
#include <demo/certificates.h>
#include <demo/democluster.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

// Plain HTTP(S) calls against a running demo cluster, through the project's libcurl transport:
// tests see exactly the wire the API speaks.
class DemoApi
{
public:
    struct Reply
    {
        int status = 0;
        QByteArray body;
        QJsonObject json;
        QString error; // transport error, if any
        QList<Meshdeck::HttpHeader> headers;
    };

    explicit DemoApi(Meshdeck::Demo::DemoCluster &cluster, QString token = {})
        : m_cluster(cluster)
        , m_token(std::move(token))
    {
    }

    Reply call(const QByteArray &method, const QString &path, const QByteArray &body = {},
               const QByteArray &contentType = "application/json",
               const QList<Meshdeck::HttpHeader> &extra = {}) const
    {
        Meshdeck::HttpRequest request;
        request.method = method;
        request.url = QUrl(m_cluster.serverUrl() + path);
        request.body = body;
        request.timeout = std::chrono::seconds(20);
        if (!body.isEmpty())
            request.headers << Meshdeck::HttpHeader {"Content-Type", contentType};
        request.headers << extra;
        // The administrator's token on plain HTTP, its client certificate over TLS.
        const QString token = !m_token.isEmpty() ? m_token
            : (!m_cluster.tls() && !m_anonymous) ? m_cluster.adminToken()
                                                 : QString();
        if (!token.isEmpty())
            request.headers << Meshdeck::HttpHeader {"Authorization", "Bearer " + token.toUtf8()};
        if (const auto *tls = m_cluster.tls()) {
            request.tls.caPem = tls->caCert;
            if (m_token.isEmpty() && !m_anonymous) {
                request.tls.clientCertPem = tls->adminCert;
                request.tls.clientKeyPem = tls->adminKey;
            }
        }
        Reply reply;
        const auto r = Meshdeck::HttpTransport::perform(request);
        if (!r.ok()) {
            reply.error = r.error().toString();
            return reply;
        }
        reply.status = r->status;
        reply.body = r->body;
        reply.headers = r->headers;
        reply.json = QJsonDocument::fromJson(r->body).object();
        return reply;
    }

    Reply get(const QString &path) const { return call("GET", path); }
    Reply post(const QString &path, const QJsonObject &o) const
    {
        return call("POST", path, QJsonDocument(o).toJson(QJsonDocument::Compact));
    }
    Reply put(const QString &path, const QJsonObject &o) const
    {
        return call("PUT", path, QJsonDocument(o).toJson(QJsonDocument::Compact));
    }
    Reply patch(const QString &path, const QByteArray &body, const QByteArray &type) const
    {
        return call("PATCH", path, body, type);
    }
    Reply del(const QString &path) const { return call("DELETE", path); }

    void setAnonymous(bool on) { m_anonymous = on; }

private:
    Meshdeck::Demo::DemoCluster &m_cluster;
    QString m_token;
    bool m_anonymous = false;
};
