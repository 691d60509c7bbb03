#include "ui/detail_html.h"

#include "ui/labels.h"
#include "ui/models/log_model.h"

#include "maps/background.h"
#include "maps/web_mercator.h"

#include "log/entry_kinds.h"
#include "room/picture_manager.h"
#include "routing/travel_times.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>
#include <QUrlQuery>

#include <algorithm>
#include <map>
#include <set>

namespace vigie::ui {

namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("vigie::ui::Detail", text, nullptr, n);
}

// A unit's name: its call sign, else the last part of an identifier a feed built from its sender
// ("fr.health.samu760.resource.VLM25" is VLM25).
QString unitTitle(const Unit &u)
{
    if (!u.callsign.isEmpty())
        return u.callsign;
    return u.id.contains(u'.') ? u.id.section(u'.', -1) : u.id;
}

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

/// What a report's XML signature showed (the "signature" field the Ingestor sets), in words; empty for
/// entries stored before signatures were checked.
QString signatureWords(const QJsonObject &data)
{
    const QString state = data.value(QLatin1String("signature")).toString();
    if (state == QLatin1String("valid"))
        return tr("signée et certificat reconnu");
    if (state == QLatin1String("valid_untrusted"))
        return tr("signée (certificat non vérifié)");
    if (state == QLatin1String("absent"))
        return tr("non signée");
    if (state != QLatin1String("invalid"))
        return {};
    const QString part = data.value(QLatin1String("signature_part")).toString();
    if (part == QLatin1String("digest"))
        return tr("signature invalide : contenu modifié après signature");
    if (part == QLatin1String("signature value"))
        return tr("signature invalide : valeur de signature fausse");
    if (part == QLatin1String("certificate"))
        return tr("signature invalide : certificat altéré ou non reconnu");
    return tr("signature invalide : elle ne couvre pas le message lu");
}

/// A time of the room, with the day when it is not the day of `now`.
QString roomClock(Timestamp t, Timestamp now)
{
    const QDateTime at = roomTime(t.msecs);
    if (at.date() == roomTime(now.msecs).date())
        return at.toString(QStringLiteral("HH:mm"));
    return QLocale().toString(at, QStringLiteral("dd/MM HH:mm"));
}

std::optional<Entry> readEntry(const LogStore &store, qint64 seq)
{
    EntryQuery q;
    q.afterSeq = seq - 1;
    q.limit = 1;
    auto read = store.read(q);
    if (!read || read->empty() || read->front().seq != seq)
        return std::nullopt;
    return read->front();
}

QString severityBadge(int severity)
{
    // The incidents list's colours: vermillion for the highest, orange, then grey.
    const char *colour = severity >= 4 ? "#D55E00" : severity == 3 ? "#E69F00" : "#777777";
    const char *text = severity == 3 ? "black" : "white"; // black reads better on orange
    return QStringLiteral("<span style='background:%1;color:%2;font-weight:bold'>&nbsp;%3&nbsp;</span>")
        .arg(QLatin1String(colour), QLatin1String(text))
        .arg(severity);
}

QString section(const QString &title)
{
    return QStringLiteral("<p style='margin-top:10px;margin-bottom:2px'><b>%1</b></p>").arg(esc(title));
}

QString feedName(const QString &feed)
{
    return feed.isEmpty() ? QString() : feed.toUpper();
}

/// When a unit engaged by an accepted suggestion is expected: the accept's time plus the suggestion's ETA.
std::optional<Timestamp> unitArrival(const Unit &u, const LogStore &store)
{
    if (u.status != QLatin1String("en_route") || u.statusBy.kind != kinds::suggestionAccept)
        return std::nullopt;
    const auto accept = readEntry(store, u.statusBy.seq);
    if (!accept)
        return std::nullopt;
    const qint64 suggestionSeq = accept->data.value(QLatin1String("suggestion_seq")).toInteger();
    const auto suggestion = suggestionSeq > 0 ? readEntry(store, suggestionSeq) : std::nullopt;
    if (!suggestion || !suggestion->data.value(QLatin1String("eta_s")).isDouble())
        return std::nullopt;
    return Timestamp{accept->eventTime.msecs +
                     qint64(suggestion->data.value(QLatin1String("eta_s")).toDouble() * 1000)};
}

/// Without a road ETA: the straight line from the unit's last known position to `target`, lengthened and at
/// the speed the suggestions use off the road network (routing::MatrixOptions: × 1.4 at 45 km/h), counted
/// from when it set off or was last seen there, whichever is later. Said as such, never as a road ETA.
QString straightLineState(const Unit &u, std::optional<GeoPoint> target, Timestamp now)
{
    if (!u.position || !target)
        return tr("en route depuis %1, arrivée non estimée").arg(roomClock(u.statusTime, now));
    const routing::TravelCell cell = routing::straightLine(*u.position, *target, routing::MatrixOptions{});
    const Timestamp from{std::max(u.statusTime.msecs, u.positionTime.msecs)};
    const Timestamp arrival{from.msecs + qint64(cell.seconds * 1000)};
    const QString km = QLocale().toString(distanceMeters(*u.position, *target) / 1000, 'f', 1);
    return arrival.msecs > now.msecs
               ? tr("en route depuis %1, arrivée vers %2 (dans %3) estimée à vol d'oiseau, à %4 km")
                     .arg(roomClock(u.statusTime, now), roomClock(arrival, now), ageText(now, arrival), km)
               : tr("en route depuis %1, attendue vers %2 d'après une estimation à vol d'oiseau, à %3 km")
                     .arg(roomClock(u.statusTime, now), roomClock(arrival, now), km);
}

QString unitLine(const Unit &u, const LogStore &store, Timestamp now, std::optional<GeoPoint> target)
{
    QString state = unitStatusLabel(u.status);
    if (u.status == QLatin1String("on_scene"))
        state = tr("sur les lieux depuis %1").arg(roomClock(u.statusTime, now));
    else if (u.status == QLatin1String("en_route")) {
        if (const auto arrival = unitArrival(u, store))
            state = arrival->msecs > now.msecs ? tr("en route, arrivée estimée à %1 (dans %2)")
                                                     .arg(roomClock(*arrival, now), ageText(now, *arrival))
                                               : tr("en route, attendue à %1").arg(roomClock(*arrival, now));
        else
            state = straightLineState(u, target, now);
    }
    return QStringLiteral("<tr><td><a href='%1'>%2</a></td><td>%3</td><td style='color:%4'>%5</td>"
                          "<td>%6</td></tr>")
        .arg(objectLink(maps::layerForAgency(u.agency), u.id), esc(unitTitle(u)), esc(u.type),
             agencyColour(u.agency).name(), esc(agencyLabel(u.agency)), esc(state));
}

QString entryLine(const Entry &e, Timestamp now)
{
    const QString kind =
        e.kind == kinds::incidentClose && e.data.value(QLatin1String("open_sources")).toInt() > 0
            ? tr("Clôture d'un signalement")
            : kindLabel(e.kind);
    return QStringLiteral("<tr><td valign='top'>%1</td><td valign='top'><i>%2</i><br>%3</td>"
                          "<td valign='top'>%4</td></tr>")
        .arg(roomClock(e.eventTime, now), esc(kind), esc(LogModel::sender(e)), esc(LogModel::summary(e)));
}

QString casualtiesHtml(const Casualties &c)
{
    if (c == Casualties{})
        return QStringLiteral("<p>%1</p>").arg(esc(tr("Aucune victime signalée.")));
    struct Row
    {
        const char *colour = nullptr;
        QString label;
        int count = 0;
    };
    const Row rows[] = {{"#D00000", tr("urgences absolues (rouge)"), c.red},
                        {"#E6B800", tr("urgences relatives (jaune)"), c.yellow},
                        {"#009E73", tr("impliqués (vert)"), c.green},
                        {"#000000", tr("décédés (noir)"), c.black}};
    QString html = QStringLiteral("<table cellspacing='2'>");
    for (const Row &r : rows)
        html += QStringLiteral("<tr><td style='background:%1'>&nbsp;&nbsp;&nbsp;</td><td align='right'><b>%2"
                               "</b></td><td>%3</td></tr>")
                    .arg(QLatin1String(r.colour))
                    .arg(r.count)
                    .arg(esc(r.label));
    return html + QStringLiteral("</table>");
}

} // namespace

Timestamp situationNow(const Picture &picture, Timestamp wallClock, bool exercise)
{
    return exercise ? picture.maxEventTime : wallClock;
}

Timestamp situationNow(const PictureManager &manager)
{
    if (manager.replaying())
        return manager.replayTime();
    return situationNow(manager.picture(), manager.clock().now(), manager.info().mode == RoomMode::Exercise);
}

QString ageText(Timestamp since, Timestamp now)
{
    const qint64 minutes = std::max<qint64>(0, (now.msecs - since.msecs) / 60000);
    if (minutes < 60)
        return tr("%1 min").arg(minutes);
    if (minutes < 24 * 60)
        return tr("%1 h %2").arg(minutes / 60).arg(minutes % 60, 2, 10, QLatin1Char('0'));
    return tr("%1 j").arg(minutes / (24 * 60));
}

QString arrondissementsText(const QString &sectorName)
{
    // "Secteur 1 (1e et 7e arr.)" → « 1er et 7e arr. », "1st and 7th arr.": the numbers of the sectors file,
    // written in the console's language.
    const qsizetype open = sectorName.indexOf(QLatin1Char('('));
    const QString inside = open < 0 ? sectorName : sectorName.mid(open + 1).chopped(1);
    static const QRegularExpression number(QStringLiteral("(\\d+)e\\b"));
    QStringList ordinals;
    const bool english = QLocale().language() == QLocale::English;
    for (auto it = number.globalMatch(inside); it.hasNext();) {
        const int n = it.next().captured(1).toInt();
        if (!english) {
            ordinals << (n == 1 ? QStringLiteral("1er") : QStringLiteral("%1e").arg(n));
            continue;
        }
        const int tens = n % 100, units = n % 10;
        const char *suffix = tens >= 11 && tens <= 13 ? "th"
                             : units == 1             ? "st"
                             : units == 2             ? "nd"
                             : units == 3             ? "rd"
                                                      : "th";
        ordinals << QString::number(n) + QLatin1String(suffix);
    }
    if (ordinals.isEmpty())
        return inside;
    const QString last = ordinals.takeLast();
    return ordinals.isEmpty() ? tr("%1 arr.").arg(last)
                              : tr("%1 et %2 arr.").arg(ordinals.join(QStringLiteral(", ")), last);
}

QString placeLabel(GeoPoint point)
{
    const QPointF world = maps::project(point, 0);
    QString surroundings;
    for (const maps::BuiltInArea &a : maps::builtInAreas()) {
        if (!a.bounds.contains(world))
            continue;
        const bool inside = std::any_of(a.rings.begin(), a.rings.end(), [&world](const QPolygonF &ring) {
            return ring.containsPoint(world, Qt::OddEvenFill);
        });
        if (!inside)
            continue;
        if (a.kind == maps::BuiltInArea::Kind::Sector)
            return arrondissementsText(a.name); // the arrondissements are what a desk reads
        surroundings = a.kind == maps::BuiltInArea::Kind::Sea ? tr("en mer") : tr("hors Marseille");
    }
    return surroundings.isEmpty() ? tr("hors Marseille") : surroundings;
}

QString objectLink(maps::Layer layer, const QString &id)
{
    QUrl url;
    url.setScheme(QStringLiteral("vigie"));
    url.setPath(maps::layerId(layer) + QLatin1Char('/') + id);
    return url.toString(QUrl::FullyEncoded).toHtmlEscaped();
}

std::optional<ObjectRef> objectFromLink(const QUrl &url)
{
    if (url.scheme() != QLatin1String("vigie"))
        return std::nullopt;
    const QString path = url.path(QUrl::FullyDecoded);
    const qsizetype slash = path.indexOf(QLatin1Char('/'));
    if (slash < 0)
        return std::nullopt;
    const auto layer = maps::layerFromId(path.left(slash));
    if (!layer)
        return std::nullopt;
    return ObjectRef{*layer, path.mid(slash + 1)};
}

namespace {

// CAP 1.2's codes as a French reader says them.
QString capWord(const QString &code)
{
    static const QHash<QString, const char *> words{
        {QStringLiteral("Shelter"), QT_TRANSLATE_NOOP("vigie::ui::Detail", "se mettre à l'abri")},
        {QStringLiteral("Evacuate"), QT_TRANSLATE_NOOP("vigie::ui::Detail", "évacuer")},
        {QStringLiteral("Prepare"), QT_TRANSLATE_NOOP("vigie::ui::Detail", "se préparer")},
        {QStringLiteral("Execute"), QT_TRANSLATE_NOOP("vigie::ui::Detail", "appliquer les consignes")},
        {QStringLiteral("Avoid"), QT_TRANSLATE_NOOP("vigie::ui::Detail", "éviter la zone")},
        {QStringLiteral("Monitor"), QT_TRANSLATE_NOOP("vigie::ui::Detail", "se tenir informé")},
        {QStringLiteral("Assess"), QT_TRANSLATE_NOOP("vigie::ui::Detail", "évaluer la situation")},
        {QStringLiteral("AllClear"), QT_TRANSLATE_NOOP("vigie::ui::Detail", "fin de la menace")},
        {QStringLiteral("None"), QT_TRANSLATE_NOOP("vigie::ui::Detail", "aucune action")},
        {QStringLiteral("Immediate"), QT_TRANSLATE_NOOP("vigie::ui::Detail", "immédiate")},
        {QStringLiteral("Expected"), QT_TRANSLATE_NOOP("vigie::ui::Detail", "attendue dans l'heure")},
        {QStringLiteral("Future"), QT_TRANSLATE_NOOP("vigie::ui::Detail", "à venir")},
        {QStringLiteral("Past"), QT_TRANSLATE_NOOP("vigie::ui::Detail", "passée")},
        {QStringLiteral("Observed"), QT_TRANSLATE_NOOP("vigie::ui::Detail", "observé")},
        {QStringLiteral("Likely"), QT_TRANSLATE_NOOP("vigie::ui::Detail", "probable")},
        {QStringLiteral("Possible"), QT_TRANSLATE_NOOP("vigie::ui::Detail", "possible")},
        {QStringLiteral("Unlikely"), QT_TRANSLATE_NOOP("vigie::ui::Detail", "peu probable")},
        {QStringLiteral("Unknown"), QT_TRANSLATE_NOOP("vigie::ui::Detail", "inconnue")},
    };
    const auto it = words.constFind(code);
    return it == words.cend() ? code : tr(*it);
}

// MeteoAlarm's awareness parameters (the European warnings' CAP profile), worded: "2; yellow; Moderate" is
// a yellow warning, "3; Thunderstorm" thunderstorms. Empty for any other parameter.
QString meteoAlarmWords(const QString &name, const QString &value)
{
    const int n = value.section(u';', 0, 0).trimmed().toInt();
    if (name == QLatin1String("awareness_level")) {
        static const char *const levels[] = {QT_TRANSLATE_NOOP("vigie::ui::Detail", "vert"),
                                             QT_TRANSLATE_NOOP("vigie::ui::Detail", "jaune"),
                                             QT_TRANSLATE_NOOP("vigie::ui::Detail", "orange"),
                                             QT_TRANSLATE_NOOP("vigie::ui::Detail", "rouge")};
        if (n >= 1 && n <= 4)
            return tr("Niveau de vigilance : %1").arg(tr(levels[n - 1]));
    } else if (name == QLatin1String("awareness_type")) {
        static const char *const types[] = {QT_TRANSLATE_NOOP("vigie::ui::Detail", "vent"),
                                            QT_TRANSLATE_NOOP("vigie::ui::Detail", "neige et verglas"),
                                            QT_TRANSLATE_NOOP("vigie::ui::Detail", "orages"),
                                            QT_TRANSLATE_NOOP("vigie::ui::Detail", "brouillard"),
                                            QT_TRANSLATE_NOOP("vigie::ui::Detail", "fortes chaleurs"),
                                            QT_TRANSLATE_NOOP("vigie::ui::Detail", "grand froid"),
                                            QT_TRANSLATE_NOOP("vigie::ui::Detail", "événement côtier"),
                                            QT_TRANSLATE_NOOP("vigie::ui::Detail", "feux de forêt"),
                                            QT_TRANSLATE_NOOP("vigie::ui::Detail", "avalanches"),
                                            QT_TRANSLATE_NOOP("vigie::ui::Detail", "pluie"),
                                            QT_TRANSLATE_NOOP("vigie::ui::Detail", "inondation"),
                                            QT_TRANSLATE_NOOP("vigie::ui::Detail", "inondation"),
                                            QT_TRANSLATE_NOOP("vigie::ui::Detail", "pluie et inondation")};
        if (n >= 1 && n <= 13)
            return tr("Phénomène : %1").arg(tr(types[n - 1]));
    }
    return {};
}

// The alert behind an incident, from its newest entry that carries one (CAP): validity, what people must
// do, the sender's codes and parameters. Empty when no entry of it came from an alert.
QString alertHtml(const Incident &i, const std::vector<Entry> &newestFirst, Timestamp now)
{
    const auto found = std::find_if(newestFirst.begin(), newestFirst.end(), [](const Entry &e) {
        return e.data.contains(QLatin1String("urgency")) || e.data.contains(QLatin1String("instruction"));
    });
    if (found == newestFirst.end() && !i.expires)
        return {};
    QString html = section(tr("Alerte"));
    QStringList lines;
    const QJsonObject data = found == newestFirst.end() ? QJsonObject{} : found->data;
    auto time = [&data](const char *field) {
        return Timestamp::parseIso(data.value(QLatin1String(field)).toString());
    };
    if (const auto onset = time("onset"))
        lines << esc(tr("À partir de %1").arg(roomClock(*onset, now)));
    if (i.expires)
        lines << (i.expiredAt(now) ? QStringLiteral("<b>%1</b>")
                                         .arg(esc(tr("Expirée depuis %1 : elle n'est plus sur la carte")
                                                      .arg(roomClock(*i.expires, now))))
                                   : esc(tr("Valable jusqu'à %1").arg(roomClock(*i.expires, now))));
    if (data.contains(QLatin1String("urgency")))
        lines << esc(tr("Urgence : %1 · certitude : %2")
                         .arg(capWord(data.value(QLatin1String("urgency")).toString()),
                              capWord(data.value(QLatin1String("certainty")).toString())));
    QStringList responses;
    for (const QJsonValue &r : data.value(QLatin1String("response_types")).toArray())
        responses << capWord(r.toString());
    if (!responses.isEmpty())
        lines << esc(tr("Conduite à tenir : %1").arg(responses.join(QStringLiteral(", "))));
    if (const QString instruction = data.value(QLatin1String("instruction")).toString();
        !instruction.isEmpty())
        lines << QStringLiteral("<b>%1</b> %2").arg(esc(tr("Consignes :")), esc(instruction));
    // The sender's codes and parameters: the ones a reader can read (MeteoAlarm's worded, short "name=value"
    // ones as sent); the technical ones of a national profile (layer:EC-MSC-SMC:1.1:Parent_URI=…, snake_case
    // names) are counted, not dumped: the entry keeps them all (vigie-cli log).
    QStringList codes;
    int technical = 0;
    for (const char *field : {"event_codes", "parameters"})
        for (const QJsonValue &c : data.value(QLatin1String(field)).toArray()) {
            const QString code = c.toString();
            const QString name = code.section(u'=', 0, 0), value = code.section(u'=', 1);
            if (const QString worded = meteoAlarmWords(name, value); !worded.isEmpty())
                codes << worded;
            else if (code.size() <= 60 && !name.contains(u':') && !name.contains(u'_') &&
                     !code.contains(u'/'))
                codes << code;
            else
                ++technical;
        }
    if (!codes.isEmpty())
        lines << esc(tr("Codes et paramètres : %1").arg(codes.join(QStringLiteral(" ; "))));
    if (technical > 0)
        lines << esc(
            tr("%n autre(s) code(s) technique(s) de l'émetteur (vigie-cli log les donne tous)", technical));
    if (const QString web = data.value(QLatin1String("web")).toString();
        web.startsWith(QLatin1String("http")))
        lines << QStringLiteral("<a href='%1'>%2</a>").arg(esc(web), esc(tr("Page de l'émetteur")));
    if (const int others = int(data.value(QLatin1String("translations")).toArray().size()); others > 0)
        lines << esc(tr("Aussi reçue en %n autre(s) langue(s)", others));
    return html + QStringLiteral("<p style='margin:2px'>") + lines.join(QStringLiteral("<br>")) +
           QStringLiteral("</p>");
}

/// The hospitals nearest to `where` (as the crow flies), each with its emergency department, its distance
/// and its free beds by type: where the victims may go. A hospital the room knows twice (its own entry and a
/// feed's report of it, "have:…") is said once, by its latest state.
QString nearestHospitalsHtml(const Picture &picture, std::optional<GeoPoint> where)
{
    constexpr int shown = 3;
    QString html = section(tr("Hôpitaux proches"));
    if (!where)
        return html +
               QStringLiteral("<p>%1</p>").arg(esc(tr("Intervention non localisée : pas de distance.")));
    // By the hospital's own id: the room's "aphm-conception" and a feed's "have:aphm-conception" are one.
    std::map<QString, std::pair<double, const Hospital *>> byId;
    for (const auto &[id, h] : picture.hospitals) {
        if (!h.position)
            continue;
        const double metres = distanceMeters(*where, *h.position);
        auto [it, added] = byId.try_emplace(hospitalName(id, nullptr), metres, &h);
        if (!added && h.updated.msecs > it->second.second->updated.msecs)
            it->second = {metres, &h};
    }
    std::vector<std::pair<double, const Hospital *>> nearest;
    for (const auto &[key, found] : byId)
        nearest.push_back(found);
    std::sort(nearest.begin(), nearest.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    if (nearest.empty())
        return html + QStringLiteral("<p>%1</p>").arg(esc(tr("Aucun hôpital localisé dans la situation.")));
    nearest.resize(std::min<std::size_t>(nearest.size(), shown));
    html += QStringLiteral("<table cellspacing='3'>");
    for (const auto &[metres, h] : nearest) {
        QStringList beds;
        for (const auto &[type, n] : h->beds)
            beds << QStringLiteral("%1 %2").arg(bedTypeLabel(type)).arg(n);
        const QString ed = h->edStatus.isEmpty() ? tr("Urgences : état non communiqué")
                                                 : tr("Urgences : %1").arg(maps::edStatusLabel(h->edStatus));
        html += QStringLiteral("<tr><td valign='top'><a href='%1'>%2</a></td><td valign='top' "
                               "align='right'>%3</td><td valign='top'>%4<br>%5</td></tr>")
                    .arg(objectLink(maps::Layer::Hospitals, h->id), esc(maps::hospitalName(*h)),
                         esc(tr("%1 km").arg(QLocale().toString(metres / 1000, 'f', 1))), esc(ed),
                         esc(beds.isEmpty() ? tr("Disponibilité des lits non communiquée.")
                                            : tr("Lits libres : %1").arg(beds.join(QStringLiteral(", ")))));
    }
    return html + QStringLiteral("</table>");
}

} // namespace

QString incidentDetailHtml(const Picture &picture, const LogStore &store, const QString &id, Timestamp now)
{
    const Incident *found = picture.shownIncident(id);
    if (!found)
        return QStringLiteral("<p>%1</p>")
            .arg(esc(tr("L'intervention %1 n'est plus en cours (close, ou jamais ouverte).").arg(id)));
    const Incident &i = *found;
    QString html = QStringLiteral("<p style='font-size:large'>%1 <b>%2</b></p>")
                       .arg(severityBadge(i.severity), esc(i.title.isEmpty() ? i.id : i.title));
    const QString state = i.status == QLatin1String("contained") ? tr("maîtrisée") : tr("en cours");
    html += QStringLiteral("<p>%1 · %2 · %3<br>")
                .arg(esc(incidentTypeLabel(i.type)), esc(tr("gravité %1 sur 5").arg(i.severity)), esc(state));
    if (i.position)
        html += esc(tr("Lieu : %1 (%2° N, %3° E)")
                        .arg(placeLabel(*i.position))
                        .arg(i.position->lat, 0, 'f', 4)
                        .arg(i.position->lon, 0, 'f', 4)) +
                QStringLiteral("<br>");
    else
        html += esc(tr("Lieu : non localisée")) + QStringLiteral("<br>");
    html += esc(tr("Ouverte à %1 (il y a %2) par %3 ; dernière mise à jour à %4")
                    .arg(roomClock(i.opened, now), ageText(i.opened, now), agencyLabel(i.agency),
                         roomClock(i.updated, now))) +
            QStringLiteral("<br>") + esc(tr("Référence : %1").arg(i.id)) + QStringLiteral("</p>");
    const qsizetype alertAt = html.size(); // the alert's validity and instructions go here, once read

    html += section(tr("Victimes")) + casualtiesHtml(i.casualties);

    // Units on it, and on the incidents joined into it.
    QStringList ids{i.id};
    ids += i.joined;
    std::vector<const Unit *> engaged;
    for (const auto &[uid, u] : picture.units)
        if (ids.contains(u.incident) &&
            (u.status == QLatin1String("en_route") || u.status == QLatin1String("on_scene")))
            engaged.push_back(&u);
    html += section(tr("Moyens engagés : %1").arg(engaged.size()));
    if (engaged.empty())
        html += QStringLiteral("<p>%1</p>").arg(esc(tr("Aucun moyen engagé.")));
    else {
        html += QStringLiteral("<table cellspacing='3'>");
        for (const Unit *u : engaged)
            html += unitLine(*u, store, now, i.position);
        html += QStringLiteral("</table>");
    }
    html += nearestHospitalsHtml(picture, i.position);

    std::vector<const Decision *> decisions;
    for (const Decision &d : picture.decisions)
        if (ids.contains(d.incident))
            decisions.push_back(&d);
    html += section(tr("Décisions : %1").arg(decisions.size()));
    if (decisions.empty())
        html += QStringLiteral("<p>%1</p>").arg(esc(tr("Aucune décision inscrite.")));
    for (auto it = decisions.rbegin(); it != decisions.rend(); ++it)
        html += QStringLiteral("<p style='margin:2px'>%1 — <b>%2</b> (%3) : %4</p>")
                    .arg(roomClock((*it)->time, now), esc((*it)->author), esc(agencyLabel((*it)->agency)),
                         esc((*it)->text));

    // The entries behind it, newest first: who reported it (sources) and the main courante.
    std::vector<qint64> seqs = i.entries;
    std::sort(seqs.begin(), seqs.end(), std::greater<>());
    seqs.erase(std::unique(seqs.begin(), seqs.end()), seqs.end());
    // Each read is one row by its key; a fused incident of thousands of reports is read only this far.
    std::vector<Entry> entries;
    for (std::size_t k = 0; k < seqs.size() && int(k) < detailSourceLimit; ++k)
        if (auto e = readEntry(store, seqs[k]))
            entries.push_back(std::move(*e));
    // "author (flux CAP)" -> its reports, by what their signature showed.
    std::map<QString, std::map<QString, int>> sources;
    for (const Entry &e : entries) {
        if (e.kind != kinds::incidentOpen && e.kind != kinds::incidentUpdate &&
            e.kind != kinds::incidentClose)
            continue;
        const QString feed = feedName(e.data.value(QLatin1String("feed")).toString());
        // The sender as the log names it: "fr.fire.bmpm" by its service, a pseudonymised one by its feed
        // ("flux CAP", which then needs no "(flux CAP)" after it).
        const QString who = LogModel::sender(e);
        const bool saysTheFeed =
            isPseudonym(e.author) || e.author == e.data.value(QLatin1String("feed")).toString();
        ++sources[feed.isEmpty() || saysTheFeed ? who : tr("%1 (flux %2)").arg(who, feed)]
                 [signatureWords(e.data)];
    }
    html.insert(alertAt, alertHtml(i, entries, now));
    html += section(tr("Sources : %1").arg(sources.size()));
    for (const auto &[who, bySignature] : sources)
        for (const auto &[signature, n] : bySignature)
            html += QStringLiteral("<p style='margin:2px'>%1 — %2%3</p>")
                        .arg(esc(who), esc(n == 1 ? tr("1 signalement") : tr("%1 signalements").arg(n)),
                             signature.isEmpty() ? QString() : esc(QStringLiteral(", ") + signature));
    if (int(seqs.size()) > int(entries.size()))
        html += QStringLiteral("<p style='margin:2px'>%1</p>")
                    .arg(esc(tr("(d'après ses %1 dernières entrées au journal)").arg(entries.size())));
    entries.resize(std::min<std::size_t>(entries.size(), std::size_t(detailEntryLimit)));
    if (!i.joined.isEmpty())
        html += QStringLiteral("<p style='margin:2px'>%1</p>")
                    .arg(esc(tr("Réunit les interventions : %1").arg(i.joined.join(QStringLiteral(", ")))));

    html += section(seqs.size() == 1 ? tr("Main courante : 1 entrée")
                                     : tr("Main courante : %1 entrées").arg(seqs.size()));
    html += QStringLiteral("<table cellspacing='2'>");
    for (const Entry &e : entries)
        html += entryLine(e, now);
    html += QStringLiteral("</table>");
    if (int(seqs.size()) > int(entries.size()))
        html += QStringLiteral("<p>%1</p>")
                    .arg(esc((seqs.size() - entries.size() == 1
                                  ? tr("… et 1 entrée plus ancienne")
                                  : tr("… et %1 entrées plus anciennes").arg(seqs.size() - entries.size()))));
    return html;
}

QString unitDetailHtml(const Picture &picture, const LogStore &store, const QString &id, Timestamp now)
{
    const auto it = picture.units.find(id);
    if (it == picture.units.end())
        return QStringLiteral("<p>%1</p>").arg(esc(tr("Le moyen %1 n'est pas dans la situation.").arg(id)));
    const Unit &u = it->second;
    QString html = QStringLiteral("<p style='font-size:large'><b>%1</b> <span style='color:%2'>%3</span></p>")
                       .arg(esc(unitTitle(u)), agencyColour(u.agency).name(), esc(agencyLabel(u.agency)));
    html += QStringLiteral("<p>");
    if (!u.type.isEmpty())
        html += esc(tr("Type : %1").arg(u.type)) + QStringLiteral("<br>");
    if (!u.station.isEmpty())
        html += esc(tr("Rattachement : %1").arg(placeName(u.station))) + QStringLiteral("<br>");
    html += esc(tr("État : %1 depuis %2").arg(unitStatusLabel(u.status), roomClock(u.statusTime, now)));
    if (!u.incident.isEmpty()) {
        const Incident *on = picture.shownIncident(u.incident);
        html += QStringLiteral("<br>") + esc(tr("Intervention :")) +
                QStringLiteral(" <a href='%1'>%2</a>")
                    .arg(objectLink(maps::Layer::Incidents, on ? on->id : u.incident),
                         esc(on && !on->title.isEmpty() ? on->title : u.incident));
        if (const auto arrival = unitArrival(u, store))
            html += QStringLiteral("<br>") + esc(tr("Arrivée estimée à %1").arg(roomClock(*arrival, now)));
    }
    if (u.position)
        html += QStringLiteral("<br>") +
                esc(tr("Position à %1 : %2").arg(roomClock(u.positionTime, now), placeLabel(*u.position)));
    html += QStringLiteral("<br>") + esc(tr("Référence : %1").arg(u.id)) + QStringLiteral("</p>");
    if (u.lastSeq > 0)
        if (auto e = readEntry(store, u.lastSeq))
            html += section(tr("Dernière entrée")) + QStringLiteral("<table cellspacing='2'>") +
                    entryLine(*e, now) + QStringLiteral("</table>");
    return html;
}

QString hospitalDetailHtml(const Picture &picture, const QString &id, Timestamp now)
{
    const auto it = picture.hospitals.find(id);
    if (it == picture.hospitals.end())
        return QStringLiteral("<p>%1</p>").arg(esc(tr("Aucun état connu pour l'hôpital %1.").arg(id)));
    const Hospital &h = it->second;
    QString html = QStringLiteral("<p style='font-size:large'><b>%1</b></p>").arg(esc(maps::hospitalName(h)));
    const QString ed = maps::edStatusLabel(h.edStatus);
    html += QStringLiteral("<p>%1<br>%2</p>")
                .arg(esc(h.edStatus.isEmpty() ? tr("Urgences : état non communiqué")
                                              : tr("Urgences : %1").arg(ed)),
                     esc(tr("État communiqué à %1").arg(roomClock(h.updated, now))));
    int total = 0;
    for (const auto &[type, n] : h.beds)
        total += n;
    html += section(tr("Lits disponibles : %1").arg(total));
    if (h.beds.empty())
        html += QStringLiteral("<p>%1</p>").arg(esc(tr("Disponibilité des lits non communiquée.")));
    else {
        html += QStringLiteral("<table cellspacing='3'>");
        for (const auto &[type, n] : h.beds)
            html += QStringLiteral("<tr><td>%1</td><td align='right'><b>%2</b></td></tr>")
                        .arg(esc(bedTypeLabel(type)))
                        .arg(n);
        html += QStringLiteral("</table>");
    }
    return html;
}

QString tooltipHtml(const Picture &picture, const maps::MapObject &object, Timestamp now)
{
    const QString &id = object.id;
    if (object.layer == maps::Layer::Hospitals) {
        const auto it = picture.hospitals.find(id);
        if (it == picture.hospitals.end())
            return object.details;
        const Hospital &h = it->second;
        int beds = 0;
        for (const auto &[type, n] : h.beds)
            beds += n;
        QString line = h.edStatus.isEmpty() ? tr("Urgences : état non communiqué")
                                            : tr("Urgences : %1").arg(maps::edStatusLabel(h.edStatus));
        if (!h.beds.empty())
            line += QStringLiteral(" · ") + tr("Lits disponibles : %1").arg(beds);
        return QStringLiteral("<b>%1</b><br>%2").arg(esc(maps::hospitalName(h)), esc(line));
    }
    if (const auto u = picture.units.find(id);
        u != picture.units.end() && object.layer != maps::Layer::Incidents &&
        object.layer != maps::Layer::Sensors && object.layer != maps::Layer::Cameras) {
        const Unit &unit = u->second;
        QString html = QStringLiteral("<b>%1</b>").arg(esc(unitTitle(unit)));
        if (!unit.type.isEmpty())
            html += QStringLiteral(" (%1)").arg(esc(unit.type));
        html += QStringLiteral("<br>%1 · %2")
                    .arg(esc(agencyLabel(unit.agency)), esc(unitStatusLabel(unit.status)));
        if (!unit.station.isEmpty())
            html += QStringLiteral("<br>") + esc(tr("Rattachement : %1").arg(placeName(unit.station)));
        return html;
    }
    if (const Incident *i = picture.shownIncident(id)) {
        const QString state = i->status == QLatin1String("contained") ? tr("maîtrisée") : tr("en cours");
        return QStringLiteral("<b>%1</b><br>%2")
            .arg(esc(i->title.isEmpty() ? i->id : i->title),
                 esc(QStringLiteral("%1 · %2 · %3 · %4")
                         .arg(incidentTypeLabel(i->type), tr("gravité %1 sur 5").arg(i->severity), state,
                              tr("depuis %1").arg(ageText(i->opened, now)))));
    }
    return object.details;
}

QString membersHtml(const Picture &picture, const std::vector<maps::MapObject> &members, bool deepest)
{
    QString html =
        QStringLiteral("<p><b>%1</b></p>").arg(esc(tr("%1 objets à cet endroit").arg(members.size())));
    html += QStringLiteral("<p>%1</p>")
                .arg(esc(deepest ? tr("Ils sont au même endroit : choisissez-en un.")
                                 : tr("Choisissez-en un, ou zoomez pour les séparer.")));
    constexpr int shown = 60;
    html += QStringLiteral("<table cellspacing='2'>");
    for (std::size_t k = 0; k < members.size() && k < shown; ++k) {
        const maps::MapObject &o = members[k];
        QString name = o.label.isEmpty() ? o.id : o.label;
        if (o.layer == maps::Layer::Hospitals)
            if (auto h = picture.hospitals.find(o.id); h != picture.hospitals.end())
                name = maps::hospitalName(h->second);
        html += QStringLiteral("<tr><td style='color:%1'>%2</td><td><a href='%3'>%4</a></td></tr>")
                    .arg(maps::layerColour(o.layer).name(), esc(maps::layerName(o.layer)),
                         objectLink(o.layer, o.id), esc(name));
    }
    html += QStringLiteral("</table>");
    if (members.size() > shown)
        html += QStringLiteral("<p>%1</p>").arg(esc(tr("… et %1 autres").arg(members.size() - shown)));
    return html;
}

} // namespace vigie::ui
