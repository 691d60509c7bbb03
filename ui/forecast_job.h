#pragma once
// One computation of the incident forecast for the console: reads the room's planned events and incidents
// through a connection of its own, fits the hotspots, back-tests them and estimates the staffing of one
// event, on a worker thread (fitting never runs on the GUI thread), reporting each step.
#include "anticipation/hotspots.h"
#include "anticipation/staffing.h"

#include <QObject>

#include <optional>

namespace vigie::ui {

struct ForecastRequest
{
    QString roomFile;
    QString eventId; ///< empty: the next planned event, else the latest one
    int capacity = anticipation::defaultCapacity;
};

struct ForecastResult
{
    QString error; ///< the room could not be read; nothing else is set
    std::vector<anticipation::PlannedEvent> events;
    std::optional<anticipation::HotspotForecast> hotspots;
    QString hotspotsError;
    std::optional<anticipation::Backtest> backtest;
    QString backtestError;
    std::optional<anticipation::StaffingAnswer> staffing;
    QString staffingError;
};

class ForecastJob : public QObject
{
    Q_OBJECT
public:
    /// Starts on the global thread pool.
    ForecastJob(ForecastRequest request, QObject *parent = nullptr);

Q_SIGNALS:
    void progress(int step, int steps, const QString &what);
    void finished(const vigie::ui::ForecastResult &result);
};

} // namespace vigie::ui
