#include "reports/after_action_report.h"

#include "reports/report_words.h"

#include <QCoreApplication>
#include <QLocale>

namespace vigie::reports {

namespace {

using namespace reporting;

QString tr(const char *text)
{
    return QCoreApplication::translate("vigie::reports::AfterActionReport", text);
}

/// The incident table stays readable on paper: past this many rows, the rest is counted, not listed.
constexpr std::size_t incidentRowsMax = 250;

/// A table's header row, repeated on each page the table spans; `widths` in percent of the table (0: let
/// the layout choose).
QString th(const QStringList &names, const std::vector<int> &widths = {})
{
    QString row = QStringLiteral("<thead><tr>");
    for (qsizetype i = 0; i < names.size(); ++i) {
        const int w = std::size_t(i) < widths.size() ? widths[std::size_t(i)] : 0;
        row += w > 0 ? QStringLiteral("<th width=\"%1%\">%2</th>").arg(w).arg(esc(names[i]))
                     : QStringLiteral("<th>%1</th>").arg(esc(names[i]));
    }
    return row + QStringLiteral("</tr></thead>");
}

QString td(const QString &text, const QString &cls = {})
{
    return cls.isEmpty() ? QStringLiteral("<td>%1</td>").arg(text)
                         : QStringLiteral("<td class=%1>%2</td>").arg(cls, text);
}

QString kv(const QString &name, const QString &valueHtml)
{
    return QStringLiteral("<tr><td class=n width=\"34%\">%1</td><td>%2</td></tr>").arg(esc(name), valueHtml);
}

QString h2(const QString &text, bool newPage = false)
{
    // No top margin on a heading that opens a page: its margin would reach back into the page before.
    return newPage ? QStringLiteral("<h2 style=\"page-break-before: always; margin-top: 0\">%1</h2>")
                         .arg(esc(text))
                   : QStringLiteral("<h2>%1</h2>").arg(esc(text));
}

QString number(qint64 n)
{
    static const QLocale french(QLocale::French, QLocale::France);
    return french.toString(n);
}

/// "7 min 30 s (médiane), 12 min (9 sur 10 en deçà)".
QString statsText(const DurationStats &s)
{
    if (s.count == 0)
        return tr("—");
    return tr("%1 (médiane) ; %2 (90 %)").arg(durationText(s.medianMs), durationText(s.p90Ms));
}

/// A time and the delay since the report: "22:21 (+9 min)".
QString stepText(const ReportWording &w, const std::optional<Timestamp> &t, const IncidentTiming &i,
                 bool days)
{
    if (!t)
        return QStringLiteral("—");
    return QStringLiteral("%1<br><small>+%2</small>")
        .arg(timeText(w, *t, days), esc(durationText(std::max<qint64>(0, t->msecs - i.reported.msecs))));
}

QString cover(const AfterAction &r, const ReportWording &w, bool days)
{
    QString html = QStringLiteral("<h1>%1</h1>").arg(esc(afterActionTitle()));
    html += QStringLiteral("<p class=lead>%1</p>").arg(esc(tr("Salle « %1 »").arg(r.room.name)));
    if (r.room.mode == RoomMode::Exercise)
        html += QStringLiteral("<p class=mark>%1</p>")
                    .arg(esc(tr("EXERCICE — salle d'exercice : ce document ne décrit pas des faits réels.")));
    html += tableTag();
    if (r.entriesRead == 0) {
        html += kv(tr("Période"), esc(tr("aucune entrée de la main courante dans la période demandée")));
    } else {
        html += kv(tr("Période"), esc(tr("du %1 au %2")
                                          .arg(longTimeText(w, r.period.from.value_or(r.first)),
                                               longTimeText(w, r.period.to.value_or(r.last)))));
    }
    if (!r.scenarios.isEmpty())
        html += kv(tr("Scénario d'exercice"), esc(r.scenarios.join(QStringLiteral(", "))));
    html += kv(tr("Main courante"), esc(tr("%1 entrées dans la période").arg(number(r.entriesRead))));
    const auto closed = std::count_if(r.incidents.begin(), r.incidents.end(),
                                      [](const IncidentTiming &i) { return i.closed.has_value(); });
    html += kv(tr("Interventions signalées"), QStringLiteral("<span class=big>%1</span> %2")
                                                  .arg(r.incidents.size())
                                                  .arg(esc(tr("dont closes : %1").arg(closed))));
    html += kv(tr("Décisions"), QStringLiteral("<span class=big>%1</span>").arg(r.decisions.size()));
    const AgencyResponse &all = r.responses.front();
    html += kv(tr("Délai d'engagement"),
               esc(all.engage.count == 0 ? tr("aucune unité engagée sur ces interventions")
                                         : statsText(all.engage)));
    html +=
        kv(tr("Délai d'arrivée sur les lieux"),
           esc(all.arrive.count == 0 ? tr("aucune arrivée sur les lieux consignée") : statsText(all.arrive)));
    if (r.busiestOpen > 0)
        html += kv(tr("Moment le plus chargé"), esc(tr("%1 : %2 interventions ouvertes en même temps")
                                                        .arg(timeText(w, r.busiest, days))
                                                        .arg(r.busiestOpen)));
    html += QStringLiteral("</table>");
    if (!r.objectives.isEmpty()) {
        html += QStringLiteral("<h3>%1</h3><ul>").arg(esc(tr("Objectifs fixés")));
        for (const QString &o : r.objectives)
            html += QStringLiteral("<li>%1</li>").arg(esc(o));
        html += QStringLiteral("</ul>");
    }
    html += QStringLiteral("<h3>%1</h3><ol>").arg(esc(tr("Sommaire")));
    QStringList parts = {tr("Décisions et leurs auteurs"), tr("Interventions : du signalement à la clôture"),
                         tr("Délais d'intervention par service"), tr("Activité au fil du temps"),
                         tr("Cartes de la situation")};
    if (r.room.mode == RoomMode::Exercise || !r.injects.empty())
        parts << tr("Exercice : attendus et réalisé");
    parts << tr("Chronologie");
    for (const QString &p : parts)
        html += QStringLiteral("<li>%1</li>").arg(esc(p));
    html += QStringLiteral("</ol>");
    html +=
        QStringLiteral("<p class=note>%1</p>")
            .arg(esc(tr("Heures de Marseille (heure de l'événement, telle que la source l'a donnée : un "
                        "message arrivé en retard compte à l'heure des faits). Tiré de la main courante "
                        "telle qu'elle est enregistrée : les données personnelles y sont remplacées par des "
                        "jetons ([personne:…]).")));
    return html;
}

QString decisions(const AfterAction &r, const ReportWording &w, bool days)
{
    QString html = h2(tr("1. Décisions et leurs auteurs"), true);
    if (r.decisions.empty())
        return html + noData(tr("Aucune décision n'est consignée dans la main courante pour cette période."));
    html += tableTag() + th({tr("Heure"), tr("Auteur"), tr("Décision"), tr("Intervention")},
                            days ? std::vector<int>{12, 22, 52, 14} : std::vector<int>{8, 24, 54, 14});
    for (const DecisionItem &d : r.decisions) {
        QString who = esc(d.author);
        if (!d.agency.isEmpty())
            who += QStringLiteral("<br><small>%1</small>").arg(esc(agencyText(w, d.agency)));
        html += QStringLiteral("<tr>") + td(esc(timeText(w, d.time, days))) + td(who) + td(esc(d.text)) +
                td(d.incident.isEmpty() ? QStringLiteral("—") : esc(w.incidentRef(d.incident))) +
                QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</table>");
}

QString incidents(const AfterAction &r, const ReportWording &w, bool days)
{
    QString html = h2(tr("2. Interventions : du signalement à la clôture"), true);
    if (r.incidents.empty())
        return html + noData(tr("Aucune intervention n'a été signalée dans la période."));
    html +=
        QStringLiteral("<p>%1</p>")
            .arg(esc(tr("Pour chaque intervention : l'heure du signalement, la première unité engagée (en "
                        "route), la première sur les lieux et la clôture, avec le délai depuis le "
                        "signalement. « — » : pas dans la période.")));
    html += tableTag() + th({tr("Intervention"), tr("Service"), tr("Signalée"), tr("1re unité engagée"),
                             tr("1re sur les lieux"), tr("Clôture"), tr("Unités")},
                            {30, 12, 11, 12, 12, 12, 11});
    std::size_t shown = 0;
    for (const IncidentTiming &i : r.incidents) {
        if (++shown > incidentRowsMax)
            break;
        QString what = QStringLiteral("<b>%1</b>").arg(esc(incidentText(w, i.id, i.title)));
        QStringList about;
        if (!i.type.isEmpty())
            about << w.incidentType(i.type);
        about << severityText(i.severity);
        what += QStringLiteral("<br><small>%1</small>").arg(esc(about.join(QStringLiteral(", "))));
        html += QStringLiteral("<tr>") + td(what) + td(esc(agencyText(w, i.agency))) +
                td(esc(timeText(w, i.reported, days))) + td(stepText(w, i.firstEngaged, i, days)) +
                td(stepText(w, i.firstOnScene, i, days)) + td(stepText(w, i.closed, i, days)) +
                td(QString::number(i.unitsEngaged), QStringLiteral("r")) + QStringLiteral("</tr>");
    }
    html += QStringLiteral("</table>");
    if (r.incidents.size() > incidentRowsMax)
        html += QStringLiteral("<p class=note>%1</p>")
                    .arg(esc(tr("%1 interventions de plus ne sont pas listées ici ; elles comptent dans les "
                                "délais ci-après.")
                                 .arg(r.incidents.size() - incidentRowsMax)));
    return html;
}

QString responses(const AfterAction &r, const ReportFigures &f, const ReportWording &w)
{
    QString html = h2(tr("3. Délais d'intervention par service"), true);
    const AgencyResponse &all = r.responses.front();
    if (all.engage.count == 0 && all.arrive.count == 0)
        return html + noData(tr("Aucune unité n'a été engagée sur les interventions de la période : pas de "
                                "délai à mesurer."));
    html +=
        QStringLiteral("<p>%1</p>")
            .arg(esc(tr("Délai d'engagement : du signalement à la première unité du service en route. "
                        "Délai d'arrivée : du signalement à la première unité du service sur les lieux. "
                        "Médiane : la moitié des interventions en deçà ; « 90 % » : neuf sur dix en deçà.")));
    html += tableTag() + th({tr("Service"), tr("Engagements"), tr("Délai d'engagement (médiane)"),
                             tr("Arrivées"), tr("Délai d'arrivée (médiane)"), tr("Arrivée la plus lente")},
                            {16, 15, 19, 15, 19, 16});
    auto pair = [](const DurationStats &s) {
        return td(s.count == 0 ? QStringLiteral("—")
                               : QStringLiteral("%1<br><small>%2</small>")
                                     .arg(esc(durationText(s.medianMs)),
                                          esc(tr("90 % : %1").arg(durationText(s.p90Ms)))));
    };
    for (const AgencyResponse &a : r.responses) {
        const QString name = &a == &r.responses.front()
                                 ? QStringLiteral("<b>%1</b>").arg(esc(tr("Tous services")))
                                 : esc(agencyText(w, a.agency));
        html += QStringLiteral("<tr>") + td(name) + td(QString::number(a.engage.count), QStringLiteral("r")) +
                pair(a.engage) + td(QString::number(a.arrive.count), QStringLiteral("r")) + pair(a.arrive) +
                td(a.arrive.count == 0 ? QStringLiteral("—") : esc(durationText(a.arrive.maxMs))) +
                QStringLiteral("</tr>");
    }
    html += QStringLiteral("</table><p></p>");
    if (f.responseTimes.isNull())
        html += noData(tr("Pas de graphique des délais d'arrivée : aucune unité n'est consignée sur les "
                          "lieux."));
    else
        html +=
            QStringLiteral("<p align=center>%1</p>").arg(imageTag(QStringLiteral("chart-response"), 0.98));
    return html;
}

QString activity(const AfterAction &r, const ReportFigures &f, const ReportWording &w, bool days)
{
    QString html = h2(tr("4. Activité au fil du temps"), true);
    if (f.incidentsOverTime.isNull())
        return html + noData(tr("Aucune intervention dans la période : pas de courbe d'activité."));
    html += QStringLiteral("<p align=center>%1</p>").arg(imageTag(QStringLiteral("chart-activity"), 0.98));
    if (r.busiestOpen > 0)
        html += QStringLiteral("<p>%1</p>")
                    .arg(esc(tr("Le plus d'interventions ouvertes en même temps : %1, à %2.")
                                 .arg(r.busiestOpen)
                                 .arg(timeText(w, r.busiest, days))));
    // The kinds of entries, for what the chronology does not list.
    html += QStringLiteral("<h3>%1</h3>").arg(esc(tr("Entrées de la main courante par nature")));
    html += tableTag() + th({tr("Nature"), tr("Entrées")}, {75, 25});
    std::vector<std::pair<qint64, QString>> kinds;
    for (const auto &[kind, n] : r.kindCounts)
        kinds.emplace_back(n, kind);
    std::stable_sort(kinds.begin(), kinds.end(),
                     [](const auto &a, const auto &b) { return a.first > b.first; });
    for (const auto &[n, kind] : kinds)
        html += QStringLiteral("<tr>") + td(esc(kindText(w, kind))) + td(number(n), QStringLiteral("r")) +
                QStringLiteral("</tr>");
    return html + QStringLiteral("</table>");
}

QString mapsPart(const std::vector<MapMoment> &maps, const ReportFigures &f, const ReportWording &w,
                 bool days)
{
    QString html = h2(tr("5. Cartes de la situation"), true);
    if (maps.empty())
        return html + noData(tr("Aucune carte : la période n'a pas d'entrée."));
    for (std::size_t i = 0; i < maps.size(); ++i) {
        const MapMoment &m = maps[i];
        if (i > 0 && i % 2 == 0)
            html += QStringLiteral("<p style=\"page-break-before: always\"></p>");
        html += QStringLiteral("<h3>%1</h3>").arg(esc(tr("%1 — %2").arg(m.caption, timeText(w, m.at, days))));
        if (i >= f.maps.size() || f.maps[i].isNull()) {
            html += noData(tr("Carte non dessinée."));
            continue;
        }
        html += QStringLiteral("<p align=center>%1</p>").arg(imageTag(QStringLiteral("map-%1").arg(i), 0.9));
        int engaged = 0;
        for (const auto &[id, u] : m.picture.units)
            engaged += u.status == QLatin1String("en_route") || u.status == QLatin1String("on_scene");
        html += QStringLiteral("<p class=caption>%1</p>")
                    .arg(esc(tr("Interventions ouvertes : %1 ; unités engagées : %2 ; zones tracées : %3.")
                                 .arg(m.picture.incidents.size())
                                 .arg(engaged)
                                 .arg(m.picture.zones.size())));
    }
    return html;
}

QString exercise(const AfterAction &r, const ReportWording &w, bool days)
{
    QString html = h2(tr("6. Exercice : attendus et réalisé"), true);
    if (r.injects.empty())
        return html + noData(tr("Aucun inject d'exercice n'est consigné dans la période : rien à comparer "
                                "(le scénario n'a pas été joué par le lecteur de scénario, ou la période "
                                "n'en couvre pas)."));
    int counts[4] = {0, 0, 0, 0}; // done, late, missed, not assessed
    for (const InjectReport &in : r.injects)
        for (const InjectAction &a : in.expected)
            ++counts[a.status == QLatin1String("done")     ? 0
                     : a.status == QLatin1String("late")   ? 1
                     : a.status == QLatin1String("missed") ? 2
                                                           : 3];
    html += QStringLiteral("<p class=lead>%1</p>")
                .arg(esc(tr("Injects joués : %1. Actions attendues : %2 — faites : %3, en retard : %4, "
                            "manquées : %5, non évaluées : %6.")
                             .arg(r.injects.size())
                             .arg(counts[0] + counts[1] + counts[2] + counts[3])
                             .arg(counts[0])
                             .arg(counts[1])
                             .arg(counts[2])
                             .arg(counts[3])));
    for (const InjectReport &in : r.injects) {
        QString title = tr("Inject %1 — %2").arg(in.inject, timeText(w, in.played, days));
        if (in.adHoc)
            title += tr(" (ajouté en cours d'exercice)");
        if (!in.contingencyFor.isEmpty())
            title += tr(" (de secours pour %1)").arg(in.contingencyFor);
        html += QStringLiteral("<h3>%1</h3>").arg(esc(title));
        QStringList from;
        if (!in.sender.isEmpty())
            from << tr("de %1").arg(in.sender);
        if (!in.recipient.isEmpty())
            from << tr("à %1").arg(recipientText(w, in.recipient));
        if (!in.channel.isEmpty())
            from << tr("par %1").arg(channelText(in.channel));
        html +=
            QStringLiteral("<p>%1%2</p>")
                .arg(esc(in.summary.isEmpty() ? tr("(sans résumé)") : in.summary),
                     from.isEmpty()
                         ? QString()
                         : QStringLiteral(" <small>(%1)</small>").arg(esc(from.join(QStringLiteral(", ")))));
        if (in.expected.empty()) {
            // Not missing data: an inject that informs only expects nothing.
            html += QStringLiteral("<p class=note>%1</p>")
                        .arg(esc(tr("Aucune action attendue pour cet inject.")));
            continue;
        }
        html += tableTag() + th({tr("Action attendue"), tr("Échéance"), tr("Résultat")}, {60, 22, 18});
        for (const InjectAction &a : in.expected) {
            const QString cls = a.status.isEmpty() ? QStringLiteral("open") : a.status;
            html +=
                QStringLiteral("<tr>") + td(esc(a.text.isEmpty() ? a.action : a.text)) +
                td(esc(tr("%1 après l'inject")
                           .arg(durationText(a.deadlineMs - in.exerciseMs > 0 ? a.deadlineMs - in.exerciseMs
                                                                              : a.deadlineMs)))) +
                td(esc(checkStatusLabel(a.status)), cls) + QStringLiteral("</tr>");
        }
        html += QStringLiteral("</table>");
    }
    return html;
}

QString chronology(const AfterAction &r, const ReportWording &w, bool days, int section)
{
    QString html = h2(tr("%1. Chronologie").arg(section), true);
    if (r.chronology.empty())
        return html + noData(tr("Aucune entrée de la main courante dans la période."));
    QStringList notListed;
    for (const auto &[kind, n] : r.notInChronology)
        notListed
            << (kind == QLatin1String("unit.status")
                    ? tr("%1 statuts d'unité hors intervention (disponible, indisponible…)").arg(number(n))
                    : tr("%1 × %2").arg(number(n), kindText(w, kind).toLower()));
    if (!notListed.isEmpty())
        html += QStringLiteral("<p class=note>%1</p>")
                    .arg(esc(tr("Ne sont pas listées ici : %1 (vigie-cli log les donne).")
                                 .arg(notListed.join(QStringLiteral(", ")))));
    html +=
        tableTag() + th({tr("Heure"), tr("Service"), tr("Auteur"), tr("Nature"), tr("Résumé")},
                        days ? std::vector<int>{12, 13, 17, 16, 42} : std::vector<int>{9, 13, 18, 16, 44});
    for (const Entry &e : r.chronology) {
        QString summary = entrySummary(w, e);
        if (summary.size() > 400)
            summary = summary.left(400) + QStringLiteral("…");
        html += QStringLiteral("<tr>") + td(esc(timeText(w, e.eventTime, days))) +
                td(esc(e.agency.isEmpty() ? QStringLiteral("—") : w.agency(e.agency))) +
                td(esc(w.sender(e))) + td(esc(kindText(w, e.kind))) + td(esc(summary)) +
                QStringLiteral("</tr>");
    }
    html += QStringLiteral("</table>");
    if (r.chronologyLeftOut > 0)
        html += QStringLiteral("<p class=note>%1</p>")
                    .arg(esc(tr("La chronologie s'arrête ici : %1 entrées de plus suivent dans la période "
                                "(vigie-cli log --since … les donne toutes).")
                                 .arg(number(r.chronologyLeftOut))));
    return html;
}

} // namespace

QString afterActionTitle()
{
    return tr("Retour d'expérience (RETEX)");
}

QString checkStatusLabel(const QString &status)
{
    if (status == QLatin1String("done"))
        return tr("fait");
    if (status == QLatin1String("late"))
        return tr("fait en retard");
    if (status == QLatin1String("missed"))
        return tr("manqué");
    if (status.isEmpty())
        return tr("non évalué");
    return status;
}

ReportText afterActionText(const AfterAction &report, const std::vector<MapMoment> &maps,
                           const ReportFigures &figures, const ReportWording &wording)
{
    const ReportWording w = wording.completed();
    // Times carry their date when the period spans more than one day in Marseille.
    const bool days = w.roomTime(report.first.msecs).date() != w.roomTime(report.last.msecs).date();
    ReportText text;
    text.html = cover(report, w, days) + decisions(report, w, days) + incidents(report, w, days) +
                responses(report, figures, w) + activity(report, figures, w, days) +
                mapsPart(maps, figures, w, days);
    int next = 6;
    if (report.room.mode == RoomMode::Exercise || !report.injects.empty()) {
        text.html += exercise(report, w, days);
        next = 7;
    }
    text.html += chronology(report, w, days, next);
    if (!figures.responseTimes.isNull())
        text.images.emplace_back(QStringLiteral("chart-response"), figures.responseTimes);
    if (!figures.incidentsOverTime.isNull())
        text.images.emplace_back(QStringLiteral("chart-activity"), figures.incidentsOverTime);
    for (std::size_t i = 0; i < figures.maps.size(); ++i)
        if (!figures.maps[i].isNull())
            text.images.emplace_back(QStringLiteral("map-%1").arg(i), figures.maps[i]);
    return text;
}

} // namespace vigie::reports
