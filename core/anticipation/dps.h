#pragma once
// Sizing of a first-aid cover for a planned event (a match, a concert): the "dispositif prévisionnel de
// secours" (DPS) of the national reference RNMSC-DPS (référentiel national des missions de sécurité civile
// — dispositifs prévisionnels de secours, approved by the arrêté of 7 November 2006).
//
// The grid, as the reference gives it:
//   P  = P1 if P1 ≤ 100,000, else 100,000 + (P1 − 100,000) / 2      (P1: public present at the same time)
//   i  = P2 + E1 + E2, each factor 0.25, 0.30, 0.35 or 0.40           (activity, site, delay of public
//   rescue) RIS (ratio d'intervenants secouristes) = i × P / 1000 RIS ≤ 0.25: no DPS required by the grid
//   (the police authority may still ask for one); ≤ 1.125 PAPS (2 intervenants); ≤ 12 DPS-PE (one poste, 4 to
//   12); ≤ 36 DPS-ME (2 to 3 postes under a chef de secteur); above, DPS-GE (several secteurs under a chef de
//   dispositif, with a PC).
// Sources read for this (class thresholds, PAPS = 2, DPS-PE = 4 to 12, the halving above 100,000): the
// pages of associations agréées quoting the reference (84.umps.fr "Les postes de secours", ums31.org
// "Postes de secours", strasbourg.eu "Les dispositifs prévisionnels de secours"), and eBrigade's
// dimensioning (CalcRIS), which several associations use, for the rounding and the organisation: the RIS
// is rounded up, a DPS-PE under RIS 4 gets 4 (one équipe), an odd count above 4 goes up to the next even
// one (whole binômes); postes of at most 12, secteurs of at most 3 postes. Those two rules are how the
// reference's "binômes, équipes de 4, postes" are read in practice; dps.cpp says where each applies.
//
// The arithmetic is exact: factors are whole hundredths and 2P is an integer, so RIS × 200,000 is an
// integer and every threshold (1.125, 12, 36) is compared without floating-point error.
#include "util/result.h"

#include <QString>
#include <QStringList>

#include <array>

namespace vigie::anticipation {

/// The largest P1 taken: more people than this present at once is a typing error, not an event (the
/// largest French gatherings, 14 July in Paris or a world-cup celebration, stay near a million).
inline constexpr qint64 maxDpsPublic = 2'000'000;

struct DpsInputs
{
    double p1 = 0;    ///< public present at the same time (a whole number ≥ 0)
    double p2 = 0.25; ///< the activity's risk: 0.25, 0.30, 0.35 or 0.40
    double e1 = 0.25; ///< the site's environment and accessibility: 0.25 … 0.40
    double e2 = 0.25; ///< the delay of public rescue: 0.25 (≤ 10 min) … 0.40 (> 30 min)
};

enum class DpsClass
{
    None,
    Paps,
    Pe,
    Me,
    Ge
};

struct DpsAssessment
{
    qint64 p1 = 0;
    double p = 0;   ///< weighted public
    double i = 0;   ///< P2 + E1 + E2
    double ris = 0; ///< ratio d'intervenants secouristes
    DpsClass dpsClass = DpsClass::None;
    int intervenants = 0;      ///< intervenants secouristes
    int postes = 0;            ///< postes de secours (12 intervenants at most each); a PAPS has none
    int equipes = 0;           ///< équipes of 4
    int binomes = 0;           ///< binômes left over (0 or 1; a PAPS is one binôme)
    int secteurs = 0;          ///< DPS-ME: 1; DPS-GE: one per 3 postes
    int chefsDePoste = 0;      ///< one per poste, among the intervenants
    int chefsDeSecteur = 0;    ///< in addition to the intervenants
    int chefsDeDispositif = 0; ///< DPS-GE: 1, in addition, at the poste de commandement (PC)
    bool posteDeCommandement = false;
    int total = 0;     ///< intervenants + chefs de secteur + chef de dispositif
    QStringList steps; ///< how each figure was reached, one line each (French, the reference's words)
};

/// Sizes the DPS; an error names the field (P1, P2, E1, E2) and the values it takes.
[[nodiscard]] Result<DpsAssessment> assessDps(const DpsInputs &inputs);

/// "PAPS", "DPS-PE", "DPS-ME", "DPS-GE", or "aucun" below the grid's threshold.
[[nodiscard]] QString dpsClassCode(DpsClass c);
/// The class in words, in French ("Dispositif prévisionnel de secours de grande envergure").
[[nodiscard]] QString dpsClassName(DpsClass c);

/// One level of a factor of the grid: its value and the reference's wording with its examples.
struct DpsLevel
{
    double value;
    QString label;
};
enum class DpsFactor
{
    P2,
    E1,
    E2
};
/// The four levels of a factor, 0.25 first, worded in French as the grid words them.
[[nodiscard]] std::array<DpsLevel, 4> dpsLevels(DpsFactor factor);
/// The factor's title ("Comportement prévisible du public (P2)").
[[nodiscard]] QString dpsFactorTitle(DpsFactor factor);

} // namespace vigie::anticipation
