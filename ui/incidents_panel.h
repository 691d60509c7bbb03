#pragma once
// The Interventions dock: the open incidents as a readable list (severity, nature, title, place, age, units
// engaged), a filter above it (words, minimum severity, service), and the incident a desk picks (click,
// arrows, Entrée) announced so that the map centres on it and the Détail dock shows it.
#include <QSortFilterProxyModel>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace vigie {
class PictureManager;
}

namespace vigie::ui {

class IncidentsModel;

/// Rows whose words contain every word typed (accents and case aside), at or above a severity, of a service.
class IncidentsFilter : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setWords(const QString &text);
    void setMinimumSeverity(int severity);
    void setAgency(const QString &agency); ///< "" for every service

protected:
    [[nodiscard]] bool filterAcceptsRow(int row, const QModelIndex &parent) const override;

private:
    QStringList m_words;
    int m_minimumSeverity = 0;
    QString m_agency;
};

class IncidentsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit IncidentsPanel(PictureManager &manager, QWidget *parent = nullptr);

    [[nodiscard]] QTableView *view() const { return m_view; }
    [[nodiscard]] IncidentsModel *model() const { return m_model; }
    [[nodiscard]] IncidentsFilter *filter() const { return m_filter; }
    [[nodiscard]] QLineEdit *searchBox() const { return m_search; }
    /// Selects an incident's row (clearing the filter if it hides it); false if it is not in the list.
    bool selectIncident(const QString &id);
    /// The width the list needs to show its columns without cutting the titles short.
    [[nodiscard]] QSize sizeHint() const override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;

Q_SIGNALS:
    /// A desk picked an incident: clicked, reached with the arrows, or Entrée.
    void incidentSelected(const QString &id);
    /// A short notice for the status bar (a severe incident opened).
    void notice(const QString &text);

private:
    void updateCount();
    void fitColumns();
    PictureManager &m_manager;
    IncidentsModel *m_model = nullptr;
    IncidentsFilter *m_filter = nullptr;
    QTableView *m_view = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_severity = nullptr;
    QComboBox *m_agency = nullptr;
    QLabel *m_count = nullptr;
    QTimer m_ticks;
    bool m_sized = false;
};

} // namespace vigie::ui
