// The RNMSC-DPS grid: worked examples, the class thresholds on both sides, the halving above 100,000, the
// rounding to whole binômes and équipes, and bad input.
#include "anticipation/dps.h"

#include <QLocale>

#include <gtest/gtest.h>

#include <limits>

using namespace vigie::anticipation;

namespace {

DpsAssessment assess(double p1, double p2 = 0.25, double e1 = 0.25, double e2 = 0.25)
{
    auto r = assessDps({p1, p2, e1, e2});
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : qPrintable(r.error().message));
    return r.ok() ? r.value() : DpsAssessment{};
}

QString errorOf(double p1, double p2 = 0.25, double e1 = 0.25, double e2 = 0.25)
{
    auto r = assessDps({p1, p2, e1, e2});
    EXPECT_FALSE(r.ok());
    return r.ok() ? QString() : r.error().message;
}

} // namespace

TEST(Dps, VelodromeSeatedIsAGrandeEnvergureOf52)
{
    const DpsAssessment a = assess(67'000);
    EXPECT_DOUBLE_EQ(a.p, 67'000);
    EXPECT_DOUBLE_EQ(a.i, 0.75);
    EXPECT_DOUBLE_EQ(a.ris, 50.25);
    EXPECT_EQ(a.dpsClass, DpsClass::Ge);
    EXPECT_EQ(dpsClassCode(a.dpsClass), QStringLiteral("DPS-GE"));
    EXPECT_EQ(a.intervenants, 52); // 50.25 → 51, odd → 52
    EXPECT_EQ(a.postes, 5);
    EXPECT_EQ(a.equipes, 13);
    EXPECT_EQ(a.binomes, 0);
    EXPECT_EQ(a.chefsDePoste, 5);
    EXPECT_EQ(a.secteurs, 2);
    EXPECT_EQ(a.chefsDeSecteur, 2);
    EXPECT_EQ(a.chefsDeDispositif, 1);
    EXPECT_TRUE(a.posteDeCommandement);
    EXPECT_EQ(a.total, 55);
    const QString steps = a.steps.join(QLatin1Char('\n'));
    EXPECT_TRUE(steps.contains(QStringLiteral("50,25"))) << qPrintable(steps);
    EXPECT_TRUE(steps.contains(QStringLiteral("51, impair"))) << qPrintable(steps);
    EXPECT_TRUE(steps.contains(QStringLiteral("52 intervenants secouristes"))) << qPrintable(steps);
}

TEST(Dps, KermesseStandingIsAPetiteEnvergureOfFour)
{
    const DpsAssessment a = assess(2'000, 0.30);
    EXPECT_DOUBLE_EQ(a.ris, 1.6);
    EXPECT_EQ(a.dpsClass, DpsClass::Pe);
    EXPECT_EQ(a.intervenants, 4);
    EXPECT_EQ(a.postes, 1);
    EXPECT_EQ(a.equipes, 1);
    EXPECT_EQ(a.chefsDeSecteur, 0);
    EXPECT_EQ(a.total, 4);
}

TEST(Dps, PublicAbove100000CountsHalf)
{
    const DpsAssessment a = assess(150'000);
    EXPECT_DOUBLE_EQ(a.p, 125'000);
    EXPECT_DOUBLE_EQ(a.ris, 93.75);
    EXPECT_EQ(a.intervenants, 94);
    EXPECT_EQ(a.postes, 8);
    EXPECT_EQ(a.secteurs, 3);
    EXPECT_TRUE(a.steps.front().contains(QStringLiteral("plus de 100")));
    // An odd excess leaves half a person in P, kept exactly.
    const DpsAssessment odd = assess(100'001);
    EXPECT_DOUBLE_EQ(odd.p, 100'000.5);
    EXPECT_DOUBLE_EQ(odd.ris, 75.000375);
    EXPECT_EQ(odd.intervenants, 76);
    // At 100,000 exactly, P is P1.
    EXPECT_DOUBLE_EQ(assess(100'000).p, 100'000);
}

TEST(Dps, ThresholdsAreInclusiveAndExact)
{
    // RIS = 0.25: nothing required; just above: a PAPS of 2.
    EXPECT_EQ(assess(250, 0.25, 0.35, 0.40).dpsClass, DpsClass::None);
    EXPECT_EQ(assess(250, 0.25, 0.35, 0.40).intervenants, 0);
    EXPECT_EQ(assess(251, 0.25, 0.35, 0.40).dpsClass, DpsClass::Paps);
    // RIS = 1.125 is still a PAPS (2); 1.12575 is a DPS-PE (4).
    EXPECT_DOUBLE_EQ(assess(1'500).ris, 1.125);
    EXPECT_EQ(assess(1'500).dpsClass, DpsClass::Paps);
    EXPECT_EQ(assess(1'500).intervenants, 2);
    EXPECT_EQ(assess(1'500).binomes, 1);
    EXPECT_EQ(assess(1'501).dpsClass, DpsClass::Pe);
    EXPECT_EQ(assess(1'501).intervenants, 4);
    // RIS = 12: DPS-PE of 12, one poste; just above: DPS-ME, 13 → 14, two postes and a chef de secteur.
    EXPECT_EQ(assess(16'000).dpsClass, DpsClass::Pe);
    EXPECT_EQ(assess(16'000).intervenants, 12);
    EXPECT_EQ(assess(16'000).postes, 1);
    const DpsAssessment me = assess(16'001);
    EXPECT_EQ(me.dpsClass, DpsClass::Me);
    EXPECT_EQ(me.intervenants, 14);
    EXPECT_EQ(me.postes, 2);
    EXPECT_EQ(me.chefsDeSecteur, 1);
    EXPECT_EQ(me.chefsDeDispositif, 0);
    EXPECT_EQ(me.total, 15);
    // RIS = 36: DPS-ME of 36 in three postes; just above: DPS-GE, 37 → 38, four postes in two secteurs.
    EXPECT_EQ(assess(48'000).dpsClass, DpsClass::Me);
    EXPECT_EQ(assess(48'000).intervenants, 36);
    EXPECT_EQ(assess(48'000).postes, 3);
    const DpsAssessment ge = assess(48'001);
    EXPECT_EQ(ge.dpsClass, DpsClass::Ge);
    EXPECT_EQ(ge.intervenants, 38);
    EXPECT_EQ(ge.secteurs, 2);
    EXPECT_EQ(ge.total, 38 + 2 + 1);
}

TEST(Dps, ThresholdsHoldWhereFloatingPointSumsDrift)
{
    // 0.40 × 3 × 30,000 / 1000 is 36.00000000000001 in doubles, and 0.30 + 0.35 + 0.35 is under 1: the
    // class must come from the exact value.
    EXPECT_EQ(assess(30'000, 0.40, 0.40, 0.40).dpsClass, DpsClass::Me);
    EXPECT_EQ(assess(30'000, 0.40, 0.40, 0.40).intervenants, 36);
    EXPECT_EQ(assess(10'000, 0.40, 0.40, 0.40).dpsClass, DpsClass::Pe);
    EXPECT_EQ(assess(12'000, 0.30, 0.35, 0.35).dpsClass, DpsClass::Pe);
    EXPECT_EQ(assess(12'000, 0.30, 0.35, 0.35).intervenants, 12);
    EXPECT_EQ(assess(250, 0.30, 0.35, 0.35).dpsClass, DpsClass::None);
    EXPECT_EQ(assess(4'000, 0.30, 0.35, 0.35).intervenants, 4);
}

TEST(Dps, RoundsUpToWholeBinomes)
{
    EXPECT_EQ(assess(4'001, 0.25, 0.35, 0.40).intervenants, 6); // RIS 4.001 → 5, odd → 6
    EXPECT_EQ(assess(6'000, 0.25, 0.35, 0.40).intervenants, 6); // RIS 6 exactly, even
    EXPECT_EQ(assess(6'001, 0.25, 0.35, 0.40).intervenants, 8); // 6.001 → 7 → 8
    const DpsAssessment six = assess(6'000, 0.25, 0.35, 0.40);
    EXPECT_EQ(six.equipes, 1);
    EXPECT_EQ(six.binomes, 1);
    EXPECT_EQ(assess(3'000).dpsClass, DpsClass::Pe); // RIS 2.25: still one équipe of 4
    EXPECT_EQ(assess(3'000).intervenants, 4);
}

TEST(Dps, NoPublicNeedsNoCover)
{
    const DpsAssessment a = assess(0, 0.40, 0.40, 0.40);
    EXPECT_EQ(a.ris, 0);
    EXPECT_EQ(a.dpsClass, DpsClass::None);
    EXPECT_EQ(a.total, 0);
}

TEST(Dps, BadInputNamesTheField)
{
    EXPECT_TRUE(errorOf(-1).startsWith(QStringLiteral("P1 = -1 ")));
    EXPECT_TRUE(errorOf(10'000'000).startsWith(QStringLiteral("P1 = 10000000 ")));
    EXPECT_TRUE(errorOf(1'500.5).startsWith(QStringLiteral("P1 ")));
    EXPECT_TRUE(errorOf(std::numeric_limits<double>::quiet_NaN()).startsWith(QStringLiteral("P1 ")));
    EXPECT_TRUE(errorOf(std::numeric_limits<double>::infinity()).startsWith(QStringLiteral("P1 ")));
    EXPECT_TRUE(errorOf(1'000, 0.27).startsWith(QStringLiteral("P2 = 0.27 ")));
    EXPECT_TRUE(
        errorOf(1'000, 0.25, std::numeric_limits<double>::quiet_NaN()).startsWith(QStringLiteral("E1 ")));
    EXPECT_TRUE(errorOf(1'000, 0.25, 0.25, 0.5).contains(QStringLiteral("0.25, 0.30, 0.35 or 0.40")));
    EXPECT_TRUE(errorOf(1'000, 0.25, 0.25, 0).startsWith(QStringLiteral("E2 ")));
    EXPECT_TRUE(assessDps({maxDpsPublic, 0.25, 0.25, 0.25}).ok());
    EXPECT_FALSE(assessDps({maxDpsPublic + 1.0, 0.25, 0.25, 0.25}).ok());
}

TEST(Dps, EveryLevelOfTheGridIsAcceptedAndWorded)
{
    for (DpsFactor f : {DpsFactor::P2, DpsFactor::E1, DpsFactor::E2}) {
        EXPECT_FALSE(dpsFactorTitle(f).isEmpty());
        double expected = 0.25;
        for (const DpsLevel &level : dpsLevels(f)) {
            EXPECT_DOUBLE_EQ(level.value, expected);
            EXPECT_TRUE(level.label.startsWith(QLocale(QLocale::French).toString(level.value, 'f', 2)))
                << qPrintable(level.label);
            DpsInputs in{1'000, 0.25, 0.25, 0.25};
            (f == DpsFactor::P2 ? in.p2 : f == DpsFactor::E1 ? in.e1 : in.e2) = level.value;
            EXPECT_TRUE(assessDps(in).ok());
            expected += 0.05;
        }
    }
}
