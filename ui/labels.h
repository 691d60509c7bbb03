#pragma once
// The words the console shows for the domain's identifiers (French by default, translated with Qt Linguist).
#include <QColor>
#include <QDateTime>
#include <QString>

namespace vigie {
struct Picture;
struct Incident;
} // namespace vigie

namespace vigie::ui {

[[nodiscard]] QString agencyLabel(const QString &agency);
[[nodiscard]] QString unitStatusLabel(const QString &status);
[[nodiscard]] QColor statusColour(const QString &status);
[[nodiscard]] QString incidentTypeLabel(const QString &type);
/// A need of the needs table as a reader names it: unit types (VSAV, FPT, PS…) as they are, capabilities in
/// words ("command" → "moyen de commandement").
[[nodiscard]] QString needLabel(const QString &need);
/// A unit's capability in words ("rescue" → "secours à personne", "ladder" → "échelle"); an unknown one as
/// it is.
[[nodiscard]] QString capabilityLabel(const QString &capability);
/// A place of the city pack (a station, a hospital, a town hall) by its name ("bmpm-luminy" → "Centre
/// d'incendie et de secours de Luminy"); a place the pack does not know by its id.
[[nodiscard]] QString placeName(const QString &id);
/// The same place as a desk calls it, where a column has little room ("bmpm-luminy" → "CIS Luminy"): the
/// pack's short_name, else its name.
[[nodiscard]] QString placeShortName(const QString &id);
[[nodiscard]] QString kindLabel(const QString &kind);
/// A feed source as the Flux dock names it: a file whose name was replaced by a token ("file
/// [source:fed93601a869].json": a file name may name a person) becomes "fichier JSON n° fed936"; other
/// sources (an MQTT topic, a named gateway) as they are.
[[nodiscard]] QString feedSourceLabel(const QString &source);
/// Whether a feed source is an exercise's stimulus ("exercice:<scenario>/<stimulus>", core/exercise): one
/// message the trainer played, not a stream.
[[nodiscard]] bool isExerciseStimulus(const QString &source);
/// A feed's name for a reader ("cap" → "CAP", "hubsante" → "Hub Santé"); an unknown feed as it is called.
[[nodiscard]] QString feedLabel(const QString &feed);
/// Whether `text` is a pseudonymisation token such as "[email:8ef4…]" (core/privacy): a keyed hash that links
/// messages without naming anyone, meaningless to a reader.
[[nodiscard]] bool isPseudonym(const QString &text);
/// An incident as a reader names it: a feed's identifier ("cap:2.49.0…", "hubsante:fr.health.samu440.DRFR…")
/// becomes "alerte CAP …12_3_108" or "dossier SAMU DRFR…"; the room's own ids (INC-0002) stay as they are.
[[nodiscard]] QString incidentRef(const QString &id);
/// An incident as the Interventions list names it: its title, else incidentRef() of its id.
[[nodiscard]] QString incidentTitle(const Incident &incident);
/// A unit as a reader names it: a Hub Santé resource id ("fr.health.samu760.resource.VLM25") becomes "VLM25",
/// a feed's unit ("emsi:VSAV-LOUV-1") its own id ("VSAV-LOUV-1").
[[nodiscard]] QString unitRef(const QString &id);
/// A unit by its call sign in `picture` ("VSAV Louvain 1"), a feed's unit by the room's unit of the same id;
/// unitRef() when the picture does not name it (or there is no picture).
[[nodiscard]] QString unitName(const QString &id, const Picture *picture);
/// A hospital by its name in `picture` ("Hôpital de la Timone"), a feed's hospital ("have:aphm-timone") by
/// the room's hospital of the same id; else its id without the feed's prefix.
[[nodiscard]] QString hospitalName(const QString &id, const Picture *picture);
/// A feed's sender by its service: an EMSI or Hub Santé organisation id ("fr.fire.bmpm",
/// "fr.health.samu130") becomes "Marins-pompiers (BMPM)", "SAMU (SAMU130)"; any other sender as it is.
[[nodiscard]] QString senderLabel(const QString &sender);
/// A type of hospital bed (the demo's icu, medicine… and EDXL-HAVE's BedType values).
[[nodiscard]] QString bedTypeLabel(const QString &type);
/// Agency colours, chosen to stay distinct for the common colour-vision deficiencies (Okabe–Ito palette).
[[nodiscard]] QColor agencyColour(const QString &agency);
/// A time as the room reads it: in the room's time zone (Marseille: Europe/Paris), whatever the desk's zone.
[[nodiscard]] QDateTime roomTime(qint64 msecsSinceEpoch);
/// The author of the entries this desk appends (decisions, pauses): the desk's login.
[[nodiscard]] QString deskAuthor();
/// The desk's name from now on (the console's --desk), instead of the user's login.
void setDeskAuthor(const QString &name);
/// The service this desk speaks for (the console's --agency: fire, samu, police, officials), or "".
[[nodiscard]] QString deskAgency();
void setDeskAgency(const QString &agency);
/// Installs the translations and the locale for `language` ("fr", the default, or "en"): the console's own
/// words are written in French and translated to English; the core's messages are written in English and
/// translated to French.
/// French (the default) or English for the console's words, Qt's own and the core's messages; false, and
/// French, for a language the console does not speak.
bool useLanguage(const QString &language);

} // namespace vigie::ui
