#pragma once
// The tables of the typing (typing_rules.cpp), kept apart from the scoring that reads them.
#include <QString>

#include <optional>
#include <span>

namespace vigie::feeds {

/// A phrase of a sender's words and the type it speaks for (or against, with a negative weight). Words are
/// folded like the text (case, accents, apostrophes); a word ending in '*' is a stem ("feu*" matches "feux").
struct CueRule
{
    const char *phrase;
    const char *type;
    int weight;
};
[[nodiscard]] std::span<const CueRule> cueRules();

/// The rule a nomenclature code fell under: `familyOnly` when the code names only a family (a fire, a person
/// hurt) and the words may choose a type within it.
struct CodeMatch
{
    QString scheme;
    QString code;
    const char *type;
    bool familyOnly;
};
[[nodiscard]] std::optional<CodeMatch> codeRule(const QString &format, const QString &code);

/// A weak prior: a CAP category's default type, or a sender's.
struct Prior
{
    const char *type;
    const char *hint;
};
[[nodiscard]] std::optional<Prior> categoryPrior(const QString &category);
[[nodiscard]] std::optional<Prior> senderPrior(const QString &sender);

} // namespace vigie::feeds
