#pragma once
// "Prévision des interventions": the incidents expected by band of the day with their 80 % and 95 % intervals,
// the back-test of the hotspots (PAI per week, model against last month's counts), the police staffing of a
// chosen event with the past events it learned from, and the cells for the map's "Incidents attendus".
// Aggregates only. Every figure is computed by a ForecastJob off the GUI thread.
#include "maps/expected_cells.h"
#include "ui/forecast_job.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

class QChartView;

namespace vigie::ui {

class ForecastPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ForecastPanel(QString roomFile, QWidget *parent = nullptr);

    /// Starts a computation (the chosen event, or the next one when none is chosen yet).
    void compute();
    [[nodiscard]] bool busy() const { return m_job != nullptr; }
    /// French words for an event type and an hour band of the staffing model.
    [[nodiscard]] static QString typeLabel(const QString &type);
    [[nodiscard]] static QString bandLabel(int band);

Q_SIGNALS:
    /// The cells to shade on the map (empty when the overlay is off or nothing could be computed).
    void expectedCellsChanged(const std::vector<vigie::maps::ShadedCell> &cells);
    void computed();

private:
    void show(const ForecastResult &result);
    void showBands(const ForecastResult &result);
    void showBacktest(const ForecastResult &result);
    void showStaffing(const ForecastResult &result);
    void publishCells();

    QString m_roomFile;
    ForecastJob *m_job = nullptr;
    std::vector<maps::ShadedCell> m_cells;
    QComboBox *m_event = nullptr;
    QSpinBox *m_capacity = nullptr;
    QPushButton *m_run = nullptr;
    QCheckBox *m_onMap = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QChartView *m_bands = nullptr;
    QChartView *m_pai = nullptr;
    QLabel *m_staffing = nullptr;
    QTableWidget *m_learned = nullptr;
};

} // namespace vigie::ui
