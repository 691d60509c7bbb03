#include "reports/report_words.h"

#include "maps/map_layers.h"
#include "reports/after_action_report.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTimeZone>

namespace vigie::reports {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("vigie::reports::Words", text);
}

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

} // namespace

ReportWording ReportWording::completed() const
{
    ReportWording w = *this;
    auto same = [](const QString &s) {
        return s;
    };
    for (auto *f :
         {&w.kind, &w.agency, &w.unitStatus, &w.incidentType, &w.incidentRef, &w.unitRef, &w.bedType})
        if (!*f)
            *f = same;
    if (!w.summary)
        w.summary = [](const Entry &e) {
            return QString::fromUtf8(compactDataJson(e.data).left(160));
        };
    if (!w.sender)
        w.sender = [](const Entry &e) {
            return e.author;
        };
    if (!w.roomTime)
        w.roomTime = [](qint64 ms) {
            return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone("Europe/Paris"));
        };
    return w;
}

QString timeText(const ReportWording &w, Timestamp t, bool withDate)
{
    return w.roomTime(t.msecs).toString(withDate ? QStringLiteral("dd/MM HH:mm") : QStringLiteral("HH:mm"));
}

QString longTimeText(const ReportWording &w, Timestamp t)
{
    static const QLocale french(QLocale::French, QLocale::France);
    return french.toString(w.roomTime(t.msecs), QStringLiteral("dddd d MMMM yyyy 'à' HH:mm"));
}

QString kindText(const ReportWording &w, const QString &kind)
{
    const QString word = w.kind(kind);
    return word == kind ? tr("autre (%1)").arg(kind) : word;
}

QString entrySummary(const ReportWording &w, const Entry &e)
{
    const QJsonObject &d = e.data;
    if (e.kind.startsWith(QLatin1String("exercise.")))
        return w.summary(e); // the console's words for the exercise's clock, stimuli and checks
    if (e.kind == QLatin1String("unit.status")) {
        // The unit's callsign when the status gives it ("VSAV 1 Belle-de-Mai"): paper has no tooltip.
        const QString name = str(d, "callsign").isEmpty() ? w.unitRef(str(d, "unit")) : str(d, "callsign");
        QString text = tr("%1 : %2").arg(name, w.unitStatus(str(d, "status")));
        if (const QString incident = str(d, "incident"); !incident.isEmpty())
            text += QStringLiteral(" → ") + w.incidentRef(incident);
        return text;
    }
    if (e.kind == QLatin1String("hospital.status")) {
        // The hospital by its name (the status's, else the city pack's), not its id.
        Hospital h;
        h.id = str(d, "hospital");
        h.name = str(d, "name");
        QString text = maps::hospitalName(h);
        if (const QString ed = str(d, "ed_status"); !ed.isEmpty())
            text += tr(" : urgences %1").arg(maps::edStatusLabel(ed));
        return text;
    }
    if (e.kind == QLatin1String("incident.open") || e.kind == QLatin1String("incident.update")) {
        // The console's summary names the incident by its id first; a reader of paper wants its nature too.
        QString text = w.summary(e);
        if (const QString type = str(d, "type"); !type.isEmpty())
            text += QStringLiteral(" (") + w.incidentType(type).toLower() + QLatin1Char(')');
        if (d.contains(QLatin1String("severity")))
            text += QStringLiteral(", ") + severityText(d.value(QLatin1String("severity")).toInt());
        return text;
    }
    return w.summary(e);
}

QString severityText(int severity)
{
    return tr("gravité %1/5").arg(severity);
}

QString casualtiesText(const Casualties &c)
{
    QStringList parts;
    if (c.red > 0)
        parts << tr("%1 UA").arg(c.red);
    if (c.yellow > 0)
        parts << tr("%1 UR").arg(c.yellow);
    if (c.green > 0)
        parts << (c.green == 1 ? tr("1 impliqué") : tr("%1 impliqués").arg(c.green));
    if (c.black > 0)
        parts << (c.black == 1 ? tr("1 décédé") : tr("%1 décédés").arg(c.black));
    return parts.isEmpty() ? tr("aucune victime") : parts.join(QStringLiteral(", "));
}

QString incidentText(const ReportWording &w, const QString &id, const QString &title)
{
    const QString ref = w.incidentRef(id);
    return title.isEmpty() || title == ref ? ref : QStringLiteral("%1 — %2").arg(title, ref);
}

QString recipientText(const ReportWording &w, const QString &recipient)
{
    if (recipient == QLatin1String("all"))
        return tr("tous les services");
    if (recipient == QLatin1String("municipal_police"))
        return tr("Police municipale");
    return w.agency(recipient);
}

/// An inject's channel as the trainees received it (docs/scenarios.md: phone, radio, mail or a feed's
/// format).
QString channelText(const QString &channel)
{
    static const std::pair<const char *, const char *> names[] = {
        {"phone", QT_TRANSLATE_NOOP("vigie::reports::Words", "téléphone")},
        {"radio", QT_TRANSLATE_NOOP("vigie::reports::Words", "radio")},
        {"mail", QT_TRANSLATE_NOOP("vigie::reports::Words", "courriel")},
        {"cap", QT_TRANSLATE_NOOP("vigie::reports::Words", "alerte CAP")},
        {"emsi", QT_TRANSLATE_NOOP("vigie::reports::Words", "message EMSI")},
        {"edxl-have", QT_TRANSLATE_NOOP("vigie::reports::Words", "message EDXL-HAVE")},
        {"nmea", QT_TRANSLATE_NOOP("vigie::reports::Words", "positions NMEA")},
        {"hubsante", QT_TRANSLATE_NOOP("vigie::reports::Words", "Hub Santé")},
        {"geojson", QT_TRANSLATE_NOOP("vigie::reports::Words", "capteurs GeoJSON")},
    };
    for (const auto &[id, label] : names)
        if (channel == QLatin1String(id))
            return tr(label);
    return channel;
}

QString agencyText(const ReportWording &w, const QString &agency)
{
    return agency.isEmpty() ? tr("service non précisé") : w.agency(agency);
}

} // namespace vigie::reports
