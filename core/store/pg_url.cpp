#include "store/pg_url.h"

#include <QCoreApplication>
#include <QUrl>

namespace vigie {

namespace {

QString usage()
{
    return QCoreApplication::translate("vigie::store", "write postgresql://[user@]HOST[:PORT]/DB?room=NAME");
}

Error noPassword(const QString &server)
{
    return Error{QCoreApplication::translate(
                     "vigie::store",
                     "%1: the room URL carries a password; remove it and put it in ~/.pgpass (or the "
                     "file PGPASSFILE names, or a service file): credentials never go on a "
                     "command line")
                     .arg(server)};
}

} // namespace

bool isPgUrl(const QString &location)
{
    return location.startsWith(QLatin1String("postgresql://")) ||
           location.startsWith(QLatin1String("postgres://"));
}

Result<PgLocation> parsePgUrl(const QString &url)
{
    if (!isPgUrl(url))
        return Error{QCoreApplication::translate("vigie::store", "\"%1\" is not a PostgreSQL room URL: %2")
                         .arg(url, usage())};
    const qsizetype schemeEnd = url.indexOf(QLatin1String("://")) + 3;
    // libpq's URI: scheme, authority (user, hosts and ports; several hosts are comma-separated, which QUrl
    // refuses, hence the hand split), path (the database), query.
    const qsizetype queryAt = url.indexOf(QLatin1Char('?'), schemeEnd);
    const QString beforeQuery = queryAt < 0 ? url : url.left(queryAt);
    const QString query = queryAt < 0 ? QString() : url.mid(queryAt + 1);
    const qsizetype pathAt = beforeQuery.indexOf(QLatin1Char('/'), schemeEnd);
    const QString authority =
        pathAt < 0 ? beforeQuery.mid(schemeEnd) : beforeQuery.mid(schemeEnd, pathAt - schemeEnd);
    const QString path = pathAt < 0 ? QString() : beforeQuery.mid(pathAt);
    const qsizetype at = authority.lastIndexOf(QLatin1Char('@'));
    const QString hosts = at < 0 ? authority : authority.mid(at + 1);

    PgLocation where;
    where.server = (hosts.isEmpty() ? QStringLiteral("localhost") : hosts) + path;
    if (at >= 0 && authority.left(at).contains(QLatin1Char(':')))
        return noPassword(where.server);

    QStringList kept;
    for (const QString &pair : query.split(QLatin1Char('&'), Qt::SkipEmptyParts)) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        const QString key = QUrl::fromPercentEncoding(pair.left(eq < 0 ? pair.size() : eq).toUtf8());
        const QString value = eq < 0 ? QString() : QUrl::fromPercentEncoding(pair.mid(eq + 1).toUtf8());
        if (key == QLatin1String("room"))
            where.room = value;
        else if (key == QLatin1String("password"))
            return noPassword(where.server);
        else
            kept << pair;
    }
    if (where.room.isEmpty())
        return Error{
            QCoreApplication::translate("vigie::store", "%1: the room URL names no room; add ?room=NAME (%2)")
                .arg(url, usage())};
    where.conninfo = beforeQuery;
    if (!kept.isEmpty())
        where.conninfo += QLatin1Char('?') + kept.join(QLatin1Char('&'));
    return where;
}

} // namespace vigie
