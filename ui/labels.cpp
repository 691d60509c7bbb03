#include "ui/labels.h"

#include "maps/map_layers.h"

#include "demo/demo_room.h"
#include "picture/picture.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>
#include <QTranslator>

namespace vigie::ui {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("vigie::ui::Labels", text);
}
} // namespace

QString agencyLabel(const QString &agency)
{
    if (agency == QLatin1String("fire"))
        return tr("Marins-pompiers");
    if (agency == QLatin1String("samu"))
        return tr("SAMU");
    if (agency == QLatin1String("police"))
        return tr("Police");
    if (agency == QLatin1String("officials"))
        return tr("Élus / PCC");
    return agency;
}

QString unitStatusLabel(const QString &status)
{
    if (status == QLatin1String("available"))
        return tr("disponible");
    if (status == QLatin1String("en_route"))
        return tr("en route");
    if (status == QLatin1String("on_scene"))
        return tr("sur les lieux");
    if (status == QLatin1String("returning"))
        return tr("retour");
    if (status == QLatin1String("unavailable"))
        return tr("indisponible");
    return status;
}

QString needLabel(const QString &need)
{
    if (need == QLatin1String("command"))
        return tr("moyen de commandement");
    if (need == QLatin1String("rescue"))
        return tr("moyen de secours à personne");
    return need;
}

QString capabilityLabel(const QString &capability)
{
    static const std::pair<const char *, const char *> names[] = {
        {"command", QT_TRANSLATE_NOOP("vigie::ui::Labels", "commandement")},
        {"fire", QT_TRANSLATE_NOOP("vigie::ui::Labels", "incendie")},
        {"forest_fire", QT_TRANSLATE_NOOP("vigie::ui::Labels", "feux d'espaces naturels")},
        {"ladder", QT_TRANSLATE_NOOP("vigie::ui::Labels", "échelle")},
        {"medical", QT_TRANSLATE_NOOP("vigie::ui::Labels", "médical")},
        {"patrol", QT_TRANSLATE_NOOP("vigie::ui::Labels", "patrouille")},
        {"public_order", QT_TRANSLATE_NOOP("vigie::ui::Labels", "ordre public")},
        {"rescue", QT_TRANSLATE_NOOP("vigie::ui::Labels", "secours à personne")},
    };
    for (const auto &[id, label] : names)
        if (capability == QLatin1String(id))
            return tr(label);
    return capability;
}

namespace {

struct PlaceNames
{
    QString name, shortName;
};

/// The city pack's places, read once (embedded resources: nothing to wait for).
const QHash<QString, PlaceNames> &placeNames()
{
    static const QHash<QString, PlaceNames> names = [] {
        QHash<QString, PlaceNames> out;
        if (auto places = cityPlaces())
            for (const Place &p : *places) {
                const QString shortName = p.properties.value(QLatin1String("short_name")).toString();
                out.insert(p.id, {p.name, shortName.isEmpty() ? p.name : shortName});
            }
        return out;
    }();
    return names;
}

} // namespace

QString placeName(const QString &id)
{
    const auto it = placeNames().find(id);
    return it == placeNames().end() ? id : it->name;
}

QString placeShortName(const QString &id)
{
    const auto it = placeNames().find(id);
    return it == placeNames().end() ? id : it->shortName;
}

QColor statusColour(const QString &status)
{
    if (status == QLatin1String("available"))
        return QColor(0x00, 0x72, 0xB2);
    if (status == QLatin1String("en_route"))
        return QColor(0xE6, 0x9F, 0x00);
    if (status == QLatin1String("on_scene"))
        return QColor(0xD5, 0x5E, 0x00);
    if (status == QLatin1String("returning"))
        return QColor(0x56, 0xB4, 0xE9);
    return QColor(0x66, 0x66, 0x66);
}

QString incidentTypeLabel(const QString &type)
{
    static const std::pair<const char *, const char *> names[] = {
        {"building_fire", QT_TRANSLATE_NOOP("vigie::ui::Labels", "Feu de bâtiment")},
        {"vehicle_fire", QT_TRANSLATE_NOOP("vigie::ui::Labels", "Feu de véhicule")},
        {"brush_fire", QT_TRANSLATE_NOOP("vigie::ui::Labels", "Feu d'espace naturel")},
        {"cardiac_arrest", QT_TRANSLATE_NOOP("vigie::ui::Labels", "Arrêt cardiaque")},
        {"illness", QT_TRANSLATE_NOOP("vigie::ui::Labels", "Malaise ou maladie")},
        {"injury", QT_TRANSLATE_NOOP("vigie::ui::Labels", "Blessé")},
        {"childbirth", QT_TRANSLATE_NOOP("vigie::ui::Labels", "Accouchement")},
        {"water_rescue", QT_TRANSLATE_NOOP("vigie::ui::Labels", "Personne à l'eau")},
        {"traffic_accident", QT_TRANSLATE_NOOP("vigie::ui::Labels", "Accident de la circulation")},
        {"public_order", QT_TRANSLATE_NOOP("vigie::ui::Labels", "Ordre public")},
        {"crowd_event", QT_TRANSLATE_NOOP("vigie::ui::Labels", "Rassemblement")},
        {"crowd_crush", QT_TRANSLATE_NOOP("vigie::ui::Labels", "Mouvement de foule")},
        {"gas_leak", QT_TRANSLATE_NOOP("vigie::ui::Labels", "Fuite de gaz")},
        {"drowning", QT_TRANSLATE_NOOP("vigie::ui::Labels", "Noyade")},
        {"flood", QT_TRANSLATE_NOOP("vigie::ui::Labels", "Inondation")},
        {"hazmat", QT_TRANSLATE_NOOP("vigie::ui::Labels", "Risque chimique ou matières dangereuses")},
        {"weather", QT_TRANSLATE_NOOP("vigie::ui::Labels", "Événement météorologique")},
        {"earthquake", QT_TRANSLATE_NOOP("vigie::ui::Labels", "Séisme")},
        {"security", QT_TRANSLATE_NOOP("vigie::ui::Labels", "Atteinte à la sécurité")},
        {"suspect_package", QT_TRANSLATE_NOOP("vigie::ui::Labels", "Colis suspect")},
        {"infrastructure", QT_TRANSLATE_NOOP("vigie::ui::Labels", "Réseaux et infrastructures")},
        {"other", QT_TRANSLATE_NOOP("vigie::ui::Labels", "Autre")},
    };
    for (const auto &[id, label] : names)
        if (type == QLatin1String(id))
            return tr(label);
    return type;
}

QString bedTypeLabel(const QString &type)
{
    // The demo's and desks' own words, then EDXL-HAVE 1.0's BedType values.
    static const std::pair<const char *, const char *> names[] = {
        {"icu", QT_TRANSLATE_NOOP("vigie::ui::Labels", "réanimation")},
        {"medicine", QT_TRANSLATE_NOOP("vigie::ui::Labels", "médecine")},
        {"surgery", QT_TRANSLATE_NOOP("vigie::ui::Labels", "chirurgie")},
        {"burns", QT_TRANSLATE_NOOP("vigie::ui::Labels", "grands brûlés")},
        {"AdultICU", QT_TRANSLATE_NOOP("vigie::ui::Labels", "réanimation adultes")},
        {"PediatricICU", QT_TRANSLATE_NOOP("vigie::ui::Labels", "réanimation pédiatrique")},
        {"NICU", QT_TRANSLATE_NOOP("vigie::ui::Labels", "réanimation néonatale")},
        {"MedicalSurgical", QT_TRANSLATE_NOOP("vigie::ui::Labels", "médecine et chirurgie")},
        {"Burn", QT_TRANSLATE_NOOP("vigie::ui::Labels", "grands brûlés")},
        {"Pediatrics", QT_TRANSLATE_NOOP("vigie::ui::Labels", "pédiatrie")},
        {"Psychiatric", QT_TRANSLATE_NOOP("vigie::ui::Labels", "psychiatrie")},
        {"NegativeFlowIsolation", QT_TRANSLATE_NOOP("vigie::ui::Labels", "isolement à pression négative")},
        {"OtherIsolation", QT_TRANSLATE_NOOP("vigie::ui::Labels", "autre isolement")},
        {"OperatingRooms", QT_TRANSLATE_NOOP("vigie::ui::Labels", "salles d'opération")},
    };
    for (const auto &[id, label] : names)
        if (type == QLatin1String(id))
            return tr(label);
    // A source's own word: readable, without the underscores of an identifier.
    QString words = type;
    return words.replace(QLatin1Char('_'), QLatin1Char(' '));
}

QString kindLabel(const QString &kind)
{
    static const std::pair<const char *, const char *> names[] = {
        {"note", QT_TRANSLATE_NOOP("vigie::ui::Labels", "Note")},
        {"unit.status", QT_TRANSLATE_NOOP("vigie::ui::Labels", "Statut d'unité")},
        {"unit.position", QT_TRANSLATE_NOOP("vigie::ui::Labels", "Position d'unité")},
        {"incident.open", QT_TRANSLATE_NOOP("vigie::ui::Labels", "Ouverture d'intervention")},
        {"incident.update", QT_TRANSLATE_NOOP("vigie::ui::Labels", "Mise à jour d'intervention")},
        {"incident.close", QT_TRANSLATE_NOOP("vigie::ui::Labels", "Clôture d'intervention")},
        {"zone.draw", QT_TRANSLATE_NOOP("vigie::ui::Labels", "Zone")},
        {"decision", QT_TRANSLATE_NOOP("vigie::ui::Labels", "Décision")},
        {"hospital.status", QT_TRANSLATE_NOOP("vigie::ui::Labels", "État hospitalier")},
        {"suggestion", QT_TRANSLATE_NOOP("vigie::ui::Labels", "Proposition")},
        {"suggestion.accept", QT_TRANSLATE_NOOP("vigie::ui::Labels", "Proposition acceptée")},
        {"suggestion.reject", QT_TRANSLATE_NOOP("vigie::ui::Labels", "Proposition rejetée")},
        {"feed.control", QT_TRANSLATE_NOOP("vigie::ui::Labels", "Pause ou reprise d'un flux")},
        {"fusion.merge", QT_TRANSLATE_NOOP("vigie::ui::Labels", "Fusion de signalements")},
        {"fusion.split", QT_TRANSLATE_NOOP("vigie::ui::Labels", "Source séparée")},
        {"fusion.join", QT_TRANSLATE_NOOP("vigie::ui::Labels", "Interventions réunies")},
        {"fusion.undo", QT_TRANSLATE_NOOP("vigie::ui::Labels", "Correction annulée")},
        {"conflict", QT_TRANSLATE_NOOP("vigie::ui::Labels", "Conflit")},
        {"log.truncated", QT_TRANSLATE_NOOP("vigie::ui::Labels", "Journal tronqué")},
        {"event.plan", QT_TRANSLATE_NOOP("vigie::ui::Labels", "Événement prévu")},
        {"event.cancel", QT_TRANSLATE_NOOP("vigie::ui::Labels", "Événement annulé")},
        {"exercise.clock", QT_TRANSLATE_NOOP("vigie::ui::Labels", "Horloge de l'exercice")},
        {"exercise.inject", QT_TRANSLATE_NOOP("vigie::ui::Labels", "Stimulus d'exercice")},
        {"exercise.check", QT_TRANSLATE_NOOP("vigie::ui::Labels", "Action attendue")},
    };
    for (const auto &[id, label] : names)
        if (kind == QLatin1String(id))
            return tr(label);
    return kind;
}

bool isExerciseStimulus(const QString &source)
{
    return source.startsWith(QLatin1String("exercice:"));
}

QString feedSourceLabel(const QString &source)
{
    static const QRegularExpression file(QStringLiteral(R"(^file \[source:([0-9a-f]+)\](?:\.(\w+))?$)"));
    // An exercise's stimulus (core/exercise: "exercice:<scenario>/<stimulus>").
    static const QRegularExpression inject(QStringLiteral(R"(^exercice:([^/]+)/(.+)$)"));
    if (const QRegularExpressionMatch i = inject.match(source); i.hasMatch())
        return QCoreApplication::translate("vigie::ui::Labels", "exercice %1, stimulus %2")
            .arg(i.captured(1), i.captured(2));
    const QRegularExpressionMatch m = file.match(source);
    if (!m.hasMatch())
        return source;
    const QString number = m.captured(1).left(6);
    return m.captured(2).isEmpty()
               ? QCoreApplication::translate("vigie::ui::Labels", "fichier n° %1").arg(number)
               : QCoreApplication::translate("vigie::ui::Labels", "fichier %1 n° %2")
                     .arg(m.captured(2).toUpper(), number);
}

QString feedLabel(const QString &feed)
{
    static const std::pair<const char *, const char *> names[] = {
        {"cap", QT_TRANSLATE_NOOP("vigie::ui::Labels", "CAP")},
        {"hubsante", QT_TRANSLATE_NOOP("vigie::ui::Labels", "Hub Santé")},
        {"emsi", QT_TRANSLATE_NOOP("vigie::ui::Labels", "EMSI")},
        {"edxl", QT_TRANSLATE_NOOP("vigie::ui::Labels", "EDXL")},
        {"have", QT_TRANSLATE_NOOP("vigie::ui::Labels", "EDXL-HAVE")},
        {"rm", QT_TRANSLATE_NOOP("vigie::ui::Labels", "EDXL-RM")},
        {"nmea", QT_TRANSLATE_NOOP("vigie::ui::Labels", "NMEA")},
        {"csv", QT_TRANSLATE_NOOP("vigie::ui::Labels", "CSV")},
        {"geojson", QT_TRANSLATE_NOOP("vigie::ui::Labels", "GeoJSON")},
    };
    for (const auto &[id, label] : names)
        if (feed == QLatin1String(id))
            return tr(label);
    return feed;
}

bool isPseudonym(const QString &text)
{
    // As Anonymiser::token writes them: "[category:hex]".
    static const QRegularExpression token(QStringLiteral("^\\[[a-zé]+:[0-9a-f]{6,}\\]$"));
    return token.match(text).hasMatch();
}

QString incidentRef(const QString &id)
{
    const qsizetype colon = id.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return id;
    const QString scheme = id.left(colon);
    const QString rest = id.mid(colon + 1);
    // CAP identifiers are OIDs and dates, fusion's are UUIDs: their end tells two apart, the whole is in the
    // tooltip.
    const QString tail = rest.size() <= 12 ? rest : QStringLiteral("…") + rest.right(10);
    if (scheme == QLatin1String("cap"))
        return tr("alerte CAP %1").arg(tail);
    if (scheme == QLatin1String("hubsante")) {
        // fr.health.samu440.DRFR154402413800999, fr.fire.sis044.cga-044.SC-…: whose case, and its number.
        const QString number = rest.section(QLatin1Char('.'), -1);
        const QString shortNumber = number.size() <= 24 ? number : number.left(22) + QStringLiteral("…");
        if (rest.startsWith(QLatin1String("fr.fire.")))
            return tr("dossier pompiers %1").arg(shortNumber);
        if (rest.startsWith(QLatin1String("fr.police.")))
            return tr("dossier police %1").arg(shortNumber);
        return tr("dossier SAMU %1").arg(shortNumber);
    }
    if (scheme == QLatin1String("fusion"))
        return tr("intervention fusionnée %1").arg(tail);
    if (const QString feed = feedLabel(scheme); feed != scheme) // emsi:E-7 → EMSI E-7
        return QStringLiteral("%1 %2").arg(feed, tail);
    return id;
}

QString incidentTitle(const Incident &incident)
{
    return incident.title.isEmpty() ? incidentRef(incident.id) : incident.title;
}

namespace {

/// `id` without a feed's prefix ("emsi:VSAV-LOUV-1" → "VSAV-LOUV-1"); the room's own ids as they are.
QString withoutFeed(const QString &id)
{
    const qsizetype colon = id.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return id;
    const QString scheme = id.left(colon);
    return feedLabel(scheme) != scheme ? id.mid(colon + 1) : id;
}

} // namespace

QString unitRef(const QString &id)
{
    const qsizetype at = id.indexOf(QLatin1String(".resource."));
    return at < 0 ? withoutFeed(id) : id.mid(at + int(sizeof(".resource.")) - 1);
}

QString unitName(const QString &id, const Picture *picture)
{
    const QString bare = unitRef(id);
    if (picture)
        for (const QString &key : {id, bare})
            if (const auto it = picture->units.find(key);
                it != picture->units.end() && !it->second.callsign.isEmpty())
                return it->second.callsign;
    return bare;
}

QString hospitalName(const QString &id, const Picture *picture)
{
    const QString bare = withoutFeed(id);
    if (!picture)
        return bare;
    if (const auto it = picture->hospitals.find(id);
        it != picture->hospitals.end() && !it->second.name.isEmpty())
        return it->second.name;
    // The room's hospital and a feed's report of it ("aphm-timone", "have:aphm-timone"): whichever was named.
    // A room holds a handful of hospitals.
    for (const auto &[key, hospital] : picture->hospitals)
        if (!hospital.name.isEmpty() && withoutFeed(key) == bare)
            return hospital.name;
    return bare;
}

QString senderLabel(const QString &sender)
{
    // EMSI's ORG_ID and Hub Santé's senders: country, service, organisation (docs of core/feeds).
    static const QRegularExpression org(QStringLiteral("^fr\\.(fire|health|police)\\.([A-Za-z0-9-]+)"));
    const QRegularExpressionMatch m = org.match(sender);
    if (!m.hasMatch())
        return sender;
    // A SAMU says its department's number: "fr.health.samu130" → "SAMU 130".
    static const QRegularExpression samu(QStringLiteral("^samu(\\d+)$"));
    if (const QRegularExpressionMatch n = samu.match(m.captured(2)); n.hasMatch())
        return tr("SAMU %1").arg(n.captured(1));
    const QString service = m.captured(1) == QLatin1String("fire") ? agencyLabel(QStringLiteral("fire"))
                            : m.captured(1) == QLatin1String("health")
                                ? agencyLabel(QStringLiteral("samu"))
                                : agencyLabel(QStringLiteral("police"));
    return tr("%1 (%2)").arg(service, m.captured(2).toUpper());
}

QColor agencyColour(const QString &agency)
{
    return maps::agencyColour(agency); // one palette for the map and the tables
}

QDateTime roomTime(qint64 msecsSinceEpoch)
{
    static const QTimeZone zone(QByteArrayLiteral("Europe/Paris"));
    const QDateTime utc = QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch, Qt::UTC);
    return zone.isValid() ? utc.toTimeZone(zone) : utc.toLocalTime();
}

namespace {
QString &deskName()
{
    static QString name;
    return name;
}
} // namespace

QString deskAuthor()
{
    return deskName().isEmpty() ? qEnvironmentVariable("USER", QStringLiteral("poste")) : deskName();
}

void setDeskAuthor(const QString &name)
{
    deskName() = name;
}

namespace {
QString &deskAgencyValue()
{
    static QString agency;
    return agency;
}
} // namespace

QString deskAgency()
{
    return deskAgencyValue();
}

void setDeskAgency(const QString &agency)
{
    deskAgencyValue() = agency;
}

bool useLanguage(const QString &language)
{
    // One translator per catalogue, kept for the life of the application; the previous language's go first.
    // Qt's own words (Annuler, the file dialog) come from Qt's catalogue, installed with Qt
    // (qt6-translations-l10n).
    static QTranslator console, core, qt;
    QCoreApplication::removeTranslator(&console);
    QCoreApplication::removeTranslator(&core);
    QCoreApplication::removeTranslator(&qt);
    const bool known = language == QLatin1String("fr") || language == QLatin1String("en");
    const QString chosen = known ? language : QStringLiteral("fr");
    if (qt.load(QStringLiteral("qtbase_%1").arg(chosen), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qt);
    if (chosen == QLatin1String("fr")) {
        if (core.load(QStringLiteral(":/i18n/vigie_core_fr.qm")))
            QCoreApplication::installTranslator(&core);
        QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
        return known;
    }
    if (console.load(QStringLiteral(":/i18n/vigie_%1.qm").arg(chosen)))
        QCoreApplication::installTranslator(&console);
    QLocale::setDefault(QLocale(chosen));
    return known;
}

} // namespace vigie::ui
