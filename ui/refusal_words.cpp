#include "ui/refusal_words.h"

#include "ui/error_words.h"

#include <QLocale>
#include <QRegularExpression>
#include <QStringList>

#include <vector>

namespace vigie::ui {

namespace {

// Why by hand: the parsers write one English sentence per reason and the room keeps it as written, so the
// console words a reason by recognising its sentence. Each template below is one parser's sentence with its
// values captured, and the French of it; a capture listed in `again` is itself a reason (or a place) worded
// in turn, the others are values shown as they are (element names, the offending text, numbers).
struct Template
{
    QRegularExpression pattern;
    QString french;
    std::vector<int> again;
    int ours = 0; ///< a capture that names one of our fields ("time"), said in French; 0: none
};

Template t(const char *pattern, const char *french, std::vector<int> again = {}, int ours = 0)
{
    return {QRegularExpression(QString::fromUtf8(pattern), QRegularExpression::DotMatchesEverythingOption),
            QString::fromUtf8(french), std::move(again), ours};
}

/// Our own names of a feed's fields (feed mappings, docs/feed-mappings.md) as the French console says them.
QString ourField(const QString &name)
{
    static const QHash<QString, QString> french{{QStringLiteral("id"), QStringLiteral("identifiant")},
                                                {QStringLiteral("time"), QStringLiteral("heure")},
                                                {QStringLiteral("type"), QStringLiteral("nature")},
                                                {QStringLiteral("title"), QStringLiteral("titre")},
                                                {QStringLiteral("severity"), QStringLiteral("gravité")},
                                                {QStringLiteral("agency"), QStringLiteral("service")},
                                                {QStringLiteral("text"), QStringLiteral("texte")},
                                                {QStringLiteral("incident"), QStringLiteral("intervention")},
                                                {QStringLiteral("sensor"), QStringLiteral("capteur")},
                                                {QStringLiteral("status"), QStringLiteral("statut")},
                                                {QStringLiteral("author"), QStringLiteral("auteur")},
                                                {QStringLiteral("lat"), QStringLiteral("latitude")},
                                                {QStringLiteral("lon"), QStringLiteral("longitude")},
                                                {QStringLiteral("unit"), QStringLiteral("moyen")},
                                                {QStringLiteral("start"), QStringLiteral("début")},
                                                {QStringLiteral("end"), QStringLiteral("fin")},
                                                {QStringLiteral("attendance"), QStringLiteral("affluence")},
                                                {QStringLiteral("geometry"), QStringLiteral("géométrie")}};
    return french.value(name, name);
}

/// How a source names itself in a reason ("cap", "Hub Santé message status") as the French console says it.
QString sourceWords(QString source)
{
    static const QHash<QString, QString> ids{{QStringLiteral("cap"), QStringLiteral("CAP")},
                                             {QStringLiteral("edxl"), QStringLiteral("EDXL")},
                                             {QStringLiteral("emsi"), QStringLiteral("EMSI")},
                                             {QStringLiteral("geojson"), QStringLiteral("GeoJSON")},
                                             {QStringLiteral("csv"), QStringLiteral("CSV")},
                                             {QStringLiteral("nmea"), QStringLiteral("NMEA")},
                                             {QStringLiteral("have"), QStringLiteral("EDXL-HAVE")}};
    if (const auto it = ids.constFind(source); it != ids.constEnd())
        return *it;
    source.replace(QStringLiteral("Hub Santé message status"),
                   QStringLiteral("Hub Santé, statut du message"));
    source.replace(QStringLiteral("GeoJSON status"), QStringLiteral("GeoJSON, statut"));
    source.replace(QStringLiteral(" for case "), QStringLiteral(", dossier "));
    return source;
}

const std::vector<Template> &templates()
{
    static const std::vector<Template> all{
        // Whole reasons whose source part is not a plain format name.
        t(R"re(^Hub Santé message without status \(no message/status, no EDXL distributionStatus\): taken as Actual traffic, which never enters an exercise room$)re",
          "message Hub Santé sans statut (ni message/status ni distributionStatus EDXL) : pris pour un "
          "message "
          "réel, qui n'entre jamais dans une salle d'exercice"),
        t(R"re(^Hub Santé message with no known use case \(found (.*)\): expected (.*)$)re",
          "message Hub Santé sans cas d'usage connu (trouvé : %1) ; attendu : %2"),
        t(R"re(^Hub Santé TECHNICAL test message \(fields (.*)\): schema-validation fields without a use-case root, not a situation message$)re",
          "Hub Santé TECHNICAL : message de test (champs %1), champs de validation de schéma sans racine de "
          "cas "
          "d'usage, pas un message de situation"),
        t(R"re(^(.+): format not recognised \(not (.+)\); give --format$)re",
          "%1 : format non reconnu (ni %2) ; précisez --format"),
        t(R"re(^unknown document root <(.*)>: not CAP, EDXL-DE, EDXL-HAVE, EDXL-RM, EMSI or a Hub Santé message$)re",
          "racine de document inconnue <%1> : ni CAP, EDXL-DE, EDXL-HAVE, EDXL-RM, EMSI, ni message Hub "
          "Santé"),
        t(R"re(^feed paused by (.+) at (\S+) \(entry (\d+)\): set aside, not entered in the log$)re",
          "flux suspendu par %1 le %2 (entrée %3) : mis de côté, pas inscrit au journal"),
        t(R"re(^a valid XML signature is required on this feed; signature (.+)$)re",
          "ce flux exige une signature XML valide ; signature %1", {1}),
        // MQTT topics (mqtt_listener.cpp).
        t(R"re(^topic "(.*)" is not vigie/<agency>/<format>$)re",
          "sujet « %1 » : il n'a pas la forme vigie/<service>/<format>"),
        t(R"re(^topic "(.*)": agency "(.*)" is unknown \(fire, samu, police or officials\)$)re",
          "sujet « %1 » : service « %2 » inconnu (fire, samu, police ou officials)"),
        t(R"re(^topic "(.*)": format "(.*)" is unknown \((.+)\)$)re",
          "sujet « %1 » : format « %2 » inconnu (%3)"),
        // A source, then what it says.
        t(R"re(^(CAP|CSV|NMEA(?: GGA| RMC)?|GeoJSON(?: status)?|EMSI|EDXL-DE(?: [^:\s]+)?|EDXL-HAVE|EDXL-RM(?: \S+){0,2}|Hub Santé (?:message status|\S+ \S+(?: for case .+?)?)|Hub Santé \S+|cap|edxl|emsi|geojson|csv|nmea): (.+)$)re",
          "%1 : %2", {2}),
        t(R"re(^line (\d+), column (\d+): (.+)$)re", "ligne %1, colonne %2 : %3", {3}),
        // Exercise and live traffic.
        t(R"re(^(?:(?:status|CONTEXT/MODE) )?Actual traffic never enters an exercise room$)re",
          "message réel (Actual) : il n'entre jamais dans une salle d'exercice"),
        t(R"re(^(?:(?:status|CONTEXT/MODE) )?(Exercise|Test) traffic never enters a live room$)re",
          "message d'exercice (%1) : il n'entre jamais dans une salle réelle"),
        t(R"re(^(?:(?:status|CONTEXT/MODE) )?status "(.*)" is neither Actual nor Exercise/Test: refused in any room$)re",
          "statut « %1 », ni réel (Actual) ni d'exercice (Exercise/Test) : refusé dans toute salle"),
        // Times.
        t(R"re(^(\S+) "(.*)" is not an ISO 8601 time with (?:an |a UTC )?offset$)re",
          "%1 « %2 » n'est pas une date ISO 8601 avec décalage horaire"),
        t(R"re(^(\S+) "(.*)" is not an ISO 8601 time$)re", "%1 « %2 » n'est pas une date ISO 8601"),
        t(R"re(^time "(.*)" is not ISO 8601 with an offset$)re",
          "heure « %1 » : pas une date ISO 8601 avec décalage horaire"),
        t(R"re(^no time in the message nor in an envelope$)re",
          "aucune heure dans le message ni dans son enveloppe"),
        // Required parts.
        t(R"re(^required element <(\w+)> is missing$)re", "l'élément obligatoire <%1> est absent"),
        t(R"re(^required element <(\w+)> is missing or not text$)re",
          "l'élément obligatoire <%1> est absent ou n'est pas du texte"),
        t(R"re(^required field distributionKind \(2\.0\) or distributionType \(1\.0\) is missing$)re",
          "le champ obligatoire distributionKind (2.0) ou distributionType (1.0) est absent"),
        t(R"re(^required field (\S+) is missing or empty$)re", "le champ obligatoire %1 est absent ou vide"),
        t(R"re(^required field (\S+) is missing$)re", "le champ obligatoire %1 est absent"),
        t(R"re(^(\S+) and (\S+) are required$)re", "%1 et %2 sont obligatoires"),
        t(R"re(^(\S+) is required$)re", "%1 est obligatoire"),
        t(R"re(^creation \(ISO 8601 with offset\) is required$)re",
          "la date de création (creation, ISO 8601 avec décalage horaire) est obligatoire"),
        // CAP.
        t(R"re(^<(\w+)> "(.*)" is not a CAP value$)re", "<%1> « %2 » n'est pas une valeur CAP"),
        t(R"re(^<(\w+)> "(.*)" is not one of (.+)$)re", "<%1> « %2 » n'est aucune des valeurs %3"),
        t(R"re(^<(\w+)> "(.*)" is not "(.*)"$)re", "<%1> « %2 » n'a pas la forme « %3 »"),
        t(R"re(^<polygon> has (\d+) points, CAP requires at least (\d+)$)re",
          "<polygon> a %1 points, CAP en exige au moins %2"),
        t(R"re(^<(\w+)>: "(.*)" is not a WGS84 "(.*)" pair$)re",
          "<%1> : « %2 » n'est pas un couple « %3 » WGS84"),
        t(R"re(^msgType Update without <references> to the alert it revises$)re",
          "msgType Update sans <references> vers l'alerte qu'il révise"),
        t(R"re(^msgType (\S+) acknowledges another alert and carries no situation$)re",
          "msgType %1 : accusé de réception d'une autre alerte, sans situation"),
        t(R"re(^no <info> block$)re", "aucun bloc <info>"),
        // CSV.
        t(R"re(^(\d+) fields, the header has (\d+)$)re", "%1 champs, l'en-tête en a %2"),
        t(R"re(^header has no column "(.*)" \(mapped to our (\w+)\); check the mapping file$)re",
          "l'en-tête n'a pas de colonne « %1 » (associée à notre champ %2) ; vérifiez le fichier de "
          "correspondance",
          {}, 2),
        t(R"re(^lat/lon "(.*)"/"(.*)" are not WGS84 coordinates$)re",
          "lat/lon « %1 »/« %2 » ne sont pas des coordonnées WGS84"),
        t(R"re(^unterminated quoted field \(truncated export\?\)$)re",
          "champ entre guillemets non terminé (export tronqué ?)"),
        // EDXL and EDXL-HAVE.
        t(R"re(^no embedded XML or JSON content to unwrap$)re",
          "aucun contenu XML ou JSON intégré à extraire"),
        t(R"re(^empty embedded content$)re", "contenu intégré vide"),
        t(R"re(^Hospital needs an OrganizationID or name and a LastUpdateTime \(ISO 8601\)$)re",
          "un hôpital (Hospital) doit avoir un OrganizationID ou un nom, et une LastUpdateTime (ISO 8601)"),
        t(R"re(^HospitalStatus without Hospital$)re", "HospitalStatus sans Hospital"),
        t(R"re(^expected one root element, found (\d+)$)re", "un seul élément racine attendu, %1 trouvés"),
        t(R"re(^a schema document \((.*)\), not a message$)re", "un document de schéma (%1), pas un message"),
        t(R"re(^a JSON Schema document, not a message$)re", "un document JSON Schema, pas un message"),
        t(R"re(^expected a JSON object at the top$)re", "un objet JSON était attendu au premier niveau"),
        t(R"re(^UICDS EdxlDeRequest without an EDXLDistribution inside$)re",
          "EdxlDeRequest UICDS sans EDXLDistribution à l'intérieur"),
        // EMSI and Hub Santé.
        t(R"re(^EVENT without ID$)re", "EVENT sans ID"),
        t(R"re(^EVENT/SCALE "(.*)" is not a number$)re", "EVENT/SCALE « %1 » n'est pas un nombre"),
        t(R"re(^message (.+) has neither an EVENT nor a located RESOURCE$)re",
          "le message %1 n'a ni EVENT ni RESOURCE localisée"),
        t(R"re(^resource without resourceId$)re", "ressource sans resourceId"),
        t(R"re(^no resource with an identified, dated state or position$)re",
          "aucune ressource avec un état ou une position identifiés et datés"),
        t(R"re(^no position$)re", "aucune position"),
        t(R"re(^resourceId, coord/lat, coord/lon and datetime are required \(coordinates in WGS84 range\)$)re",
          "resourceId, coord/lat, coord/lon et datetime sont obligatoires (coordonnées dans les limites "
          "WGS84)"),
        t(R"re(^only patient, medical note or decision fields \(health data\), no place or qualification for the picture$)re",
          "seulement des champs patient, note médicale ou décision (données de santé), ni lieu ni "
          "qualification "
          "pour la situation"),
        t(R"re(^a patient assessment \(bilan de prise en charge, health data\) that the room never stores$)re",
          "un bilan de prise en charge d'un patient (données de santé), que la salle ne garde jamais"),
        t(R"re(^a patient care summary \(résumé de prise en charge, health data\) that the room never stores$)re",
          "un résumé de prise en charge d'un patient (données de santé), que la salle ne garde jamais"),
        t(R"re(^a SAS appointment booked for one patient \(scheduled care\), not an incident feed$)re",
          "un rendez-vous SAS pris pour un patient (soins programmés), pas un flux d'interventions"),
        t(R"re(^a link to a case document held by the sender; no situation in the message itself$)re",
          "un lien vers un document du dossier gardé par l'émetteur ; aucune situation dans le message "
          "lui-même"),
        t(R"re(^a request for vehicle positions addressed to the other centre; the answer \(GEO-POS\) is what the room ingests$)re",
          "une demande de positions de véhicules adressée à l'autre centre ; la salle lit la réponse "
          "(GEO-POS)"),
        t(R"re(^a directory of the sender's vehicles without position or status; nothing for the picture$)re",
          "un annuaire des véhicules de l'émetteur, sans position ni état ; rien pour la situation"),
        t(R"re(^an acknowledgement of receipt of another message; nothing for the picture$)re",
          "un accusé de réception d'un autre message ; rien pour la situation"),
        t(R"re(^an error report about another message exchanged on the Hub; nothing for the picture$)re",
          "un compte rendu d'erreur sur un autre message échangé sur le Hub ; rien pour la situation"),
        t(R"re(^a Hub Santé technical test message \(schema validation fields\), not a situation message$)re",
          "un message de test technique du Hub Santé (champs de validation de schéma), pas un message de "
          "situation"),
        t(R"re(^free custom content agreed between two centres, with no model the room can read$)re",
          "un contenu libre convenu entre deux centres, sans modèle que la salle sache lire"),
        // GeoJSON.
        t(R"re(^geometry missing or invalid: geo: (.+)$)re", "géométrie absente ou invalide : %1", {1}),
        t(R"re(^geometry missing or invalid: (.+)$)re", "géométrie absente ou invalide : %1", {1}),
        t(R"re(^missing "(.*)" \(expected Point, Polygon or LineString\)$)re",
          "« %1 » absent (attendu : Point, Polygon ou LineString)"),
        t(R"re(^unsupported geometry type "(.*)" \(expected Point, Polygon or LineString\)$)re",
          "type de géométrie « %1 » non pris en charge (attendu : Point, Polygon ou LineString)"),
        t(R"re(^(geometry\.coordinates(?:\[\d+\])*): (.+)$)re", "%1 : %2", {2}),
        t(R"re(^a Polygon needs at least one ring$)re", "un Polygon doit avoir au moins un anneau"),
        t(R"re(^expected a position \[lon, lat\], got nothing$)re",
          "position [lon, lat] attendue, rien trouvé"),
        t(R"re(^expected a position \[lon, lat\], got an array of (\d+)$)re",
          "position [lon, lat] attendue, un tableau de %1 éléments trouvé"),
        t(R"re(^expected a position \[lon, lat\], got an object$)re",
          "position [lon, lat] attendue, un objet trouvé"),
        t(R"re(^expected a position \[lon, lat\], got (.+)$)re", "position [lon, lat] attendue, %1 trouvé"),
        t(R"re(^latitude (\S+) out of range \[(\S+), (\S+)\]$)re",
          "latitude %1 hors de l'intervalle [%2, %3]"),
        t(R"re(^longitude (\S+) out of range \[(\S+), (\S+)\]$)re",
          "longitude %1 hors de l'intervalle [%2, %3]"),
        t(R"re(^a polygon ring needs at least (\d+) positions, the last equal to the first \(RFC 7946 §3\.1\.6\); got (\d+)$)re",
          "un anneau de polygone doit avoir au moins %1 positions, la dernière égale à la première (RFC 7946 "
          "§3.1.6) ; %2 trouvées"),
        t(R"re(^the polygon ring is not closed: its last position (.+) must equal its first (.+) \(RFC 7946 §3\.1\.6\)$)re",
          "l'anneau du polygone n'est pas fermé : sa dernière position %1 doit être égale à la première %2 "
          "(RFC "
          "7946 §3.1.6)"),
        t(R"re(^(.*) is not a number \(longitude expected\)$)re",
          "%1 n'est pas un nombre (longitude attendue)"),
        t(R"re(^(.*) is not a number \(latitude expected\)$)re",
          "%1 n'est pas un nombre (latitude attendue)"),
        t(R"re(^(.+) \(our (\w+)\) is missing or empty$)re", "%1 (notre champ %2) est absent ou vide", {1},
          2),
        t(R"re(^(.+) \(our (\w+)\) is an object, not a text$)re",
          "%1 (notre champ %2) est un objet, pas un texte", {1}, 2),
        t(R"re(^(.+) \(our (\w+)\) is an array, not a text$)re",
          "%1 (notre champ %2) est un tableau, pas un texte", {1}, 2),
        t(R"re(^(.+) \(our (\w+)\) is "(.*)", not ISO 8601 with an offset \(e\.g\. (.+)\)$)re",
          "%1 (notre champ %2) vaut « %3 », pas une date ISO 8601 avec décalage horaire (par exemple %4)",
          {1}, 2),
        t(R"re(^(\S+) or (\S+)$)re", "%1 ou %2"),
        // A path into the sender's document ("properties.time", "infos/horodatage"): its own names.
        t(R"re(^([\w-]+(?:[./][\w-]+|\[\d+\])+)$)re", "%1"),
        t(R"re(^type must be FeatureCollection or Feature$)re",
          "le type doit être FeatureCollection ou Feature"),
        // NMEA.
        t(R"re(^(\d+) fields, (\d+) expected$)re", "%1 champs, %2 attendus"),
        t(R"re(^no date \(no valid RMC sentence in the stream\)$)re",
          "pas de date (aucune phrase RMC valide dans le flux)"),
        t(R"re(^time or coordinates unreadable$)re", "heure ou coordonnées illisibles"),
        t(R"re(^checksum (\S+) does not match the sentence \((\S+)\)$)re",
          "la somme de contrôle %1 ne correspond pas à la phrase (%2)"),
        t(R"re(^malformed checksum$)re", "somme de contrôle mal formée"),
        t(R"re(^no checksum \(\*hh\)$)re", "pas de somme de contrôle (*hh)"),
        t(R"re(^not a sentence \(must start with \$ or !\)$)re",
          "pas une phrase NMEA (elle commence par $ ou !)"),
        t(R"re(^sentence longer than (\d+) bytes$)re", "phrase de plus de %1 octets"),
        // Bytes, JSON and XML.
        t(R"re(^invalid UTF-8 at byte (\d+) \(convert the export to UTF-8\)$)re",
          "UTF-8 invalide à l'octet %1 (convertissez l'export en UTF-8)"),
        t(R"re(^truncated UTF-8 sequence at byte (\d+)$)re", "séquence UTF-8 tronquée à l'octet %1"),
        t(R"re(^malformed JSON at byte (\d+): (.+)$)re", "JSON mal formé à l'octet %1 : %2", {2}),
        t(R"re(^malformed JSON: (.+)$)re", "JSON mal formé : %1", {1}),
        t(R"re(^malformed XML: (.+)$)re", "XML mal formé : %1", {1}),
        t(R"re(^nesting deeper than (\d+) levels$)re", "imbrication de plus de %1 niveaux"),
        t(R"re(^DOCTYPE declarations are refused \(entity expansion risk\)$)re",
          "déclarations DOCTYPE refusées (risque d'expansion d'entités)"),
        t(R"re(^the document ends inside <(.*)> \(truncated\?\)$)re",
          "le document se termine à l'intérieur de <%1> (tronqué ?)"),
        // Qt's JSON parser and expat, as they say it.
        t(R"re(^illegal number$)re", "nombre invalide"),
        t(R"re(^illegal value$)re", "valeur invalide"),
        t(R"re(^missing name separator$)re", "séparateur « : » manquant"),
        t(R"re(^missing value separator$)re", "séparateur « , » manquant"),
        t(R"re(^unterminated object$)re", "objet non terminé"),
        t(R"re(^unterminated array$)re", "tableau non terminé"),
        t(R"re(^unterminated string$)re", "chaîne non terminée"),
        t(R"re(^illegal escape sequence$)re", "séquence d'échappement invalide"),
        t(R"re(^invalid UTF8 string$)re", "texte UTF-8 invalide"),
        t(R"re(^garbage at the end of the document$)re", "données en trop après la fin du document"),
        t(R"re(^too deeply nested document$)re", "document trop profondément imbriqué"),
        t(R"re(^mismatched tag$)re", "balise fermante qui ne correspond pas"),
        t(R"re(^not well-formed \(invalid token\)$)re", "mal formé (caractère invalide)"),
        t(R"re(^XML or text declaration not at start of entity$)re",
          "déclaration XML ailleurs qu'au début du document"),
        t(R"re(^junk after document element$)re", "données après l'élément racine"),
        t(R"re(^unbound prefix$)re", "préfixe d'espace de noms non déclaré"),
        t(R"re(^unclosed token$)re", "élément non terminé"),
        t(R"re(^no element found$)re", "aucun élément trouvé"),
        t(R"re(^syntax error$)re", "erreur de syntaxe"),
        t(R"re(^undefined entity$)re", "entité non définie"),
        t(R"re(^duplicate attribute$)re", "attribut en double"),
        t(R"re(^unclosed CDATA section$)re", "section CDATA non terminée"),
        t(R"re(^reference to invalid character number$)re", "référence à un caractère invalide"),
        t(R"re(^invalid token$)re", "caractère invalide"),
        t(R"re(^partial character$)re", "caractère incomplet"),
        // Signatures (xml_signature.cpp describe()).
        t(R"re(^absent$)re", "absente"),
        t(R"re(^invalid \((.*)\): (.*)$)re", "invalide (%1) : %2"),
        // A calendar's rows and VEVENTs (anticipation/event_import.cpp): "field: reason".
        t(R"re(^(title|type|start|end|attendance|geometry|lon|lat|UID|SUMMARY|DTSTART|DTEND|GEO|RRULE): (.+)$)re",
          "%1 : %2", {2}, 1),
        t(R"re(^unterminated quote$)re", "guillemet non fermé"),
        t(R"re(^empty$)re", "vide"),
        t(R"re(^missing$)re", "absent"),
        t(R"re(^"(.*)" is not a known type of event$)re", "« %1 » n'est pas un type d'événement connu"),
        t(R"re(^"(.*)" is not a date and time$)re", "« %1 » n'est pas une date et heure"),
        t(R"re(^before the start$)re", "avant le début"),
        t(R"re(^before DTSTART$)re", "avant DTSTART"),
        t(R"re(^"(.*)" is not a whole number from 0 to (\d+)$)re",
          "« %1 » n'est pas un nombre entier de 0 à %2"),
        t(R"re(^"(.*)" is not a longitude and latitude$)re",
          "« %1 » n'est pas une longitude et une latitude"),
        t(R"re(^not a GeoJSON geometry \((.*)\)$)re", "pas une géométrie GeoJSON (%1)", {1}),
        t(R"re(^coordinate out of range \(lon (\S+), lat (\S+)\)$)re",
          "coordonnée hors limites (lon %1, lat %2)"),
        t(R"re(^coordinate out of range$)re", "coordonnée hors limites"),
        t(R"re(^no place: give lon and lat, a geometry, or a known venue$)re",
          "aucun lieu : donnez lon et lat, une géométrie ou un lieu connu"),
        t(R"re(^no place: neither GEO nor a known venue in LOCATION$)re",
          "aucun lieu : ni GEO ni lieu connu dans LOCATION"),
        t(R"re(^missing, invalid, or in an unknown TZID$)re",
          "absent, invalide ou dans un fuseau (TZID) inconnu"),
        t(R"re(^invalid, or in an unknown TZID$)re", "invalide ou dans un fuseau (TZID) inconnu"),
        t(R"re(^cannot be expanded$)re", "ne peut pas être développée"),
        // A draft the room's validation refused.
        t(R"re(^missing field "(\w+)"$)re", "champ « %1 » absent"),
    };
    return all;
}

std::optional<QString> french(const QString &reason, int depth)
{
    if (depth > 8)
        return std::nullopt;
    for (const Template &tmpl : templates()) {
        const QRegularExpressionMatch m = tmpl.pattern.match(reason);
        if (!m.hasMatch())
            continue;
        QStringList values;
        bool worded = true;
        for (int i = 1; i <= m.lastCapturedIndex(); ++i) {
            QString v = m.captured(i);
            if (std::find(tmpl.again.begin(), tmpl.again.end(), i) != tmpl.again.end()) {
                const auto inner = french(v, depth + 1);
                if (!inner) {
                    worded = false;
                    break;
                }
                v = *inner;
            } else if (i == tmpl.ours) {
                v = ourField(v);
            } else if (i == 1 && tmpl.french.startsWith(QLatin1String("%1 : "))) {
                v = sourceWords(v);
            }
            values << v;
        }
        if (worded)
            return fillPlaceholders(tmpl.french, values);
    }
    return std::nullopt;
}

bool englishConsole()
{
    return QLocale().language() == QLocale::English;
}

} // namespace

/// `pattern`'s French with %1…%9 replaced by the values (one pass: a value holding "%2" stays as it is).
QString fillPlaceholders(const QString &pattern, const QStringList &values)
{
    QString out;
    out.reserve(pattern.size() + 64);
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern[i];
        if (c == u'%' && i + 1 < pattern.size() && pattern[i + 1].isDigit()) {
            const int n = pattern[i + 1].digitValue();
            if (n >= 1 && n <= values.size()) {
                out += values[n - 1];
                ++i;
                continue;
            }
        }
        out += c;
    }
    return out;
}

std::optional<QString> frenchRefusalReason(const QString &reason)
{
    return french(reason, 0);
}

QString refusalReasonText(const QString &reason)
{
    if (englishConsole())
        return reason;
    if (auto worded = french(reason, 0))
        return *worded;
    // A message that broke the room's rules for an entry (validateDraft) is kept with that rule's sentence.
    if (auto worded = frenchValidationError(reason))
        return *worded;
    return QStringLiteral("motif non traduit : ") + reason;
}

QString refusalPlaceText(const QString &position)
{
    if (englishConsole())
        return position;
    // The places the parsers name: "document", "message", "file", "line 4", "byte 12", "feature 3" and paths
    // into the document ("document info[0]/area[1]", "features[3]"), whose element names stay as they are.
    static const QRegularExpression numbered(
        QStringLiteral("^(line|byte|feature|sentence|message) (\\d+)(.*)$"));
    static const QHash<QString, QString> words{{QStringLiteral("line"), QStringLiteral("ligne")},
                                               {QStringLiteral("byte"), QStringLiteral("octet")},
                                               {QStringLiteral("feature"), QStringLiteral("objet")},
                                               {QStringLiteral("sentence"), QStringLiteral("phrase")},
                                               {QStringLiteral("message"), QStringLiteral("message")}};
    if (const auto m = numbered.match(position); m.hasMatch())
        return words.value(m.captured(1)) + u' ' + m.captured(2) + m.captured(3);
    if (position == QLatin1String("file"))
        return QStringLiteral("fichier");
    if (position == QLatin1String("topic"))
        return QStringLiteral("sujet MQTT");
    return position;
}

} // namespace vigie::ui
