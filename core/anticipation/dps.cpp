#include "anticipation/dps.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace vigie::anticipation {

// Errors are English like every core message (vigie_core_fr.ts translates them for the console).

namespace {

// The grid's own words are French: the console's English catalogue (vigie_en.ts) translates them.
QString fr(const char *text)
{
    return QCoreApplication::translate("vigie::anticipation::DpsGrid", text);
}

const QLocale &french()
{
    static const QLocale locale(QLocale::French, QLocale::France);
    return locale;
}

/// A figure as a French reader writes it: "67 000", "50,25", "1,125" (no trailing zeros).
QString number(double v)
{
    QString s = french().toString(v, 'f', 5);
    if (s.contains(french().decimalPoint())) {
        while (s.endsWith(QLatin1Char('0')))
            s.chop(1);
        if (s.endsWith(french().decimalPoint()))
            s.chop(1);
    }
    return s;
}

/// A factor in whole hundredths (25, 30, 35 or 40), or an error naming it.
Result<int> hundredths(const char *name, double v)
{
    const double scaled = v * 100.0;
    const double whole = std::round(scaled);
    if (std::isfinite(v) && std::abs(scaled - whole) < 1e-6 &&
        (whole == 25 || whole == 30 || whole == 35 || whole == 40))
        return int(whole);
    return Error{
        QCoreApplication::translate("vigie::anticipation",
                                    "%1 = %2 is not a level of the grid: it takes 0.25, 0.30, 0.35 or 0.40")
            .arg(QString::fromLatin1(name), QString::number(v))};
}

} // namespace

Result<DpsAssessment> assessDps(const DpsInputs &in)
{
    if (!std::isfinite(in.p1) || in.p1 < 0 || in.p1 != std::floor(in.p1))
        return Error{QCoreApplication::translate(
                         "vigie::anticipation",
                         "P1 = %1 is not a number of people: give the public present at the same time, a "
                         "whole number from 0 to %2")
                         .arg(QString::number(in.p1))
                         .arg(maxDpsPublic)};
    if (in.p1 > double(maxDpsPublic))
        return Error{QCoreApplication::translate(
                         "vigie::anticipation",
                         "P1 = %1 is more people than any event gathers at once (at most %2): check the "
                         "figure")
                         .arg(QString::number(qint64(in.p1)))
                         .arg(maxDpsPublic)};
    const auto p2 = hundredths("P2", in.p2);
    if (!p2)
        return p2.error();
    const auto e1 = hundredths("E1", in.e1);
    if (!e1)
        return e1.error();
    const auto e2 = hundredths("E2", in.e2);
    if (!e2)
        return e2.error();

    DpsAssessment a;
    a.p1 = qint64(in.p1);
    // 2P and i in hundredths are integers, so RIS × 200,000 = i_h × 2P is exact (see the header).
    const qint64 twoP = a.p1 <= 100'000 ? 2 * a.p1 : 200'000 + (a.p1 - 100'000);
    const qint64 iH = *p2 + *e1 + *e2;
    const qint64 scaledRis = iH * twoP; // RIS × 200,000
    a.p = double(twoP) / 2.0;
    a.i = double(iH) / 100.0;
    a.ris = double(scaledRis) / 200'000.0;

    if (a.p1 <= 100'000)
        a.steps
            << fr("P1 = %1 personnes, au plus 100 000 : P = P1 = %2").arg(number(double(a.p1)), number(a.p));
    else
        a.steps << fr("P1 = %1 personnes, plus de 100 000 : P = 100 000 + (P1 − 100 000) / 2 = %2")
                       .arg(number(double(a.p1)), number(a.p));
    a.steps << fr("i = P2 + E1 + E2 = %1 + %2 + %3 = %4")
                   .arg(number(*p2 / 100.0), number(*e1 / 100.0), number(*e2 / 100.0), number(a.i));
    a.steps << fr("RIS = i × P / 1 000 = %1 × %2 / 1 000 = %3").arg(number(a.i), number(a.p), number(a.ris));

    // Class thresholds, compared on RIS × 200,000: 0.25 → 50,000; 1.125 → 225,000; 12 → 2,400,000;
    // 36 → 7,200,000.
    if (scaledRis <= 50'000) {
        a.dpsClass = DpsClass::None;
        a.steps << fr(
            "RIS ≤ 0,25 : la grille n'exige pas de dispositif (l'autorité de police peut en demander "
            "un)");
        return a;
    }
    if (scaledRis <= 225'000) {
        a.dpsClass = DpsClass::Paps;
        a.intervenants = 2;
        a.binomes = 1;
        a.total = 2;
        a.steps << fr("0,25 < RIS ≤ 1,125 : point d'alerte et de premiers secours (PAPS), 2 intervenants "
                      "secouristes (un binôme)");
        return a;
    }
    a.dpsClass = scaledRis <= 2'400'000 ? DpsClass::Pe : scaledRis <= 7'200'000 ? DpsClass::Me : DpsClass::Ge;
    a.steps << (a.dpsClass == DpsClass::Pe   ? fr("1,125 < RIS ≤ 12 : DPS de petite envergure (DPS-PE)")
                : a.dpsClass == DpsClass::Me ? fr("12 < RIS ≤ 36 : DPS de moyenne envergure (DPS-ME)")
                                             : fr("RIS > 36 : DPS de grande envergure (DPS-GE)"));

    // Rounding: up to the next whole intervenant; a DPS-PE up to RIS 4 is one équipe of 4; above 4 an odd
    // count goes up to the next even one so that binômes are whole.
    const int roundedUp = int((scaledRis + 199'999) / 200'000);
    if (scaledRis <= 800'000) {
        a.intervenants = 4;
        a.steps
            << fr("RIS arrondi à l'unité supérieure : %1 ; RIS ≤ 4 : une équipe de 4, soit 4 intervenants "
                  "secouristes")
                   .arg(roundedUp);
    } else if (roundedUp % 2 != 0) {
        a.intervenants = roundedUp + 1;
        a.steps << fr("RIS arrondi à l'unité supérieure : %1, impair ; porté à %2 pour des binômes entiers : "
                      "%2 intervenants secouristes")
                       .arg(roundedUp)
                       .arg(a.intervenants);
    } else {
        a.intervenants = roundedUp;
        a.steps
            << fr("RIS arrondi à l'unité supérieure : %1, pair : %1 intervenants secouristes").arg(roundedUp);
    }

    a.postes = (a.intervenants + 11) / 12;
    a.equipes = a.intervenants / 4;
    a.binomes = (a.intervenants % 4) / 2;
    a.chefsDePoste = a.postes;
    a.steps
        << fr("%1 intervenants : %2 poste(s) de secours de 12 intervenants au plus, soit %3 équipe(s) de 4 "
              "et %4 binôme(s) ; chaque poste a son chef de poste, pris parmi les intervenants")
               .arg(a.intervenants)
               .arg(a.postes)
               .arg(a.equipes)
               .arg(a.binomes);
    if (a.dpsClass == DpsClass::Me) {
        a.secteurs = 1;
        a.chefsDeSecteur = 1;
        a.steps << fr(
            "DPS-ME : les postes forment un secteur, sous un chef de secteur en plus des intervenants");
    } else if (a.dpsClass == DpsClass::Ge) {
        a.secteurs = (a.postes + 2) / 3;
        a.chefsDeSecteur = a.secteurs;
        a.chefsDeDispositif = 1;
        a.posteDeCommandement = true;
        a.steps
            << fr("DPS-GE : %1 secteur(s) de 3 postes au plus, chacun sous un chef de secteur, et un chef "
                  "de dispositif au poste de commandement (PC), en plus des intervenants")
                   .arg(a.secteurs);
    }
    a.total = a.intervenants + a.chefsDeSecteur + a.chefsDeDispositif;
    if (a.total != a.intervenants)
        a.steps << fr("Effectif : %1 intervenants + %2 d'encadrement = %3 personnes")
                       .arg(a.intervenants)
                       .arg(a.total - a.intervenants)
                       .arg(a.total);
    return a;
}

QString dpsClassCode(DpsClass c)
{
    switch (c) {
    case DpsClass::None:
        return QStringLiteral("aucun");
    case DpsClass::Paps:
        return QStringLiteral("PAPS");
    case DpsClass::Pe:
        return QStringLiteral("DPS-PE");
    case DpsClass::Me:
        return QStringLiteral("DPS-ME");
    case DpsClass::Ge:
        return QStringLiteral("DPS-GE");
    }
    return {};
}

QString dpsClassName(DpsClass c)
{
    switch (c) {
    case DpsClass::None:
        return fr("Aucun dispositif exigé par la grille");
    case DpsClass::Paps:
        return fr("Point d'alerte et de premiers secours");
    case DpsClass::Pe:
        return fr("Dispositif prévisionnel de secours de petite envergure");
    case DpsClass::Me:
        return fr("Dispositif prévisionnel de secours de moyenne envergure");
    case DpsClass::Ge:
        return fr("Dispositif prévisionnel de secours de grande envergure");
    }
    return {};
}

QString dpsFactorTitle(DpsFactor factor)
{
    switch (factor) {
    case DpsFactor::P2:
        return fr("Comportement prévisible du public, selon l'activité (P2)");
    case DpsFactor::E1:
        return fr("Environnement et accessibilité du site (E1)");
    case DpsFactor::E2:
        return fr("Délai d'intervention des secours publics (E2)");
    }
    return {};
}

std::array<DpsLevel, 4> dpsLevels(DpsFactor factor)
{
    switch (factor) {
    case DpsFactor::P2:
        return {
            {{0.25, fr("0,25 — faible : public assis (spectacle, cérémonie cultuelle, réunion publique, "
                       "restauration, rendez-vous sportif…)")},
             {0.30, fr("0,30 — modéré : public debout (cérémonie cultuelle, réunion publique, restauration, "
                       "exposition, foire, salon, comice agricole…)")},
             {0.35, fr("0,35 — moyen : public debout (spectacle avec public statique, fête foraine, "
                       "rendez-vous sportif avec protection du public…)")},
             {0.40, fr("0,40 — élevé : public debout (spectacle avec public dynamique, danse, féria, fête "
                       "votive, carnaval, spectacle de rue, grande parade, rendez-vous sportif sans "
                       "protection du public ; plusieurs jours avec hébergement sur place)")}}};
    case DpsFactor::E1:
        return {
            {{0.25, fr("0,25 — faible : structures permanentes (bâtiment, salle « en dur »), voies publiques "
                       "aux accès dégagés, accès aisé")},
             {0.30,
              fr("0,30 — modéré : structures non permanentes (gradins, tribunes, chapiteaux), espace "
                 "naturel jusqu'à 2 ha, brancardage de 150 à 300 m, terrain en pente sur plus de 100 m")},
             {0.35, fr("0,35 — moyen : espace naturel de 2 à 5 ha, brancardage de 300 à 600 m, terrain en "
                       "pente sur plus de 150 m, autres conditions d'accès difficiles")},
             {0.40, fr("0,40 — élevé : espace naturel de plus de 5 ha, brancardage de plus de 600 m, "
                       "terrain en pente sur plus de 300 m, talus, escaliers, voies non carrossables, "
                       "progression des secours gênée par le public")}}};
    case DpsFactor::E2:
        return {{{0.25, fr("0,25 — 10 minutes au plus")},
                 {0.30, fr("0,30 — plus de 10 minutes et 20 au plus")},
                 {0.35, fr("0,35 — plus de 20 minutes et 30 au plus")},
                 {0.40, fr("0,40 — plus de 30 minutes")}}};
    }
    return {};
}

} // namespace vigie::anticipation
