#include "exercise/exercise_entries_p.h"

#include <QRegularExpression>

namespace vigie::exercise {

namespace {

// The text on one line: a message wrapped in the scenario file reads as the sentence it is, cut at `max`.
QString oneLine(const QString &text, qsizetype max = 160)
{
    const QString t = text.simplified();
    return t.size() > max ? t.left(max - 1) + QChar(0x2026) : t;
}

QString firstCapture(const QString &content, const QString &pattern)
{
    const QRegularExpression re(pattern);
    const auto m = re.match(content);
    return m.hasMatch() ? oneLine(m.captured(1)) : QString();
}

} // namespace

Entry exerciseDraft(QLatin1String kind, const QString &author, Timestamp at)
{
    Entry e;
    e.kind = kind;
    e.author = author;
    e.role = QStringLiteral("trainer");
    e.eventTime = at;
    return e;
}

QUuid fixedEntryId(const QString &room, const QString &scenario, const QString &what)
{
    static const QUuid ns(QStringLiteral("{3b0d3f52-8a1e-4c55-9f1e-6d2c0e7a9b41}"));
    return QUuid::createUuidV5(ns, room + u'/' + scenario + u'/' + what);
}

QString injectSummary(const QString &format, const QString &content)
{
    QString s;
    // Read by pattern: the summary is for people, and a document that does not parse still gets one.
    if (format == u"cap")
        s = firstCapture(content, QStringLiteral("<(?:\\w+:)?headline>([^<]*)<"));
    if (s.isEmpty() && format == u"cap")
        s = firstCapture(content, QStringLiteral("<(?:\\w+:)?event>([^<]*)<"));
    if (s.isEmpty() && (format == u"emsi" || format == u"hubsante")) {
        s = firstCapture(content, QStringLiteral("<NAME>([^<]*)<"));
        if (s.isEmpty())
            s = firstCapture(content, QStringLiteral("\"NAME\"\\s*:\\s*\"([^\"]*)\""));
        if (s.isEmpty())
            s = firstCapture(content, QStringLiteral("<FREETEXT>([^<]*)<"));
    }
    if (s.isEmpty() && format == u"hubsante") { // RC-EDA: what happens, and where
        s = firstCapture(content,
                         QStringLiteral("\"whatsHappen\"\\s*:\\s*\\{[^}]*\"label\"\\s*:\\s*\"([^\"]*)\""));
        const QString where = firstCapture(content, QStringLiteral("\"complete\"\\s*:\\s*\"([^\"]*)\""));
        if (!s.isEmpty() && !where.isEmpty())
            s += QStringLiteral(" — ") + where;
        if (s.isEmpty() && content.contains(u"geoPositionsUpdate"))
            s = QStringLiteral("Positions des moyens (Hub Santé)");
    }
    if (s.isEmpty() && format == u"edxl-have")
        s = firstCapture(content, QStringLiteral("<(?:\\w+:)?OrganizationName>([^<]*)<"));
    if (s.isEmpty() && format == u"text")
        s = oneLine(content);
    if (s.isEmpty()) {
        static const QHash<QString, QString> names{
            {QStringLiteral("cap"), QStringLiteral("Alerte CAP")},
            {QStringLiteral("emsi"), QStringLiteral("Message EMSI")},
            {QStringLiteral("edxl-have"), QStringLiteral("État hospitalier EDXL-HAVE")},
            {QStringLiteral("hubsante"), QStringLiteral("Message Hub Santé")},
            {QStringLiteral("nmea"), QStringLiteral("Positions NMEA")},
            {QStringLiteral("geojson"), QStringLiteral("Données GeoJSON")}};
        s = names.value(format, QStringLiteral("Message"));
    }
    return s;
}

QString entrySummary(const Entry &e)
{
    QString what;
    for (const char *field : {"title", "text", "label"}) {
        what = oneLine(e.data.value(QLatin1String(field)).toString(), 100);
        if (!what.isEmpty())
            break;
    }
    if (what.isEmpty() && e.data.contains(QLatin1String("unit")))
        what = QString(e.data.value(QLatin1String("unit")).toString() + u' ' +
                       e.data.value(QLatin1String("status")).toString())
                   .trimmed();
    if (what.isEmpty())
        what = e.data.value(QLatin1String("incident")).toString();
    QString s = e.kind + QStringLiteral(" — ") + e.author;
    if (!what.isEmpty())
        s += QStringLiteral(" : ") + what;
    return s;
}

} // namespace vigie::exercise
