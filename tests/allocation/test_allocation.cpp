#include "allocation/suggestion.h"
#include "demo/demo_room.h"
#include "routing/osm_roads.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>

#include <glpk.h>
#include <gtest/gtest.h>

#include <iostream>
#include <random>
#include <set>
#include <tuple>

using namespace vigie;
using namespace vigie::allocation;

namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

Candidate unit(const char *id, const char *type, const char *agency, QStringList caps = {})
{
    return {QString::fromLatin1(id), QString::fromLatin1(type), QString::fromLatin1(agency), caps};
}

Problem problem(std::vector<Candidate> units, std::vector<std::vector<Need>> needs, std::vector<double> eta)
{
    Problem p;
    p.units = std::move(units);
    p.needs = std::move(needs);
    p.etaSeconds = std::move(eta);
    return p;
}

} // namespace

TEST(NeedRules, TypeOrCapabilityMatches)
{
    EXPECT_TRUE(matches(unit("a", "FPT", "fire"), {QStringLiteral("FPT"), QStringLiteral("fire")}));
    EXPECT_TRUE(
        matches(unit("a", "VSAV", "fire", {QStringLiteral("medical")}), {QStringLiteral("medical"), {}}));
    EXPECT_FALSE(matches(unit("a", "VSAV", "fire"), {QStringLiteral("FPT"), QStringLiteral("fire")}));
}

TEST(NeedRules, AgencyMustMatch)
{
    EXPECT_FALSE(matches(unit("a", "VSAV", "samu"), {QStringLiteral("VSAV"), QStringLiteral("fire")}));
}

TEST(NeedRules, CountIsFilledWithTheClosestUnits)
{
    auto p = problem({unit("a", "FPT", "fire"), unit("b", "FPT", "fire"), unit("c", "FPT", "fire")},
                     {{{QStringLiteral("FPT"), QStringLiteral("fire"), 2, 5}}}, {600, 60, 120});
    auto s = solve(p);
    ASSERT_TRUE(s.ok());
    ASSERT_EQ(s->assignments.size(), 2u);
    std::set<std::size_t> sent;
    for (const auto &a : s->assignments)
        sent.insert(a.unit);
    EXPECT_EQ(sent, (std::set<std::size_t>{1, 2}));
    EXPECT_TRUE(s->shortfalls.empty());
}

TEST(NeedRules, OneUnitFillsOneNeedOnly)
{
    // An FPT has both "fire" and "rescue": it must not count for two needs.
    auto p = problem({unit("a", "FPT", "fire", {QStringLiteral("fire"), QStringLiteral("rescue")})},
                     {{{QStringLiteral("fire"), {}, 1, 5}, {QStringLiteral("rescue"), {}, 1, 5}}}, {60});
    auto s = solve(p);
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->assignments.size(), 1u);
    ASSERT_EQ(s->shortfalls.size(), 1u);
    EXPECT_EQ(s->shortfalls[0].missing, 1);
}

TEST(NeedRules, ScarceUnitGoesToTheHigherPriority)
{
    // The low-priority incident is much closer, yet the cardiac arrest gets the only VSAV.
    auto p = problem({unit("v", "VSAV", "fire")},
                     {{{QStringLiteral("VSAV"), QStringLiteral("fire"), 1, 2}},
                      {{QStringLiteral("VSAV"), QStringLiteral("fire"), 1, 5}}},
                     {60, 900});
    auto s = solve(p);
    ASSERT_TRUE(s.ok());
    ASSERT_EQ(s->assignments.size(), 1u);
    EXPECT_EQ(s->assignments[0].incident, 1u);
}

TEST(NeedRules, AnIncidentWithoutAUnitComesBeforeAComplement)
{
    // Incident 0 has a unit engaged already (its need is a follow-up) and is much closer: the only VSAV
    // still goes to incident 1, which has nobody, at the same priority.
    const Need complement{QStringLiteral("VSAV"), QStringLiteral("fire"), 1, 4, true};
    const Need first{QStringLiteral("VSAV"), QStringLiteral("fire"), 1, 4};
    auto s = solve(problem({unit("v", "VSAV", "fire")}, {{complement}, {first}}, {60, 900}));
    ASSERT_TRUE(s.ok());
    ASSERT_EQ(s->assignments.size(), 1u);
    EXPECT_EQ(s->assignments[0].incident, 1u);
    // Without the rule (0 levels), the nearer incident gets it.
    auto p = problem({unit("v", "VSAV", "fire")}, {{complement}, {first}}, {60, 900});
    p.weights.followUpLevels = 0;
    s = solve(p);
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->assignments[0].incident, 0u);
    // A vital complement (priority 5) still comes before a first unit that can wait (priority 1).
    const Need vital{QStringLiteral("VSAV"), QStringLiteral("fire"), 1, 5, true};
    const Need canWait{QStringLiteral("VSAV"), QStringLiteral("fire"), 1, 1};
    s = solve(problem({unit("v", "VSAV", "fire")}, {{canWait}, {vital}}, {60, 900}));
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->assignments[0].incident, 1u);
}

TEST(NeedRules, UnreachableUnitIsNotProposed)
{
    auto p = problem({unit("a", "FPT", "fire")}, {{{QStringLiteral("FPT"), {}, 1, 5}}}, {inf});
    auto s = solve(p);
    ASSERT_TRUE(s.ok());
    EXPECT_TRUE(s->assignments.empty());
    EXPECT_EQ(s->shortfalls.size(), 1u);
}

TEST(NeedRules, CoveragePenaltyKeepsTheSoleCoverHome)
{
    // b is slightly closer but is the only unit covering its sector; with the coverage term, a goes.
    auto p = problem({unit("a", "FPT", "fire"), unit("b", "FPT", "fire")},
                     {{{QStringLiteral("FPT"), {}, 1, 5}}}, {300, 240});
    p.coverageLoss = {0.0, 1.0};
    p.weights.coverage = 10.0;
    auto s = solve(p);
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->assignments.at(0).unit, 0u);
    p.weights.coverage = 0.0;
    EXPECT_EQ(solve(p)->assignments.at(0).unit, 1u);
}

TEST(NeedRules, CoverageImpactIsMexclpMarginal)
{
    // Sector 0 covered by both units, sector 1 by unit 0 only; q = 0.5.
    const std::vector<double> secs{100, 100, 100, 9999};
    const auto impact = coverageImpact(secs, 2, {{"s0", "S0", {}, 1.0}, {"s1", "S1", {}, 1.0}}, {600, 0.5});
    EXPECT_DOUBLE_EQ(impact.loss[0], 0.5 * 0.5 + 0.5);
    EXPECT_DOUBLE_EQ(impact.loss[1], 0.5 * 0.5);
    ASSERT_EQ(impact.sole[0].size(), 1u);
    EXPECT_EQ(impact.sole[0][0], 1u);
}

TEST(NeedsTable, DefaultTableHasTheDocumentedDispatches)
{
    auto t = defaultNeedsTable();
    ASSERT_TRUE(t.ok()) << t.error().message.toStdString();
    int fpt = 0, epa = 0, vsav = 0;
    for (const Need &n : needsFor(*t, QStringLiteral("building_fire"))) {
        fpt += n.name == QLatin1String("FPT") ? n.count : 0;
        epa += n.name == QLatin1String("EPA") ? n.count : 0;
        vsav += n.name == QLatin1String("VSAV") ? n.count : 0;
    }
    EXPECT_EQ(fpt, 2);
    EXPECT_EQ(epa, 1);
    EXPECT_EQ(vsav, 1);
    EXPECT_FALSE(needsFor(*t, QStringLiteral("no_such_type")).empty()) << "unknown types use \"other\"";
    auto bad =
        parseNeedsTable(R"({"types":{"x":{"fire":[{"need":"FPT","count":0}]}}})", QStringLiteral("t.json"));
    ASSERT_FALSE(bad.ok());
    EXPECT_TRUE(bad.error().message.contains(QStringLiteral("t.json")));
}

// The same problem as an integer program (GLPK): first the most needs filled, then the least cost.
double glpkOptimum(const Problem &p, int *filled)
{
    struct Var
    {
        std::size_t unit, slot;
        double cost;
    };
    std::vector<std::pair<std::size_t, std::size_t>> slots;
    for (std::size_t i = 0; i < p.needs.size(); ++i)
        for (std::size_t k = 0; k < p.needs[i].size(); ++k)
            slots.emplace_back(i, k);
    std::vector<Var> vars;
    for (std::size_t s = 0; s < slots.size(); ++s)
        for (std::size_t u = 0; u < p.units.size(); ++u) {
            const double c = assignmentCost(p, u, slots[s].first, slots[s].second);
            if (std::isfinite(c))
                vars.push_back({u, s, c});
        }
    if (vars.empty()) {
        *filled = 0;
        return 0.0;
    }
    glp_prob *lp = glp_create_prob();
    const int nrows = int(p.units.size() + slots.size()) + 1;
    glp_add_rows(lp, nrows);
    for (std::size_t u = 0; u < p.units.size(); ++u)
        glp_set_row_bnds(lp, int(u) + 1, GLP_UP, 0, 1);
    for (std::size_t s = 0; s < slots.size(); ++s)
        glp_set_row_bnds(lp, int(p.units.size() + s) + 1, GLP_UP, 0,
                         p.needs[slots[s].first][slots[s].second].count);
    glp_set_row_bnds(lp, nrows, GLP_FR, 0, 0); // total filled, bounded in phase 2
    glp_add_cols(lp, int(vars.size()));
    std::vector<int> ia{0}, ja{0};
    std::vector<double> ar{0};
    for (std::size_t v = 0; v < vars.size(); ++v) {
        const int col = int(v) + 1;
        glp_set_col_kind(lp, col, GLP_BV);
        for (int row : {int(vars[v].unit) + 1, int(p.units.size() + vars[v].slot) + 1, nrows}) {
            ia.push_back(row);
            ja.push_back(col);
            ar.push_back(1.0);
        }
    }
    glp_load_matrix(lp, int(ia.size()) - 1, ia.data(), ja.data(), ar.data());
    glp_iocp parm;
    glp_init_iocp(&parm);
    parm.presolve = GLP_ON;
    parm.msg_lev = GLP_MSG_OFF;
    glp_set_obj_dir(lp, GLP_MAX);
    for (std::size_t v = 0; v < vars.size(); ++v)
        glp_set_obj_coef(lp, int(v) + 1, 1.0);
    EXPECT_EQ(glp_intopt(lp, &parm), 0);
    const double most = std::round(glp_mip_obj_val(lp));
    *filled = int(most);
    glp_set_row_bnds(lp, nrows, GLP_FX, most, most);
    glp_set_obj_dir(lp, GLP_MIN);
    for (std::size_t v = 0; v < vars.size(); ++v)
        glp_set_obj_coef(lp, int(v) + 1, vars[v].cost);
    EXPECT_EQ(glp_intopt(lp, &parm), 0);
    const double cost = glp_mip_obj_val(lp);
    glp_delete_prob(lp);
    return cost;
}

TEST(Allocation, MinCostFlowEqualsGlpkOn100RandomInstances)
{
    std::mt19937 rng(20261128);
    const char *types[] = {"FPT", "VSAV", "EPA", "SMUR"};
    const char *agencies[] = {"fire", "fire", "fire", "samu"};
    std::uniform_int_distribution<int> typeOf(0, 3), nUnits(0, 10), nInc(1, 4), nNeeds(1, 3), count(1, 2),
        prio(1, 5);
    std::uniform_real_distribution<double> eta(30, 1800), cov(0, 1), coin(0, 1);
    int nonTrivial = 0;
    for (int instance = 0; instance < 100; ++instance) {
        Problem p;
        const int nu = nUnits(rng);
        for (int u = 0; u < nu; ++u) {
            const int t = typeOf(rng);
            p.units.push_back(unit(("u" + std::to_string(u)).c_str(), types[t], agencies[t]));
            p.coverageLoss.push_back(cov(rng));
        }
        const int ni = nInc(rng);
        p.needs.resize(std::size_t(ni));
        for (auto &needs : p.needs)
            for (int k = nNeeds(rng); k > 0; --k) {
                const int t = typeOf(rng);
                needs.push_back(
                    {QString::fromLatin1(types[t]), QString::fromLatin1(agencies[t]), count(rng), prio(rng)});
                needs.back().followUp = (instance + k) % 3 == 0; // a third are complements
            }
        for (int c = 0; c < nu * ni; ++c)
            p.etaSeconds.push_back(coin(rng) < 0.1 ? inf : eta(rng));
        auto s = solve(p);
        ASSERT_TRUE(s.ok());
        int filled = 0;
        const double optimum = glpkOptimum(p, &filled);
        EXPECT_EQ(int(s->assignments.size()), filled) << "instance " << instance;
        if (filled > 0) {
            ++nonTrivial;
            EXPECT_NEAR(s->cost / optimum, 1.0, 1e-9) << "instance " << instance;
        }
    }
    EXPECT_GT(nonTrivial, 80);
}

// The flow starts on the cheapest arcs only and adds arcs until the optimality check passes: with no
// margin at all (many rounds), the default margin and every arc, larger instances with scarce types must
// all reach GLPK's optimum.
TEST(Allocation, PrunedFlowEqualsGlpkOnLargerInstances)
{
    std::mt19937 rng(20261129);
    const char *types[] = {"FPT", "VSAV", "EPA", "SMUR"};
    const char *agencies[] = {"fire", "fire", "fire", "samu"};
    std::uniform_int_distribution<int> typeOf(0, 3), nNeeds(1, 3), count(1, 2), prio(1, 5);
    std::uniform_real_distribution<double> eta(30, 1800), cov(0, 1), coin(0, 1);
    for (int instance = 0; instance < 12; ++instance) {
        Problem p;
        for (int u = 0; u < 40; ++u) {
            const int t = typeOf(rng);
            p.units.push_back(unit(("u" + std::to_string(u)).c_str(), types[t], agencies[t]));
            p.coverageLoss.push_back(cov(rng));
        }
        p.needs.resize(12);
        for (auto &needs : p.needs)
            for (int k = nNeeds(rng); k > 0; --k) {
                const int t = typeOf(rng);
                needs.push_back(
                    {QString::fromLatin1(types[t]), QString::fromLatin1(agencies[t]), count(rng), prio(rng)});
            }
        for (std::size_t c = 0; c < p.units.size() * p.needs.size(); ++c)
            p.etaSeconds.push_back(coin(rng) < 0.1 ? inf : eta(rng));
        int filled = 0;
        const double optimum = glpkOptimum(p, &filled);
        ASSERT_GT(filled, 0);
        for (const int margin : {0, 2, -1}) {
            p.candidateMargin = margin;
            auto s = solve(p);
            ASSERT_TRUE(s.ok());
            EXPECT_EQ(int(s->assignments.size()), filled) << "instance " << instance << " margin " << margin;
            EXPECT_NEAR(s->cost / optimum, 1.0, 1e-9) << "instance " << instance << " margin " << margin;
        }
    }
}

// Searches that stopped early leave cells unknown but at least their incident's floor: solving with those
// floors, and revealing the incidents solve() lists as unresolved until none is left, must reach the same
// assignment and cost as the full matrix, and GLPK's optimum.
TEST(Allocation, UnknownFarArcsReachTheSameOptimum)
{
    std::mt19937 rng(20261130);
    const char *types[] = {"FPT", "VSAV", "EPA", "SMUR"};
    const char *agencies[] = {"fire", "fire", "fire", "samu"};
    std::uniform_int_distribution<int> typeOf(0, 3), nUnits(0, 24), nInc(1, 8), nNeeds(1, 3), count(1, 2),
        prio(1, 5);
    std::uniform_real_distribution<double> eta(30, 1800), cov(0, 1), coin(0, 1);
    int revealedSome = 0, leftSomeHidden = 0;
    for (int instance = 0; instance < 100; ++instance) {
        Problem full;
        const int nu = nUnits(rng);
        for (int u = 0; u < nu; ++u) {
            const int t = typeOf(rng);
            full.units.push_back(unit(("u" + std::to_string(u)).c_str(), types[t], agencies[t]));
            full.coverageLoss.push_back(cov(rng));
        }
        full.needs.resize(std::size_t(nInc(rng)));
        for (auto &needs : full.needs)
            for (int k = nNeeds(rng); k > 0; --k) {
                const int t = typeOf(rng);
                needs.push_back(
                    {QString::fromLatin1(types[t]), QString::fromLatin1(agencies[t]), count(rng), prio(rng)});
            }
        for (std::size_t c = 0; c < full.units.size() * full.needs.size(); ++c)
            full.etaSeconds.push_back(coin(rng) < 0.1 ? inf : eta(rng));
        const auto expected = solve(full);
        ASSERT_TRUE(expected.ok());
        ASSERT_TRUE(expected->unresolved.empty());
        // Each incident's search "stopped" at a random radius: farther cells are hidden.
        Problem part = full;
        const std::size_t ni = full.needs.size();
        part.etaFloor.resize(ni);
        for (std::size_t i = 0; i < ni; ++i) {
            part.etaFloor[i] = eta(rng);
            for (std::size_t u = 0; u < full.units.size(); ++u)
                if (!(full.eta(u, i) < part.etaFloor[i]))
                    part.etaSeconds[u * ni + i] = inf;
        }
        auto got = solve(part);
        ASSERT_TRUE(got.ok());
        int rounds = 0;
        while (!got->unresolved.empty()) {
            ++rounds;
            for (const std::size_t i : got->unresolved) {
                part.etaFloor[i] = inf;
                for (std::size_t u = 0; u < full.units.size(); ++u)
                    part.etaSeconds[u * ni + i] = full.eta(u, i);
            }
            got = solve(part);
            ASSERT_TRUE(got.ok());
        }
        revealedSome += rounds > 0 ? 1 : 0;
        leftSomeHidden += part.etaSeconds != full.etaSeconds ? 1 : 0;
        EXPECT_DOUBLE_EQ(got->cost, expected->cost) << "instance " << instance; // summed in another order
        ASSERT_EQ(got->assignments.size(), expected->assignments.size()) << "instance " << instance;
        int filled = 0;
        const double optimum = glpkOptimum(full, &filled);
        EXPECT_EQ(int(got->assignments.size()), filled) << "instance " << instance;
        if (filled > 0) {
            EXPECT_NEAR(got->cost / optimum, 1.0, 1e-9) << "instance " << instance;
        }
        // Same units to the same incidents for the same kind of need: two identical needs of one incident
        // (same type, agency and priority) cost the same, and which of the two a unit fills is a tie.
        using Key = std::tuple<std::size_t, std::size_t, QString, QString, int>;
        const auto key = [&](const Assignment &x) {
            const Need &n = full.needs[x.incident][x.need];
            return Key{x.unit, x.incident, n.name, n.agency, n.priority};
        };
        std::multiset<Key> a, b;
        for (const Assignment &x : got->assignments)
            a.insert(key(x));
        for (const Assignment &x : expected->assignments)
            b.insert(key(x));
        EXPECT_TRUE(a == b) << "instance " << instance;
        EXPECT_EQ(got->shortfalls.size(), expected->shortfalls.size()) << "instance " << instance;
    }
    // Both paths were taken: some instances needed more searching, some were proven with cells still hidden.
    EXPECT_GT(revealedSome, 10);
    EXPECT_GT(leftSomeHidden, 10);
}

// Bounded searches on a real network give the very same suggestions as full searches: units, needs, ETAs,
// distances, alternatives and costs.
TEST(Suggest, BoundedSearchesGiveTheSameSuggestionsOnLiechtenstein)
{
    const QString pbf = QStringLiteral(VIGIE_SHARED_DATA "/osm/liechtenstein/liechtenstein-latest.osm.pbf");
    if (!QFileInfo::exists(pbf))
        GTEST_SKIP() << "Liechtenstein extract absent";
    auto net = routing::readRoadNetwork(pbf, std::nullopt);
    ASSERT_TRUE(net.ok());
    const auto nodes = net->nodes;
    auto graph = routing::RoadGraph::build(std::move(*net));
    ASSERT_TRUE(graph.ok());
    const auto table = defaultNeedsTable();
    ASSERT_TRUE(table.ok());
    const char *types[] = {"VSAV", "VSAV", "FPT", "FPT", "EPA", "SMUR", "PS", "VCO", "CCF", "VLC"};
    const char *agencies[] = {"fire", "fire",   "fire", "fire", "fire",
                              "samu", "police", "fire", "fire", "fire"};
    const char *kinds[] = {"building_fire", "cardiac_arrest", "injury", "traffic_accident", "vehicle_fire"};
    for (const unsigned seed : {11u, 12u}) {
        std::mt19937 rng(seed);
        std::uniform_int_distribution<std::size_t> pick(0, nodes.size() - 1);
        Picture picture;
        for (int u = 0; u < 150; ++u) {
            Unit unit;
            unit.id = QStringLiteral("U%1").arg(u);
            unit.type = QLatin1String(types[u % 10]);
            unit.agency = QLatin1String(agencies[u % 10]);
            unit.status = QStringLiteral("available");
            unit.position = nodes[pick(rng)];
            picture.units[unit.id] = unit;
        }
        for (int i = 0; i < 40; ++i) {
            Incident inc;
            inc.id = QStringLiteral("I%1").arg(i);
            inc.type = QLatin1String(kinds[i % 5]);
            inc.position = nodes[pick(rng)];
            picture.incidents[inc.id] = inc;
        }
        std::vector<Sector> sectors;
        for (int s = 0; s < 6; ++s)
            sectors.push_back(
                {QStringLiteral("S%1").arg(s), QStringLiteral("S%1").arg(s), nodes[pick(rng)], 1.0});
        SuggestOptions fullOptions;
        fullOptions.boundedSearches = false;
        const SuggestionSet expected = suggest(picture, graph->get(), sectors, *table, fullOptions);
        ASSERT_GT(expected.items.size(), 40u);
        for (const double first : {30.0, 120.0, 600.0}) {
            SuggestOptions options;
            options.boundedSearches = true;
            options.firstSearchSeconds = first;
            const SuggestionSet got = suggest(picture, graph->get(), sectors, *table, options);
            EXPECT_EQ(got.toJson(), expected.toJson()) << "seed " << seed << ", first radius " << first;
        }
    }
}

TEST(Suggest, BadInputGivesSpecificMessagesAndPartialSuggestions)
{
    Picture pic;
    Unit a;
    a.id = QStringLiteral("FPT-1");
    a.type = QStringLiteral("FPT");
    a.agency = QStringLiteral("fire");
    a.position = GeoPoint{5.37, 43.30};
    Unit noPos = a;
    noPos.id = QStringLiteral("VSAV-9");
    noPos.type = QStringLiteral("VSAV");
    noPos.position.reset();
    pic.units[a.id] = a;
    pic.units[noPos.id] = noPos;
    Incident fire;
    fire.id = QStringLiteral("inc-1");
    fire.type = QStringLiteral("building_fire");
    fire.position = GeoPoint{5.38, 43.31};
    Incident lost = fire;
    lost.id = QStringLiteral("inc-2");
    lost.position.reset();
    pic.incidents[fire.id] = fire;
    pic.incidents[lost.id] = lost;
    auto table = defaultNeedsTable();
    ASSERT_TRUE(table.ok());
    const SuggestionSet set = suggest(pic, nullptr, {}, *table);
    ASSERT_EQ(set.items.size(), 1u);
    EXPECT_EQ(set.items[0].unit, QStringLiteral("FPT-1"));
    EXPECT_TRUE(set.items[0].approximate);
    const QString all = set.messages.join(QLatin1Char('\n'));
    EXPECT_TRUE(all.contains(QStringLiteral("VSAV-9"))) << all.toStdString();
    EXPECT_TRUE(all.contains(QStringLiteral("no known position")));
    EXPECT_TRUE(all.contains(QStringLiteral("inc-2")));
    EXPECT_TRUE(all.contains(QStringLiteral("EPA"))) << "the missing ladder is named";
    EXPECT_TRUE(set.notes.contains(QString::fromUtf8(routing::approximateNote)));

    Picture empty;
    empty.incidents[fire.id] = fire;
    const SuggestionSet none = suggest(empty, nullptr, {}, *table);
    EXPECT_TRUE(none.items.empty());
    EXPECT_TRUE(none.messages.join(QLatin1Char('\n')).contains(QStringLiteral("no available unit")));
}

namespace {

Unit fleetUnit(const char *id, const char *type, GeoPoint where, const char *status = "available",
               const char *incident = "")
{
    Unit u;
    u.id = QString::fromLatin1(id);
    u.callsign = u.id;
    u.type = QString::fromLatin1(type);
    u.agency = QStringLiteral("fire");
    u.position = where;
    u.status = QString::fromLatin1(status);
    u.incident = QString::fromLatin1(incident);
    return u;
}

/// An open incident of `pic`, at `where`.
const Incident &addIncident(Picture &pic, const QString &id, const QString &title, const QString &type,
                            GeoPoint where)
{
    Incident &i = pic.incidents[id];
    i.id = id;
    i.title = title;
    i.type = type;
    i.position = where;
    return i;
}

std::vector<const Suggestion *> itemsFor(const SuggestionSet &set, const QString &incident)
{
    std::vector<const Suggestion *> out;
    for (const Suggestion &s : set.items)
        if (s.incident == incident)
            out.push_back(&s);
    return out;
}

} // namespace

// Units on scene count toward the incident's needs: a building fire (2 FPT, EPA, VSAV, command) with one FPT
// on scene gets one more FPT proposed, not two; with all its needs met by engaged units it gets none.
TEST(Suggest, UnitsEngagedOnAnIncidentCountTowardItsNeeds)
{
    Picture pic;
    const GeoPoint here{5.38, 43.30};
    for (const Unit &u :
         {fleetUnit("FPT-1", "FPT", {5.37, 43.30}), fleetUnit("FPT-2", "FPT", {5.39, 43.31}),
          fleetUnit("FPT-3", "FPT", {5.40, 43.29}), fleetUnit("FPT-ON", "FPT", here, "on_scene", "inc-1")})
        pic.units[u.id] = u;
    const Incident &fire = addIncident(pic, QStringLiteral("inc-1"), QStringLiteral("Feu d'appartement"),
                                       QStringLiteral("building_fire"), here);
    auto table = defaultNeedsTable();
    ASSERT_TRUE(table.ok());
    SuggestionSet set = suggest(pic, nullptr, {}, *table);
    int fpts = 0;
    for (const Suggestion *s : itemsFor(set, fire.id))
        fpts += s->need.name == QLatin1String("FPT") ? 1 : 0;
    EXPECT_EQ(fpts, 1) << "one FPT is on scene already";

    // Every need filled by units engaged on it (en route counts too): nothing proposed, and said.
    for (const Unit &u : {fleetUnit("FPT-R", "FPT", here, "en_route", "inc-1"),
                          fleetUnit("EPA-ON", "EPA", here, "on_scene", "inc-1"),
                          fleetUnit("VSAV-ON", "VSAV", here, "on_scene", "inc-1"),
                          fleetUnit("VLCG-ON", "VLCG", here, "on_scene", "inc-1")}) {
        pic.units[u.id] = u;
        pic.units[u.id].capabilities =
            u.type == QLatin1String("VLCG") ? QStringList{QStringLiteral("command")} : QStringList{};
    }
    Unit patrol = fleetUnit("PS-ON", "PS", here, "on_scene", "inc-1");
    patrol.agency = QStringLiteral("police");
    pic.units[patrol.id] = patrol;
    set = suggest(pic, nullptr, {}, *table);
    EXPECT_TRUE(itemsFor(set, fire.id).empty());
    EXPECT_TRUE(set.messages.join(QLatin1Char('\n')).contains(QStringLiteral("engaged fill its needs")))
        << set.messages.join(QLatin1Char('\n')).toStdString();
}

// With one engine left, a vehicle fire nobody answers yet gets it before the second engine of a building fire
// that has one on scene already, though the building fire is nearer and its need more urgent: what remains of
// an incident with a unit engaged is a complement (Need::followUp), ranked so in the backlog too.
TEST(Suggest, AnIncidentWithNobodyGetsTheLastEngineBeforeAComplement)
{
    Picture pic;
    const GeoPoint here{5.38, 43.30};
    for (const Unit &u : {fleetUnit("FPT-1", "FPT", {5.381, 43.30}),
                          fleetUnit("FPT-ON", "FPT", here, "on_scene", "inc-fire")})
        pic.units[u.id] = u;
    const Incident &fire = addIncident(pic, QStringLiteral("inc-fire"), QStringLiteral("Feu d'appartement"),
                                       QStringLiteral("building_fire"), here);
    const Incident &car = addIncident(pic, QStringLiteral("inc-car"), QStringLiteral("Véhicule en feu"),
                                      QStringLiteral("vehicle_fire"), GeoPoint{5.42, 43.32});
    auto table = defaultNeedsTable();
    ASSERT_TRUE(table.ok());

    SuggestionSet set = suggest(pic, nullptr, {}, *table);
    ASSERT_EQ(itemsFor(set, car.id).size(), 1u);
    EXPECT_EQ(itemsFor(set, car.id).front()->unit, QStringLiteral("FPT-1"));
    EXPECT_FALSE(itemsFor(set, car.id).front()->need.followUp);
    EXPECT_TRUE(itemsFor(set, fire.id).empty());
    // The fire's engine waits, as a complement.
    const auto waiting =
        std::find_if(set.backlog.waiting.begin(), set.backlog.waiting.end(),
                     [](const WaitingNeed &w) { return w.need.name == QLatin1String("FPT"); });
    ASSERT_NE(waiting, set.backlog.waiting.end());
    EXPECT_EQ(waiting->incident, fire.id);
    EXPECT_TRUE(waiting->need.followUp);
    EXPECT_TRUE(set.backlog.toJson()[QLatin1String("waiting")]
                    .toArray()
                    .first()[QLatin1String("follow_up")]
                    .toBool());
    // All the fire's needs wait as complements; among themselves, the engine (priority 5) first.
    EXPECT_EQ(set.backlog.waiting.front().need.name, QStringLiteral("FPT"));

    // Without the rule, the nearer and more urgent building fire takes the engine.
    SuggestOptions options;
    options.weights.followUpLevels = 0;
    set = suggest(pic, nullptr, {}, *table, options);
    ASSERT_EQ(itemsFor(set, fire.id).size(), 1u);
    EXPECT_EQ(itemsFor(set, fire.id).front()->unit, QStringLiteral("FPT-1"));
    EXPECT_TRUE(itemsFor(set, car.id).empty());
}

// A report placed in another département (a Hub Santé sample in Loire-Atlantique) gets no Marseille unit.
TEST(Suggest, AnIncidentOutsideTheFleetsAreaGetsAMessageNotAUnit)
{
    Picture pic;
    pic.units[QStringLiteral("VSAV-1")] = fleetUnit("VSAV-1", "VSAV", {5.37, 43.30});
    const Incident &far = addIncident(pic, QStringLiteral("inc-nantes"), QStringLiteral("Chute"),
                                      QStringLiteral("injury"), GeoPoint{-1.55, 47.22});
    Incident near = far;
    near.id = QStringLiteral("inc-marseille");
    near.position = GeoPoint{5.38, 43.29};
    pic.incidents[near.id] = near;
    auto table = defaultNeedsTable();
    ASSERT_TRUE(table.ok());
    const SuggestionSet set = suggest(pic, nullptr, {}, *table);
    EXPECT_TRUE(itemsFor(set, far.id).empty());
    EXPECT_FALSE(itemsFor(set, near.id).empty()) << "the bound keeps the city's incidents";
    const QString all = set.messages.join(QLatin1Char('\n'));
    EXPECT_TRUE(all.contains(QStringLiteral("inc-nantes")) &&
                all.contains(QStringLiteral("outside its area")))
        << all.toStdString();
}

// A unit turned down for an incident is not proposed for it again until the incident changes.
TEST(Suggest, AUnitTurnedDownIsNotProposedAgainUntilTheIncidentChanges)
{
    Picture pic;
    pic.units[QStringLiteral("VSAV-NEAR")] = fleetUnit("VSAV-NEAR", "VSAV", {5.381, 43.291});
    pic.units[QStringLiteral("VSAV-FAR")] = fleetUnit("VSAV-FAR", "VSAV", {5.42, 43.33});
    Incident call;
    call.id = QStringLiteral("inc-1");
    call.title = QStringLiteral("Chute");
    call.type = QStringLiteral("injury");
    call.position = GeoPoint{5.38, 43.29};
    call.entries = {10};
    pic.incidents[call.id] = call;
    auto table = defaultNeedsTable();
    ASSERT_TRUE(table.ok());
    auto unitsFor = [&] {
        QStringList units;
        for (const Suggestion *s : itemsFor(suggest(pic, nullptr, {}, *table), call.id))
            units.append(s->unit);
        return units;
    };
    ASSERT_TRUE(unitsFor().contains(QStringLiteral("VSAV-NEAR")));
    SuggestionDecision rejected;
    rejected.entry.kind = QStringLiteral("suggestion.reject");
    rejected.entry.seq = 20;
    rejected.unit = QStringLiteral("VSAV-NEAR");
    rejected.incident = call.id;
    pic.suggestions[QStringLiteral("s-1")] = rejected;
    const QStringList after = unitsFor();
    EXPECT_FALSE(after.contains(QStringLiteral("VSAV-NEAR")));
    EXPECT_TRUE(after.contains(QStringLiteral("VSAV-FAR")));
    // A new report on the incident after the rejection: the situation changed, the unit may come back.
    pic.incidents[call.id].entries.push_back(30);
    EXPECT_TRUE(unitsFor().contains(QStringLiteral("VSAV-NEAR")));
}

// Move-ups: two stations 7.8 km apart (beyond the 10-minute target, within a 15-minute drive). The VSAV of
// the first leaves for a call next to it; one of the two VSAVs of the second is proposed to move up to the
// first, which it brings back within 10 minutes without leaving its own sector. A unit whose move-up was
// decided is not proposed for another until a status of it comes after; a move-up that would empty a sector
// is never proposed.
TEST(Suggest, AMoveUpFillsTheStationADispatchEmpties)
{
    const GeoPoint s1{5.38, 43.30}, s2{5.38, 43.37};
    const std::vector<Sector> sectors{{QStringLiteral("st-1"), QStringLiteral("Caserne 1"), s1, 1.0},
                                      {QStringLiteral("st-2"), QStringLiteral("Caserne 2"), s2, 1.0}};
    Picture pic;
    for (Unit u : {fleetUnit("VSAV-1", "VSAV", s1), fleetUnit("VSAV-2A", "VSAV", s2),
                   fleetUnit("VSAV-2B", "VSAV", s2)}) {
        u.station = u.id == QLatin1String("VSAV-1") ? QStringLiteral("st-1") : QStringLiteral("st-2");
        u.statusTime = Timestamp{1000};
        pic.units[u.id] = u;
    }
    const Incident &call = addIncident(pic, QStringLiteral("inc-1"), QStringLiteral("Chute"),
                                       QStringLiteral("injury"), GeoPoint{5.381, 43.301});
    auto table = defaultNeedsTable();
    ASSERT_TRUE(table.ok());
    const auto moveUps = [&](const SuggestionSet &set) {
        std::vector<const Suggestion *> out;
        for (const Suggestion &s : set.items)
            if (s.moveUp)
                out.push_back(&s);
        return out;
    };
    SuggestionSet set = suggest(pic, nullptr, sectors, *table);
    ASSERT_FALSE(itemsFor(set, call.id).empty());
    EXPECT_EQ(itemsFor(set, call.id).front()->unit, QStringLiteral("VSAV-1"));
    auto moves = moveUps(set);
    ASSERT_EQ(moves.size(), 1u) << set.toText().toStdString();
    const Suggestion &m = *moves.front();
    EXPECT_EQ(m.unit, QStringLiteral("VSAV-2A")); // equal drives: the first of the two
    EXPECT_EQ(m.station, QStringLiteral("st-1"));
    EXPECT_EQ(m.restored, QStringList{QStringLiteral("Caserne 1")});
    EXPECT_GT(m.etaSeconds, 600.0);
    EXPECT_LE(m.etaSeconds, 900.0);
    EXPECT_TRUE(m.incident.isEmpty());
    EXPECT_TRUE(set.toText().contains(QStringLiteral("move-up VSAV-2A → station st-1")));

    // Its entry, accepted: the unit stays available and is based at its new station.
    const std::vector<Entry> drafts = suggestionDrafts(set, QStringLiteral("liaison"), Timestamp{2000});
    const auto recorded = std::find_if(drafts.begin(), drafts.end(), [](const Entry &e) {
        return e.data.value(QLatin1String("move_up")).toBool();
    });
    ASSERT_NE(recorded, drafts.end());
    EXPECT_EQ(recorded->data.value(QLatin1String("station_name")).toString(), QStringLiteral("Caserne 1"));
    Entry stored = *recorded;
    stored.seq = 5;
    auto accepted = acceptDrafts(stored, QStringLiteral("liaison"), Timestamp{3000});
    ASSERT_TRUE(accepted.ok());
    for (const Entry &e : *accepted)
        EXPECT_TRUE(validateDraft(e).ok());
    Picture after = pic;
    qint64 seq = 5;
    for (Entry e : *accepted) {
        e.seq = ++seq;
        after.apply(e);
    }
    EXPECT_EQ(after.units.at(QStringLiteral("VSAV-2A")).status, QStringLiteral("available"));
    EXPECT_EQ(after.units.at(QStringLiteral("VSAV-2A")).station, QStringLiteral("st-1"));

    // Turned down: the other VSAV of the second station is proposed instead.
    SuggestionDecision rejected;
    rejected.entry.kind = QStringLiteral("suggestion.reject");
    rejected.entry.seq = 20;
    rejected.entry.time = Timestamp{3000};
    rejected.unit = QStringLiteral("VSAV-2A");
    pic.suggestions[QStringLiteral("s-1")] = rejected;
    moves = moveUps(set = suggest(pic, nullptr, sectors, *table));
    ASSERT_EQ(moves.size(), 1u);
    EXPECT_EQ(moves.front()->unit, QStringLiteral("VSAV-2B"));
    // With one VSAV left at the second station, moving it would leave its sector empty: no move-up.
    pic.units.erase(QStringLiteral("VSAV-2B"));
    pic.suggestions.clear();
    EXPECT_TRUE(moveUps(suggest(pic, nullptr, sectors, *table)).empty());
    // Without move-ups asked for, none.
    pic.units[QStringLiteral("VSAV-2B")] = pic.units.at(QStringLiteral("VSAV-2A"));
    pic.units[QStringLiteral("VSAV-2B")].id = QStringLiteral("VSAV-2B");
    SuggestOptions none;
    none.moveUpsPerType = 0;
    EXPECT_TRUE(moveUps(suggest(pic, nullptr, sectors, *table, none)).empty());
    EXPECT_FALSE(moveUps(suggest(pic, nullptr, sectors, *table)).empty());
}

namespace {

/// The best move-ups as an integer program (GLPK), for the test below: at most `moves` relocations of the
/// remaining VSAVs (each at most once) to the stations, maximising the weight of the sectors left uncovered
/// that get a unit within the target again, every covered sector staying covered; a drive of at most 900 s
/// and more than 60 s, as the suggestion's. `unitToSector`: remaining units × sectors, seconds.
double glpkMoveUps(const std::vector<double> &unitToSector, std::size_t units,
                   const std::vector<double> &stationToSector, std::size_t ns, const std::vector<bool> &home,
                   int moves, double target)
{
    std::vector<int> k(ns, 0);
    for (std::size_t u = 0; u < units; ++u)
        for (std::size_t j = 0; j < ns; ++j)
            k[j] += unitToSector[u * ns + j] <= target ? 1 : 0;
    struct Move
    {
        std::size_t unit, station;
    };
    std::vector<Move> vars;
    for (std::size_t u = 0; u < units; ++u)
        for (std::size_t s = 0; s < ns; ++s) {
            double drive = unitToSector[u * ns + s];
            if (home[s] && drive <= 900.0 && drive > 60.0)
                vars.push_back({u, s});
        }
    std::vector<std::size_t> open; // sectors uncovered now: a y column each
    for (std::size_t j = 0; j < ns; ++j)
        if (k[j] == 0)
            open.push_back(j);
    if (vars.empty() || open.empty())
        return 0.0;
    glp_prob *lp = glp_create_prob();
    // Rows: total moves; one per unit (moved once); one per sector (covered after: k_j + Σ a_jv x_v ≥ 1 if
    // covered now, y_j − Σ b_jv x_v ≤ 0 if not).
    const int unitRows = int(units), sectorRows = int(ns);
    glp_add_rows(lp, 1 + unitRows + sectorRows);
    glp_set_row_bnds(lp, 1, GLP_UP, 0, moves);
    for (int u = 0; u < unitRows; ++u)
        glp_set_row_bnds(lp, 2 + u, GLP_UP, 0, 1);
    for (std::size_t j = 0; j < ns; ++j)
        glp_set_row_bnds(lp, 2 + unitRows + int(j), k[j] > 0 ? GLP_LO : GLP_UP, k[j] > 0 ? 1.0 - k[j] : 0.0,
                         0.0);
    glp_add_cols(lp, int(vars.size() + open.size()));
    std::vector<int> ia{0}, ja{0};
    std::vector<double> ar{0};
    const auto put = [&](int row, int col, double v) {
        ia.push_back(row);
        ja.push_back(col);
        ar.push_back(v);
    };
    for (std::size_t v = 0; v < vars.size(); ++v) {
        const int col = int(v) + 1;
        glp_set_col_kind(lp, col, GLP_BV);
        put(1, col, 1.0);
        put(2 + int(vars[v].unit), col, 1.0);
        for (std::size_t j = 0; j < ns; ++j) {
            const bool from = unitToSector[vars[v].unit * ns + j] <= target;
            const bool to = stationToSector[vars[v].station * ns + j] <= target;
            const double change = (to ? 1.0 : 0.0) - (from ? 1.0 : 0.0);
            if (k[j] > 0 && change != 0.0)
                put(2 + unitRows + int(j), col, change);
            if (k[j] == 0 && to)
                put(2 + unitRows + int(j), col, -1.0);
        }
    }
    for (std::size_t o = 0; o < open.size(); ++o) {
        const int col = int(vars.size() + o) + 1;
        glp_set_col_kind(lp, col, GLP_BV);
        glp_set_obj_coef(lp, col, 1.0);
        put(2 + unitRows + int(open[o]), col, 1.0);
    }
    glp_load_matrix(lp, int(ia.size()) - 1, ia.data(), ja.data(), ar.data());
    glp_set_obj_dir(lp, GLP_MAX);
    glp_iocp parm;
    glp_init_iocp(&parm);
    parm.presolve = GLP_ON;
    parm.msg_lev = GLP_MSG_OFF;
    const int solved = glp_intopt(lp, &parm);
    const double best = solved == 0 && glp_mip_status(lp) == GLP_OPT ? glp_mip_obj_val(lp) : 0.0;
    glp_delete_prob(lp);
    return best;
}

} // namespace

// The move-ups the suggestion proposes against the integer program's optimum, on 200 random cities (six
// stations in a 16 km square, VSAVs at stations, one to three calls), with one and with two move-ups a type:
// the same number of sectors restored on every city.
TEST(Suggest, MoveUpsEqualGlpksOptimumOnSmallCities)
{
    std::mt19937 rng(20261207);
    std::uniform_real_distribution<double> lon(5.30, 5.50), lat(43.22, 43.36);
    auto table = defaultNeedsTable();
    ASSERT_TRUE(table.ok());
    const routing::MatrixOptions straight;
    const auto seconds = [&](GeoPoint a, GeoPoint b) {
        return routing::straightLine(a, b, straight).seconds;
    };
    int cities = 0, withMoves = 0, twoBelow = 0;
    double twoRatioSum = 0, twoCount = 0;
    for (int city = 0; city < 200; ++city) {
        std::vector<Sector> sectors;
        for (int s = 0; s < 6; ++s)
            sectors.push_back({QStringLiteral("st-%1").arg(s), QStringLiteral("Caserne %1").arg(s),
                               GeoPoint{lon(rng), lat(rng)}, 1.0});
        Picture pic;
        const int fleet = 6 + int(rng() % 4);
        for (int u = 0; u < fleet; ++u) {
            const Sector &at = sectors[rng() % sectors.size()];
            Unit unit = fleetUnit("", "VSAV", at.position);
            unit.id = QStringLiteral("VSAV-%1").arg(u);
            unit.callsign = unit.id;
            unit.station = at.id;
            pic.units[unit.id] = unit;
        }
        const int calls = 1 + int(rng() % 3);
        for (int c = 0; c < calls; ++c) {
            Incident call;
            call.id = QStringLiteral("inc-%1").arg(c);
            call.type = QStringLiteral("injury");
            const GeoPoint near = sectors[rng() % sectors.size()].position;
            call.position = GeoPoint{near.lon + 0.002, near.lat + 0.001};
            pic.incidents[call.id] = call;
        }
        std::vector<bool> home(sectors.size(), false);
        for (const auto &[id, u] : pic.units)
            for (std::size_t s = 0; s < sectors.size(); ++s)
                home[s] = home[s] || u.station == sectors[s].id;
        std::vector<double> stationToSector;
        for (const Sector &a : sectors)
            for (const Sector &b : sectors)
                stationToSector.push_back(seconds(a.position, b.position));
        for (const int moves : {1, 2}) {
            SuggestOptions options;
            options.moveUpsPerType = moves;
            const SuggestionSet set = suggest(pic, nullptr, sectors, *table, options);
            std::set<QString> leaving;
            double restored = 0;
            for (const Suggestion &s : set.items) {
                // A pair's first move may take a sector's only unit, which its second move restores: the
                // sectors counted are those uncovered before the move-ups and covered after.
                if (s.moveUp)
                    restored += double(s.restored.size()) - double(s.uncovered.size());
                else
                    leaving.insert(s.unit);
            }
            std::vector<double> unitToSector;
            std::size_t remaining = 0;
            for (const auto &[id, u] : pic.units) {
                if (leaving.count(id))
                    continue;
                ++remaining;
                for (const Sector &s : sectors)
                    unitToSector.push_back(seconds(*u.position, s.position));
            }
            const double optimum = glpkMoveUps(unitToSector, remaining, stationToSector, sectors.size(), home,
                                               moves, options.coverage.targetSeconds);
            EXPECT_EQ(restored, optimum) << moves << " move(s), city " << city << ":\n"
                                         << set.toText().toStdString();
            if (moves == 1) {
                ++cities;
                withMoves += optimum > 0 ? 1 : 0;
            } else if (optimum > 0) {
                ++twoCount;
                twoRatioSum += restored / optimum;
                twoBelow += restored < optimum - 1e-9 ? 1 : 0;
            }
        }
    }
    EXPECT_GT(withMoves, 20) << "too few cities with a move-up to compare";
    std::cout << "move-ups against GLPK: " << cities << " cities, " << withMoves
              << " with a sector to restore with one move; two moves: mean ratio "
              << (twoCount > 0 ? twoRatioSum / twoCount : 1.0) << ", below the optimum on " << twoBelow
              << " of " << twoCount << "\n";
}

TEST(Suggest, AcceptanceIsLoggedAndSendsTheUnit)
{
    Entry s;
    s.seq = 7;
    s.kind = QStringLiteral("suggestion");
    s.agency = QStringLiteral("fire");
    s.data = QJsonObject{{QStringLiteral("suggestion"), QStringLiteral("abc")},
                         {QStringLiteral("unit"), QStringLiteral("FPT-1")},
                         {QStringLiteral("incident"), QStringLiteral("inc-1")}};
    auto drafts = acceptDrafts(s, QStringLiteral("liaison"), Timestamp{1000});
    ASSERT_TRUE(drafts.ok());
    ASSERT_EQ(drafts->size(), 2u);
    EXPECT_EQ((*drafts)[0].kind, QStringLiteral("suggestion.accept"));
    EXPECT_TRUE(validateDraft((*drafts)[1]).ok());
    // The status names the accept it comes with, and takes effect with it (a status whose accept lost to an
    // earlier entry does not: tests/core/test_conflicts.cpp).
    EXPECT_FALSE((*drafts)[0].id.isNull());
    EXPECT_EQ((*drafts)[1].data.value(QLatin1String("accept")).toString(),
              (*drafts)[0].id.toString(QUuid::WithoutBraces));
    EXPECT_EQ((*drafts)[1].data.value(QLatin1String("suggestion")).toString(), QStringLiteral("abc"));
    Picture pic;
    qint64 seq = 7;
    for (Entry e : *drafts) {
        e.seq = ++seq;
        pic.apply(e);
    }
    EXPECT_EQ(pic.units.at(QStringLiteral("FPT-1")).status, QStringLiteral("en_route"));
    EXPECT_EQ(pic.units.at(QStringLiteral("FPT-1")).incident, QStringLiteral("inc-1"));
    auto reject = rejectDrafts(s, QStringLiteral("liaison"), Timestamp{1000}, QStringLiteral("already busy"));
    ASSERT_TRUE(reject.ok());
    EXPECT_EQ(reject->at(0).data.value(QLatin1String("reason")).toString(), QStringLiteral("already busy"));
    Entry note = s;
    note.kind = QStringLiteral("note");
    EXPECT_FALSE(acceptDrafts(note, QStringLiteral("liaison"), Timestamp{1000}).ok());
}

// Positions off the road network are named by the unit's and incident's ids in the notes, so that the
// desk knows whose ETA is a straight-line estimate.
TEST(Suggest, OffNetworkNotesNameUnitsAndIncidents)
{
    const QString pbf = QStringLiteral(VIGIE_SHARED_DATA "/osm/monaco/monaco.osm.pbf");
    if (!QFileInfo::exists(pbf))
        GTEST_SKIP() << "Monaco extract absent";
    auto net = routing::readRoadNetwork(pbf, std::nullopt);
    ASSERT_TRUE(net.ok());
    auto graph = routing::RoadGraph::build(std::move(*net));
    ASSERT_TRUE(graph.ok());
    Picture picture;
    Unit u;
    u.id = QStringLiteral("FPT-MARSEILLE-3");
    u.type = QStringLiteral("FPT");
    u.agency = QStringLiteral("fire");
    u.position = GeoPoint{5.3698, 43.2965};
    picture.units[u.id] = u;
    Incident i;
    i.id = QStringLiteral("INC-42");
    i.type = QStringLiteral("building_fire");
    i.position = GeoPoint{5.3710, 43.2990};
    picture.incidents[i.id] = i;
    const auto table = defaultNeedsTable();
    ASSERT_TRUE(table.ok());
    const SuggestionSet set = suggest(picture, graph->get(), {}, *table);
    const QString notes = set.notes.join(QLatin1Char('\n'));
    EXPECT_TRUE(notes.contains(QStringLiteral("unit FPT-MARSEILLE-3 at"))) << notes.toStdString();
    EXPECT_TRUE(notes.contains(QStringLiteral("incident INC-42 at"))) << notes.toStdString();
    EXPECT_FALSE(notes.contains(QStringLiteral("unit 0 at"))) << notes.toStdString();
}

// The demo room is in Marseille; Monaco's roads are far away: every ETA falls back, and says so.
TEST(SuggestCli, DemoRoomWithForeignRoadsFallsBackClearly)
{
    const QString pbf = QStringLiteral(VIGIE_SHARED_DATA "/osm/monaco/monaco.osm.pbf");
    if (!QFileInfo::exists(pbf))
        GTEST_SKIP() << "Monaco extract absent";
    QTemporaryDir dir;
    const QString room = dir.filePath(QStringLiteral("d.vigie")),
                  roads = dir.filePath(QStringLiteral("roads"));
    auto run = [](const QStringList &args) {
        QProcess p;
        p.start(QStringLiteral(VIGIE_CLI), args);
        p.waitForFinished(60000);
        return std::pair{p.exitCode(),
                         QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError())};
    };
    ASSERT_EQ(run({QStringLiteral("demo"), room}).first, 0);
    const auto imported = run({QStringLiteral("import-roads"), pbf, QStringLiteral("--out"), roads});
    ASSERT_EQ(imported.first, 0) << imported.second.toStdString();
    const auto text = run({QStringLiteral("suggest"), room, QStringLiteral("--roads"), roads});
    ASSERT_EQ(text.first, 0) << text.second.toStdString();
    EXPECT_TRUE(text.second.contains(QString::fromUtf8(routing::approximateNote)))
        << text.second.toStdString();
    EXPECT_TRUE(text.second.contains(QStringLiteral("alternative")));
    const auto json =
        run({QStringLiteral("suggest"), room, QStringLiteral("--roads"), roads, QStringLiteral("--json")});
    ASSERT_EQ(json.first, 0);
    const QJsonObject o = QJsonDocument::fromJson(json.second.toUtf8()).object();
    EXPECT_FALSE(o.value(QLatin1String("suggestions")).toArray().isEmpty()) << json.second.toStdString();
    EXPECT_TRUE(o.value(QLatin1String("suggestions"))
                    .toArray()
                    .at(0)
                    .toObject()
                    .value(QLatin1String("approximate"))
                    .toBool());
}

TEST(NeedRules, EveryDefaultNeedCanBeFilledByTheDemoFleet)
{
    // A need no unit of its agency can ever fill is a silent hole in every suggestion for that type.
    QTemporaryDir dir;
    SimulatedClock clock{Timestamp{1784055600000}};
    auto room = Room::create(dir.filePath(QStringLiteral("demo.vigie")), QStringLiteral("demo"),
                             RoomMode::Exercise, clock);
    ASSERT_TRUE(room.ok()) << room.error().message.toStdString();
    ASSERT_TRUE(writeDemoRoom(**room).ok());
    auto picture = (*room)->picture();
    ASSERT_TRUE(picture.ok());
    std::vector<Candidate> fleet;
    for (const auto &[id, u] : picture->units)
        fleet.push_back({u.id, u.type, u.agency, u.capabilities});
    ASSERT_GT(fleet.size(), 100u);
    auto table = defaultNeedsTable();
    ASSERT_TRUE(table.ok()) << table.error().message.toStdString();
    for (const auto &[type, needs] : table->byType)
        for (const Need &need : needs) {
            const auto able = std::count_if(fleet.begin(), fleet.end(),
                                            [&](const Candidate &c) { return matches(c, need); });
            EXPECT_GE(able, need.count)
                << type.toStdString() << ": " << need.agency.toStdString() << " " << need.name.toStdString();
        }
}
