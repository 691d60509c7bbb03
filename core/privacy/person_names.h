#pragma once
// People's names inside free text ("odeur de gaz signalée par Mme Lefebvre, voisine du 2e"), found so that
// the anonymiser replaces them before anything is stored.
//
// Written by hand: no named-entity recogniser for French is packaged for C++ in Debian (the statistical ones
// are Python), and a crisis cell's texts are short and stereotyped. The rules, in order:
//  1. a civility (M., Mme, Mlle, Dr, Me, Pr, Monsieur, Madame, Mademoiselle, Docteur, Maître) followed by
//     capitalised words: those words;
//  2. a word that introduces a person (victime, locataire, conducteur, patient, témoin, voisin…, "appel de",
//     "signalé par") followed by capitalised words;
//  3. a known first name (data/privacy/prenoms.txt) followed by a capitalised word, or an upper-case word
//     followed by a first name ("DUPONT Jean").
// Never a name: words after a place word (rue, boulevard, stade, hôpital, station, Saint-…: "boulevard Jean
// Moulin", "hôpital Édouard Toulouse"), hyphenated places (Belle-de-Mai, Sainte-Marguerite), the services'
// codes (VSAV, FPT, SAMU…) and role words (M. le préfet, Monsieur le Maire).
#include <QString>

#include <vector>

namespace vigie::privacy {

/// A name found in a text: [start, end) in UTF-16 units, and the name itself, upper case without accents, as
/// the same person is written in different texts ("Mme Lefèbvre", "LEFEBVRE").
struct NameSpan
{
    qsizetype start = 0;
    qsizetype end = 0;
    QString normalised;
};

/// The people's names in `text`, in order, not overlapping.
[[nodiscard]] std::vector<NameSpan> findPersonNames(const QString &text);

} // namespace vigie::privacy
