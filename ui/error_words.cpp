#include "ui/error_words.h"

#include "ui/refusal_words.h"

#include <QLocale>
#include <QRegularExpression>
#include <QStringList>

#include <vector>

namespace vigie::ui {

namespace {

// Why by hand: core/log/entry.cpp and entry_kinds.cpp write one English sentence per rule a draft breaks,
// and the same sentence becomes a quarantine reason when a feed's message breaks it; translating it where it
// is written would store French reasons from a French console. Each template is one of those sentences with
// its values captured (kinds, data fields and offending values stay as they are), and its French.
struct Template
{
    QRegularExpression pattern;
    QString french;
    int again = 0; ///< a capture that is itself a validation sentence, worded in turn; 0: none
};

Template t(const char *pattern, const char *french, int again = 0)
{
    return {QRegularExpression(QString::fromUtf8(pattern), QRegularExpression::DotMatchesEverythingOption),
            QString::fromUtf8(french), again};
}

const std::vector<Template> &templates()
{
    static const std::vector<Template> all{
        // How the room frames a refused draft (Room::prepare), and the mode it refuses (allowedInMode).
        t(R"re(^entry (\d+) of the batch: (.+)$)re",
          "la salle refuse l’entrée %1 du lot, rien n’a été écrit : %2", 2),
        t(R"re(^(\S+) entries belong to exercise rooms; (.+) is a live room$)re",
          "les entrées %1 n’ont leur place que dans une salle d’exercice ; %2 est une salle réelle"),
        // Every draft (validateDraft).
        t(R"re(^kind "(.*)" is not of the form word\.word \(lower case\)$)re",
          "nature d’entrée « %1 » : elle n’a pas la forme mot.mot (en minuscules)"),
        t(R"re(^agency "(.*)" is unknown \(expected fire, samu, police or officials\)$)re",
          "service « %1 » inconnu (attendu : fire, samu, police ou officials)"),
        // Each kind's data (validateKind).
        t(R"re(^(\S+): data\.(\S+) is required \(non-empty string\)$)re",
          "%1 : data.%2 est obligatoire (un texte non vide)"),
        t(R"re(^(\S+): data\.(\S+) is required \(a whole number >= 0\)$)re",
          "%1 : data.%2 est obligatoire (un nombre entier ≥ 0)"),
        t(R"re(^(\S+): a geo (\w+) is required$)re", "%1 : une géométrie %2 est obligatoire"),
        t(R"re(^(\S+): data\.severity must be a number from 1 to 5$)re",
          "%1 : data.severity doit être un nombre de 1 à 5"),
        t(R"re(^(\S+): data\.open_sources must be a count >= 0$)re",
          "%1 : data.open_sources doit être un nombre ≥ 0"),
        t(R"re(^(\S+): data\.(\S+) must be an ISO 8601 time with an offset$)re",
          "%1 : data.%2 doit être une date ISO 8601 avec décalage horaire"),
        t(R"re(^(\S+): data\.casualties must be an object \{red, yellow, green, black\}$)re",
          "%1 : data.casualties doit être un objet {red, yellow, green, black}"),
        t(R"re(^(\S+): data\.casualties\.(\S+) is not a triage colour \(red, yellow, green, black\)$)re",
          "%1 : data.casualties.%2 n’est pas une couleur de tri (red, yellow, green, black)"),
        t(R"re(^(\S+): data\.casualties\.(\S+) must be a count >= 0$)re",
          "%1 : data.casualties.%2 doit être un nombre ≥ 0"),
        t(R"re(^(\S+): data\.incident and data\.(\S+) are the same incident$)re",
          "%1 : data.incident et data.%2 désignent la même intervention"),
        t(R"re(^unit\.status: data\.status "(.*)" is not one of (.+)$)re",
          "unit.status : data.status « %1 » n’est aucune des valeurs %2"),
        t(R"re(^event\.plan: data\.type "(.*)" is not one of (.+)$)re",
          "event.plan : data.type « %1 » n’est aucune des valeurs %2"),
        t(R"re(^event\.plan: data\.(\w+) "(.*)" is not an ISO 8601 time with an offset$)re",
          "event.plan : data.%1 « %2 » n’est pas une date ISO 8601 avec décalage horaire"),
        t(R"re(^event\.plan: data\.end is before data\.start$)re",
          "event.plan : data.end est antérieure à data.start"),
        t(R"re(^event\.plan: data\.attendance must be a whole number from 0 to (\d+)$)re",
          "event.plan : data.attendance doit être un nombre entier de 0 à %1"),
        t(R"re(^event\.plan: a geo Point, Polygon or LineString is required$)re",
          "event.plan : une géométrie Point, Polygon ou LineString est obligatoire"),
        t(R"re(^feed\.control: data\.action "(.*)" is not pause or resume$)re",
          "feed.control : data.action « %1 » ne vaut ni pause ni resume"),
        t(R"re(^fusion\.split: data\.reports must list the seqs of the reports moved$)re",
          "fusion.split : data.reports doit donner les numéros des signalements déplacés"),
        t(R"re(^fusion\.undo: data\.undoes must be the id of a fusion\.join or fusion\.split entry$)re",
          "fusion.undo : data.undoes doit être l’identifiant d’une entrée fusion.join ou fusion.split"),
        t(R"re(^exercise\.clock: data\.action "(.*)" is not one of (.+)$)re",
          "exercise.clock : data.action « %1 » n’est aucune des valeurs %2"),
        t(R"re(^exercise\.clock: data\.speed must be a whole number from 1 to 60$)re",
          "exercise.clock : data.speed doit être un nombre entier de 1 à 60"),
        t(R"re(^exercise\.check: data\.status "(.*)" is not done, late or missed$)re",
          "exercise.check : data.status « %1 » ne vaut ni done, ni late, ni missed"),
    };
    return all;
}

/// The French of `message`; strict: nothing unless every part of it is worded, else an unknown reason inside
/// a known frame is shown as it is, marked as such (as refusal_words.cpp marks a parser's).
std::optional<QString> french(const QString &message, int depth, bool strict)
{
    if (depth > 4)
        return std::nullopt;
    for (const Template &tmpl : templates()) {
        const QRegularExpressionMatch m = tmpl.pattern.match(message);
        if (!m.hasMatch())
            continue;
        QStringList values;
        for (int i = 1; i <= m.lastCapturedIndex(); ++i)
            values << m.captured(i);
        if (tmpl.again > 0) {
            // A sentence of the room's validation, or one the feeds' parsers share with it ("missing field").
            const QString inner = values[tmpl.again - 1];
            auto worded = french(inner, depth + 1, strict);
            if (!worded)
                worded = frenchRefusalReason(inner);
            if (!worded && strict)
                return std::nullopt;
            if (!worded)
                worded = QStringLiteral("motif non traduit : ") + inner;
            values[tmpl.again - 1] = *worded;
        }
        return fillPlaceholders(tmpl.french, values);
    }
    return std::nullopt;
}

} // namespace

std::optional<QString> frenchValidationError(const QString &message)
{
    return french(message, 0, true);
}

QString errorText(const QString &message)
{
    if (QLocale().language() == QLocale::English)
        return message;
    return french(message, 0, false).value_or(message);
}

} // namespace vigie::ui
