#include "reports/situation_report.h"

#include "maps/map_layers.h"
#include "reports/report_words.h"

#include <QCoreApplication>

namespace vigie::reports {

namespace {

using namespace reporting;

QString tr(const char *text)
{
    return QCoreApplication::translate("vigie::reports::SituationReport", text);
}

/// Past this many rows a table is cut, the rest counted: a point de situation is read in minutes.
constexpr std::size_t rowsMax = 40;

QString th(const QStringList &names)
{
    QString row = QStringLiteral("<thead><tr>");
    for (const QString &n : names)
        row += QStringLiteral("<th>%1</th>").arg(esc(n));
    return row + QStringLiteral("</tr></thead>");
}

QString td(const QString &html, bool right = false)
{
    return right ? QStringLiteral("<td class=r>%1</td>").arg(html) : QStringLiteral("<td>%1</td>").arg(html);
}

/// A part's heading; the first (Situation) opens the page after the cover, the others follow on: a point de
/// situation is read in a few pages, not one per letter.
QString h2(const QString &letter, const QString &text, bool newPage = false)
{
    return QStringLiteral("<h2%1>%2 — %3</h2>")
        .arg(newPage ? QStringLiteral(" style=\"page-break-before: always; margin-top: 0\"") : QString(),
             esc(letter), esc(text));
}

QString more(std::size_t total)
{
    return total > rowsMax
               ? QStringLiteral("<p class=note>%1</p>").arg(esc(tr("… et %1 de plus.").arg(total - rowsMax)))
               : QString();
}

const QStringList &statuses()
{
    static const QStringList s = {QStringLiteral("available"), QStringLiteral("en_route"),
                                  QStringLiteral("on_scene"), QStringLiteral("returning"),
                                  QStringLiteral("unavailable")};
    return s;
}

QString unitName(const ReportWording &w, const Unit &u)
{
    return u.callsign.isEmpty() ? w.unitRef(u.id) : u.callsign;
}

int engagedUnits(const Situation &s)
{
    int n = 0;
    for (const Engagement &e : s.engagements)
        n += int(e.units.size());
    return n;
}

QString cover(const Situation &s, const ReportWording &w)
{
    QString html = QStringLiteral("<h1>%1</h1>").arg(esc(situationTitle()));
    html += QStringLiteral("<p class=lead>%1</p>")
                .arg(esc(tr("Salle « %1 », %2").arg(s.room.name, longTimeText(w, s.at))));
    if (s.room.mode == RoomMode::Exercise)
        html += QStringLiteral("<p class=mark>%1</p>")
                    .arg(esc(tr("EXERCICE — salle d'exercice : ce document ne décrit pas des faits réels.")));
    if (s.damage)
        html += noData(tr("La main courante n'est plus intègre à partir de l'entrée n° %1 : la situation "
                          "s'arrête à l'entrée précédente (vigie-cli verify).")
                           .arg(s.damage->seq));
    html += tableTag();
    auto kv = [](const QString &name, const QString &value) -> QString {
        return QStringLiteral("<tr><td class=n width=\"40%\">%1</td><td>%2</td></tr>").arg(esc(name), value);
    };
    int severe = 0;
    for (const auto &[severity, n] : s.bySeverity)
        severe += severity >= 4 ? n : 0;
    html += kv(tr("Interventions en cours"),
               QStringLiteral("<span class=big>%1</span> %2")
                   .arg(s.openIncidents.size())
                   .arg(esc(severe == 0 ? tr("aucune de gravité 4 ou 5")
                                        : tr("dont %1 de gravité 4 ou 5").arg(severe))));
    html += kv(tr("Victimes (interventions en cours)"), esc(casualtiesText(s.casualties)));
    html += kv(tr("Unités engagées"), QStringLiteral("<span class=big>%1</span>").arg(engagedUnits(s)));
    html += kv(tr("Interventions closes depuis l'ouverture de la salle"), QString::number(s.closedIncidents));
    html += kv(tr("Zones tracées"), QString::number(s.zones.size()));
    html += QStringLiteral("</table>");
    html += QStringLiteral("<h3>%1</h3><ol>").arg(esc(tr("Plan (SOIEC)")));
    for (const QString &p :
         {tr("Situation"), tr("Objectifs"), tr("Moyens"), tr("Exécution"), tr("Commandement")})
        html += QStringLiteral("<li>%1</li>").arg(esc(p));
    html += QStringLiteral("</ol>");
    html +=
        QStringLiteral("<p class=note>%1</p>")
            .arg(esc(tr("Situation calculée à partir de la main courante : tout ce qui s'est passé jusqu'à "
                        "%1 (heure de Marseille), y compris ce qui a été consigné plus tard. Les données "
                        "personnelles y sont remplacées par des jetons ([personne:…]).")
                         .arg(timeText(w, s.at, false))));
    return html;
}

QString situationPart(const Situation &s, const ReportWording &w)
{
    QString html = h2(QStringLiteral("S"), tr("Situation"), true);
    if (s.openIncidents.empty()) {
        html += noData(tr("Aucune intervention en cours à cette heure."));
    } else {
        QStringList bySeverity;
        for (auto it = s.bySeverity.rbegin(); it != s.bySeverity.rend(); ++it)
            bySeverity << tr("%1 de gravité %2").arg(it->second).arg(it->first);
        html += QStringLiteral("<p>%1</p>")
                    .arg(esc(tr("Par gravité : %1.").arg(bySeverity.join(QStringLiteral(", ")))));
        std::vector<std::pair<int, QString>> types;
        for (const auto &[type, n] : s.byType)
            types.emplace_back(n, type.isEmpty() ? tr("nature non précisée") : w.incidentType(type));
        std::stable_sort(types.begin(), types.end(),
                         [](const auto &a, const auto &b) { return a.first > b.first; });
        QStringList byType;
        for (const auto &[n, label] : types)
            byType << QStringLiteral("%1 × %2").arg(n).arg(label.toLower());
        html += QStringLiteral("<p>%1</p>")
                    .arg(esc(tr("Par nature : %1.").arg(byType.join(QStringLiteral(", ")))));
        html +=
            tableTag() + th({tr("Intervention"), tr("Gravité"), tr("Depuis"), tr("Victimes"), tr("Unités")});
        std::size_t shown = 0;
        for (const Incident &i : s.openIncidents) {
            if (++shown > rowsMax)
                break;
            int units = 0;
            for (const Engagement &e : s.engagements)
                if (e.incident == i.id)
                    units = int(e.units.size());
            QString what = QStringLiteral("<b>%1</b>").arg(esc(incidentText(w, i.id, i.title)));
            if (!i.type.isEmpty())
                what += QStringLiteral("<br><small>%1</small>").arg(esc(w.incidentType(i.type)));
            html += QStringLiteral("<tr>") + td(what) + td(QStringLiteral("%1/5").arg(i.severity), true) +
                    td(esc(timeText(w, i.opened, i.opened.msecs < s.at.msecs - 24 * 3600 * 1000))) +
                    td(esc(casualtiesText(i.casualties))) + td(QString::number(units), true) +
                    QStringLiteral("</tr>");
        }
        html += QStringLiteral("</table>") + more(s.openIncidents.size());
    }
    html += QStringLiteral("<h3>%1</h3>").arg(esc(tr("Zones")));
    if (s.zones.empty()) {
        html += noData(tr("Aucune zone tracée à cette heure."));
    } else {
        html += QStringLiteral("<ul>");
        for (const Zone &z : s.zones)
            html += QStringLiteral("<li>%1</li>").arg(esc(z.label.isEmpty() ? z.id : z.label));
        html += QStringLiteral("</ul>");
    }
    html += QStringLiteral("<h3>%1</h3>").arg(esc(tr("Carte à %1").arg(timeText(w, s.at, false))));
    html += QStringLiteral("<p align=center>%1</p>").arg(imageTag(QStringLiteral("map-situation"), 0.95));
    return html;
}

QString objectives(const Situation &s)
{
    QString html = h2(QStringLiteral("O"), tr("Objectifs"));
    if (s.objectives.isEmpty())
        return html +
               noData(tr("Aucun objectif n'est consigné à cette heure. Pour qu'un objectif figure ici, "
                         "l'écrire dans une décision ou une note qui commence par « Objectif : »."));
    html += QStringLiteral("<ol>");
    for (const QString &o : s.objectives)
        html += QStringLiteral("<li>%1</li>").arg(esc(o));
    return html + QStringLiteral("</ol>");
}

QString means(const Situation &s, const ReportWording &w)
{
    QString html = h2(QStringLiteral("M"), tr("Moyens"));
    if (s.unitsByAgency.empty()) {
        html += noData(tr("Aucune unité n'est connue de la salle à cette heure."));
    } else {
        QStringList head = {tr("Service")};
        for (const QString &status : statuses())
            head << w.unitStatus(status);
        head << tr("Total");
        html += tableTag() + th(head);
        for (const auto &[agency, counts] : s.unitsByAgency) {
            int total = 0;
            QString row = QStringLiteral("<tr>") + td(esc(agencyText(w, agency)));
            for (const QString &status : statuses()) {
                const auto it = counts.find(status);
                const int n = it == counts.end() ? 0 : it->second;
                total += n;
                row += td(n == 0 ? QStringLiteral("—") : QString::number(n), true);
            }
            // A status outside the five (a feed's own word) still counts in the total.
            for (const auto &[status, n] : counts)
                if (!statuses().contains(status))
                    total += n;
            html += row + td(QStringLiteral("<b>%1</b>").arg(total), true) + QStringLiteral("</tr>");
        }
        html += QStringLiteral("</table>");
    }
    html += QStringLiteral("<h3>%1</h3>").arg(esc(tr("Hôpitaux")));
    if (s.hospitals.empty())
        return html + noData(tr("Aucun état hospitalier n'est consigné à cette heure."));
    html += tableTag() + th({tr("Établissement"), tr("Urgences"), tr("Lits libres")});
    for (const Hospital &h : s.hospitals) {
        QStringList beds;
        for (const auto &[type, n] : h.beds)
            beds << QStringLiteral("%1 : %2").arg(w.bedType(type)).arg(n);
        html += QStringLiteral("<tr>") + td(esc(maps::hospitalName(h))) +
                td(esc(h.edStatus.isEmpty() ? QStringLiteral("—") : maps::edStatusLabel(h.edStatus))) +
                td(esc(beds.isEmpty() ? tr("non communiqués") : beds.join(QStringLiteral(", ")))) +
                QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</table>");
}

QString execution(const Situation &s, const ReportWording &w)
{
    QString html = h2(QStringLiteral("E"), tr("Exécution"));
    html += QStringLiteral("<h3>%1</h3>").arg(esc(tr("Moyens engagés, par intervention")));
    if (s.engagements.empty()) {
        html += noData(tr("Aucune unité n'est engagée à cette heure."));
    } else {
        html += tableTag() + th({tr("Intervention"), tr("Unités engagées")});
        std::size_t shown = 0;
        for (const Engagement &e : s.engagements) {
            if (++shown > rowsMax)
                break;
            QStringList units;
            for (const Unit &u : e.units)
                units << QStringLiteral("%1 (%2)").arg(unitName(w, u), w.unitStatus(u.status));
            html +=
                QStringLiteral("<tr>") +
                td(QStringLiteral("<b>%1</b><br><small>%2</small>")
                       .arg(esc(incidentText(w, e.incident, e.title)),
                            esc(e.type.isEmpty() ? severityText(e.severity)
                                                 : QStringLiteral("%1, %2").arg(w.incidentType(e.type),
                                                                                severityText(e.severity))))) +
                td(esc(units.join(QStringLiteral(", ")))) + QStringLiteral("</tr>");
        }
        html += QStringLiteral("</table>") + more(s.engagements.size());
    }
    html += QStringLiteral("<h3>%1</h3>").arg(esc(tr("Dernières décisions")));
    if (s.recentDecisions.empty())
        return html + noData(tr("Aucune décision n'est consignée à cette heure."));
    html += tableTag() + th({tr("Heure"), tr("Auteur"), tr("Décision")});
    for (const Decision &d : s.recentDecisions) {
        QString who = esc(d.author);
        if (!d.agency.isEmpty())
            who += QStringLiteral("<br><small>%1</small>").arg(esc(w.agency(d.agency)));
        html += QStringLiteral("<tr>") + td(esc(timeText(w, d.time, false))) + td(who) + td(esc(d.text)) +
                QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</table>");
}

QString command(const Situation &s, const ReportWording &w)
{
    QString html = h2(QStringLiteral("C"), tr("Commandement"));
    html += QStringLiteral("<h3>%1</h3>").arg(esc(tr("Auteurs des décisions")));
    if (s.decisionAuthors.isEmpty())
        html += noData(tr("Aucune décision n'est consignée à cette heure."));
    else
        html += QStringLiteral("<p>%1</p>").arg(esc(s.decisionAuthors.join(QStringLiteral(" ; "))));
    html += QStringLiteral("<h3>%1</h3>").arg(esc(tr("Postes de la salle")));
    if (s.desks.empty()) {
        html += noData(tr("Aucun poste n'a écrit dans la salle à cette heure (salle tenue depuis une seule "
                          "console, ou flux seulement)."));
    } else {
        QStringList desks;
        for (const Participant &p : s.desks)
            desks << (p.agency.isEmpty() ? p.author
                                         : QStringLiteral("%1 (%2)").arg(p.author, w.agency(p.agency)));
        html += QStringLiteral("<p>%1</p>").arg(esc(desks.join(QStringLiteral(" ; "))));
    }
    html += QStringLiteral("<h3>%1</h3>").arg(esc(tr("Qui a écrit dans la main courante")));
    if (s.participants.empty())
        return html + noData(tr("Personne n'a écrit dans la salle à cette heure, hors flux automatiques."));
    html += tableTag() + th({tr("Auteur"), tr("Rôle"), tr("Service"), tr("Entrées"), tr("Décisions"),
                             tr("Dernière entrée")});
    std::size_t shown = 0;
    for (const Participant &p : s.participants) {
        if (++shown > rowsMax)
            break;
        html += QStringLiteral("<tr>") + td(esc(p.author)) +
                td(esc(p.role.isEmpty() ? QStringLiteral("—") : roleLabel(p.role))) +
                td(esc(p.agency.isEmpty() ? QStringLiteral("—") : w.agency(p.agency))) +
                td(QString::number(p.entries), true) + td(QString::number(p.decisions), true) +
                td(esc(timeText(w, p.last, p.last.msecs < s.at.msecs - 24 * 3600 * 1000))) +
                QStringLiteral("</tr>");
    }
    html += QStringLiteral("</table>") + more(s.participants.size());
    html +=
        QStringLiteral("<p class=note>%1</p>")
            .arg(esc(tr("Les flux automatiques (alertes, positions des véhicules) ne sont pas comptés.")));
    return html;
}

} // namespace

QString situationTitle()
{
    return tr("Point de situation");
}

QString roleLabel(const QString &role)
{
    if (role == QLatin1String("operator"))
        return tr("opérateur");
    if (role == QLatin1String("liaison"))
        return tr("officier de liaison");
    if (role == QLatin1String("official"))
        return tr("autorité");
    if (role == QLatin1String("desk"))
        return tr("poste de la salle");
    if (role == QLatin1String("commander"))
        return tr("commandement des opérations");
    if (role == QLatin1String("system"))
        return tr("Vigie (automatique)");
    if (role == QLatin1String("trainer"))
        return tr("animateur d'exercice");
    return role;
}

ReportText situationText(const Situation &situation, const QImage &map, const ReportWording &wording)
{
    const ReportWording w = wording.completed();
    ReportText text;
    text.html = cover(situation, w) + situationPart(situation, w) + objectives(situation) +
                means(situation, w) + execution(situation, w) + command(situation, w);
    if (map.isNull())
        text.html.replace(imageTag(QStringLiteral("map-situation"), 0.95), noData(tr("Carte non dessinée.")));
    else
        text.images.emplace_back(QStringLiteral("map-situation"), map);
    return text;
}

} // namespace vigie::reports
