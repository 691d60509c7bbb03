#pragma once
// How many incidents to expect at a planned event, and so how many police officers: a count regression
// (GLM, log link) of the incidents of past events on their attendance, type, start hour band, weekend and
// risk class, Poisson or negative binomial as the history's overdispersion decides.
//
// Model: log E[Y] = b0 + b1·log(1 + attendance) + type effect + hour-band effect + b_we·weekend
// (+ b_r·risk when every past event has a risk class). Reference levels are the first type (in the
// event.plan schema's order) and the first hour band present in the history; levels absent from the
// history get no coefficient, and an event of such a level gets no figure.
//
// Fitted by iteratively reweighted least squares (IRLS). Written by hand: Debian 12 packages no GLM library
// for C++, Eigen is not a dependency of Vigie, and the normal equations here are at most ~16 × 16 (a
// Cholesky factorisation of a few lines). Boost.Math gives the distributions and the one-dimensional search
// of the negative binomial's shape.
//
// Poisson or negative binomial: the Cameron–Trivedi test (1990) on the Poisson fit regresses
// ((y − μ)² − y)/μ on μ without intercept; under equidispersion the slope α is 0, and a one-sided z-test
// (α / se(α) > 1.645, 5 %) chooses the negative binomial Var = μ + μ²/θ, θ by maximum likelihood.
//
// Predictive intervals: the log mean is uncertain (normal with the variance xᵀΣx from the coefficients'
// covariance), the count given the mean is Poisson or NB; the intervals are quantiles of that mixture
// (61 normal nodes over ±4 sd), so they widen both for an unusual event and for a short history.
#include "anticipation/event_history.h"

#include <QTimeZone>

#include <vector>

namespace vigie::anticipation {

/// Hour bands of an event's local start time: night [0 h, 6 h), morning [6, 12), afternoon [12, 18),
/// evening [18, 24).
inline constexpr int hourBandCount = 4;
[[nodiscard]] QString hourBandId(int band); ///< "night", "morning", "afternoon", "evening"

struct EventFeatures
{
    QString type;
    double attendance = 0;
    int hourBand = 0;
    bool weekend = false;
    int risk = -1; ///< -1: not given
};
/// The features of an event, its start read in `zone` (Europe/Paris for Marseille rooms).
[[nodiscard]] EventFeatures featuresOf(const PlannedEvent &event, const QTimeZone &zone);

struct TrainingEvent
{
    QString id;
    QString title;
    EventFeatures features;
    int observed = 0; ///< incidents attributed to it (countIncidents)
};
/// The past events a model learns from: those of `history` with an attendance that ended before `before`,
/// with their incidents counted by `rule`.
[[nodiscard]] std::vector<TrainingEvent> trainingSet(const EventHistory &history, Timestamp before,
                                                     const QTimeZone &zone, const AttributionRule &rule = {});

/// Minimum history: 30 events, and at least 5 per coefficient. Below that the coefficients' standard errors
/// are too unreliable for intervals one would staff on.
inline constexpr int minimumEvents = 30;
inline constexpr int eventsPerCoefficient = 5;

enum class Family
{
    Poisson,
    NegativeBinomial
};

struct Coefficient
{
    QString name; ///< "intercept", "log_attendance", "type:concert", "band:evening", "weekend", "risk"
    double estimate = 0;
    double stdError = 0;
};

struct OverdispersionTest
{
    double alpha = 0; ///< slope of the auxiliary regression (0 under equidispersion)
    double stdError = 0;
    double z = 0;
    bool overdispersed = false;
};

struct LearnedEvent
{
    QString id;
    QString title;
    qint64 attendance = 0;
    int observed = 0;
    double fitted = 0;
};

struct StaffingModel
{
    Family family = Family::Poisson;
    double theta = 0; ///< NB shape (Var = μ + μ²/θ); 0 for Poisson
    std::vector<Coefficient> coefficients;
    std::vector<double> covariance; ///< p × p, row-major
    OverdispersionTest dispersion;
    std::vector<LearnedEvent> learned;
    QStringList types;      ///< types with a coefficient or the reference, first = reference
    std::vector<int> bands; ///< bands seen, first = reference
    bool weekend = false;   ///< both weekend and weekday events seen
    bool risk = false;
    int iterations = 0;
};

/// Fits the model, or says plainly why the history cannot give a figure.
[[nodiscard]] Result<StaffingModel> fitStaffing(const std::vector<TrainingEvent> &events);

struct Prediction
{
    double expected = 0; ///< mean of the predictive distribution
    int lower80 = 0, upper80 = 0, lower95 = 0, upper95 = 0;
};
/// The predictive distribution for an event, or an error when its type or hour band was never seen.
[[nodiscard]] Result<Prediction> predict(const StaffingModel &model, const EventFeatures &event);

/// Capacity: the incidents one pair of officers can handle during the event (default 4: an incident takes
/// a pair out of the crowd for about an hour of a four-hour event). Officers = 2 × ceil(upper 95 % /
/// capacity).
inline constexpr int defaultCapacity = 4;
[[nodiscard]] int officersNeeded(const Prediction &prediction, int capacity);

/// One staffing estimate with its evidence: the event, the model and the past events it learned from.
struct StaffingAnswer
{
    QString eventId; ///< empty for a hypothetical event
    QString title;
    EventFeatures event;
    Timestamp start;
    StaffingModel model;
    Prediction prediction;
    int capacity = defaultCapacity;
    int officers = 0;
};
/// For an event of the history (`eventId`), learning from the events that ended before it started.
[[nodiscard]] Result<StaffingAnswer> staffingForEvent(const EventHistory &history, const QString &eventId,
                                                      int capacity, const QTimeZone &zone,
                                                      const AttributionRule &rule = {});
/// For a hypothetical event starting at `start` (its hour band and weekend read from it in `zone`).
[[nodiscard]] Result<StaffingAnswer> staffingFor(const EventHistory &history, const QString &type,
                                                 qint64 attendance, Timestamp start, int risk, int capacity,
                                                 const QTimeZone &zone, const AttributionRule &rule = {});

} // namespace vigie::anticipation
