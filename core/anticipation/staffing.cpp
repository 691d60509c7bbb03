#include "anticipation/staffing.h"

#include <QCoreApplication>

#include <boost/math/distributions/negative_binomial.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/poisson.hpp>
#include <boost/math/tools/minima.hpp>

#include <algorithm>
#include <cmath>

namespace vigie::anticipation {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("vigie::anticipation", text);
}

using Vec = std::vector<double>;

/// Solves A x = b for a symmetric positive-definite A (n × n, row-major) by Cholesky; also returns A⁻¹ when
/// `inverse` is given. False when A is not positive definite (a column that the data cannot tell apart).
bool choleskySolve(const Vec &a, int n, const Vec &b, Vec &x, Vec *inverse)
{
    Vec l(size_t(n) * n, 0.0);
    for (int i = 0; i < n; ++i)
        for (int j = 0; j <= i; ++j) {
            double s = a[i * n + j];
            for (int k = 0; k < j; ++k)
                s -= l[i * n + k] * l[j * n + k];
            if (i == j) {
                if (s <= 1e-12 * std::max(1.0, std::abs(a[i * n + i])))
                    return false;
                l[i * n + i] = std::sqrt(s);
            } else {
                l[i * n + j] = s / l[j * n + j];
            }
        }
    const auto solve = [&](const Vec &rhs, Vec &out) {
        Vec y(n);
        for (int i = 0; i < n; ++i) {
            double s = rhs[i];
            for (int k = 0; k < i; ++k)
                s -= l[i * n + k] * y[k];
            y[i] = s / l[i * n + i];
        }
        out.assign(n, 0.0);
        for (int i = n - 1; i >= 0; --i) {
            double s = y[i];
            for (int k = i + 1; k < n; ++k)
                s -= l[k * n + i] * out[k];
            out[i] = s / l[i * n + i];
        }
    };
    solve(b, x);
    if (inverse) {
        inverse->assign(size_t(n) * n, 0.0);
        Vec e(n, 0.0), col;
        for (int j = 0; j < n; ++j) {
            std::fill(e.begin(), e.end(), 0.0);
            e[j] = 1.0;
            solve(e, col);
            for (int i = 0; i < n; ++i)
                (*inverse)[i * n + j] = col[i];
        }
    }
    return true;
}

/// The design row of an event for a model's columns.
Vec designRow(const StaffingModel &m, const EventFeatures &f)
{
    Vec x{1.0, std::log1p(f.attendance)};
    for (qsizetype t = 1; t < m.types.size(); ++t)
        x.push_back(f.type == m.types[t] ? 1.0 : 0.0);
    for (size_t b = 1; b < m.bands.size(); ++b)
        x.push_back(f.hourBand == m.bands[b] ? 1.0 : 0.0);
    if (m.weekend)
        x.push_back(f.weekend ? 1.0 : 0.0);
    if (m.risk)
        x.push_back(double(f.risk));
    return x;
}

struct Fit
{
    Vec beta;
    Vec covariance;
    Vec mu;
    int iterations = 0;
};

/// IRLS for a log-link GLM; theta = 0 is Poisson, else NB with that shape (weights μ/(1 + μ/θ)).
std::optional<Fit> irls(const std::vector<Vec> &x, const Vec &y, double theta, Vec start)
{
    const int n = int(x.size()), p = int(x.front().size());
    Fit f;
    f.beta = std::move(start);
    f.mu.assign(n, 0.0);
    for (f.iterations = 1; f.iterations <= 100; ++f.iterations) {
        Vec xtwx(size_t(p) * p, 0.0), xtwz(p, 0.0);
        for (int i = 0; i < n; ++i) {
            double eta = 0;
            for (int j = 0; j < p; ++j)
                eta += x[i][j] * f.beta[j];
            eta = std::clamp(eta, -30.0, 30.0);
            const double mu = std::exp(eta);
            const double w = theta > 0 ? mu / (1.0 + mu / theta) : mu;
            const double z = eta + (y[i] - mu) / mu;
            for (int j = 0; j < p; ++j) {
                xtwz[j] += x[i][j] * w * z;
                for (int k = 0; k <= j; ++k)
                    xtwx[j * p + k] += x[i][j] * w * x[i][k];
            }
        }
        for (int j = 0; j < p; ++j)
            for (int k = j + 1; k < p; ++k)
                xtwx[j * p + k] = xtwx[k * p + j];
        Vec next;
        if (!choleskySolve(xtwx, p, xtwz, next, &f.covariance))
            return std::nullopt;
        double change = 0;
        for (int j = 0; j < p; ++j)
            change = std::max(change, std::abs(next[j] - f.beta[j]));
        f.beta = std::move(next);
        if (change < 1e-9)
            break;
    }
    for (int i = 0; i < n; ++i) {
        double eta = 0;
        for (int j = 0; j < p; ++j)
            eta += x[i][j] * f.beta[j];
        f.mu[i] = std::exp(std::clamp(eta, -30.0, 30.0));
    }
    // The covariance of the converged fit; recomputed once more at the final μ would change it by far less
    // than its own sampling error.
    return f;
}

double nbLogLikelihood(const Vec &y, const Vec &mu, double theta)
{
    double l = 0;
    for (size_t i = 0; i < y.size(); ++i)
        l += std::lgamma(y[i] + theta) - std::lgamma(theta) - std::lgamma(y[i] + 1) +
             theta * std::log(theta / (theta + mu[i])) + y[i] * std::log(mu[i] / (theta + mu[i]));
    return l;
}

double thetaMaximumLikelihood(const Vec &y, const Vec &mu)
{
    const auto r = boost::math::tools::brent_find_minima(
        [&](double logTheta) { return -nbLogLikelihood(y, mu, std::exp(logTheta)); }, std::log(0.01),
        std::log(1e4), 40);
    return std::exp(r.first);
}

OverdispersionTest cameronTrivedi(const Vec &y, const Vec &mu)
{
    // Auxiliary OLS without intercept: z_i = ((y − μ)² − y)/μ on μ.
    double smz = 0, smm = 0;
    Vec z(y.size());
    for (size_t i = 0; i < y.size(); ++i) {
        z[i] = ((y[i] - mu[i]) * (y[i] - mu[i]) - y[i]) / mu[i];
        smz += mu[i] * z[i];
        smm += mu[i] * mu[i];
    }
    OverdispersionTest t;
    t.alpha = smz / smm;
    double rss = 0;
    for (size_t i = 0; i < y.size(); ++i)
        rss += (z[i] - t.alpha * mu[i]) * (z[i] - t.alpha * mu[i]);
    t.stdError = std::sqrt(rss / double(y.size() - 1) / smm);
    t.z = t.stdError > 0 ? t.alpha / t.stdError : 0;
    t.overdispersed = t.z > 1.6448536269514722; // one-sided 5 %
    return t;
}

} // namespace

QString hourBandId(int band)
{
    static const char *ids[] = {"night", "morning", "afternoon", "evening"};
    return band >= 0 && band < hourBandCount ? QString::fromLatin1(ids[band]) : QString();
}

EventFeatures featuresOf(const PlannedEvent &event, const QTimeZone &zone)
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(event.start.msecs, zone);
    const int dow = local.date().dayOfWeek();
    return {event.type, double(std::max<qint64>(event.attendance, 0)), local.time().hour() / 6, dow >= 6,
            event.risk};
}

std::vector<TrainingEvent> trainingSet(const EventHistory &history, Timestamp before, const QTimeZone &zone,
                                       const AttributionRule &rule)
{
    std::vector<TrainingEvent> out;
    for (const PlannedEvent &e : history.events)
        if (e.attendance >= 0 && e.end < before)
            out.push_back({e.id, e.title, featuresOf(e, zone), countIncidents(e, history.incidents, rule)});
    return out;
}

Result<StaffingModel> fitStaffing(const std::vector<TrainingEvent> &events)
{
    StaffingModel m;
    for (const QString &t : eventTypes())
        if (std::any_of(events.begin(), events.end(),
                        [&](const TrainingEvent &e) { return e.features.type == t; }))
            m.types.append(t);
    for (int b = 0; b < hourBandCount; ++b)
        if (std::any_of(events.begin(), events.end(),
                        [&](const TrainingEvent &e) { return e.features.hourBand == b; }))
            m.bands.push_back(b);
    const auto weekends = std::count_if(events.begin(), events.end(),
                                        [](const TrainingEvent &e) { return e.features.weekend; });
    m.weekend = weekends > 0 && weekends < qsizetype(events.size());
    m.risk = !events.empty() && std::all_of(events.begin(), events.end(),
                                            [](const TrainingEvent &e) { return e.features.risk >= 0; });
    const int p = 2 + int(std::max<qsizetype>(m.types.size() - 1, 0)) +
                  int(std::max<size_t>(m.bands.size(), 1) - 1) + (m.weekend ? 1 : 0) + (m.risk ? 1 : 0);
    const int needed = std::max(minimumEvents, eventsPerCoefficient * p);
    if (int(events.size()) < needed)
        return Error{
            tr("History too short: %1 past events with an attendance, at least %2 are needed for %3 "
               "coefficients (%4 events minimum, %5 per coefficient). Record more events (event.plan) "
               "before relying on a figure.")
                .arg(events.size())
                .arg(needed)
                .arg(p)
                .arg(minimumEvents)
                .arg(eventsPerCoefficient)};
    std::vector<Vec> x;
    Vec y;
    double total = 0;
    for (const TrainingEvent &e : events) {
        x.push_back(designRow(m, e.features));
        y.push_back(e.observed);
        total += e.observed;
    }
    if (total == 0)
        return Error{tr("No incident was ever counted at the %1 past events: nothing to learn a rate from "
                        "(are incidents recorded with a place, near the events' venues?)")
                         .arg(events.size())};
    Vec start(p, 0.0);
    start[0] = std::log(total / double(events.size()));
    auto fit = irls(x, y, 0.0, start);
    if (!fit)
        return Error{tr("The history cannot tell the effects apart (a column of the model is constant or "
                        "duplicates another): vary the events' types, hours or days.")};
    m.dispersion = cameronTrivedi(y, fit->mu);
    if (m.dispersion.overdispersed) {
        m.family = Family::NegativeBinomial;
        double theta = thetaMaximumLikelihood(y, fit->mu);
        for (int round = 0; round < 25; ++round) {
            auto nb = irls(x, y, theta, fit->beta);
            if (!nb)
                return Error{tr("The negative binomial fit did not converge on this history.")};
            fit = std::move(nb);
            const double next = thetaMaximumLikelihood(y, fit->mu);
            const bool done = std::abs(next - theta) < 1e-6 * theta;
            theta = next;
            if (done)
                break;
        }
        m.theta = theta;
    }
    m.iterations = fit->iterations;
    m.covariance = fit->covariance;
    QStringList names{QStringLiteral("intercept"), QStringLiteral("log_attendance")};
    for (qsizetype t = 1; t < m.types.size(); ++t)
        names.append(QStringLiteral("type:") + m.types[t]);
    for (size_t b = 1; b < m.bands.size(); ++b)
        names.append(QStringLiteral("band:") + hourBandId(m.bands[b]));
    if (m.weekend)
        names.append(QStringLiteral("weekend"));
    if (m.risk)
        names.append(QStringLiteral("risk"));
    for (int j = 0; j < p; ++j)
        m.coefficients.push_back(
            {names[j], fit->beta[j], std::sqrt(std::max(0.0, fit->covariance[j * p + j]))});
    for (size_t i = 0; i < events.size(); ++i)
        m.learned.push_back({events[i].id, events[i].title, qint64(events[i].features.attendance),
                             events[i].observed, fit->mu[i]});
    return m;
}

Result<Prediction> predict(const StaffingModel &m, const EventFeatures &f)
{
    if (!m.types.contains(f.type))
        return Error{
            tr("No past event of type \"%1\" in the history (seen: %2): no figure can be given for it.")
                .arg(f.type, m.types.join(QLatin1String(", ")))};
    if (std::find(m.bands.begin(), m.bands.end(), f.hourBand) == m.bands.end())
        return Error{tr("No past event started in the %1 band (%2 h–%3 h): no figure can be given for it.")
                         .arg(hourBandId(f.hourBand))
                         .arg(f.hourBand * 6)
                         .arg(f.hourBand * 6 + 6)};
    if (m.risk && f.risk < 0)
        return Error{tr("The model uses a risk class (data.risk) and the event has none.")};
    const Vec x = designRow(m, f);
    const int p = int(x.size());
    double eta = 0, var = 0;
    for (int j = 0; j < p; ++j) {
        eta += x[j] * m.coefficients[j].estimate;
        for (int k = 0; k < p; ++k)
            var += x[j] * m.covariance[j * p + k] * x[k];
    }
    const double sd = std::sqrt(std::max(var, 0.0));
    constexpr int nodes = 61;
    const boost::math::normal_distribution<double> normal;
    Vec mu(nodes), w(nodes);
    double wsum = 0;
    for (int i = 0; i < nodes; ++i) {
        const double z = -4.0 + 8.0 * i / (nodes - 1);
        mu[i] = std::exp(std::clamp(eta + sd * z, -30.0, 30.0));
        w[i] = boost::math::pdf(normal, z);
        wsum += w[i];
    }
    Prediction out;
    for (int i = 0; i < nodes; ++i) {
        w[i] /= wsum;
        out.expected += w[i] * mu[i];
    }
    const auto cdfAt = [&](double mean, double k) {
        if (m.family == Family::Poisson)
            return boost::math::cdf(boost::math::poisson_distribution<double>(mean), k);
        return boost::math::cdf(
            boost::math::negative_binomial_distribution<double>(m.theta, m.theta / (m.theta + mean)), k);
    };
    const auto mixtureCdf = [&](int k) {
        double c = 0;
        for (int i = 0; i < nodes; ++i)
            c += w[i] * cdfAt(mu[i], k);
        return c;
    };
    // Smallest k with F(k) >= q, by bisection between 0 and a bound no quantile below 0.999 can pass.
    const double top = mu.back();
    const int bound =
        int(std::ceil(top + 10.0 * std::sqrt(top + (m.theta > 0 ? top * top / m.theta : 0)) + 10));
    const auto quantile = [&](double q) {
        int lo = 0, hi = bound;
        if (mixtureCdf(0) >= q)
            return 0;
        while (hi - lo > 1) {
            const int mid = lo + (hi - lo) / 2;
            (mixtureCdf(mid) >= q ? hi : lo) = mid;
        }
        return hi;
    };
    out.lower80 = quantile(0.10);
    out.upper80 = quantile(0.90);
    out.lower95 = quantile(0.025);
    out.upper95 = quantile(0.975);
    return out;
}

int officersNeeded(const Prediction &prediction, int capacity)
{
    capacity = std::max(capacity, 1);
    return 2 * ((prediction.upper95 + capacity - 1) / capacity);
}

namespace {

Result<StaffingAnswer> answer(const EventHistory &history, const PlannedEvent &event, int capacity,
                              const QTimeZone &zone, const AttributionRule &rule)
{
    if (!eventTypes().contains(event.type))
        return Error{tr("Unknown event type \"%1\" (expected one of %2)")
                         .arg(event.type, eventTypes().join(QLatin1String(", ")))};
    if (capacity < 1)
        return Error{tr("Capacity %1 must be at least 1 incident per pair of officers.").arg(capacity)};
    std::vector<TrainingEvent> past = trainingSet(history, event.start, zone, rule);
    std::erase_if(past, [&](const TrainingEvent &e) { return !event.id.isEmpty() && e.id == event.id; });
    auto model = fitStaffing(past);
    if (!model)
        return model.error();
    StaffingAnswer a;
    a.eventId = event.id;
    a.title = event.title;
    a.event = featuresOf(event, zone);
    a.start = event.start;
    a.model = std::move(*model);
    auto p = predict(a.model, a.event);
    if (!p)
        return p.error();
    a.prediction = *p;
    a.capacity = capacity;
    a.officers = officersNeeded(a.prediction, capacity);
    return a;
}

} // namespace

Result<StaffingAnswer> staffingForEvent(const EventHistory &history, const QString &eventId, int capacity,
                                        const QTimeZone &zone, const AttributionRule &rule)
{
    const auto it = std::find_if(history.events.begin(), history.events.end(),
                                 [&](const PlannedEvent &e) { return e.id == eventId; });
    if (it == history.events.end())
        return Error{tr("No planned event \"%1\" in the room (event.plan, not cancelled).").arg(eventId)};
    if (it->attendance < 0)
        return Error{tr("Event \"%1\" has no attendance: the model needs one.").arg(eventId)};
    return answer(history, *it, capacity, zone, rule);
}

Result<StaffingAnswer> staffingFor(const EventHistory &history, const QString &type, qint64 attendance,
                                   Timestamp start, int risk, int capacity, const QTimeZone &zone,
                                   const AttributionRule &rule)
{
    PlannedEvent e;
    e.type = type;
    e.attendance = attendance;
    e.start = start;
    e.end = start;
    e.risk = risk;
    return answer(history, e, capacity, zone, rule);
}

} // namespace vigie::anticipation
