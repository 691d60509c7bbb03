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

/// Exercise time as trainers write it: "T+01:05:00".
QString exerciseTime(qint64 ms)
{
    const qint64 s = std::max<qint64>(0, ms) / 1000;
    return QStringLiteral("T+%1:%2:%3")
        .arg(s / 3600, 2, 10, QLatin1Char('0'))
        .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
        .arg(s % 60, 2, 10, QLatin1Char('0'));
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
    if (kind == QLatin1String("exercise.inject"))
        return tr("Inject d'exercice");
    if (kind == QLatin1String("exercise.check"))
        return tr("Contrôle d'exercice");
    if (kind == QLatin1String("exercise.clock"))
        return tr("Horloge d'exercice");
    const QString word = w.kind(kind);
    return word == kind ? tr("autre (%1)").arg(kind) : word;
}

QString entrySummary(const ReportWording &w, const Entry &e)
{
    const QJsonObject &d = e.data;
    if (e.kind == QLatin1String("exercise.inject")) {
        const QString who =
            str(d, "sender").isEmpty()
                ? QString()
                : tr(" (%1 → %2)").arg(str(d, "sender"), recipientText(w, str(d, "recipient")));
        return tr("inject %1 joué%2 : %3").arg(str(d, "inject"), who, str(d, "summary"));
    }
    if (e.kind == QLatin1String("exercise.check"))
        return tr("inject %1, attendu « %2 » : %3")
            .arg(str(d, "inject"), str(d, "action"), checkStatusLabel(str(d, "status")));
    if (e.kind == QLatin1String("exercise.clock")) {
        const QString action = str(d, "action");
        const QString at = exerciseTime(qint64(d.value(QLatin1String("exercise_ms")).toDouble()));
        if (action == QLatin1String("start"))
            return tr("début de l'exercice %1").arg(str(d, "scenario"));
        if (action == QLatin1String("pause"))
            return tr("exercice suspendu à %1").arg(at);
        if (action == QLatin1String("resume"))
            return tr("exercice repris à %1").arg(at);
        if (action == QLatin1String("speed"))
            return tr("vitesse de l'exercice : × %1").arg(d.value(QLatin1String("speed")).toDouble());
        if (action == QLatin1String("jump"))
            return tr("exercice avancé à %1").arg(at);
        if (action == QLatin1String("end"))
            return tr("fin de l'exercice à %1").arg(at);
        return action;
    }
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

QString agencyText(const ReportWording &w, const QString &agency)
{
    return agency.isEmpty() ? tr("service non précisé") : w.agency(agency);
}

} // namespace vigie::reports
